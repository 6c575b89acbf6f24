"""Interactions a text denies are kept apart from those it states, and study figures are neither."""

from __future__ import annotations

import pytest

from medinfo.domain.facts import FactKind
from medinfo.domain.monograph import NO_INTERACTION
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.conftest import read_text
from tests.unit.extract.helpers import make_document


def _agents(text: str, drug: str) -> dict[str, str]:
    """agent -> severity of the interactions extracted from an article about `drug`,
    NO_INTERACTION for those it says do not happen."""
    facts = extract_list_facts(make_document(text), "t", drug)
    found = {f.key: NO_INTERACTION for f in facts if f.kind is FactKind.NO_INTERACTION}
    for fact in facts:
        if fact.kind is FactKind.INTERACTION:
            found[fact.key] = str(fact.attributes["severity"])
    return found


def _interactions(body: str) -> dict[str, str]:
    """The interactions of a short article about tizanidine's interactions section."""
    return _agents(f"# Tizanidine\n\n## Interactions\n\n{body}\n", "tizanidine")


def _effects(text: str, drug: str) -> dict[str, object]:
    """agent -> effect terms of the interactions extracted from an article about `drug`."""
    facts = extract_list_facts(make_document(text), "t", drug)
    return {f.key: f.attributes["effect_terms"] for f in facts if f.kind is FactKind.INTERACTION}


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        (
            "Tizanidine did not potentiate the sedating effect of alcohol in a small trial.",
            "alcohol",
        ),
        ("Tizanidine is not thought to reduce how well warfarin works.", "warfarin"),
        (
            "Ciprofloxacin and fluvoxamine are the concern with tizanidine, not naproxen.",
            "naproxen",
        ),
        ("You can still use an ibuprofen gel alongside tizanidine for a sore back.", "ibuprofen"),
        ("You can also take loratadine for hay fever together with it.", "loratadine"),
        ("Paracetamol is also generally fine for a few days.", "acetaminophen"),
        ("Tizanidine does not stop the combined pill from working.", "oral contraceptives"),
        (
            "I switched to paracetamol, which she said is absolutely fine with tizanidine.",
            "acetaminophen",
        ),
        (
            "- Alcohol: there is no known interaction, though alcohol can make dizziness worse.",
            "alcohol",
        ),
    ],
)
def test_a_denied_interaction_is_kept_as_none(body: str, agent: str) -> None:
    assert _interactions(body)[agent] == NO_INTERACTION


def test_advice_not_to_combine_is_an_interaction_not_a_denial() -> None:
    found = _interactions("Do not take tizanidine with ciprofloxacin or fluvoxamine.")
    assert found["ciprofloxacin"] != NO_INTERACTION
    assert found["fluvoxamine"] != NO_INTERACTION


def test_an_effect_in_one_direction_denies_nothing() -> None:
    found = _interactions("Tizanidine had no effect on the levels of warfarin in the blood.")
    assert found.get("warfarin") != NO_INTERACTION


def test_a_study_measurement_is_not_an_interaction() -> None:
    body = (
        "In healthy volunteers given fluvoxamine with tizanidine, the AUC of tizanidine "
        "rose 33-fold versus tizanidine alone."
    )
    assert "fluvoxamine" not in _interactions(body)


def test_a_contraindicated_combination_keeps_that_severity() -> None:
    found = _interactions("Use of tizanidine with fluvoxamine is therefore contraindicated.")
    assert found["fluvoxamine"] == "contraindicated"
    calm = _interactions(
        "Tizanidine is not usually contraindicated with warfarin; interactions are rare."
    )
    assert calm.get("warfarin") != "contraindicated"


def _interactions_of(drug: str, body: str) -> set[str]:
    text = f"# {drug.title()}\n\n## Interactions\n\n{body}\n"
    facts = extract_list_facts(make_document(text), "t", drug)
    return {f.key for f in facts if f.kind is FactKind.INTERACTION}


def test_a_group_without_a_shared_name_is_reported_under_its_own_agent_key() -> None:
    found = _interactions("ACE inhibitors and proton pump inhibitors may need a dose check.")
    assert {"ace inhibitors", "proton pump inhibitors"} <= found.keys()


def test_the_drugs_own_class_is_not_its_interaction_unless_other_members_are_meant() -> None:
    assert "statins" not in _interactions_of(
        "simvastatin", "Drinking a lot of alcohol while on a statin can harm the liver."
    )
    assert "statins" in _interactions_of(
        "simvastatin", "Do not take it together with other statins."
    )


def test_a_class_in_brackets_after_a_drug_name_labels_the_drug() -> None:
    found = _interactions("Avoid combining it with ketoconazole (an antifungal).")
    assert "ketoconazole" in found
    assert "antifungals" not in found


def test_a_class_word_that_qualifies_a_noun_is_not_an_agent() -> None:
    found = _interactions("Taken with pravastatin, it can push statin levels up.")
    assert "pravastatin" in found
    assert "statins" not in found


