"""Stopping: whether sources warn against stopping abruptly, ask for a taper, and its steps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.dose_context import nearest_cue
from medinfo.extract.dose_grammar import find_dose_mentions, find_interval_days
from medinfo.extract.dose_grammar import whole_number as _number
from medinfo.extract.drug_names import find_drug_mentions, generic_name
from medinfo.extract.polarity import Polarity, clause_before, polarity_at
from medinfo.extract.reading import read_text
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement
from medinfo.extract.terms import vocabulary
from medinfo.extract.text_cache import per_text
from medinfo.extract.topic_flags import extract_topic_flags
from medinfo.knowledge.extract_rules import StoppingRules
from medinfo.knowledge.loading import any_of, load

_OBJECT_REACH = 30  # characters after a stop verb in which its object is named
_KEYS = (
    "stop_verbs",
    "abrupt",
    "risk",
    "harm",
    "safe",
    "taper",
    "no_taper",
    "rebound",
    "withdrawal",
)


@dataclass(frozen=True)
class _Rules:
    patterns: dict[str, re.Pattern[str]]


@cache
def _rules() -> _Rules:
    raw = load(StoppingRules)
    return _Rules({key: any_of(getattr(raw, key)) for key in _KEYS})


@per_text
def _find(key: str, text: str) -> re.Match[str] | None:
    return _rules().patterns[key].search(text)


def names_stopping(text: str) -> bool:
    """Whether `text` speaks of stopping the medicine ("stop", "come off", "quit")."""
    return bool(_find("stop_verbs", text))


def is_abrupt_stop(text: str) -> bool:
    """Whether `text` speaks of stopping abruptly ("stop suddenly", "cold turkey")."""
    return bool(_find("stop_verbs", text) and _find("abrupt", text))


def _abrupt_risk(text: str) -> bool | None:
    """True when the text warns against abrupt stopping, False when it says it is safe.

    "Stopping it does not cause withdrawal" and "it can be stopped at any time" say it is
    safe without an abrupt word; a warning needs one ("do not stop suddenly").
    """
    safe = _find("safe", text)
    affirmed = safe is not None and polarity_at(text, safe.start()) is Polarity.AFFIRMED
    if not is_abrupt_stop(text):
        if safe and affirmed and _find("stop_verbs", text):
            return None if _harm_stated(text, safe) else False
        return None
    if safe and affirmed:
        return _harm_stated(text, safe)
    if safe:
        return True
    return True if _find("risk", text) else None


def _harm_stated(text: str, safe: re.Match[str]) -> bool:
    """Whether `text` names a harm of stopping (withdrawal, rebound, seizures) unnegated
    outside its `safe` phrase ("won't cause withdrawal or any rebound": both negated)."""
    return any(
        polarity_at(text, found.start()) is Polarity.AFFIRMED
        for found in _rules().patterns["harm"].finditer(text)
        if not safe.start() <= found.start() < safe.end()
    )


def _taper_steps(text: str) -> dict[str, Scalar]:
    previous_end = 0
    for mention in find_dose_mentions(text):
        cue = nearest_cue(text[previous_end : mention.start])
        previous_end = mention.end
        if cue is not None and cue.kind == "reduction":
            steps: dict[str, Scalar] = {
                "taper_step_amount": _number(mention.amount),
                "taper_step_unit": mention.unit,
            }
            days = find_interval_days(text[mention.start :])
            if days:
                steps["taper_step_days"] = days
            return steps
    return {}


def stops_another(text: str, names: tuple[str, ...]) -> bool:
    """Whether every stop verb of the text has another substance as its object ("stopping
    alcohol suddenly", "abruptly stopping benzodiazepines"): not this drug's stopping."""
    verbs = list(_rules().patterns["stop_verbs"].finditer(text))
    if not verbs:
        return False
    own = {generic_name(name) for name in names}
    for verb in verbs:
        reach = text[verb.end() : verb.end() + _OBJECT_REACH]
        lead = reach[: len(reach) - len(reach.lstrip())]
        agents = [m for m in vocabulary("interaction_agents").find(reach) if m.start <= len(lead)]
        drugs = [
            m for m in find_drug_mentions(reach) if m.start <= len(lead) and m.generic not in own
        ]
        if not agents and not drugs:
            return False
    return True


def _names_another(text: str, names: tuple[str, ...]) -> bool:
    """Whether `text` names a substance other than the drug itself."""
    own = {generic_name(name) for name in names}
    if any(mention.generic not in own for mention in find_drug_mentions(text)):
        return True
    return bool(vocabulary("interaction_agents").find(text))


def read_stopping(statement: Statement, names: tuple[str, ...] = ()) -> dict[str, Scalar]:
    """The stopping attributes one statement sets; clauses about another drug and
    conjecture are not read (extract/reading.py), nor the stopping of another substance."""
    text = read_text(statement.text, names).blanked("other_subject", "hypothetical")
    if stops_another(text, names):
        return {}
    attributes: dict[str, Scalar] = {}
    no_taper = _find("no_taper", text)
    if no_taper:
        # "you can stop without cutting down" - but "never stop without cutting down"
        denied = polarity_at(text, no_taper.start())
        if denied is not Polarity.UNCERTAIN:
            attributes["taper_required"] = denied is Polarity.NEGATED
    else:
        taper = _find("taper", text)
        if taper and _names_another(clause_before(text, taper.start()), names):
            taper = None  # "the benzo itself still has to be reduced slowly"
        polarity = polarity_at(text, taper.start()) if taper else None
        if polarity is Polarity.AFFIRMED:
            attributes["taper_required"] = True
            attributes.update(_taper_steps(text))
        elif polarity is Polarity.NEGATED:
            attributes["taper_required"] = False
    rebound = _find("rebound", text) if _find("stop_verbs", text) else None
    if rebound and polarity_at(text, rebound.start()) is Polarity.AFFIRMED:
        attributes["rebound"] = True
    risk = _abrupt_risk(text)
    if risk is not None:
        attributes["abrupt_stop_risk"] = risk
        if risk and _find("withdrawal", text):  # the harm it names is withdrawal
            attributes["withdrawal"] = True
    elif attributes.get("taper_required"):
        attributes["abrupt_stop_risk"] = True
    return attributes


def _in_topic(statement: Statement) -> bool:
    text = statement.text
    return (
        statement.section is Section.STOPPING
        or bool(_find("stop_verbs", text))
        or bool(_find("taper", text))
    )


def answered_stopping(faqs: list[ExtractedFact], original: str) -> list[ExtractedFact]:
    """Stopping claims made by a Yes/No answer to "can it be stopped suddenly?"."""
    facts = []
    for faq in faqs:
        question = original[
            int(faq.attributes["question_start"] or 0) : int(faq.attributes["question_end"] or 0)
        ]
        polarity = faq.attributes.get("answer_polarity")
        if polarity not in ("yes", "no") or not is_abrupt_stop(question):
            continue
        # "Is it dangerous to stop suddenly?" - "No" says it is safe; "Can I stop it
        # suddenly?" - "No" warns against it
        harm, safe = _find("harm", question), _find("safe", question)
        asks_harm = harm is not None and (safe is None or harm.start() < safe.start())
        evidence = Evidence(
            source=faq.evidence.source,
            start=int(faq.attributes["answer_start"] or 0),
            end=int(faq.attributes["answer_end"] or 0),
            section=faq.evidence.section,
        )
        facts.append(
            ExtractedFact(
                kind=FactKind.STOPPING,
                key=FactKind.STOPPING.value,
                attributes={"abrupt_stop_risk": (polarity == "yes") == asks_harm},
                evidence=evidence,
            )
        )
    return facts


# "If you have taken it for more than 3 weeks, do not stop it suddenly": the risk holds
# only past a length of use, stated in the same paragraph or list item
_AFTER_USE = re.compile(
    r"(?:\b(?:taken|taking|used|using|been\s+on|on)\s+(?:it|this(?:\s+medicine)?|them|[a-z]+)?"
    r"\s*for|\bafter)\s+(?:more\s+than|longer\s+than|over|at\s+least)\s+(?:about\s+|around\s+|"
    r"roughly\s+)?(?P<count>\d+|one|two|three|four|five|six|seven|eight|ten|twelve)\s+"
    r"(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_COUNTS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "ten": 10,
    "twelve": 12,
}
_WEEKS = {"day": 1 / 7, "week": 1.0, "month": 4.3}


def after_weeks(text: str) -> float | None:
    """The length of use in weeks past which the text says stopping suddenly is risky."""
    found = _AFTER_USE.search(text)
    if found is None:
        return None
    count = found.group("count").lower()
    number = float(_COUNTS.get(count) or count)
    return round(number * _WEEKS[found.group("unit").lower().rstrip("s")], 2)


def _read_with_length(statement: Statement, names: tuple[str, ...]) -> dict[str, Scalar]:
    attributes = read_stopping(statement, names)
    if attributes.get("abrupt_stop_risk") is True:
        weeks = after_weeks(statement.block.text)
        if weeks is not None:
            attributes["after_weeks"] = weeks
    return attributes


def extract_stopping(
    statements: list[Statement], source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """STOPPING facts: abrupt_stop_risk (with after_weeks when the risk holds only past a
    length of use), taper_required and taper steps, per block."""
    return extract_topic_flags(
        statements,
        source_id,
        FactKind.STOPPING,
        _in_topic,
        [],
        extra=lambda statement: _read_with_length(statement, names),
    )
