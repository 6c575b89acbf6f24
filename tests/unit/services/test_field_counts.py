"""Field counts: precision and recall of a monograph against gold, lists and single values."""

from __future__ import annotations

import pytest

from medinfo.services.field_counts import SAFETY_FIELDS, FieldCount, count_fields, pooled

GOLD = {
    "drug": "examplol",
    "interactions": [{"agent": "alcohol"}, {"agent": "warfarin"}],
    "dosing": {
        "initial": {"amount": 5, "unit": "mg", "frequency_per_day": 1},
        "max_daily": {"amount": 20, "unit": "mg"},
        "max_single": None,
    },
    "population_limits": [
        {"population": "renal", "max_daily": {"amount": 10, "unit": "mg"}, "initial": None},
        {"population": "hepatic", "max_daily": None, "initial": None},
    ],
    "abrupt_stop_risk": False,
}


def test_count_fields_lists_are_counted_after_folding() -> None:
    monograph = {"interactions": [{"agent": "Alcohol"}, {"agent": "aspirin"}]}
    count = count_fields(monograph, GOLD)["interactions"]
    assert (count.correct, count.predicted, count.stated) == (1, 2, 2)
    assert count.precision == pytest.approx(0.5)
    assert count.recall == pytest.approx(0.5)


def test_count_fields_single_values_predicted_and_stated_apart() -> None:
    monograph = {
        "dosing": {
            "initial": {"amount": 5, "unit": "mg", "frequency_per_day": 1},
            "max_single": {"amount": 10, "unit": "mg"},
        },
        "stopping": {"abrupt_stop_risk": None},
    }
    counts = count_fields(monograph, GOLD)
    assert counts["initial_dose"] == FieldCount(1.0, 1, 1)
    assert counts["max_daily_dose"] == FieldCount(0.0, 0, 1)  # missing: recall, not precision
    assert counts["max_single_dose"] == FieldCount(0.0, 1, 0)  # gold says none: a wrong fact
    assert counts["abrupt_stop_risk"] == FieldCount(0.0, 0, 1)


def test_count_fields_population_limits_match_by_population_and_numbers() -> None:
    monograph = {
        "dosing": {
            "population_limits": [
                {"population": "renal", "max_daily": {"amount": 10, "unit": "mg"}},
                {"population": "children", "max_daily": {"amount": 5, "unit": "mg"}},
            ]
        }
    }
    assert count_fields(monograph, GOLD)["population_limits"] == FieldCount(1.0, 2, 2)


def test_pooled_safety_fields_sum_their_counts() -> None:
    counts = count_fields({}, GOLD)
    total = pooled(counts[name] for name in SAFETY_FIELDS if name in counts)
    assert total.predicted == 0
    assert total.precision is None
    assert total.stated == 2 + 1 + 1 + 2 + 1


def test_count_fields_fold_international_and_us_drug_names() -> None:
    gold = {
        "drug": "examplol",
        "interactions": [{"agent": "ciclosporin"}, {"agent": "other statins"}],
    }
    monograph = {"interactions": [{"agent": "cyclosporine"}, {"agent": "statins"}]}
    count = count_fields(monograph, gold)["interactions"]
    assert (count.correct, count.predicted, count.stated) == (2, 2, 2)


def test_count_fields_serious_list_reads_severe_x_as_x_but_keeps_other_words() -> None:
    gold = {"drug": "examplol", "serious_side_effects": ["severe stomach pain", "worsening angina"]}
    monograph = {
        "side_effects": [
            {"term": "stomach pain", "serious": True},
            {"term": "angina", "serious": True},
        ]
    }
    count = count_fields(monograph, gold)["serious_side_effects"]
    assert (count.correct, count.predicted, count.stated) == (1, 2, 2)


def test_count_fields_a_no_change_record_is_not_a_limit() -> None:
    monograph = {
        "dosing": {
            "population_limits": [
                {"population": "hepatic", "advice": "no_change"},
                {"population": "renal", "max_daily": {"amount": 10, "unit": "mg"}},
            ]
        }
    }
    count = count_fields(monograph, GOLD)["population_limits"]
    assert (count.correct, count.predicted, count.stated) == (1, 1, 2)


def test_count_fields_an_agent_the_gold_names_inside_an_item_is_neither_right_nor_wrong() -> None:
    gold = {
        "drug": "examplol",
        "interactions": [
            {"agent": "azole antifungals", "effect": "raise levels (fluconazole, voriconazole)"},
            {"agent": "lopinavir/ritonavir"},
        ],
    }
    monograph = {
        "interactions": [{"agent": "voriconazole"}, {"agent": "ritonavir"}, {"agent": "aspirin"}]
    }
    count = count_fields(monograph, gold)["interactions"]
    assert (count.correct, count.predicted, count.stated) == (0, 1, 2)


