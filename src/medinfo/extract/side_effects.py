"""Side effects (common or serious) and withdrawal symptoms from one passage."""

from __future__ import annotations

import re
from itertools import pairwise

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.passages import QUIET_SECTIONS, Passage, cue, in_gloss, last_cue_end
from medinfo.extract.sections import Section
from medinfo.extract.sentences import Unit
from medinfo.extract.terms import TermMatch

_SIDE_EFFECT_SECTIONS = frozenset(
    {Section.SIDE_EFFECTS, Section.COMMON_SIDE_EFFECTS, Section.SERIOUS_SIDE_EFFECTS}
)
# Sections about stopping or overdose: the symptoms they list are not side effects.
_NOT_EFFECTS = frozenset({Section.STOPPING, Section.OVERDOSE, Section.MISSED_DOSE})
# Effects named where interactions are discussed are effects of the combination; where
# pregnancy or breastfeeding is discussed, they are the unborn or breastfed baby's.
_COMBINATION = frozenset({Section.INTERACTIONS, Section.PREGNANCY, Section.BREASTFEEDING})
_SERIOUS = cue(
    r"\b(serious|severe|dangerous|life-threatening|rare but|seek (immediate |emergency |urgent )?"
    r"medical (attention|help|care|advice)|call (your doctor|911)|get (emergency |urgent )?"
    r"(medical )?help|emergency|stop taking .{0,30} and (call|contact|get|seek)|"
    r"(call|contact|tell|see|ring) (your|a) (doctor|gp|pharmacist|healthcare provider)"
    r"[^.]{0,20}\b(right away|straight away|at once|immediately|urgently)|go to (a&e|hospital))"
)
_COMMON = cue(r"(?<!less )(?<!un)\bcommon\b|\b(frequent|most often|mild|usually go away)\b")
_BACK_REFERENCE = cue(r"^(these|they|this|such|those|examples?)\b")
_MENTION = cue(
    r"\b(side effects?|adverse (effects?|reactions?)|(can|may|might|could|to|often|also|"
    r"commonly|sometimes|rarely) (also )?(cause|lead to|result in|trigger|produce)s?|"
    r"causes|reactions? (include|such as|like))\b"
)
_WITHDRAWAL = cue(
    r"\b(withdrawal|stopp(ing|ed)\b.{0,40}\b(suddenly|abruptly|quickly)|"
    r"(suddenly|abruptly) stopp|discontinu|cessation)"
)
_LISTING = cue(r"\b(including|such as|like|include|includes|e\.g\.)\b")
_TREATS = cue(
    r"\b(used (to treat|for)|treats?|treating|prescribed (for|to)|indicated for|relieve|managing|"
    r"manage|beneficial in|effective (for|in))\b"
)
_AGENT_CUE = cue(
    r"\b(combin|together with|mix|in combination|while taking|with alcohol|avoid|"
    r"tak(e|es|ing) (these|them|this|those|it) with)"
)


# What comes between a side effect and the terms that describe it: "Low sodium (confusion,
# headache)", "Serotonin syndrome, with agitation and fever", "low sodium in the blood, with
# confusion", "high blood pressure, which may cause a headache", "signs of liver problems such
# as nausea". Those terms are symptoms of the first one, not side effects of their own.
_EXPLAINS = re.compile(
    r"(?:\s+(?:in|of|on|the|your|blood|body|levels?)\b){0,4}\s*(\(|[,:]?\s*(with|causing|"
    r"marked by|shown by|(?:which|that)\s+(?:may|can|might|could|often|will)\s+"
    r"(?:cause|show\s+up\s+as|lead\s+to|feel\s+like|bring\s+on|present\s+with|"
    r"start\s+with|begin\s+with))\b|:\s)",
    re.IGNORECASE,
)
_SIGNS_OF = re.compile(r"\b(signs?|symptoms?) of\s+(an?\s+|the\s+)?$", re.IGNORECASE)
_EXAMPLES = re.compile(r"\s*,?\s*(such as|like|including|e\.g\.)\s", re.IGNORECASE)
_GOES_ON = re.compile(r"[\s,]*((and|or)\s+)?$", re.IGNORECASE)


