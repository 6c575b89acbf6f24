"""Reading a statement before taking facts from it: its polarity, subject, populations, place.

Every sentence, list item or table cell is read once into a `Reading` (rules in
knowledge/extract/reading.json): which clauses deny something ("does not interact with"), which are
conjecture ("researchers are studying whether"), which speak of another drug ("unlike beta
blockers, which..."), which say two things go together harmlessly, and which say a condition
needs no change. Fact extractors ask the reading whether a span is asserted; a negated or
hypothetical clause never yields a positive fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from medinfo.knowledge.extract_rules import ReadingRules
from medinfo.knowledge.loading import any_of, each_of, load

_SPAN_KINDS = ("negated", "hypothetical", "other_subject", "compatible", "no_concern")

Span = tuple[int, int]


class Polarity(StrEnum):
    """What a statement does with its claim."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"
    HYPOTHETICAL = "hypothetical"
    CONDITIONAL = "conditional"


class Subject(StrEnum):
    """Whom or what a statement is about."""

    THIS_DRUG = "this_drug"
    OTHER_DRUG = "other_drug"
    GROUP = "group"
    PEOPLE = "people"


class Place(StrEnum):
    """The role of a statement's place in its document; earlier members outrank later ones."""

    DEDICATED = "dedicated"  # a section about the topic (Dosage, Side effects...)
    SUMMARY = "summary"  # a key-facts table or summary box
    FAQ_ANSWER = "faq_answer"
    INTRODUCTION = "introduction"  # opening paragraphs, general text
    ANECDOTE = "anecdote"  # a personal account of what someone was told ("my GP said ...")
    ADVERT = "advert"  # advertisement, navigation, links

    @property
    def rank(self) -> int:
        return list(Place).index(self)


@dataclass(frozen=True)
class _Rules:
    clause_break: re.Pattern[str]
    spans: dict[str, re.Pattern[str]]
    conditional: re.Pattern[str]
    people: re.Pattern[str]
    group: re.Pattern[str]
    populations: dict[str, re.Pattern[str]]
    advert: re.Pattern[str]
    summary_label: re.Pattern[str] | None
    rebuttal: re.Pattern[str] | None
    refers_back: re.Pattern[str] | None


@cache
def _rules() -> _Rules:
    raw = load(ReadingRules)
    return _Rules(
        clause_break=any_of(raw.clause_break),
        spans={kind: any_of(getattr(raw, kind)) for kind in _SPAN_KINDS},
        conditional=any_of(raw.conditional),
        people=any_of(raw.people_subject),
        group=any_of(raw.group_subject),
        populations=each_of(raw.populations),
        advert=any_of(raw.advert),
        summary_label=any_of(raw.summary_label) if raw.summary_label else None,
        rebuttal=any_of(raw.rebuttal) if raw.rebuttal else None,
        refers_back=any_of(raw.refers_back) if raw.refers_back else None,
    )


@dataclass(frozen=True)
class Reading:
    """How one statement reads: spans of each kind of clause, its polarity, subject and the
    populations it names."""

    text: str
    spans: dict[str, tuple[Span, ...]]
    polarity: Polarity
    subject: Subject
    populations: frozenset[str]

    def within(self, kind: str, start: int, end: int) -> bool:
        """Whether text[start:end] stands inside a clause of `kind` (e.g. "negated")."""
        return any(s <= start and end <= e for s, e in self.spans.get(kind, ()))

    def asserted(self, start: int, end: int) -> bool:
        """Whether a term at text[start:end] is claimed: not denied, not conjecture and not
        said of another drug."""
        return not any(
            self.within(kind, start, end) for kind in ("negated", "hypothetical", "other_subject")
        )

    def blanked(self, *kinds: str) -> str:
        """The text with the clauses of `kinds` blanked out (offsets kept)."""
        chars = list(self.text)
        for kind in kinds:
            for start, end in self.spans.get(kind, ()):
                chars[start:end] = " " * (end - start)
        return "".join(chars)


# Statements whose readings are kept: a document reads each of its statements many times
# (once per extractor), and labels repeat boilerplate; bounded, so that a worker's memory
# stays flat over a national-scale run (about 5 kB an entry: at most ~80 MB a worker).
READING_CACHE = 16384


