"""Readings of one statement's text kept per process: labels repeat whole paragraphs."""

from __future__ import annotations

from functools import lru_cache

# Statement texts whose readings each cached function keeps: a bulk run meets the same
# sentences in label after label, and memory stays flat (a few MB a function at most).
KEPT_TEXTS = 16384

# Decorates a pure function of a statement's text (and constants): read once per text.
per_text = lru_cache(maxsize=KEPT_TEXTS)
