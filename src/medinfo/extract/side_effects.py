"""Side effects (common or serious) and withdrawal symptoms from one passage."""

from __future__ import annotations

import re

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.effect_signs import (
    bracket_names,
    describing_starts,
    names_something_else,
    signs_sentence,
)
from medinfo.extract.passages import (
    QUIET_SECTIONS,
    Passage,
    cue,
    in_gloss,
    open_cue_end,
    risk_factor_reach,
)
from medinfo.extract.precautions import asks_before_use
from medinfo.extract.sections import Section, effect_grade
from medinfo.extract.sentences import Unit

_SIDE_EFFECT_SECTIONS = frozenset(
    {Section.SIDE_EFFECTS, Section.COMMON_SIDE_EFFECTS, Section.SERIOUS_SIDE_EFFECTS}
)
# Sections about stopping or overdose: the symptoms they list are not side effects.
_NOT_EFFECTS = frozenset({Section.STOPPING, Section.OVERDOSE, Section.MISSED_DOSE})
# "Taking too much may cause a severe headache and vomiting": the signs of an overdose,
# outside a side-effects section, are not side effects
_OVERDOSE = cue(r"\b(?:overdos\w*|(?:take|takes|taking|taken|took)\s+too\s+(?:much|many))\b")
# Effects named where interactions are discussed are effects of the combination; where
# pregnancy or breastfeeding is discussed, they are the unborn or breastfed baby's.
_COMBINATION = frozenset({Section.INTERACTIONS, Section.PREGNANCY, Section.BREASTFEEDING})
# "seriously constipated" only says how much; "the scary ones", "worrying signs" are everyday
# words for the serious list
_SERIOUS = cue(
    r"(?<!\bnot\s)(?<!n't\s)(?<!n’t\s)(?<!\bnever\s)(?<!\bnothing\s)"  # "not scary"
    r"\b(serious(?!ly)|severe(?!ly)|dangerous|life-threatening|rare but|scary|worrying|alarming|"
    r"seek (immediate |emergency |urgent )?"
    r"medical (attention|help|care|advice)|seek (immediate|emergency|urgent) (help|care|attention)|"
    r"call (your doctor|911)|get (emergency |urgent )?"
    r"(medical )?help|emergency|stop taking .{0,30} and (call|contact|get|seek|speak|talk)|"
    r"(call|contact|tell|see|ring|speak to|talk to) (your|a) (doctor|gp|pharmacist|"
    r"healthcare provider|(care |medical |specialist )?team|nurse)"
    r"[^.]{0,20}\b(right away|straight away|at once|immediately|urgently|now)\b|"
    r"go to (a&e|hospital|the er|an? (er|emergency room))|call (999|111|112|000|an ambulance))"
)
# "more common in people carrying HLA-B*1502" says who is at risk, not how often
_COMMON = cue(
    r"(?<!less )(?<!un)\b(common|commonest|commonly)\b(?!\s+(in|among)\s+(people|patients|"
    r"those|women|men|children|older|adults|anyone))"
    # "more common with long-term use" says when the risk grows, not how often it happens
    r"(?!(?<=more common)\s+(with|after|over|as|when|if|the longer)\b)|\b(frequent|most often|mild|"
    r"usually go away)\b"
)
# "Also low sodium." carries on the list of the sentence before
_BACK_REFERENCE = cue(r"^(these|they|this|such|those|examples?|also)\b")
# "Get urgent help for bleeding that will not stop": a warning about effects wherever it stands
_URGENT_FOR = cue(
    r"\b((get|seek|call for) (urgent|emergency|immediate) (medical )?(help|attention|care|"
    r"treatment) (for|if)|call (999|911|112|000|an ambulance) (for|if))\b"
    r"(?!\s+(someone|somebody|they|he|she|the person|a person)\b)"  # first aid for another
)
_MENTION = cue(
    r"\b(side effects?|adverse (effects?|reactions?)|(can|may|might|could|to|often|also|"
    r"commonly|sometimes|rarely) (also )?(cause|lead to|result in|trigger|produce)s?|"
    r"causes|reactions? (include|such as|like)|"
    # "it may make you feel sleepy", "some people find it makes them feel sick"
    r"makes? (you|people|some people|them|many people) (feel|look|more|less)|"
    r"leaves? (you|people|them) feeling)\b"
)
_WITHDRAWAL = cue(
    r"\b(withdrawal|stopp(ing|ed)\b.{0,40}\b(suddenly|abruptly|quickly)|"
    r"(suddenly|abruptly) stopp|discontinu|cessation)"
)
# "... such as", and a colon opening the list ("withdrawal symptoms if stopped abruptly:
# dizziness, ...")
_LISTING = cue(r"\b(including|such as|like|include|includes|e\.g\.)\b|:\s")
_TREATS = cue(
    r"\b(used (to treat|for)|treats?|treating|prescribed (for|to)|indicated for|relieve|managing|"
    r"manage|beneficial in|effective (for|in)|(first|second|last)[- ](choice|line)( \w+)? for)\b"
)
# "may cause a serious condition called neuroleptic malignant syndrome": the sentence after,
# when it only says to get help "if you have ...", lists that condition's signs
_CALLED = cue(r"\b(?:condition|syndrome|reaction|disorder|problem)\s+(?:called|known\s+as)\b")
_URGENT_IF = cue(
    r"^\W*(?:get|seek|call|contact)\b[^.;:]{0,40}?\bif\s+you\s+(?:have|get|notice|develop|"
    r"experience)\b"
)
_AGENT_CUE = cue(
    r"\b(combin|together with|mix|in combination|while taking|with alcohol|avoid|plus|"
    r"along(side| with)|"
    r"tak(e|es|ing) (these|them|this|those|it) with|add(s|ed|ing)? to (its|the|\w+['’]s) )"
)