def test_a_numbered_heading_read_as_a_lone_list_item_opens_its_section() -> None:
    text = (
        "Tizanidine\n\n"
        "Contents:\n\n- 1. Uses\n- 2. Cautions with other medicines\n\n"
        "1. Uses\n\nTizanidine relaxes tight muscles.\n\n"
        "2. Cautions with other medicines\n\n"
        "Some medicines add to the chance of serious side effects. "
        "Tell your doctor if you take:\n\n"
        "- fluvoxamine or ciprofloxacin\n- sleeping pills\n"
    )
    facts = extract_list_facts(make_document(text), "t", "tizanidine")
    agents = {f.key for f in facts if f.kind is FactKind.INTERACTION}
    assert {"fluvoxamine", "ciprofloxacin", "sleeping pills"} <= agents
    assert not any(f.kind is FactKind.SIDE_EFFECT for f in facts)


def test_a_lab_test_the_drug_upsets_is_no_interaction() -> None:
    found = _interactions(
        "Tizanidine may give a false-positive result on urine tests for benzodiazepines."
    )
    assert "benzodiazepines" not in found


def test_a_class_called_by_a_narrower_name_is_that_narrower_class() -> None:
    found = _interactions("Avoid antibiotics called fluoroquinolones with tizanidine.")
    assert "fluoroquinolones" in found
    assert "antibiotics" not in found


def test_a_strength_word_before_a_drug_name_is_not_part_of_the_agent() -> None:
    found = _interactions("Low-dose aspirin taken together with tizanidine raises the risk.")
    assert "aspirin" in found
    assert "low-dose aspirin" not in found


def test_a_decongestant_named_is_an_interaction_of_its_group() -> None:
    found = _interactions("Cold remedies with phenylephrine taken together with tizanidine.")
    assert "phenylephrine" in found
    from medinfo.knowledge.groups import groups_of

    assert "decongestants" in groups_of("phenylephrine")


def test_the_drugs_own_class_named_is_the_drug_itself() -> None:
    found = _interactions_of(
        "estriol",
        "Oral estrogen raises a binding protein, so levothyroxine may need a higher dose.",
    )
    assert "levothyroxine" in found
    assert "estrogen" not in found


def test_a_metabolite_and_a_medicine_taken_with_it_on_purpose_are_no_interactions() -> None:
    found = _interactions_of(
        "tizanidine",
        "The liver changes tizanidine into an active metabolite called hydroxyzine, which raises "
        "the risk of drowsiness.",
    )
    assert "hydroxyzine" not in found
    found = _interactions_of(
        "tizanidine",
        "People with reflux should take omeprazole as well, because it lowers the risk of ulcers.",
    )
    assert "omeprazole" not in found


def _agents_read(original: str, reader: str, drug: str = "digoxin") -> set[str]:
    from medinfo.sources.markdown import read_markdown
    from medinfo.sources.text import read_text

    document = read_markdown(original) if reader == "markdown" else read_text(original)
    facts = extract_list_facts(document, "t", drug)
    return {f.key for f in facts if f.kind is FactKind.INTERACTION}


@pytest.mark.parametrize(
    ("original", "reader"),
    [
        (
            "# Digoxin\n\n## Taking digoxin with other medicines\n\n"
            "Ask the pharmacy team first if you use:\n\n"
            "- amiodarone: it can raise digoxin levels\n- verapamil or quinidine\n",
            "markdown",
        ),
        (
            "DIGOXIN\n\nUses\n\nDigoxin slows and strengthens the heartbeat.\n\n"
            "MEDICINES THAT INTERACT WITH DIGOXIN\n\nLet your doctor know if you use:\n"
            "- amiodarone, which can raise digoxin levels\n- verapamil or quinidine\n\n"
            "Pregnancy\n\nAsk your doctor first.\n",
            "text",
        ),
        (
            "# Digoxin\n\n## Other tablets and drink\n\n"
            "Points to raise with your pharmacist about:\n\n"
            "- amiodarone: your levels may climb\n- verapamil or quinidine\n",
            "markdown",
        ),
    ],
    ids=["advice-lead-in", "label-line-lead-in", "lead-in-ending-about"],
)
def test_a_lead_in_under_an_interactions_heading_keeps_its_list_interactions(
    original: str, reader: str
) -> None:
    """ "Check with a pharmacist before taking:" reads as a precaution and "Tell your doctor if
    you take:" names no topic; under a heading about other medicines, the heading decides."""
    assert {"amiodarone", "verapamil", "quinidine"} <= _agents_read(original, reader)


def test_a_lead_in_naming_its_own_topic_still_refines_the_section() -> None:
    from medinfo.sources.markdown import read_markdown

    original = (
        "# Digoxin\n\n## Side effects\n\nFeeling sick is common.\n\n"
        "Call a doctor straight away if you get:\n\n- blurred yellow vision\n- fainting\n"
    )
    facts = extract_list_facts(read_markdown(original), "t", "digoxin")
    serious = {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT and f.attributes["serious"]}
    assert "fainting" in serious


@pytest.mark.parametrize(
    "body",
    [
        "Naproxen and aspirin raise the bleeding risk. For a headache, acetaminophen is the "
        "safest option.",
        "Naproxen and aspirin raise the bleeding risk; your pharmacist may suggest "
        "acetaminophen instead.",
        "Naproxen and aspirin raise the bleeding risk. It is fine to take acetaminophen "
        "for a fever.",
    ],
)
def test_a_medicine_recommended_as_the_choice_is_no_interaction(body: str) -> None:
    found = _interactions(body)
    assert {"naproxen", "aspirin"} <= set(found)
    assert found.get("acetaminophen", NO_INTERACTION) == NO_INTERACTION


