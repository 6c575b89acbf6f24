"""Adverse reactions in FDA label sections: mentions mapped to MedDRA preferred terms, and facts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from medinfo.domain.documents import Block, Document
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.coordinated_terms import coordinated_terms
from medinfo.extract.lab_changes import change_terms, threshold_terms
from medinfo.extract.meddra import Term, TermMatch, TermMatcher, default_matcher, phrase_key
from medinfo.extract.open_terms import open_spans
from medinfo.extract.reaction_cues import (
    attached_frequency,
    header_frequency,
    is_common_frequency,
    is_negated,
    is_patient_condition,
    is_serious_context,
    reaction_cues,
)
from medinfo.extract.reaction_features import Candidate
from medinfo.extract.reaction_scorer import ReactionScorer, default_scorer
from medinfo.extract.terms import vocabulary
from medinfo.extract.text_cache import Shared

# "[see Warnings and Precautions (5.1)]": the section named there is not a reaction (also
# with the words run together by a stripped link, "[seeWarnings ...]").
_CROSS_REFERENCE = re.compile(
    r"[\[(]\s*see(?:\b|(?-i:(?=[A-Z])))[^\[\]()]*(?:\([^()]*\)[^\[\]()]*)*[\])]", re.I
)
# What joins the items of one list: "stroke or TIA", "diabetes, hypertension, and CAD".
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|and/or)\s+)?|\s*/\s*", re.IGNORECASE)
# An outcome adjective before a reaction ("fatal hepatic failure", "fatal and non-fatal stroke").
_OUTCOME_WORD = re.compile(r"(?:non-?)?fatal", re.IGNORECASE)
_OUTCOME_GAP = re.compile(r"\s*(?:(?:and|or|,)\s*(?:non-?)?fatal\s*)?", re.IGNORECASE)
_OUTCOME_AFTER = re.compile(
    r"[\s,(]*(?:(?:including|sometimes|occasionally|rarely|potentially|possibly|and|or)\s+)*"
    r"(?:(?:which|that)\s+)?(?:(?:can|may|could)\s+be\s+)?",
    re.IGNORECASE,
)
_DEFINED_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,7})\s*\)")


@dataclass(frozen=True)
class AdverseReactionMention:
    """One adverse reaction named in a text, with its MedDRA preferred term."""

    start: int
    end: int
    text: str
    preferred_term: str
    pt_code: int | None
    frequency: str | None = None
    serious: bool = False
    negated: bool = False

    @property
    def key(self) -> str:
        """The fact key: the preferred term in lower case."""
        return self.preferred_term.lower()


def _mask_cross_references(text: str) -> str:
    """The text with cross-reference brackets blanked out (same length, same offsets)."""
    return _CROSS_REFERENCE.sub(lambda match: " " * len(match.group(0)), text)


def _abbreviation_matches(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """Uses of abbreviations the text defines itself ('leukoencephalopathy (PML)')."""
    defined: dict[str, Term] = {}
    for match in matches:
        found = _DEFINED_ABBREVIATION.match(text, match.end)
        if match.term is not None and found and not found.group(1).isdigit():
            defined.setdefault(found.group(1), match.term)
    if not defined:
        return []
    taken = [(match.start, match.end) for match in matches]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, defined)) + r")\b")
    extra = []
    for found in pattern.finditer(text):
        if any(start < found.end() and found.start() < end for start, end in taken):
            continue
        term = defined[found.group(1)]
        extra.append(TermMatch(found.start(), found.end(), found.group(1), term))
    return extra


# Label texts whose reactions are kept: labels of one drug repeat whole sections, and a
# bulk run reads them once per worker; bounded so that memory stays flat.
KEPT_TEXTS = 4096


def extract_adverse_reactions(
    text: str,
    *,
    offset: int = 0,
    serious_section: bool = False,
    include_negated: bool = False,
    matcher: TermMatcher | None = None,
    scorer: ReactionScorer | None = None,
) -> list[AdverseReactionMention]:
    """The adverse reactions a label text names, in text order.

    Spans are shifted by `offset`. `serious_section` marks every reaction serious (boxed
    warning, warnings and precautions). Denied reactions ("no cases of X were reported") are
    left out unless `include_negated`. By default the shipped vocabulary proposes candidates
    and the shipped scorer keeps or drops them (readings of a text are kept, see KEPT_TEXTS);
    a given `matcher` proposes them instead, judged by `scorer`, or by the rules alone when
    `scorer` is None.
    """
    if matcher is None:
        found = _default_reactions(text, serious_section, include_negated)
    else:
        found = _reactions(text, serious_section, include_negated, matcher, scorer)
    if not offset:
        return list(found)
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in found]


# The default vocabulary's readings, shared with the other workers of a bulk run (None: not
# shared): a first reading costs ~0.5 ms, a shared one ~0.05 ms.
_shared: Shared[tuple[str, str, bool, bool], tuple[AdverseReactionMention, ...]] | None = None


def share_reactions(folder: Path | None) -> None:
    """Share the default vocabulary's readings of label texts with the other processes given
    the same folder (a bulk run's workers), or stop."""
    global _shared
    _shared = Shared(folder, KEPT_TEXTS) if folder is not None else None


@lru_cache(maxsize=KEPT_TEXTS)
def _default_reactions(
    text: str, serious_section: bool, include_negated: bool
) -> tuple[AdverseReactionMention, ...]:
    shared = _shared
    key = ("reactions", text, serious_section, include_negated)
    found = shared.get(key) if shared is not None else None
    if found is None:
        matcher, scorer = default_matcher(), default_scorer()
        found = _reactions(text, serious_section, include_negated, matcher, scorer)
        if shared is not None:
            shared.put(key, found)
    return found


def _qualifies_next(text: str, match: TermMatch, matches: list[TermMatch]) -> bool:
    """Whether the mention is an outcome word ("fatal") qualifying a reaction next to it:
    "fatal and non-fatal hepatic failure", "rhabdomyolysis, sometimes fatal"."""
    if not _OUTCOME_WORD.fullmatch(match.text):
        return False
    return any(
        (other.start >= match.end and _OUTCOME_GAP.fullmatch(text, match.end, other.start))
        or (other.end <= match.start and _OUTCOME_AFTER.fullmatch(text, other.end, match.start))
        for other in matches
        if other is not match and other.term is not None
    )


def reaction_candidates(text: str, matcher: TermMatcher) -> tuple[str, list[Candidate]]:
    """Every vocabulary mention of a text with the rule cues about it, and the text with its
    cross-references masked (the candidates' offsets hold in both)."""
    masked = _mask_cross_references(text)
    matches = matcher.find(masked)
    matches += _abbreviation_matches(masked, matches)
    candidates = []
    condition_end = -1  # where the last mention read as the patient's condition ends
    for match in sorted(matches, key=lambda found: found.start):
        if match.term is None:
            continue
        listed = condition_end >= 0 and _LIST_JOIN.fullmatch(masked, condition_end, match.start)
        condition = bool(listed) or is_patient_condition(masked, match.start)
        if condition:
            condition_end = match.end  # "patients with stroke or TIA": both are conditions
        frequency = attached_frequency(masked, match.end) or header_frequency(masked, match.start)
        candidates.append(
            Candidate(
                match.start,
                match.end,
                match.text,
                match.term.pt,
                match.term.code,
                condition=condition,
                outcome=_qualifies_next(masked, match, matches),
                negated=is_negated(masked, match.start, match.end),
                frequency=frequency is not None,
                stated=frequency,
                abbreviation=match.text.isupper() and " " not in match.text,
            )
        )
    taken = [(match.start, match.end) for match in matches]
    named = {(match.start, match.end, match.term.pt) for match in matches if match.term}
    proposed = [
        *coordinated_terms(masked, matcher),
        *threshold_terms(masked, matcher),
        *change_terms(masked, matcher),
    ]
    for found in proposed:
        if (found.start, found.end, found.term.pt) in named:
            continue
        frequency = attached_frequency(masked, found.end) or header_frequency(masked, found.start)
        candidates.append(
            Candidate(
                found.start,
                found.end,
                found.text,
                found.term.pt,
                found.term.code,
                condition=is_patient_condition(masked, found.start),
                negated=is_negated(masked, found.start, found.end),
                frequency=frequency is not None,
                stated=frequency,
                coordinated=True,
            )
        )
    for start, end, pt in open_spans(masked, matcher, taken):
        frequency = attached_frequency(masked, end) or header_frequency(masked, start)
        known = matcher.term_in_other_order(phrase_key(masked[start:end]))
        candidates.append(
            Candidate(
                start,
                end,
                masked[start:end],
                known.pt if known else pt,
                known.code if known else None,
                condition=is_patient_condition(masked, start),
                negated=is_negated(masked, start, end),
                frequency=frequency is not None,
                stated=frequency,
                open=known is None,
            )
        )
    return masked, _with_neighbours(masked, sorted(candidates, key=lambda c: c.start))


def _with_neighbours(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with what their neighbours say: inside or around another, listed."""
    marked = []
    for index, candidate in enumerate(candidates):
        covered = covers = listed = False
        for other in candidates[max(0, index - 3) : index] + candidates[index + 1 : index + 4]:
            if other.start <= candidate.start and candidate.end <= other.end:
                covered = True
            elif candidate.start <= other.start and other.end <= candidate.end:
                covers = True
            elif not listed and not (other.open or other.condition):
                left, right = (
                    (other.end, candidate.start)
                    if other.end <= candidate.start
                    else (candidate.end, other.start)
                )
                listed = left <= right and _LIST_JOIN.fullmatch(text, left, right) is not None
        if covered or covers or listed:
            candidate = replace(candidate, covered=covered, covers=covers, listed=listed)
        marked.append(candidate)
    return marked


def _kept(
    masked: str, candidates: list[Candidate], serious_section: bool, scorer: ReactionScorer | None
) -> list[Candidate]:
    """The candidates read as reactions (negated ones included, for the caller to drop).

    Without a scorer the rules decide alone: conditions and outcome words are left out. With
    one, the scorer keeps or drops each preferred term; a kept term shows its mentions the
    rules accept, else its first mention that is not denied."""
    if scorer is None:
        return [c for c in candidates if not (c.condition or c.outcome or c.open)]
    by_term: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_term.setdefault(candidate.pt.lower(), []).append(candidate)
    kept: list[Candidate] = []
    for group in by_term.values():
        if not scorer.keeps(masked, group, serious_section):
            continue
        accepted = [c for c in group if not (c.condition or c.outcome)]
        fallback = [c for c in group if not c.negated][:1]
        kept.extend(accepted or fallback)
    return sorted(kept, key=lambda candidate: candidate.start)


def rare(frequency: str | None) -> bool:
    """Whether the label states the reaction below a threshold ('<2%': a list of rare events)."""
    return frequency is not None and frequency.startswith("<")


def serious_by_default(mention: str, preferred_term: str) -> bool:
    """Whether the side-effect vocabulary calls the reaction serious wherever it is named
    (pancreatitis, anaphylaxis, Stevens-Johnson syndrome ...), by its words or its term."""
    side_effects = vocabulary("side_effects")
    for name in (mention, preferred_term):
        term = side_effects.lookup(name)
        if term is not None:
            return term.defaults.get("serious") is True
    return False


def _reactions(
    text: str,
    serious_section: bool,
    include_negated: bool,
    matcher: TermMatcher,
    scorer: ReactionScorer | None,
) -> tuple[AdverseReactionMention, ...]:
    masked, candidates = reaction_candidates(text, matcher)
    chosen = [c for c in _kept(masked, candidates, serious_section, scorer) if not c.negated]
    if include_negated:  # denied reactions are read by the rules alone
        denied = [c for c in candidates if c.negated and not (c.condition or c.outcome or c.open)]
        chosen = sorted(chosen + denied, key=lambda candidate: candidate.start)
    mentions = []
    for candidate in chosen:
        start, end = candidate.start, candidate.end
        frequency = candidate.stated
        serious = serious_section or is_serious_context(masked, start, end)
        mentions.append(
            AdverseReactionMention(
                start,
                end,
                candidate.text,
                candidate.pt,
                candidate.code,
                frequency,
                serious,
                candidate.negated,
            )
        )
    return tuple(mentions)


def is_serious_heading(heading: str) -> bool:
    """True for a boxed warning or warnings heading."""
    return reaction_cues().serious_headings.search(heading) is not None


def is_reaction_heading(heading: str) -> bool:
    """True for a heading whose section lists adverse reactions (or warns about them)."""
    cues = reaction_cues()
    return bool(cues.reaction_headings.search(heading) or cues.serious_headings.search(heading))


def _blocks_of(source: Document | Iterable[Block]) -> tuple[str | None, list[Block]]:
    """The original text (when known) and the blocks to read."""
    if isinstance(source, Document):
        blocks = [b for b in source.content_blocks() if is_reaction_heading(b.heading)]
        return source.original, blocks
    return None, [block for block in source if not block.boilerplate]


def adverse_reaction_facts(
    source: Document | Iterable[Block], source_id: str
) -> list[ExtractedFact]:
    """SIDE_EFFECT facts keyed by lower-case preferred term, one per term and block: serious
    reactions, and the others where the label states them frequent (`is_common_frequency`).
    A reaction is serious by its section or a cue, or by default (`serious_by_default`)
    unless the label lists it among rare events ("occurred in <2% of patients", a list that
    may run on over the heading's next blocks).

    A Document is read in its adverse-reaction, warning and boxed-warning sections; given
    blocks are all read. Evidence is the mention's span when the block's text stands verbatim
    in the original, else the block's span.
    """
    original, blocks = _blocks_of(source)
    facts: list[ExtractedFact] = []
    rarer: dict[str, str] = {}  # a "<2% of patients" list still open in each heading's blocks
    for block in blocks:
        verbatim = original is None or original[block.start : block.end] == block.text
        seen: set[str] = set()
        mentions = extract_adverse_reactions(
            block.text, offset=block.start, serious_section=is_serious_heading(block.heading)
        )
        for mention in mentions:
            frequency = mention.frequency or rarer.get(block.heading)
            serious = mention.serious or (
                not rare(frequency) and serious_by_default(mention.text, mention.preferred_term)
            )
            if mention.key in seen or not (serious or is_common_frequency(frequency)):
                continue  # a reaction neither serious nor stated frequent is not a common one
            seen.add(mention.key)
            start, end = (mention.start, mention.end) if verbatim else (block.start, block.end)
            attributes: dict[str, str | int | float | bool | None] = {
                "serious": serious,
                "frequency": frequency,
                "meddra_code": mention.pt_code,
            }
            evidence = Evidence(source=source_id, start=start, end=end, section=block.heading)
            facts.append(
                ExtractedFact(
                    kind=FactKind.SIDE_EFFECT,
                    key=mention.key,
                    attributes=attributes,
                    evidence=evidence,
                )
            )
        opened = header_frequency(block.text, len(block.text))
        if opened is not None and rare(opened):
            rarer[block.heading] = opened
    return facts
