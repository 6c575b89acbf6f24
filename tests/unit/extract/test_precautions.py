"""Precautions read from articles: who should take care, in everyday words."""

from __future__ import annotations

from medinfo.domain.facts import FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.helpers import make_document


def _precautions(text: str, drug: str = "codeine") -> set[str]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {f.key for f in facts if f.kind is FactKind.PRECAUTION}


def test_extract_precautions_everyday_warnings_name_who_should_take_care() -> None:
    found = _precautions(
        "What to know\n"
        "It is not suitable for people with severe asthma.\n"
        "It must not be given to children under 12.\n"
        "If your kidneys do not work well, your doctor will pick another painkiller.\n"
        "Do not drive until you know how it affects you."
    )
    assert {"breathing problems", "children", "kidney disease", "driving"} <= found


def test_extract_precautions_a_dose_line_for_an_age_group_is_a_precaution() -> None:
    found = _precautions(
        "How much\nIf you are over 70, take no more than 20 mg a day.", "rosuvastatin"
    )
    assert "older adults" in found


def test_extract_precautions_not_usually_given_to_a_group_is_a_precaution() -> None:
    found = _precautions(
        "Who can take it\nMinocycline is not usually given to children under 12 because it "
        "stains growing teeth; the exceptions are severe infections with no other choice.",
        "minocycline",
    )
    assert found == {"children"}


def test_extract_precautions_procedures_and_allergies_by_name() -> None:
    found = _precautions(
        "Before you take it\n"
        "Tell your doctor if you are allergic to penicillin, or if you need surgery or an "
        "epidural anaesthetic.",
        "cefalexin",
    )
    assert {"penicillin allergy", "surgery", "spinal or epidural anaesthesia"} <= found


def test_extract_precautions_study_patients_and_interaction_lines_are_not_precautions() -> None:
    found = _precautions(
        "Warnings\n"
        "In clinical trials of adults with heart failure the dose was lowered slowly.\n"
        "Interactions: diuretics and potassium supplements (risk of high potassium).",
        "eplerenone",
    )
    assert found == set()


def test_extract_precautions_risk_raised_in_people_with_a_condition() -> None:
    found = _precautions(
        "Side effects\n"
        "Fits (the risk goes up in people with epilepsy), and low blood sugar.\n"
        "Breathing can slow, especially in people with lung disease.",
        "tapentadol",
    )
    assert {"seizure history", "breathing problems"} <= found


def test_extract_precautions_label_wording_names_the_everyday_condition() -> None:
    found = _precautions(
        "Contraindications\n"
        "Do not use in patients with cardiac failure, resting hypotension, unstable angina or "
        "active liver disease.",
        "tadalafil",
    )
    assert found == {"heart failure", "low blood pressure", "angina", "liver disease"}


def test_extract_precautions_a_group_said_to_need_no_other_dose_is_no_precaution() -> None:
    found = _precautions(
        "Dosage\nYou won't need a different dose if you're over 65 or have liver problems.\n"
        "There is no need to adjust the dose if you have mild kidney disease.",
        "ramipril",
    )
    assert "liver disease" not in found
    assert "kidney disease" not in found


def test_extract_precautions_people_who_need_no_other_dose_are_not_cautions() -> None:
    found = _precautions(
        "Dosage\nYou won't need a different dose if you have mild liver problems.", "apixaban"
    )
    assert "liver disease" not in found


def test_extract_precautions_what_people_risk_and_a_doses_use_are_no_conditions() -> None:
    found = _precautions(
        "Cautions\n"
        "Check with your doctor before taking it if you:\n"
        "- are over 75 - older people are more likely to get kidney problems\n"
        "- have liver problems; you may be given 5 mg a day for heart failure",
        "ramipril",
    )
    assert found == {"older adults", "liver disease"}


def test_extract_precautions_everyday_conditions_of_a_before_use_list() -> None:
    found = _precautions(
        "Check with your doctor before taking it if you have gout, lupus, Crohn's disease, "
        "a weakened immune system or low blood calcium.",
        "prednisolone",
    )
    assert {
        "gout",
        "lupus",
        "inflammatory bowel disease",
        "weakened immune system",
        "low calcium",
    } <= found


def test_extract_precautions_a_group_the_page_calls_safe_is_no_caution() -> None:
    found = _precautions(
        "Precautions\n"
        "Cetirizine is one of the antihistamines considered safe in pregnancy and while "
        "breastfeeding; tiny amounts reach breast milk.",
        "cetirizine",
    )
    assert "breastfeeding" not in found


def test_extract_precautions_a_risk_named_and_a_courses_use_are_no_conditions() -> None:
    found = _precautions(
        "Cautions\n"
        "If you have surgery while on it, there is a risk of a blood clot. After 7 days for a "
        "flare-up of asthma you can usually stop at once. Tell your doctor if you have diabetes.",
        "dexamethasone",
    )
    assert "blood clots" not in found
    assert "breathing problems" not in found
    assert "diabetes" in found


