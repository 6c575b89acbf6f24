"""Indications: uses the text states for this drug, never another drug's, a side effect or a
use it denies."""

from __future__ import annotations

from medinfo.domain.facts import FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.helpers import make_document


def _uses(text: str, drug: str) -> dict[str, bool]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {
        f.key: bool(f.attributes.get("off_label")) for f in facts if f.kind is FactKind.INDICATION
    }


def test_another_drugs_use_in_a_story_is_no_use_of_this_drug() -> None:
    found = _uses(
        "# Sertraline\n\nSertraline helped my low mood. Before that I took paracetamol for "
        "migraine every week.",
        "sertraline",
    )
    assert "migraine" not in found


def test_a_use_named_with_a_second_medicine_stays_this_drugs_use() -> None:
    found = _uses(
        "# Omeprazole\n\nOmeprazole is used with clarithromycin and amoxicillin to treat "
        "Helicobacter pylori.",
        "omeprazole",
    )
    assert "h. pylori infection" in found


def test_a_condition_listed_as_a_side_effect_is_no_use() -> None:
    found = _uses(
        "# Azathioprine\n\nAzathioprine is used for rheumatoid arthritis. Taking it with food "
        "can ease side effects such as feeling sick and ulcers.",
        "azathioprine",
    )
    assert found == {"rheumatoid arthritis": False}


def test_a_weak_use_cue_the_clause_denies_is_no_use() -> None:
    found = _uses(
        "# Citalopram\n\nCitalopram is used to treat depression. It isn't the usual choice "
        "for insomnia.",
        "citalopram",
    )
    assert found == {"depression": False}


def test_an_off_label_use_named_after_off_label_for_is_kept_with_its_flag() -> None:
    found = _uses(
        "# Pregabalin\n\nDoctors sometimes prescribe it off label for insomnia.",
        "pregabalin",
    )
    assert found == {"insomnia": True}


def test_a_category_whose_members_follow_gives_way_to_them() -> None:
    found = _uses(
        "# Cefalexin\n\nCefalexin is used for bacterial infections such as cellulitis and "
        "kidney infections.",
        "cefalexin",
    )
    assert found == {"skin infections": False, "kidney infection": False}


def test_an_off_label_cue_later_in_the_list_leaves_the_approved_uses_before_it() -> None:
    found = _uses(
        "# Azathioprine\n\nIt is used for rheumatoid arthritis and lupus, and sometimes off "
        "label for ulcerative colitis.",
        "azathioprine",
    )
    assert found == {"rheumatoid arthritis": False, "lupus": False, "ulcerative colitis": True}


def test_an_off_label_cue_after_the_use_in_the_same_clause_flags_it() -> None:
    found = _uses("# Propranolol\n\nIt is prescribed for anxiety off label.", "propranolol")
    assert found == {"anxiety": True}


def test_a_denied_weak_cue_is_no_use_even_under_a_uses_heading() -> None:
    found = _uses(
        "# Sertraline\n\n## Uses\n\nSertraline treats depression. It is not the best option "
        "for bipolar disorder.",
        "sertraline",
    )
    assert found == {"depression": False}


def test_a_cause_named_after_a_use_is_no_use_of_its_own() -> None:
    found = _uses(
        "# Bumetanide\n\nBumetanide is used for fluid retention caused by heart failure.",
        "bumetanide",
    )
    assert found == {"edema": False}
    # a bracket may stand between the use and its cause
    bracketed = _uses(
        "# Bumetanide\n\nBumetanide is used for oedema (puffy ankles) linked to liver cirrhosis.",
        "bumetanide",
    )
    assert bracketed == {"edema": False}


def test_a_bracket_after_a_cause_or_a_symptom_names_the_use() -> None:
    found = _uses(
        "# Duloxetine\n\nDuloxetine is prescribed for nerve pain from diabetes (diabetic "
        "neuropathy) and for pain that continues after shingles (postherpetic neuralgia).",
        "duloxetine",
    )
    assert "diabetic neuropathy" in found
    assert "postherpetic neuralgia" in found
    assert "type 2 diabetes" not in found
    assert "pain" not in found


def test_the_next_item_of_a_list_of_uses_after_a_comma_is_still_a_use() -> None:
    found = _uses(
        "# Ticagrelor\n\nTicagrelor is given for unstable angina, after an ischaemic stroke, "
        "and for peripheral arterial disease.",
        "ticagrelor",
    )
    assert "ischemic stroke" in found


