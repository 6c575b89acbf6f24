"""Features of one candidate reaction (a preferred term's mentions in one label text)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from medinfo.extract.meddra import phrase_key

_WORD = re.compile(r"[A-Za-z]+")
_DIGIT_AFTER = re.compile(r"[ \t]*[(:]?[ \t]*[<>=≥≤]*[ \t]*\d")
_CONTEXT_REACH = 48  # characters read on each side of a mention for its context words
_CONTEXT_MENTIONS = 3  # the mentions whose surroundings are read
_SENTENCE_REACH = 160  # characters read on each side of a mention for its sentence words
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

Features = dict[str, float]
Prior = tuple[int, int]  # (labels in which the rules proposed it, labels whose gold has it)


@dataclass(frozen=True)
class Candidate:
    """One mention the rules propose, and the rule cues that speak against it."""

    start: int
    end: int
    text: str
    pt: str
    code: int | None = None
    condition: bool = False  # "patients with X", or listed with such a condition
    outcome: bool = False  # an outcome word ("fatal") qualifying a reaction next to it
    negated: bool = False
    frequency: bool = False  # a percentage or threshold stands with it
    stated: str | None = None  # that frequency as written ('12%', '>=2%', '<1%')
    abbreviation: bool = False
    open: bool = False  # proposed from its head word, not from the vocabulary (open_terms)
    covered: bool = False  # inside a longer candidate ('pain' in 'suprapubic pain')
    covers: bool = False  # holds a shorter candidate
    listed: bool = False  # an item of a list whose next or previous item is a vocabulary term
    coordinated: bool = False  # one listed word with the words it shares ('hepatic ... failure')


def _last_char(text: str, start: int) -> str:
    """A class of the character before a mention: list comma, bullet, line start, bracket..."""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0:
        return "start"
    char = text[index]
    if char == "\n":
        return "line"
    if char in ",;":
        return "comma"
    if char in "*\u2022-":
        return "bullet"
    if char in ":(":
        return "open"
    if char.isalpha():
        return "word"
    return "other"


def _context(text: str, candidate: Candidate) -> list[str]:
    """Context word features: two words before, one after, the mark before, a number after."""
    before = _WORD.findall(text[max(0, candidate.start - _CONTEXT_REACH) : candidate.start])
    after = _WORD.findall(text[candidate.end : candidate.end + _CONTEXT_REACH])
    names = [f"before:{_last_char(text, candidate.start)}"]
    if before:
        names.append(f"w-1:{before[-1].lower()}")
    if len(before) > 1:
        names.append(f"w-2:{before[-2].lower()}")
    if after:
        names.append(f"w+1:{after[0].lower()}")
    if _DIGIT_AFTER.match(text, candidate.end):
        names.append("number_after")
    return names


def _sentence_words(text: str, candidate: Candidate) -> set[str]:
    """The words of the sentence (or line) around a mention, outside the mention."""
    left = max(0, candidate.start - _SENTENCE_REACH)
    before = text[left : candidate.start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    after = text[candidate.end : candidate.end + _SENTENCE_REACH]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    words = _WORD.findall(before) + _WORD.findall(after)
    return {f"s:{word.lower()}" for word in words if len(word) > 2}


def _log_odds(prior: Prior) -> float:
    proposed, marked = prior
    return math.log((marked + 0.5) / (proposed - marked + 0.5))


def candidate_features(
    text: str,
    candidates: Sequence[Candidate],
    serious_section: bool,
    priors: Mapping[str, Prior],
) -> Features:
    """The features of one preferred term's candidate mentions in one text (all of one PT).

    `priors` holds, per preferred term and per written phrase, in how many training labels the
    rules proposed it and in how many of those the annotators marked its preferred term."""
    first = candidates[0]
    pt = first.pt.lower()
    features: Features = {"bias": 1.0, "serious_section": float(serious_section)}
    first_key = phrase_key(first.text)
    for name, key in (("pt", pt), ("phrase", " ".join(first_key))):
        prior = priors.get(f"{name}:{key}")
        if prior is None or prior[0] == 0:
            features[f"{name}_unseen"] = 1.0
        else:
            features[f"{name}_log_odds"] = _log_odds(prior)
            features[f"{name}_support"] = math.log1p(prior[0])
    count = len(candidates)
    features["mentions"] = math.log1p(count)
    for flag in (
        "condition",
        "outcome",
        "negated",
        "frequency",
        "abbreviation",
        "open",
        "covered",
        "covers",
        "listed",
        "coordinated",
    ):
        share = sum(getattr(c, flag) for c in candidates) / count
        if share:
            features[flag] = share
            features[f"all_{flag}"] = float(share == 1.0)
    plain = [c for c in candidates if not (c.condition or c.outcome or c.negated)]
    if not plain:
        features["no_plain_mention"] = 1.0
    features["position"] = first.start / max(len(text), 1)
    features["words"] = min(len(first_key), 5) / 5
    for candidate in candidates[:_CONTEXT_MENTIONS]:
        for name in _context(text, candidate):
            features[name] = 1.0
        for name in _sentence_words(text, candidate):
            features[name] = 1.0
    return features
