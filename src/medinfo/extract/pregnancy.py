"""Pregnancy and breastfeeding: category letters and risk flags, never the sources' sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.drug_names import find_drug_mentions
from medinfo.extract.polarity import FlagRule, Polarity, flag_rules, polarity_at
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement
from medinfo.extract.terms import vocabulary
from medinfo.extract.text_cache import per_text
from medinfo.extract.topic_flags import extract_topic_flags
from medinfo.knowledge.extract_rules import PregnancyRules
from medinfo.knowledge.loading import any_of, load


@dataclass(frozen=True)
class _Rules:
    pregnancy: re.Pattern[str]
    breastfeeding: re.Pattern[str]
    category: re.Pattern[str]
    pregnancy_flags: list[FlagRule]
    breastfeeding_flags: list[FlagRule]
    stages: dict[str, re.Pattern[str]]


@cache
def _rules() -> _Rules:
    raw = load(PregnancyRules)
    return _Rules(
        pregnancy=any_of(raw.pregnancy_topic),
        breastfeeding=any_of(raw.breastfeeding_topic),
        category=re.compile(raw.category),
        pregnancy_flags=flag_rules(raw.pregnancy_flags),
        breastfeeding_flags=flag_rules(raw.breastfeeding_flags),
        stages={stage: any_of(patterns) for stage, patterns in raw.stages.items()},
    )


def _about_pregnancy(statement: Statement) -> bool:
    """A statement naming pregnancy (one naming breastfeeding too has been cut into clauses:
    a clause naming both speaks of both, "considered safe in pregnancy and while
    breastfeeding"), or one under a pregnancy heading that does not name breastfeeding."""
    pregnancy, breastfeeding, _ = _mentions(statement.text)
    if pregnancy:
        return True
    return statement.section is Section.PREGNANCY and not breastfeeding


# where a sentence on both topics turns from one to the other ("... in pregnancy can lead to
# withdrawal in the newborn, and it isn't recommended while breastfeeding ...")
_TOPIC_TURN = re.compile(r";|,\s*(?:and|but|while|whereas)\b|\bbut\b", re.IGNORECASE)


# "Pregnancy and breastfeeding: ..." names both topics only as its label
_TOPIC_LABEL = re.compile(r"^[^:.;]{1,40}:\s*")


def _one_topic_clauses(statements: list[Statement]) -> list[Statement]:
    """The statements, each that names both pregnancy and breastfeeding cut into its
    clauses, so that a clause on one topic gives no flag to the other; a clause naming both
    stays whole (and speaks of both). Every clause keeps its sentence's evidence span."""
    cut: list[Statement] = []
    for statement in statements:
        pregnancy, breastfeeding, _ = _mentions(statement.text)
        if not (pregnancy and breastfeeding):
            cut.append(statement)
            continue
        text = statement.text
        label = _TOPIC_LABEL.match(text)
        start = label.end() if label and all(_mentions(label.group(0))[:2]) else 0
        for turn in [*_TOPIC_TURN.finditer(text, start), None]:
            end = turn.start() if turn is not None else len(text)
            clause = text[start:end].strip(" ,;")
            start = turn.end() if turn is not None else end
            if clause:
                cut.append(replace(statement, text=clause))
    return cut


def _about_breastfeeding(statement: Statement) -> bool:
    pregnancy, breastfeeding, _ = _mentions(statement.text)
    if breastfeeding:
        return True
    return statement.section is Section.BREASTFEEDING and not pregnancy


@per_text
def _mentions(text: str) -> tuple[bool, bool, bool]:
    """Whether the text speaks of pregnancy, of breastfeeding, and names a category."""
    rules = _rules()
    found = (rules.pregnancy.search(text), rules.breastfeeding.search(text))
    return found[0] is not None, found[1] is not None, rules.category.search(text) is not None


def _alternatives(statement: Statement, rules: list[FlagRule]) -> dict[str, Scalar]:
    """The medicines a statement names as preferred or used instead ("Usually insulin is
    preferred in pregnancy"), by generic name; reconciliation leaves out the drug itself."""
    preferred = [rule for rule in rules if rule.flag == "alternative_preferred"]
    text = statement.text
    if not any(rule.pattern.search(text) for rule in preferred):
        return {}
    names = [
        mention.generic
        for mention in find_drug_mentions(text)
        # a medicine named by its generic or brand name, not a class ("safer antibiotics")
        if (mention.is_brand or mention.surface.lower() == mention.generic.lower())
        and polarity_at(text, mention.start) is Polarity.AFFIRMED
    ]
    return {"alternatives": ", ".join(dict.fromkeys(names))} if names else {}


_NEWBORN = re.compile(
    r"\b(?:newborns?|neonat\w*|new-?born\s+bab(?:y|ies)|after\s+birth)\b", re.IGNORECASE
)


def _newborn_signs(statement: Statement) -> dict[str, Scalar]:
    """The side effects a pregnancy statement names for the newborn baby ("can lead to
    withdrawal in the newborn"), as preferred terms; none that the statement denies."""
    text = statement.text
    if _NEWBORN.search(text) is None:
        return {}
    terms = [
        match.key
        for match in vocabulary("side_effects").find(text)
        if polarity_at(text, match.start) is Polarity.AFFIRMED
        and not _NAMED_AFTER.match(text, match.end)  # "a breathing problem ... called X": X
    ]
    return {"newborn_signs": ", ".join(dict.fromkeys(terms))} if terms else {}


_NAMED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:called|known\s+as|named)\b", re.IGNORECASE)