def test_an_appositive_or_a_dash_description_explaining_a_use_names_no_other_use() -> None:
    found = _uses(
        "# Verapamil\n\nVerapamil is used to prevent angina, the squeezing chest pain that "
        "comes with effort.",
        "verapamil",
    )
    assert found == {"angina": False}
    listed = _uses(
        "# Oxcarbazepine\n\n## What it's used for\n\n- Trigeminal neuralgia – a sudden "
        "stabbing facial pain",
        "oxcarbazepine",
    )
    assert listed == {"trigeminal neuralgia": False}


def test_the_people_a_condition_describes_are_not_its_use() -> None:
    found = _uses(
        "# Amitriptyline\n\nAmitriptyline is used for the burning feet some people with "
        "diabetes get.",
        "amitriptyline",
    )
    assert "type 2 diabetes" not in found


def test_what_an_action_helps_prevent_is_no_use_of_the_drug() -> None:
    found = _uses(
        "# Beclometasone\n\nRinse your mouth after each puff. This helps prevent oral thrush.",
        "beclometasone",
    )
    assert found == {}


def test_unlicensed_prescribing_is_off_label() -> None:
    found = _uses(
        "# Candesartan\n\nCandesartan is used for high blood pressure. Some neurologists "
        "prescribe it, unlicensed, to prevent migraine.",
        "candesartan",
    )
    assert found == {"high blood pressure": False, "migraine": True}


def test_thrush_of_each_site_is_a_use_of_its_own() -> None:
    found = _uses(
        "# Nystatin\n\nNystatin is used to treat oral thrush and thrush of the oesophagus.",
        "nystatin",
    )
    assert found == {"oral thrush": False, "esophageal candidiasis": False}


def test_a_use_it_has_only_been_studied_for_is_no_use() -> None:
    found = _uses(
        "# Gabapentin\n\n## Uses\n\nGabapentin treats epilepsy. It has also been tested in "
        "trials for hot flushes, but it is not licensed for them.",
        "gabapentin",
    )
    assert found == {"epilepsy": False}


def test_a_condition_the_reader_is_asked_about_is_no_use() -> None:
    found = _uses(
        "# Sertraline\n\n## What it is used for\n\nSertraline treats depression. Let your "
        "doctor know if anyone in your family has had glaucoma.",
        "sertraline",
    )
    assert found == {"depression": False}


def test_a_list_led_in_by_what_doctors_prescribe_it_for_is_a_list_of_uses() -> None:
    found = _uses(
        "# Hydrocortisone\n\nClinicians prescribe it for several problems, including:\n\n"
        "- psoriasis and dermatitis\n- lupus\n",
        "hydrocortisone",
    )
    assert {"psoriasis", "lupus"} <= set(found)


def test_a_list_about_the_patients_own_situation_is_no_list_of_uses() -> None:
    found = _uses(
        "# Hydrocortisone\n\nHydrocortisone is used for eczema. Tell the doctor who prescribed "
        "it if you have:\n\n- glaucoma\n- diabetes\n",
        "hydrocortisone",
    )
    assert "glaucoma" not in found
    assert "diabetes" not in found


def test_a_condition_set_against_the_use_or_asked_about_is_no_use() -> None:
    found = _uses(
        "# Carbamazepine\n\nMy neurologist gave it to me for trigeminal neuralgia rather than "
        "epilepsy. I started carbamazepine for that and asked about headaches and acne. "
        "It can make other drugs for depression weaker.",
        "carbamazepine",
    )
    assert "trigeminal neuralgia" in found
    assert not {"epilepsy", "headache", "acne", "depression"} & set(found)


def test_a_use_said_as_what_specialists_use_it_for_is_kept() -> None:
    found = _uses(
        "# Topiramate\n\nSome neurologists use it to prevent cluster headaches. Do not use it "
        "for a tension headache.",
        "topiramate",
    )
    assert "cluster headache" in found
    assert "tension headache" not in found


def test_a_condition_the_drug_was_only_studied_for_is_no_use() -> None:
    found = _uses(
        "# Pregabalin\n\nIt is used for nerve pain. It was studied for alcohol dependence, but "
        "it is not licensed for that.",
        "pregabalin",
    )
    assert "neuropathic pain" in found
    assert "alcohol dependence" not in found


def test_a_sentence_going_on_from_a_stated_use_names_uses_too() -> None:
    found = _uses(
        "# Fexofenadine\n\nQ: What is it for?\n\nA: It is used to relieve allergies. That "
        "includes hay fever and hives, the itchy raised rash.",
        "fexofenadine",
    )
    assert "hives" in found


