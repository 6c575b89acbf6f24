"""Side effects read from articles: severity from labels and everyday words, what is not one."""

from __future__ import annotations

import pytest

from medinfo.domain.facts import FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.conftest import read_text
from tests.unit.extract.helpers import make_document


def _side_effects(text: str, drug: str = "losartan", real_reader: bool = False) -> dict[str, bool]:
    document = read_text(text, "page.md") if real_reader else make_document(text)
    facts = extract_list_facts(document, "test", drug)
    return {f.key: bool(f.attributes["serious"]) for f in facts if f.kind is FactKind.SIDE_EFFECT}


def test_extract_side_effects_a_line_label_sets_the_severity_of_its_list() -> None:
    found = _side_effects(
        "Side effects\n"
        "Usual ones: headache, back pain and a blocked nose.\n"
        "Serious - phone for help now: fainting; yellow skin from liver problems."
    )
    assert found["fainting"] is True
    assert found["liver problems"] is True
    assert found["headache"] is False


def test_extract_side_effects_seriously_as_an_intensifier_is_not_serious() -> None:
    found = _side_effects(
        "What I noticed\n"
        "The first days I felt sleepy and seriously bloated, which is a known side effect.\n"
        "The scary side effects are rare: pancreatitis and fainting.",
        "liraglutide",
    )
    assert found["drowsiness"] is False
    assert found["bloating"] is False
    assert found["pancreatitis"] is True
    assert found["fainting"] is True


def test_extract_side_effects_a_sentence_label_leads_into_its_list() -> None:
    found = _side_effects(
        "Common side effects\nTiredness is the usual one: headache, nausea and dry mouth too.",
        "propranolol",
    )
    assert {"fatigue", "headache", "nausea", "dry mouth"} <= set(found)


def test_extract_side_effects_signs_that_come_together_name_one_condition() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get help at once if you have a fever, shivering, agitation and muscle twitching all "
        "together, as this may be serotonin syndrome.",
        "sertraline",
    )
    assert found == {"serotonin syndrome": True}


def test_extract_side_effects_signs_named_by_the_next_sentence_are_not_effects() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Call a doctor at once for a rash with a high temperature and swollen glands. These "
        "may be signs of DRESS.",
        "lamotrigine",
    )
    assert found == {"drug reaction with eosinophilia and systemic symptoms": True}


def test_extract_side_effects_warning_signs_of_another_disease_are_not_effects() -> None:
    found = _side_effects(
        "Side effects\n"
        "Symptoms of a more serious bowel problem, such as cancer, include weight loss and "
        "blood in stool. Common side effects include headache.",
        "omeprazole",
    )
    assert found == {"headache": False}


def test_extract_side_effects_a_generic_word_before_called_is_not_an_effect() -> None:
    found = _side_effects(
        "Serious side effects\nRarely it can cause a bowel infection called C. difficile.",
        "clindamycin",
    )
    assert found == {"c. difficile diarrhea": True}


def test_extract_side_effects_opposites_and_kinds_of_medicine_are_not_effects() -> None:
    found = _side_effects(
        "Side effects\n"
        "It is not a sleeping pill and not a weight-loss medicine. Children may have "
        "reduced appetite and lowered alertness; some feel nausea.",
        "zonisamide",
    )
    assert "weight loss" not in found
    assert found.get("nausea") is False


def test_extract_side_effects_conditions_asked_about_before_use_are_precautions() -> None:
    facts = extract_list_facts(
        make_document(
            "Side effects\n"
            "Tell your pharmacist if you have liver problems, as this medicine is not right "
            "for everyone. Some people get diarrhoea."
        ),
        "test",
        "naproxen",
    )
    effects = {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT}
    precautions = {f.key for f in facts if f.kind is FactKind.PRECAUTION}
    assert effects == {"diarrhea"}
    assert "liver disease" in precautions


def test_extract_side_effects_effects_of_a_drug_plus_another_are_the_combinations() -> None:
    found = _side_effects(
        "Side effects\n"
        "Pregabalin plus an opioid painkiller can cause severe drowsiness. On its own it can cause "
        "dizziness.",
        "pregabalin",
    )
    assert found == {"dizziness": False}


