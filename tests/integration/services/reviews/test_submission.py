"""Submitting reviews on a real database: pending, held, rate limited, nothing lost under load."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.reviews import ReviewStatus
from medinfo.services.reviews import (
    RateLimit,
    RateLimitedError,
    list_for_moderation,
    submit_review,
)
from medinfo.store.database import Database, open_database
from medinfo.store.reviews import reviews
from tests.reviewing import put_monograph, review


@pytest.fixture
def drug_db(database: Database) -> Database:
    put_monograph(database, "naproxen", {"nausea": 3, "headache": 1}, brands=("Aleve",))
    return database


def test_submit_review_stores_a_pending_review_under_the_generic(drug_db: Database) -> None:
    stored = submit_review(drug_db, "aleve", review(), client_key="203.0.113.7")
    assert stored.drug == "naproxen"
    assert stored.status is ReviewStatus.PENDING
    assert stored.side_effect_terms == ["nausea", "drowsiness"]
    assert [r.id for r in list_for_moderation(drug_db)] == [stored.id]


def test_submit_review_never_stores_the_client_address(drug_db: Database) -> None:
    submit_review(drug_db, "naproxen", review(), client_key="203.0.113.7")
    with drug_db.reader() as store:
        row = store.connection.execute(select(reviews)).one()
    assert "203.0.113.7" not in " ".join(str(value) for value in row)
    assert len(row.client_hash or "") == 64


def test_submit_review_holds_dosing_advice_with_the_reason(drug_db: Database) -> None:
    text = "Works well, but if it doesn't, double your dose like I did."
    stored = submit_review(drug_db, "naproxen", review(text=text), client_key="a")
    assert stored.status is ReviewStatus.PENDING
    assert "dosing advice" in stored.hold_reason
    assert "double your dose" in list_for_moderation(drug_db)[0].hold_reason


def test_submit_review_rate_limits_each_client(drug_db: Database) -> None:
    limit = RateLimit(max_reviews=2, window_seconds=600)
    start = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    for minute in range(2):
        moment = start + timedelta(minutes=minute)
        submit_review(drug_db, "naproxen", review(), client_key="a", limit=limit, now=moment)
    later = start + timedelta(minutes=3)
    with pytest.raises(RateLimitedError) as caught:
        submit_review(drug_db, "naproxen", review(), client_key="a", limit=limit, now=later)
    assert caught.value.retry_after == 7 * 60
    submit_review(drug_db, "naproxen", review(), client_key="b", limit=limit, now=start)
    after_window = start + timedelta(minutes=11)
    submit_review(drug_db, "naproxen", review(), client_key="a", limit=limit, now=after_window)


def test_submit_review_of_an_unknown_drug_is_refused(drug_db: Database) -> None:
    with pytest.raises(UnknownDrugError):
        submit_review(drug_db, "notadrugatall", review(), client_key="a")


def test_concurrent_submissions_lose_nothing(database_url: str) -> None:
    setup = open_database(database_url)
    setup.ensure_schema()
    put_monograph(setup, "naproxen", {"nausea": 2})
    setup.dispose()

    def submit(number: int) -> int:
        database = open_database(database_url)
        try:
            text = f"Review number {number} from a different reader of this page."
            stored = submit_review(database, "naproxen", review(text=text), client_key=f"c{number}")
            return stored.id or 0
        finally:
            database.dispose()

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = list(pool.map(submit, range(20)))
    check = open_database(database_url)
    try:
        queued = list_for_moderation(check, limit=100)
    finally:
        check.dispose()
    assert sorted(ids) == sorted(r.id for r in queued)
    assert len(set(ids)) == 20


def test_concurrent_submissions_from_one_client_respect_the_limit(database_url: str) -> None:
    setup = open_database(database_url)
    setup.ensure_schema()
    put_monograph(setup, "naproxen", {"nausea": 2})
    setup.dispose()

    def submit(number: int) -> bool:
        database = open_database(database_url)
        try:
            submit_review(database, "naproxen", review(), client_key="same", limit=RateLimit(5))
            return True
        except RateLimitedError:
            return False
        finally:
            database.dispose()

    with ThreadPoolExecutor(max_workers=10) as pool:
        accepted = list(pool.map(submit, range(10)))
    assert accepted.count(True) == 5
