"""Stopping: warnings against abrupt stopping, tapering, and questions that claim nothing."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.passages import Passage
from medinfo.extract.stopping import extract_stopping

PassagesOf = Callable[[str], list[Passage]]


def _risk(passages_of: PassagesOf, text: str) -> list[object]:
    facts = extract_stopping(passages_of(text), "s1")
    return [fact.attributes.get("abrupt_stop_risk") for fact in facts]


def test_extract_stopping_warning_against_sudden_stop(passages_of: PassagesOf) -> None:
    assert _risk(passages_of, "Never stop taking this medicine suddenly.") == [True]
    assert _risk(passages_of, "Quitting cold turkey can trigger seizures.") == [True]


def test_extract_stopping_question_is_not_a_claim(passages_of: PassagesOf) -> None:
    assert _risk(passages_of, "Can I stop taking it suddenly?") == []


def test_extract_stopping_safe_abrupt_stop(passages_of: PassagesOf) -> None:
    assert _risk(passages_of, "You can stop it suddenly without any problems.") == [False]
    assert _risk(passages_of, "It is not safe to stop it abruptly.") == [True]


def test_extract_stopping_taper_steps(passages_of: PassagesOf) -> None:
    (fact,) = extract_stopping(
        passages_of("Stopping\nYour doctor will taper the dose, reducing it by 10 mg every week."),
        "s1",
    )
    assert fact.attributes["taper_required"] is True
    assert fact.attributes["abrupt_stop_risk"] is True
    assert (fact.attributes["taper_step_amount"], fact.attributes["taper_step_days"]) == (10, 7)


def test_extract_stopping_no_taper_needed(passages_of: PassagesOf) -> None:
    (fact,) = extract_stopping(passages_of("There is no need to taper this medicine."), "s1")
    assert fact.attributes == {"taper_required": False}