def test_a_recommended_medicine_with_a_caveat_is_still_an_interaction() -> None:
    body = (
        "Acetaminophen is usually preferred for aches, though more than 3 g a day for a week "
        "can raise tizanidine levels."
    )
    assert "acetaminophen" in _interactions(body)


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        (
            "Along with metronidazole and a proton pump inhibitor such as lansoprazole, it is "
            "sometimes used to eradicate a stomach infection.",
            "metronidazole",
        ),
        ("It may be given with prednisone for the treatment of flare-ups.", "prednisone"),
    ],
)
def test_medicines_of_a_treatment_regimen_are_no_interactions(body: str, agent: str) -> None:
    assert agent not in _interactions(body)


def test_a_regimen_sentence_that_also_warns_still_names_the_interaction() -> None:
    body = "Used together with warfarin to prevent clots, it can raise the risk of bleeding."
    assert "warfarin" in _interactions(body)


def test_a_safer_medicine_and_a_two_in_one_tablet_are_no_interactions() -> None:
    found = _interactions(
        "Naproxen raises the bleeding risk. For aches, acetaminophen is the safer pain reliever. "
        "A fixed-dose product, Tizaclone, combines tizanidine and metformin in a single capsule."
    )
    assert "naproxen" in found
    assert "acetaminophen" not in found
    assert "metformin" not in found


def test_a_list_label_its_description_calls_harmless_is_no_interaction() -> None:
    found = _interactions(
        "- **Omeprazole**: often taken together, no problem.\n"
        "- **Fluvoxamine**: raises tizanidine levels a lot; do not combine."
    )
    assert "fluvoxamine" in found
    assert "omeprazole" not in found


def test_the_drug_under_another_spelling_and_a_permitted_drink_are_no_interactions() -> None:
    found = _interactions_of(
        "cephalexin",
        "With cefalexin you can still have a drink or two. Probenecid keeps cefalexin in the "
        "blood longer.",
    )
    assert "probenecid" in found
    assert "cefalexin" not in found
    assert "alcohol" not in found
    kept = _interactions("You can drink alcohol, but it makes the drowsiness worse.")
    assert "alcohol" in kept


def test_another_drug_set_against_this_one_is_neither_denied_nor_stated() -> None:
    found = _interactions(
        "There is no reaction between tizanidine and grapefruit (unlike felodipine, which "
        "must not be taken with grapefruit)."
    )
    assert "felodipine" not in found


def _interactions_in_faq(drug: str, body: str) -> dict[str, str]:
    """The interactions read from a question-and-answer section that is not an interactions
    section, so only the sentence itself can say it."""
    return _agents(
        f"# {drug.title()}\n\n## Q: Is it all right with my usual tablets?\n\n{body}\n", drug
    )


@pytest.mark.parametrize(
    "body",
    [
        "Clarithromycin can push phenytoin levels up enough to cause unsteadiness.",
        "Clarithromycin can raise phenytoin blood levels, so a check may be needed.",
        "Clarithromycin plus phenytoin may leave you unsteady.",
        "Medicines that increase phenytoin levels: clarithromycin and fluconazole.",
    ],
)
def test_a_medicine_acting_on_the_drugs_own_levels_is_an_interaction(body: str) -> None:
    assert "clarithromycin" in _interactions_in_faq("phenytoin", body)


def test_a_list_labelled_with_what_the_drug_does_to_other_medicines_is_read() -> None:
    found = _interactions_in_faq(
        "phenytoin", "Medicines it weakens: apixaban, tacrolimus and the contraceptive pill."
    )
    assert {"apixaban", "tacrolimus", "oral contraceptives"} <= found.keys()


def test_the_same_applies_carries_the_interaction_of_the_sentence_before() -> None:
    found = _interactions_in_faq(
        "pregabalin",
        "Morphine with pregabalin can slow your breathing. The same goes for diazepam.",
    )
    assert {"morphine", "diazepam"} <= found.keys()
    alone = _interactions_in_faq("pregabalin", "The same goes for diazepam.")
    assert "diazepam" not in alone


def test_the_name_of_the_combined_pill_is_no_cue_to_combine() -> None:
    found = _interactions_in_faq(
        "isotretinoin", "Many women on the combined pill find their skin improves too."
    )
    assert "oral contraceptives" not in found


def test_a_medicine_said_not_to_stop_the_drug_working_is_no_interaction() -> None:
    found = _interactions_in_faq(
        "levothyroxine", "Vitamin C doesn't stop levothyroxine from working."
    )
    assert found.get("vitamin c", NO_INTERACTION) == NO_INTERACTION
    denied = _interactions("Tizanidine does not stop the contraceptive pill from working.")
    assert denied.get("oral contraceptives") == NO_INTERACTION


def test_a_list_of_medicines_the_drug_makes_less_effective_is_read() -> None:
    found = _interactions_in_faq(
        "rifampicin",
        "It speeds up the liver, so it makes warfarin, the mini-pill, and tacrolimus "
        "less effective.",
    )
    assert {"warfarin", "oral contraceptives", "tacrolimus"} <= found.keys()


