"""Mechanism terms: where and how the drug acts, never another medicine's target."""

from __future__ import annotations

import pytest

from medinfo.domain.facts import FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.conftest import read_text
from tests.unit.extract.helpers import make_document


def _mechanism(text: str, drug: str) -> set[str]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {f.key for f in facts if f.kind is FactKind.MECHANISM_TERM}


def test_a_target_named_without_a_class_keyword_is_a_mechanism_term() -> None:
    found = _mechanism(
        "# Moxifloxacin\n\nMoxifloxacin kills bacteria by blocking bacterial DNA gyrase and "
        "topoisomerase IV.",
        "moxifloxacin",
    )
    assert found == {"dna gyrase", "topoisomerase iv"}


def test_the_drugs_own_class_as_subject_states_its_mechanism() -> None:
    found = _mechanism(
        "# Pravastatin\n\nStatins work by blocking an enzyme in the liver called HMG-CoA "
        "reductase.",
        "pravastatin",
    )
    assert found == {"hmg-coa reductase"}


def test_another_medicine_groups_name_is_no_mechanism_of_this_drug() -> None:
    found = _mechanism(
        "# Gliclazide\n\nGliclazide works by helping the beta cells release insulin. Taken "
        "with other diabetes medicines, such as SGLT2 inhibitors, it can lower sugar too far.",
        "gliclazide",
    )
    assert "sglt2" not in found
    assert "beta cells" in found


def test_a_mechanism_said_of_another_drug_is_not_taken() -> None:
    found = _mechanism(
        "# Bisoprolol\n\nUnlike verapamil, which blocks calcium channels, bisoprolol blocks "
        "beta-1 receptors in the heart.",
        "bisoprolol",
    )
    assert "voltage-gated calcium channels" not in found
    assert "beta-1" in found


def _brands(text: str, drug: str) -> set[str]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {f.key for f in facts if f.kind is FactKind.BRAND_NAME}


def test_brands_in_a_bracket_right_after_the_drugs_name() -> None:
    found = _brands("Tinzaparin (Innohep, Logiparin) is an anticoagulant.", "tinzaparin")
    assert {"Innohep", "Logiparin"} <= found
    abbreviations = _brands(
        "Tinzaparin acts on antithrombin (AT) and factor Xa (FXa) in the blood.", "tinzaparin"
    )
    assert not {"AT", "FXa"} & abbreviations


def test_brand_lists_keep_device_markers_and_drop_form_notes() -> None:
    found = _brands(
        "It is sold under the brand names Respira Diskus, Respira HFA and Breezo (capsules).",
        "tiotropium",
    )
    assert {"Respira Diskus", "Respira HFA", "Breezo"} <= found


def test_a_combination_product_is_no_brand_of_the_drug_alone() -> None:
    found = _brands("Also available: Glucora (with metformin) and Sitalo.", "sitagliptin")
    assert "Glucora" not in found


def test_a_bracket_after_a_combination_names_the_combination_s_brand() -> None:
    found = _brands(
        "Bupropion is also part of the combination naltrexone/bupropion (Slimvera). "
        "People treated with bupropion (Wellbutrin, Zyban) should not drink heavily.",
        "bupropion",
    )
    assert "Slimvera" not in found
    assert {"Wellbutrin", "Zyban"} <= found


def _forms(text: str, drug: str) -> set[str]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {f.key for f in facts if f.kind is FactKind.FORM}


def test_a_form_of_another_product_is_no_form_of_the_drug() -> None:
    found = _forms(
        "Dabigatran comes as capsules. With a fresh clot, people get heparin injections "
        "first. Use sun cream outdoors.",
        "dabigatran",
    )
    assert found == {"capsule"}


def _classes(text: str, drug: str) -> set[str]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {f.key for f in facts if f.kind is FactKind.DRUG_CLASS}


def test_a_class_name_names_the_wider_class_it_ends_in() -> None:
    found = _classes("Levofloxacin is a fluoroquinolone antibiotic.", "levofloxacin")
    assert found == {"fluoroquinolone", "antibiotic"}


