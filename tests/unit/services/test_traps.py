"""Traps: whether a negated, hypothetical or other-drug statement became a fact."""

from __future__ import annotations

from medinfo.services.traps import check_traps, trap_terms

GOLD = {
    "indications": [{"condition": "hypertension", "off_label": False}],
    "interactions": [{"agent": "aspirin"}],
    "dosing": {"initial": {"amount": 5, "unit": "mg", "frequency_per_day": 1}},
    "abrupt_stop_risk": False,
    "traps": [
        {
            "field": "indications",
            "value": "weight loss (NOT a weight-loss drug)",
            "kind": "negated",
        },
        {"field": "interactions", "value": "aspirin / warfarin (links)", "kind": "navigation"},
        {
            "field": "abrupt_stop_risk",
            "value": "rebound belongs to clonidine",
            "kind": "other_drug",
        },
        {"field": "dosing", "value": "10 mg starting dose (intro)", "kind": "other"},
        {"field": "controlled_substance", "value": "not controlled", "kind": "negated"},
    ],
}


def test_trap_terms_drop_asides_and_split_lists() -> None:
    assert trap_terms("apixaban / Eliquis (advert and related links)") == ["apixaban", "Eliquis"]


def test_check_traps_finds_facts_made_from_traps() -> None:
    monograph = {
        "indications": [{"condition": "weight loss"}, {"condition": "hypertension"}],
        "interactions": [{"agent": "low-dose aspirin"}, {"agent": "warfarin"}],
        "dosing": {"initial": {"amount": 10, "unit": "mg"}},
        "stopping": {"abrupt_stop_risk": True},
    }
    fired = {result.field: result.fact for result in check_traps(monograph, GOLD) if result.fired}
    assert fired == {
        "indications": "weight loss",
        "interactions": "warfarin",  # "low-dose aspirin" is a variant of a gold agent
        "abrupt_stop_risk": "abrupt_stop_risk True",
        "dosing": "initial 10 mg",
    }


def test_check_traps_clean_monograph_and_unknown_fields() -> None:
    monograph = {
        "indications": [{"condition": "hypertension"}],
        "dosing": {"initial": {"amount": 5, "unit": "mg"}},
        "stopping": {"abrupt_stop_risk": False},
    }
    results = check_traps(monograph, GOLD)
    assert not any(result.fired for result in results)
    assert [r.field for r in results if not r.checkable] == ["controlled_substance"]


def test_an_item_the_gold_affirms_inside_a_longer_wording_is_no_trap() -> None:
    gold = {
        "indications": [{"condition": "add-on treatment for seizures in epilepsy"}],
        "traps": [
            {
                "field": "indications",
                "value": "epilepsy (slow-release form not approved)",
                "kind": "negated",
            },
        ],
    }
    assert not any(r.fired for r in check_traps({"indications": [{"condition": "epilepsy"}]}, gold))
