"""Plain normalisation of medicine names: case, punctuation, plurals, salts and combinations.

These are the text rules every name comparison shares; matching a name to a catalog entry
(brands, misspellings) is the name resolver's work in `services`, which builds on these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import CatalogDisplay, CatalogNames

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_KEEP_FINAL_S = ("ss", "us", "is")


def normalize_name(text: str) -> str:
    """Lower-case words without punctuation or plural -s: "CNS Depressants" -> "cns depressant"."""
    words = _NON_WORD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")).split()
    return " ".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_FINAL_S):
        return word[:-1]
    return word


@cache
def _salt_words() -> frozenset[str]:
    return frozenset(normalize_name(word) for word in load(CatalogNames).salt_words)


@cache
def _separators() -> re.Pattern[str]:
    listed = sorted(load(CatalogNames).combination_separators, key=len, reverse=True)
    return re.compile("|".join(re.escape(separator.lower()) for separator in listed))


def without_salt(name: str) -> str:
    """The normalised name without trailing salt words: "Oxycodone HCl" stays, "oxycodone
    hydrochloride" -> "oxycodone"; a name that is all salt words is kept whole."""
    words = normalize_name(name).split()
    salts = _salt_words()
    while len(words) > 1 and words[-1] in salts:
        words.pop()
    return " ".join(words)


_ACID = re.compile(r"\b(\w+)ic acid\b")


def acid_as_anion(name: str) -> str:
    """A medicine named as an acid by the name of its anion, as US names write it: "alendronic
    acid" -> "alendronate", "valproic acid" -> "valproate"; other names unchanged."""
    return _ACID.sub(r"\1ate", name.lower())


def components(name: str) -> tuple[str, ...]:
    """The normalised, salt-free parts of a combination ("hydrocodone/acetaminophen"); one part
    for a single medicine; none for an empty name."""
    parts = _separators().split(f" {name.lower()} ")
    found = (without_salt(part) for part in parts)
    return tuple(dict.fromkeys(part for part in found if part))


def one_covered_part(name: str, covered: Callable[[str], bool]) -> tuple[str, list[str]] | None:
    """The one part of a combination that `covered` accepts (a medicine medinfo has sources
    about) and the other parts; None for a single medicine or when not exactly one is."""
    parts = components(name)
    found = [part for part in parts if covered(part)]
    if len(parts) < 2 or len(found) != 1:
        return None
    return found[0], [part for part in parts if part != found[0]]


@cache
def _upper_words() -> frozenset[str]:
    return frozenset(word.upper() for word in load(CatalogDisplay).upper_case_words)


def brand_in_prose(name: str) -> str:
    """A brand name as written in prose: "LIPITOR" -> "Lipitor", release abbreviations kept
    ("PROZAC WEEKLY" -> "Prozac Weekly", "EFFEXOR XR" -> "Effexor XR"); a name written with
    care already ("EpiPen") is left as it is."""
    if not name.isupper():
        return name
    kept = _upper_words()
    return _LETTERS.sub(
        lambda m: m.group() if m.group().upper() in kept else m.group().capitalize(), name
    )


_ACID = re.compile(r"^([a-z]{4,})ic acid$")
# "valproate", and an anion with its salt or ester word ("mycophenolate mofetil")
_ANION = re.compile(r"^([a-z]{4,})ate(?:\s+[a-z]+)?$")


def acid_twin(name: str) -> str | None:
    """The other usual name of a medicine named as an acid or as its anion ("alendronic acid"
    <-> "alendronate", "valproate" <-> "valproic acid", "mycophenolate mofetil" ->
    "mycophenolic acid"): both name the same medicine."""
    plain = normalize_name(name)
    acid = _ACID.match(plain)
    if acid:
        return f"{acid.group(1)}ate"
    anion = _ANION.match(plain)
    return f"{anion.group(1)}ic acid" if anion else None