# A list of symptoms followed by the condition they are signs of, as the cue says: "nausea,
# vomiting or stomach pain - possible ketoacidosis".
_NAMED_AFTER = re.compile(
    r"\s[–—-]\s*(?:(?:this|these|that|it|they)\s+)?(?:possibl[ey]|probably|a\s+sign\s+of|"
    r"signs?\s+of|could\s+(?:be|mean)|may\s+(?:be|mean)|might\s+(?:be|mean))\b|"
    # "..., this could be bleeding in the brain" (not ", which may be severe": a comment),
    # ", which may mean a change in heart rhythm called QT prolongation", "(rarely this can
    # be a heart attack)"
    r"[,;]\s*(?:this|these)\s+(?:could|may|might|can)\s+(?:be|mean)\b|"
    r"[,;]\s*(?:which|that)\s+(?:could|may|might|can)\s+mean\b|"
    r"\(\s*(?:\w+\s+)?(?:this|these|it)\s+(?:could|may|might|can)\s+(?:be|mean)\b|"
    # "... or bleeding (this may be a sign of a blood disorder)", ", which can be signs of X"
    # (a bare ", signs of X" is one more item of the list)
    r"(?:\(\s*(?:this|these|which|that|they|it)?|(?:[,;]|\s[–—-])\s*(?:this|these|which|that|"
    r"they|it))\s*(?:can|may|might|could|would|is|are)?\s*(?:also\s+)?(?:be\s+)?(?:an?\s+)?"
    r"(?:early\s+|possible\s+|warning\s+)?(?:signs?|symptoms?)\s+(?:of|that|your|you)\b|"
    r"\(\s*(?:possibl[ey]|probably)\b",
    re.IGNORECASE,
)


# A list of symptoms closed by the name of the condition they are signs of, in brackets: "fever,
# purple spots on the skin or confusion (a rare blood disorder)". Words that make the bracket a
# comment rather than a name ("usually mild", "especially at first") keep the list.
_NAME_IN_BRACKETS = re.compile(
    r"\(([^()]{2,80})\)(?:\W*$|\s*,\s*(?:especially|particularly|mainly|usually|if|when)\b)",
    re.IGNORECASE,
)
_LISTED = re.compile(r",|\b(or|and)\b", re.IGNORECASE)
_COMMENT_WORDS = re.compile(
    r"\b(usually|especially|often|mostly|mainly|mild|rare|rarely|may|might|can|could|if|when|"
    r"first|weeks?|days?|months?|e\.?g|such|like|including|for example|see|common|commonly|"
    r"during|only|very|a type of|also called|known as|\d)\b",
    re.IGNORECASE,
)


# "confusion or muscle cramps from low sodium": the cause named after its signs
_CAUSED_BY = re.compile(r"\s(?:caused by|due to|because of|from)\s", re.IGNORECASE)


def _named_in_brackets(text: str, matches: list[TermMatch]) -> int | None:
    """Where a closing bracket naming the condition a list of symptoms signals opens, or None."""
    bracket = _NAME_IN_BRACKETS.search(text)
    # a comment after the name ("Fournier's gangrene, very rare") leaves it a name
    if bracket is None or _COMMENT_WORDS.search(bracket.group(1).split(",")[0]):
        return None
    before = [m for m in matches if m.end <= bracket.start()]
    if not before or not _LISTED.search(text, 0, bracket.start()):
        return None
    return bracket.start()


