"""Passages: one block's units with the section and reading cues that decide what they state."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medinfo.domain.documents import BlockKind
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.drug_names import find_drug_mentions
from medinfo.extract.negation import negated_spans
from medinfo.extract.reading import Polarity, Reading, is_advert, read_text
from medinfo.extract.sections import Section
from medinfo.extract.sentences import Unit
from medinfo.extract.terms import TermMatch, vocabulary
from medinfo.knowledge.names import components

# Sections whose text never states facts about the drug's own lists.
QUIET_SECTIONS = frozenset({Section.DISCLAIMER, Section.ALTERNATIVES, Section.STORAGE})
_QUIET_DEFAULT = ("negated", "hypothetical", "other_subject")
# Which clauses of a statement (extract/reading.py) state no fact of a vocabulary's kind.
QUIET_CLAUSES: dict[str, tuple[str, ...]] = {
    "precautions": ("hypothetical", "other_subject", "no_concern"),
    "interaction_agents": ("negated", "hypothetical", "other_subject", "compatible"),
}
_GLOSS = re.compile(r"\s*(a|an|the|i\.e\.|which|meaning|type of|kind of|form of)\b", re.IGNORECASE)
# a label that says something about its terms leads into the line rather than naming them
_STATEMENT_LABEL = re.compile(
    r"\b(is|are|was|were|include|includes|can|may|might|could|will)\b", re.IGNORECASE
)
_CLAUSE = re.compile(r",\s*(but|while|although|though|whereas|however)\b|;|\bbut\b", re.IGNORECASE)


@dataclass
class Passage:
    """The units of one block, read in the section (and lead-in) they stand under.

    `lead` is the text of a lead-in paragraph ("Serious side effects include:") that
    governs the list items after it; `opening` marks the document's opening paragraphs,
    which state what the drug is for; `evidence_section` is the Section recorded in evidence;
    `aliases` are other names of the drug in lower case (a label's brand name);
    `denied_question` is the question a "No." answer denies.
    """

    units: list[Unit]
    section: Section
    source_id: str
    drug: str
    evidence_section: Section
    lead: str = ""
    opening: bool = False
    aliases: tuple[str, ...] = ()
    denied_question: str = ""
    _matches: dict[tuple[int, str], list[TermMatch]] = field(default_factory=dict)

    @property
    def kind(self) -> BlockKind:
        return self.units[0].block.kind

    def matches(self, unit: Unit, vocab: str) -> list[TermMatch]:
        """Terms of a vocabulary in a unit (cached per passage)."""
        key = (id(unit), vocab)
        if key not in self._matches:
            self._matches[key] = vocabulary(vocab).find(unit.text)
        return self._matches[key]

    @property
    def names(self) -> tuple[str, ...]:
        """This drug's names in lower case (its generic name and aliases)."""
        return (self.drug.lower(), *self.aliases)

    def following(self, unit: Unit) -> Unit | None:
        """The unit right after `unit` in this passage, if any."""
        index = next((i for i, u in enumerate(self.units) if u is unit), len(self.units))
        return self.units[index + 1] if index + 1 < len(self.units) else None

    def names_other_drug(self, text: str) -> bool:
        """Whether `text` names a medicine other than this drug."""
        own = frozenset(components(self.drug))
        return any(
            not frozenset(components(mention.generic)) & own for mention in find_drug_mentions(text)
        )

    def reading(self, unit: Unit) -> Reading:
        """How the unit reads (knowledge/extract/reading.json), read once per text."""
        return read_text(unit.text, self.names)

    def row_denied(self, kinds: tuple[str, ...]) -> bool:
        """Whether a table row denies what its label names: another cell is a negated
        statement ("Does not interact with it", "No") or one of `kinds` of clause."""
        if self.kind is not BlockKind.TABLE_ROW or len(self.units) < 2:
            return False
        readings = [self.reading(unit) for unit in self.units]
        return any(
            r.polarity is Polarity.NEGATED or any(r.spans.get(kind) for kind in kinds)
            for r in readings
        )

    def claims(self, unit: Unit, start: int, end: int, vocab: str) -> bool:
        """Whether the unit claims the term at text[start:end]: it is not denied (for a
        precaution: not said to need no change), not conjecture, not said of another drug;
        an interaction agent is not in a clause saying the two go together harmlessly."""
        kinds = QUIET_CLAUSES.get(vocab, _QUIET_DEFAULT)
        reading = self.reading(unit)
        if any(reading.within(kind, start, end) for kind in kinds):
            return False
        row_kinds = tuple(k for k in kinds if k != "negated")
        return not ("negated" in kinds and self.row_denied(row_kinds))

    def asserted(self, unit: Unit, vocab: str) -> list[TermMatch]:
        """Terms of a vocabulary in a unit that the unit claims (see `claims`). A question or
        an advertisement claims nothing, and a term the unit denies in one clause is not
        claimed by another ("no interaction with alcohol, but alcohol is a migraine trigger")."""
        if is_question(unit.text) or is_advert(unit.text):
            return []
        found = self.matches(unit, vocab)
        flags = negated_spans(unit.text, [(m.start, m.end) for m in found])
        claimed = [
            not negated and self.claims(unit, match.start, match.end, vocab)
            for match, negated in zip(found, flags, strict=True)
        ]
        denied = {match.key for match, ok in zip(found, claimed, strict=True) if not ok}
        if self.denied_question:  # the answer "No." denies what the question named
            denied |= {match.key for match in vocabulary(vocab).find(self.denied_question)}
        return [
            match
            for match, ok in zip(found, claimed, strict=True)
            if ok and match.key not in denied
        ]

    def term_units(self, vocab: str) -> list[Unit]:
        """The units that name terms: a list item's label when it names one, else all units.

        In "Dizziness: common when standing up" the label is the term being described; in
        "Bleeding is the main one: bruising, nosebleeds" the label is a sentence leading in.
        """
        labels = [
            unit
            for unit in self.units
            if unit.role == "label" and not _STATEMENT_LABEL.search(unit.text)
        ]
        if any(self.matches(unit, vocab) for unit in labels):
            return labels
        return self.units

    def fact(self, kind: FactKind, key: str, unit: Unit, **attributes: Scalar) -> ExtractedFact:
        """A fact whose evidence is the unit's span of the original."""
        evidence = Evidence(
            source=self.source_id,
            start=unit.start,
            end=unit.end,
            section=self.evidence_section.value,
        )
        return ExtractedFact(kind=kind, key=key, attributes=attributes, evidence=evidence)


def is_question(text: str) -> bool:
    """Whether a unit asks rather than states (quoted questions too): never a claim."""
    return text.rstrip(" *_\"”'’)").endswith("?")


def cue(pattern: str) -> re.Pattern[str]:
    """A case-insensitive cue pattern."""
    return re.compile(pattern, re.IGNORECASE)


# "The risk is higher with kidney impairment, dehydration or severe infection": what follows
# raises the risk of a harm the text names (a precaution, never a side effect of its own)
RISK_FACTORS = cue(
    r"\b(?:risks?|chances?|likelihood)\s+(?:of\s+[\w\s-]{1,40}?\s+)?(?:is|are)\s+"
    r"(?:(?:much|even)\s+)?(?:higher|greater|increased|raised)\s+(?:with|in|if|for|when|among)\b|"
    r"\bmore\s+likely\s+(?:with|in|if|when|among|for)\b|"
    # "the risk goes up at higher doses and in people with epilepsy", "especially in people with
    # lung disease"
    r"\b(?:risks?|chances?)\s+(?:goes|go|rises?|increases?)\s+up\b[^.;()]{0,40}?\b(?:with|in|if|when)\b|"
    r"\b(?:risks?|chances?)\s+(?:rises?|increases?)\b[^.;()]{0,40}?\b(?:with|in|if|when)\b|"
    r"\b(?:especially|particularly)\s+(?:in|among|for)\s+(?:people|patients|those|anyone)\s+"
    r"(?:with|who)\b"
)


def risk_factor_reach(text: str) -> tuple[int, int] | None:
    """Where the conditions named after a risk-factor cue stand: from the cue's end to the
    bracket that holds the cue ("seizures (the risk goes up in people with epilepsy), low
    blood sugar"), the next ";", or the end of the text; None without a cue."""
    risk = RISK_FACTORS.search(text)
    if risk is None:
        return None
    opened = text.rfind("(", 0, risk.start())
    inside = opened >= 0 and ")" not in text[opened : risk.start()]
    closing = text.find(")" if inside else ";", risk.end())
    return risk.end(), closing if closing >= 0 else len(text)


def last_cue_end(pattern: re.Pattern[str], text: str, before: int) -> int:
    """End of the last cue match in the same clause that ends at or before `before`; -1 if none."""
    clause = after_clause_start(text, before)
    ends = [m.end() for m in pattern.finditer(text) if clause <= m.start() and m.end() <= before]
    return max(ends) if ends else -1


def open_cue_end(pattern: re.Pattern[str], text: str, start: int) -> int:
    """End of the last cue before `start` in its clause, skipping a cue inside a bracket that
    closes before `start` ("(if you're too confused to treat yourself)"); -1 if none."""
    end = last_cue_end(pattern, text, start)
    while end >= 0:
        opening = text.rfind("(", 0, end)
        if opening < 0 or ")" in text[opening:end] or ")" not in text[end:start]:
            return end
        end = last_cue_end(pattern, text, opening)
    return end


def in_gloss(text: str, start: int) -> bool:
    """Whether text[start] stands in an explanatory parenthesis: "(a type of facial pain)"."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    return bool(_GLOSS.match(text[opening + 1 :]))


def after_clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts (after ", but", ";" and the like)."""
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, position)]
    return max(starts) if starts else 0


def unique(facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """Facts without repeats of the same kind, key, attributes and span."""
    seen: set[tuple[object, ...]] = set()
    result = []
    for fact in facts:
        marker = (
            fact.kind,
            fact.key,
            tuple(sorted(fact.attributes.items())),
            fact.evidence.start,
            fact.evidence.end,
        )
        if marker not in seen:
            seen.add(marker)
            result.append(fact)
    return result
