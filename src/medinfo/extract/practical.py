"""Practical facts patients ask about, read from statements: half-life, legal status, how to
take it, overdose and monitoring (one module per kind, each with its JSON vocabulary)."""

from __future__ import annotations

from medinfo.domain.facts import ExtractedFact
from medinfo.extract.administration import extract_administration
from medinfo.extract.half_life import extract_half_life
from medinfo.extract.legal_status import extract_legal_status
from medinfo.extract.monitoring import extract_monitoring
from medinfo.extract.overdose import extract_overdose
from medinfo.extract.statements import Statement


def extract_practical_facts(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """The practical facts of a document's statements; `names` are the drug's names."""
    return [
        *extract_half_life(statements, source_id, names),
        *extract_legal_status(statements, source_id, names),
        *extract_administration(statements, source_id, names),
        *extract_overdose(statements, source_id, names),
        *extract_monitoring(statements, source_id, names),
    ]
