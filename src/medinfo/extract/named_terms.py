"""Named terms: small vocabularies whose terms medinfo names in its own words, found in claims."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.polarity import Polarity as Stated
from medinfo.extract.polarity import polarity_at
from medinfo.extract.reading import Polarity, Reading, read_text
from medinfo.extract.statements import Statement, place_of
from medinfo.knowledge.loading import any_of
from medinfo.knowledge.practical_rules import NamedTerm


@dataclass(frozen=True)
class Terms:
    """A compiled vocabulary: each term with the pattern that finds it."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def of(cls, entries: Iterable[NamedTerm]) -> Terms:
        return cls(tuple((entry.term, any_of(entry.patterns)) for entry in entries))

    def found(self, text: str, reading: Reading | None = None, start: int = 0) -> list[str]:
        """The terms named in text[start:], in vocabulary order; with a reading, only those
        named in a clause that is claimed (not denied, conjecture or another drug's). A match
        inside an earlier term's match names nothing more ("very drowsy" is extreme drowsiness,
        not drowsiness as well)."""
        terms: list[str] = []
        taken: list[tuple[int, int]] = []  # a term inside an earlier term's words is that term
        for term, pattern in self.patterns:
            for match in pattern.finditer(text, start):
                inside = any(s <= match.start() and match.end() <= e for s, e in taken)
                if inside or (reading is not None and not reading.asserted(*match.span())):
                    continue
                terms.append(term)
                taken.append(match.span())
                break
        return terms


def reading_of(text: str, names: tuple[str, ...]) -> Reading:
    """The statement's reading (polarity, clauses) for this drug's names."""
    return read_text(text, names)


def denied_at(text: str, position: int) -> bool:
    """Whether the clause before `position` denies what stands there ("does not have a
    half-life of ...", by the polarity rules)."""
    return polarity_at(text, position) is not Stated.AFFIRMED


def states_nothing(reading: Reading) -> bool:
    """Whether a statement claims nothing at all: conjecture or hypothetical framing."""
    return reading.polarity in (Polarity.HYPOTHETICAL, Polarity.UNCERTAIN)


def compile_each(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Each pattern compiled on its own (patterns that share group names)."""
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def names_other_drug(text: str, position: int, names: tuple[str, ...], reading: Reading) -> bool:
    """Whether the words before `position` name another medicine as what they speak of
    ("Warfarin needs regular INR tests" on an apixaban page); a medicine inside an "unlike
    X" clause is set aside by the reading and does not count."""
    from medinfo.extract.drug_names import find_drug_mentions  # the dictionary loads lazily

    if not names:
        return False
    for mention in find_drug_mentions(text[:position]):
        if reading.within("other_subject", mention.start, mention.end):
            continue
        generic = mention.generic.lower()
        surface = mention.surface.lower()
        if not any(generic in name or surface in name or name in generic for name in names):
            return True
    return False


def placed_facts(
    statements: list[Statement],
    source_id: str,
    kind: FactKind,
    read: Callable[[str, tuple[str, ...]], dict[str, Scalar]],
    names: tuple[str, ...] = (),
) -> list[ExtractedFact]:
    """One fact of `kind` (key: the kind) per statement `read` finds a value in, with the
    place of the statement (a dedicated section outranks a summary); questions claim nothing."""
    return [
        ExtractedFact(
            kind=kind,
            key=kind.value,
            attributes={**value, "place": place_of(statement).value},
            evidence=statement.evidence(source_id),
        )
        for statement in statements
        if not statement.is_question and (value := read(statement.text, names))
    ]
