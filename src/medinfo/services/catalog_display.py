"""Catalog records as a reader expects them: "Lipitor" not "LIPITOR", "10 mg" not "EQ 10MG BASE"."""

from __future__ import annotations

import re
from functools import cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import CatalogDisplay

_WORD = re.compile(r"[A-Za-z]+")
_AMOUNT = re.compile(
    r"(\d(?:[\d.,]*\d)?)\s*(mg|mcg|g|ml|meq|mmol|iu|units?)(?![a-z])", re.IGNORECASE
)
_EQUIVALENT = re.compile(r"\beq\s+|\s+base\b", re.IGNORECASE)


@cache
def _upper_words() -> frozenset[str]:
    return frozenset(word.upper() for word in load(CatalogDisplay).upper_case_words)


def display_brand(name: str) -> str:
    """A brand name as written in prose: capital initials, release abbreviations kept."""
    if not name.isupper():
        return name  # written with care already ("EpiPen")
    kept = _upper_words()
    return _WORD.sub(
        lambda m: m.group() if m.group().upper() in kept else m.group().capitalize(), name
    )


def display_strength(raw: str) -> str:
    """A strength as a reader writes it: "EQ 10MG BASE" -> "10 mg", "5MG/ML" -> "5 mg/ml"."""
    plain = _EQUIVALENT.sub("", raw.strip()).lower()
    plain = _AMOUNT.sub(lambda m: f"{m.group(1)} {m.group(2)}", plain)
    return " ".join(plain.replace(";", "; ").split())
