"""Importing a published review data set: map drugs through the catalog, idempotently."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from medinfo.domain.reviews import DatasetFormat, Review, ReviewStatus
from medinfo.services.reviews.aggregates import count_deltas
from medinfo.services.reviews.datasets import DatasetRow, datasets, read_dataset
from medinfo.services.reviews.rules import describe_holds, find_holds
from medinfo.services.reviews.side_effects import find_side_effects
from medinfo.store.database import Database
from medinfo.store.repositories import Store
from medinfo.store.reviews import ReviewRepository

_EXAMPLES = 5


@dataclass
class ImportReport:
    """What one import did: new, held, already present, and rows no drug was found for."""

    path: Path
    dataset: str
    attribution: str
    rows: int = 0
    imported: int = 0
    held: int = 0
    already_present: int = 0
    unmapped: int = 0
    unmapped_examples: list[str] = field(default_factory=list)


def import_reviews(database: Database, fmt: DatasetFormat, path: Path) -> ImportReport:
    """Import every row of `path` in one transaction; rows already imported are skipped.

    A malformed file raises InputError before anything is written.
    """
    dataset = datasets()[fmt.value]
    rows = read_dataset(dataset, path)
    report = ImportReport(path, dataset.name, dataset.attribution, rows=len(rows))
    unmapped: Counter[str] = Counter()
    with database.transaction() as store:
        repository = ReviewRepository(store.connection)
        keyed = {_import_key(dataset.name, row.row_id): row for row in rows}
        existing = repository.existing_import_keys(keyed)
        names = _DrugNames(store)
        new: list[tuple[Review, str]] = []
        for key, row in keyed.items():
            drug = names.resolve(row.drug_name)
            if drug is None:
                unmapped[row.drug_name] += 1
            elif key in existing:
                report.already_present += 1
            else:
                new.append((_review(row, drug, dataset.attribution), key))
        repository.add_many(new)
        approved = [review for review, _ in new if review.status is ReviewStatus.APPROVED]
        repository.add_to_counts(count_deltas(approved, 1))
    report.imported = len(new)
    report.held = len(new) - len(approved)
    report.already_present += len(rows) - len(keyed)
    report.unmapped = sum(unmapped.values())
    report.unmapped_examples = [name for name, _ in unmapped.most_common(_EXAMPLES)]
    return report


class _DrugNames:
    """Drug names to drug keys through the one name resolver, cached per name.

    A data set's names are taken only when they match a name exactly (generic, brand, salt,
    synonym or combination): a misspelling is not guessed at in bulk.
    """

    def __init__(self, store: Store) -> None:
        from medinfo.services.catalog import load_catalog
        from medinfo.services.names import table_in

        self._table = table_in(store)
        self._catalog = load_catalog
        self._cache: dict[str, str | None] = {}

    def resolve(self, name: str) -> str | None:
        from medinfo.services.names import Matched, resolve_name

        key = name.strip().lower()
        if key not in self._cache:
            found = resolve_name(name, self._table, self._catalog)
            exact = found.matched is not Matched.TYPO
            self._cache[key] = found.drug if exact else None
        return self._cache[key]


def _review(row: DatasetRow, drug: str, attribution: str) -> Review:
    """An imported review; one the data set gives no date for keeps none ("date not given")."""
    holds = find_holds(row.condition, row.text)
    return Review(
        drug=drug,
        rating=row.rating,
        condition=row.condition,
        side_effect_terms=find_side_effects(row.side_effect_text),
        text=row.text,
        status=ReviewStatus.PENDING if holds else ReviewStatus.APPROVED,
        hold_reason=describe_holds(holds),
        created_at=row.created_at,
        attribution=attribution,
    )


def _import_key(dataset: str, row_id: str) -> str:
    return hashlib.sha256(f"{dataset}\0{row_id}".encode()).hexdigest()[:32]