def test_an_answer_opening_with_a_class_phrase_names_the_class() -> None:
    found = _classes(
        "## What kind of medicine is it?\n\nA tetracycline antibiotic. It stops bacteria growing.",
        "minocycline",
    )
    assert "tetracycline antibiotic" in found


def test_a_class_the_drug_is_not_used_as_is_no_class() -> None:
    found = _classes(
        "Quetiapine is an antipsychotic. Guidelines advise against using it as a sleeping tablet.",
        "quetiapine",
    )
    assert found == {"antipsychotic"}


def test_a_class_the_vocabulary_lacks_is_read_from_an_is_a_sentence() -> None:
    found = _classes(
        "Zafirlukast is a leukotriene receptor antagonist taken twice a day.", "zafirlukast"
    )
    assert "leukotriene receptor antagonist" in found


def test_an_open_class_is_never_a_denied_one_a_mechanism_or_another_drug_s() -> None:
    assert not _classes("Zafirlukast is not a corticosteroid.", "zafirlukast")
    assert not _classes("Zafirlukast is a weak inhibitor of CYP2C9.", "zafirlukast")
    assert not _classes(
        "Pranlukast is a cysteinyl receptor antagonist; zafirlukast differs.", "zafirlukast"
    )


def test_a_medicine_named_inside_a_mechanism_phrase_is_the_substance_it_acts_on() -> None:
    found = _mechanism(
        "# Pioglitazone\n\n## How it works\n\nPioglitazone makes fat and muscle cells more "
        "sensitive to insulin.",
        "pioglitazone",
    )
    assert found == {"insulin sensitivity"}


def test_a_class_named_by_its_action_is_a_mechanism_term_as_written() -> None:
    found = _mechanism(
        "# Paroxetine\n\nParoxetine is a selective serotonin reuptake inhibitor: it works by "
        "keeping more serotonin available between nerve cells.",
        "paroxetine",
    )
    assert "selective serotonin reuptake inhibitor" in found
    assert "serotonin reuptake" not in found  # the class already says it


def test_a_bare_action_word_takes_the_target_written_before_it() -> None:
    found = _mechanism(
        "# Zafirlukast\n\n## How it works\n\nZafirlukast acts as a leukotriene receptor "
        "antagonist, so the airways tighten less.",
        "zafirlukast",
    )
    assert "leukotriene receptor antagonist" in found
    assert "antagonist" not in found


def test_a_class_the_vocabulary_reads_as_target_and_action_stays_split() -> None:
    found = _mechanism(
        "# Cetirizine\n\n## How it works\n\nCetirizine is an H1 receptor antagonist.",
        "cetirizine",
    )
    assert found == {"h1 receptor", "antagonist"}
    inhibitor = _mechanism(
        "# Dapagliflozin\n\nDapagliflozin is an SGLT2 inhibitor and works in the kidneys.",
        "dapagliflozin",
    )
    assert inhibitor == {"sglt2 inhibitor"}  # "inhibitor" is no term: the class says more


def test_a_food_or_a_form_the_drug_spares_is_no_form_of_it() -> None:
    found = _forms(
        "# Edoxaban\n\nEdoxaban comes as tablets, so there is no need for injections at home. "
        "The crushed tablet can be stirred into yoghurt or ice cream.",
        "edoxaban",
    )
    assert found == {"oral tablet"}


def test_forms_keep_their_route_and_coating() -> None:
    found = _forms(
        "# Esomeprazole\n\n## Forms\n\nIt comes as gastro-resistant tablets, sprinkle capsules "
        "and sachets of granules; a self-injected version comes in injection pens.",
        "esomeprazole",
    )
    assert found == {
        "delayed-release tablet",
        "sprinkle capsule",
        "granules",
        "subcutaneous injection",
    }