def _category_and_stage(statement: Statement) -> dict[str, Scalar]:
    """The category letter a statement names, the stage of pregnancy it singles out, the
    medicines it names as preferred instead and the effects it names for the newborn."""
    found: dict[str, Scalar] = _alternatives(statement, _rules().pregnancy_flags)
    found.update(_newborn_signs(statement))
    match = _rules().category.search(statement.text)
    if match:
        found["category"] = match["letter"]
    for stage, pattern in _rules().stages.items():
        if pattern.search(statement.text):
            found["stage"] = stage
            break
    return found


_INFANT = re.compile(r"\b(?:baby|babies|infants?|newborns?|breast-?fed\s+child)\b", re.IGNORECASE)


def _infant_signs(statement: Statement) -> dict[str, Scalar]:
    """The side effects a breastfeeding statement names for the baby ("watch the baby for
    sleepiness and poor feeding"), as preferred terms; none that the statement denies."""
    text = statement.text
    infant = _INFANT.search(text)
    if infant is None:
        return {}
    terms = [
        match.key
        for match in vocabulary("side_effects").find(text)
        if match.start > infant.start() or _INFANT.search(text, match.end) is not None
        if polarity_at(text, match.start) is Polarity.AFFIRMED
    ]
    return {"infant_signs": ", ".join(dict.fromkeys(terms))} if terms else {}


# "avoid breastfeeding for 12 hours after a dose": the pause in hours
_PAUSE_HOURS = re.compile(
    r"\bfor\s+(\d{1,2})\s+hours\s+after\b|\bwait\w*\s+(\d{1,2})\s+hours\b", re.IGNORECASE
)


def _breastfeeding_details(statement: Statement) -> dict[str, Scalar]:
    """The baby's signs a statement names, the hours of a pause after a dose it asks for and
    the medicines it names as better while breastfeeding."""
    found = _infant_signs(statement) | _alternatives(statement, _rules().breastfeeding_flags)
    pause = _PAUSE_HOURS.search(statement.text)
    if pause:
        found["pause_hours"] = int(pause.group(1) or pause.group(2))
    return found


def _continuing_pregnancy(statements: list[Statement]) -> set[int]:
    """The statements that go on about pregnancy in the block of one that names it, without
    naming breastfeeding ("There is limited information on its use in pregnancy. Poorly
    controlled asthma is itself a risk to mother and baby ..."): a heading that names several
    topics ("Pregnancy, breastfeeding and stopping") is filed under the first of them."""
    going_on: set[int] = set()
    block, on_topic = None, False
    for statement in statements:
        if statement.block is not block:
            block, on_topic = statement.block, False
        if _about_pregnancy(statement):
            on_topic = True
        elif on_topic and not statement.is_question and not _mentions(statement.text)[1]:
            going_on.add(id(statement))
        else:
            on_topic = False
    return going_on


def extract_pregnancy(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """PREGNANCY facts (category letter, risk flags) and BREASTFEEDING facts (milk, flags)."""
    statements = _one_topic_clauses(statements)
    going_on = _continuing_pregnancy(statements)
    pregnancy = extract_topic_flags(
        statements,
        source_id,
        FactKind.PREGNANCY,
        lambda statement: _about_pregnancy(statement) or id(statement) in going_on,
        _rules().pregnancy_flags,
        extra=_category_and_stage,
    )
    breastfeeding = extract_topic_flags(
        statements,
        source_id,
        FactKind.BREASTFEEDING,
        _about_breastfeeding,
        _rules().breastfeeding_flags,
        extra=_breastfeeding_details,
    )
    return pregnancy + breastfeeding
