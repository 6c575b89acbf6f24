"""Phrasing: a draft answer's sentences and citations, and facts put into medinfo's words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Attributed, Claim, DoseSpec, Monograph

WEAK_FLAG = "single_weak_source"
_TIMES = {1: "once a day", 2: "twice a day", 3: "three times a day", 4: "four times a day"}
_ROUTES = {"oral": "by mouth", "intrathecal": "into the spinal fluid (intrathecal)"}
_QUOTE_LIMIT = 280


@dataclass
class Draft:
    """An answer being written: its sentences and the evidence spans that back them."""

    sentences: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    _cited: set[tuple[str, int, int, str]] = field(default_factory=set, repr=False)

    def say(self, sentence: str, *backing: Attributed | Claim) -> None:
        """Add a sentence and cite the evidence of the facts it states."""
        self.sentences.append(sentence)
        self.cite(*backing)

    def cite(self, *backing: Attributed | Claim) -> None:
        for item in backing:
            for evidence in item.evidence:
                self.add(
                    Citation(
                        source=evidence.source,
                        start=evidence.start,
                        end=evidence.end,
                        section=evidence.section,
                    )
                )

    def add(self, *citations: Citation) -> None:
        """Cite each span once, in order; a set makes this linear in the number of citations."""
        for citation in citations:
            key = (citation.source, citation.start, citation.end, citation.section)
            if key not in self._cited:
                self._cited.add(key)
                self.citations.append(citation)

    @property
    def grounded(self) -> bool:
        """Whether the draft states at least one fact with evidence."""
        return bool(self.citations)

    def text(self) -> str:
        return " ".join(self.sentences)


def drug_title(monograph: Monograph) -> str:
    """The drug's name as it starts a sentence."""
    return monograph.drug[:1].upper() + monograph.drug[1:]


_RANGE = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*[-\u2013]\s*(\d+(?:\.\d+)?)(\s*(?:minutes?|hours?|days?|weeks?|months?))"
)
_WITHIN_FEW = re.compile(r"\bwithin few\b")


def in_words(text: str) -> str:
    """A time span as a patient reads it: "2-4 weeks" as "2 to 4 weeks", "within few hours"
    as "within a few hours"."""
    return _WITHIN_FEW.sub("within a few", _RANGE.sub(r"\1 to \2\3", text))


def sentence_case(text: str) -> str:
    """`text` with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def join_words(words: Sequence[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def format_amount(amount: float) -> str:
    """An amount exactly as stated: 5.0 -> '5', 2.5 -> '2.5'."""
    return str(int(amount)) if float(amount).is_integer() else repr(float(amount))


def describe_dose(dose: DoseSpec, per_day: bool = False) -> str:
    """A dose in words, e.g. '5 mg three times a day by mouth'."""
    words = [f"{format_amount(dose.amount)} {dose.unit}"]
    if per_day:
        words.append("a day")
    elif dose.frequency_per_day:
        words.append(_TIMES.get(dose.frequency_per_day, f"{dose.frequency_per_day} times a day"))
    if dose.route:
        words.append(_ROUTES.get(dose.route.lower(), f"({dose.route})"))
    if dose.use:  # a limit stated for one use only
        words.append(f"for {dose.use}")
    return " ".join(words)


def quote(text: str, limit: int = _QUOTE_LIMIT) -> str:
    """A source's words shortened at a word boundary, in quotation marks."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return f"\u201c{text}\u201d"


def source_titles(monograph: Monograph, ids: Iterable[str]) -> str:
    """The titles of the sources with these ids, for a reader."""
    titles = {ref.id: ref.title for ref in monograph.sources}
    return join_words([titles.get(source, source) for source in dict.fromkeys(ids)])


def note_conflicts(draft: Draft, monograph: Monograph, topics: Sequence[str]) -> bool:
    """Say where the sources disagree on these topics; True when they do."""
    wanted = [t.lower() for t in topics]
    found = False
    for conflict in monograph.conflicts:
        if not any(t in conflict.topic.lower() for t in wanted):
            continue
        claims = [
            f"{claim.value} ({source_titles(monograph, claim.sources)})"
            if claim.sources
            else claim.value
            for claim in conflict.claims
        ]
        detail = f": {'; '.join(claims)}" if claims else ""
        draft.say(f"The sources disagree on this{detail}.", *conflict.claims)
        found = True
    if found:
        draft.say("Ask a pharmacist or doctor which applies to you.")
    return found


def note_weak(draft: Draft, items: Sequence[Attributed], names: Sequence[str]) -> None:
    """Point out the claims that only the least reliable kind of source makes."""
    weak = [name for item, name in zip(items, names, strict=True) if WEAK_FLAG in item.flags]
    if weak:
        verb = "is" if len(weak) == 1 else "are"
        draft.say(f"Of these, {join_words(weak)} {verb} stated only by a less reliable source.")


def term_attributions(monograph: Monograph, field_name: str, terms: Sequence[str]) -> list[Claim]:
    """The evidence of plain-string list entries (forms, drug classes), when recorded."""
    wanted = {t.lower() for t in terms}
    return [
        Claim(value=attr.term, sources=attr.sources, evidence=attr.evidence)
        for attr in monograph.term_sources.get(field_name, [])
        if attr.term.lower() in wanted
    ]
