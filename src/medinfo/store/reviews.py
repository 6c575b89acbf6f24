"""Review tables and their repository: reviews, precomputed counts and the per-database key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Index,
    Integer,
    Row,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
    update,
)

from medinfo.domain.reviews import Review, ReviewStatus
from medinfo.store.tables import metadata

# One review. `client_hash` is a keyed hash of the submitting client (never its address);
# `import_key` identifies a row of a published data set so that re-imports skip it.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("drug", String(200), nullable=False),
    Column("rating", Integer, nullable=False),
    Column("condition", String(200), nullable=False, default=""),
    Column("duration", String(200), nullable=False, default=""),
    Column("side_effects", JSON, nullable=False),
    Column("side_effect_terms", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("hold_reason", Text, nullable=False, default=""),
    Column("attribution", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=True),  # None: an imported review gave no date
    Column("client_hash", String(64), nullable=True),
    Column("import_key", String(64), nullable=True, unique=True),
    Index("ix_reviews_drug_status_created", "drug", "status", "created_at", "id"),
    Index("ix_reviews_status_created", "status", "created_at"),
    Index("ix_reviews_client_created", "client_hash", "created_at"),
)

# Counts over the approved reviews of a drug, kept up to date on every status change:
# facet "rating" (value "1".."10"), "condition" and "side_effect" (a vocabulary term).
review_counts = Table(
    "review_counts",
    metadata,
    Column("drug", String(200), primary_key=True),
    Column("facet", String(20), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
    Index("ix_review_counts_drug_facet_count", "drug", "facet", "count"),
)

# Random keys generated when the database is created (e.g. "reviews" signs client hashes).
review_keys = Table(
    "review_keys",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", String(128), nullable=False),
)

CountKey = tuple[str, str, str]


@dataclass(frozen=True)
class RecentSubmissions:
    """How many reviews one client sent since a moment, and when the oldest of them came."""

    count: int
    oldest: datetime | None


class ReviewRepository:
    """Reviews, their counts and the database's review key, over one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(
        self, review: Review, *, client_hash: str | None = None, import_key: str | None = None
    ) -> int:
        """Store a new review; returns its id."""
        values = _review_values(review, client_hash, import_key)
        result = self._conn.execute(insert(reviews).values(**values).returning(reviews.c.id))
        return int(result.scalar_one())

    def add_many(self, items: Iterable[tuple[Review, str]]) -> None:
        """Store imported reviews, each with its data-set row key."""
        rows = [_review_values(review, None, key) for review, key in items]
        if rows:
            self._conn.execute(insert(reviews), rows)

    def get(self, review_id: int) -> Review | None:
        row = self._conn.execute(select(reviews).where(reviews.c.id == review_id)).first()
        return None if row is None else _review_from_row(row)

    def list_for_drug(
        self, drug: str, status: ReviewStatus, *, limit: int, offset: int = 0
    ) -> list[Review]:
        """The drug's reviews in one status, newest first."""
        query = (
            select(reviews)
            .where(reviews.c.drug == drug, reviews.c.status == status.value)
            .order_by(reviews.c.created_at.desc().nulls_last(), reviews.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return [_review_from_row(row) for row in self._conn.execute(query)]

    def list_by_status(self, status: ReviewStatus, *, limit: int) -> list[Review]:
        """Reviews of every drug in one status, oldest first (the moderation queue)."""
        query = (
            select(reviews)
            .where(reviews.c.status == status.value)
            .order_by(reviews.c.created_at, reviews.c.id)
            .limit(limit)
        )
        return [_review_from_row(row) for row in self._conn.execute(query)]

    def count_by_status(self, status: ReviewStatus) -> int:
        query = select(func.count()).select_from(reviews).where(reviews.c.status == status.value)
        return int(self._conn.execute(query).scalar_one())

    def set_status(
        self, review_id: int, before: ReviewStatus, after: ReviewStatus, hold_reason: str
    ) -> bool:
        """Move a review from `before` to `after`; False when it was no longer in `before`."""
        result = self._conn.execute(
            update(reviews)
            .where(reviews.c.id == review_id, reviews.c.status == before.value)
            .values(status=after.value, hold_reason=hold_reason)
        )
        return result.rowcount == 1

    def recent_from(self, client_hashes: Iterable[str], since: datetime) -> RecentSubmissions:
        """The submissions at or after `since` of a client known by any of `client_hashes`."""
        query = select(func.count(), func.min(reviews.c.created_at)).where(
            reviews.c.client_hash.in_(sorted(client_hashes)),
            reviews.c.created_at >= _naive_utc(since),
        )
        count, oldest = self._conn.execute(query).one()
        return RecentSubmissions(int(count), None if oldest is None else _aware(oldest))

    def existing_import_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these data-set row keys are stored already."""
        wanted = list(keys)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(reviews.c.import_key).where(reviews.c.import_key.in_(chunk))
            found.update(str(key) for key in self._conn.execute(query).scalars())
        return found

    def add_to_counts(self, deltas: Mapping[CountKey, int]) -> None:
        """Add each delta to its (drug, facet, value) count, creating counts as needed."""
        rows = [
            {"drug": drug, "facet": facet, "value": value, "count": delta}
            for (drug, facet, value), delta in sorted(deltas.items())
            if delta
        ]
        if not rows:
            return
        upsert = _dialect_insert(self._conn)(review_counts)
        statement = upsert.on_conflict_do_update(
            index_elements=["drug", "facet", "value"],
            set_={"count": review_counts.c.count + upsert.excluded.count},
        )
        self._conn.execute(statement, rows)

    def counts(self, drug: str, facet: str, *, limit: int | None = None) -> list[tuple[str, int]]:
        """The positive counts of one facet of a drug, largest first."""
        query = (
            select(review_counts.c.value, review_counts.c.count)
            .where(
                review_counts.c.drug == drug,
                review_counts.c.facet == facet,
                review_counts.c.count > 0,
            )
            .order_by(review_counts.c.count.desc(), review_counts.c.value)
        )
        if limit is not None:
            query = query.limit(limit)
        return [(str(value), int(count)) for value, count in self._conn.execute(query)]

    def key(self, name: str) -> str | None:
        """A key generated with the database (see migration 0003_reviews)."""
        query = select(review_keys.c.value).where(review_keys.c.name == name)
        return self._conn.execute(query).scalar()

    def lock_client(self, client_hash: str) -> None:
        """Serialise one client's submissions (PostgreSQL; SQLite's BEGIN IMMEDIATE does it)."""
        if self._conn.dialect.name == "postgresql":
            key = int(client_hash[:15], 16)
            self._conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _review_values(
    review: Review, client_hash: str | None, import_key: str | None
) -> dict[str, Any]:
    return {
        "drug": review.drug,
        "rating": review.rating,
        "condition": review.condition,
        "duration": review.duration,
        "side_effects": list(review.side_effects),
        "side_effect_terms": list(review.side_effect_terms),
        "text": review.text,
        "status": review.status.value,
        "hold_reason": review.hold_reason,
        "attribution": review.attribution,
        "created_at": None if review.created_at is None else _naive_utc(review.created_at),
        "client_hash": client_hash,
        "import_key": import_key,
    }


def _dialect_insert(conn: Connection) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _review_from_row(row: Row[Any]) -> Review:
    return Review(
        id=row.id,
        drug=row.drug,
        rating=row.rating,
        condition=row.condition,
        duration=row.duration,
        side_effects=list(row.side_effects),
        side_effect_terms=list(row.side_effect_terms),
        text=row.text,
        status=ReviewStatus(row.status),
        hold_reason=row.hold_reason,
        attribution=row.attribution,
        created_at=None if row.created_at is None else _aware(row.created_at),
    )
