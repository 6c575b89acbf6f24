"""Overdose: the signs of taking too much and the antidote that reverses it, as named terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.named_terms import Terms, reading_of, states_nothing
from medinfo.extract.reading import Subject
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement
from medinfo.extract.text_cache import per_text
from medinfo.knowledge.loading import any_of, load
from medinfo.knowledge.practical_rules import OverdoseRules

KEY = "overdose"
# a label's cross-reference ("[see Overdosage (10)]") names a section, not an overdose
_CROSS_REFERENCE = re.compile(r"[\[(]\s*see\b[^\])]*[\])]", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    topic: re.Pattern[str]
    antidote_topic: re.Pattern[str]
    signs: Terms
    antidotes: Terms
    no_antidote: re.Pattern[str]
    skip_sections: frozenset[str]
    gate: tuple[str, ...]


@cache
def _rules() -> _Rules:
    raw = load(OverdoseRules)
    return _Rules(
        topic=any_of(raw.topic),
        antidote_topic=any_of(raw.antidote_topic),
        signs=Terms.of(raw.signs),
        antidotes=Terms.of(raw.antidotes),
        no_antidote=any_of(raw.no_antidote),
        skip_sections=frozenset(raw.skip_sections),
        gate=raw.gate,
    )


@per_text
def _may_name(text: str) -> bool:
    """Whether an overdose or antidote word occurs at all (read once per text)."""
    lowered = text.lower()
    return any(word in lowered for word in _rules().gate)


def read_overdose(
    text: str, names: tuple[str, ...] = (), on_topic: bool = False
) -> dict[str, Scalar]:
    """The overdose attributes one statement gives: signs and antidotes (comma-separated
    terms) and no_specific_antidote. `on_topic`: the statement stands under an overdose
    heading or a lead-in about one, so it need not name the topic itself."""
    rules = _rules()
    if not on_topic and not _may_name(text):
        return {}
    text = _CROSS_REFERENCE.sub(lambda m: " " * len(m.group()), text)
    topic = on_topic or bool(rules.topic.search(text))
    reverses = bool(rules.antidote_topic.search(text))
    if not topic and not reverses:
        return {}
    reading = reading_of(text, names)
    if states_nothing(reading) or reading.subject in (Subject.OTHER_DRUG, Subject.GROUP):
        return {}
    found: dict[str, Scalar] = {}
    if topic:
        signs = rules.signs.found(text, reading)
        if signs:
            found["signs"] = ", ".join(signs)
    antidotes = rules.antidotes.found(text, reading)
    if antidotes:
        found["antidotes"] = ", ".join(antidotes)
    elif rules.no_antidote.search(text):
        found["no_specific_antidote"] = True
    return found


def extract_overdose(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """OVERDOSE facts, one per statement that names signs of an overdose or its antidote;
    list items after a lead-in about an overdose ("Signs of an overdose include:") count."""
    facts = []
    lead_in = False
    for statement in statements:
        item = statement.block.kind is BlockKind.LIST_ITEM
        if not item:
            lead_in = False
        if statement.is_question or statement.section.value in _rules().skip_sections:
            continue
        on_topic = statement.section is Section.OVERDOSE or (item and lead_in)
        found = read_overdose(statement.text, names, on_topic)
        if not item and statement.text.rstrip().endswith(":"):
            lead_in = bool(_rules().topic.search(statement.text)) or on_topic
        if found:
            facts.append(
                ExtractedFact(
                    kind=FactKind.OVERDOSE,
                    key=KEY,
                    attributes=found,
                    evidence=statement.evidence(source_id),
                )
            )
    return facts
