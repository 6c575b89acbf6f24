"""Indications (what the drug is used for), whether a source calls them off-label, and the
conditions a source says it is not used for."""

from __future__ import annotations

import re

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.drug_names import find_drug_mentions
from medinfo.extract.passages import (
    QUIET_SECTIONS,
    Passage,
    after_clause_start,
    cue,
    in_gloss,
    last_cue_end,
    open_cue_end,
)
from medinfo.extract.sections import Section
from medinfo.extract.sentences import Unit
from medinfo.extract.terms import TermMatch, vocabulary
from medinfo.knowledge.names import components

_USE_SECTIONS = frozenset({Section.INDICATIONS, Section.OFF_LABEL})
_NOT_RULING_OUT = QUIET_SECTIONS | {Section.INTERACTIONS, Section.OVERDOSE}
# Sections about people: there "is not for people with X" is a caution, not a use ruled out.
_ABOUT_PEOPLE = frozenset({Section.PRECAUTIONS, Section.PREGNANCY, Section.BREASTFEEDING})
# A question about a use ("Does it work for a kidney infection?", "Can it treat acne?"), whose
# "No." answer rules out the condition it names.
_USE_QUESTION = cue(
    r"^\W*(does|do|can|will|would|could|is|are|should)\s+(\w+\s+){0,2}?(be\s+)?"
    r"(work|help|treat|cure|prevent|used|good|effective|prescribed)\b"
)
_SILENT = QUIET_SECTIONS | {
    Section.SIDE_EFFECTS,
    Section.COMMON_SIDE_EFFECTS,
    Section.SERIOUS_SIDE_EFFECTS,
    Section.INTERACTIONS,
    Section.PRECAUTIONS,
    Section.STOPPING,
    Section.MISSED_DOSE,
    Section.OVERDOSE,
    Section.PREGNANCY,
    Section.BREASTFEEDING,
}
_STRONG = cue(
    r"\b(used (to treat|for|in the treatment of|to manage)|treats?|treating|treatment of|"
    r"off[- ]label (for|to treat|in)|"
    r"prescribed (for|to)|indicated (for|in)|approved (for|to)|management of|to manage|"
    r"manages?|managing|(is|are|['’]s|be|been|also|mainly|mostly|often) used to (stop|prevent|"
    r"reduce|lower|control|relieve|ease|help|protect)|"
    r"(use|uses|prescribe|prescribes|give|gives) (it|them|an? (low|small|lower|higher|high) dose) "
    r"(for|to (treat|help( with)?|prevent|manage|control|relieve|ease)))\b"
)
# a lead-in that introduces a list of uses, wherever it stands ("It is licensed to treat:",
# "Doctors prescribe it for lots of conditions, including:", "Common uses include:"); not one
# that introduces the patient's own situation ("Stop taking it if you:", "people who:")
_USE_LEAD = cue(
    r"\b(?:used|uses|licensed|approved|prescrib\w*|indicated|given|treats?)\b"
    r"(?![^:]*\b(?:if|unless|tell|stop|help|who|when|you)\b)[^.:]{0,60}:\s*$"
)
_WEAK = cue(
    r"\b(relieves?|relieving|relief of|reduces?|help with|helps?|controls?|prevents?|eases?|for)\b"
)
# A use stated as lowering the chance of something, not treating it ("reduce the risk of MI",
# "to prevent migraine attacks"): the condition is one to avoid, not one the patient has.
_PREVENTS = cue(
    r"\b((reduces?|reducing|lowers?|lowering|decreases?|decreasing|cuts?) the "
    r"(risk|chance|likelihood|incidence) of|prevents?|preventing|prevention of|"
    r"prophylaxis of|to stop [a-z ]{0,20}from)\b"
)
_OFF_LABEL = cue(
    r"\b(off[- ]?label|(has|have) also been (used|prescribed|tried)|"
    r"occasionally (prescribed|used)|sometimes (prescribed|used)|not (fda[- ])?approved for|"
    r"unapproved|unlicensed|outside (its|the) licen[cs]e|emerging evidence|other uses|"
    r"investigational|(has|have) (also )?been tried (for|in|to)|"
    r"(has|have|had) (also )?been studied (for|in)|studied as a)"
)
# A use cue the clause denies ("should not be used to prevent heart disease", "is never used
# for gout", "is not effective for"): the conditions after it are no uses. "Not approved for"
# stays an off-label cue.
_DENIED_USE = cue(
    r"(\bnot|\bnever|\bnor\s+(?:is|are|does|do|has)\s+(?:it|they)|n['’]t|\bcannot)\s+"
    r"(?!only\b|just\b|merely\b)(\w+\s+){0,2}"
    r"(be\s+)?(used|use|prescribed|given|licensed|effective|indicated|helpful|suitable|meant|"
    r"intended|designed|a\s+treatment|an?\s+\w+\s+treatment|treat(s|ing)?|help(s|ing)?|"
    r"work(s|ing)?|prevent(s|ing)?|cures?|curing|relieves?|relieving|protects?)\b|"
    # "What it is not for: colds and flu"
    r"\bnot\W{0,3}\s+for\s*:"
)
# A use ruled out without a negation word: "is ineffective against", "is of no use for", "has
# no useful activity against", "it is no treatment for" ("there is no cure for" says nothing
# about the drug).
_NO_USE = cue(
    r"\b(?:(?:ineffective|useless|of\s+no\s+(?:[\w-]+\s+)?(?:use|help|benefit|value)|"
    r"no\s+(?:useful|real|meaningful|proven|clinical|significant|worthwhile)?\s*"
    r"(?:use|help|benefit|activity|effect|value|role))\s+(?:against|for|in|with|on)|(?!there\b)\w+(?:\s+is|['’]s)\s+no\s+(?:[\w-]+\s+)?"
    r"(?:treatment|cure|remedy)\s+(?:for|of))\b"
)
# "No cure for X" claims no use of X, whoever it is said of ("there is no cure for MS").
_NO_REMEDY = cue(r"\bno\s+(?:[\w-]+\s+)?(?:treatment|cure|remedy)\s+(?:for|of)\b")
# A use ruled out by saying what the drug is not: "is not a contraceptive", "isn't a
# weight-loss medicine". The condition follows at once and ends the clause or names a kind of
# product; "is not a common side effect" names no condition there.
_NOT_A_KIND = cue(
    r"(?:\b(?:is|are)\s+(?:also\s+|still\s+|really\s+)?not|\b(?:isn|aren)['’]t)\s+"
    r"(?:(?:also|really)\s+)?(?:a|an)\s+$"
)
_KIND_AFTER = cue(
    r"^(?:\s*(?:$|[.,;:!?)]|\b(?:and|or|but|nor)\b)|\s+(?:medicines?|medications?|drugs?|"
    r"pills?|tablets?|treatments?|remed(?:y|ies)|methods?|aids?|products?|cures?)\b)"
)
# A use ruled out by whom the drug is not for: "is not for people with type 1 diabetes". Other
# denials about people ("should not be used in people with kidney failure") stay cautions.
_NOT_FOR_PEOPLE = cue(
    r"(?:\b(?:is|are)\s+not|\b(?:isn|aren)['’]t)\s+(?:meant\s+|intended\s+|designed\s+)?"
    r"for\s+(?:use\s+(?:in|by)\s+)?(?:people|patients|anyone|those|someone|adults|children)"
    r"\s+(?:with|who\s+(?:have|has))\b"
)
# What may stand between a denied use cue and a condition it rules out ("is not effective for",
# "won't help a cold", "is not used to treat"): prepositions, articles, "treat" words and the
# other conditions of the same list (known, or of at most two words before a comma, "or" or
# "and"). Anything else, and any word for people ("not be used in people with asthma, kidney
# failure"), makes the condition someone's, not a use ruled out.
_RULED_OUT_GAP = re.compile(
    r"(?:[\s,]|\b(?:for|to|treat|treating|prevent|preventing|cure|curing|relieve|relieving|"
    r"help|helping|with|in|as|a|an|the|any|treatment|of|against|or|and|nor|either|you|"
    r"such|like|including|e\.g|other|kinds?|types?|forms?)\b|\.|"
    # items of the same list the vocabulary does not know ("heart disease, strokes or ...")
    r"(?:\b[a-z'-]+(?:\s+[a-z'-]+)?\s*,\s*)+(?:[a-z'-]+(?:\s+[a-z'-]+)?\s+(?:or|and|nor)\b)?)*",
    re.IGNORECASE,
)
_PEOPLE_WORD = re.compile(
    r"\b(?:people|patients|persons|individuals|children|adults|anyone|those|women|men|elderly|"
    r"who|whose)\b",
    re.IGNORECASE,
)
# A denial hedged by the source ("may not work for", "does not always help") rules nothing out.
_HEDGE_BEFORE = re.compile(
    r"\b(?:may|might|could|can|sometimes|often|always)(?:\s+be)?\s*$", re.IGNORECASE
)
_HEDGE_WORDS = re.compile(r"\b(?:always|necessarily|everyone|everybody|all|every)\b", re.IGNORECASE)
# A list item that says who the person is ("have glaucoma or thin bones", "are pregnant")
# names their conditions, not the drug's uses.
_PERSON_ITEM = re.compile(
    r"^\W*(?:you\s+)?(?:have|has|had|are|were|you['’]re|you['’]ve|if\s+you)\b", re.IGNORECASE
)


