"""Which drug a review is about: a stored monograph's names first, then the drug catalog."""

from __future__ import annotations

import hmac

from medinfo.domain.errors import UnknownDrugError
from medinfo.services.monographs import resolve_drug
from medinfo.store.repositories import Store
from medinfo.store.reviews import ReviewRepository

REVIEW_KEY = "reviews"


def resolve_review_drug(store: Store, name: str) -> str:
    """The drug key of a generic, brand or misspelt name; UnknownDrugError when none."""
    try:
        return resolve_drug(store, name)
    except UnknownDrugError:
        from medinfo.services.catalog import load_catalog

        key = load_catalog().resolve(name)
        if key is None:
            raise
        return key


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