def test_a_class_written_with_its_abbreviation_is_a_term_without_it() -> None:
    found = _mechanism(
        "# Venlafaxine\n\nVenlafaxine is an antidepressant known as a serotonin and "
        "norepinephrine reuptake inhibitor (SNRI).",
        "venlafaxine",
    )
    assert "serotonin and norepinephrine reuptake inhibitor" in found


def test_a_term_that_only_explains_the_target_before_it_is_no_term() -> None:
    found = _mechanism(
        "# Edoxaban\n\nEdoxaban works by blocking factor Xa, a clotting factor, so less "
        "thrombin is made.",
        "edoxaban",
    )
    assert found == {"factor xa", "thrombin"}


def test_brands_listed_after_a_comma_and_including() -> None:
    text = "Digoxin is sold under several brand names, including Lanoxin, Digitek and Cardoxin."
    assert {"Lanoxin", "Digitek", "Cardoxin"} <= _brands(text, "digoxin")


def test_a_drug_named_as_an_acid_owns_the_brands_of_its_anion() -> None:
    found = _brands("# Ibandronic acid\n\nBrand names: Boniva, Bonviva.", "ibandronic acid")
    assert {"Boniva", "Bonviva"} <= found


def test_another_spelling_of_the_generic_is_no_brand() -> None:
    found = _brands("# Cyclosporine\n\nBrand names: Neoral, Ciclosporin.", "cyclosporine")
    assert "Ciclosporin" not in found
    assert "Neoral" in found
    # and the brands the dictionary gives the other spelling are the drug's own
    assert "Neoral" in _brands("# Ciclosporin\n\nBrand names: Neoral.", "ciclosporin")
    # a name two letters longer is another medicine
    assert "Deltasone" not in _brands("# Prednisolone\n\nDeltasone is a brand.", "prednisolone")


def test_a_brand_the_page_is_also_supplied_as_is_a_brand() -> None:
    found = _brands("# Amlodipine 5mg tablets\n\nAlso supplied as Istin 5mg.", "amlodipine")
    assert "Istin" in found


def test_a_kind_of_product_or_another_medicines_form_is_no_form_of_the_drug() -> None:
    found = _forms(
        "# Semaglutide\n\nSemaglutide comes as a weekly injection. Keep taking your diabetes "
        "tablets. Your doctor may add a tablet called metformin.",
        "semaglutide",
    )
    assert found == {"injection"}
    appositive = _forms(
        "# Risedronate\n\nRisedronate comes as tablets. An alternative is zoledronic acid, "
        "an injection given once a year.",
        "risedronic acid",  # the key its monograph has (the acid's name, see DrugTwins)
    )
    assert appositive == {"oral tablet"}
    # the drug's own group before its form is its own form
    own = _forms("# Prednisolone\n\nPrednisolone comes as steroid tablets.", "prednisolone")
    assert own == {"oral tablet"}


def test_a_class_the_drug_is_called_is_its_class() -> None:
    found = _classes("# Zopiclone\n\nZopiclone is what's called a Z-drug.", "zopiclone")
    assert "z-drug" in found


def test_a_labelled_line_of_brands_names_brands_the_dictionary_lacks() -> None:
    found = _brands("# Flucloxacillin\n\nBrand names: Floxapen, Fluclomix.", "flucloxacillin")
    assert {"Floxapen", "Fluclomix"} <= found
    assert not _brands("# Flucloxacillin\n\nUses: Impetigo, Cellulitis.", "flucloxacillin")


def test_a_messenger_named_in_how_the_drug_works_is_a_mechanism_term() -> None:
    found = _mechanism(
        "# Duloxetine\n\nIt works by raising the amounts of noradrenaline and serotonin that "
        "nerves in the spinal cord use to damp pain signals.",
        "duloxetine",
    )
    assert {"noradrenaline", "serotonin"} <= found
    side = _mechanism(
        "# Duloxetine\n\n## Side effects\n\nToo much serotonin can make you shaky and sweaty.",
        "duloxetine",
    )
    assert "serotonin" not in side  # no sentence about how it works