def test_a_medicine_said_to_be_fine_to_keep_taking_is_said_not_to_interact() -> None:
    found = _interactions(
        "Anti-inflammatory painkillers such as naproxen can raise the risk. "
        "A low dose of aspirin for the heart is fine to carry on with."
    )
    assert found["aspirin"] == NO_INTERACTION
    assert found["naproxen"] != NO_INTERACTION


def test_a_labelled_agent_takes_the_word_of_its_description() -> None:
    denied = _interactions(
        "**Alcohol:** there is no reaction between tizanidine and alcohol in the body. "
        "Still, alcohol may leave you feeling rough while you recover."
    )
    assert denied["alcohol"] == NO_INTERACTION
    warned = _interactions("**Alcohol:** avoid it, as it deepens the drowsiness.")
    assert warned["alcohol"] != NO_INTERACTION


def test_a_concession_that_warns_outright_is_still_an_interaction() -> None:
    found = _interactions(
        "Tizanidine does not interact with alcohol at the liver. Even so, avoid alcohol, "
        "as both make you sleepy."
    )
    assert found["alcohol"] != NO_INTERACTION


def test_a_condition_of_the_people_advised_is_not_the_interactions_effect() -> None:
    text = (
        "# Dapagliflozin\n\n## Interactions\n\n"
        "Scans with iodinated contrast need the tablets paused in people with kidney "
        "disease or heart failure.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "dapagliflozin")
    (contrast,) = [f for f in facts if f.kind is FactKind.INTERACTION]
    assert "heart failure" not in str(contrast.attributes["effect_terms"])


def test_medicines_that_add_to_the_drugs_sedation_are_interactions() -> None:
    found = _interactions_in_faq(
        "mirtazapine",
        "Other sleepy-making medicines, such as lorazepam or codeine, add to the drowsiness.",
    )
    assert {"lorazepam", "codeine"} <= found.keys()


def test_an_agent_in_the_first_cell_of_an_interactions_table_is_read() -> None:
    text = (
        "# Methadone\n\n## Interactions\n\n| Medicine | Why |\n|---|---|\n"
        "| Alcohol | Deepens sedation; avoid it |\n| Rifampicin | Lowers methadone levels |\n"
    )
    facts = extract_list_facts(make_document(text), "t", "methadone")
    found = {f.key for f in facts if f.kind is FactKind.INTERACTION}
    assert {"alcohol", "rifampin"} <= found


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        ("Sucralfate can stop some of the dose being absorbed, so take it later.", "sucralfate"),
        ("Ciclosporin - you may need a lower ciclosporin dose.", "cyclosporine"),
        ("Amiodarone - digoxin can work more strongly, so levels are checked.", "amiodarone"),
    ],
)
def test_everyday_wording_of_an_interaction_is_read(body: str, agent: str) -> None:
    assert agent in _interactions_in_faq("digoxin", body)


def test_the_drug_named_as_its_acid_is_the_drug_itself() -> None:
    found = _interactions_of(
        "ibandronate",
        "Antacids and iron tablets stop ibandronic acid being absorbed, so take them an hour "
        "after your dose.",
    )
    assert "ibandronic acid" not in found
    assert "ibandronate" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Most people with gout take colchicine alongside it for the first months.",
        "You will usually take it together with a folic acid tablet.",
        "It is also prescribed for people who take long courses of omeprazole.",
    ],
)
def test_a_medicine_taken_on_purpose_beside_the_drug_is_no_interaction(sentence: str) -> None:
    agents = _agents(
        f"# Allopurinol\n\n## Taking it with other medicines\n\n{sentence}\n", "allopurinol"
    )
    assert not {agent for agent, severity in agents.items() if severity != NO_INTERACTION}


def test_a_companion_named_with_a_warning_stays_an_interaction() -> None:
    agents = _agents(
        "# Allopurinol\n\n## Taking it with other medicines\n\n"
        "Many people take azathioprine alongside it, but together they raise the risk of "
        "low blood counts.\n",
        "allopurinol",
    )
    assert "azathioprine" in agents


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no need to avoid grapefruit juice while you take it.",
        "You don't have to avoid grapefruit juice with this medicine.",
        "It is not necessary to cut out grapefruit juice.",
    ],
)
def test_saying_an_agent_need_not_be_avoided_is_no_interaction(sentence: str) -> None:
    found = _agents(f"# Amlodipine\n\n## Food and drink\n\n{sentence}\n", "amlodipine")
    assert found.get("grapefruit juice", NO_INTERACTION) == NO_INTERACTION


def test_a_combination_product_the_drug_is_a_component_of_names_no_interaction() -> None:
    body = "Bupropion is also a component of the weight-loss combination naltrexone/bupropion."
    assert "naltrexone" not in _agents(f"# Bupropion\n\n{body}\n", "bupropion")


def test_a_counterfactual_combination_names_no_interaction() -> None:
    body = "If a patient were to combine bupropion with tramadol, the seizure risk would add up."
    assert (
        _agents(f"# Bupropion\n\n## Interactions\n\n{body}\n", "bupropion").get(
            "tramadol", NO_INTERACTION
        )
        == NO_INTERACTION
    )


@pytest.mark.parametrize(
    "body",
    [
        "You can take aspirin with it, but the bleeding risk goes up.",
        "Aspirin is usually fine, although it raises the bleeding risk.",
    ],
)
def test_fine_with_a_caveat_after_but_stays_an_interaction(body: str) -> None:
    assert _interactions(body)["aspirin"] != NO_INTERACTION


