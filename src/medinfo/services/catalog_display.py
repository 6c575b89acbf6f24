"""Catalog strengths as a reader expects them: "10 mg", not "EQ 10MG BASE"."""

from __future__ import annotations

import re

_AMOUNT = re.compile(
    r"(\d(?:[\d.,]*\d)?)\s*(mg|mcg|g|ml|meq|mmol|iu|units?)(?![a-z])", re.IGNORECASE
)
_EQUIVALENT = re.compile(r"\beq\s+|\s+base\b", re.IGNORECASE)


def display_strength(raw: str) -> str:
    """A strength as a reader writes it: "EQ 10MG BASE" -> "10 mg", "5MG/ML" -> "5 mg/ml"."""
    plain = _EQUIVALENT.sub("", raw.strip()).lower()
    plain = _AMOUNT.sub(lambda m: f"{m.group(1)} {m.group(2)}", plain)
    return " ".join(plain.replace(";", "; ").split())