def test_a_sentence_going_on_from_a_denied_use_names_no_use() -> None:
    found = _uses(
        "# Fexofenadine\n\nIt is not used to treat a blocked nose. That includes congestion "
        "from a cold or hives.",
        "fexofenadine",
    )
    assert "hives" not in found


def test_what_the_reader_needs_besides_the_drug_is_no_use() -> None:
    found = _uses(
        "# Estradiol\n\n## Uses\n\nEstradiol is used to treat menopausal symptoms. Women still "
        "having periods need separate contraception.",
        "estradiol",
    )
    assert "contraception" not in found


def test_asking_for_medical_help_with_a_harm_names_no_use() -> None:
    found = _uses(
        "# Heparin\n\nHeparin is used to prevent blood clots. Get help urgently with heavy "
        "bleeding (if you are too weak to stand up, or faint), or a rash with swelling of the "
        "lips (allergic reaction).",
        "heparin",
    )
    assert "allergic reaction" not in found
    assert "deep vein thrombosis" in found or "blood clots" in found


def test_a_weak_cue_does_not_reach_a_risk_named_after_a_new_verb() -> None:
    found = _uses(
        "# Tibolone\n\nBeginning it for the first time after 60 is linked to a higher risk of "
        "stroke and breast cancer.",
        "tibolone",
    )
    assert found == {}


def test_a_harm_reported_under_a_uses_heading_is_no_use() -> None:
    found = _uses(
        "# Isotretinoin\n\n## What it is used for\n\nIsotretinoin is used to treat severe acne. "
        "Low mood and depression have been reported with isotretinoin.",
        "isotretinoin",
    )
    assert "depression" not in found
    assert "severe acne" in found


def test_a_comparison_with_another_drug_under_a_uses_heading_names_no_use() -> None:
    found = _uses(
        "# Tibolone\n\n## Uses\n\nIt is not the same as norethisterone, the progestogen found "
        "in some contraceptive pills.",
        "tibolone",
    )
    assert "contraception" not in found


def test_the_patients_who_take_it_name_a_use() -> None:
    found = _uses(
        "# Insulin detemir\n\nIt is a background insulin. People with type 1 diabetes use it "
        "with a mealtime insulin.",
        "insulin detemir",
    )
    assert "type 1 diabetes" in found


def test_a_use_tried_in_studies_that_did_not_prove_out_is_no_use() -> None:
    found = _uses(
        "# Lamotrigine\n\nLamotrigine is used for epilepsy. It has been studied in migraine, "
        "but the results were disappointing and it is not licensed for this.",
        "lamotrigine",
    )
    assert found == {"epilepsy": False}


def test_a_low_dose_prescribed_for_a_use_then_called_off_label_is_an_off_label_use() -> None:
    found = _uses(
        "# Mirtazapine\n\nMirtazapine is used to treat depression. Some doctors prescribe a low "
        "dose to help with sleep problems (insomnia). This is an off-label use.",
        "mirtazapine",
    )
    assert found == {"depression": False, "insomnia": True}


def test_male_pattern_hair_loss_is_a_use_by_its_everyday_name() -> None:
    found = _uses(
        "# Minoxidil\n\nThe foam is used to treat male pattern hair loss.",
        "minoxidil",
    )
    assert "male pattern baldness" in found


def test_a_use_the_drug_was_first_sought_for_but_failed_in_is_no_use() -> None:
    found = _uses(
        "# Clomifene\n\nIt was first made in a search for a contraceptive, but it failed in "
        "that role. It is used to treat high blood pressure.",
        "clomifene",
    )
    assert "contraception" not in found
    assert "high blood pressure" in found


def test_uses_researchers_looked_at_that_the_next_sentence_denies_are_none() -> None:
    found = _uses(
        "# Baclofen\n\nIt is used for spasticity. Researchers have also looked at it for "
        "alcohol dependence and hiccups. Neither of these is an approved use.",
        "baclofen",
    )
    assert found == {"spasticity": False}


def test_a_cancer_treated_is_a_use() -> None:
    found = _uses(
        "# Letrozole\n\nLetrozole is used to treat hormone receptor-positive breast cancer in "
        "women after the menopause.",
        "letrozole",
    )
    assert "breast cancer" in found


def test_an_allergy_to_another_medicine_and_another_drugs_description_name_no_use() -> None:
    found = _uses(
        "# Uses\n\nDoctors often choose it for people who have a true allergy to penicillin. "
        "Its name looks like cyproheptadine, an antihistamine used for hay fever.",
        "clindamycin",
    )
    assert "allergies" not in found
    assert "hay fever" not in found


