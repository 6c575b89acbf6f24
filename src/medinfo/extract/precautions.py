"""Precautions: conditions that call for care, each with an advice code."""

from __future__ import annotations

import re

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.effect_signs import names_a_medicine
from medinfo.extract.passages import QUIET_SECTIONS, Passage, cue, risk_factor_reach
from medinfo.extract.reading import read_text
from medinfo.extract.sections import Section, classify_heading
from medinfo.extract.sentences import Unit
from medinfo.extract.statements import last_sentence
from medinfo.extract.terms import TermMatch

_CARER = r"(doctor|pharmacist|prescriber|gp|nurse|specialist|health ?care (provider|professional))"
_CUE = cue(
    rf"\b(caution|cautious|careful|tell your {_CARER}|inform your (doctor|"
    r"healthcare)|let your doctor know|talk (to|with) your doctor (before|if)|"
    r"contraindicated|should not (take|use|be (taken|used))|not recommended|dose adjustment|"
    r"lower dose|if you have|warn|more sensitive|low(er)? end of|"
    r"doses?\b[^.;]{0,40}\b(reduced|lowered)|"
    # everyday words for who should take care: "not suitable for people with", "must not be
    # given to children", "if you're over 75", "if your kidneys don't work well", "do not
    # drive until", "if you need surgery"
    r"(not|n't|un)\s*suitable|(must|should|can)\s*(not|n't) be (given|taken|used|prescribed)|"
    r"(not|never) (be )?(normally |usually |generally |routinely )?(advised|safe|recommended|"
    r"given|used|prescribed|a first choice) (to|for|in|if|during|while|with)|"
    r"if you(\W?re| are) (over|under|aged|older|younger|elderly)|"
    r"if your (kidneys?|liver|heart)|(do not|don't|never|should not|shouldn't) (drive|operate)|"
    r"if you (need|are going to have|are having) (an? )?(surgery|operation|dental)|"
    r"(check|speak|talk) (with|to) your \w+ (first|before)|n't recommended|"
    # "people with epilepsy are advised not to take it", "told never to use it"
    r"(advised|told|asked|warned) (not|never) to (take|use|have))"
)
# where a statement reports a clinical study's patients, not advice to the reader
_STUDY = cue(r"\b(clinical trials?|in (the |a )?stud(y|ies)|trials? (of|in))\b")
# Sections where "if you have ..." introduces symptoms, uses or what stopping brings on ("can
# bring on seizures, even if you have not had one for years"), not risk conditions.
_NO_CUES = frozenset(
    {
        Section.STOPPING,
        Section.SIDE_EFFECTS,
        Section.COMMON_SIDE_EFFECTS,
        Section.SERIOUS_SIDE_EFFECTS,
        Section.INDICATIONS,
        Section.OFF_LABEL,
        Section.OVERDOSE,
    }
)
# A sentence that asks, before use, about the reader's conditions ("Tell your prescriber if
# you have epilepsy, ...") is a precaution even under a side-effects heading ("Side effects
# and warnings"); one about symptoms or urgent help is not.
_BEFORE_USE = cue(
    rf"^\W*(please\s+)?(tell|inform|let|check with|talk to)\s+your\s+{_CARER}\s+"
    r"(before\s+(you\s+)?(start|take|use)\w*\s+(it\s+|\w+\s+)?)?if\s+you\s+"
    r"(have|have\s+ever\s+had|have\s+had|are|suffer\s+from)\b(?!\s+(any\s+)?(of\s+)?"
    r"(these|this|those|the\s+following|side\s+effects?|symptoms?|signs?)\b)"
)
# "Cautions include a history of ulcers, heart failure ...": a list of cautions by name,
# wherever it stands (an encyclopaedia keeps it under Adverse effects)
_NAMES_CAUTIONS = cue(
    r"^\W*(?:the\s+)?(?:main\s+)?(?:cautions?|precautions?|contraindications?)\s+"
    r"(?:include|includes|are|cover)\b"
)
_URGENT = cue(r"\b(straight away|right away|at once|immediately|urgent(ly)?|emergency|call)\b")
# A dosing line that sets a population apart with a dose of its own ("Older adults: start
# with 2.5 mg", "start at the low end of the range"); "no dose change" sets nobody apart.
_OWN_DOSE = cue(
    r"\b((start|begin)(s|ned|ed|ing)?\s+(with|on|at)|low(er)?\s+end|lower\s+(dose|starting)|"
    r"reduced?\s+(the\s+)?dose|smaller\s+dose|more\s+sensitive|(top|maximum|max)\s+dose|"
    r"no\s+more\s+than|half\s+the|doses?\b[^.;]{0,40}\b(reduced|lowered|decreased))\b"
)
_NO_CHANGE = cue(
    r"\b(no\s+(dose\s+)?(change|adjustment)|not\s+(needed|necessary|required)|same\s+dose|"
    r"(not|never|\w+n['’]t)\b[^.;]{0,30}\b(dose\s+)?(change|adjust)|"
    r"usual\s+adult\s+dose|normal\s+dose|(use|take|have)\s+the\s+(standard|usual|normal)\s+dose)\b"
)
_INDICATION = cue(r"\b(used (to treat|for)|treats?|prescribed for|indicated for)\b")
# Who may use it, with no caution ("It can be used by adults and children aged 4 and over",
# "The COPD version is for adults only"): no precaution unless it restricts ("only when").
_PERMITS = cue(
    r"\b(?:(?:can|may)\s+(?:be\s+)?(?:used|taken|given|prescribed)\s+(?:by|in)|"
    r"is\s+for\s+(?:adults|children|people)\b[^.;]{0,15}?\bonly)\b"
)
_RESTRICTS = cue(r"\bonly\s+(?:when|if|under|for|in)\b")
_ADVICE = (
    (
        "avoid",
        cue(
            r"\b(avoid|should not|must not|do not (take|use)|contraindicated|not recommended|"
            r"(advised|told|asked|warned) (not|never) to (take|use|have))"
        ),
    ),
    (
        "dose_adjustment",
        cue(
            r"\b(dose adjustment|adjust(ed|ing)? (the |your )?dose|lower (dose|starting)|"
            r"reduced? (the )?dose|smaller dose)"
        ),
    ),
    ("use_with_caution", cue(r"\b(caution|cautious|careful|monitor)")),
    (
        "tell_doctor",
        cue(
            r"\b(tell|inform|let|talk|consult|discuss).{0,30}\b"
            r"(doctor|pharmacist|healthcare provider)"
        ),
    ),
)