def test_extract_precautions_who_may_use_it_is_no_caution() -> None:
    found = _precautions(
        "Who can and cannot take it\n"
        "It can be used by adults and by children aged 6 and over with asthma.\n"
        "Tell your doctor if you have heart problems."
    )
    assert "children" not in found
    assert "heart disease" in found


def test_extract_precautions_what_stopping_brings_on_is_no_condition_to_ask_about() -> None:
    found = _precautions(
        "Stopping it\n"
        "Stopping it suddenly can bring on seizures, even if you have not had one for years.",
        "lamotrigine",
    )
    assert "seizure history" not in found


def test_a_kind_of_medicine_named_by_a_condition_is_no_precaution() -> None:
    found = _precautions(
        "# Warnings\n\nSuicidal thoughts: this is a warning for all seizure medicines.",
        "lacosamide",
    )
    assert "seizure history" not in found


def test_extract_precautions_advised_not_to_take_is_a_warning_to_avoid() -> None:
    text = "Thread\nIn the UK, people with epilepsy are advised not to take it."
    facts = extract_list_facts(make_document(text), "test", "buspirone")
    advice = {f.key: f.attributes["advice_code"] for f in facts if f.kind is FactKind.PRECAUTION}
    assert advice == {"seizure history": "avoid"}


def test_extract_precautions_a_named_list_of_cautions_counts_anywhere() -> None:
    text = (
        "Adverse effects\n"
        "Cautions include heart failure, dehydration, and asthma made worse by aspirin "
        "(in which case it is contraindicated)."
    )
    facts = extract_list_facts(make_document(text), "test", "meloxicam")
    advice = {f.key: f.attributes["advice_code"] for f in facts if f.kind is FactKind.PRECAUTION}
    assert advice["heart failure"] == "use_with_caution"
    assert advice["dehydration"] == "use_with_caution"
    assert advice["breathing problems"] == "avoid"


def test_extract_precautions_a_list_after_a_paragraphs_last_sentence_is_read_by_it() -> None:
    text = (
        "Precautions\n"
        "Tell your doctor if you are allergic to other piperazine medicines. "
        "Do not take it if you have:\n"
        "- a known long QT interval\n"
        "- porphyria\n"
    )
    facts = extract_list_facts(make_document(text), "test", "hydroxyzine")
    advice = {f.key: f.attributes["advice_code"] for f in facts if f.kind is FactKind.PRECAUTION}
    assert advice == {"long qt": "avoid", "porphyria": "avoid"}


def test_extract_precautions_a_lead_in_about_history_keeps_the_precautions_section() -> None:
    text = (
        "Precautions\n"
        "Do not drive until you know how it affects you.\n"
        "Tell your doctor about your medical history, especially:\n"
        "- dementia\n"
        "- glaucoma\n"
    )
    assert {"dementia", "glaucoma"} <= _precautions(text, "hydroxyzine")


def test_extract_precautions_a_relatives_condition_is_not_the_readers() -> None:
    found = _precautions(
        "Cautions\nMy brother (who has a fatty liver) was pleased to hear that.", "pramipexole"
    )
    assert "liver disease" not in found


def test_extract_precautions_a_who_cannot_take_it_label_heads_its_conditions() -> None:
    found = _precautions(
        "Acitretin\n\nWho can't take it: people with severe liver or severe kidney problems.",
        "acitretin",
    )
    assert {"liver disease", "kidney disease"} <= found


def test_a_hyphenated_who_should_be_careful_label_opens_precautions_anywhere() -> None:
    text = (
        "# Levofloxacin\n\n## Side effects\n\nThe common ones are nausea and headache.\n\n"
        "Priya's people-who-should-be-careful list: people with epilepsy, myasthenia gravis "
        "or a known aortic aneurysm.\n"
    )
    assert {"myasthenia gravis", "aortic aneurysm"} <= _precautions(text, "levofloxacin")


def test_a_friends_condition_named_after_their_name_is_no_precaution() -> None:
    text = (
        "# Levofloxacin\n\n## Cautions\n\nMy friend Sam had ciprofloxacin for a kidney "
        "infection last year and warned me about tendons.\n"
    )
    assert "infection" not in _precautions(text, "levofloxacin")


def test_the_law_on_driving_with_a_condition_names_no_caution() -> None:
    found = _precautions(
        "# Primidone\n\n## Driving\n\nDo not drive if primidone makes you sleepy. If you have "
        "epilepsy, there are strict driving rules and you must tell the DVLA.",
        "primidone",
    )
    assert "seizure history" not in found