# Who the patients are is not what they are treated for: "In adults with type 2 diabetes and
# multiple risk factors such as smoking or hypertension, it is indicated to reduce the risk of
# stroke" names two conditions the drug is not for.
_RISK_FACTORS = re.compile(
    r"\brisk\s+factors?\b[^.;:]{0,80}?(?:such\s+as|including|like|e\.g\.|:)", re.IGNORECASE
)
_INDICATED = re.compile(r"\bindicated\b", re.IGNORECASE)
_RISKS_OF = re.compile(r"\brisks?\s+of\b", re.IGNORECASE)
_PATIENT_CLAUSE = re.compile(
    r"\b(?:(?:in|for|among)\s+|(?:study|trial|studies|trials)\s+(?:of|in)\s+)"
    r"(?:adult\s+|pediatric\s+|paediatric\s+|older\s+)?"
    r"(?:patients|people|adults|children|persons|individuals)\s+(?:with|without|who)\b",
    re.IGNORECASE,
)

# "the burning feet some people with diabetes get": a condition that says which people
_SOME_PEOPLE_WITH = cue(r"\b(?:some|many|most|other)\s+(?:people|patients)\s+with\s+$")
# "Tell your doctor if you have ever had bipolar disorder", "if anyone in your family has
# glaucoma": the reader's own history, asked about before treatment, is no use.
_IF_YOU_HAVE = re.compile(
    r"\b(?:tell|ask|check\s+with)\s+(?:your|a)\s+(?:doctor|pharmacist|gp|nurse)\b[^.;:]*$|"
    r"\bif\s+(?:you|your|anyone|someone)\b[^.;:]{0,60}\b(?:have|has|had|get|develop|suffer)\w*\b"
    r"[^.;:]*$",
    re.IGNORECASE,
)


