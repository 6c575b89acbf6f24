"""Gold scoring rewards the right content, whatever its wording or order."""

from typing import Any

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.scoring import (
    conflict_topic,
    dose_exact,
    key_point_score,
    list_f1,
    score_monograph,
)

GOLD: dict[str, Any] = {
    "drug": "tizanidine",
    "brand_names": ["Zanaflex"],
    "drug_class": "skeletal muscle relaxant; alpha-2 adrenergic agonist",
    "indications": [
        {"condition": "spasticity", "off_label": False},
        {"condition": "tension headache", "off_label": True},
    ],
    "mechanism_terms": ["alpha-2", "agonist"],
    "forms": ["oral tablet", "oral capsule"],
    "dosing": {
        "initial": {"amount": 2, "unit": "mg", "frequency_per_day": 3},
        "max_daily": {"amount": 36, "unit": "mg"},
    },
    "common_side_effects": ["drowsiness", "dry mouth", "dizziness"],
    "serious_side_effects": ["low blood pressure", "liver problems"],
    "interactions": [{"agent": "alcohol", "effect": "more sedation"}, {"agent": "ciprofloxacin"}],
    "precautions": ["liver disease", "kidney disease"],
    "pregnancy": {"category": "C", "summary": "Category C: risk cannot be ruled out."},
    "breastfeeding": "Passes into breast milk; ask a healthcare provider.",
    "missed_dose": "Take it once you remember; never double up.",
    "abrupt_stop_risk": True,
    "onset": "Works within an hour; full effect after a few days.",
    "disclaimer_present": True,
    "conflicts": [
        "Onset: one page says an hour, another says weeks.",
        "Addiction/dependence: one page calls it addictive; others do not.",
    ],
}


def _perfect() -> dict[str, Any]:
    def item(**fields: Any) -> dict[str, Any]:
        return {"sources": ["a"], "evidence": [], "flags": [], **fields}

    return {
        "drug": "tizanidine",
        "brand_names": ["ZANAFLEX"],
        "drug_class": ["muscle relaxants", "Alpha-2 adrenergic agonist"],
        "mechanism": item(summary="...", terms=["Alpha-2", "agonists"]),
        "indications": [
            item(condition="Tension headaches", off_label=True),
            item(condition="muscle spasticity", off_label=False),
        ],
        "forms": ["capsule", "tablets"],
        "dosing": item(
            initial=item(amount=2, unit="mg", frequency_per_day=3, route="oral"),
            max_daily=item(amount=36, unit="MG", route="oral"),
        ),
        "side_effects": [
            item(term="sleepiness", serious=False),
            item(term="dry mouth", serious=False),
            item(term="dizziness", serious=False),
            item(term="hypotension", serious=True),
            item(term="liver damage", serious=True),
        ],
        "interactions": [item(agent="ethanol"), item(agent="Ciprofloxacin")],
        "precautions": [item(condition="hepatic impairment"), item(condition="renal impairment")],
        "pregnancy": item(category="c", summary="Category C: a risk cannot be ruled out."),
        "breastfeeding": item(summary="It passes into breast milk. Ask a doctor first."),
        "missed_dose": item(summary="Take it when you remember. Never take two doses at once."),
        "stopping": item(abrupt_stop_risk=True, summary="..."),
        "onset": item(summary="First effects: within an hour. Full effect: a few days."),
        "disclaimer_present": True,
        "conflicts": [
            {"topic": "onset", "note": "...", "claims": []},
            {"topic": "dependence", "note": "...", "claims": []},
        ],
    }


def test_score_monograph_perfect_content_in_other_words_scores_one() -> None:
    scores = score_monograph(_perfect(), GOLD)
    assert {name: value for name, value in scores.items() if value < 1.0} == {}
    assert scores["mean_field_score"] == 1.0


def test_score_monograph_empty_monograph_scores_low() -> None:
    scores = score_monograph({"drug": "tizanidine"}, GOLD)
    assert scores["brand_names"] == 0.0
    assert scores["initial_dose"] == 0.0
    assert scores["conflicts"] == 0.0
    assert scores["mean_field_score"] < 0.2


def test_score_monograph_doses_must_be_exact() -> None:
    monograph = _perfect()
    monograph["dosing"]["initial"]["frequency_per_day"] = 2
    monograph["dosing"]["max_daily"]["amount"] = 40
    scores = score_monograph(monograph, GOLD)
    assert scores["initial_dose"] == 0.0
    assert scores["max_daily_dose"] == 0.0


def test_score_monograph_indications_need_the_off_label_flag() -> None:
    monograph = _perfect()
    monograph["indications"][0]["off_label"] = False
    scores = score_monograph(monograph, GOLD)
    assert scores["indications"] == 0.5
    assert scores["indication_conditions"] == 1.0
    assert "indication_conditions" in scores


def test_score_monograph_skips_fields_the_gold_does_not_state() -> None:
    scores = score_monograph(_perfect(), {"brand_names": ["Zanaflex"]})
    assert scores == {"brand_names": 1.0, "mean_field_score": 1.0}


