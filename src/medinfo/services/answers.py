"""Answers from the store: questions answered over stored monographs and stored source text."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import Counter

from medinfo.domain.answers import Answer
from medinfo.services.monograph_lookup import StoreMonographs
from medinfo.services.qa import Passage, answer_question
from medinfo.services.qa.passages import content_words, split_passages
from medinfo.store.database import Database
from medinfo.store.passages import SectionSpan, section_spans, texts_mentioning

_SPLIT_CACHE = 256


class StorePassages:
    """A qa PassageSearch over the original text of user-ingested sources.

    A `LIKE` prefilter finds the drug's texts sharing a word with the query, which are split
    into paragraphs and ranked by the content words they share (ties: the more reliable
    source first). Each passage takes the section extraction gave most of the facts within
    it. Small and portable; full-text indexes (FTS5, tsvector) can replace it behind the
    same protocol.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._lock = threading.Lock()
        self._split: dict[tuple[str, int], list[Passage]] = {}

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        wanted = content_words(query) - content_words(drug)
        if not wanted or limit <= 0:
            return []
        with self._database.reader() as store:
            texts = texts_mentioning(store.connection, drug, sorted(wanted, key=len, reverse=True))
            missing = [t.source_id for t in texts if (t.source_id, len(t.text)) not in self._split]
            spans = section_spans(store.connection, missing)
        scored: list[tuple[int, int, Passage]] = []
        for rank, stored in enumerate(texts):
            for passage in self._passages(stored.source_id, stored.text, spans):
                shared = len(wanted & content_words(passage.text))
                if shared:
                    scored.append((shared, -rank, passage))
        scored.sort(key=lambda item: (-item[0], -item[1], item[2].start))
        return [
            Passage(p.source, p.start, p.end, p.text, p.section, float(shared))
            for shared, _rank, p in scored[:limit]
        ]

    def _passages(
        self, source_id: str, text: str, spans: dict[str, list[SectionSpan]]
    ) -> list[Passage]:
        key = (source_id, len(text))
        cached = self._split.get(key)
        if cached is not None:
            return cached
        sections = spans.get(source_id, [])
        starts = [span.start for span in sections]
        passages = [
            Passage(p.source, p.start, p.end, p.text, _section_of(p, sections, starts))
            for p in split_passages(source_id, text)
        ]
        with self._lock:
            if len(self._split) >= _SPLIT_CACHE:
                self._split.clear()
            self._split[key] = passages
        return passages


def _section_of(passage: Passage, sections: list[SectionSpan], starts: list[int]) -> str:
    """The section most facts inside the passage were found in ("" when none)."""
    first = bisect_right(starts, passage.start - 1)
    last = bisect_right(starts, passage.end - 1)
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