def test_count_fields_either_name_of_a_gold_side_effect_item_answers_it_once() -> None:
    gold = {"drug": "examplol", "serious_side_effects": ["unexplained wheezing or hives"]}
    monograph = {
        "side_effects": [
            {"term": "hives", "serious": True},
            {"term": "wheezing", "serious": True},
            {"term": "fever", "serious": True},
        ]
    }
    count = count_fields(monograph, gold)["serious_side_effects"]
    assert (count.correct, count.predicted, count.stated) == (1, 2, 1)


def test_count_fields_a_gold_side_effect_note_neither_helps_nor_hurts() -> None:
    gold = {"drug": "examplol", "common_side_effects": ["low sodium (confusion, cramps)"]}
    monograph = {
        "side_effects": [{"term": "low sodium"}, {"term": "confusion"}, {"term": "rash"}],
        "forms": ["oral capsule", "oral solution"],
    }
    counts = count_fields(monograph, gold | {"forms": ["capsule", "oral liquid"]})
    common = counts["common_side_effects"]
    assert (common.correct, common.predicted, common.stated) == (1, 2, 1)
    forms = counts["forms"]
    assert (forms.correct, forms.predicted, forms.stated) == (2, 2, 2)


def test_count_fields_an_index_style_agent_name_reads_in_order() -> None:
    gold = {"drug": "examplol", "interactions": [{"agent": "inhibitors, proton pump"}]}
    monograph = {"interactions": [{"agent": "proton pump inhibitors"}]}
    count = count_fields(monograph, gold)["interactions"]
    assert (count.correct, count.predicted, count.stated) == (1, 1, 1)


def test_count_fields_a_group_predicted_where_the_gold_lists_its_members_is_beside_it() -> None:
    gold = {"drug": "examplol", "interactions": [{"agent": "haloperidol"}, {"agent": "alcohol"}]}
    monograph = {"interactions": [{"agent": "antipsychotics"}, {"agent": "alcohol"}]}
    count = count_fields(monograph, gold)["interactions"]
    assert (count.correct, count.predicted, count.stated) == (1, 1, 2)


def test_count_fields_one_alternative_of_a_gold_or_item_answers_it() -> None:
    gold = {"precautions": ["glaucoma or raised eye pressure", "kidney disease"]}
    monograph = {
        "precautions": [{"condition": "glaucoma"}, {"condition": "raised eye pressure"}],
    }
    count = count_fields(monograph, gold)["precautions"]
    # both name the one gold item: one right prediction, not two
    assert (count.correct, count.predicted, count.stated) == (1, 1, 2)
    wrong = count_fields({"precautions": [{"condition": "glaucoma attack"}]}, gold)["precautions"]
    assert wrong.correct == 0


def test_count_fields_a_gold_effect_with_a_qualifier_is_answered_by_the_effect() -> None:
    monograph = {"side_effects": [{"term": "joint pain", "serious": True}]}
    gold = {"serious_side_effects": ["joint pain with swelling and redness"]}
    count = count_fields(monograph, gold)["serious_side_effects"]
    assert (count.correct, count.predicted, count.stated) == (1, 1, 1)


def test_count_fields_a_preferred_term_with_an_intensity_word_matches_its_synonym() -> None:
    monograph = {"side_effects": [{"term": "severe skin reactions", "serious": True}]}
    gold = {"serious_side_effects": ["blistering rash"]}
    count = count_fields(monograph, gold)["serious_side_effects"]
    assert (count.correct, count.predicted, count.stated) == (1, 1, 1)


def test_count_fields_a_coordinated_severity_word_stays_and_a_note_does_not_hide_the_term() -> None:
    monograph = {
        "side_effects": [
            {"term": "severe diarrhea", "serious": True},
            {"term": "liver problems", "serious": True},
        ]
    }
    gold = {
        "serious_side_effects": [
            "watery or bloody diarrhoea (a bowel infection)",
            "yellowing of skin or eyes (hepatitis)",
        ]
    }
    count = count_fields(monograph, gold)["serious_side_effects"]
    assert (count.correct, count.predicted, count.stated) == (2, 2, 2)


def test_count_fields_a_qualified_skin_rash_is_the_severe_skin_reaction_not_a_plain_rash() -> None:
    gold = {"serious_side_effects": ["bad skin rash"]}
    severe = {"side_effects": [{"term": "severe skin reactions", "serious": True}]}
    plain = {"side_effects": [{"term": "rash", "serious": True}]}
    assert count_fields(severe, gold)["serious_side_effects"].correct == 1
    assert count_fields(plain, gold)["serious_side_effects"].correct == 0


def test_count_fields_a_gold_allergy_to_the_drug_is_the_allergy_to_the_medicine() -> None:
    monograph = {"drug": "examplol", "precautions": [{"condition": "allergy to the medicine"}]}
    for written in ("allergy", "Allergy to examplol"):
        count = count_fields(monograph, {"precautions": [written]})["precautions"]
        assert (count.correct, count.predicted, count.stated) == (1, 1, 1)
    other = count_fields(monograph, {"precautions": ["allergy to penicillin"]})["precautions"]
    assert other.correct == 0
