"""Tests of list-field extraction on articles about other drugs and on the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo import config
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.helpers import make_document
from tests.unit.extract.scoring import expected, merge, score

ARTICLES = Path(__file__).parent / "articles"

EXPECTED: dict[str, dict[str, set[object]]] = {
    "tizanidine.md": {
        "brand_names": {"zanaflex"},
        "drug_class": {"skeletal muscle relaxant", "alpha-2 adrenergic agonist"},
        "indications": {
            # "spasticity caused by multiple sclerosis or spinal cord injury": the use is the
            # spasticity, the diseases its causes (as a label's indication reads)
            ("spasticity", False),
            ("tension headache", True),
        },
        "mechanism_terms": {"alpha-2 adrenergic", "agonist"},
        "forms": {"oral tablet", "capsule"},
        "common_side_effects": {"dry mouth", "drowsiness", "fatigue", "dizziness", "weakness"},
        "serious_side_effects": {
            "low blood pressure",
            "liver problems",
            "hallucinations",
            "fainting",
        },
        "interactions": {"alcohol", "ciprofloxacin", "fluvoxamine", "opioids"},
        "precautions": {"kidney disease", "liver disease", "older adults"},
    },
    "sertraline.txt": {
        "brand_names": {"zoloft"},
        "drug_class": {"ssri", "antidepressant"},
        "indications": {
            ("depression", False),
            ("panic disorder", False),
            ("obsessive-compulsive disorder", False),
            ("post-traumatic stress disorder", False),
            ("premature ejaculation", True),
            ("hot flashes", True),
        },
        "mechanism_terms": {"serotonin reuptake", "selective serotonin reuptake inhibitor"},
        "forms": {"oral tablet", "oral solution"},
        "common_side_effects": {"nausea", "diarrhea", "insomnia", "sweating", "sexual dysfunction"},
        "serious_side_effects": {"suicidal thoughts", "serotonin syndrome", "bleeding", "seizures"},
        "interactions": {"maoi", "tramadol", "triptans", "blood thinners", "warfarin"},
        "precautions": {"bipolar disorder", "seizure history", "liver disease", "glaucoma"},
    },
    "gabapentin.md": {
        "brand_names": {"neurontin", "gralise"},
        "drug_class": {"anticonvulsant"},
        "indications": {
            ("epilepsy", False),
            ("postherpetic neuralgia", False),
            ("restless legs syndrome", True),
            ("fibromyalgia", True),
            ("alcohol withdrawal", True),
        },
        "mechanism_terms": {"alpha-2-delta", "voltage-gated calcium channels"},
        "forms": {"capsule", "oral tablet", "oral solution", "extended-release tablet"},
        "common_side_effects": {
            "drowsiness",
            "dizziness",
            "loss of coordination",
            "swelling",
            "blurred vision",
        },
        "serious_side_effects": {
            "shortness of breath",  # "trouble breathing", said as the article says it
            "allergic reaction",
            "suicidal thoughts",
        },
        "interactions": {"opioids", "morphine", "benzodiazepines", "antacids"},
        "precautions": {
            "kidney disease",
            "history of drug abuse or addiction",
            "breathing problems",
        },
    },
    "ibuprofen.txt": {
        "brand_names": {"advil", "motrin"},
        "drug_class": {"nsaid"},
        "indications": {
            ("pain", False),
            ("fever", False),
            ("inflammation", False),  # "inflammation from arthritis": arthritis is its cause
            ("menstrual cramps", False),
            ("tension headache", False),
        },
        "mechanism_terms": {"cox-1", "cox-2", "prostaglandins"},
        "forms": {"oral tablet", "capsule", "chewable tablet", "oral suspension", "gel"},
        "common_side_effects": {"upset stomach", "indigestion", "nausea", "headache", "dizziness"},
        "serious_side_effects": {"stomach bleeding", "kidney problems", "heart attack", "stroke"},
        "interactions": {
            "blood thinners",
            "warfarin",
            "nsaids",
            "naproxen",
            "antihypertensives",
            "diuretics",
            "alcohol",
        },
        "precautions": {
            "stomach ulcers or bleeding",
            "heart disease",
            "high blood pressure",
            "kidney disease",
            "pregnancy",  # "Do not use it in the last three months of pregnancy."
        },
    },
    "loratadine.md": {
        "brand_names": {"claritin"},
        "drug_class": {"antihistamine"},
        "indications": {("allergies", False), ("hives", False)},
        "mechanism_terms": {"h1 receptor", "antagonist"},
        "forms": {"oral tablet", "orally disintegrating tablet", "oral solution"},
        "common_side_effects": {"headache", "dry mouth", "fatigue"},
        "serious_side_effects": {"allergic reaction", "fast heart rate"},
        "interactions": {"ketoconazole", "erythromycin"},
        "precautions": {"liver disease", "kidney disease"},
    },
}


def facts_of(name: str) -> list[ExtractedFact]:
    document = make_document((ARTICLES / name).read_text(encoding="utf-8"))
    return extract_list_facts(document, "test", name.split(".")[0])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_extract_list_facts_finds_every_list_field_of_an_article(name: str) -> None:
    found = merge(facts_of(name))
    for field, wanted in EXPECTED[name].items():
        assert found[field] == wanted, field


def test_extract_list_facts_leaves_out_negated_terms() -> None:
    found = merge(facts_of("tizanidine.md")) | merge(facts_of("gabapentin.md"))
    assert "weight gain" not in found["common_side_effects"]
    assert "liver problems" not in merge(facts_of("gabapentin.md"))["serious_side_effects"]
    assert "acetaminophen" not in merge(facts_of("tizanidine.md"))["interactions"]


def test_extract_list_facts_ignores_links_to_other_drugs() -> None:
    facts = facts_of("tizanidine.md") + facts_of("sertraline.txt")
    assert not {"ibuprofen", "trazodone"} & {fact.key for fact in facts}


def test_extract_list_facts_evidence_quotes_the_stating_text() -> None:
    text = (ARTICLES / "sertraline.txt").read_text(encoding="utf-8")
    for fact in facts_of("sertraline.txt"):
        quoted = text[fact.evidence.start : fact.evidence.end]
        assert fact.evidence.source == "test"
        assert fact.evidence.section
        assert len(quoted) < 400, quoted


def test_extract_list_facts_interaction_names_effects_as_terms() -> None:
    interactions = [f for f in facts_of("sertraline.txt") if f.kind is FactKind.INTERACTION]
    warfarin = next(f for f in interactions if f.key == "warfarin")
    assert warfarin.attributes["effect_terms"] == "bleeding"
    maoi = next(f for f in interactions if f.key == "maoi")
    assert maoi.attributes == {"agent_type": "class", "severity": "major", "effect_terms": ""}


def test_extract_list_facts_withdrawal_symptoms_are_not_side_effects() -> None:
    facts = facts_of("sertraline.txt")
    withdrawal = {f.key for f in facts if f.kind is FactKind.WITHDRAWAL_SYMPTOM}
    assert withdrawal == {"dizziness", "irritability", "flu-like symptoms"}
    assert "dizziness" not in {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT}


def _seed_dir() -> Path:
    shared = config.SHARED_DIR.value() or str(Path(__file__).parents[3] / ".." / "shared")
    return Path(shared)


def test_extract_list_facts_reaches_the_seed_quality_target() -> None:
    shared = _seed_dir()
    gold_path = shared / "dev-gold" / "baclofen.json"
    if not gold_path.exists():
        pytest.skip("shared corpus not available")
    facts: list[ExtractedFact] = []
    for path in sorted((shared / "corpus" / "baclofen").glob("*.txt")):
        document = make_document(path.read_text(encoding="utf-8"))
        facts.extend(extract_list_facts(document, path.stem, "baclofen"))
    scores = score(facts, expected(gold_path))
    assert all(value >= 0.9 for value in scores.values()), scores


def test_extract_list_facts_knows_the_drug_by_any_of_its_names() -> None:
    document = make_document(
        "Paracetamol (Tylenol) is a pain reliever. Do not combine it with warfarin or with "
        "other products that contain acetaminophen.\n"
    )
    facts = extract_list_facts(document, "test", "paracetamol")
    assert {f.key for f in facts if f.kind is FactKind.BRAND_NAME} == {"Tylenol"}
    assert {f.key for f in facts if f.kind is FactKind.INTERACTION} == {"warfarin"}


def _side_effects(text: str) -> dict[str, bool]:
    facts = extract_list_facts(make_document(text), "test", "lisinopril")
    return {f.key: bool(f.attributes["serious"]) for f in facts if f.kind is FactKind.SIDE_EFFECT}


def test_extract_list_facts_symptoms_describing_a_side_effect_are_not_listed() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call your doctor at once if you notice any of the following:\n"
        "- Low sodium levels (confusion, headache, weakness)\n"
        "- Serotonin syndrome, with agitation, fever and sweating\n"
        "- Signs of liver problems such as nausea and loss of appetite\n"
        "- Hallucinations"
    )
    assert found == {
        "low sodium": True,
        "serotonin syndrome": True,
        "liver problems": True,
        "hallucinations": True,
    }


def test_extract_list_facts_stop_and_get_help_lead_lists_serious_effects() -> None:
    found = _side_effects(
        "Possible side effects\n"
        "Stop taking lisinopril and get emergency help if you have:\n"
        "- Swelling of the face, lips or tongue (angioedema)\n"
        "- Fainting"
    )
    # the swelling is the sign the bracket names: angioedema, not a second reaction
    assert found == {"angioedema": True, "fainting": True}


def test_extract_list_facts_interactions_named_with_verbs_of_effect() -> None:
    facts = extract_list_facts(
        make_document(
            "Warnings\n"
            "Taking it with benzodiazepines can cause deep sedation. Carbamazepine lowers the "
            "effect of tramadol, and fluoxetine changes how it is processed."
        ),
        "test",
        "tramadol",
    )
    found = {f.key for f in facts if f.kind is FactKind.INTERACTION}
    assert found == {"benzodiazepines", "carbamazepine", "fluoxetine"}


def _list_facts(text: str, drug: str) -> list[ExtractedFact]:
    return extract_list_facts(make_document(text), "test", drug)


def test_extract_list_facts_keeps_brand_variant_markers() -> None:
    text = "Venlafaxine is sold as Effexor and Effexor XR. It is an antidepressant."
    brands = {f.key for f in _list_facts(text, "venlafaxine") if f.kind is FactKind.BRAND_NAME}
    assert {"Effexor", "Effexor XR"} <= brands


def test_extract_list_facts_symptoms_that_describe_a_serious_effect_are_not_effects() -> None:
    text = (
        "Serious side effects\n"
        "Call your doctor right away if you have low sodium in the blood, with confusion "
        "or weakness.\n"
    )
    serious = {f.key for f in _list_facts(text, "venlafaxine") if f.kind is FactKind.SIDE_EFFECT}
    assert "low sodium" in serious
    assert not {"confusion", "weakness"} & serious


def test_extract_list_facts_no_answer_denies_what_the_question_asks() -> None:
    document = make_document(
        "# Examplol\n"
        "Examplol is used to treat type 2 diabetes.\n"
        "Q: Can examplol be used for type 1 diabetes?\n"
        "A: No. In type 1 diabetes the pancreas makes no insulin for it to work on.\n"
        "Q: Does it interact with alcohol?\n"
        "A: There is no known interaction with alcohol, but drinking adds to dizziness.\n"
    )
    facts = extract_list_facts(document, "s1", "examplol")
    uses = {f.key for f in facts if f.kind is FactKind.INDICATION}
    assert uses == {"type 2 diabetes"}
    assert not [f for f in facts if f.kind is FactKind.INTERACTION]


def test_extract_list_facts_no_to_a_permission_question_is_advice() -> None:
    document = make_document(
        "# Examplol\n"
        "Q: Can I drink alcohol while taking examplol?\n"
        "A: No. Alcohol adds to its sedative effects and increases drowsiness.\n"
    )
    facts = extract_list_facts(document, "s1", "examplol")
    assert {f.key for f in facts if f.kind is FactKind.INTERACTION} == {"alcohol"}


def test_extract_list_facts_signs_of_a_named_condition_are_not_side_effects() -> None:
    document = make_document(
        "# Examplol\n"
        "## Serious side effects\n"
        "- nausea, vomiting or stomach pain - possible pancreatitis\n"
        "- headache (usually mild)\n"
    )
    facts = extract_list_facts(document, "s1", "examplol")
    terms = {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT}
    assert {"nausea", "vomiting", "stomach pain"}.isdisjoint(terms)
    assert {"pancreatitis", "headache"} <= terms


def test_extract_list_facts_receptors_and_body_compounds_are_no_interaction() -> None:
    document = make_document(
        "# Examplol\n"
        "## Interactions\n"
        "It acts on GABA-A receptors and lowers uric acid; do not combine it with warfarin.\n"
    )
    facts = extract_list_facts(document, "s1", "examplol")
    assert {f.key for f in facts if f.kind is FactKind.INTERACTION} == {"warfarin"}


def test_extract_list_facts_symptoms_before_the_condition_they_signal_are_not_listed() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call a doctor straight away if you have:\n"
        "- tiredness, fainting or unexplained bruising (these may be signs of a blood disorder)\n"
        "- a slow heartbeat or muscle weakness, which can be signs of high potassium\n"
        "- a rash, fever and swollen glands (DRESS syndrome)\n"
        "- headache (usually mild)"
    )
    assert found == {
        "blood disorders": True,
        "high potassium": True,
        "drug reaction with eosinophilia and systemic symptoms": True,
        "headache": False,  # a comment in brackets ("usually mild") names no condition
    }


def _keys(text: str, kind: FactKind, drug: str = "lisinopril") -> set[str]:
    return {f.key for f in extract_list_facts(make_document(text), "test", drug) if f.kind is kind}


def test_extract_list_facts_a_strength_after_a_brand_is_not_part_of_its_name() -> None:
    found = _keys(
        "# Lisinopril\n\nZestril 10 mg and Zestril 20, 30 and 40 mg tablets contain lisinopril.",
        FactKind.BRAND_NAME,
    )
    assert found == {"Zestril"}


@pytest.mark.parametrize(
    "sentence",
    [
        "In adults with type 2 diabetes and several risk factors, it is indicated to lower the "
        "risk of heart failure.",
        "It lowers the risk of heart failure in patients with type 2 diabetes.",
        "It is used for heart failure in people with risk factors such as type 2 diabetes.",
    ],
)
def test_extract_list_facts_the_patients_described_are_not_the_use(sentence: str) -> None:
    found = _keys(f"# Lisinopril\n\n## Uses\n\n{sentence}", FactKind.INDICATION)
    assert "heart failure" in found
    assert "type 2 diabetes" not in found


def test_extract_list_facts_a_use_named_as_the_patients_condition_stays() -> None:
    found = _keys(
        "# Lisinopril\n\n## Uses\n\nIt is used for adults with high blood pressure.",
        FactKind.INDICATION,
    )
    assert found == {"high blood pressure"}


def test_extract_list_facts_signs_named_with_their_cause_or_two_conditions() -> None:
    found = _side_effects(
        "Possible side effects\n"
        "Stop taking lisinopril and get emergency help if you have:\n"
        "- feeling dizzy on standing or passing very little urine (dehydration or kidney failure)\n"
        "- confusion or muscle cramps from low sodium\n"
        "- fever, swelling and redness of the skin (cellulitis, rare)"
    )
    assert found == {"dehydration": True, "kidney problems": True, "low sodium": True}


def test_a_brand_of_one_ingredient_is_not_a_brand_of_the_combination() -> None:
    text = (
        "This tablet pairs oxycodone with acetaminophen (the pain reliever in Tylenol). "
        "It is sold as Percocet and Endocet."
    )
    drug = "acetaminophen; oxycodone"
    brands = {f.key for f in _list_facts(text, drug) if f.kind is FactKind.BRAND_NAME}
    assert "Tylenol" not in brands
    assert {"Percocet", "Endocet"} <= brands
    alone = {f.key for f in _list_facts(text, "acetaminophen") if f.kind is FactKind.BRAND_NAME}
    assert "Tylenol" in alone


def test_extract_list_facts_signs_before_a_dash_clause_and_compound_terms() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call a doctor straight away if you have:\n"
        "- a severe headache, confusion or weakness – this could be bleeding in the brain\n"
        "- C. difficile diarrhoea\n"
        "- dizziness or stomach pain (these can be signs your adrenal glands are struggling)"
    )
    assert found == {"bleeding in the brain": True, "c. difficile diarrhea": True}


def test_extract_list_facts_the_head_word_of_a_narrower_class_is_no_agent() -> None:
    found = _keys("Interactions\nDo not take it with an MAOI antidepressant.", FactKind.INTERACTION)
    assert found == {"maoi"}


def test_extract_list_facts_signs_before_which_may_mean_are_not_effects() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call a doctor straight away if you have:\n"
        "- fainting or a pounding heartbeat, which may mean a heart rhythm change called"
        " QT prolongation\n"
        "- chest tightness that will not go away (rarely this can be a heart attack)"
    )
    assert found == {"qt prolongation": True, "heart attack": True}


def test_extract_list_facts_a_class_named_as_the_kind_of_its_listed_members() -> None:
    text = (
        "Interactions\nSome medicines raise its level: strong antifungals such as"
        " ketoconazole, and some antibiotics (erythromycin)."
    )
    assert _keys(text, FactKind.INTERACTION) == {"ketoconazole", "erythromycin"}


def test_extract_list_facts_a_combination_does_not_interact_with_its_own_parts() -> None:
    text = "Interactions\nBeta blockers such as propranolol can make the salmeterol work less well."
    found = _keys(text, FactKind.INTERACTION, drug="fluticasone/salmeterol")
    assert "salmeterol" not in found
    assert {"beta blockers", "propranolol"} <= found


def test_extract_list_facts_what_a_product_is_made_of_is_no_interaction() -> None:
    text = (
        "Interactions\nIt is not the same as Vicoprofen, which combines hydrocodone with"
        " ibuprofen.\nDo not drink alcohol with it."
    )
    found = _keys(text, FactKind.INTERACTION, drug="hydrocodone")
    assert "ibuprofen" not in found
    assert "alcohol" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Estrogens should not be used to prevent heart attacks.",
        "Lisinopril is never used for gout.",
        "It is not an effective treatment for anxiety.",
    ],
)
def test_extract_list_facts_a_denied_use_is_no_use(sentence: str) -> None:
    assert _keys(f"# Lisinopril\n\n## Uses\n\n{sentence}", FactKind.INDICATION) == set()


@pytest.mark.parametrize(
    ("sentence", "ruled_out"),
    [
        ("Lisinopril is never used for gout.", {"gout"}),
        ("It is not an effective treatment for anxiety.", {"anxiety"}),
        ("It won't help depression, bipolar disorder or epilepsy.", None),
        ("Doctors do not prescribe it to treat migraine.", set()),  # "prescribe" is no cue
        ("It should not be used in people with kidney failure.", set()),
        ("It must not be given to patients with asthma.", set()),
        ("It may not work for migraine.", set()),
        ("It does not always help with anxiety.", set()),
        ("It is not only used for epilepsy but also for nerve pain.", set()),
        ("It won't cure gout, but it eases the flare-ups.", set()),  # a use, not a cure
        ("It will not cure a cold.", {"common cold"}),
    ],
)
def test_extract_list_facts_a_use_ruled_out_is_its_own_kind(
    sentence: str, ruled_out: set[str] | None
) -> None:
    text = f"# Lisinopril\n\n## Uses\n\n{sentence}"
    found = _keys(text, FactKind.NOT_A_USE)
    if ruled_out is None:  # a list: every condition it names
        ruled_out = {"depression", "bipolar disorder", "epilepsy"}
    assert found == ruled_out
    assert not found & _keys(text, FactKind.INDICATION)  # never also a use


def test_extract_list_facts_a_bracket_explaining_a_use_names_no_other_use() -> None:
    found = _keys(
        "# Amlodipine\n\nIt is used for angina (chest pain from the heart not getting enough "
        "blood).",
        FactKind.INDICATION,
        "amlodipine",
    )
    assert found == {"angina"}


def test_extract_list_facts_items_describing_the_person_are_no_uses() -> None:
    text = (
        "# Salmeterol\n\n## Who can use it\n\nIt is used for asthma.\n\n"
        "It is not suitable for some people. Tell your doctor before starting if you:\n\n"
        "- have glaucoma or thin bones (osteoporosis)\n- have high blood pressure"
    )
    assert _keys(text, FactKind.INDICATION, "salmeterol") == {"asthma"}
    assert {"glaucoma", "high blood pressure"} <= _keys(text, FactKind.PRECAUTION, "salmeterol")


def test_extract_list_facts_is_used_to_stop_names_a_use() -> None:
    found = _keys(
        "# Febuxostat\n\n## About\n\nFebuxostat lowers uric acid. It is used to stop gout attacks "
        "from happening.",
        FactKind.INDICATION,
        "febuxostat",
    )
    assert found == {"gout"}


def test_extract_list_facts_signs_named_after_a_which_can_be_clause_stay_in_their_clause() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Get emergency help if: you have a seizure; your lips swell; or you feel sweaty, "
        "restless and shaky with a racing heart, which can be neuroleptic malignant syndrome.\n"
    )
    assert found.get("seizures") is True
    assert found.get("neuroleptic malignant syndrome") is True
    assert "restlessness" not in found
    assert "sweating" not in found


def test_extract_list_facts_signs_a_condition_presents_with_are_not_listed() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "- Stevens-Johnson syndrome (SJS), which may present with fever, sore throat and "
        "blisters.\n"
    )
    assert "fever" not in found
    assert "sore throat" not in found


def test_extract_list_facts_signs_before_a_bracket_calling_a_condition_are_not_listed() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call your doctor at once about: dark urine, yellow skin and itching (a kind of liver "
        "damage called cholestasis), or a severe rash.\n"
    )
    assert "itching" not in found
    assert found.get("severe skin reactions") is True


def test_extract_list_facts_a_use_and_a_ruling_out_carry_whether_they_prevent() -> None:
    text = (
        "# Lisinopril\n\n## Uses\n\n"
        "It is taken to keep migraine headaches from coming back. "
        "It is not used to prevent angina.\n"
    )
    facts = extract_list_facts(make_document(text), "test", "lisinopril")
    modes = {
        (f.kind, f.key): f.attributes.get("prevents")
        for f in facts
        if f.kind in (FactKind.INDICATION, FactKind.NOT_A_USE)
    }
    assert modes.get((FactKind.INDICATION, "migraine")) is True
    assert modes.get((FactKind.NOT_A_USE, "angina")) is True


def test_extract_list_facts_a_condition_named_in_brackets_with_a_comment_names_the_signs() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call your doctor at once about: a persistent cough or breathlessness (lung scarring – "
        "rare)\n"
    )
    assert "cough" not in found


def test_extract_list_facts_signs_before_a_bracketed_cause_are_its_signs() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call your doctor at once about: a pounding heartbeat or blackouts "
        "(citalopram can lengthen the QT interval)\n"
    )
    assert found.get("qt prolongation") is True
    assert "palpitations" not in found


def test_extract_list_facts_a_swollen_face_or_lips_is_an_allergic_reaction() -> None:
    found = _side_effects(
        "Serious side effects\nCall 999 if you get swollen lips or have swelling of the tongue.\n"
    )
    assert found.get("allergic reaction") is True
    assert "swelling" not in found


def test_extract_list_facts_signs_listed_with_other_parts_stay_signs() -> None:
    found = _side_effects(
        "Serious side effects\nGet help now if you have a serious allergic reaction (swollen "
        "lips, tongue or eyelids, wheezing).\n"
    )
    assert found.get("allergic reaction") is True
    assert "wheezing" not in found


def test_extract_list_facts_bleeding_that_will_not_stop_is_its_own_effect() -> None:
    found = _side_effects(
        "Serious side effects\nCall your doctor at once about nosebleeds that won't stop or "
        "bleeding that doesn't stop after a cut.\n"
    )
    assert found.get("prolonged bleeding") is True


@pytest.mark.parametrize(
    ("sentence", "ruled_out"),
    [
        ("Orlistat is not a sleeping pill.", set()),  # no condition named
        ("Topiramate isn't a weight-loss drug, whatever forums say.", {"obesity"}),
        ("It is not a contraceptive and gives no protection.", {"contraception"}),
        ("It will not help you lose weight.", {"obesity"}),
        ("It does not work against viral infections like influenza.", None),
        ("It is not for patients with type 1 diabetes.", {"type 1 diabetes"}),
        ("It cannot be used as birth control.", {"contraception"}),
        ("It does not prevent migraine.", {"migraine"}),
        ("It is not suitable for treating anxiety.", {"anxiety"}),
        ("It is not a common cause of weight loss.", set()),
        ("It should not be used in people with kidney failure.", set()),
        ("It is ineffective against migraine.", {"migraine"}),
        ("Trials found it of no benefit in heart failure.", {"heart failure"}),
        ("It may be of no use for anxiety.", set()),  # hedged
        ("It should not be used to prevent dementia, strokes or gout.", {"dementia", "gout"}),
        ("It should not be used in people with asthma, heart failure or gout.", set()),
        ("It is no treatment for gout and can make anxiety and insomnia worse.", {"gout"}),
        ("There is no cure for gout.", set()),  # says nothing about the drug
    ],
)
def test_extract_list_facts_a_use_ruled_out_by_what_or_whom_the_drug_is_not_for(
    sentence: str, ruled_out: set[str] | None
) -> None:
    text = f"# Sitagliptin\n\n## About\n\n{sentence}"
    found = _keys(text, FactKind.NOT_A_USE, "sitagliptin")
    if ruled_out is None:  # a class and its example
        ruled_out = {"viral infections", "influenza"}
    assert found == ruled_out
    assert not _keys(text, FactKind.INDICATION, "sitagliptin")  # never a use


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "## Side effects and warnings\n\nTell your prescriber if you have glaucoma, kidney "
            "disease or myasthenia gravis.",
            {"glaucoma", "kidney disease", "myasthenia gravis"},
        ),
        (
            "## Side effects and warnings\n\nTell your doctor straight away if you have a seizure.",
            set(),
        ),
        ("## Side effects\n\nTell your GP if you have any of these symptoms: glaucoma.", set()),
    ],
)
def test_extract_list_facts_a_before_use_question_under_a_side_effects_heading(
    text: str, expected: set[str]
) -> None:
    found = _keys(f"# Pregabalin\n\n{text}", FactKind.PRECAUTION, "pregabalin")
    assert found == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- People over 75: begin with 25 mg a day; they are more sensitive to it.",
            {"older adults"},
        ),
        ("- Reduced kidney function: no dose change is needed.", set()),
        ("Liver problems don't usually mean a dose change, but start with 5 mg.", set()),
        ("Older people can take the usual dose, but start low if frail.", set()),
        ("People with liver problems should start with 5 mg.", {"liver disease"}),
        ("- Heart failure: start with 3.125 mg twice a day.", set()),  # a use, not a caution
    ],
)
def test_extract_list_facts_a_dosing_line_with_a_dose_of_its_own_is_a_precaution(
    line: str, expected: set[str]
) -> None:
    text = f"# Carvedilol\n\n## Dosage\n\n{line}"
    assert _keys(text, FactKind.PRECAUTION, "carvedilol") == expected


def test_extract_list_facts_a_use_ruled_out_under_a_side_effects_heading() -> None:
    text = (
        "# Azithromycin\n\n## Side effects and warnings\n\nAzithromycin does not work against "
        "viral infections such as influenza.\n\n## Precautions\n\nIt is not for people with "
        "myasthenia gravis."
    )
    assert _keys(text, FactKind.NOT_A_USE, "azithromycin") == {"viral infections", "influenza"}


def test_extract_list_facts_effects_named_under_pregnancy_are_the_babys() -> None:
    text = (
        "# Diazepam\n\n## Side effects\n\nIt can cause dizziness.\n\n## Pregnancy and "
        "breastfeeding\n\nTaken late in pregnancy it can cause floppiness, poor feeding and "
        "drowsiness in the newborn."
    )
    assert _keys(text, FactKind.SIDE_EFFECT, "diazepam") == {"dizziness"}


def test_extract_list_facts_a_brand_the_dictionary_files_under_another_name_of_the_drug() -> None:
    # the dictionary gives Synthroid's generic as "thyroxine", another name of levothyroxine
    text = "# Levothyroxine\n\nYour pharmacy may hand you Synthroid or Unithroid instead."
    found = _keys(text, FactKind.BRAND_NAME, "levothyroxine")
    assert {"Synthroid", "Unithroid"} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its brand names include Zestril, Qbrelis and, in some countries, Prinivil.", None),
        ("| Brand name | Zestril (also Carace outside the US) |", {"Zestril", "Carace"}),
        ("The brand names are Zestril and Qbrelis.", {"Zestril", "Qbrelis"}),
    ],
)
def test_extract_list_facts_brand_lists_after_include_are_and_also(
    text: str, expected: set[str] | None
) -> None:
    found = _keys(f"# Lisinopril\n\n{text}", FactKind.BRAND_NAME)
    assert found >= (expected or {"Zestril", "Qbrelis"})
    assert not found & {"Brand", "In", "The"}


def test_extract_list_facts_forms_liquids_modified_release_and_vaginal_routes() -> None:
    text = (
        "# Conjugated estrogens\n\n## Forms\n\nIt comes as modified-release tablets, a liquid "
        "suspension, a vaginal cream and a vaginal ring."
    )
    found = _keys(text, FactKind.FORM, "conjugated estrogens")
    assert found == {
        "extended-release tablet",
        "oral suspension",
        "vaginal cream",
        "vaginal ring",
    }


def test_extract_list_facts_a_short_or_long_acting_beta2_agonist_is_its_own_class() -> None:
    said = "# Formoterol\n\nFormoterol is a long-acting beta-2 agonist (LABA) used in COPD."
    assert _keys(said, FactKind.DRUG_CLASS, "formoterol") == {"long-acting beta-2 agonist"}
    bare = "# Formoterol\n\nFormoterol is a beta-2 agonist used in COPD."
    assert _keys(bare, FactKind.DRUG_CLASS, "formoterol") == {"beta-2 agonist"}


def test_extract_list_facts_a_labelled_line_is_read_with_its_label() -> None:
    text = (
        "# Pregabalin\n\n## Special groups\n\n"
        "- Kidney problems: the dose should be reduced according to kidney function.\n"
        "- Elderly: may be more sensitive to dizziness.\n"
        "- Dizziness: common at first."
    )
    found = _keys(text, FactKind.PRECAUTION, "pregabalin")
    assert found == {"kidney disease", "older adults"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### Does it work for gout?\n\nNo. It lowers blood pressure only.", {"gout"}),
        ("### Can it treat migraine?\n\nNo, it cannot.", {"migraine"}),
        ("### Does it interact with drugs used for epilepsy?\n\nNo.", set()),
        ("### Can I take it if I have asthma?\n\nNo.", set()),
        ("### Does it work for gout?\n\nYes, for some people.", set()),
    ],
)
def test_extract_list_facts_a_no_to_a_use_question_rules_the_use_out(
    text: str, expected: set[str]
) -> None:
    found = _keys(f"# Lisinopril\n\n{text}", FactKind.NOT_A_USE)
    assert found == expected


def test_extract_list_facts_a_use_ruled_out_under_a_cautions_heading_but_not_people() -> None:
    text = (
        "# Nitrofurantoin\n\n## Precautions\n\nIt is not used for kidney infections. It is not "
        "for people with gout."
    )
    assert _keys(text, FactKind.NOT_A_USE, "nitrofurantoin") == {"kidney infection"}


@pytest.mark.parametrize("spelling", ["off-label", "off label", "offlabel"])
def test_extract_list_facts_off_label_however_it_is_spelt(spelling: str) -> None:
    text = (
        "# Atenolol\n\n## Uses\n\n"
        "Atenolol treats high blood pressure. "
        f"It is also used {spelling} for migraine.\n"
    )
    facts = extract_list_facts(make_document(text), "test", "atenolol")
    flags = {f.key: f.attributes.get("off_label") for f in facts if f.kind is FactKind.INDICATION}
    assert flags.get("migraine") is True
    assert flags.get("high blood pressure") is False


def test_extract_list_facts_a_symptoms_sentence_after_an_effect_gives_its_signs() -> None:
    found = _side_effects(
        "Side effects\n\n"
        "A rare but serious side effect is angioedema, swelling under the skin. Symptoms "
        "include a swollen tongue, hoarseness and trouble swallowing. Dizziness is common.\n"
    )
    assert "angioedema" in found
    assert "dizziness" in found
    assert "hoarseness" not in found
    assert "trouble swallowing" not in found


def test_extract_list_facts_risk_factors_after_an_effect_are_not_effects() -> None:
    found = _side_effects(
        "Side effects\n\n"
        "Kidney problems can happen; the risk is higher with dehydration, heart failure or "
        "diarrhoea.\n"
    )
    assert "kidney problems" in found
    assert "diarrhea" not in found
    assert "diarrhoea" not in found


def test_extract_list_facts_risk_factors_of_a_named_harm_are_precautions() -> None:
    text = (
        "# Dapagliflozin\n\n## Side effects\n\nA rare serious side effect is ketoacidosis; the "
        "risk is higher with heavy alcohol use, dehydration or heart failure.\n"
    )
    found = _keys(text, FactKind.PRECAUTION, "dapagliflozin")
    assert {"heavy alcohol use", "dehydration", "heart failure"} <= found
    assert "ketoacidosis" not in found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Doctors have long regarded cefuroxime as safe during pregnancy.", set()),
        ("It is generally regarded as compatible with breast-feeding.", set()),
        ("You can breastfeed: it is fine to nurse while taking it.", set()),
        ("Tell your doctor if you are pregnant or breastfeeding.", {"pregnancy", "breastfeeding"}),
    ],
)
def test_extract_list_facts_a_reassurance_about_pregnancy_is_no_precaution(
    line: str, expected: set[str]
) -> None:
    text = (
        "# Cefuroxime\n\n## Before you take it\n\nTell your doctor if you have kidney "
        f"problems. {line}"
    )
    found = _keys(text, FactKind.PRECAUTION, "cefuroxime")
    assert found & {"pregnancy", "breastfeeding"} == expected


def test_extract_list_facts_items_after_a_lead_in_naming_uses_are_uses() -> None:
    text = (
        "# Granisetron\n\n## Overview\n\nIt is licensed to prevent and treat:\n\n"
        "- nausea and vomiting caused by chemotherapy\n- nausea and vomiting after surgery\n"
    )
    assert _keys(text, FactKind.INDICATION) == {
        "chemotherapy-induced nausea and vomiting",
        "postoperative nausea and vomiting",
    }


def test_extract_list_facts_the_patients_of_a_use_are_not_uses() -> None:
    text = (
        "# Atorvastatin\n\n## Uses\n\nIt is prescribed:\n\n- to lower the risk of a stroke "
        "and the need for bypass surgery in people with diabetes or kidney disease\n"
    )
    assert "type 2 diabetes" not in _keys(text, FactKind.INDICATION)


def test_extract_list_facts_a_use_denied_with_nor_is_ruled_out() -> None:
    text = (
        "# Citalopram\n\n## Uses\n\nIt is not a sleeping pill, nor is it a treatment for "
        "bipolar depression on its own.\n"
    )
    assert "bipolar depression" in _keys(text, FactKind.NOT_A_USE)
    assert "bipolar depression" not in _keys(text, FactKind.INDICATION)


def test_extract_list_facts_diabetes_insipidus_is_not_diabetes_mellitus() -> None:
    text = "# Chlorthalidone\n\n## Uses\n\nIt is also used for nephrogenic diabetes insipidus.\n"
    assert _keys(text, FactKind.INDICATION) == {"diabetes insipidus"}