@pytest.mark.parametrize(
    "body",
    [
        "Brand A (formoterol with mometasone) is another combination inhaler.",
        "Nausea is more of a problem with opioid tablets such as codeine.",
    ],
)
def test_a_comparison_with_other_products_names_no_interaction(body: str) -> None:
    assert _agents(f"# Tizanidine\n\n## Common questions\n\n{body}\n", "tizanidine") == {}


def test_a_numbered_heading_naming_an_agent_is_no_interaction() -> None:
    text = (
        "Tizanidine\n\n1. Uses\n\nTizanidine relaxes tight muscles.\n\n"
        "2. Alcohol\n\nAlcohol does not interact with tizanidine.\n"
    )
    assert _agents(text, "tizanidine") == {"alcohol": NO_INTERACTION}


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        ("Common painkillers such as naproxen do not affect tizanidine.", "naproxen"),
        ("Warfarin doesn't have any real effect on how tizanidine works.", "warfarin"),
    ],
)
def test_a_medicine_said_to_have_no_effect_on_the_drug_is_no_interaction(
    body: str, agent: str
) -> None:
    assert _interactions(body).get(agent, NO_INTERACTION) == NO_INTERACTION


@pytest.mark.parametrize(
    ("body", "agent"),
    [
        ("Ondansetron may also be given for sickness in the first days.", "ondansetron"),
        (
            "Many people are prescribed omeprazole alongside tizanidine to protect the stomach.",
            "omeprazole",
        ),
    ],
)
def test_a_companion_given_on_purpose_is_no_interaction(body: str, agent: str) -> None:
    assert agent not in _interactions(body)


def test_a_companion_that_must_be_spaced_apart_still_interacts() -> None:
    found = _interactions(
        "Many people are prescribed antacids alongside tizanidine; take them 2 hours apart."
    )
    assert found.get("antacids", NO_INTERACTION) != NO_INTERACTION


def test_the_drug_compared_in_the_way_another_does_is_no_interaction() -> None:
    found = _interactions("Tizanidine doesn't react with grapefruit the way simvastatin does.")
    assert "simvastatin" not in found


def test_a_combined_capsule_the_drug_is_part_of_is_no_interaction() -> None:
    found = _interactions(
        "A combined capsule of tizanidine plus ibuprofen exists in some countries."
    )
    assert "ibuprofen" not in found


def test_advice_not_to_use_it_with_a_group_is_an_interaction_in_a_warnings_section() -> None:
    found = _agents(
        "# Aclidinium\n\n## Warnings\n\nDo not use it with other anticholinergic inhalers such "
        "as glycopyrronium, as that adds to the side effects.\n",
        "aclidinium",
    )
    assert {"anticholinergics", "glycopyrronium"} <= set(found)


def test_a_medicine_called_fine_outside_an_interactions_section_is_a_denial_only() -> None:
    found = _agents(
        "# Famciclovir\n\n## Q: Which painkiller?\n\nA: Paracetamol is fine to take with it; my "
        "aunt took paracetamol and later gabapentin for the nerve pain.\n",
        "famciclovir",
    )
    assert found == {"acetaminophen": NO_INTERACTION}


def test_what_another_medicine_treats_is_not_the_interactions_effect() -> None:
    text = (
        "# Lurasidone\n\n## Interactions\n\nSome medicines raise lurasidone levels and should "
        "not be taken with it, such as ketoconazole (for fungal infections).\n"
    )
    facts = extract_list_facts(make_document(text), "t", "lurasidone")
    (azole,) = [f for f in facts if f.kind is FactKind.INTERACTION and f.key == "ketoconazole"]
    assert "infection" not in str(azole.attributes["effect_terms"])


def test_a_combination_called_normal_is_no_interaction() -> None:
    found = _interactions(
        "Many people take tizanidine with ibuprofen - this is a normal combination."
    )
    assert found.get("ibuprofen") == NO_INTERACTION


def test_a_fact_box_combination_line_names_no_interaction() -> None:
    box = (
        "EZETIMIBE\n\n+--------------------------------------+\n"
        "| Trade names: Ezetrol                 |\n"
        "| Combination: Inegy (with simvastatin)|\n"
        "| Drug class: absorption inhibitor     |\n"
        "+--------------------------------------+\n\nEzetimibe lowers cholesterol.\n"
    )
    facts = extract_list_facts(read_text(box), "t", "ezetimibe")
    assert "simvastatin" not in {f.key for f in facts if f.kind is FactKind.INTERACTION}


def test_a_list_after_a_sentence_lead_in_keeps_the_interactions_heading() -> None:
    text = (
        "Citalopram blog\n\nThings that don't mix\n\nMy pharmacist went through this list with "
        "me:\n\n- MAOI antidepressants such as phenelzine - absolutely not together.\n"
        "- Other medicines that affect heart rhythm, such as erythromycin.\n"
    )
    facts = extract_list_facts(read_text(text), "t", "citalopram")
    agents = {f.key for f in facts if f.kind is FactKind.INTERACTION}
    assert {"phenelzine", "erythromycin", "qt-prolonging medicines"} <= agents