def _describes_patients(text: str, start: int, conditions: list[int]) -> bool:
    """Whether the condition at text[start] describes the patients (their risk factors, who they
    are before the statement's "is indicated to", or whom a use named before is for) rather
    than the use; `conditions` are the starts of the conditions the text names."""
    strong_before = max(
        (m.end() for cues in (_STRONG, _INDICATED) for m in cues.finditer(text, 0, start)),
        default=-1,
    )
    if _SOME_PEOPLE_WITH.search(text, 0, start):
        return True
    asked = _IF_YOU_HAVE.search(text, 0, start)
    if asked and asked.start() > strong_before:
        return True
    risk = [m for m in _RISK_FACTORS.finditer(text, 0, start) if m.end() <= start]
    if risk and risk[-1].start() > strong_before:
        return True
    patients = [m for m in _PATIENT_CLAUSE.finditer(text, 0, start) if m.end() <= start]
    if not patients or patients[-1].start() <= strong_before:
        return False
    clause = patients[-1].start()
    if _STRONG.search(text, start) or _INDICATED.search(text, start):
        return True  # "In patients with X, it is indicated to ..."
    # "lowers the risk of stroke in patients with X": the patients of a use already named
    cues = [m for cues in (_STRONG, _WEAK) for m in cues.finditer(text, 0, clause)]
    after_cue = min(max((m.end() for m in cues), default=0), clause)
    return bool(_RISKS_OF.search(text, 0, clause)) or any(
        after_cue <= other < clause for other in conditions
    )


# A condition set against the use just named ("I take it for bipolar, not epilepsy", "for
# pain rather than swelling") or the use of other medicines ("medicines for high blood
# pressure"): not this drug's use.
_CONTRASTED = re.compile(
    r"(?:\b(?:not|rather\s+than|instead\s+of)\s+(?:for\s+|to\s+treat\s+)?|"
    r"(?<!\bof\s)\b(?:other\s+)?(?:medicines|medications|drugs|tablets|pills)\s+(?:used\s+)?"
    r"(?:for|to\s+treat)\s+)$",
    re.IGNORECASE,
)


# A condition the writer asked or read about, not one treated ("started it for seizures and
# asked about hair loss and contraception").
_TOPIC_OF = re.compile(
    r"\b(?:ask\w*|wonder\w*|worr\w*|questions?|talk\w*|read|heard|enquir\w*|inquir\w*)\s+"
    r"(?:\w+\s+)?about\b[^.;:]*$",
    re.IGNORECASE,
)


