"""Laboratory terms named by a change or a threshold around an analyte: 'increases in serum
potassium', 'ALT > 3 x ULN'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from medinfo.extract.coordinated_terms import CoordinatedTerm
from medinfo.extract.meddra import Term, TermMatcher, phrase_key, token_list
from medinfo.knowledge.extract_rules import LabChangeWords
from medinfo.knowledge.loading import load

_WORD_GAP = re.compile(r"[ \t\-]{1,3}")  # between two words of one phrase
_WORD = re.compile(r"[A-Za-z0-9]+")  # the words phrase_key reads
_ABOVE = r"(?:>=?|\u2265|greater than(?: or equal to)?|more than|higher than|above|exceeding)"
_BELOW = r"(?:<=?|\u2264|less than(?: or equal to)?|lower than|below|under)"
_TIMES_ULN = r"(?:\d+(?:\.\d+)?\s*(?:x|\u00d7|\*|times)\s*(?:the\s+)?(?:ULN|upper limit))"
_THRESHOLD = re.compile(
    rf"(?P<analyte>[A-Za-z][A-Za-z0-9\- ]{{0,60}}?)\s*(?:\([^()]{{1,15}}\)\s*)?"
    rf"(?:(?P<above>{_ABOVE}\s*\d|{_TIMES_ULN})|(?P<below>{_BELOW}\s*\d))",
    re.IGNORECASE,
)
Token = tuple[int, int, str, bool]


@dataclass(frozen=True)
class LabWords:
    """The compiled words of knowledge/extract/lab_changes.json."""

    suffix_of: dict[str, str]  # direction word -> 'increased', 'decreased' or 'abnormal'
    links: frozenset[str]
    specimens: frozenset[str]
    measures: frozenset[str]
    max_words: int


@cache
def lab_words() -> LabWords:
    """The laboratory change words, read once."""
    raw = load(LabChangeWords)
    suffix_of: dict[str, str] = {
        word: suffix for suffix, words in raw.directions.items() for word in words
    }
    return LabWords(
        suffix_of,
        frozenset(raw.links),
        frozenset(raw.specimens),
        frozenset(raw.measures),
        raw.max_analyte_words,
    )


def _analyte_term(matcher: TermMatcher, analyte: tuple[str, ...], suffix: str) -> Term | None:
    """The known '<analyte> <suffix>' term, also with MedDRA's 'blood' first or in MedDRA's
    word order ('systolic blood pressure' -> 'blood pressure systolic increased')."""
    for key in ((*analyte, suffix), ("blood", *analyte, suffix)):
        term = matcher.term_of(key) or matcher.term_in_other_order(key)
        if term is not None:
            return term
    return None


def _readings(words: list[str], measures: frozenset[str]) -> Iterator[tuple[str, ...]]:
    """The analyte as written, then without its trailing measure words ('potassium level')."""
    yield tuple(words)
    while words and words[-1] in measures:
        words = words[:-1]
        if words:
            yield tuple(words)


def _phrase_end(text: str, tokens: list[Token], first: int, limit: int) -> int:
    """The index after the last token from `first` that one phrase holds (at most `limit`)."""
    last = first
    while last + 1 < min(limit, len(tokens)) and _WORD_GAP.fullmatch(
        text, tokens[last][1], tokens[last + 1][0]
    ):
        last += 1
    return last + 1


def _after_direction(
    text: str, tokens: list[Token], words: list[str], index: int, matcher: TermMatcher
) -> CoordinatedTerm | None:
    """The term of a direction word and the analyte after it: 'elevated serum lipase'."""
    rules = lab_words()
    suffix = rules.suffix_of[words[index]]
    first = index + 1
    while first < len(tokens) and (words[first] in rules.links or words[first] in rules.specimens):
        if not _WORD_GAP.fullmatch(text, tokens[first - 1][1], tokens[first][0]):
            return None
        first += 1
    if first >= len(tokens) or not _WORD_GAP.fullmatch(
        text, tokens[first - 1][1], tokens[first][0]
    ):
        return None
    end = _phrase_end(text, tokens, first, first + rules.max_words)
    for last in range(end, first, -1):
        for analyte in _readings(words[first:last], rules.measures):
            term = _analyte_term(matcher, analyte, suffix)
            if term is not None:
                return _found(text, tokens, index, last - 1, term)
    return None


def _before_direction(
    text: str, tokens: list[Token], words: list[str], index: int, matcher: TermMatcher
) -> CoordinatedTerm | None:
    """The term of an analyte and the direction word after it: 'ALT elevations'."""
    rules = lab_words()
    suffix = rules.suffix_of[words[index]]
    first = index
    while first > 0 and index - first < rules.max_words:
        if not _WORD_GAP.fullmatch(text, tokens[first - 1][1], tokens[first][0]):
            break
        first -= 1
    for start in range(first, index):
        for analyte in _readings(words[start:index], rules.measures):
            term = _analyte_term(matcher, analyte, suffix)
            if term is not None:
                return _found(text, tokens, start, index, term)
    return None


def _found(text: str, tokens: list[Token], first: int, last: int, term: Term) -> CoordinatedTerm:
    start, end = tokens[first][0], tokens[last][1]
    return CoordinatedTerm(start, end, text[start:end], term)


def change_terms(text: str, matcher: TermMatcher) -> list[CoordinatedTerm]:
    """Known '<analyte> increased/decreased/abnormal' terms that a change word and an analyte
    name around each other ('increases in plasma glucose', 'low platelet counts', 'ALT
    elevations'), where the phrase is not itself a vocabulary term (the matcher reads those)."""
    tokens, words = token_list(text)
    suffix_of = lab_words().suffix_of
    found = []
    for index, word in enumerate(words):
        if word not in suffix_of:
            continue
        for reading in (
            _after_direction(text, tokens, words, index, matcher),
            _before_direction(text, tokens, words, index, matcher),
        ):
            if reading is not None and matcher.term_of(phrase_key(reading.text)) is None:
                found.append(reading)
    return found


def threshold_terms(text: str, matcher: TermMatcher) -> list[CoordinatedTerm]:
    """Known '<analyte> increased/decreased' terms that an analyte and a threshold name
    ('serum ALT > 3 x ULN', 'glucose below 63 mg/dL'); the longest known analyte ending the
    words before the threshold."""
    rules = lab_words()
    found = []
    for hit in _THRESHOLD.finditer(text):
        spans = [word.span() for word in _WORD.finditer(hit.group("analyte"))]
        words = list(phrase_key(hit.group("analyte")))
        suffix = "increased" if hit.group("above") else "decreased"
        for size in range(min(rules.max_words, len(words)), 0, -1):
            term = next(
                (
                    known
                    for analyte in _readings(words[-size:], rules.measures)
                    if (known := _analyte_term(matcher, analyte, suffix)) is not None
                ),
                None,
            )
            if term is not None:
                start = hit.start("analyte") + spans[len(words) - size][0]
                end = hit.end("analyte")
                found.append(CoordinatedTerm(start, end, text[start:end], term))
                break
    return found
