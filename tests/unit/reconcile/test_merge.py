"""Facts merge by meaning and single values follow the most reliable source."""

from __future__ import annotations

import pytest

from medinfo.domain.facts import FactKind
from medinfo.domain.sources import Reliability
from medinfo.reconcile.merge import (
    choose_value,
    dose_comparable,
    egfr_bounds,
    group_facts,
    strongest_severity,
    time_span,
)
from tests.unit.reconcile.builders import fact

RANKS = {
    "lbl": Reliability.FDA_LABEL,
    "art": Reliability.CONSUMER_ARTICLE,
    "art2": Reliability.CONSUMER_ARTICLE,
    "bot": Reliability.USER_GENERATED,
}
DOSE = ("amount", "unit", "frequency_per_day")


def test_group_facts_folds_synonyms_case_and_plurals() -> None:
    facts = [
        fact("art", FactKind.SIDE_EFFECT, "Sleepiness"),
        fact("lbl", FactKind.SIDE_EFFECT, "drowsiness"),
        fact("bot", FactKind.SIDE_EFFECT, "Headaches"),
        fact("art", FactKind.SIDE_EFFECT, "headache"),
    ]
    groups = group_facts(facts, RANKS)[FactKind.SIDE_EFFECT]
    assert [(g.display, g.sources) for g in groups] == [
        ("drowsiness", ["lbl", "art"]),
        ("headache", ["art", "bot"]),
    ]


def test_group_facts_keeps_every_evidence_span() -> None:
    facts = [fact("art", FactKind.FORM, "tablets"), fact("lbl", FactKind.FORM, "oral tablet")]
    (group,) = group_facts(facts, RANKS)[FactKind.FORM]
    assert set(group.evidence) == {f.evidence for f in facts}


def test_choose_value_prefers_the_most_reliable_source() -> None:
    facts = [
        fact("art", FactKind.INITIAL_DOSE, "oral", amount=4, unit="mg", frequency_per_day=3),
        fact("art2", FactKind.INITIAL_DOSE, "oral", amount=4, unit="mg", frequency_per_day=3),
        fact("lbl", FactKind.INITIAL_DOSE, "oral", amount=2, unit="mg", frequency_per_day=3),
    ]
    choice = choose_value(facts, DOSE, RANKS)
    assert choice.value == {"amount": 2, "unit": "mg", "frequency_per_day": 3}
    assert [r.value["amount"] for r in choice.rivals] == [4]


def test_choose_value_breaks_ties_by_number_of_sources() -> None:
    facts = [
        fact("art", FactKind.MAX_DAILY_DOSE, "oral", amount=80, unit="mg"),
        fact("art2", FactKind.MAX_DAILY_DOSE, "oral", amount=100, unit="mg"),
        fact("bot", FactKind.MAX_DAILY_DOSE, "oral", amount=100, unit="mg"),
    ]
    choice = choose_value(facts, ("amount", "unit"), RANKS)
    assert choice.value["amount"] == 100


def test_choose_value_fills_gaps_from_sources_that_agree() -> None:
    facts = [
        fact("art", FactKind.ONSET, "onset", full_effect="a few days"),
        fact("bot", FactKind.ONSET, "onset", first_effect="an hour", full_effect="A few  days"),
    ]
    choice = choose_value(facts, ("first_effect", "full_effect"), RANKS)
    assert choice.value == {"full_effect": "a few days", "first_effect": "an hour"}
    assert choice.rivals == []
    assert {f.evidence.source for f in choice.support} == {"art", "bot"}


def test_choose_value_compares_doses_after_unit_conversion() -> None:
    facts = [
        fact("lbl", FactKind.MAX_DAILY_DOSE, "oral", amount=1, unit="g"),
        fact("art", FactKind.MAX_DAILY_DOSE, "oral", amount=1000, unit="mg"),
    ]
    choice = choose_value(facts, ("amount", "unit"), RANKS, dose_comparable)
    assert choice.rivals == []
    assert choice.value == {"amount": 1, "unit": "g"}


def test_strongest_severity_takes_the_most_severe_stated() -> None:
    assert strongest_severity(["minor", "Major", "moderate"]) == "major"
    assert strongest_severity(["unclear"]) == "moderate"


def test_choose_value_breaks_even_ties_by_the_place_in_the_document() -> None:
    facts = [
        fact("art", FactKind.MAX_DAILY_DOSE, "oral", amount=900, unit="mg", place="anecdote"),
        fact("art2", FactKind.MAX_DAILY_DOSE, "oral", amount=600, unit="mg", place="dedicated"),
    ]
    choice = choose_value(facts, ("amount", "unit"), RANKS)
    assert choice.value["amount"] == 600
    assert [r.value["amount"] for r in choice.rivals] == [900]


@pytest.mark.parametrize(
    ("band", "bounds"),
    [
        ("10<=egfr<25", {"egfr_at_least": 10.0, "egfr_below": 25.0}),
        ("egfr<45", {"egfr_below": 45.0}),
        ("45<=egfr", {"egfr_at_least": 45.0}),
        ("<45", {"egfr_below": 45.0}),
    ],
)
def test_egfr_bounds_keep_both_sides_of_a_band(band: str, bounds: dict[str, float]) -> None:
    assert egfr_bounds(band) == bounds


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("45 minutes", (45.0, 45.0)),
        ("1-2 weeks", (10080.0, 20160.0)),
        ("30 minutes-2 hours", (30.0, 120.0)),
        ("several days", (3 * 1440.0, 9 * 1440.0)),
        ("weeks to months", None),
        ("soon", None),
    ],
)
def test_time_span_reads_numbers_ranges_and_vague_counts(
    text: str, span: tuple[float, float] | None
) -> None:
    assert time_span(text) == span