def _label_of(passage: Passage, unit: Unit) -> str:
    """The label heading a description unit ("Serious - get help now: ..."), or ""."""
    if unit.role != "description":
        return ""
    labels = (u.text for u in passage.units if u.role == "label" and u.block is unit.block)
    return next(labels, "")


def _severity(passage: Passage, unit: Unit, previous: str) -> str:
    """The severity a unit's mentions carry: serious, common or unspecified. The unit's own
    words decide first, then the sentence it refers back to, its line's label ("Common:",
    "Serious - get urgent help:"), the lead-in of its list and the short opening sentence of
    its paragraph ("Serious effects are less common.")."""
    back = previous if _BACK_REFERENCE.search(unit.text) else ""
    opening = _paragraph_opening(passage)
    for text in (unit.text, back, _label_of(passage, unit), passage.lead, opening):
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


# A label that says the effects after it did not happen ("What I haven't had:").
_DENYING_LABEL = cue(
    r"(?:\bhave\s+not|\bhas\s+not|\bdid\s+not|\b(?:haven|hasn|didn)['’]t|\bnever)\s+"
    r"(?:\w+\s+)?(?:had|got|get|noticed|experienced|seen)\b[^:]*:?\s*$"
)
_OPENING_WORDS = 8  # an opening sentence this short, naming no effect, heads its paragraph


# "Serious but less common effects are ...": an opening that grades the paragraph's effects
_GRADED_OPENING = cue(
    r"^(?:the\s+)?(?:more\s+|most\s+)?(?:serious|severe)(?:\s+(?:but|and)\s+(?:less\s+common|"
    r"rarer|rare|uncommon))?\s+(?:side\s+|adverse\s+)?(?:effects?|reactions?|problems|risks)\b"
)


def _paragraph_opening(passage: Passage) -> str:
    """The first sentence of a paragraph when it only announces a kind of effect ("Serious
    effects are less common.") or opens by grading them ("Serious but less common effects
    are ..."); "" otherwise."""
    if passage.kind is not BlockKind.PARAGRAPH or len(passage.units) < 2:
        return ""
    first = passage.units[0]
    if _GRADED_OPENING.search(first.text):
        return first.text
    if len(first.text.split()) > _OPENING_WORDS or passage.matches(first, "side_effects"):
        return ""
    return first.text


def _cue_reach(text: str) -> tuple[int, int] | None:
    """The span a mention cue of the text reaches: the whole text, or only the bracket that
    holds every cue; None without a cue."""
    cues = [*_MENTION.finditer(text), *_URGENT_FOR.finditer(text)]
    if not cues:
        return None
    spans = []
    for found in cues:
        opened = text.rfind("(", 0, found.start())
        closed = text.find(")", found.end())
        if opened < 0 or ")" in text[opened : found.start()] or closed < 0:
            return 0, len(text)  # a cue outside brackets reaches the whole unit
        spans.append((opened, closed))
    return min(s for s, _ in spans), max(e for _, e in spans)


def _following(passage: Passage, unit: Unit) -> str:
    """The text of the unit after `unit` in its passage, or ""."""
    units = passage.units
    index = next(i for i, u in enumerate(units) if u is unit)
    return units[index + 1].text if index + 1 < len(units) else ""


# "it shouldn't be used right after a heart attack, with heart rhythm problems": who must not
# take it; the conditions after the cue are contraindications, not effects
_NOT_TO_BE_USED = cue(
    r"\b(?:should\s*n[o'’]t|must\s*n[o'’]t|(?:is|are)\s*n[o'’]t|can\s*not|can['’]t|never)\s+"
    r"(?:\w+ly\s+)?(?:be\s+)?(?:used|taken|given|prescribed|started)\b|"
    # "It isn't suitable if you've had a heart attack", "Do not take it if you: ..."
    r"\b(?:is|are)\s*n[o'’]t\s+(?:\w+\s+)?suitable\b|\bnot\s+suitable\b|"
    r"\b(?:do|should|must)\s*(?:not|n['’]t)\s+(?:take|use)\s+(?:it|this(?:\s+medicine)?|[a-z]+)"
    r"\s+if\s+you\b"
)