def test_a_harm_and_a_clause_describing_a_use_name_no_use() -> None:
    found = _uses(
        "# Uses\n\nIt is used to treat:\n- angina\n"
        "- Raynaud's phenomenon, where the fingers go white in the cold\n\n"
        "Biting a capsule open is no longer done: pressure can fall quickly and cause a heart "
        "attack.",
        "nifedipine",
    )
    assert "angina" in found
    assert "raynaud's phenomenon" in found
    assert "common cold" not in found
    assert "heart attack" not in found


def test_the_drugs_own_class_described_as_used_for_keeps_the_use() -> None:
    found = _uses(
        "# Lisinopril\n\nLisinopril is an ACE inhibitor used to treat high blood pressure.",
        "lisinopril",
    )
    assert "high blood pressure" in found


def test_symptoms_listed_under_a_uses_heading_are_uses() -> None:
    found = _uses(
        "# Promethazine\n\n## What is it used for?\n\n- hay fever\n- nausea and vomiting\n",
        "promethazine",
    )
    assert {"nausea and vomiting"} <= set(found)


def test_a_symptom_plainly_caused_by_a_condition_gives_the_condition() -> None:
    found = _uses("# Carvedilol\n\n## Uses\n\n- chest pain caused by angina\n", "carvedilol")
    assert set(found) == {"angina"}


def test_a_symptom_inside_a_diseases_proper_name_is_no_use() -> None:
    found = _uses(
        "# Doxycycline\n\n## Uses\n\n- Lyme disease and other tick-borne illnesses such as "
        "Rocky Mountain spotted fever\n",
        "doxycycline",
    )
    assert "fever" not in found


def test_what_a_studys_people_had_and_a_use_denied_later_are_no_uses() -> None:
    found = _uses(
        "# Ticagrelor\n\n## Uses\n\nIn a large study of people who had just had a minor stroke, "
        "ticagrelor on its own was not better than aspirin.\n",
        "ticagrelor",
    )
    assert "ischemic stroke" not in found
    found = _uses(
        "# Codeine\n\n## Uses\n\nIt is only used for short-term pain in teenagers, and never "
        "after removal of tonsils or adenoids for sleep apnoea.\n",
        "codeine",
    )
    assert "obstructive sleep apnea" not in found


def test_a_conditions_name_qualifying_advice_or_a_symptom_of_a_named_use_is_no_use() -> None:
    found = _uses(
        "# Famotidine\n\n## Uses\n\nPlease follow current COVID advice instead.\n", "famotidine"
    )
    assert "covid 19" not in found
    found = _uses(
        "# Loratadine\n\nIt relieves hay fever symptoms such as sneezing and a runny nose.",
        "loratadine",
    )
    assert "runny nose" not in found


def test_a_condition_studies_failed_in_is_no_use() -> None:
    text = (
        "# Zonisamide\n\n## What is it used for?\n\nIt is used for epilepsy. "
        "Studies in bipolar disorder were not convincing.\n"
    )
    assert _uses(text, "zonisamide") == {"epilepsy": False}


def test_outcomes_of_an_action_and_other_medicines_for_a_condition_are_no_uses() -> None:
    text = (
        "# Glimepiride\n\n## Uses\n\nGlimepiride is used to lower blood sugar in type 2 "
        "diabetes. Keeping blood sugar in a healthy range helps to prevent kidney damage, and "
        "it lowers the chance of heart attack. It may be prescribed alongside other diabetes "
        "medicines such as metformin.\n"
    )
    assert _uses(text, "glimepiride") == {"type 2 diabetes": False}


def test_a_use_ruled_out_by_no_useful_activity_is_no_use() -> None:
    found = _uses(
        "# Famciclovir\n\n## Uses\n\nFamciclovir treats shingles. It has no useful activity "
        "against influenza, and is of no proven value in Bell's palsy.",
        "famciclovir",
    )
    assert found == {"shingles": False}


def test_the_conditions_a_not_for_label_lists_are_no_uses() -> None:
    found = _uses(
        "# Cefaclor\n\n## Uses\n\nCefaclor treats ear infections.\n\nWhat it is **not** for: "
        "colds and flu.",
        "cefaclor",
    )
    assert found == {"ear infections": False}


def test_what_the_drug_is_also_not_is_no_use() -> None:
    found = _uses(
        "# Saxagliptin\n\nSaxagliptin treats type 2 diabetes. It is also not a weight-loss "
        "medicine.",
        "saxagliptin",
    )
    assert "obesity" not in found
