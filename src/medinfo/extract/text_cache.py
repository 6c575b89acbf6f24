"""Readings of one statement's text kept per process: labels repeat whole paragraphs."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from functools import lru_cache
from typing import Generic, TypeVar

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