def test_how_it_works_said_in_everyday_words_gives_mechanism_terms() -> None:
    found = _mechanism(
        "# Hydrocortisone\n\nHydrocortisone is a steroid. It calms inflammation and dampens the "
        "immune system.",
        "hydrocortisone",
    )
    assert found == {"reduces inflammation", "immunosuppression"}
    found = _mechanism(
        "# Erythromycin\n\nTo put it simply, it stops bacteria making the proteins they need.",
        "erythromycin",
    )
    assert found == {"protein synthesis"}


def test_a_lay_mechanism_phrase_about_another_medicine_is_not_taken() -> None:
    found = _mechanism(
        "# Famciclovir\n\nUnlike aciclovir cream, which calms the itch, famciclovir tablets are "
        "taken for five days.",
        "famciclovir",
    )
    assert found == set()


def test_marks_on_the_body_are_no_forms() -> None:
    facts = extract_list_facts(
        make_document(
            "# Fluticasone\n\nFluticasone comes as an inhaler. If white patches appear in "
            "your mouth, rinse after each dose.\n\n## Side effects\n\n- sore throat\n"
            "- dry patches on the skin\n"
        ),
        "test",
        "fluticasone",
    )
    assert {f.key for f in facts if f.kind is FactKind.FORM} == {"inhaler"}


def test_a_target_named_after_a_lead_in_clause_is_a_mechanism_term() -> None:
    found = _mechanism(
        "# Cytisine\n\nMy pharmacist explained it like this: it's a partial agonist at the "
        "nicotinic receptors in your brain.",
        "cytisine",
    )
    assert found == {"partial agonist", "nicotinic acetylcholine receptors"}


def test_a_messenger_the_drug_blocks_in_lay_words_is_a_mechanism_term() -> None:
    found = _mechanism(
        "# Fexofenadine\n\nFexofenadine works by stopping a natural chemical called histamine "
        "from acting on the body.",
        "fexofenadine",
    )
    assert found == {"histamine"}


def test_a_messenger_a_longer_term_of_the_sentence_holds_is_not_repeated() -> None:
    found = _mechanism(
        "# Fexofenadine\n\nIt blocks histamine H1 receptors so histamine cannot act.",
        "fexofenadine",
    )
    assert found == {"h1 receptor"}


def test_slowing_the_stomach_is_a_mechanism_term() -> None:
    found = _mechanism(
        "# Liraglutide\n\nLiraglutide works by slowing down how fast the stomach empties, so "
        "you feel full for longer.",
        "liraglutide",
    )
    assert "gastric emptying" in found


def test_a_heading_after_a_trade_names_section_is_no_brand() -> None:
    box = (
        "MORPHINE\n\nTrade names\nIn the UK it is sold as Oramorph and MST Continus.\n\n"
        "Pharmacology\nMorphine is a full agonist at the mu-opioid receptor.\n"
    )
    facts = extract_list_facts(read_text(box), "test", "morphine")
    assert {f.key for f in facts if f.kind is FactKind.BRAND_NAME} == {"Oramorph", "MST Continus"}


def test_a_word_of_the_generic_name_is_no_brand() -> None:
    found = _brands(
        "# Sodium valproate\n\n## Dosage\n\nValproate is one of the epilepsy medicines that "
        "does not make contraception less effective.",
        "valproic acid",
    )
    assert "Valproate" not in found


def test_alpha_blockers_and_progestogens_are_drug_classes() -> None:
    for text, drug, kind in [
        ("Silodosin is what's called an alpha-blocker.", "silodosin", "alpha-blocker"),
        ("Desogestrel is a synthetic progestogen.", "desogestrel", "progestogen"),
    ]:
        facts = extract_list_facts(make_document(f"# {drug}\n\n{text}"), "test", drug)
        assert kind in {f.key for f in facts if f.kind is FactKind.DRUG_CLASS}, text


def test_the_first_word_of_a_longer_brand_is_no_brand() -> None:
    found = _brands(
        "It is sold under the brand names Levonelle One Step, Plan B One-Step and Take Action.",
        "levonorgestrel",
    )
    assert "Plan" not in found
    assert "Levonelle One Step" in found


