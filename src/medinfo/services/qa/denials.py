"""Denials: the source's own sentence, quoted beside an answer that says two things go together."""

from __future__ import annotations

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Interaction, Monograph
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft, source_titles

_SEARCHED = 5  # passages read for a denial's sentence


def with_denial_quote(draft: Draft, monograph: Monograph, passages: PassageSearch | None) -> Draft:
    """The draft with the sentence behind the first denial it states ("The sources say
    ibuprofen is not expected to interact ...") quoted in the source's own words ("both of
    those are fine with clarithromycin"), once, unless the draft quotes it already."""
    said = draft.text()
    denials = [item for item in monograph.no_interactions if item.agent and item.agent in said]
    for item in denials[:1]:
        found = _sentence(item, monograph, passages)
        if found is not None and found[0] not in said:
            sentence, citation = found
            title = source_titles(monograph, [citation.source])
            draft.say(f"{title} says: \u201c{sentence}\u201d")
            draft.add(citation)
    return draft


def _sentence(
    item: Interaction, monograph: Monograph, passages: PassageSearch | None
) -> tuple[str, Citation] | None:
    """The text of the denial's first evidence span, read from the stored passage holding it."""
    if passages is None or not item.evidence:
        return None
    span = item.evidence[0]
    # the agent under every name a source may give it ("paracetamol" for acetaminophen)
    names = " ".join(sorted(load_medicine_index().brand_names(item.agent)))
    for passage in passages.search(monograph.drug, f"{item.agent} {names}", _SEARCHED):
        if passage.source == span.source and passage.start <= span.start < span.end <= passage.end:
            text = passage.text[span.start - passage.start : span.end - passage.start].strip()
            citation = Citation(
                source=span.source, start=span.start, end=span.end, section=span.section
            )
            return (text, citation) if text else None
    return None
