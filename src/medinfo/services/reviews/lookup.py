"""Which drug a review is about (the one name resolver), and the keys that sign reviews."""

from __future__ import annotations

import hmac

from medinfo.services.names import resolve_in
from medinfo.store.repositories import Store
from medinfo.store.reviews import ReviewRepository

REVIEW_KEY = "reviews"


def resolve_review_drug(store: Store, name: str) -> str:
    """The drug key of a generic, brand, salt or misspelt name (as every entry point resolves
    it; a catalog drug without a monograph too); UnknownDrugError when none."""
    return resolve_in(store, name).require()


def review_key(store: Store) -> bytes:
    """The random key generated with this database for signing client keys and forms."""
    value = ReviewRepository(store.connection).key(REVIEW_KEY)
    if value is None:
        raise RuntimeError("the database has no review key; run its migrations")
    return value.encode("ascii")


def sign(key: bytes, purpose: str, value: str) -> str:
    """A keyed hash of `value` for one purpose: clients are stored only in this form."""
    message = f"{purpose}\0{value}".encode()
    return hmac.digest(key, message, "sha256").hex()  # one C call: the drug page signs per visit
