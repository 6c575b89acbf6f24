"""Pregnancy and breastfeeding: categories and flags, with negation and uncertainty."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import FactKind
from medinfo.extract.pregnancy import extract_pregnancy
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def _by_kind(statements_of: StatementsOf, text: str) -> dict[FactKind, dict[str, object]]:
    facts = extract_pregnancy(statements_of(text), "s1")
    merged: dict[FactKind, dict[str, object]] = {}
    for fact in facts:
        merged.setdefault(fact.kind, {}).update(fact.attributes)
    return merged


def test_extract_pregnancy_category_from_table_row(statements_of: StatementsOf) -> None:
    facts = _by_kind(statements_of, "Pregnancy | Category D |")
    assert facts[FactKind.PREGNANCY]["category"] == "D"


def test_extract_pregnancy_negated_harm(statements_of: StatementsOf) -> None:
    facts = _by_kind(statements_of, "This medicine is not expected to harm an unborn baby.")
    assert facts[FactKind.PREGNANCY]["may_harm_fetus"] is False


def test_extract_pregnancy_milk_unknown_vs_stated(statements_of: StatementsOf) -> None:
    unknown = _by_kind(statements_of, "It is not known whether it passes into breast milk.")
    stated = _by_kind(statements_of, "It does not pass into breast milk.")
    assert unknown[FactKind.BREASTFEEDING]["excreted_in_milk"] is None
    assert stated[FactKind.BREASTFEEDING]["excreted_in_milk"] is False


def test_extract_pregnancy_mixed_sentences_split_by_topic(statements_of: StatementsOf) -> None:
    text = (
        "Pregnancy and breastfeeding\nAvoid this drug during pregnancy. "
        "Do not breastfeed while taking it."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY] == {"avoid": True}
    assert facts[FactKind.BREASTFEEDING] == {"avoid": True}
