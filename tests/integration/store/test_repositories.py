"""Repositories: what goes in comes back out, in order, with integrity enforced."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.sources import Reliability, Source, SourceFormat, SourceKind
from medinfo.store.database import Database
from medinfo.store.repositories import CachedMonograph

SOURCE = Source(
    id="0123456789abcdef",
    title="Metformin basics",
    drug="metformin",
    kind=SourceKind.LABEL,
    format=SourceFormat.SPL_XML,
    reliability=Reliability.FDA_LABEL,
    url="https://example.org/metformin",
    publisher="Example Labs Inc",
    published=date(2023, 9, 15),
    sha256="0123456789abcdef" + "0" * 48,
    reliability_reason="an FDA label",
)


def _fact(kind: FactKind, key: str, start: int, **attributes: str | bool | int) -> ExtractedFact:
    evidence = Evidence(source=SOURCE.id, start=start, end=start + 5, section="Side effects")
    return ExtractedFact(kind=kind, key=key, attributes=attributes, evidence=evidence)


def test_source_and_facts_round_trip_in_extraction_order(database: Database) -> None:
    facts = [
        _fact(FactKind.SIDE_EFFECT, "nausea", 40, serious=False, frequency="common"),
        _fact(FactKind.SIDE_EFFECT, "lactic acidosis", 10, serious=True),
        _fact(FactKind.MAX_DAILY_DOSE, "oral", 90, amount=2550, unit="mg"),
    ]
    with database.transaction() as store:
        store.sources.add(SOURCE, "the original text")
        store.facts.add_many(SOURCE.id, facts)
    with database.reader() as store:
        assert store.sources.get(SOURCE.id) == SOURCE
        assert store.sources.original_text(SOURCE.id) == "the original text"
        assert store.facts.list_for_sources([SOURCE.id]) == facts
        assert store.sources.drugs() == ["metformin"]


def test_source_text_is_optional_and_can_be_added_later(database: Database) -> None:
    with database.transaction() as store:
        store.sources.add(SOURCE, None)
    with database.transaction() as store:
        assert not store.sources.has_text(SOURCE.id)
        store.sources.store_text(SOURCE.id, "now kept")
    with database.reader() as store:
        assert store.sources.has_text(SOURCE.id)


def test_facts_of_an_unknown_source_are_refused(database: Database) -> None:
    with pytest.raises(IntegrityError), database.transaction() as store:
        store.facts.add_many("ffffffffffffffff", [_fact(FactKind.SIDE_EFFECT, "rash", 1)])


def test_failed_transaction_writes_nothing(database: Database) -> None:
    def add_then_fail() -> None:
        with database.transaction() as store:
            store.sources.add(SOURCE, "text")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        add_then_fail()
    with database.reader() as store:
        assert store.sources.get(SOURCE.id) is None


def test_names_are_matched_without_regard_to_case(database: Database) -> None:
    with database.transaction() as store:
        store.names.replace_for_drug(
            "metformin", [("metformin", "generic"), ("Glucophage", "brand")]
        )
    with database.reader() as store:
        assert store.names.drugs_named("GLUCOPHAGE ") == ["metformin"]
        assert store.names.all_names() == {"glucophage": "metformin", "metformin": "metformin"}


def test_monograph_cache_keeps_the_latest_version(database: Database) -> None:
    with database.transaction() as store:
        store.monographs.put(CachedMonograph("metformin", '{"v": 1}', "a"))
        store.monographs.put(CachedMonograph("metformin", '{"v": 2}', "b"))
    with database.reader() as store:
        assert store.monographs.get("metformin") == CachedMonograph("metformin", '{"v": 2}', "b")
        assert store.monographs.drugs() == ["metformin"]