def test_score_monograph_rejects_non_objects() -> None:
    with pytest.raises(InputError):
        score_monograph([], GOLD)  # type: ignore[arg-type]


def test_list_f1_counts_partial_overlap() -> None:
    assert list_f1(["nausea", "rash"], ["nausea", "headache"], "side_effects") == 0.5
    assert list_f1([], [], None) == 1.0


def test_key_point_score_is_lenient_about_wording_but_not_content() -> None:
    gold = "Passes into breast milk; ask a healthcare provider."
    assert key_point_score("It gets into breast milk. Talk to your doctor.", gold) == 1.0
    assert key_point_score("Take it with food.", gold) == 0.0


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Onset: one page says hours", "onset"),
        ("Addiction/dependence: seed 002 says so", "dependence"),
        ("Elimination: the liver and the kidneys", "elimination"),
        ("Acute muscle strain / back spasm: not labelled", "strain"),
        ("Cerebral palsy: efficacy not established", "cerebral palsy"),
        ("Storage: keep dry", None),
    ],
)
def test_conflict_topic_maps_gold_strings_by_keywords(text: str, topic: str | None) -> None:
    assert conflict_topic(text) == topic


def test_score_monograph_accepts_gold_lists_of_plain_names() -> None:
    gold = {
        "interactions": ["alcohol", "ciprofloxacin"],
        "precautions": [{"condition": "liver disease"}],
    }
    scores = score_monograph(_perfect(), gold)
    assert scores["interactions"] == 1.0
    assert scores["precautions"] == 2 / 3


def test_score_monograph_a_bracketed_note_on_a_gold_item_qualifies_it() -> None:
    monograph = {
        "indications": [{"condition": "gout", "off_label": False}],
        "precautions": [{"condition": "seizure disorder"}],
    }
    gold = {
        "indications": [{"condition": "gout (prevention of attacks)", "off_label": False}],
        "precautions": ["seizure disorder (contraindicated)"],
    }
    scores = score_monograph(monograph, gold)
    assert scores["indications"] == 1.0
    assert scores["precautions"] == 1.0


def test_list_f1_folds_the_mechanism_vocabularys_own_synonyms() -> None:
    assert list_f1(["gaba-a"], ["GABA-A receptor"], "mechanism_terms") == 1.0
    assert list_f1(["gaba-a"], ["gaba-b receptor"], "mechanism_terms") == 0.0


def test_key_point_score_reads_contractions_and_digits_as_their_words() -> None:
    # "don't" is "do not" and "2 doses" is "two doses": the tokeniser split them apart
    assert key_point_score("Do not take two doses at once.", "Don't take 2 doses together.") == 1.0
    assert key_point_score("Take it with food.", "Don't take 2 doses together.") == 0.0


def test_alternative_keys_a_one_word_alternative_shares_the_last_ones_head() -> None:
    from medinfo.services.scoring import alternatives_of

    def fold(text: str) -> str:
        return text.strip().lower()

    got, want = alternatives_of(
        ["slow heartbeat", "thyroid problems"],
        ["slow or irregular heartbeat", "thyroid or adrenal problems"],
        fold,
    )
    assert got == want


def test_dose_exact_compares_mass_amounts_in_milligrams() -> None:
    fields = ("amount", "unit")
    assert dose_exact({"amount": 1000, "unit": "mg"}, {"amount": 1, "unit": "g"}, fields) == 1.0
    assert dose_exact({"amount": 100, "unit": "mg"}, {"amount": 1, "unit": "g"}, fields) == 0.0
    assert dose_exact({"amount": 1, "unit": "mg/kg"}, {"amount": 1, "unit": "mg"}, fields) == 0.0


def test_score_monograph_a_gold_use_loses_what_qualifies_it() -> None:
    # a course length, a risk to lower, a cause, an elaboration, the people it is for, "other"
    # and "recurrent" qualify the condition the gold names
    monograph = {
        "indications": [
            {"condition": condition, "off_label": False}
            for condition in ("insomnia", "stroke", "edema", "neuropathic pain", "acne", "gout")
        ]
    }
    gold = {
        "indications": [
            {"condition": "long-term treatment of insomnia", "off_label": False},
            {"condition": "reducing the risk of stroke", "off_label": False},
            {"condition": "oedema from kidney disease", "off_label": False},
            {"condition": "neuropathic pain, including sciatica", "off_label": False},
            {"condition": "acne in adult women", "off_label": False},
            {"condition": "recurrent gout", "off_label": False},
        ]
    }
    assert score_monograph(monograph, gold)["indications"] == 1.0


def test_score_monograph_a_gold_use_with_a_shared_head_names_each_part() -> None:
    monograph = {"indications": [{"condition": "skin infection", "off_label": False}]}
    gold = {"indications": [{"condition": "skin and bone infections", "off_label": False}]}
    assert score_monograph(monograph, gold)["indications"] == 1.0