def test_extract_side_effects_each_semicolon_clause_is_read_as_its_own_item() -> None:
    found = _side_effects(
        "Side effects\n"
        "Serious - stop and call a doctor: tightness of the chest, wheezing or swollen lips "
        "(anaphylaxis), which can start within minutes; fainting; confusion and weakness from "
        "low sodium.",
        "ceftriaxone",
    )
    assert found == {"allergic reaction": True, "fainting": True, "low sodium": True}


def test_extract_side_effects_also_carries_on_the_list_before() -> None:
    found = _side_effects(
        "Side effects\n"
        "Scary but rare: fits and pancreatitis. Also low sodium, which can show as muddled "
        "thinking and confusion.",
        "carbamazepine",
    )
    assert found == {"seizures": True, "pancreatitis": True, "low sodium": True}


def test_extract_side_effects_urgent_help_for_symptoms_names_serious_effects() -> None:
    found = _side_effects(
        "Is it ever an emergency?\n"
        "Get emergency help for vomiting blood, black stools or coughing up blood.",
        "dabigatran",
    )
    assert {"vomiting blood", "coughing up blood"} <= set(found)
    assert all(found.values())


def test_extract_side_effects_a_plain_text_faq_question_sets_the_section() -> None:
    found = _side_effects(
        "Q. Is it a strong medicine?\n"
        "A. It is a cholesterol medicine taken at night.\n"
        "Q. Which side effects should I expect?\n"
        "A. Muscle aches, constipation and headaches for some people.",
        "simvastatin",
    )
    assert {"muscle pain", "constipation", "headache"} <= set(found)


def test_extract_side_effects_signs_after_a_bracketed_name_describe_it() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Rarely, a reaction that affects several organs (known as DRESS) with fever, a rash "
        "and confusion.",
        "phenytoin",
    )
    assert found == {"drug reaction with eosinophilia and systemic symptoms": True}


def test_extract_side_effects_after_a_bracketed_risk_are_still_effects() -> None:
    found = _side_effects(
        "Serious side effects\n"
        "Fits (the risk goes up in people with epilepsy), and low blood sugar.",
        "tapentadol",
    )
    assert {"seizures", "low blood sugar"} <= set(found)


def test_extract_side_effects_a_germs_effects_and_the_babys_are_not_the_drugs() -> None:
    found = _side_effects(
        "Side effects\n"
        "It clears a germ that causes bad diarrhoea, and it can cause nausea. Taken late in "
        "pregnancy it can cause breathing problems in the newborn.",
        "vancomycin",
    )
    assert found == {"nausea": False}


def test_extract_side_effects_a_usual_effects_name_in_brackets_glosses_the_last_item() -> None:
    found = _side_effects(
        "Common side effects\n"
        "Headache, muscle cramps, sore breasts and skin that reddens quickly in sunlight "
        "(photosensitivity).",
        "demeclocycline",
    )
    assert {"headache", "muscle cramps", "breast tenderness", "photosensitivity"} <= set(found)


def test_extract_side_effects_signs_before_a_serious_name_in_brackets_are_its_signs() -> None:
    found = _side_effects(
        "Serious side effects\nFever, purple spots on the skin and confusion (TTP).",
        "ticlopidine",
    )
    assert found == {"thrombotic thrombocytopenic purpura": True}


def test_extract_side_effects_a_cue_in_brackets_reaches_only_its_bracket() -> None:
    facts = extract_list_facts(
        make_document(
            "Who should be careful\n"
            "Psoriasis (it can cause a flare of rashes), heart block or a slow heart rate."
        ),
        "test",
        "atenolol",
    )
    effects = {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT}
    assert effects == {"rash"}


def test_extract_side_effects_the_patients_condition_and_first_aid_are_not_effects() -> None:
    found = _side_effects(
        "Warnings\n"
        "Older adults with dementia who take risperidone have a higher chance of stroke. "
        "Call 911 if someone is unconscious or has a seizure after an overdose.",
        "risperidone",
    )
    assert "dementia" not in found
    assert "seizures" not in found


