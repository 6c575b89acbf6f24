"""Drug lookups shared by the pages and the API, with short-lived caches of names and renders.

A resolved name is kept for `ttl` seconds, and a rendered body is keyed by the monograph's
ETag, so a busy page costs a dictionary lookup; an ingest shows within `ttl` seconds (one
request remakes what went stale while the others are served the previous version).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from medinfo.bootstrap import Medinfo
from medinfo.domain.answers import Answer
from medinfo.domain.catalog import CatalogDrug
from medinfo.services.search import DrugRef
from medinfo.store.repositories import CachedMonograph

T = TypeVar("T")
DEFAULT_TTL = 2.0
_MAX_ENTRIES = 512


class TtlCache(Generic[T]):
    """A bounded, thread-safe mapping whose entries go stale `ttl` seconds after they were made.

    One caller remakes a stale entry while the others keep getting the stale value, and one
    caller makes a missing entry while the others wait for it: a busy page never makes the
    same body many times at once (a burst of identical queries on every expiry).
    """

    def __init__(self, ttl: float, max_entries: int = _MAX_ENTRIES) -> None:
        self.ttl = ttl
        self._max = max_entries
        self._items: OrderedDict[Hashable, tuple[float, T]] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}
        self._guard = threading.Lock()

    def peek(self, key: Hashable) -> T | None:
        """The value under `key` if it is fresh or being remade by another caller, else None."""
        found = self._items.get(key)
        if found is None:
            return None
        if time.monotonic() - found[0] < self.ttl or key in self._making:
            return found[1]
        return None

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        while True:
            with self._guard:
                found = self.peek(key)
                if found is not None:
                    return found
                waiting = self._making.get(key)
                if waiting is None:
                    done = self._making[key] = threading.Event()
                    break
            waiting.wait()  # another caller is making the first value: then look again
        try:
            now = time.monotonic()
            value = make()
            with self._guard:
                self._items[key] = (now, value)
                self._items.move_to_end(key)
                while len(self._items) > self._max:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._guard:
                del self._making[key]
            done.set()

    def clear(self) -> None:
        with self._guard:
            self._items.clear()


@dataclass(frozen=True)
class DrugEntry:
    """A resolved drug: its monograph when medinfo has one, else its catalog record."""

    ref: DrugRef
    monograph: CachedMonograph | None
    catalog: CatalogDrug | None

    @property
    def etag(self) -> str:
        if self.monograph is not None:
            return f'"{self.monograph.etag}"'
        return f'"catalog-{self.ref.drug}"'


class DrugLookup:
    """Resolves names to drugs and caches what is rendered from them."""

    def __init__(self, medinfo: Medinfo, ttl: float = DEFAULT_TTL) -> None:
        self.medinfo = medinfo
        self._entries: TtlCache[DrugEntry] = TtlCache(ttl)
        # Bodies (or a body's parts) rendered from one monograph version: its ETag is in the
        # key, so they stay valid until evicted. Renders that also read other tables
        # (reviews) use `live` and expire after `ttl` seconds.
        self._renders: TtlCache[object] = TtlCache(float("inf"))
        self._live: TtlCache[object] = TtlCache(ttl)
        # The drug page's answered common questions, keyed by (drug, ETag): kept until evicted.
        self.answers: TtlCache[tuple[Answer, ...]] = TtlCache(float("inf"))

    def entry(self, name: str) -> DrugEntry:
        """The drug `name` stands for; UnknownDrugError (with suggestions) when none."""
        return self._entries.get_or_make(name, lambda: self._load(name))

    def rendered(self, kind: str, entry: DrugEntry, make: Callable[[], T]) -> T:
        """What `make` renders of `kind` for `entry` (a body or its parts), once per version."""
        return cast("T", self._renders.get_or_make((kind, entry.ref.drug, entry.etag), make))

    async def entry_async(self, name: str) -> DrugEntry:
        """`entry` for async routes: a cache hit costs no thread, a miss runs in the pool."""
        found = self._entries.peek(name)
        return found if found is not None else await run_in_threadpool(self.entry, name)

    async def rendered_async(
        self, kind: str, entry: DrugEntry, make: Callable[[], T], *, live: bool = False
    ) -> T:
        """`rendered` for async routes: rendering and its queries run in the thread pool.

        `live` renders depend on more than the monograph and are remade every `ttl` seconds.
        """
        cache = self._live if live else self._renders
        key = (kind, entry.ref.drug, entry.etag)
        found = cache.peek(key)
        if found is not None:
            return cast("T", found)
        return cast("T", await run_in_threadpool(cache.get_or_make, key, make))

    def clear(self) -> None:
        self._entries.clear()
        self._renders.clear()
        self._live.clear()
        self.answers.clear()

    def _load(self, name: str) -> DrugEntry:
        ref = self.medinfo.find_drug(name)
        if ref.has_monograph:
            return DrugEntry(ref, self.medinfo.cached_monograph(ref.drug), None)
        return DrugEntry(ref, None, self.medinfo.catalog_drug(ref.drug))


async def lookup_of(request: Request) -> DrugLookup:
    """The application's drug lookup (a FastAPI dependency)."""
    lookup: DrugLookup = request.app.state.lookup
    return lookup


async def medinfo_of(request: Request) -> Medinfo:
    """The application's services (a FastAPI dependency)."""
    medinfo: Medinfo = request.app.state.medinfo
    return medinfo