# A condition the drug was studied or tested for ("It was studied for generalised anxiety
# disorder, but it isn't licensed for that"): research, not a use.
_STUDIED_FOR = re.compile(
    r"\b(?:studied|tested|trialled|trialed|researched|investigated|looked\s+at)\s+"
    r"(?:as\s+a\s+(?:treatment|therapy)\s+)?(?:for|in|as)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# What the reader needs besides the drug ("women still having periods need separate
# contraception"): not a use of it.
_NEEDED = re.compile(
    r"\b(?:need|needs|needed|require|requires)\s+(?:to\s+use\s+)?(?:(?:separate|additional|"
    r"extra|other|reliable|effective)\s+|(?:a|another)\s+(?:separate\s+|different\s+|reliable\s+)?"
    r"(?:form|method|type)\s+of\s+)$",
    re.IGNORECASE,
)


def _denied(text: str, start: int) -> bool:
    """Whether the clause before `start` denies the use ("should not be used to prevent"), sets
    the condition against it ("for bipolar not epilepsy", "medicines for gout"), makes it a
    topic asked about or something the drug was only studied for."""
    set_aside = any(
        pattern.search(text, 0, start)
        for pattern in (_CONTRASTED, _TOPIC_OF, _STUDIED_FOR, _NEEDED)
    )
    return set_aside or any(
        last_cue_end(pattern, text, start) >= 0 for pattern in (_DENIED_USE, _NO_USE, _NO_REMEDY)
    )


def _not_a_kind(text: str, start: int, end: int) -> bool:
    """Whether the condition at text[start:end] is what the drug is said not to be ("is not a
    contraceptive", "isn't a weight-loss medicine")."""
    return bool(_NOT_A_KIND.search(text[after_clause_start(text, start) : start])) and bool(
        _KIND_AFTER.match(text[end:])
    )


# "It does not cure X; it only eases the symptoms": denying a cure while saying it still helps
_CURE = re.compile(r"\bcur(?:e|es|ing)\b", re.IGNORECASE)
_STILL_HELPS = re.compile(
    r"\b(?:relieves?|eases?|controls?|manages?|helps?|treats?|reduces?|improves?|symptoms)\b",
    re.IGNORECASE,
)


def _ruled_out(text: str, start: int, others: list[tuple[int, int]], people: bool = False) -> bool:
    """Whether the condition at `start` follows a denied use cue directly ("is not an effective
    treatment for X", "won't help X or Y", "is not for people with X"), unhedged, in a clause
    the source states; in a section about people (`people`) "not for people with" is a
    caution, not a use ruled out."""
    clause = after_clause_start(text, start)
    patterns = (_DENIED_USE, _NO_USE) if people else (_DENIED_USE, _NOT_FOR_PEOPLE, _NO_USE)
    cues = [
        m
        for pattern in patterns
        for m in pattern.finditer(text)
        if clause <= m.start() and m.end() <= start
    ]
    if not cues:
        return False
    denial = max(cues, key=lambda m: m.end())
    gap = text[denial.end() : start]
    for other_start, other_end in others:  # earlier conditions of the same list
        if denial.end() <= other_start and other_end <= start:
            gap = gap.replace(text[other_start:other_end], " ")
    hedged = _HEDGE_BEFORE.search(text, 0, denial.start()) or _HEDGE_WORDS.search(
        f"{denial.group()} {gap}"
    )
    if _PEOPLE_WORD.search(gap):
        return False
    if _CURE.search(denial.group()) and _STILL_HELPS.search(text, start):
        return False  # "does not cure arthritis - it relieves the pain": a use, not a cure
    return not hedged and _RULED_OUT_GAP.fullmatch(gap) is not None


def _not_for_people(text: str, start: int) -> bool:
    """Whether the clause before `start` says whom the drug is not for ("is not for people
    with")."""
    return last_cue_end(_NOT_FOR_PEOPLE, text, start) >= 0


def _glosses_previous(text: str, start: int, ends: list[int]) -> bool:
    """Whether the condition at `start` stands in a bracket that explains the condition named
    right before it: "angina (chest pain from the heart ...)" names angina only."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    return any(end <= opening and not text[end:opening].strip() for end in ends)


# A cause written after the condition it causes ("fluid on the lungs caused by heart failure",
# "nerve pain from diabetes", "pain after shingles"): the use is the condition, not its cause.
# Only right after a condition just named: "protects the stomach from ulcers", "used after a
# heart attack", "dryness caused by vaginal atrophy" and a list's next item (", after a
# stroke") still name uses.
_CAUSE_AFTER_CONDITION = cue(
    r"^(?:\s*\([^()]{0,60}\))?\s+(?:[a-z]+\s+)?(?:that\s+\w+\s+)?(?:caused\s+by|due\s+to|"
    r"linked\s+to|resulting\s+from|brought\s+on\s+by|secondary\s+to|triggered\s+by|from|after)"
    r"\s+"
    r"(?:(?:a|an|the|your|their|some|certain)\s+)?$"
)
# An appositive that explains the condition before it ("angina, the tight chest pain that comes
# on ...", "osteoporosis, a condition in which bones thin") names no other use.
_APPOSITIVE_OPENING = re.compile(r"^\s*,\s*(?:a|an|the)\b[^,;:.()]*$", re.IGNORECASE)
# a label's dash description ("Trigeminal neuralgia – a severe stabbing facial pain") too
_DASH_DESCRIPTION = re.compile(r"^\s*[–—-]\s*(?:a|an|the)\b[^,;:.()]*$", re.IGNORECASE)
_APPOSITIVE_CLOSING = re.compile(
    r"^[^,;:.()]{0,40}?\b(?:that|which|where|when|in\s+which|caused\s+by)\b", re.IGNORECASE
)


_NAMED_CAUSE = re.compile(r"\b(?:caused\s+by|due\s+to|secondary\s+to)\b", re.IGNORECASE)
# a capitalised word right before a symptom makes it part of a disease's name ("Rocky
# Mountain spotted fever"), unless it opens the statement
_NAME_BEFORE = re.compile(r"(?<=\w)\s+[A-Z][\w'-]*(?:\s+[a-z]+)?\s+$")
_LIST_JOIN = re.compile(r"^\s*,?\s*(?:(?:and|or)\s+)?$", re.IGNORECASE)


def _cause_starts(text: str, found: list[TermMatch]) -> tuple[set[int], set[int]]:
    """Starts of the conditions named as the cause of the condition right before them ("fluid
    on the lungs caused by heart failure"), with the rest of their list ("spasticity caused
    by multiple sclerosis or spinal cord injury"); and the starts of the symptoms plainly
    caused by a condition named after them ("chest pain caused by angina": the use is
    angina, whose name then counts as a use)."""
    causes: set[int] = set()
    symptoms: set[int] = set()
    ordered = sorted(found, key=lambda m: m.start)
    for index, match in enumerate(ordered):
        before = ordered[:index]
        caused = [
            m
            for m in before
            if m.end <= match.start and _CAUSE_AFTER_CONDITION.match(text[m.end : match.start])
        ]
        named_cause = [
            m
            for m in caused
            if m.term.defaults.get("symptom", False)
            and _NAMED_CAUSE.search(text, m.end, match.start)
        ]
        if named_cause:  # "chest pain caused by angina": the use is angina
            symptoms.update(m.start for m in named_cause)
        elif caused or (
            before
            and before[-1].start in causes
            and _LIST_JOIN.match(text[before[-1].end : match.start])
        ):
            causes.add(match.start)
    return causes, symptoms


def _explains_previous(text: str, start: int, end: int, ends: list[int]) -> bool:
    """Whether the condition at text[start:end] stands in an appositive explaining the
    condition named right before it: "angina, the tight chest pain that ...", "trigeminal
    neuralgia - a stabbing facial nerve pain"."""
    closed = bool(_APPOSITIVE_CLOSING.match(text[end:]))
    return any(
        before <= start
        and (
            (closed and _APPOSITIVE_OPENING.match(text[before:start]))
            or _DASH_DESCRIPTION.match(text[before:start])
        )
        for before in ends
    )


def _named_in_bracket_after(text: str, end: int, starts: list[int]) -> bool:
    """Whether a bracket shortly after the symptom ending at `end` names a condition: "pain
    that lingers after shingles (postherpetic neuralgia)" names the neuralgia."""
    opening = text.find("(", end, end + 50)
    closing = text.find(")", opening)
    return (
        opening >= 0
        and not re.search(r"[,;:.]", text[end:opening])
        and any(opening < other < closing for other in starts)
    )


# Where a list of uses moves on to another kind of use: ", and sometimes off label for".
_LIST_TURN = re.compile(r",\s*(?:and|or)\s|;|\.\s", re.IGNORECASE)


# A sentence calling the use just named off-label ("This is an 'off-label' use").
_CALLED_OFF_LABEL = cue(
    r"^\W*(?:this|that|it)\s+(?:is|['’]s)\s+(?:an?\s+|called\s+(?:an?\s+)?)?\W?(?:off[- ]?label|"
    r"unlicensed|not\s+(?:a\s+)?licensed)"
)


def _off_label(passage: Passage, unit: Unit, seen_cue: bool, start: int) -> bool:
    """Whether the use at unit.text[start] is called off-label: in an off-label section, after
    an earlier unit's or a lead-in's cue, or after the unit's own cue; a cue after the use
    counts unless the list turns between them ("used for psoriasis, and sometimes off
    label for Crohn's disease": psoriasis is an approved use)."""
    if passage.section is Section.OFF_LABEL or seen_cue or _OFF_LABEL.search(passage.lead):
        return True
    following = passage.following(unit)
    if following is not None and _CALLED_OFF_LABEL.match(following.text):
        return True  # "... to help with sleep problems. This is an off-label use."
    cues = [m.start() for m in _OFF_LABEL.finditer(unit.text)]
    return any(cue < start or not _LIST_TURN.search(unit.text, start, cue) for cue in cues)


# "to stop gout attacks from happening": the condition stands inside the prevention cue
_STOP_BEFORE = re.compile(r"\bto (?:stop|keep)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_FROM_AFTER = re.compile(r"^[\w\s-]{0,30}?\bfrom\s+(?:happening|coming|occurring|starting)\b")


def _prevents(text: str, start: int) -> bool:
    """Whether the nearest use cue before `start` states prevention rather than treatment."""
    if _STOP_BEFORE.search(text, 0, start) and _FROM_AFTER.match(text[start:]):
        return True
    prevents = last_cue_end(_PREVENTS, text, start)
    return prevents >= 0 and prevents >= last_cue_end(_STRONG, text, start)


# A condition named as a side effect ("side effects like mouth ulcers") is no use.
_AS_SIDE_EFFECT = cue(
    r"\b(?:side[- ]effects?|adverse (?:effects?|reactions?))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:like|such\s+as|including|include|e\.g\.?)\s+(?:[\w'-]+[\s,]+){0,6}$"
)
# A weak cue a negation shortly before denies: "is not usually the first choice for X",
# "isn't much help for X" (not "does not cause drowsiness and helps with X").
_DENIED_WEAK = cue(
    r"(?:\b(?:not|never|no)\b|n['’]t\b)(?:(?!\band\b|\bbut\b)[^,;:]){0,60}"
    r"\b(?:for|helps?|help with|relieves?|reduces?|controls?|prevents?|eases?)$"
)
# A weak cue whose subject is an action just described, not the drug: "Rinse your mouth
# after each dose. This helps prevent thrush."
_ACTION_SUBJECT = cue(
    r"^\W*(?:this|that|doing\s+(?:this|so)|which)\s+(?:also\s+|can\s+|will\s+|may\s+)?"
    r"(?:helps?|prevents?|reduces?|lowers?|stops?|eases?)\b|"
    # "Keeping blood sugar in a healthy range helps to prevent kidney damage"
    r"^\W*(?:keeping|controlling|lowering|getting|bringing|staying|losing)\s+[^.;]{0,60}?\b"
    r"(?:helps?|prevents?|reduces?|lowers?|stops?|cuts?)\b"
)
# A weak cue that asks for medical help, not the drug's: "Get help urgently with a severe hypo".
_SEEK_HELP = cue(r"\b(?:get|gets|getting|seek|seeking|call\s+for|ask\s+for)\s+(?:\w+\s+)?help$")
# Words between a weak cue and a condition that start a new statement, so the cue does not
# reach it: "Starting it for the first time after 60 is associated with a risk of stroke".
_BEYOND_WEAK = cue(r"\b(?:is|are|was|were|been)\b")
# A condition named as a risk, not a use, unless the drug lowers it ("higher risk of stroke").
_RISK_OF = cue(r"\b(?:risks?|chances?)\s+of\s+(?:[\w'-]+[\s,]+){0,4}$")
# A sentence reporting a harm: in a uses section, it names no use without a use cue
# ("low mood and depression have been reported with finasteride").
_REPORTS_HARM = cue(
    r"\b(?:(?:has|have|had|been|was|were)\s+reported|side[- ]effects?|adverse|"
    r"(?:can|may|might|could)\s+(?:also\s+)?cause|causes|caused)\b"
)
# "Raynaud's phenomenon, where the fingers go white in the cold": a clause describing the
# condition named before it names no use of its own
_RELATIVE_BEFORE = re.compile(r"[\w'’)],\s*(?:where|in\s+which|when)\b[^.;]*$", re.IGNORECASE)
# what the condition is the harm of: "... and cause a stroke or heart attack"
_CAUSES_IT = cue(
    r"\b(?:cause[sd]?|causing|lead(?:s|ing)?\s+to|led\s+to|trigger(?:s|ed|ing)?|"
    r"result(?:s|ed|ing)?\s+in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+(?:or\s+)?){0,3}$"
)
# "People with type 1 diabetes use it alongside...": the patients who take it name a use.
_PEOPLE_WITH = cue(
    r"\b(?:people|patients|adults|children|those|women|men)\s+(?:with|who\s+have)\s+$"
)
_USE_IT = cue(
    r"\s*(?:\([^)]*\)\s*)?(?:often\s+|usually\s+|also\s+|mostly\s+)?"
    r"(?:use|take|are\s+(?:given|prescribed|treated\s+with))\s+(?P<object>[\w-]+(?:\s+[\w-]+)?)"
)
# A use only tried or studied, which the sentence goes on to say did not prove out: "It has
# been tried in small studies in bipolar disorder, but the results were not convincing".
_TRIED = cue(
    r"\b(?:tried|studied|tested|investigated|trials?|studies|search(?:ing)?\s+for|"
    r"developed\s+(?:as|for)|originally|first\s+made|looked\s+at|researchers?)\b"
)
# The sentence after a tried use that says it did not become one ("Neither of these is an
# approved use", "None of these is licensed").
_NEXT_NOT_A_USE = cue(
    r"^\W*(?:(?:neither|none)\s+of\s+(?:these|them|those)|(?:this|these|that)\s+(?:is|are)\s*"
    r"(?:n['’]t|not))\b[^.]*\b(?:approved|licensed|proven|recommended|used|uses?|standard)\b"
)
_NOT_BORNE_OUT = cue(
    r"\b(?:but|however|although|though|yet)\b[^.;]*?(?:\bnot\s+(?:\w+\s+)?(?:convincing|approved|"
    r"licensed|proven|recommended|effective|shown)|\bno\s+(?:clear\s+|real\s+|good\s+)?"
    r"(?:benefit|evidence|effect)|\b(?:did|does|do)\s*(?:n['’]t|not)\s+(?:work|help)|"
    r"\b(?:disappointing|inconclusive|unconvincing|failed|never\s+been\s+used))"
)
_OWN_SUBJECT = re.compile(r"\b(?:it|this\s+(?:medicine|medication|drug))\b", re.IGNORECASE)


def _next_says_not_a_use(passage: Passage, unit: Unit) -> bool:
    """Whether the sentence after the unit says the uses it named are none ("Neither of these
    is an approved use")."""
    following = passage.following(unit)
    return following is not None and bool(_NEXT_NOT_A_USE.match(following.text))


def _used_by_patients(passage: Passage, text: str, start: int, end: int) -> bool:
    """Whether the condition at text[start:end] names the patients who take this drug."""
    taken = _USE_IT.match(text, end)
    if not taken or not _PEOPLE_WITH.search(text, 0, start):
        return False
    taken_object = taken.group("object").lower()
    own = (*passage.names, *components(passage.drug))
    return bool(_OWN_SUBJECT.match(taken_object)) or any(
        name and taken_object.startswith(name) for name in own
    )


# "a true allergy to penicillin", "intolerant of statins": the patient's reaction to another
# medicine, never a use
_TO_WHAT = re.compile(r"\s+(?:to|of)\s+([\w-]+)")


def _of_a_medicine(text: str, end: int) -> bool:
    """Whether the condition ending at `end` is had to a medicine ("allergy to penicillin")."""
    found = _TO_WHAT.match(text, end)
    return found is not None and bool(find_drug_mentions(found.group(1)))


# "cyproheptadine, an antihistamine used for allergies": what follows another drug's name
# describes that drug
_DESCRIBED_AFTER = re.compile(
    r"^\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,5}?(?:used|prescribed|given|taken)\s+(?:for|to|in)\b",
    re.IGNORECASE,
)


def _another_drugs_use(passage: Passage, text: str, start: int) -> bool:
    """Whether the clause naming the condition at `start` speaks of another drug and never of
    this one ("I used to take ibuprofen for period pain"), or a description of another drug
    names it ("cyproheptadine, an antihistamine used for allergies")."""
    own = frozenset(components(passage.drug))
    if any(
        not frozenset(components(m.generic)) & own and _DESCRIBED_AFTER.match(text[m.end : start])
        for m in find_drug_mentions(text[:start])
    ):
        return True
    clause = text[after_clause_start(text, start) : start]
    others = [m for m in find_drug_mentions(clause) if not frozenset(components(m.generic)) & own]
    if not others:
        return False
    lowered = clause.lower()
    return not _OWN_SUBJECT.search(clause) and not any(
        name and name in lowered for name in (*passage.names, *own)
    )


# A category the text goes on to name members of ("bacterial infections including pneumonia",
# "chest infections such as bronchitis"): the members are the uses.
_MEMBERS_FOLLOW = re.compile(r"^\s*,?\s*(?:such\s+as|including|like|e\.g\.?,?)\s", re.IGNORECASE)


def _category(text: str, end: int, starts: list[int]) -> bool:
    """Whether the condition ending at `end` is a category whose members follow at once."""
    follows = _MEMBERS_FOLLOW.match(text[end:])
    return follows is not None and any(
        end + follows.end() <= other <= end + follows.end() + 3 for other in starts
    )


# the symptoms of a use named before them: "hay fever symptoms such as sneezing and an itchy,
# runny nose" names hay fever only
_SYMPTOMS_NAMED = re.compile(
    r"\b(?:symptoms?|signs?)\s+(?:such\s+as|like|including|e\.g\.?)\s+[^.;:()]*$", re.IGNORECASE
)
# a noun after a condition's name that makes it qualify something else
_NAMES_SOMETHING_ELSE = re.compile(
    r"\s+(?:advice|guidance|guidelines?|rules|vaccines?|vaccinations?|jabs?|tests?|testing|"
    r"screening|clinics?|services?|charity|charities|nurses?|teams?)\b",
    re.IGNORECASE,
)
# "other diabetes medicines": medicines for the condition, not a use stated of this one
_OTHER_BEFORE = re.compile(r"\bother\s+$", re.IGNORECASE)
_MEDICINES_AFTER = re.compile(
    r"\s+(?:medicines?|medications?|drugs?|tablets?|treatments?|pills?)\b", re.IGNORECASE
)
# the people a reported study enrolled: what they had is no use
_STUDY_OF_PEOPLE = cue(
    r"\b(?:study|trial|studies|trials)\s+(?:of|in)\s+(?:\w+\s+)?(?:people|patients|adults|"
    r"children|women|men)\s+(?:with|who)\b"
)
# a use cue a later clause denies for what follows: "only used for pain ..., and never after
# removal of tonsils for sleep apnoea"
_DENIED_LATER = cue(r"(?:,|;)\s*(?:(?:and|but)\s+)?(?:never|not)\b[^.;]*$")
# A sentence that goes on naming the uses the sentence before stated ("It's used to relieve
# allergies. That includes hay fever and hives."): its conditions are uses too.
_GOES_ON = cue(
    r"^\W*(?:(?:that|this|these|those|they|which)\s+(?:also\s+)?(?:includes?|covers?|"
    r"means?|can\s+be|are|is)|including|such\s+as|e\.g\.?|for\s+example)\b"
)


def _accepts(passage: Passage, unit: Unit, start: int, end: int, symptom: bool) -> bool:
    """Whether a condition at `start` in the unit is stated as a use of the drug.

    Symptoms (pain, fever...) count only as listed uses, after a strong cue ("used to
    treat"), or after a weak one ("relieves") in the opening paragraph, which states
    the main uses: elsewhere "relieves pain" is usually a benefit of treating something else.
    """
    listed = unit.role in ("cell", "label") or passage.kind is BlockKind.LIST_ITEM
    if _goes_on_stated_use(passage, unit):
        return True
    if passage.section in _USE_SECTIONS and listed:
        return True
    lead = passage.lead
    if listed and not symptom and _USE_LEAD.search(lead) and not _DENIED_USE.search(lead):
        return True  # "It is licensed to prevent and treat:" then the uses, one an item
    text = unit.text
    clause = after_clause_start(text, start)
    if _of_a_medicine(text, end):
        return False
    if _used_by_patients(passage, text, start, end):
        return True
    if _TRIED.search(text, clause, start) and (
        _NOT_BORNE_OUT.search(text, end) or _next_says_not_a_use(passage, unit)
    ):
        return False
    if _RISK_OF.search(text[clause:start]) and not _prevents(text, start):
        return False
    if _CAUSES_IT.search(text[clause:start]) and not _prevents(text, start):
        return False  # "the blood pressure can fall too quickly and cause a heart attack"
    if _NAMES_SOMETHING_ELSE.match(text, end):
        return False  # "follow current COVID advice", "the flu vaccine", "an HIV test"
    if _OTHER_BEFORE.search(text, 0, start) and _MEDICINES_AFTER.match(text, end):
        return False  # "alongside other diabetes medicines such as metformin"
    if _STUDY_OF_PEOPLE.search(text, 0, start):
        return False  # "In a study of people who had a minor stroke, it was not better than"
    strong = open_cue_end(_STRONG, text, start)
    if strong >= 0:
        return not _DENIED_LATER.search(text, strong, start)
    weak = open_cue_end(_WEAK, text, start)
    denied = weak >= 0 and bool(
        _DENIED_WEAK.search(text[clause:weak])
        or _ACTION_SUBJECT.match(text[clause:])
        or _SEEK_HELP.search(text[clause:weak])
        or _BEYOND_WEAK.search(text[weak:start])
    )
    if symptom:
        return passage.opening and weak >= 0 and not denied
    if weak < 0 and (_REPORTS_HARM.search(text) or passage.names_other_drug(text[:start])):
        return False
    # a denied cue is no use even in a uses section ("Does it treat anxiety? It is not
    # usually the first choice for generalised anxiety disorder.")
    return not denied and (passage.section in _USE_SECTIONS or weak >= 0)


def _goes_on_stated_use(passage: Passage, unit: Unit) -> bool:
    """Whether the unit goes on from a sentence right before it that states a use with a
    strong cue ("It's used to treat allergies. That includes hay fever.")."""
    if not _GOES_ON.search(unit.text):
        return False
    index = next((i for i, u in enumerate(passage.units) if u is unit), 0)
    if index == 0:
        return False
    before = passage.units[index - 1].text
    return last_cue_end(_STRONG, before, len(before)) >= 0 and not _DENIED_USE.search(before)


_NOT_FOR_LABEL = cue(r"\bnot\s+(?:\w+\s+){0,2}for\s*$")  # "What it's not for", "Not used for"


def _label_denies(passage: Passage, unit: Unit) -> bool:
    """Whether the unit describes a list label that rules uses out ("What it is not for:
    colds and flu"): the conditions it names are no uses."""
    return unit.role == "description" and any(
        other.role == "label"
        and any(p.search(other.text) for p in (_DENIED_USE, _NO_USE, _NOT_FOR_LABEL))
        for other in passage.units
    )


def _ruled_out_uses(passage: Passage) -> list[ExtractedFact]:
    """NOT_A_USE facts for the conditions the passage says the drug is not used for or does
    not help; a side-effects section may say so too ("does not work against viral
    infections"), a cautions or pregnancy section speaks of people, not uses."""
    if passage.section in _NOT_RULING_OUT or passage.kind in (
        BlockKind.QUESTION,
        BlockKind.HEADING,
    ):
        return []
    facts: list[ExtractedFact] = []
    people = passage.section in _ABOUT_PEOPLE
    if passage.denied_question and _USE_QUESTION.search(passage.denied_question):
        answer = passage.units[0]
        for match in vocabulary("conditions").find(passage.denied_question):
            facts.append(passage.fact(FactKind.NOT_A_USE, match.key, answer))
    for unit in passage.term_units("conditions"):
        if _PERSON_ITEM.match(unit.text) and last_cue_end(_STRONG, unit.text, len(unit.text)) < 0:
            continue
        found = passage.matches(unit, "conditions")
        named = [m.start for m in found]
        spans = [(m.start, m.end) for m in found]
        for match in found:
            if in_gloss(unit.text, match.start):
                continue
            by_people = not people and _not_for_people(unit.text, match.start)
            if (
                _label_denies(passage, unit)
                or _not_a_kind(unit.text, match.start, match.end)
                or (
                    _ruled_out(unit.text, match.start, spans, people)
                    and (by_people or not _describes_patients(unit.text, match.start, named))
                )
            ):
                mode = {"prevents": True} if _prevents(unit.text, match.start) else {}
                facts.append(passage.fact(FactKind.NOT_A_USE, match.key, unit, **mode))
    return facts


def extract_indications(passage: Passage) -> list[ExtractedFact]:
    """INDICATION facts (attr off_label) from the passage, and NOT_A_USE facts for the
    conditions it says the drug is not used for or does not help."""
    facts = _ruled_out_uses(passage)
    if passage.section in _SILENT or passage.kind in (BlockKind.QUESTION, BlockKind.HEADING):
        return facts
    seen_cue = False
    for unit in passage.term_units("conditions"):
        if _PERSON_ITEM.match(unit.text) and last_cue_end(_STRONG, unit.text, len(unit.text)) < 0:
            continue
        found = passage.matches(unit, "conditions")
        named = [m.start for m in found]
        ends = [m.end for m in found]
        # a bracket after a cause or a symptom names the use the words before it describe:
        # "nerve pain from diabetes (diabetic neuropathy)", "pain after shingles (PHN)"
        causes, caused_symptoms = _cause_starts(unit.text, found)
        glossed = [
            m.end
            for m in found
            if not m.term.defaults.get("symptom", False) and m.start not in causes
        ]
        for match in passage.asserted(unit, "conditions"):
            symptom = bool(match.term.defaults.get("symptom", False))
            if (
                in_gloss(unit.text, match.start)
                or _glosses_previous(unit.text, match.start, glossed)
                or (symptom and _named_in_bracket_after(unit.text, match.end, named))
                or _explains_previous(unit.text, match.start, match.end, ends)
                or match.start in causes
                or match.start in caused_symptoms
                or (symptom and _NAME_BEFORE.search(unit.text, 0, match.start) is not None)
                or (symptom and _SYMPTOMS_NAMED.search(unit.text, 0, match.start) is not None)
                or _denied(unit.text, match.start)
                or _label_denies(passage, unit)
                or _not_a_kind(unit.text, match.start, match.end)
                or _describes_patients(unit.text, match.start, named)
                or _AS_SIDE_EFFECT.search(
                    unit.text[after_clause_start(unit.text, match.start) : match.start]
                )
                or _another_drugs_use(passage, unit.text, match.start)
                or _RELATIVE_BEFORE.search(unit.text, 0, match.start)
                or _category(unit.text, match.end, named)
                or not _accepts(passage, unit, match.start, match.end, symptom)
            ):
                continue
            after = unit.text[match.end : match.end + 14].lower()
            off = (
                _off_label(passage, unit, seen_cue, match.start)
                or "off-label" in after
                or "off label" in after
            )
            prevention = _prevents(unit.text, match.start)
            extra = {"prevents": True} if prevention else {}
            facts.append(passage.fact(FactKind.INDICATION, match.key, unit, off_label=off, **extra))
        seen_cue = seen_cue or bool(_OFF_LABEL.search(unit.text))
    return facts