def test_extract_side_effects_a_line_labelled_with_a_grade_lists_effects_anywhere() -> None:
    text = (
        "# Losartan\n\n## What the thread agreed\n\n"
        "- Serious: fainting, swelling of the face.\n- Do not mix with potassium tablets.\n"
    )
    found = _side_effects(text)
    assert found.get("fainting") is True
    plain = "# Losartan\n\n## What the thread agreed\n\n- Fainting is what worried me most.\n"
    assert "fainting" not in _side_effects(plain)


def test_extract_side_effects_a_lead_in_without_a_topic_keeps_the_headings_list() -> None:
    found = _side_effects(
        "Adverse effects\nRare but serious ones include:\n- fits\n- a stroke",
        "bupropion",
    )
    assert found == {"seizures": True, "stroke": True}


def test_extract_side_effects_a_bare_with_reaches_only_to_the_next_serious_item() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get emergency help for an allergic reaction with hives, seizures or slowed breathing.",
        "lamotrigine",
    )
    assert found == {
        "allergic reaction": True,
        "seizures": True,
        "respiratory depression": True,
    }


def test_extract_side_effects_a_serious_condition_after_with_closes_its_signs() -> None:
    found = _side_effects(
        "Side effects\n"
        "See a doctor straight away for vomiting, confusion and a headache with dangerously "
        "low sodium.",
        "oxcarbazepine",
    )
    assert found == {"low sodium": True}


def test_extract_side_effects_a_listed_bracket_after_serious_conditions_gives_signs() -> None:
    found = _side_effects(
        "Side effects\n"
        "Stop taking it and call your doctor if you develop psychosis or mania (seeing "
        "things, paranoia).",
        "atomoxetine",
    )
    assert found == {"psychosis": True, "mania": True}


def test_extract_side_effects_a_dash_naming_a_serious_condition_ends_its_signs() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call your doctor right away if you notice blisters, peeling or mouth sores - rare but "
        "serious skin reactions such as Stevens-Johnson syndrome.",
        "allopurinol",
    )
    assert found == {"severe skin reactions": True, "stevens-johnson syndrome": True}


def test_extract_side_effects_a_sign_in_brackets_glosses_only_the_item_before() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get urgent help for fainting, or breathlessness with swollen ankles (a sign that the "
        "heart is struggling).",
        "verapamil",
    )
    assert found == {"fainting": True}


def test_extract_side_effects_an_effect_said_not_to_be_one_is_left_out() -> None:
    found = _side_effects(
        "Side effects\nHair loss isn't one of the usual side effects of it; headaches are common.",
        "topiramate",
    )
    assert found == {"headache": False}


def test_extract_side_effects_what_the_bodys_own_activity_causes_is_not_an_effect() -> None:
    found = _side_effects(
        "Side effects\nIt quietens the brain activity that causes seizures. It can cause "
        "dizziness.",
        "phenytoin",
    )
    assert found == {"dizziness": False}


def test_extract_side_effects_seek_urgent_help_grades_its_effects_serious() -> None:
    found = _side_effects("What to watch for\nSeek urgent help for chest pain or fainting.")
    assert found == {"chest pain": True, "fainting": True}


def test_extract_side_effects_a_bracket_naming_one_serious_effect_replaces_its_gloss() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call a doctor at once for swelling of the lips, gums or tongue (angioedema), severe "
        "stomach pain going through to your back (pancreatitis), or hives.",
        "liraglutide",
    )
    assert found == {"angioedema": True, "hives": True, "pancreatitis": True}


def test_extract_side_effects_it_may_make_you_feel_names_effects_anywhere() -> None:
    found = _side_effects(
        "About it\n"
        "Gabapentin is used for nerve pain. It may make you feel sleepy at first, some people "
        "find it makes them feel sick, and it can leave you feeling tired. Unlike some "
        "painkillers it shouldn't make you feel dizzy.",
        "gabapentin",
    )
    assert found == {"drowsiness": False, "nausea": False, "fatigue": False}


