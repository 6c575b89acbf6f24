"""Submitting a review: validation with messages naming the field, hold rules, a rate limit."""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from medinfo.domain.errors import InputError, MedinfoError
from medinfo.domain.reviews import Review, ReviewStatus
from medinfo.domain.text_patterns import CONTROL, SPACE
from medinfo.services.reviews.client_hashes import ClientHasher
from medinfo.services.reviews.lookup import resolve_review_drug
from medinfo.services.reviews.rules import describe_holds, find_holds
from medinfo.services.reviews.side_effects import fold_reported
from medinfo.store.database import Database
from medinfo.store.reviews import ReviewRepository

MIN_TEXT = 20
MAX_TEXT = 5000
MAX_SHORT = 200

# What the fields may hold, as regular expressions that the API also publishes in its schema,
# so that both always agree: no control characters (line breaks and tabs only in the text),
# and a text with at least MIN_TEXT characters besides white space.
SHORT_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
TEXT_PATTERN = f"^[{SPACE}]*(?:[^{SPACE}{CONTROL}][{SPACE}]*){{{MIN_TEXT},}}$"
MAX_SIDE_EFFECTS = 30
MAX_SIDE_EFFECT_CHARS = 100
FIELDS = ("rating", "condition", "duration", "side_effects", "text")


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one submitted field, in words a reviewer understands."""

    field: str
    message: str


class ReviewInvalidError(InputError):
    """A submission with one or more bad fields."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))


class RateLimitedError(MedinfoError):
    """Too many reviews from one client; `retry_after` seconds until the next is accepted."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many reviews from this client; try again in {retry_after} s")


@dataclass(frozen=True)
class RateLimit:
    """At most `max_reviews` reviews per client in any `window_seconds`."""

    max_reviews: int = 5
    window_seconds: int = 600


@dataclass(frozen=True)
class ReviewDraft:
    """A submission that passed validation, with its text trimmed."""

    rating: int
    text: str
    condition: str = ""
    duration: str = ""
    side_effects: list[str] = field(default_factory=list)


def validate_review(raw: Mapping[str, object]) -> ReviewDraft:
    """The draft in `raw` (JSON object or form fields); ReviewInvalidError lists every bad field."""
    problems = [
        FieldProblem(name, "is not a field of a review") for name in raw if name not in FIELDS
    ]
    rating = _rating(raw.get("rating"), problems)
    condition = _short_text("condition", raw.get("condition"), problems)
    duration = _short_text("duration", raw.get("duration"), problems)
    side_effects = _side_effects(raw.get("side_effects"), problems)
    text = _text(raw.get("text"), problems)
    if problems:
        raise ReviewInvalidError(problems)
    return ReviewDraft(rating, text, condition, duration, side_effects)


def submit_review(
    database: Database,
    name: str,
    raw: Mapping[str, object],
    *,
    client_key: str,
    limit: RateLimit | None = None,
    now: datetime | None = None,
    hasher: ClientHasher | None = None,
) -> Review:
    """Store a pending review of the drug `name` refers to, held with reasons if a rule fires.

    Raises ReviewInvalidError, UnknownDrugError or RateLimitedError; the client key (an address) is
    stored only as a hash keyed by `hasher`'s secret (kept out of the database; default: this
    process's random one).
    """
    draft = validate_review(raw)
    limit = limit or RateLimit()
    moment = now or datetime.now(UTC)
    hasher = hasher or _PROCESS_HASHER
    with _writer_lock(database), database.transaction() as store:
        drug = resolve_review_drug(store, name)
        repository = ReviewRepository(store.connection)
        client_hash = hasher.hash(client_key, moment)
        repository.lock_client(client_hash)
        recent = repository.recent_from(
            hasher.recent_hashes(client_key, moment, limit.window_seconds),
            moment - timedelta(seconds=limit.window_seconds),
        )
        if recent.count >= limit.max_reviews:
            raise RateLimitedError(_retry_after(recent.oldest, moment, limit))
        holds = find_holds(draft.condition, draft.duration, *draft.side_effects, draft.text)
        review = Review(
            drug=drug,
            rating=draft.rating,
            condition=draft.condition,
            duration=draft.duration,
            side_effects=draft.side_effects,
            side_effect_terms=fold_reported(draft.side_effects),
            text=draft.text,
            status=ReviewStatus.PENDING,
            hold_reason=describe_holds(holds),
            created_at=moment,
        )
        review_id = repository.add(review, client_hash=client_hash)
    return review.model_copy(update={"id": review_id})


_PROCESS_HASHER = ClientHasher()
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _writer_lock(database: Database) -> AbstractContextManager[object]:
    """One SQLite writer at a time per database in this process.

    SQLite's busy handler retries a locked database with sleeps of up to 100 ms, which
    gives concurrent submissions a long latency tail; queueing here first avoids it.
    PostgreSQL locks rows, so its writers are not queued.
    """
    if database.engine.dialect.name != "sqlite":
        return nullcontext()
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(database.url, threading.Lock())


def _retry_after(oldest: datetime | None, now: datetime, limit: RateLimit) -> int:
    if oldest is None:
        return limit.window_seconds
    free_at = oldest + timedelta(seconds=limit.window_seconds)
    return max(1, math.ceil((free_at - now).total_seconds()))


def _rating(value: object, problems: list[FieldProblem]) -> int:
    if value is None or value == "":
        problems.append(FieldProblem("rating", "is required: choose a rating from 1 to 10"))
        return 0
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():  # JSON's 7.0 is the whole number 7
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not 1 <= number <= 10:
        problems.append(FieldProblem("rating", "must be a whole number from 1 to 10"))
        return 0
    return number


def _short_text(name: str, value: object, problems: list[FieldProblem]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(FieldProblem(name, "must be text"))
        return ""
    text = " ".join(value.split())
    if len(value) > MAX_SHORT:
        problems.append(FieldProblem(name, f"must be at most {MAX_SHORT} characters"))
    elif not re.fullmatch(SHORT_PATTERN, value):
        problems.append(FieldProblem(name, "must not contain control characters"))
    return text


def _side_effects(value: object, problems: list[FieldProblem]) -> list[str]:
    if value is None or value == "":
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        problems.append(FieldProblem("side_effects", "must be a list of side effects as text"))
        return []
    cleaned = list(dict.fromkeys(" ".join(item.split()) for item in items if item.strip()))
    if len(items) > MAX_SIDE_EFFECTS:
        problems.append(FieldProblem("side_effects", f"at most {MAX_SIDE_EFFECTS} can be listed"))
    elif any(len(item) > MAX_SIDE_EFFECT_CHARS for item in items):
        message = f"each must be at most {MAX_SIDE_EFFECT_CHARS} characters"
        problems.append(FieldProblem("side_effects", message))
    elif not all(re.fullmatch(SHORT_PATTERN, item) for item in items):
        problems.append(FieldProblem("side_effects", "must not contain control characters"))
    return cleaned


def _text(value: object, problems: list[FieldProblem]) -> str:
    if not isinstance(value, str) or not value.strip():
        problems.append(FieldProblem("text", "is required: describe your experience"))
        return ""
    text = value.strip().replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > MAX_TEXT:
        message = f"must be at most {MAX_TEXT} characters (it has {len(value)})"
        problems.append(FieldProblem("text", message))
    elif _has_control(value.replace("\n", " ").replace("\t", " ").replace("\r", " ")):
        problems.append(FieldProblem("text", "must not contain control characters"))
    elif not re.fullmatch(TEXT_PATTERN, value):
        problems.append(FieldProblem("text", f"must be at least {MIN_TEXT} characters"))
    return text


def _has_control(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in text)
