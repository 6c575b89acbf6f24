"""Side effects in reviews folded to the extraction vocabulary's terms, and matched to sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.extract.terms import Vocabulary, normalise, vocabulary
from medinfo.knowledge import service_rules as rules
from medinfo.knowledge.loading import load

# Longest free-text side effect kept as its own term when the vocabulary does not know it.
MAX_TERM_CHARS = 80
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


@cache
def mention_rules() -> MentionRules:
    """The mention rules of knowledge/reviews/mentions.json, loaded and validated once."""
    raw = load(rules.MentionRules)
    cues = sorted(set(raw.negation_cues), key=len, reverse=True)
    body = "|".join(re.escape(cue) for cue in cues)
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return MentionRules(raw.window_words, pattern)