def test_extract_side_effects_the_commonest_ones_are_common() -> None:
    facts = extract_list_facts(
        make_document("Side effects\nThe commonest are tummy pain and problems with memory."),
        "test",
        "donepezil",
    )
    common = {f.key for f in facts if f.attributes.get("frequency") == "common"}
    assert common == {"stomach pain", "memory problems"}


def test_extract_side_effects_what_a_poster_has_not_had_is_no_effect() -> None:
    found = _side_effects(
        "# Losartan\n\n## Side effects\n\nI get some dizziness. I haven't once had a cough, "
        "which is what put me off my old tablets."
    )
    assert "cough" not in found
    assert "dizziness" in found


def test_extract_side_effects_a_subsection_that_speaks_of_danger_holds_serious_ones() -> None:
    text = (
        "# Losartan\n\n## Side effects\n\n- dizziness\n- tiredness\n\n"
        "### The dangerous ones\n\n- fainting\n- yellow skin\n"
    )
    facts = extract_list_facts(read_text(text, "losartan.md"), "test", "losartan")
    serious = {f.key: f.attributes["serious"] for f in facts if f.kind is FactKind.SIDE_EFFECT}
    assert serious["fainting"] is True
    assert serious["dizziness"] is False


def test_extract_side_effects_a_rash_written_with_its_signs_is_a_severe_skin_reaction() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call your doctor at once if you get a rash with blistering or peeling, a high "
        "temperature or sore eyes.",
        "allopurinol",
    )
    assert found == {"severe skin reactions": True}


def test_extract_side_effects_a_serious_item_after_a_rash_with_its_signs_is_its_own() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get urgent medical help for a skin rash with blisters, seizures or fainting.",
        "lamotrigine",
    )
    assert found == {"severe skin reactions": True, "seizures": True, "fainting": True}


def test_extract_side_effects_plain_and_bloody_diarrhoea_are_graded_apart() -> None:
    found = _side_effects(
        "Side effects\n"
        "Common: diarrhoea, headache.\n"
        "Serious - see a doctor now: watery or bloody diarrhoea, yellow skin or eyes.",
        "co-amoxiclav",
    )
    assert found == {
        "diarrhea": False,
        "headache": False,
        "severe diarrhea": True,
        "liver problems": True,
    }


def test_extract_side_effects_a_possible_condition_in_brackets_glosses_only_its_own_item() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get emergency help for black or tarry stools, coughing up blood, a sudden very bad "
        "headache or slurred speech (possibly a bleed in the brain).",
        "apixaban",
    )
    assert found["stomach bleeding"] is True
    assert found["coughing up blood"] is True
    assert "headache" not in found


def test_extract_side_effects_a_possible_condition_after_usual_signs_names_them_all() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call your doctor at once for a sore throat, fever, mouth ulcers or tiredness "
        "(possibly a blood problem).",
        "carbimazole",
    )
    assert "fever" not in found
    assert "fatigue" not in found


def test_extract_side_effects_a_condition_named_before_surgery_is_the_procedure() -> None:
    found = _side_effects(
        "Side effects\n"
        "Call your doctor at once if you faint. Before any cataract operation or glaucoma "
        "surgery, tell the surgeon: it can cause floppy iris syndrome.",
        "doxazosin",
    )
    assert "cataract" not in found
    assert "glaucoma" not in found
    assert "floppy iris syndrome" in found


def test_who_is_more_at_risk_is_no_word_of_frequency() -> None:
    found = _side_effects(
        "# Carbamazepine\n\nSerious reactions include toxic epidermal necrolysis (more common "
        "in people of Asian descent) and pancreatitis. The more common side effects include "
        "nausea.",
        "carbamazepine",
    )
    assert found["toxic epidermal necrolysis"] is True
    assert found["pancreatitis"] is True
    assert found["nausea"] is False