def _advice(unit: Unit, default: str) -> str:
    return _advice_of(unit.text) or default


def _advice_of(text: str) -> str | None:
    return next((code for code, pattern in _ADVICE if pattern.search(text)), None)


def asks_before_use(text: str) -> bool:
    """Whether the text asks, before use, about the reader's conditions (not symptoms)."""
    return bool(_BEFORE_USE.search(text)) and not _URGENT.search(text)


def _sets_apart(text: str) -> bool:
    """Whether a dosing line gives a group of people a dose of its own."""
    return bool(_OWN_DOSE.search(text)) and not _NO_CHANGE.search(text)


def extract_precautions(passage: Passage) -> list[ExtractedFact]:
    """PRECAUTION facts (attr advice_code) from the passage."""
    if passage.section in QUIET_SECTIONS or passage.kind is BlockKind.QUESTION:
        return []
    cued_only = passage.section in _NO_CUES
    in_section = passage.section is Section.PRECAUTIONS
    facts: list[ExtractedFact] = []
    # a list item or table row is one line, its label ("Older adults:") and its dose apart
    line = passage.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)
    own_dose = (
        passage.section is Section.DOSING
        and line
        and _sets_apart(" ".join(unit.text for unit in passage.units))
    )
    for unit in passage.term_units("precautions"):
        risk = risk_factor_reach(unit.text)
        if risk is not None:
            facts.extend(_risk_factors(passage, unit, risk))
            continue
        if cued_only and not (asks_before_use(unit.text) or _NAMES_CAUTIONS.search(unit.text)):
            continue
        # a label ("Liver disease:") is read with the line it heads
        said = " ".join(u.text for u in passage.units) if unit.role == "label" else unit.text
        label = _caution_label(passage) if unit.role == "description" else ""
        cued = (
            in_section or bool(label) or (bool(_CUE.search(said)) and not _INDICATION.search(said))
        )
        if _STUDY.search(unit.text) or _labelled_elsewhere(passage):
            continue
        if _PERMITS.search(said) and not (_RESTRICTS.search(said) or _advice(unit, "")):
            continue
        if unit.role == "label" and read_text(said).spans.get("no_concern"):
            continue  # "Kidney impairment: no dose adjustment is needed" names no precaution
        dose_only = (
            not cued
            and passage.section is Section.DOSING
            and (own_dose or (not line and _sets_apart(unit.text)))
        )
        if not cued and not dose_only:
            continue
        for match in passage.asserted(unit, "precautions"):
            if dose_only and not match.term.defaults.get("population"):
                continue
            if _NOT_A_CONDITION.search(unit.text, max(0, match.start - 60), match.start):
                continue
            if _SOMEONE_ELSES.search(unit.text, max(0, match.start - 60), match.start):
                continue  # "my brother (who has a fatty liver)": not the reader's condition
            if names_a_medicine(unit.text, match):
                continue  # "a warning for all seizure medicines"
            if _DRIVING_RULES.search(unit.text) and match.key != "driving":
                continue  # "if you have epilepsy, there are strict driving rules": the law

            if (
                cued
                and not in_section
                and not label
                and unit.role != "label"
                and not _cued_clause(unit.text, match)
            ):
                continue
            default = str(match.term.defaults.get("advice", "use_with_caution"))
            code = _advice(unit, default)
            lead = label or last_sentence(passage.lead)
            if lead and _advice_of(lead) == "avoid" and not _advice_of(unit.text):
                code = "avoid"  # an item under "Do not take it if you have:"
            if _NAMES_CAUTIONS.search(unit.text):  # each listed item carries its own advice
                item = unit.text[match.start :].split(",", 1)[0].split(";", 1)[0]
                code = _advice_of(item) or "use_with_caution"
            facts.append(passage.fact(FactKind.PRECAUTION, match.key, unit, advice_code=code))
    return facts


