"""Cue rules for label adverse reactions (negation, seriousness, frequency), loaded from JSON."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from medinfo.knowledge.extract_rules import AdverseReactionRules
from medinfo.knowledge.loading import any_of, load

_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%")
_FREQUENCY_GAP = re.compile(r"[^A-Za-z;\n]{0,60}")
_PROSE_PERCENT = re.compile(
    r"[^.;:\n%]{0,50}?\bin (?:about |approximately |up to )?(\d{1,3}(?:\.\d+)?)\s*%", re.I
)
# Words one of which every condition_before rule contains (a cheap test before the regex).
_CONDITION_WORDS = ("with", "who", "of", "for", "setting")
_LIST_REACH = 400  # how far back a list of conditions may have opened ("risk factors such as")
_BELOW = re.compile(r"(?:<|less than|fewer than|below|under)\s*(\d+(?:\.\d+)?)\s*%", re.I)
_LEAD_IN = re.compile(r"\b(?:including|such as|like|include[sd]?|e\.g\.)", re.I)
_BELOW_REACH = 4000  # how far back a list of rarer reactions may have opened
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z])")
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|\n\s*\n|\n\s*[*\u2022-]")


@dataclass(frozen=True)
class ReactionCues:
    """Compiled cue patterns; knowledge/extract/adverse_reactions.json says what each means."""

    negation_before: re.Pattern[str]
    negation_after: re.Pattern[str]
    serious: re.Pattern[str]
    serious_headings: re.Pattern[str]
    reaction_headings: re.Pattern[str]
    frequency_header: tuple[re.Pattern[str], ...]
    condition_before: re.Pattern[str]
    condition_list: re.Pattern[str]
    animal_study: re.Pattern[str]
    common_min_percent: float


@cache
def reaction_cues() -> ReactionCues:
    """The compiled cue rules of knowledge/extract/adverse_reactions.json."""
    raw = load(AdverseReactionRules)
    return ReactionCues(
        any_of(raw.negation_before),
        any_of(raw.negation_after),
        any_of(raw.serious_cues),
        any_of(raw.serious_headings),
        any_of(raw.reaction_headings),
        tuple(re.compile(p, re.IGNORECASE) for p in raw.frequency_header),
        any_of(raw.condition_before),
        any_of(raw.condition_list),
        any_of(raw.animal_study),
        raw.common_min_percent,
    )


_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
_SENTENCE_REACH = 400


def about_animals(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding text[start:end] reports animal or nonclinical findings
    ("in rats", "in the anesthetized rabbit", "animal studies"): not a fact about people."""
    left = max(0, start - _SENTENCE_REACH)
    breaks = list(_SENTENCE_BREAK.finditer(text, left, start))
    begin = breaks[-1].end() if breaks else left
    stop = _SENTENCE_BREAK.search(text, end, end + _SENTENCE_REACH)
    finish = stop.start() if stop else min(len(text), end + _SENTENCE_REACH)
    return reaction_cues().animal_study.search(text, begin, finish) is not None


@dataclass(frozen=True)
class _CueSpans:
    """Where each kind of cue stands in one text, as sorted (start, end) lists."""

    clause_ends: list[tuple[int, int]]
    negation_before: list[tuple[int, int]]
    negation_after: list[tuple[int, int]]
    serious: list[tuple[int, int]]
    headers: list[tuple[int, int, str]]  # list thresholds ('(>=2%)'): start, end, value
    below: list[tuple[int, int, str]]  # rarer lists ('in <2% of patients'): start, end, value


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@lru_cache(maxsize=16)
def _cue_spans(text: str) -> _CueSpans:
    """Every cue of a text, found in one pass each (texts are read mention by mention)."""
    cues = reaction_cues()
    return _CueSpans(
        _spans(_CLAUSE_END, text),
        _spans(cues.negation_before, text),
        _spans(cues.negation_after, text),
        _spans(cues.serious, text),
        sorted(
            (m.start(), m.end(), m.group("value"))
            for pattern in cues.frequency_header
            for m in pattern.finditer(text)
        ),
        [(m.start(), m.end(), m.group(1)) for m in _BELOW.finditer(text)],
    )


