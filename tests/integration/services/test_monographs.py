"""Monographs: names resolve to drugs, and each source's facts can be listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.sources import Reliability
from medinfo.services.ingest import ingest_paths
from medinfo.services.monographs import (
    get_monograph,
    list_drugs,
    list_source_facts,
    refresh_monograph,
)
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database
from tests.documents import IBUPROFEN, METFORMIN, SERTRALINE_AI, write


@pytest.fixture
def database(database: Database, pipeline: Pipeline, tmp_path: Path) -> Database:
    paths = [
        write(tmp_path, "ibuprofen.txt", IBUPROFEN),
        write(tmp_path, "metformin.txt", METFORMIN),
        write(tmp_path, "sertraline.txt", SERTRALINE_AI),
        write(tmp_path, "sertraline-2.txt", "Sertraline can cause nausea and dizziness.\n"),
    ]
    ingest_paths(database, pipeline, paths)
    return database


@pytest.mark.parametrize(
    "name", ["ibuprofen", "IBUPROFEN", "Advil", "motrin", "ibuprofin", "advill"]
)
def test_generic_brand_and_misspelt_names_find_the_drug(database: Database, name: str) -> None:
    assert get_monograph(database, name).drug == "ibuprofen"


def test_unknown_name_suggests_close_names(database: Database) -> None:
    with pytest.raises(UnknownDrugError) as raised:
        get_monograph(database, "metfor")
    assert raised.value.suggestions[0] == "metformin"  # a monograph's name first, then the catalog


def test_unrelated_name_has_no_suggestions(database: Database) -> None:
    with pytest.raises(UnknownDrugError) as raised:
        get_monograph(database, "qwzxv")
    assert raised.value.suggestions == []


def test_drugs_are_listed_in_alphabetical_order(database: Database) -> None:
    assert list_drugs(database) == ["ibuprofen", "metformin", "sertraline"]


def test_source_facts_list_the_most_reliable_source_first(database: Database) -> None:
    items = list_source_facts(database, "zoloft")
    assert [item.source.reliability for item in items] == [
        Reliability.CONSUMER_ARTICLE,
        Reliability.USER_GENERATED,
    ]
    assert all(item.has_text for item in items)
    assert {fact.key for fact in items[0].facts} == {"nausea", "dizziness"}


def _indexed(database: Database, drug: str) -> list[tuple[object, ...]]:
    query = text(
        "SELECT kind, source, start, stop, body FROM search_documents WHERE drug = :drug "
        "ORDER BY kind, source, start, body"
    )
    with database.reader() as store:
        return [tuple(row) for row in store.connection.execute(query, {"drug": drug})]


def test_new_and_refreshed_drugs_index_each_passage_once(
    database: Database, pipeline: Pipeline
) -> None:
    for drug in ("ibuprofen", "sertraline"):  # new once, then refreshed by a second source
        passages = _indexed(database, drug)
        assert passages
        assert len(passages) == len(set(passages))
        with database.transaction() as store:
            refresh_monograph(store, drug, pipeline.reconcile_monograph)
        assert _indexed(database, drug) == passages