def test_an_effect_grave_in_itself_is_serious_where_the_text_does_not_grade_it() -> None:
    found = _side_effects(
        "# Olanzapine\n\nOlanzapine can cause neuroleptic malignant syndrome, confusion and "
        "weight gain.",
        "olanzapine",
    )
    assert found["neuroleptic malignant syndrome"] is True
    assert found["confusion"] is False
    assert found["weight gain"] is False


def test_a_sign_of_clause_after_a_list_names_only_its_own_item() -> None:
    found = _side_effects(
        "# Duloxetine\n\n## Serious side effects\n\nGet help for unusual bruising, a fit, or "
        "confusion with headaches and muscle weakness, which can be a sign of low sodium.\n",
        "duloxetine",
    )
    assert {"bruising", "seizures", "low sodium"} <= set(found)
    assert "confusion" not in found
    assert "headache" not in found


def test_a_list_after_a_lead_in_saying_not_scary_is_not_serious() -> None:
    found = _side_effects(
        "# Losartan\n\n## Side effects\n\nThe dreams are vivid. Not scary, just weird. Other "
        "things people mentioned:\n\n- headaches\n- dry mouth\n"
    )
    assert found == {"headache": False, "dry mouth": False}


def test_speaking_to_a_doctor_straight_away_marks_serious_effects() -> None:
    found = _side_effects(
        "# Losartan\n\n## Side effects\n\nStop taking it and speak to a doctor straight away "
        "if you notice a rash.\n"
    )
    assert found == {"rash": True}


def test_extract_side_effects_a_bracket_naming_the_effect_its_signs_describe() -> None:
    found = _side_effects(
        "Side effects\n"
        "Get help urgently with fainting (if you are too dizzy to treat it yourself), or "
        "swelling of the lips and tongue (allergic reaction)."
    )
    assert found.get("allergic reaction") is True


def test_extract_side_effects_a_short_lead_in_keeps_the_topic_above() -> None:
    found = _side_effects(
        "The downsides\nThe main one is dizziness.\nOther common things:\n- a dry mouth\n- headache"
    )
    assert {"dizziness", "dry mouth", "headache"} <= set(found)


def test_extract_side_effects_a_short_opening_sentence_sets_its_paragraphs_severity() -> None:
    found = _side_effects(
        "Side effects\n"
        "Serious effects are rare. It slightly increases the risk of breast cancer. Gallbladder "
        "disease has been reported.\n"
        "Common ones: headache.",
        "tibolone",
    )
    assert found == {"breast cancer": True, "gallbladder disease": True, "headache": False}


def test_extract_side_effects_a_label_saying_they_did_not_happen_names_none() -> None:
    found = _side_effects("Side effects\nWhat I haven't had: weight gain.\nWhat I did get: nausea.")
    assert "weight gain" not in found
    assert "nausea" in found


def test_extract_side_effects_a_lead_in_naming_how_it_works_still_lists_effects() -> None:
    found = _side_effects(
        "Side effects\nThe common ones are mostly the flip side of how it works:\n"
        "- feeling sleepy\n- dry mouth\n",
        "tizanidine",
    )
    assert {"drowsiness", "dry mouth"} <= set(found)


def _read_side_effects(text: str, drug: str) -> dict[str, bool]:
    return _side_effects(text, drug, real_reader=True)


def test_side_effects_a_keep_taking_lead_in_still_lists_effects() -> None:
    found = _read_side_effects(
        "# Examplol\n\n## Side effects\n\n"
        "Keep taking the medicine, but talk to your doctor if these bother you or don't go "
        "away:\n\n- headaches\n- feeling sick\n- cold hands or feet\n",
        "propranolol",
    )
    assert found.get("headache") is False
    assert found.get("nausea") is False


def test_side_effects_a_graded_opening_grades_its_paragraph() -> None:
    found = _read_side_effects(
        "# Examplol\n\n## Adverse effects\n\n"
        "Serious but uncommon effects are stroke and pulmonary embolism. Cataracts become "
        "slightly more common with long-term use.\n",
        "tamoxifen",
    )
    assert found["stroke"] is True
    assert found["cataracts"] is True