def _first_within(spans: list[tuple[int, int]], left: int, right: int) -> bool:
    """True when a span lies inside [left, right)."""
    index = bisect_left(spans, (left, -1))
    return index < len(spans) and spans[index][1] <= right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the previous to the next clause end or list break."""
    ends = _cue_spans(text).clause_ends
    index = bisect_left(ends, (start, -1))
    left = ends[index - 1][1] if index > 0 and ends[index - 1][1] <= start else 0
    following = bisect_left(ends, (end, -1))
    return left, ends[following][0] if following < len(ends) else len(text)


def is_negated(text: str, start: int, end: int) -> bool:
    """True when a cue in the same clause denies the reaction at text[start:end]."""
    spans = _cue_spans(text)
    left, right = clause_bounds(text, start, end)
    return _first_within(spans.negation_before, left, start) or _first_within(
        spans.negation_after, end, right
    )


def is_patient_condition(text: str, start: int) -> bool:
    """True when the words before a mention make it a condition the patient has."""
    window = text[max(0, start - 80) : start]
    lowered = window.lower()
    cues = reaction_cues()
    if any(word in lowered for word in _CONDITION_WORDS) and cues.condition_before.search(window):
        return True
    sentence = text[max(0, start - _LIST_REACH) : start]
    return "risk" in sentence.lower() and cues.condition_list.search(sentence) is not None


def is_serious_context(text: str, start: int, end: int) -> bool:
    """True when the clause of the span carries a seriousness cue ('serious', 'fatal'); in a
    list, only a cue of the span's own item or one that leads into the list counts."""
    left, right = clause_bounds(text, start, end)
    spans = _cue_spans(text).serious
    index = bisect_left(spans, (left, -1))
    cues = []
    while index < len(spans) and spans[index][0] < right:
        cues.append(spans[index])
        index += 1
    if not cues or text.count(",", left, right) < 2:
        return bool(cues)
    # A list: a cue holds for its own item ("fatal hepatic failure, dizziness"), or for every
    # item after a lead-in that follows it ("serious events, including X, Y and Z").
    item_left = text.rfind(",", left, start) + 1 or left
    item_right = text.find(",", end, right)
    item_right = right if item_right < 0 else item_right
    return any(
        (item_left <= cue_start and cue_end <= item_right)
        or (cue_end <= start and _LEAD_IN.search(text, cue_end, start) is not None)
        for cue_start, cue_end in cues
    )


def attached_frequency(text: str, end: int) -> str | None:
    """The percentage stated right after a mention: a table row ('Nausea 12% 5%' -> '12%'),
    a parenthesis ('rash (4%)') or prose ('occurred in 4% of patients')."""
    gap = _FREQUENCY_GAP.match(text, end)
    percent = _PERCENT.search(text, end, gap.end() + 8) if gap else None
    if percent is not None and "\n" not in text[end : percent.start()]:
        return f"{percent.group(1)}%"
    prose = _PROSE_PERCENT.match(text, end)
    return f"{prose.group(1)}%" if prose else None


def _last_between(
    spans: list[tuple[int, int, str]], left: int, right: int
) -> tuple[int, int, str] | None:
    """The last span starting at or after `left` and ending by `right`."""
    index = bisect_left(spans, (right, -1, ""))
    while index > 0:
        index -= 1
        span = spans[index]
        if span[0] < left:
            return None
        if span[1] <= right:
            return span
    return None


def header_frequency(text: str, start: int) -> str | None:
    """A threshold stated before a mention in its sentence ('(>=20%)' -> '>=20%'), or the
    upper bound of a list of rarer reactions opened before it in its paragraph ('events
    occurred in <2% of patients: ...' -> '<2%')."""
    spans = _cue_spans(text)
    paragraph = text.rfind("\n\n", 0, start) + 1
    best = _last_between(spans.headers, max(paragraph, start - 600), start)
    below = _last_between(spans.below, max(paragraph, start - _BELOW_REACH), start)
    if below is not None and (best is None or below[0] > best[0]):
        return f"<{below[2]}%"
    if best is None or _SENTENCE_BREAK.search(text, best[1], start):
        return None  # no threshold, or one stated for another sentence's list
    return f">={best[2]}%"


def is_common_frequency(frequency: str | None) -> bool:
    """Whether a stated frequency ('14%', '>=2%') reaches the common threshold of the rules."""
    if frequency is None or frequency.startswith("<"):
        return False
    found = re.search(r"\d+(?:\.\d+)?", frequency)
    return found is not None and float(found.group(0)) >= reaction_cues().common_min_percent
