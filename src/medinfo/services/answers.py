"""Answers from the store: questions answered over stored monographs and stored source text."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from medinfo.domain.answers import Answer
from medinfo.domain.names import fold
from medinfo.services.monograph_lookup import StoreMonographs
from medinfo.services.qa import Passage, answer_question
from medinfo.services.qa.headings import in_context
from medinfo.services.qa.passages import content_words
from medinfo.store.database import Database
from medinfo.store.passages import SectionSpan, section_spans, source_ranks
from medinfo.store.search import SearchIndex

# Query words kept (longest first: the most specific) and index hits re-ranked per question.
_MAX_WORDS = 12
_CANDIDATES = 50


class StorePassages:
    """A qa PassageSearch over the original text of user-ingested sources.

    The full-text index (`medinfo.store.search`: FTS5 on SQLite, a tsvector on PostgreSQL)
    finds the drug's source paragraphs sharing any word with the query; they are ranked by
    the content words they share (ties: the more reliable source, then the index's rank).
    Each passage takes the section extraction gave most of the facts within it.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._by_source: dict[str, tuple[Passage, ...]] = {}

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        wanted = content_words(query) - content_words(drug)
        tokens = sorted(set(fold(" ".join(wanted)).split()), key=lambda w: (-len(w), w))
        if not tokens or limit <= 0:
            return []
        with self._database.reader() as store:
            hits = SearchIndex(store.connection).match_sources(
                drug, tokens[:_MAX_WORDS], _CANDIDATES
            )
            ranks = source_ranks(store.connection, drug)
            spans = section_spans(store.connection, {hit.source for hit in hits})
        scored: list[tuple[int, int, int, Passage]] = []
        for position, hit in enumerate(hits):
            shared = len(wanted & content_words(hit.body))
            if shared:
                sections = spans.get(hit.source, [])
                section = _section_of(hit.start, hit.stop, sections)
                passage = Passage(hit.source, hit.start, hit.stop, hit.body, section, shared)
                scored.append((shared, ranks.get(hit.source, len(ranks)), position, passage))
        scored.sort(key=lambda item: (-item[0], item[1], item[2]))
        found = [passage for *_order, passage in scored[:limit]]
        paragraphs = self._paragraphs({passage.source for passage in found})
        return [in_context(passage, paragraphs.get(passage.source, ())) for passage in found]

    def _paragraphs(self, source_ids: set[str]) -> dict[str, tuple[Passage, ...]]:
        """The paragraphs of each source in text order, read once per source (a source id
        names one text: its content never changes)."""
        missing = sorted(source_ids - self._by_source.keys())
        if missing:
            with self._database.reader() as store:
                hits = SearchIndex(store.connection).source_paragraphs(missing)
            read: dict[str, list[Passage]] = {source: [] for source in missing}
            for hit in hits:
                read[hit.source].append(Passage(hit.source, hit.start, hit.stop, hit.body))
            self._by_source.update({source: tuple(items) for source, items in read.items()})
        return {source: self._by_source[source] for source in source_ids}


def _section_of(start: int, end: int, sections: list[SectionSpan]) -> str:
    """The section most facts inside [start, end) were found in ("" when none)."""
    starts = [span.start for span in sections]
    first = bisect_right(starts, start - 1)
    last = bisect_right(starts, end - 1)
    counts = Counter(span.section for span in sections[first:last])
    return counts.most_common(1)[0][0] if counts else ""


class Answerer:
    """Answers questions over one database: monographs by any name and stored passages."""

    def __init__(self, lookup: StoreMonographs, passages: StorePassages) -> None:
        self.lookup = lookup
        self.passages = passages

    def ask(self, question: str, drug: str | None = None) -> Answer:
        """The cited answer to `question` (about `drug` when given), or an honest abstention.

        A drug name medinfo has no monograph for gives `answerable: false`; an empty or
        overlong question raises InputError.
        """
        return answer_question(question, self.lookup, drug=drug, passages=self.passages)


def ask_question(database: Database, question: str, drug: str | None = None) -> Answer:
    """One question against `database`, for callers that do not keep an Answerer."""
    return Answerer(StoreMonographs(database), StorePassages(database)).ask(question, drug)