def test_a_change_the_next_sentence_says_is_no_interaction_is_not_one() -> None:
    found = _interactions(
        "Stopping smoking can change the levels of theophylline and clozapine. That is not "
        "tizanidine interacting with them, it is the quitting. Ciprofloxacin raises its levels."
    )
    assert "theophylline" not in found
    assert "clozapine" not in found
    assert "ciprofloxacin" in found


def test_a_sentence_that_only_names_other_medicines_in_the_section_is_no_interaction() -> None:
    found = _interactions(
        "Some people try valerian root for sleep. Baclofen is another muscle relaxant option "
        "sometimes used in place of tizanidine. Paracetamol and ibuprofen can be used normally "
        "by people taking it."
    )
    assert "valerian" not in found
    assert "baclofen" not in found
    assert found.get("ibuprofen", NO_INTERACTION) == NO_INTERACTION
    # a sentence naming the members of a group the one before warned about still names them
    listed = _interactions(
        "Some medicines make it stronger. These include fluvoxamine and ciprofloxacin. "
        "MAO inhibitors are a flat no."
    )
    assert {"fluvoxamine", "ciprofloxacin"} <= set(listed)
    assert any("mao" in agent for agent in listed)


def test_what_you_can_take_with_it_before_a_caveat_goes_together_save_what_the_caveat_names() -> (
    None
):
    found = _interactions(
        "You can take paracetamol and naproxen with tizanidine, but if you need naproxen for "
        "more than a week ask a pharmacist."
    )
    assert found["acetaminophen"] == NO_INTERACTION
    assert found["naproxen"] != NO_INTERACTION


def test_a_medicine_prescribed_together_on_purpose_or_a_combination_that_works_is_none() -> None:
    found = _interactions(
        "Your doctor may prescribe tizanidine on its own or together with another medicine "
        "called gabapentin. I often take it with paracetamol, and that combo works better for "
        "me. Chocolate and red wine are some people's headache triggers."
    )
    assert found.get("gabapentin", NO_INTERACTION) == NO_INTERACTION
    assert found.get("acetaminophen", NO_INTERACTION) == NO_INTERACTION
    assert "alcohol" not in found


def test_another_medicines_own_interactions_alternatives_and_comparisons_are_not_its() -> None:
    found = _interactions(
        "It has fewer interactions than its older relative dantrolene, which can affect "
        "verapamil and digoxin; tizanidine does not act that way. If it doesn't suit you, "
        "baclofen is the usual alternative. Fluvoxamine raises its levels a lot."
    )
    assert not {"dantrolene", "verapamil", "digoxin", "baclofen"} & set(found)
    assert "fluvoxamine" in found


def test_a_list_item_whose_description_says_fine_is_no_interaction() -> None:
    found = _agents(
        "# Tizanidine\n\n## Mixing it with other stuff\n\n"
        "- **Tylenol (acetaminophen)**: fine. I still use it on bad days.\n"
        "- **Cipro (ciprofloxacin)**: never, it raises levels a lot.\n",
        "tizanidine",
    )
    assert found.get("acetaminophen", NO_INTERACTION) == NO_INTERACTION
    assert found["ciprofloxacin"] != NO_INTERACTION


def test_interactions_a_combined_tablet_and_the_alternatives_named_are_no_interactions() -> None:
    agents = _agents_read(
        "# Examplide\n\n## Taking it with other medicines\n\n"
        "It also comes in a combined tablet with metformin. Warfarin: more bleeding.\n\n"
        "Domperidone is a similar anti-sickness medicine. Ondansetron works in a different "
        "way. These are alternatives, not medicines to take alongside it.\n",
        "markdown",
        "metoclopramide",
    )
    assert "warfarin" in agents
    assert not agents & {"metformin", "domperidone", "ondansetron"}


def test_interactions_a_regimen_used_with_it_names_no_interaction() -> None:
    agents = _agents_read(
        "# Examplide\n\nSpecialists sometimes use it in combination with other medicines, "
        "for example with pyrimethamine for toxoplasmosis.\n",
        "markdown",
        "clindamycin",
    )
    assert "pyrimethamine" not in agents


def test_a_regimen_for_a_use_names_no_interaction() -> None:
    found = _agents(
        "# Olanzapine\n\nIt can be used on its own or together with lithium for mania.\n",
        "olanzapine",
    )
    assert "lithium" not in found


def test_a_list_led_in_under_an_interactions_question_is_read_as_interactions() -> None:
    text = (
        "Nortriptyline questions\n"
        "Q: Who should not take it?\n"
        "A: People who have had a heart attack, or who have glaucoma or liver disease.\n"
        "Q: Which medicines interact with it?\n"
        "A: The most important are:\n"
        "- Clonidine: it can reduce its blood-pressure-lowering effect.\n"
        "- Quinidine and cimetidine: they raise its levels in the blood.\n"
    )
    assert {"clonidine", "quinidine", "cimetidine"} <= set(_agents(text, "nortriptyline"))


@pytest.mark.parametrize(
    "body",
    [
        "Ropinirole and rotigotine are related medicines used for the same conditions and are "
        "alternatives rather than drugs combined with it.",
        "Enzyme inhibitors such as ketoconazole are not expected to alter its elimination.",
        "The flu jab can be given at any time.",
    ],
)
def test_an_alternative_an_unaffected_or_an_anytime_medicine_is_no_interaction(body: str) -> None:
    found = _interactions(body)
    assert not [agent for agent, severity in found.items() if severity != NO_INTERACTION]