# what the people risk, not a condition they have ("older people are more likely to get
# stomach bleeding", "there is a risk of a clot"), and the use a dose or course is for ("25 mg
# every other day for heart failure", "5 days for a flare-up of asthma")
# a relative or friend whose condition a story names
_SOMEONE_ELSES = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:brother|sister|mum|mom|mother|dad|father|husband|wife|partner|"
    r"friend|cousin|neighbou?r|son|daughter|aunt|uncle|gran\w*|colleague)s?\b[^.;]{0,50}$",
    re.IGNORECASE,
)
_NOT_A_CONDITION = re.compile(
    r"(?:\b(?:more|less)\s+likely\s+to\s+(?:get|develop|have|suffer|become)|\bat\s+(?:a\s+)?(?:higher|"
    r"greater|increased)\s+risk\s+of|\b(?:raises?|increases?)\s+(?:the|their|your)\s+risk\s+of|"
    r"\bthere\s+is\s+(?:an?\s+)?(?:small\s+|slight\s+|higher\s+)?risk\s+of|"
    r"\b\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg|g|ml|days?|weeks?)\b[^.;]{0,40}?\bfor)"
    r"(?:\s+[\w-]+)?(?:\s+(?:and|or|,))?\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)

# the law on driving with a condition ("strict driving rules for epilepsy, tell the DVLA")
# names who must tell the licensing agency, not a caution about the medicine
_DRIVING_RULES = cue(
    r"\b(?:driving\s+(?:rules|laws?|regulations)|dvla|driving\s+licen[cs]e|licensing\s+"
    r"(?:agency|authority)|department\s+of\s+motor\s+vehicles|dmv)\b"
)

# where a cue's reach ends: "..., except in serious infections", "; the exceptions are ..."
_CLAUSE_END = re.compile(
    r"(?:[,;]\s*|\s)(?:but|except|apart from|unless)\b|;\s*(?:the\s+)?exceptions?\b|[.!?]\s",
    re.IGNORECASE,
)


def _caution_label(passage: Passage) -> str:
    """The label of a line whose label is a caution ("Who can't take it: people with ..."):
    the conditions its description names are precautions; "" otherwise."""
    label = next((unit.text for unit in passage.units if unit.role == "label"), "")
    cautions = _CUE.search(label) or _CAUTION_LABEL.search(label)
    return label if label and cautions and not _INDICATION.search(label) else ""


# a label over the people who must not or should take care taking a medicine: "Who can't take
# it", "Not suitable for", "Do not take it if", "Take care if", "Cautions"
_CAUTION_LABEL = cue(
    r"^\W*(?:who\s+)?(?:(?:can|should|must)\s*(?:not|n['’]t)|cannot|shouldn['’]t|mustn['’]t)\s+"
    r"(?:take|use|have)\b|^\W*(?:not\s+(?:suitable\s+)?for|(?:do\s+not|don['’]t)\s+(?:take|use)\b|"
    r"take\s+(?:extra\s+)?care|cautions?\b|warnings?\b|precautions?\b|who\s+should\s+(?:not|avoid))"
)


def _cued_clause(text: str, match: TermMatch) -> bool:
    """Whether a cue stands in the clause of the term: "not given to children under 8;
    the exceptions are serious infections" names children, not infections."""
    ends = [b.start() for b in _CLAUSE_END.finditer(text)]
    begin = max((e for e in ends if e < match.start), default=0)
    stop = min((e for e in ends if e >= match.end), default=len(text))
    return any(begin <= cue.start() < stop for cue in _CUE.finditer(text))


def _labelled_elsewhere(passage: Passage) -> bool:
    """Whether the line's label names the topic of interactions ("Interactions: potassium
    supplements (risk of high potassium)"): the conditions it names are the combination's."""
    labels = [unit.text for unit in passage.units if unit.role == "label"]
    return any(classify_heading(label) is Section.INTERACTIONS for label in labels)


def _risk_factors(passage: Passage, unit: Unit, reach: tuple[int, int]) -> list[ExtractedFact]:
    """PRECAUTION facts for the conditions named after a risk-factor cue."""
    return [
        passage.fact(
            FactKind.PRECAUTION,
            match.key,
            unit,
            advice_code=_advice(unit, str(match.term.defaults.get("advice", "use_with_caution"))),
        )
        for match in passage.asserted(unit, "precautions")
        if reach[0] <= match.start < reach[1]
    ]