@lru_cache(maxsize=READING_CACHE)
def is_advert(text: str) -> bool:
    """Whether a statement is an advertisement or navigation ("Sponsored", "MUST READ")."""
    return _rules().advert.search(text) is not None


def opens_with_summary_label(text: str) -> bool:
    """Whether a paragraph opens with a summary label ("IN SHORT: ...", "At a glance: ...")."""
    pattern = _rules().summary_label
    return pattern is not None and pattern.search(text) is not None


def corrects_a_claim(text: str) -> bool:
    """Whether a paragraph explicitly corrects an earlier claim ("@Tom, I'd disagree",
    "that's a myth")."""
    pattern = _rules().rebuttal
    return pattern is not None and pattern.search(text) is not None


def refers_back(text: str) -> bool:
    """Whether a statement goes on about the people the sentence before it named ("They
    usually start on 10 mg", "The ceiling for this age group is ...")."""
    pattern = _rules().refers_back
    return pattern is not None and pattern.search(text) is not None


def _clauses(text: str) -> list[Span]:
    cuts = [0]
    for found in _rules().clause_break.finditer(text):
        cuts += [found.start(), found.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i] < cuts[i + 1]]


def _clause_of(clauses: list[Span], position: int) -> Span:
    for start, end in clauses:
        if start <= position < end:
            return start, end
    return 0, 0


def _bracket_around(text: str, position: int, clause: Span) -> Span | None:
    """The bracket of the clause that holds `position` ("(in people whose kidneys don't work
    well)"), closing bracket included; None outside brackets."""
    opened = text.rfind("(", clause[0], position)
    if opened < 0 or ")" in text[opened:position]:
        return None
    closed = text.find(")", position, clause[1])
    return (opened, closed + 1) if closed >= 0 else None


def _cue_spans(kind: str, text: str, clauses: list[Span], names: tuple[str, ...]) -> list[Span]:
    """Where each cue of `kind` reaches: its clause, or only the bracket it stands in."""
    spans: list[Span] = []
    for cue in _rules().spans[kind].finditer(text):
        start, end = _clause_of(clauses, cue.start())
        start, end = _bracket_around(text, cue.start(), (start, end)) or (start, end)
        if kind == "other_subject" and names:
            # "Unlike beta blockers, which ..., amlodipine is ...": up to this drug's name
            lowered = text.lower()
            found = [p for n in names if (p := lowered.find(n, cue.end(), end)) >= 0]
            end = min(found) if found else end
            start = cue.start()
        spans.append((start, end))
    return spans


@lru_cache(maxsize=READING_CACHE)
def read_text(text: str, names: tuple[str, ...] = ()) -> Reading:
    """The reading of one statement; `names` are this drug's names in lower case."""
    rules = _rules()
    clauses = _clauses(text)
    spans = {kind: tuple(_cue_spans(kind, text, clauses, names)) for kind in _SPAN_KINDS}
    first = clauses[0] if clauses else (0, len(text))
    polarity = Polarity.AFFIRMED
    if spans["hypothetical"]:
        polarity = Polarity.HYPOTHETICAL
    elif any(s <= first[0] < e for s, e in spans["negated"]):
        polarity = Polarity.NEGATED
    elif rules.conditional.match(text):
        polarity = Polarity.CONDITIONAL
    subject = Subject.THIS_DRUG
    if any(s <= first[0] + 8 and e >= first[1] - 1 for s, e in spans["other_subject"]):
        subject = Subject.OTHER_DRUG
    elif rules.group.match(text) and not any(n in text.lower()[:40] for n in names):
        subject = Subject.GROUP
    elif rules.people.match(text):
        subject = Subject.PEOPLE
    populations = frozenset(k for k, p in rules.populations.items() if p.search(text))
    return Reading(text, spans, polarity, subject, populations)


def population_spans(text: str) -> list[tuple[int, int, str]]:
    """Where `text` names each population it names (first mention), in text order."""
    found = []
    for population, pattern in _rules().populations.items():
        match = pattern.search(text)
        if match:
            found.append((match.start(), match.end(), population))
    return sorted(found)
