"""The LIKE prefilter over stored source text: only texts of the drug, with any of the words."""

from __future__ import annotations

from medinfo.store.database import Database
from medinfo.store.passages import section_spans, texts_mentioning
from tests.stored_monographs import GUIDE_TEXT, store_monograph, tizanidine


def test_texts_mentioning_matches_any_word_in_any_case(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    with database.reader() as store:
        found = texts_mentioning(store.connection, "tizanidine", ["GRAPEFRUIT", "nothing"])
        missing = texts_mentioning(store.connection, "tizanidine", ["100%_sure"])
        other = texts_mentioning(store.connection, "sertraline", ["grapefruit"])
    assert [text.source_id for text in found] == ["t2"]
    assert missing == []
    assert other == []


def test_section_spans_are_empty_for_sources_without_facts(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    with database.reader() as store:
        assert section_spans(store.connection, ["t2"]) == {}