def test_a_medicine_usable_for_pain_while_taking_it_is_no_interaction() -> None:
    found = _interactions("Paracetamol can be used for pain while taking tizanidine.")
    assert found["acetaminophen"] == NO_INTERACTION


@pytest.mark.parametrize(
    ("text", "drug", "not_an_agent"),
    [
        # an allergy to a medicine is a precaution, not a combination
        (
            "# Rifampin\n\n## Warnings\n\nRifampin must not be used in people with jaundice or "
            "rifamycin allergy, and you should avoid it if you are allergic to rifabutin.\n",
            "rifampin",
            "rifabutin",
        ),
        # a treatment regimen: combined with another medicine on purpose, for a condition
        (
            "# Rifampin\n\n## Uses\n\nTuberculosis.\n\n## Other\n\nIt is often combined with "
            "doxycycline for brucellosis.\n",
            "rifampin",
            "doxycycline",
        ),
        # what a combination product is made of
        (
            "# Fexofenadine\n\n## Is it a decongestant?\n\nSome products in other countries "
            '(sold with a "-D" on the name) combine it with pseudoephedrine.\n',
            "fexofenadine",
            "pseudoephedrine",
        ),
        # a brand list names combination products
        (
            "# Rifampin\n\n## Brand names\n\nRifadin; in combination: Rifinah (with isoniazid).\n",
            "rifampin",
            "isoniazid",
        ),
        # a medicine it is compared with, and that medicine's brand in brackets
        (
            "# Fexofenadine\n\n## Interactions\n\nIt is less sedating than older antihistamines "
            "such as chlorphenamine (Piriton), so avoid driving only if it makes you drowsy.\n",
            "fexofenadine",
            "chlorpheniramine",
        ),
        # "you can keep using your usual inhalers" says they go together
        (
            "# Theophylline\n\n## Interactions\n\nYou can also keep using your usual inhalers, "
            "including steroid inhalers such as beclometasone.\n",
            "theophylline",
            "beclomethasone",
        ),
    ],
)
def test_medicines_named_for_another_reason_are_no_interactions(
    text: str, drug: str, not_an_agent: str
) -> None:
    assert _agents(text, drug).get(not_an_agent) in (None, NO_INTERACTION)


@pytest.mark.parametrize(
    "sentence",
    [
        "It is prescribed to treat ulcers and, together with antibiotics, H. pylori infection.",
        "The antibiotics are given together with omeprazole on purpose, as part of one treatment.",
    ],
)
def test_medicines_given_with_it_on_purpose_are_no_interactions(sentence: str) -> None:
    assert "antibiotics" not in _agents(f"# Omeprazole\n\n{sentence}\n", "omeprazole")