def _conditions_asked_about(passage: Passage, unit: Unit) -> set[int]:
    """Starts of the conditions a before-use question asks about ("Tell your doctor if you
    have kidney problems, as it isn't suitable for everyone") or that rule the drug out ("it
    shouldn't be used right after a heart attack"): precautions, not effects."""
    if _NOT_TO_BE_USED.search(_label_of(passage, unit)):  # "Do not take it if you: ..."
        return {m.start for m in passage.matches(unit, "side_effects")}
    ruled_out = _NOT_TO_BE_USED.search(unit.text)
    if ruled_out:
        return {m.start for m in passage.matches(unit, "side_effects") if m.start > ruled_out.end()}
    if not asks_before_use(unit.text):
        return set()
    return {match.start for match in passage.matches(unit, "precautions")}


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


# a list's lead-in saying its items did not happen ("Things that did **not** happen:", "What
# I never got:")
_DID_NOT_HAPPEN = re.compile(
    r"\b(?:did|have|has)\W*\s*(?:not|n['’]t)\W*\s*(?:happen|get|have|notice|experience|had|got)"
    r"\w*\b[^.:]*:\W*$|\bnever\s+(?:happened|got|had|noticed|experienced)\b[^.:]*:\W*$",
    re.IGNORECASE,
)


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
    if passage.kind is BlockKind.LIST_ITEM and _DID_NOT_HAPPEN.search(passage.lead):
        return []  # "Things that did not happen:" lists effects the writer did not have
    in_section = passage.section in _SIDE_EFFECT_SECTIONS
    facts: list[ExtractedFact] = []
    previous = ""
    for unit in passage.units:
        facts.extend(_withdrawal_facts(passage, unit)[0])
    named_before = False  # the unit before named a side effect
    called = False  # the unit before named a condition by name ("a condition called NMS")
    for unit in passage.term_units("side_effects"):
        if not in_section and _OVERDOSE.search(unit.text):
            continue
        list_start = _withdrawal_facts(passage, unit)[1]
        label = _label_of(passage, unit)
        if _DENYING_LABEL.search(label):
            continue  # "What I haven't had: weight gain."
        mentioned = (
            in_section
            # a line labelled only with how common or serious its effects are ("Serious: a,
            # b, c") lists side effects wherever it stands (a forum's summary post)
            or effect_grade(label) is not None
            or any(
                _MENTION.search(text) or _URGENT_FOR.search(text) for text in (label, passage.lead)
            )
        )
        # a cue of the unit's own reaches the terms outside any bracket it stands in:
        # "Asthma (can cause wheezing), heart block" names no effect but wheezing
        reach = None if mentioned else _cue_reach(unit.text)
        mentioned = mentioned or reach is not None
        if not mentioned or _is_interaction_statement(passage, unit):
            previous, named_before, called = unit.text, False, False
            continue
        if named_before and signs_sentence(unit.text):
            continue  # the signs of the effect just named
        if called and _URGENT_IF.match(unit.text):
            continue  # "... a condition called NMS. Get help right away if you have fever, ..."
        called = bool(_CALLED.search(unit.text))
        named_before = True
        severity = _severity(passage, unit, previous)
        found = passage.matches(unit, "side_effects")
        symptoms = describing_starts(unit.text, found, _following(passage, unit))
        named = bracket_names(unit.text, found)
        risk = risk_factor_reach(unit.text)
        conditions = _conditions_asked_about(passage, unit)
        for match in passage.asserted(unit, "side_effects"):
            if match.start >= list_start and match.key != "withdrawal symptoms":
                continue
            if match.start in symptoms or (risk is not None and risk[0] <= match.start < risk[1]):
                continue
            if match.start in conditions or names_something_else(unit.text, match):
                continue
            if reach is not None and not reach[0] <= match.start < reach[1]:
                continue
            if open_cue_end(_TREATS, unit.text, match.start) >= 0 or (
                in_gloss(unit.text, match.start) and match.start not in named
            ):
                continue
            # an effect grave in itself (Stevens-Johnson syndrome) is serious wherever the
            # text does not grade it
            serious = severity == "serious" or (
                severity == "unspecified" and match.term.defaults.get("grave") is True
            )
            attributes: dict[str, str | bool] = {"serious": serious}
            if severity == "common":
                attributes["frequency"] = "common"
            facts.append(passage.fact(FactKind.SIDE_EFFECT, match.key, unit, **attributes))
        previous = (
            unit.text if _SERIOUS.search(unit.text) or _COMMON.search(unit.text) else previous
        )
    return facts
