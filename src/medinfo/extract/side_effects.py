"""Side effects (common or serious) and withdrawal symptoms from one passage."""

from __future__ import annotations

import re
from itertools import pairwise

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.passages import (
    QUIET_SECTIONS,
    RISK_FACTORS,
    Passage,
    cue,
    in_gloss,
    last_cue_end,
)
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
    r"[^.]{0,20}\b(right away|straight away|at once|immediately|urgently|now)\b|"
    r"go to (a&e|hospital|the er|an? (er|emergency room))|call (999|111|112|000|an ambulance))"
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
# "(swollen lips, mouth or throat, difficulty breathing)": the list goes on through the other
# parts of an item before the next sign
_LIST_GOES_ON = re.compile(r"(?:[\s,]*(?:(?:and|or)\s+)?[a-z]+){1,3}[\s,]*(?:(?:and|or)\s+)?")


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
    # ", which can be serotonin syndrome" (not ", which can be severe": a comment)
    r"[,;]\s*(?:which|that)\s+(?:could|may|might|can)\s+be\s+(?!(?:very|severe|serious|"
    r"dangerous|life[- ]threatening|fatal|permanent|rare|mild|common|temporary|worse|"
    r"signs?|symptoms?|a\s+sign|an?\s+(?:early|warning)|treated|a\s+problem|due|caused)\b)|"
    r"\(\s*(?:\w+\s+)?(?:this|these|it)\s+(?:could|may|might|can)\s+(?:be|mean)\b|"
    # "... or fainting (escitalopram can prolong the QT interval)": the cause named in brackets
    r"\(\s*(?:[\w-]+\s+){0,2}(?:could|may|might|can)\s+(?:cause|prolong|lengthen|lead\s+to|"
    r"trigger|bring\s+on)\b|"
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
_NAME_COMMENT = re.compile(r",|;|\s[–—-]\s")
_COMMENT_WORDS = re.compile(
    r"\b(usually|especially|often|mostly|mainly|mild|rare|rarely|may|might|can|could|if|when|"
    r"first|weeks?|days?|months?|e\.?g|such|like|including|for example|see|common|commonly|"
    r"during|only|very|a type of|also called|known as|\d)\b",
    re.IGNORECASE,
)


# "DRESS, which can present with fever, rash and swollen glands": what follows are its signs,
# wherever the condition's own name ends (a bracketed abbreviation may come between)
_PRESENTS_WITH = re.compile(
    r"[,;]?\s*(?:which|that)\s+(?:may|can|might|could|often|will|usually)\s+(?:present|show\s+up|"
    r"start|begin)\s+(?:with|as)\s",
    re.IGNORECASE,
)
# a clause of its own in a list of warnings: "...; you have a fit; ..."
_CLAUSE_BREAK = re.compile(r";")
# "pale skin and tiredness (a type of anaemia called haemolytic anaemia)": the bracket names
# the condition the listed signs point to
_CALLED_IN_BRACKETS = re.compile(
    r"^\s*(?:an?\s+)?(?:type|kind|form|sort)\s+of\s+[\w\s-]{2,40}?\s+(?:called|known\s+as)\s",
    re.IGNORECASE,
)

# "Symptoms include muscle pain, ..." right after a sentence naming a side effect: the signs of
# that effect, not effects of their own
_SIGNS_SENTENCE = re.compile(
    r"^\W*(?:its\s+|the\s+|early\s+|warning\s+)*(?:signs?|symptoms?)"
    r"(?:\s+of\s+(?:it|this|these|that))?(?:\s+(?:can|may|might|often|usually))?\s+"
    r"(?:include|includes|are|to\s+(?:watch|look)\s+(?:out\s+)?for\s+(?:include|are))\b",
    re.IGNORECASE,
)
# "confusion or muscle cramps from low sodium": the cause named after its signs
_CAUSED_BY = re.compile(r"\s(?:caused by|due to|because of|from)\s", re.IGNORECASE)


def _named_in_brackets(text: str, matches: list[TermMatch]) -> int | None:
    """Where a closing bracket naming the condition a list of symptoms signals opens, or None."""
    bracket = _NAME_IN_BRACKETS.search(text)
    # a comment after the name ("Fournier's gangrene, very rare") leaves it a name
    if bracket is None:
        return None
    name = _NAME_COMMENT.split(bracket.group(1))[0]  # "(interstitial lung disease – rare)"
    if _COMMENT_WORDS.search(name) and not _CALLED_IN_BRACKETS.match(name):
        return None
    before = [m for m in matches if m.end <= bracket.start()]
    if not before or not _LISTED.search(text, 0, bracket.start()):
        return None
    return bracket.start()


_BRACKET = re.compile(r"\(([^()]{2,80})\)")
_ITEM_BREAK = re.compile(r"[,;:]")


def _called_conditions(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the terms of a list item that a bracket after them names as the signs of one
    condition ("pale skin and tiredness (a type of anaemia called haemolytic anaemia), ...")."""
    signs: set[int] = set()
    for bracket in _BRACKET.finditer(text):
        if not _CALLED_IN_BRACKETS.match(bracket.group(1)):
            continue
        breaks = _ITEM_BREAK.finditer(text, 0, bracket.start())
        item = max((b.end() for b in breaks), default=0)
        signs |= {m.start for m in matches if item <= m.start and m.end <= bracket.start()}
    return signs


def _symptom_starts(text: str, matches: list[TermMatch]) -> set[int]:
    """Starts of the terms that only describe a side effect named before or after them."""
    named_after = [named for named in _NAMED_AFTER.finditer(text) if named.start() > 0]
    if named_after:
        signs: set[int] = set()
        for named in named_after:
            breaks = _CLAUSE_BREAK.finditer(text, 0, named.start())
            clause = max((b.end() for b in breaks), default=0)
            signs |= {match.start for match in matches if clause <= match.start < named.start()}
        return signs
    called = _called_conditions(text, matches)
    if called:
        return called
    presents = _PRESENTS_WITH.search(text)
    if presents and any(match.end <= presents.start() for match in matches):
        return {match.start for match in matches if match.start >= presents.end()}
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
        if describing and (_GOES_ON.fullmatch(gap) or _LIST_GOES_ON.fullmatch(gap)):
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
    named_before = False  # the unit before named a side effect
    for unit in passage.term_units("side_effects"):
        list_start = _withdrawal_facts(passage, unit)[1]
        mentioned = in_section or _MENTION.search(unit.text) or _MENTION.search(passage.lead)
        if not mentioned or _is_interaction_statement(passage, unit):
            previous, named_before = unit.text, False
            continue
        if named_before and _SIGNS_SENTENCE.match(unit.text):
            continue  # the signs of the effect just named
        named_before = True
        severity = _severity(passage, unit, previous)
        symptoms = _symptom_starts(unit.text, passage.matches(unit, "side_effects"))
        symptoms |= _compound_heads(unit.text, passage.matches(unit, "side_effects"))
        risk = RISK_FACTORS.search(unit.text)
        for match in passage.asserted(unit, "side_effects"):
            if match.start >= list_start and match.key != "withdrawal symptoms":
                continue
            if match.start in symptoms or (risk is not None and match.start >= risk.end()):
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
