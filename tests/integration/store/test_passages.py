"""Source ranks and sections for the passage search, on SQLite and PostgreSQL."""

from __future__ import annotations

from medinfo.store.database import Database
from medinfo.store.passages import section_spans, source_ranks
from tests.stored_monographs import GUIDE_TEXT, store_monograph, tizanidine


def test_source_ranks_put_the_most_reliable_source_first(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    with database.reader() as store:
        ranks = source_ranks(store.connection, "tizanidine")
        other = source_ranks(store.connection, "sertraline")
    assert sorted(ranks, key=ranks.__getitem__) == ["t1", "t2"]  # the label, then the article
    assert other == {}


def test_section_spans_are_empty_for_sources_without_facts(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    with database.reader() as store:
        assert section_spans(store.connection, ["t2"]) == {}


def test_source_paragraphs_come_in_text_order(database: Database) -> None:
    from medinfo.store.search import SearchIndex

    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    with database.reader() as store:
        found = SearchIndex(store.connection).source_paragraphs(["t2", "missing"])
    assert [hit.body for hit in found][:2] == [
        "Living with a muscle relaxer",
        "Store the pill bottle in a dry cupboard at room temperature, away from children and pets.",
    ]
    assert [hit.start for hit in found] == sorted(hit.start for hit in found)
    assert {hit.source for hit in found} == {"t2"}
