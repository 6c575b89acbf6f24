"""Facts of blocks read before: labels of one drug (and boilerplate) repeat whole paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from pathlib import Path

from medinfo.domain.documents import Block, Document
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact
from medinfo.extract.drug_names import find_drug_mentions, generic_name
from medinfo.extract.passages import Passage
from medinfo.extract.text_cache import Kept, Shared

# Blocks whose facts are kept (a few kB each): a worker's memory stays flat over a
# national-scale run while the paragraphs a dump repeats are read once.
KEPT_BLOCKS = 8192

BlockKey = tuple[Hashable, ...]

# Facts by block key, offsets block-relative.
_kept: Kept[BlockKey, tuple[ExtractedFact, ...]] = Kept(KEPT_BLOCKS)
# The same, shared with the other workers of a bulk run (None: not shared).
_shared: Shared[BlockKey, tuple[ExtractedFact, ...]] | None = None


def share_blocks(folder: Path | None) -> None:
    """Share the facts of blocks read with the other processes given the same folder (a bulk
    run's workers: each would otherwise read every repeated paragraph itself), or stop."""
    global _shared
    _shared = Shared(folder, KEPT_BLOCKS) if folder is not None else None


def block_facts(
    document: Document, block: Block, passage: Passage, read: Callable[[], list[ExtractedFact]]
) -> list[ExtractedFact]:
    """The facts `read()` finds in the passage of `block`, read once per distinct passage.

    A passage is the same when everything the extractors see is: the block's original text
    and clean text, its heading, kind and cells, the passage's units (relative to the
    block), section, lead-in, place and denied question, and the drug's names when the
    text names the drug (else the drug cannot change what is read). Facts are kept with
    offsets relative to the block and given this document's source and offsets on reuse.
    """
    key = _key(document, block, passage)
    kept = _kept.get(key)
    if kept is None and _shared is not None:
        kept = _shared.get(key)
        if kept is not None:
            _kept.put(key, kept)
    if kept is not None:
        return [_moved(fact, block.start, passage.source_id) for fact in kept]
    facts = read()
    inside = all(
        fact.evidence.source == passage.source_id
        and block.start <= fact.evidence.start <= fact.evidence.end <= block.end
        for fact in facts
    )
    if inside:
        kept = tuple(_moved(fact, -block.start, "") for fact in facts)
        _kept.put(key, kept)
        if _shared is not None:
            _shared.put(key, kept)
    return facts


def _moved(fact: ExtractedFact, offset: int, source: str) -> ExtractedFact:
    """The fact with its evidence moved by `offset` into `source` (validated again: pydantic's
    compiled validation is about twice as fast as its unvalidated `model_construct`)."""
    old = fact.evidence
    evidence = Evidence(
        source=source, start=old.start + offset, end=old.end + offset, section=old.section
    )
    return ExtractedFact(
        kind=fact.kind, key=fact.key, attributes=dict(fact.attributes), evidence=evidence
    )


def _key(document: Document, block: Block, passage: Passage) -> BlockKey:
    units = tuple(
        (unit.text, unit.start - block.start, unit.end - block.start, unit.role)
        for unit in passage.units
    )
    return (
        document.original[block.start : block.end],
        block.kind,
        block.text,
        block.heading,
        block.level,
        block.boilerplate,
        block.cells,
        units,
        passage.section,
        passage.evidence_section,
        passage.lead,
        passage.opening,
        passage.denied_question,
        _drug_seen(passage),
    )


def _drug_seen(passage: Passage) -> tuple[str, ...]:
    """The drug's names if the passage names the drug (by any name the dictionary knows),
    else nothing: a passage that does not name it reads the same for every drug."""
    texts = tuple(unit.text for unit in passage.units)
    others = (passage.lead, passage.denied_question)
    if _names_drug(texts, others, passage.drug, passage.aliases):
        return (passage.drug, *passage.aliases)
    return ()


@lru_cache(maxsize=KEPT_BLOCKS)
def _names_drug(
    texts: tuple[str, ...], others: tuple[str, ...], drug: str, aliases: tuple[str, ...]
) -> bool:
    """Whether `texts` (or `others`: a lead-in, a question) name the drug or its aliases,
    or `texts` name a drug the dictionary resolves to the same generic."""
    generic = generic_name(drug)
    names = {drug.lower(), generic, *aliases}
    lowered = [text.lower() for text in (*texts, *others)]
    if any(name and name in text for name in names for text in lowered):
        return True
    return generic in _generics_named(texts)


@lru_cache(maxsize=KEPT_BLOCKS)
def _generics_named(texts: tuple[str, ...]) -> frozenset[str]:
    """The generics of every drug `texts` name (the same for every document's drug)."""
    return frozenset(m.generic for text in texts for m in find_drug_mentions(text))
