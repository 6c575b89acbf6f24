"""Drug detection: which drug a document is about, as a canonical lower-case generic name."""

from __future__ import annotations

import re
from functools import cache

from medinfo.domain.documents import BlockKind, Document
from medinfo.extract.drug_dictionary import find_in_tokens
from medinfo.knowledge.extract_rules import DrugDetectionRules
from medinfo.knowledge.loading import any_of, load

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")
COMBINATION_SEPARATOR = "; "  # the catalog's key for a combination product: "a; b", sorted


@cache
def _rules() -> tuple[dict[str, float], frozenset[str]]:
    raw = load(DrugDetectionRules)
    weights = raw.weights.model_dump()
    return weights, frozenset(name.lower() for name in raw.ignore)


@cache
def _groups() -> re.Pattern[str]:
    return any_of(load(DrugDetectionRules).groups)


def find_drug_names(text: str) -> list[str]:
    """The drugs named in `text` (generic or brand), as canonical lower-case generic names."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return []
    ignored = _rules()[1]
    # an entry without a name (some combination entries) names no single drug
    names = [entry.name.lower() for entry, _start, _end in find_in_tokens(tokens) if entry.name]
    return [combination_key(name) for name in names if name not in ignored]


_PARTS = re.compile(r"\s*(?:/|\+|,\s*and\s+|,|\band\b|\bwith\b)\s*")


@cache
def combination_key(name: str) -> str:
    """A dictionary name that joins single drugs ("budesonide/formoterol", "fluticasone and
    salmeterol") keyed as the catalog keys combinations ("budesonide; formoterol"), so that
    every spelling of one product names one monograph; other names unchanged. Two names of one
    drug ("aprepitant/fosaprepitant": one inside the other) are no combination."""
    parts = [part for part in _PARTS.split(name) if part]
    if len(parts) < 2 or any(a != b and a in b for a in parts for b in parts):
        return name
    singles = [find_in_tokens(_TOKEN.findall(part)) for part in parts]
    if any(
        len(found) != 1 or found[0][0].name.lower() != part
        for found, part in zip(singles, parts, strict=True)
    ):
        return name
    return COMBINATION_SEPARATOR.join(sorted(parts))


@cache
def canonical_drug_name(name: str) -> str:
    """The generic name for a drug or brand name ("Lioresal" -> "baclofen"); the lower-cased
    input when the dictionary does not know it."""
    found = find_drug_names(name)
    return found[0] if len(found) == 1 else " ".join(name.lower().split())


_JOINED = (
    r"\b{first}\b(?:\s+[a-z]+)?\s*(?:and|with|/|\+|&|-)\s*"
    r"\b{second}\b(?:\s+[a-z]+)?\s+(?:{forms})\b"
)


@cache
def _forms() -> str:
    return "|".join(load(DrugDetectionRules).combination_forms)


def named_combination(text: str) -> str | None:
    """A combination product a title names by its ingredients joined and a dose form
    ("Hydrocodone Bitartrate and Acetaminophen Tablets", "fluticasone/salmeterol inhaler"), as
    the catalog keys it; None else ("sertraline and tramadol interaction")."""
    names = list(dict.fromkeys(find_drug_names(text)))
    for index, first in enumerate(names):
        for second in names[index + 1 :]:
            for a, b in ((first, second), (second, first)):
                pattern = _JOINED.format(first=re.escape(a), second=re.escape(b), forms=_forms())
                if re.search(pattern, text, re.IGNORECASE):
                    return COMBINATION_SEPARATOR.join(sorted((first, second)))
    return None


def detect_drug(document: Document) -> str | None:
    """The document's main drug: a combination its title or first heading names by its joined
    ingredients; else the drug the title and first heading name most, then how often it is
    named. A group of medicines ("opioid analgesics") is never the main drug. None when the
    document names no drug."""
    weights, _ = _rules()
    scores: dict[str, float] = {}
    title = document.title or document.metadata.get("title", "")
    blocks = document.content_blocks()
    heading = next((b for b in blocks if b.kind is BlockKind.HEADING), None)
    for text in (title, heading.text if heading is not None else ""):
        combination = named_combination(text) if text else None
        if combination is not None:
            return combination
    for name in set(find_drug_names(title)):
        scores[name] = scores.get(name, 0.0) + weights["title"]
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
    scores = {name: score for name, score in scores.items() if not _groups().search(name)}
    if not scores:
        return None
    return max(scores.items(), key=lambda item: (item[1], item[0]))[0]
