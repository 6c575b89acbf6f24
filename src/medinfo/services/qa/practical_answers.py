"""Answers from the practical facts: half-life, legal status, how to take it, overdose, tests.

The intent's own composer runs first (FAQ facts, dependence, forms, the usual dose); the facts
of ADR 0027 that speak to the question are said before what it found, each cited.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from medinfo.domain.answers import Intent
from medinfo.domain.monograph import Attributed, Monograph
from medinfo.knowledge.loading import load
from medinfo.knowledge.practical_rules import PracticalAnswers
from medinfo.services.qa.intents import Reading
from medinfo.services.qa.phrasing import Draft
from medinfo.services.qa.practical import mentions_any

Said = list[tuple[str, Attributed]]


@cache
def _rules() -> PracticalAnswers:
    return load(PracticalAnswers)


def _half_life(monograph: Monograph, reading: Reading) -> Said:
    item = monograph.half_life
    return [(item.summary, item)] if item is not None and item.summary else []


def _legal_status(monograph: Monograph, reading: Reading) -> Said:
    """The legal status, when the question asks about it or asks nothing more specific
    ("is it addictive" is answered by the dependence facts; the status is said too only
    when those are silent, see `with_practical_facts`)."""
    item = monograph.legal_status
    if item is None or not item.summary:
        return []
    rules = _rules()
    if mentions_any(reading.text, rules.prescription_words):
        return [(item.summary, item)] if item.prescription_only is not None else []
    # "is it a controlled substance / a narcotic": prescription-only says nothing about that
    return [(item.summary, item)] if item.controlled is not None else []


def _asked_codes(reading: Reading) -> set[str] | None:
    """The advice codes the question's points ask for; None when it names no point."""
    codes = {
        code
        for point in _rules().points
        if mentions_any(reading.text, point.words)
        for code in point.codes
    }
    return codes or None


def _administration(monograph: Monograph, reading: Reading) -> Said:
    asked = _asked_codes(reading)
    return [
        (item.advice, item)
        for item in monograph.administration
        if asked is None or item.code in asked
    ]


def _overdose(monograph: Monograph, reading: Reading) -> Said:
    item = monograph.overdose
    if item is None or not item.summary:
        return []
    return [(item.summary, item)]


def _monitoring(monograph: Monograph, reading: Reading) -> Said:
    rules = _rules()
    if reading.intent.value not in rules.monitoring_intents:
        return []
    if not mentions_any(reading.text, rules.monitoring_words):
        return []
    return [(item.advice, item) for item in monograph.monitoring]


_BY_INTENT: dict[Intent, Callable[[Monograph, Reading], Said]] = {
    Intent.HALF_LIFE: _half_life,
    Intent.CONTROLLED_SUBSTANCE: _legal_status,
    Intent.HOW_TO_TAKE: _administration,
    Intent.OVERDOSE: _overdose,
}


def _asks_status(reading: Reading) -> bool:
    rules = _rules()
    return mentions_any(reading.text, (*rules.status_words, *rules.prescription_words))


def with_practical_facts(
    draft: Draft | None, monograph: Monograph, reading: Reading
) -> Draft | None:
    """The draft with the practical facts that answer the question said first, cited; the
    draft as it was when none does. A dependence question ("is it addictive") keeps its own
    answer and gets the legal status when it has none, or when the drug is controlled."""
    composer = _BY_INTENT.get(reading.intent)
    said = composer(monograph, reading) if composer is not None else []
    if (
        reading.intent is Intent.CONTROLLED_SUBSTANCE
        and draft is not None
        and not _asks_status(reading)
    ):
        # "is it addictive": a drug scheduled for its misuse says so too (the schedule is a
        # measure of that risk); "not controlled" would wrongly read as "not addictive"
        status = monograph.legal_status
        said = said if status is not None and status.controlled is True else []
    said += _monitoring(monograph, reading)
    if not said:
        return draft
    answer = Draft()
    for sentence, item in said:
        if sentence not in answer.sentences:
            answer.say(sentence, item)
    if draft is not None:
        for sentence in draft.sentences:
            if sentence not in answer.sentences:
                answer.sentences.append(sentence)
        answer.add(*draft.citations)
    return answer
