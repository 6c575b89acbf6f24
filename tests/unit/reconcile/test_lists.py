"""Whether a merged side effect is shown as serious, from how the sources grade it."""

from __future__ import annotations

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Source
from medinfo.reconcile import reconcile_monograph


def _effect(source: str, **attributes: Scalar) -> ExtractedFact:
    return ExtractedFact(
        kind=FactKind.SIDE_EFFECT,
        key="weakness",
        attributes=attributes,
        evidence=Evidence(source=source, start=0, end=10),
    )


def _sources(*ids: str) -> list[Source]:
    return [Source(id=i, title=i, drug="zorbafen", sha256=i * 4) for i in ids]


def test_side_effect_graded_common_by_most_sources_is_common() -> None:
    facts = [
        _effect("a", serious=True),
        _effect("a", serious=False, frequency="common"),
        _effect("b", serious=False, frequency="common"),
        _effect("c", serious=False, frequency="common"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b", "c"), facts)
    assert [(s.term, s.serious) for s in monograph.side_effects] == [("weakness", False)]


def test_side_effect_with_a_tie_between_grades_stays_serious() -> None:
    facts = [_effect("a", serious=True), _effect("b", serious=False, frequency="common")]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [(s.term, s.serious) for s in monograph.side_effects] == [("weakness", True)]