def test_side_effects_conditions_that_rule_the_drug_out_are_no_effects() -> None:
    found = _read_side_effects(
        "# Examplol\n\n## Side effects\n\n"
        "It can cause a dry mouth. Because of its heart effects, it shouldn't be used right "
        "after a heart attack or with heart failure.\n",
        "amitriptyline",
    )
    assert "dry mouth" in found
    assert "heart attack" not in found
    assert "heart failure" not in found


def test_side_effects_the_signs_of_one_named_condition_stay_signs() -> None:
    found = _read_side_effects(
        "# Examplol\n\n## Side effects\n\nRare but serious - get help if you notice:\n\n"
        "- shivering, sweating, twitching, hallucinations or a high temperature "
        "(possible serotonin syndrome);\n"
        "- signs of an allergic reaction: rash, swelling (especially of the face), severe "
        "dizziness or trouble breathing.\n",
        "tramadol",
    )
    assert found["serotonin syndrome"] is True
    assert "sweating" not in found
    assert "dizziness" not in found


def test_a_serious_effect_a_bracket_names_for_its_signs_is_kept() -> None:
    text = (
        "# Levofloxacin\n\n## Which side effects are serious?\n\nStop taking it and contact a "
        "doctor straight away if you get:\n\n- a fast or irregular heartbeat or fainting (a "
        "rhythm change called QT prolongation)\n"
    )
    facts = extract_list_facts(make_document(text), "t", "levofloxacin")
    assert "qt prolongation" in {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT}


def test_a_use_it_is_not_the_first_choice_for_is_no_side_effect() -> None:
    text = (
        "# Levofloxacin\n\nBecause of rare but disabling side effects, it should not be the "
        "first choice for simple urinary tract infections.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "levofloxacin")
    assert "urinary tract infection" not in {f.key for f in facts}


def test_withdrawal_symptoms_listed_after_a_colon() -> None:
    text = (
        "# Paroxetine\n\n## Cautions\n\nDo not stop suddenly. It can cause discontinuation "
        "(withdrawal) symptoms if stopped abruptly: dizziness, sleep problems and nausea.\n"
    )
    facts = extract_list_facts(make_document(text), "t", "paroxetine")
    assert {"dizziness", "nausea"} <= {
        f.key for f in facts if f.kind is FactKind.WITHDRAWAL_SYMPTOM
    }


@pytest.mark.parametrize(
    ("text", "drug", "expected"),
    [
        # a lead-in about a boxed warning still lists serious effects, as a heading would
        (
            "# Estradiol\n\n## Adverse effects\n\nA boxed warning covers the more serious "
            "risks identified in large trials:\n\n- **endometrial cancer** with unopposed "
            "estrogen;\n- **breast cancer** (mainly with estrogen plus progestin);\n",
            "estradiol",
            {"endometrial cancer", "breast cancer"},
        ),
        # a grade label right after a paragraph about side effects keeps to side effects
        (
            "# Methadone\n\n## Other interactions worth knowing\n\n- Naltrexone blocks it.\n\n"
            "Common side effects: constipation, sweating and nausea.\n\n"
            "Serious: slow or shallow breathing, fainting - get help immediately.\n",
            "methadone",
            {"respiratory depression", "fainting"},
        ),
    ],
)
def test_serious_effects_under_a_lead_in_or_grade_label(
    text: str, drug: str, expected: set[str]
) -> None:
    facts = extract_list_facts(make_document(text), "t", drug)
    serious = {f.key for f in facts if f.kind is FactKind.SIDE_EFFECT and f.attributes["serious"]}
    assert expected <= serious


def test_effects_a_list_says_did_not_happen_or_an_item_denies_are_none() -> None:
    found = _side_effects(
        "# Losartan\n\n## Side effects\n\nA mild cough at first.\n\nThings that did **not** "
        "happen:\n\n- No weight gain at all.\n- diarrhoea\n\nAlso:\n\n- No headache.\n"
    )
    assert "cough" in found
    assert "weight gain" not in found
    assert "diarrhea" not in found
    assert "headache" not in found
