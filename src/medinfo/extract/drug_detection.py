"""Drug detection: which drug a document is about, as a canonical lower-case generic name."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from medinfo.domain.documents import BlockKind, Document
from medinfo.knowledge.extract_rules import DrugDetectionRules
from medinfo.knowledge.loading import load

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


@cache
def _rules() -> tuple[dict[str, float], frozenset[str]]:
    raw = load(DrugDetectionRules)
    weights = raw.weights.model_dump()
    return weights, frozenset(name.lower() for name in raw.ignore)


def find_drug_names(text: str) -> list[str]:
    """The drugs named in `text` (generic or brand), as canonical lower-case generic names."""
    from drug_named_entity_recognition import find_drugs

    tokens = _TOKEN.findall(text)
    if not tokens:
        return []
    found: list[Any] = find_drugs(tokens, is_ignore_case=True)
    ignored = _rules()[1]
    names = [str(record["name"]).lower() for record, _start, _end in found]
    return [name for name in names if name not in ignored]


@cache
def canonical_drug_name(name: str) -> str:
    """The generic name for a drug or brand name ("Lioresal" -> "baclofen"); the lower-cased
    input when the dictionary does not know it."""
    found = find_drug_names(name)
    return found[0] if len(found) == 1 else " ".join(name.lower().split())


def detect_drug(document: Document) -> str | None:
    """The document's main drug: title and first heading weigh most, then how often it is
    named. None when the document names no drug."""
    weights, _ = _rules()
    scores: dict[str, float] = {}
    title = document.title or document.metadata.get("title", "")
    for name in set(find_drug_names(title)):
        scores[name] = scores.get(name, 0.0) + weights["title"]
    blocks = document.content_blocks()
    heading = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
    if heading is not None:
        for name in set(find_drug_names(heading.text)):
            scores[name] = scores.get(name, 0.0) + weights["first_heading"]
    paragraph = next((b for b in blocks if b.kind is not BlockKind.HEADING), None)
    if paragraph is not None:
        for name in set(find_drug_names(paragraph.text)):
            scores[name] = scores.get(name, 0.0) + weights["first_paragraph"]
    text = "\n".join(block.text for block in blocks) if blocks else document.original
    for name in find_drug_names(text):
        scores[name] = scores.get(name, 0.0) + weights["mention"]
    if not scores:
        return None
    return max(scores.items(), key=lambda item: (item[1], item[0]))[0]
