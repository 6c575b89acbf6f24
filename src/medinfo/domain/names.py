"""Typed medicine names in their lookup forms: cleaned (as stored) and folded (as compared)."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffd]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def clean_name(raw: str) -> str:
    """The text without control characters or replacement marks, whitespace collapsed."""
    return " ".join(_CONTROL.sub(" ", raw).split())


def stored_name(raw: str) -> str:
    """The form a name is stored and looked up under in the names table: cleaned, lower case."""
    return clean_name(raw).lower()


def strip_accents(text: str) -> str:
    """The text without combining accents ("Baclofène" -> "Baclofene")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """The lookup form of a name: lower case, no accents, punctuation as single spaces."""
    plain = text if text.isascii() else strip_accents(text)
    return _NON_ALNUM.sub(" ", plain.casefold()).strip()


_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("ae", "e"),  # British and international spellings: "haem", "oestradiol"
    ("oe", "e"),
    ("th", "t"),
    ("ck", "k"),
    ("qu", "kw"),
    ("x", "ks"),
    ("c", "k"),
    ("z", "s"),
    ("y", "i"),
)
_REPEATS = re.compile(r"(.)\1+")


def phonetic_key(folded: str) -> str:
    """A sound-alike key of a folded name ("baclophen" and "baclofen" share one)."""
    key = folded.replace(" ", "")
    for spelling, sound in _PHONETIC_RULES:
        key = key.replace(spelling, sound)
    key = _REPEATS.sub(r"\1", key)
    return key[:-1] if len(key) > 4 and key.endswith("e") else key
