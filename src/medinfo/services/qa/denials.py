"""Quotes of an interaction or a denial: the source's own sentence beside what the answer says."""

from __future__ import annotations

import re

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Interaction, Monograph
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft, source_titles

_SEARCHED = 5  # passages read for a denial's sentence


def with_interaction_quote(
    draft: Draft, monograph: Monograph, passages: PassageSearch | None
) -> Draft:
    """The draft with the source sentence behind the first interaction it states by a named
    medicine ("Carbamazepine ... speed up the breakdown of zonisamide, so it may work less
    well"), quoted in the source's own words: what medinfo words without saying which of the
    two is affected, the source says."""
    said = draft.text()
    stated = [
        item
        for item in monograph.interactions
        if item.agent_type == "drug" and item.agent and item.agent in said
    ]
    return _with_first_quoted(draft, monograph, passages, stated)


def with_denial_quote(draft: Draft, monograph: Monograph, passages: PassageSearch | None) -> Draft:
    """The draft with the sentence behind the first denial it states ("The sources say
    ibuprofen is not expected to interact ...") quoted in the source's own words ("both of
    those are fine with clarithromycin"), once, unless the draft quotes it already."""
    said = draft.text()
    denials = [item for item in monograph.no_interactions if item.agent and item.agent in said]
    return _with_first_quoted(draft, monograph, passages, denials)


def _with_first_quoted(
    draft: Draft, monograph: Monograph, passages: PassageSearch | None, items: list[Interaction]
) -> Draft:
    """The draft with the source sentence behind the first of `items`, unless it says it."""
    for item in items[:1]:
        found = _sentence(item, monograph, passages)
        if found is not None and found[0] not in draft.text():
            sentence, citation = found
            title = source_titles(monograph, [citation.source])
            draft.say(f"{title} says: \u201c{sentence}\u201d")
            draft.add(citation)
    return draft


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _span_text(text: str, start: int, end: int) -> str:
    """A span's words in a passage's clean text: the span itself when it falls on word
    boundaries; else (the stored text drops the source's markup, so offsets only point near
    the words) the sentence around it."""
    inside = 0 <= start < end <= len(text)
    cut = inside and (
        (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
        or (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())
    )
    return text[start:end].strip() if inside and not cut else _sentence_at(text, (start + end) // 2)


def _sentence_at(text: str, position: int) -> str:
    """The sentence of a passage's clean text around `position` (the stored text drops the
    source's markup, so a span's offsets only point near its sentence)."""
    position = min(max(position, 0), len(text))
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text, 0, position))]
    end = _SENTENCE_END.search(text, position)
    return text[starts[-1] : end.start() if end else len(text)].strip()


def _sentence(
    item: Interaction, monograph: Monograph, passages: PassageSearch | None
) -> tuple[str, Citation] | None:
    """The text of the fact's first evidence span, read from the stored passage holding it."""
    if passages is None or not item.evidence:
        return None
    span = item.evidence[0]
    # the agent under every name a source may give it ("paracetamol" for acetaminophen)
    names = " ".join(sorted(load_medicine_index().brand_names(item.agent)))
    for passage in passages.search(monograph.drug, f"{item.agent} {names}", _SEARCHED):
        if passage.source == span.source and passage.start <= span.start < span.end <= passage.end:
            text = _span_text(passage.text, span.start - passage.start, span.end - passage.start)
            citation = Citation(
                source=span.source, start=span.start, end=span.end, section=span.section
            )
            return (text, citation) if text else None
    return None
