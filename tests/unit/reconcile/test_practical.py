"""Practical facts reconciled: merged with their sources, disagreements reported like with like."""

from __future__ import annotations

from medinfo.domain.facts import FactKind
from medinfo.reconcile import reconcile_monograph
from tests.unit.reconcile.builders import fact, three_sources

K = FactKind


def test_half_life_from_the_most_reliable_source_and_a_conflict_for_another_value() -> None:
    facts = [
        fact("lbl", K.HALF_LIFE, "half_life", value="2.5 hours", low_hours=2.5, high_hours=2.5),
        fact("art", K.HALF_LIFE, "half_life", value="about 6 hours", low_hours=6, high_hours=6),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    assert monograph.half_life is not None
    assert monograph.half_life.value == "2.5 hours"
    assert "2.5 hours" in monograph.half_life.summary
    assert "6 hours" in monograph.half_life.summary
    (conflict,) = [c for c in monograph.conflicts if c.topic == "half_life"]
    assert [claim.sources for claim in conflict.claims] == [["lbl"], ["art"]]


def test_half_life_is_never_compared_with_onset() -> None:
    facts = [
        fact("lbl", K.HALF_LIFE, "half_life", value="3 hours", low_hours=3, high_hours=3),
        fact("art", K.ONSET, "onset", first_effect="1 hour", first_effect_unit="hours"),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    assert monograph.conflicts == []


def test_legal_status_summary_and_a_denial_against_a_claim_is_a_conflict() -> None:
    facts = [
        fact("lbl", K.LEGAL_STATUS, "legal_status", controlled=False, prescription_only=True),
        fact("bot", K.LEGAL_STATUS, "legal_status", controlled=True, schedule="IV"),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    status = monograph.legal_status
    assert status is not None
    assert status.controlled is False
    assert "not a controlled substance" in status.summary
    assert "only on prescription" in status.summary
    assert [c.topic for c in monograph.conflicts] == ["legal_status"]


def test_administration_advice_merged_by_code_with_spacing_in_own_words() -> None:
    facts = [
        fact("lbl", K.ADMINISTRATION, "with_or_without_food"),
        fact("art", K.ADMINISTRATION, "with_or_without_food"),
        fact("art", K.ADMINISTRATION, "separate_from", agents="antacids", hours_apart=2.0),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    by_code = {item.code: item for item in monograph.administration}
    assert by_code["with_or_without_food"].sources == ["lbl", "art"]
    assert by_code["separate_from"].advice == "Take it at least 2 hours apart from antacids."
    assert by_code["separate_from"].evidence


def test_overdose_signs_and_antidotes_unioned() -> None:
    facts = [
        fact("lbl", K.OVERDOSE, "overdose", signs="low blood pressure, slow heartbeat"),
        fact("art", K.OVERDOSE, "overdose", signs="slow heartbeat, confusion"),
        fact("art", K.OVERDOSE, "overdose", no_specific_antidote=True),
    ]
    overdose = reconcile_monograph("tizanidine", three_sources(), facts).overdose
    assert overdose is not None
    assert overdose.signs == ["low blood pressure", "slow heartbeat", "confusion"]
    assert overdose.no_specific_antidote
    assert "no specific antidote" in overdose.summary


def test_monitoring_needed_against_not_needed_is_a_conflict() -> None:
    facts = [
        fact("lbl", K.MONITORING, "liver function", needed=True),
        fact("art", K.MONITORING, "liver function", needed=False),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    (item,) = monograph.monitoring
    assert item.needed is True
    assert item.sources == ["lbl", "art"]
    assert [c.topic for c in monograph.conflicts] == ["monitoring"]


def test_timing_names_every_time_the_sources_give_for_the_event() -> None:
    facts = [
        fact("lbl", K.ADMINISTRATION, "timing", before_event="bedtime", time_before="1 hour"),
        fact("art", K.ADMINISTRATION, "timing", before_event="bedtime", time_before="2 hours"),
    ]
    (item,) = reconcile_monograph("tizanidine", three_sources(), facts).administration
    assert item.advice == "Take it 1 hour or 2 hours before bedtime."
    assert item.sources == ["lbl", "art"]


def test_half_life_of_a_dedicated_section_outranks_the_introduction_of_the_same_page() -> None:
    facts = [
        fact(
            "art",
            K.HALF_LIFE,
            "half_life",
            value="5 hours",
            low_hours=5,
            high_hours=5,
            place="introduction",
        ),
        fact(
            "art",
            K.HALF_LIFE,
            "half_life",
            value="8 hours",
            low_hours=8,
            high_hours=8,
            place="dedicated",
        ),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    assert monograph.half_life is not None
    assert monograph.half_life.value == "8 hours"
    (conflict,) = monograph.conflicts
    assert "introduction" in conflict.note
