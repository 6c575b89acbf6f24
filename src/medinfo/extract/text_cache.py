"""Readings of one statement's text kept per process: labels repeat whole paragraphs."""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Hashable
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar, cast

# Statement texts whose readings each cached function keeps: a bulk run meets the same
# sentences in label after label, and memory stays flat (a few MB a function at most).
KEPT_TEXTS = 16384

# Decorates a pure function of a statement's text (and constants): read once per text.
per_text = lru_cache(maxsize=KEPT_TEXTS)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """A bounded least-recently-used store, for readings whose key is not the arguments of
    one function (`per_text` covers those); safe on the web server's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.values: OrderedDict[K, V] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self.lock:
            found = self.values.get(key)
            if found is not None:
                self.values.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> None:
        with self.lock:
            self.values[key] = value
            if len(self.values) > self.size:
                self.values.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.values.clear()


class Shared(Generic[K, V]):
    """Readings the processes of one run share: one file per key in a folder only this run
    uses, so a paragraph one bulk-ingest worker read the others need not read again.

    A file holds the key and the value, pickled; a key is looked up by a digest of its
    `repr` and must compare equal to the stored one. Each process writes at most `size`
    files (disk use stays bounded); files are written whole, then renamed into place.
    """

    def __init__(self, folder: Path, size: int) -> None:
        self.folder = folder
        self.size = size
        self.written = 0

    def get(self, key: K) -> V | None:
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        stored, value = pickle.loads(data)  # written by this run's own processes
        return cast("V", value) if stored == key else None

    def put(self, key: K, value: V) -> None:
        if self.written >= self.size:
            return
        path = self._path(key)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        try:
            draft.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(draft, path)
        except OSError:  # a full disk costs the sharing, never the run
            draft.unlink(missing_ok=True)
            return
        self.written += 1

    def _path(self, key: K) -> Path:
        digest = hashlib.blake2b(repr(key).encode("utf-8", "backslashreplace"), digest_size=16)
        return self.folder / digest.hexdigest()
