"""Events: missed doses (take now or skip, never double) and stopping (taper, never invented)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medinfo.domain.alerts import AlertCode, Severity
from medinfo.domain.monograph import MissedDose, Stopping
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import (
    alpha_agonist,
    antidepressant,
    bare,
    codes,
    muscle_relaxant,
    request,
)

_DOUBLE = re.compile(r"never take two doses at once or a double dose", re.IGNORECASE)
_STOP_NOW = re.compile(r"\bstop (it |taking it )?(now|today|immediately|right away)\b", re.I)


def _missed(since: float, until: float) -> dict[str, object]:
    return {"type": "missed_dose", "hours_since_missed": since, "hours_until_next": until}


def test_check_regimen_missed_dose_far_from_next_says_take_now() -> None:
    response = check_regimen(request(times_per_day=3, event=_missed(1, 7)), muscle_relaxant())
    (alert,) = response.alerts
    assert alert.code == AlertCode.MISSED_DOSE_TAKE_NOW
    assert alert.sources == ["a"]
    assert _DOUBLE.search(alert.message)


def test_check_regimen_missed_dose_near_next_says_skip() -> None:
    (alert,) = check_regimen(
        request(times_per_day=3, event=_missed(6, 2)), muscle_relaxant()
    ).alerts
    assert alert.code == AlertCode.MISSED_DOSE_SKIP
    assert _DOUBLE.search(alert.message)


@pytest.mark.parametrize(
    ("times_per_day", "until", "code"),
    [
        (3, 4.0, AlertCode.MISSED_DOSE_TAKE_NOW),  # interval 8 h, half is 4 h
        (3, 3.9, AlertCode.MISSED_DOSE_SKIP),
        (1, 13, AlertCode.MISSED_DOSE_TAKE_NOW),
        (1, 11, AlertCode.MISSED_DOSE_SKIP),
        (2, 0, AlertCode.MISSED_DOSE_SKIP),
    ],
)
def test_check_regimen_missed_dose_threshold_is_half_the_interval(
    times_per_day: int, until: float, code: AlertCode
) -> None:
    response = check_regimen(
        request(dose_mg=5, times_per_day=times_per_day, event=_missed(1, until)), muscle_relaxant()
    )
    assert codes(response) == [code]


def test_check_regimen_missed_dose_without_facts_says_sources_do_not_cover_it() -> None:
    (alert,) = check_regimen(request(event=_missed(1, 7), drug="plainomab"), bare()).alerts
    assert alert.code == AlertCode.MISSED_DOSE_TAKE_NOW
    assert alert.sources == []
    assert "do not cover missed doses" in alert.message
    assert "pharmacist" in alert.message
    assert _DOUBLE.search(alert.message)


def test_check_regimen_missed_dose_sources_saying_only_never_double_do_not_set_the_timing() -> None:
    monograph = muscle_relaxant(missed_dose=MissedDose(never_double=True, sources=["m"]))
    (alert,) = check_regimen(request(event=_missed(1, 7)), monograph).alerts
    assert alert.sources == ["m"]
    assert "not when a missed dose may still be taken" in alert.message
    assert "This follows what the sources say" not in alert.message
    assert _DOUBLE.search(alert.message)


def test_check_regimen_missed_dose_sources_saying_never_late_always_skip() -> None:
    monograph = muscle_relaxant(missed_dose=MissedDose(take_when_remembered=False, sources=["m"]))
    (alert,) = check_regimen(request(event=_missed(1, 7)), monograph).alerts
    assert alert.code == AlertCode.MISSED_DOSE_SKIP
    assert alert.sources == ["m"]


@pytest.mark.parametrize("until", [0, 0.5, 2, 4, 7, 23])
@pytest.mark.parametrize("monograph", [muscle_relaxant(), bare(), antidepressant()])
def test_harm_missed_dose_answer_never_tells_to_double(until: float, monograph: object) -> None:
    response = check_regimen(request(event=_missed(1, until)), monograph)  # type: ignore[arg-type]
    messages = " ".join(alert.message for alert in response.alerts).lower()
    assert _DOUBLE.search(messages)
    assert "take two doses now" not in messages
    assert "double the next" not in messages


def test_check_regimen_stop_with_risk_requires_taper_set_by_prescriber() -> None:
    event = {"type": "stop", "current_daily_mg": 60, "weeks_on_drug": 26}
    response = check_regimen(request(event=event), muscle_relaxant())
    (alert,) = response.alerts
    assert alert.code == AlertCode.TAPER_REQUIRED
    assert alert.severity is Severity.DANGER
    assert alert.sources == ["a", "c"]
    assert "seizures" in alert.message
    (step,) = response.taper_plan or []
    assert step.daily_mg is None
    assert step.duration_days is None
    assert "prescriber" in step.note


def test_check_regimen_stop_uses_the_sources_taper_steps() -> None:
    event = {"type": "stop", "current_daily_mg": 12}
    response = check_regimen(request(drug="tizanidine", event=event), alpha_agonist())
    plan = response.taper_plan or []
    assert [(s.daily_mg, s.duration_days) for s in plan] == [(8, 2), (4, 2), (0, None)]
    assert "prescriber" in plan[-1].note


def test_check_regimen_stop_uses_the_sources_taper_duration_without_doses() -> None:
    response = check_regimen(request(drug="sertraline", event={"type": "stop"}), antidepressant())
    (step,) = response.taper_plan or []
    assert step.duration_days == 28
    assert step.daily_mg is None


def test_check_regimen_stop_without_risk_gives_no_alert_and_no_plan() -> None:
    monograph = muscle_relaxant(stopping=Stopping(abrupt_stop_risk=False, sources=["a"]))
    response = check_regimen(request(event={"type": "stop"}), monograph)
    assert response.alerts == []
    assert response.taper_plan is None


@pytest.mark.parametrize("monograph", [muscle_relaxant(), alpha_agonist(), antidepressant()])
def test_harm_stop_never_says_stop_now_without_a_taper(monograph: object) -> None:
    response = check_regimen(request(event={"type": "stop"}), monograph)  # type: ignore[arg-type]
    text = " ".join(
        [a.message for a in response.alerts] + [s.note for s in response.taper_plan or []]
    )
    assert not _STOP_NOW.search(text)
    assert "Do not stop" in text
    assert response.taper_plan
    assert any(a.severity is Severity.DANGER for a in response.alerts)


def test_harm_taper_plan_never_invents_doses_when_sources_give_none() -> None:
    for taper in (None, "taper slowly", "reduce over 1 to 2 weeks", "lower by 10% every week"):
        stopping = Stopping(abrupt_stop_risk=True, taper=taper, sources=["s"])
        response = check_regimen(
            request(event={"type": "stop", "current_daily_mg": 30}),
            muscle_relaxant(stopping=stopping),
        )
        assert all(step.daily_mg is None for step in response.taper_plan or []), taper
        assert all(step.duration_days is None for step in response.taper_plan or []), taper


@settings(max_examples=60, deadline=None)
@given(
    times_per_day=st.integers(min_value=1, max_value=24),
    since=st.floats(min_value=0, max_value=48),
    until=st.floats(min_value=0, max_value=48),
)
def test_harm_any_missed_dose_gets_one_answer_that_forbids_doubling(
    times_per_day: int, since: float, until: float
) -> None:
    response = check_regimen(
        request(dose_mg=5, times_per_day=times_per_day, event=_missed(since, until)),
        muscle_relaxant(),
    )
    missed = [a for a in response.alerts if a.code.startswith("MISSED_DOSE")]
    assert len(missed) == 1
    assert _DOUBLE.search(missed[0].message)


@pytest.mark.parametrize("until", [2, 10, 22])
def test_check_regimen_missed_dose_sources_saying_only_skip_it_always_skip(until: float) -> None:
    only_skip = MissedDose(skip_if_next_dose_near=True, never_double=True, sources=["m"])
    monograph = muscle_relaxant(missed_dose=only_skip)
    (alert,) = check_regimen(request(times_per_day=1, event=_missed(1, until)), monograph).alerts
    assert alert.code == AlertCode.MISSED_DOSE_SKIP
    assert "skip" in alert.message
    assert _DOUBLE.search(alert.message)


def test_check_regimen_missed_dose_take_when_remembered_and_skip_near_takes_it_when_far() -> None:
    both = MissedDose(take_when_remembered=True, skip_if_next_dose_near=True, sources=["m"])
    monograph = muscle_relaxant(missed_dose=both)
    (alert,) = check_regimen(request(times_per_day=1, event=_missed(1, 20)), monograph).alerts
    assert alert.code == AlertCode.MISSED_DOSE_TAKE_NOW


@pytest.mark.parametrize(
    ("weeks", "warned"), [(1.0, False), (3.0, False), (3.5, True), (None, True)]
)
def test_check_regimen_taper_only_after_the_length_of_use_the_sources_give(
    weeks: float | None, warned: bool
) -> None:
    """A risk the sources put after 3 weeks of use: a shorter course stops cleanly; a longer
    one, or an unknown length, keeps the taper warning."""
    stopping = Stopping(abrupt_stop_risk=True, risk_after_weeks=3.0, sources=["s"])
    event = {"type": "stop", "current_daily_mg": 40, "weeks_on_drug": weeks}
    response = check_regimen(request(event=event), muscle_relaxant(stopping=stopping))
    assert (AlertCode.TAPER_REQUIRED in codes(response)) is warned


@pytest.mark.parametrize(
    ("times", "since", "code"),
    [
        (1, 9, AlertCode.MISSED_DOSE_SKIP),
        (1, 2, AlertCode.MISSED_DOSE_TAKE_NOW),
        (2, 9, AlertCode.MISSED_DOSE_TAKE_NOW),
    ],
)
def test_check_regimen_a_once_daily_dose_the_sources_skip_late_in_the_day(
    times: int, since: float, code: AlertCode
) -> None:
    facts = MissedDose(take_when_remembered=True, skip_late_in_day=True, sources=["m"])
    monograph = muscle_relaxant(missed_dose=facts)
    event = _missed(since, 24 / times - since + 6)
    (alert,) = check_regimen(request(times_per_day=times, event=event), monograph).alerts
    assert alert.code == code
    assert _DOUBLE.search(alert.message)


@pytest.mark.parametrize(
    ("facts", "since", "until", "code"),
    [
        ({"skip_within_hours": 10}, 3, 9, AlertCode.MISSED_DOSE_SKIP),
        ({"skip_within_hours": 10}, 3, 13, AlertCode.MISSED_DOSE_TAKE_NOW),
        ({"skip_late_by_hours": 4}, 5, 15, AlertCode.MISSED_DOSE_SKIP),
        ({"skip_late_by_hours": 4}, 3, 17, AlertCode.MISSED_DOSE_TAKE_NOW),
    ],
)
def test_check_regimen_the_sources_own_skip_window_decides(
    facts: dict[str, float], since: float, until: float, code: AlertCode
) -> None:
    stated = MissedDose(take_when_remembered=True, sources=["m"], **facts)
    monograph = muscle_relaxant(missed_dose=stated)
    (alert,) = check_regimen(
        request(times_per_day=1, event=_missed(since, until)), monograph
    ).alerts
    assert alert.code == code


@pytest.mark.parametrize(("until", "code"), [(8, "MISSED_DOSE_TAKE_NOW"), (4, "MISSED_DOSE_SKIP")])
def test_check_regimen_missed_dose_a_stated_skip_window_is_no_skip_only_rule(
    until: float, code: str
) -> None:
    windowed = MissedDose(skip_if_next_dose_near=True, skip_within_hours=6.0, sources=["m"])
    monograph = muscle_relaxant(missed_dose=windowed)
    (alert,) = check_regimen(request(times_per_day=2, event=_missed(1, until)), monograph).alerts
    assert alert.code == code


def test_a_stop_warning_without_withdrawal_named_is_not_called_withdrawal() -> None:
    monograph = muscle_relaxant(
        stopping=Stopping(abrupt_stop_risk=True, names_withdrawal=False, sources=["a"])
    )
    (alert,) = check_regimen(request(event={"type": "stop"}), monograph).alerts
    assert alert.code == AlertCode.TAPER_REQUIRED
    assert "withdrawal" not in alert.message
    assert "suddenly" in alert.message
