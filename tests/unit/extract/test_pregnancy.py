"""Pregnancy and breastfeeding: categories and flags, with negation and uncertainty."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import FactKind
from medinfo.extract.passages import Passage
from medinfo.extract.pregnancy import extract_pregnancy

PassagesOf = Callable[[str], list[Passage]]


def _by_kind(passages_of: PassagesOf, text: str) -> dict[FactKind, dict[str, object]]:
    facts = extract_pregnancy(passages_of(text), "s1")
    merged: dict[FactKind, dict[str, object]] = {}
    for fact in facts:
        merged.setdefault(fact.kind, {}).update(fact.attributes)
    return merged


def test_extract_pregnancy_category_from_table_row(passages_of: PassagesOf) -> None:
    facts = _by_kind(passages_of, "Pregnancy | Category D |")
    assert facts[FactKind.PREGNANCY]["category"] == "D"


def test_extract_pregnancy_negated_harm(passages_of: PassagesOf) -> None:
    facts = _by_kind(passages_of, "This medicine is not expected to harm an unborn baby.")
    assert facts[FactKind.PREGNANCY]["may_harm_fetus"] is False


def test_extract_pregnancy_milk_unknown_vs_stated(passages_of: PassagesOf) -> None:
    unknown = _by_kind(passages_of, "It is not known whether it passes into breast milk.")
    stated = _by_kind(passages_of, "It does not pass into breast milk.")
    assert unknown[FactKind.BREASTFEEDING]["excreted_in_milk"] is None
    assert stated[FactKind.BREASTFEEDING]["excreted_in_milk"] is False


def test_extract_pregnancy_mixed_sentences_split_by_topic(passages_of: PassagesOf) -> None:
    text = (
        "Pregnancy and breastfeeding\nAvoid this drug during pregnancy. "
        "Do not breastfeed while taking it."
    )
    facts = _by_kind(passages_of, text)
    assert facts[FactKind.PREGNANCY] == {"avoid": True}
    assert facts[FactKind.BREASTFEEDING] == {"avoid": True}