def test_a_form_the_text_says_it_does_not_come_in_is_no_form() -> None:
    found = _forms(
        "Enoxaparin comes as a prefilled syringe for injection. It is not something you can "
        "take as a tablet.",
        "enoxaparin",
    )
    assert "injection" in found
    assert not {"tablet", "oral tablet"} & found


def test_brands_listed_after_the_products_they_are() -> None:
    found = _brands(
        "Estradiol skin patches, changed twice a week, include Zelvora and Quintesse Duo. "
        "There is also a metered spray (Lumira).",
        "estradiol",
    )
    assert {"Zelvora", "Quintesse Duo", "Lumira"} <= found


def test_a_word_saying_the_product_is_generic_is_no_part_of_the_brand() -> None:
    found = _brands("Ciprofloxacin tablets (Generic Cipro)", "ciprofloxacin")
    assert "Generic Cipro" not in found


def test_another_generic_name_of_the_drug_is_no_brand() -> None:
    found = _brands(
        "Salbutamol is a reliever. Brand names include Ventolin and Salamol.", "albuterol"
    )
    assert "Salbutamol" not in found
    assert {"Ventolin", "Salamol"} <= found


def test_a_class_said_of_another_medicine_is_not_this_drugs() -> None:
    found = _classes(
        "Ticagrelor is an antiplatelet medicine. Paracetamol is the best painkiller to use "
        "while you take ticagrelor.",
        "ticagrelor",
    )
    assert "antiplatelet" in found
    assert "analgesic" not in found


def test_brands_under_a_brands_label_and_with_a_pm_marker() -> None:
    found = _brands("- Brands you might see: Securon, Univer, Verelan PM", "verapamil")
    assert {"Securon", "Univer", "Verelan PM"} <= found


@pytest.mark.parametrize(
    ("text", "drug", "wanted"),
    [
        (
            "Dapagliflozin is a medicine from the group called sodium-glucose co-transporter 2 "
            "(SGLT2) inhibitors.",
            "dapagliflozin",
            {"sodium-glucose co-transporter 2 inhibitor"},
        ),
        ("Digoxin is a cardiac glycoside.", "digoxin", {"cardiac glycoside"}),
        ("It is an opioid antagonist (opioid blocker).", "naltrexone", {"opioid antagonist"}),
        (
            "Lansoprazole is a proton pump inhibitor. It belongs to a different family from the "
            "H2 blockers such as famotidine.",
            "lansoprazole",
            {"proton pump inhibitor"},
        ),
        (
            "Letrozole blocks this enzyme, so oestrogen levels fall.",
            "letrozole",
            set(),
        ),
    ],
)
def test_classes_named_as_the_drugs_own_and_no_other(
    text: str, drug: str, wanted: set[str]
) -> None:
    assert _classes(text, drug) == wanted


def test_brands_named_right_after_the_word_brands() -> None:
    text = (
        "# Tapentadol\n\nTapentadol (brands Palexia and Palexia SR in the UK, Nucynta in the US) "
        "is a strong opioid painkiller.\n"
    )
    assert {"Palexia", "Palexia SR"} <= _brands(text, "tapentadol")


def test_the_form_of_an_overdose_treatment_is_no_form_of_the_drug() -> None:
    text = (
        "# Glimepiride\n\n## Forms\n\nTablets of 1 mg and 2 mg.\n\n## Overdose\n\n"
        "Treatment is with oral or intravenous glucose and monitoring in hospital.\n"
    )
    assert "injection" not in _forms(text, "glimepiride")


def test_a_bare_anti_inflammatory_is_no_nsaid() -> None:
    found = _classes(
        "# Budesonide\n\n## How it works\n\nBudesonide is a corticosteroid. It is an "
        "anti-inflammatory, not a bronchodilator.",
        "budesonide",
    )
    assert "nsaid" not in found
