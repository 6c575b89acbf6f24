"""Drug-name normalisation: folding, phonetic keys, salts, combinations and noisy synonyms."""

from __future__ import annotations

import re
from collections.abc import Callable

from medinfo.domain.names import fold, strip_accents
from medinfo.services.catalog.vocabulary import NameRules

_INGREDIENT_SPLIT = re.compile(r"[;:]\s*(?![^()]*\))")
_SALT_PAIR_SPLIT = re.compile(r"/(?=\S+ \S+$)")
_SERIES_SPLIT = re.compile(r",? and |, ")
_STRENGTH = re.compile(r"\d+[a-z]{0,3}")  # "10", "10mg", "325"
_UNIT_LENGTH = 3  # a short word after a number is its unit: "0 5 mg"
_LATIN_LIMIT = 0x024F


def without_strength(folded: str) -> str:
    """A folded name without its trailing strength: "advair diskus 100 50" -> "advair diskus",
    "lisinopril 10mg" -> "lisinopril", "xanax 0 5 mg" -> "xanax"; "vitamin b12" stays."""
    words = folded.split()
    while len(words) > 1:
        last = words[-1]
        unit = last.isalpha() and len(last) <= _UNIT_LENGTH and _STRENGTH.fullmatch(words[-2])
        if not (_STRENGTH.fullmatch(last) or unit):
            break
        words.pop()
    return " ".join(words)


def split_ingredients(active_ingredient: str) -> list[str]:
    """The components of a Drugs@FDA ActiveIngredient value, lower case, in source order.

    Components are separated by ";" or ":"; "A/A SALT" names two forms of one ingredient and
    "A, B, and C" a series. Semicolons inside parentheses ("TRIPLE SULFA (A;B;C)") do not split.
    """
    components: list[str] = []
    for part in _INGREDIENT_SPLIT.split(active_ingredient.lower()):
        pieces = _SERIES_SPLIT.split(part) if ", and " in part else _SALT_PAIR_SPLIT.split(part)
        components.extend(" ".join(piece.split()) for piece in pieces if piece.strip())
    return components


def base_name(ingredient: str, is_known: Callable[[str], bool], rules: NameRules) -> str:
    """The drug an ingredient names once salt words are removed ("oxycodone hydrochloride" ->
    "oxycodone"), but only when the shorter name is itself a known drug; else the ingredient.
    """
    words = ingredient.split()
    while len(words) > 1 and words[-1] in rules.salt_words:
        words.pop()
        candidate = " ".join(words).rstrip(",")
        if is_known(candidate):
            return candidate
    return ingredient


def is_latin(text: str) -> bool:
    """Whether every letter of the text, accents removed, is in the Latin script."""
    return all(ord(char) <= _LATIN_LIMIT for char in strip_accents(text))


def is_clean_synonym(name: str, rules: NameRules) -> bool:
    """Whether a DrugBank synonym looks like a name people use (not a chemical name or code)."""
    limits = rules.synonym_filter
    lowered = name.strip().lower()
    if not lowered or len(lowered) > limits.max_length or not is_latin(lowered):
        return False
    if limits.drop_if_contains_digit and any(char.isdigit() for char in lowered):
        return False
    if any(char in limits.drop_characters for char in lowered):
        return False
    return not lowered.startswith(limits.drop_chemical_prefixes)


def is_generic_label(drug_name: str, ingredients: list[str], rules: NameRules) -> bool:
    """Whether a Drugs@FDA DrugName only restates its ingredients (so it is not a brand)."""
    allowed = {word for ingredient in ingredients for word in fold(ingredient).split()}
    allowed |= rules.generic_name_words
    words = [word for word in fold(drug_name).split() if not word[0].isdigit()]
    return all(word in allowed for word in words)


def is_strength(folded: str) -> bool:
    """Whether a folded text is only a strength: "325", "5 mg", "0 5 mg"."""
    words = folded.split()
    if not words or _STRENGTH.fullmatch(words[0]) is None:
        return False
    return all(_STRENGTH.fullmatch(w) or (w.isalpha() and len(w) <= _UNIT_LENGTH) for w in words)


def split_combination(text: str, rules: NameRules) -> list[str]:
    """The parts of a typed combination ("hydrocodone/acetaminophen" -> two names)."""
    marked = f" {text.strip().lower()} "
    for separator in rules.combination_separators:
        marked = marked.replace(separator, "\x00")
    return [" ".join(part.split()) for part in marked.split("\x00") if part.strip()]
