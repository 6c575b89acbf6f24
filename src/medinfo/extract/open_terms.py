"""Reactions the vocabulary lacks, proposed from a medical head word and the words before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from medinfo.extract.meddra import TermMatcher, normalise_token, token_list
from medinfo.knowledge.extract_rules import OpenReactionTerms
from medinfo.knowledge.loading import load


@dataclass(frozen=True)
class OpenRules:
    """The compiled rules of knowledge/extract/open_reaction_terms.json."""

    head_ending: re.Pattern[str]
    modifier_ending: re.Pattern[str]
    not_heads: frozenset[str]
    not_modifiers: frozenset[str]
    british: tuple[tuple[str, str], ...]  # longest American form first
    max_modifiers: int


@cache
def open_rules() -> OpenRules:
    """The open-term rules, read once."""
    raw = load(OpenReactionTerms)
    ending = re.compile("(?:" + "|".join(raw.head_endings) + r")$", re.IGNORECASE)
    modifier = re.compile("(?:" + "|".join(raw.modifier_endings) + r")$", re.IGNORECASE)
    british = tuple(sorted(raw.british.items(), key=lambda item: -len(item[0])))
    return OpenRules(
        ending,
        modifier,
        frozenset(raw.not_heads),
        frozenset(raw.not_modifiers),
        british,
        raw.max_modifiers,
    )


def british_spelling(phrase: str) -> str:
    """The phrase in lower case with MedDRA's British spellings ('hemorrhage' -> 'haemorrhage')."""
    rules = open_rules().british
    words = []
    for word in phrase.lower().split():
        for american, british in rules:
            if word.startswith(american) and not word.startswith(british):
                word = british + word[len(american) :]
                break
        for american, british in rules:
            if word.endswith(american) and not word.endswith(british):
                word = word[: -len(american)] + british
                break
        words.append(word)
    return " ".join(words)


def _singular(word: str) -> str:
    """The last word of a proposed term in the singular, as preferred terms are written."""
    lowered = word.lower()
    return lowered if normalise_token(lowered) == lowered else normalise_token(lowered)


def _modifies(word: str, matcher: TermMatcher, rules: OpenRules) -> bool:
    """Whether a word may stand before a head in a term: a known term's word or an adjective."""
    if len(word) < 3 or word in rules.not_modifiers or word.isdigit():
        return False
    return word in matcher.term_words or rules.modifier_ending.search(word) is not None


@lru_cache(maxsize=65536)
def _medical_ending(word: str) -> bool:
    """Whether a (normalised) word ends like a disorder: -itis, -osis, -aemia ..."""
    return open_rules().head_ending.search(word) is not None


def _owners(tokens: list[tuple[int, int, str, bool]], taken: list[tuple[int, int]]) -> list[int]:
    """For each token, the index of the taken span holding it, else -1."""
    owner = [-1] * len(tokens)
    spans = sorted(taken)
    index = 0
    for position, token in enumerate(tokens):
        while index < len(spans) and spans[index][1] <= token[0]:
            index += 1
        if index < len(spans) and spans[index][0] <= token[0] and token[1] <= spans[index][1]:
            owner[position] = index
    return owner


def open_spans(
    text: str, matcher: TermMatcher, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(start, end, proposed preferred term) for medical phrases the vocabulary did not match.

    A phrase ends on a head word (the last word of a known term, or a medical ending) and takes
    up to `max_modifiers` joined words before it that occur in known terms or read as
    adjectives. A phrase inside a vocabulary match is left to the vocabulary; one that covers
    a match is proposed beside it."""
    rules = open_rules()
    tokens, words = token_list(text)
    owner = _owners(tokens, taken)
    found = []
    for index, (_start, end, word, _) in enumerate(tokens):
        normal = words[index]
        if len(normal) < 4 or normal in rules.not_heads:
            continue
        medical = _medical_ending(normal)
        if not medical and normal not in matcher.term_heads:
            continue
        first = index
        while (
            index - first < rules.max_modifiers
            and first > 0
            and tokens[first][3]
            and _modifies(words[first - 1], matcher, rules)
        ):
            first -= 1
        if first == index and not medical:
            continue  # a known term's head alone ('infection') is the vocabulary's business
        if owner[index] >= 0 and owner[first] == owner[index]:
            continue  # inside one vocabulary match
        phrase = " ".join([*(token[2] for token in tokens[first:index]), _singular(word)])
        found.append((tokens[first][0], end, british_spelling(phrase)))
    return found
