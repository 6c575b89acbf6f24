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
