"""Side effects in reviews folded to the extraction vocabulary's terms, and matched to sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from medinfo.domain.errors import InputError
from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.extract.terms import Vocabulary, normalise, vocabulary
from medinfo.services.reviews.rules import read_rule_file

# Longest free-text side effect kept as its own term when the vocabulary does not know it.
MAX_TERM_CHARS = 80
_FILE = "rules/mentions.json"
_SPLIT = re.compile(r"[,;/\n]|\band\b|\bor\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+")


def side_effect_vocabulary() -> Vocabulary:
    return vocabulary("side_effects")


def fold_side_effect(text: str) -> str:
    """The vocabulary term a side effect means, else its normalised words ("" when empty)."""
    words = normalise(text)
    if not words:
        return ""
    term = side_effect_vocabulary().lookup(words)
    return term.term if term is not None else words[:MAX_TERM_CHARS]


def fold_reported(entries: Iterable[str]) -> list[str]:
    """Terms of side effects a reviewer picked or typed, each entry split at commas and "and".

    An entry the vocabulary knows as a whole ("blurred or double vision") stays whole; one
    that mentions known terms yields those terms; anything else is kept as typed.
    """
    terms: dict[str, None] = {}
    for entry in entries:
        whole = side_effect_vocabulary().lookup(entry)
        if whole is not None:
            terms.setdefault(whole.term, None)
            continue
        for part in _SPLIT.split(entry):
            found = find_side_effects(part)
            for term in found or [fold_side_effect(part)]:
                if term:
                    terms.setdefault(term, None)
    return list(terms)


def find_side_effects(text: str) -> list[str]:
    """Vocabulary terms the text says the reviewer had: negated mentions ("no nausea") skipped."""
    rules = mention_rules()
    terms: dict[str, None] = {}
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group()
        for match in side_effect_vocabulary().find(chunk):
            before = " ".join(chunk[: match.start].split()[-rules.window_words :])
            if not before or rules.cue.search(before) is None:
                terms.setdefault(match.key, None)
    return list(terms)


def monograph_side_effects(monograph: Monograph) -> dict[str, SideEffect]:
    """The monograph's side effects keyed by their folded term."""
    keyed: dict[str, SideEffect] = {}
    for item in monograph.side_effects:
        keyed.setdefault(fold_side_effect(item.term), item)
    return keyed


@dataclass(frozen=True)
class MentionRules:
    """Negation cues that cancel a side-effect mention within a window of words before it."""

    window_words: int
    cue: re.Pattern[str]


def parse_mention_rules(raw: object) -> MentionRules:
    """Rules from the JSON of rules/mentions.json; InputError names the bad entry."""
    if not isinstance(raw, dict):
        raise InputError(f"{_FILE}: expected an object")
    unknown = set(raw) - {"_comment", "window_words", "negation_cues"}
    if unknown:
        raise InputError(f"{_FILE}: unknown keys {sorted(unknown)}")
    window, cues = raw.get("window_words"), raw.get("negation_cues")
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 20:
        raise InputError(f"{_FILE}: 'window_words' must be a whole number from 1 to 20")
    if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c for c in cues):
        raise InputError(f"{_FILE}: 'negation_cues' must be a non-empty list of strings")
    body = "|".join(re.escape(cue) for cue in sorted(set(cues), key=len, reverse=True))
    return MentionRules(window, re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))


@cache
def mention_rules() -> MentionRules:
    """The packaged mention rules, loaded and validated once."""
    raw = read_rule_file(_FILE)
    return parse_mention_rules(raw)
