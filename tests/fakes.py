"""Small stand-ins for the readers, extraction and reconciliation, for tests of the store.

They follow the real contracts (InputError naming the file, Extraction(drug, facts),
Monograph) with a tiny vocabulary so that tests can exercise ingest without NLP.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.monograph import Monograph, SideEffect, SourceRef, TermAttribution
from medinfo.domain.sources import Reliability, Source, SourceFormat
from medinfo.services.pipeline import Pipeline

MAX_BYTES = 10 * 1024 * 1024
BRANDS = {
    "baclofen": ("Lioresal", "Gablofen", "Kemstro"),
    "ibuprofen": ("Advil", "Motrin"),
    "metformin": ("Glucophage",),
    "sertraline": ("Zoloft",),
}
SIDE_EFFECTS = ("drowsiness", "dizziness", "nausea", "headache", "constipation", "rash")
SERIOUS = ("seizures", "hallucinations", "bleeding", "lactic acidosis")


@dataclass(frozen=True)
class FakeExtraction:
    drug: str
    facts: list[ExtractedFact] = field(default_factory=list)


def read_path(path: Path) -> Document:
    """Reject what the real readers reject; split the rest into line blocks."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return read_bytes(path.read_bytes(), str(path))


def read_bytes(data: bytes, name: str) -> Document:
    """A document from its bytes; `name` (a path or a hint) names it in errors."""
    path = Path(name)
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\0" in data:
        raise InputError(f"{path}: binary file, not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid UTF-8 (byte {error.start})") from error
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson"):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}: malformed JSON (line {error.lineno})") from error
    is_html = text.lstrip().lower().startswith(("<!doctype", "<html"))
    if is_html and "</html>" not in text.lower():
        raise InputError(f"{path}: truncated HTML (no closing </html>)")
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        blocks.append(
            Block(
                kind=BlockKind.PARAGRAPH, text=match.group(), start=match.start(), end=match.end()
            )
        )
    metadata = _front_matter(text)
    return Document(
        original=text,
        format=SourceFormat.HTML if is_html else SourceFormat.TEXT,
        blocks=tuple(blocks),
        title=metadata.get("title", ""),
        metadata=metadata,
    )


def _front_matter(text: str) -> dict[str, str]:
    """Citation metadata from Markdown front matter, read as the real reader reads it."""
    from medinfo.sources.citation import with_citation
    from medinfo.sources.markdown import parse_front_matter

    front = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return with_citation(parse_front_matter(front.group(1))) if front else {}


def extract_document(document: Document, source_id: str, drug: str | None = None) -> FakeExtraction:
    """Find the drug (override, generic or brand) and the vocabulary terms it mentions."""
    lowered = document.original.lower()
    if drug is None:
        drug = _detect_drug(lowered)
    if drug is None:
        raise InputError("no drug named in the document")
    drug = drug.lower()
    facts = []
    for brand in BRANDS.get(drug, ()):
        facts += _mentions(lowered, source_id, FactKind.BRAND_NAME, brand.lower(), {}, brand)
    for term in SIDE_EFFECTS + SERIOUS:
        facts += _mentions(
            lowered, source_id, FactKind.SIDE_EFFECT, term, {"serious": term in SERIOUS}
        )
    facts += _mentions(
        lowered, source_id, FactKind.DISCLAIMER, "not medical advice", {}, "disclaimer"
    )
    facts += _mentions(
        lowered, source_id, FactKind.CONTENT_NOTICE, "ai-generated", {}, "ai_or_crowd"
    )
    facts.sort(key=lambda fact: (fact.evidence.start, fact.kind.value))
    return FakeExtraction(drug=drug, facts=facts)


def assess_reliability(source: Source, facts: list[ExtractedFact]) -> Source:
    """A source that declares itself AI-generated is the least reliable kind."""
    if any(fact.kind is FactKind.CONTENT_NOTICE for fact in facts):
        return source.model_copy(
            update={
                "reliability": Reliability.USER_GENERATED,
                "reliability_reason": "declares itself AI-generated",
            }
        )
    return source


def reconcile_monograph(drug: str, sources: list[Source], facts: list[ExtractedFact]) -> Monograph:
    """Brand names and side effects merged by key, each with its supporting sources."""
    brands: dict[str, list[ExtractedFact]] = {}
    effects: dict[str, list[ExtractedFact]] = {}
    for fact in facts:
        if fact.kind is FactKind.BRAND_NAME:
            brands.setdefault(fact.key, []).append(fact)
        elif fact.kind is FactKind.SIDE_EFFECT:
            effects.setdefault(fact.key, []).append(fact)
    return Monograph(
        drug=drug,
        brand_names=sorted(brands),
        side_effects=[
            SideEffect(term=key, serious=bool(found[0].attributes.get("serious")), **_cited(found))
            for key, found in sorted(effects.items())
        ],
        disclaimer_present=any(fact.kind is FactKind.DISCLAIMER for fact in facts),
        sources=[
            SourceRef(
                id=s.id,
                title=s.title,
                kind=s.kind.value,
                reliability=s.reliability.label,
                url=s.url,
            )
            for s in sources
        ],
        term_sources={
            "brand_names": [
                TermAttribution(term=key, **_cited(found)) for key, found in sorted(brands.items())
            ]
        },
    )


def fake_pipeline() -> Pipeline:
    return Pipeline(
        read_path=read_path,
        read_bytes=read_bytes,
        extract_document=extract_document,
        assess_reliability=assess_reliability,
        reconcile_monograph=reconcile_monograph,
    )


def _detect_drug(lowered: str) -> str | None:
    found = []
    for generic, brands in BRANDS.items():
        for name in (generic, *brands):
            position = lowered.find(name.lower())
            if position >= 0:
                found.append((position, generic))
    return min(found)[1] if found else None


def _mentions(
    lowered: str,
    source_id: str,
    kind: FactKind,
    term: str,
    attributes: dict[str, bool],
    key: str | None = None,
) -> list[ExtractedFact]:
    position = lowered.find(term)
    if position < 0:
        return []
    evidence = Evidence(source=source_id, start=position, end=position + len(term))
    return [
        ExtractedFact(kind=kind, key=key or term, attributes=dict(attributes), evidence=evidence)
    ]


def _cited(found: list[ExtractedFact]) -> dict[str, object]:
    return {
        "sources": sorted({fact.evidence.source for fact in found}),
        "evidence": [fact.evidence for fact in found],
    }


def real_pipeline_missing() -> str:
    """Why the production pipeline cannot run on this branch yet ("" once it can)."""
    import importlib
    import importlib.util

    for module in ("medinfo.reconcile.merge", "medinfo.reconcile.reliability"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not merged yet"
    if not hasattr(importlib.import_module("medinfo.sources"), "read_path"):
        return "medinfo.sources.read_path is not merged yet"
    return ""