def _symptom_starts(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the terms that only describe a side effect named before or after them."""
    named = _NAMED_AFTER.search(text)
    if named and named.start() > 0:
        return {match.start for match in matches if match.end <= named.start()}
    bracket = _named_in_brackets(text, matches)
    if bracket is not None:
        return {match.start for match in matches if match.end <= bracket}
    cause = _CAUSED_BY.search(text)
    if cause and any(match.start >= cause.end() for match in matches):
        return {match.start for match in matches if match.end <= cause.start()}
    described: set[int] = set()
    describing = False
    for previous, match in pairwise(matches):
        gap = text[previous.end : match.start]
        if describing and _GOES_ON.fullmatch(gap):
            described.add(match.start)
            continue
        describing = ")" not in gap and bool(
            _EXPLAINS.match(gap)
            or (_SIGNS_OF.search(text, 0, previous.start) and _EXAMPLES.match(gap))
        )
        if describing:
            described.add(match.start)
    return described


def _compound_heads(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of terms that end a compound with the term just before them ("C. difficile
    infection", "C. difficile diarrhoea"): part of that term, not an effect of their own."""
    return {
        match.start
        for previous, match in pairwise(matches)
        if previous.end < match.start and not text[previous.end : match.start].strip()
    }


def _severity(passage: Passage, unit: Unit, previous: str) -> str:
    """The severity a unit's mentions carry: serious, common or unspecified."""
    back = previous if _BACK_REFERENCE.search(unit.text) else ""
    for text in (unit.text, back, passage.lead):
        serious, common = _SERIOUS.search(text), _COMMON.search(text)
        if serious and (not common or common.start() < serious.start()):
            return "serious"
        if common:
            return "common"
    if passage.section is Section.SERIOUS_SIDE_EFFECTS:
        return "serious"
    if passage.section is Section.COMMON_SIDE_EFFECTS:
        return "common"
    return "unspecified"


def _is_interaction_statement(passage: Passage, unit: Unit) -> bool:
    return bool(passage.matches(unit, "interaction_agents")) and bool(_AGENT_CUE.search(unit.text))


def _withdrawal_facts(passage: Passage, unit: Unit) -> tuple[list[ExtractedFact], int]:
    """Withdrawal symptoms listed after a withdrawal cue; the offset where the list starts."""
    withdrawal = _WITHDRAWAL.search(unit.text)
    if not withdrawal:
        return [], len(unit.text)
    listing = _LISTING.search(unit.text, withdrawal.end())
    if not listing:
        return [], len(unit.text)
    facts = [
        passage.fact(FactKind.WITHDRAWAL_SYMPTOM, match.key, unit)
        for match in passage.asserted(unit, "side_effects")
        if match.start >= listing.end() and match.key != "withdrawal symptoms"
    ]
    return facts, listing.end()


def extract_side_effects(passage: Passage) -> list[ExtractedFact]:
    """SIDE_EFFECT facts (attrs serious, frequency) and WITHDRAWAL_SYMPTOM facts."""
    if (
        passage.section in QUIET_SECTIONS
        or passage.section in _COMBINATION
        or passage.kind is BlockKind.QUESTION
    ):
        return []
    if passage.section in _NOT_EFFECTS:
        return [f for unit in passage.units for f in _withdrawal_facts(passage, unit)[0]]
    in_section = passage.section in _SIDE_EFFECT_SECTIONS
    facts: list[ExtractedFact] = []
    previous = ""
    for unit in passage.units:
        facts.extend(_withdrawal_facts(passage, unit)[0])
    for unit in passage.term_units("side_effects"):
        list_start = _withdrawal_facts(passage, unit)[1]
        mentioned = in_section or _MENTION.search(unit.text) or _MENTION.search(passage.lead)
        if not mentioned or _is_interaction_statement(passage, unit):
            previous = unit.text
            continue
        severity = _severity(passage, unit, previous)
        symptoms = _symptom_starts(unit.text, passage.matches(unit, "side_effects"))
        symptoms |= _compound_heads(unit.text, passage.matches(unit, "side_effects"))
        for match in passage.asserted(unit, "side_effects"):
            if match.start >= list_start and match.key != "withdrawal symptoms":
                continue
            if match.start in symptoms:
                continue
            if last_cue_end(_TREATS, unit.text, match.start) >= 0 or in_gloss(
                unit.text, match.start
            ):
                continue
            attributes: dict[str, str | bool] = {"serious": severity == "serious"}
            if severity == "common":
                attributes["frequency"] = "common"
            facts.append(passage.fact(FactKind.SIDE_EFFECT, match.key, unit, **attributes))
        previous = (
            unit.text if _SERIOUS.search(unit.text) or _COMMON.search(unit.text) else previous
        )
    return facts
