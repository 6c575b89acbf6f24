"""Topic flags: yes/no attributes of one topic (missed dose, pregnancy...) read block by block."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.polarity import FlagRule, read_flags
from medinfo.extract.reading import Polarity, read_text
from medinfo.extract.statements import Statement, group_by_block, span_evidence

Reader = Callable[[Statement], dict[str, Scalar]]


def extract_topic_flags(
    statements: list[Statement],
    source_id: str,
    kind: FactKind,
    in_topic: Callable[[Statement], bool],
    rules: list[FlagRule],
    whole_block: bool = False,
    extra: Reader | None = None,
) -> list[ExtractedFact]:
    """One fact per block that sets flags of the topic.

    With `whole_block`, a block on the topic is read as a whole (its later sentences need
    not repeat the topic words); otherwise only the statements on the topic are read. Questions
    are never read (asking is not claiming), nor is hearsay or conjecture ("I'd seen 'don't
    take if breastfeeding' on some random website").
    """
    facts = []
    for group in group_by_block(statements):
        if whole_block:
            chosen = group if any(in_topic(p) for p in group) else []
        else:
            chosen = [p for p in group if in_topic(p)]
        flagged: list[Statement] = []
        attributes: dict[str, Scalar] = {}
        for statement in chosen:
            if statement.is_question or _hearsay(statement):
                continue
            found = read_flags(statement.text, rules)
            if extra is not None:
                found.update({k: v for k, v in extra(statement).items() if k not in found})
            if found:
                flagged.append(statement)
                attributes.update({k: v for k, v in found.items() if k not in attributes})
        if flagged:
            evidence = span_evidence(flagged, source_id)
            facts.append(
                ExtractedFact(kind=kind, key=kind.value, attributes=attributes, evidence=evidence)
            )
    return facts


def _hearsay(statement: Statement) -> bool:
    return read_text(statement.text).polarity is Polarity.HYPOTHETICAL