def test_a_labelled_item_gives_its_agents_the_severity_and_effects_of_its_sentences() -> None:
    text = (
        "# Paroxetine\n\n## Interactions\n\n- **Thioridazine and pimozide:** must not be taken "
        "with paroxetine. Paroxetine raises their levels, which can dangerously prolong the QT "
        "interval.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "paroxetine")
    (pimozide,) = [f for f in facts if f.kind is FactKind.INTERACTION and f.key == "pimozide"]
    assert pimozide.attributes["severity"] == "major"
    assert "qt prolongation" in str(pimozide.attributes["effect_terms"])


def test_the_drugs_own_class_in_the_singular_is_the_drug_itself() -> None:
    text = (
        "# Levofloxacin\n\n## How to take it\n\nKeep 2 hours between it and antacids. They "
        "stop the antibiotic being absorbed.\n"
    )
    assert "antibiotics" not in _agents(text, "levofloxacin")


def test_alcohol_allowed_with_a_caveat_is_a_minor_interaction() -> None:
    text = (
        "# Omeprazole\n\n## Alcohol\n\nYou can drink alcohol, but alcohol makes your stomach "
        "produce more acid, so drinking can make heartburn worse.\n"
    )
    assert _agents(text, "omeprazole")["alcohol"] == "minor"


def test_each_agent_of_a_unit_naming_several_keeps_its_own_effects_and_severity() -> None:
    text = (
        "# Omeprazole\n\n## Interactions\n\nMedicines that interact: clopidogrel (it reduces "
        "its protective effect on the heart, so avoid the combination), warfarin (bleeding "
        "risk may rise), phenytoin and citalopram (their levels may rise, causing drowsiness).\n\n"
        "Taking it with warfarin or aspirin can increase bleeding.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "omeprazole")
    said = {
        (f.key, f.attributes["severity"], f.attributes["effect_terms"])
        for f in facts
        if f.kind is FactKind.INTERACTION
    }
    assert ("clopidogrel", "major", "works less well") in said
    assert ("warfarin", "moderate", "bleeding") in said
    assert ("phenytoin", "moderate", "raised levels,drowsiness") in said
    assert ("aspirin", "moderate", "bleeding") in said


def test_an_effect_on_levels_belongs_to_the_medicines_it_governs() -> None:
    text = (
        "# Memantine\n\n## Interactions\n\nMemantine may lower the levels of "
        "hydrochlorothiazide; it can strengthen the effects of levodopa, and weaken the effects "
        "of barbiturates and antipsychotics.\n"
    )
    effects = _effects(text, "memantine")
    assert effects["hydrochlorothiazide"] == "lowered levels"
    assert effects["levodopa"] == ""
    assert effects["barbiturates"] == effects["antipsychotics"] == "works less well"


def test_medicines_switched_between_and_the_drug_under_its_acid_name_are_no_interactions() -> None:
    text = (
        "# Mycophenolate mofetil\n\n## Interactions\n\n- ciclosporin: lowers mycophenolate "
        "levels; if you switch between ciclosporin and tacrolimus your levels may change\n"
    )
    agents = _agents(text, "mycophenolate mofetil")
    assert "cyclosporine" in agents
    assert "tacrolimus" not in agents
    assert "mycophenolic acid" not in agents


def test_effects_named_after_every_agent_belong_to_the_whole_list() -> None:
    text = (
        "# Baclofen\n\n## Interactions\n\nCombining baclofen with alcohol or other CNS "
        "depressants (such as sleeping pills or sedatives) can intensify side effects like "
        "dizziness and drowsiness.\n"
    )
    effects = _effects(text, "baclofen")
    assert effects["alcohol"] == effects["sedatives"] == "dizziness,drowsiness"


def test_what_the_other_medicines_are_for_is_no_effect_of_the_combination() -> None:
    text = (
        "# Nebivolol\n\n## Interactions\n\n- other medicines for high blood pressure, as "
        "together they can lower your blood pressure too much\n- diltiazem, which can make "
        "your heart beat too slowly\n- decongestants such as pseudoephedrine, which can raise "
        "your blood pressure\n- cimetidine, which can increase the amount of nebivolol in your "
        "body\n"
    )
    effects = _effects(text, "nebivolol")
    assert effects["antihypertensives"] == "low blood pressure"
    assert effects["diltiazem"] == "slow heart rate"
    assert effects["pseudoephedrine"] == "high blood pressure"
    assert effects["cimetidine"] == "raised levels"


def test_a_medicine_some_people_take_with_it_on_purpose_is_no_interaction() -> None:
    agents = _agents(
        "# Nebivolol\n\nSome people take it together with a water tablet such as "
        "bendroflumethiazide, which your doctor will plan for you.\n",
        "nebivolol",
    )
    assert "bendroflumethiazide" not in agents


def test_a_labelled_item_its_description_calls_fine_or_denies_is_no_interaction() -> None:
    agents = _agents(
        "# Linagliptin\n\n## Other medicines\n\n- **Metformin:** fine together.\n"
        "- **Warfarin:** my wife's worry. Studies found no meaningful interaction with warfarin."
        "\n- **Rifampicin:** it can make linagliptin work less well.\n",
        "linagliptin",
    )
    assert agents["warfarin"] == NO_INTERACTION
    assert agents.get("metformin", NO_INTERACTION) == NO_INTERACTION
    assert agents["rifampin"] != NO_INTERACTION


def test_a_slower_breakdown_of_the_other_medicine_is_an_interaction() -> None:
    text = (
        "# Diphenhydramine\n\n## Questions\n\n- **Metoprolol:** diphenhydramine can slow the "
        "liver's breakdown of metoprolol, which can push metoprolol levels up and make your "
        "heart rate slower.\n"
    )
    effects = _effects(text, "diphenhydramine")
    assert effects["metoprolol"] == "raised levels,slow heart rate"


def test_no_direct_reaction_but_a_harm_together_is_an_interaction() -> None:
    text = (
        "# Fondaparinux\n\n## Interactions\n\nAlcohol does not react with fondaparinux "
        "directly, but heavy drinking makes stomach bleeding more likely.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "fondaparinux")
    alcohol = [f for f in facts if f.key == "alcohol"]
    assert [f.kind for f in alcohol] == [FactKind.INTERACTION]
    assert "bleeding" in str(alcohol[0].attributes["effect_terms"])


def test_a_labelled_item_outside_an_interactions_section_takes_its_descriptions_cue() -> None:
    agents = _agents(
        "# Diphenhydramine\n\n## Reply\n\n- **Alcohol:** best avoided on nights you take it.\n"
        "- **Other drowsy medicines:** anything else that makes you sleepy, such as "
        "lorazepam.\n\n## Warnings\n\nAsk a doctor before use if you take sedatives or "
        "tramadol, as the drowsiness adds up.\n",
        "diphenhydramine",
    )
    for agent in ("alcohol", "lorazepam", "sedatives", "tramadol"):
        assert agents.get(agent) not in (None, NO_INTERACTION), agent


def test_medicines_used_with_it_for_a_use_are_no_interactions() -> None:
    agents = _agents(
        "# Lurasidone\n\n## Interactions\n\nIt treats bipolar depression on its own or added to "
        "lithium. Valproate is also used together with it in bipolar depression.\n",
        "lurasidone",
    )
    assert "lithium" not in agents
    assert "valproic acid" not in agents


def test_the_condition_naming_which_medicines_is_no_effect_and_less_absorbed_is_one() -> None:
    text = (
        "# Cefaclor\n\n## Interactions\n\n- **Indigestion meds that reduce stomach acid** - "
        "omeprazole and the like. Less acid means less cefaclor gets absorbed.\n"
    )
    effects = _effects(text, "cefaclor")
    assert effects["omeprazole"] == "lowered levels"
