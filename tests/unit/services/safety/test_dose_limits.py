"""Dose limits: daily and single maxima for the same route, renal ceilings, boundaries."""

from __future__ import annotations

from medinfo.domain.alerts import AlertCode, Severity
from medinfo.domain.monograph import DoseSpec, Dosing, Monograph, RenalAdjustment
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import (
    alpha_agonist,
    codes,
    muscle_relaxant,
    request,
)


def test_check_regimen_exactly_at_max_daily_is_not_an_alert() -> None:
    response = check_regimen(request(dose_mg=20, times_per_day=4), muscle_relaxant())
    assert response.daily_dose_mg == 80
    assert response.alerts == []


def test_check_regimen_one_mg_over_max_daily_alerts_with_sources() -> None:
    response = check_regimen(request(dose_mg=27, times_per_day=3), muscle_relaxant())
    (alert,) = response.alerts
    assert alert.code == AlertCode.MAX_DAILY_DOSE_EXCEEDED
    assert alert.severity is Severity.WARNING
    assert alert.sources == ["a", "b"]
    assert "81 mg a day" in alert.message
    assert "80 mg a day" in alert.message


def test_check_regimen_fractional_doses_at_the_max_are_not_over() -> None:
    response = check_regimen(request(dose_mg=80 / 3, times_per_day=3), muscle_relaxant())
    assert response.alerts == []


def test_check_regimen_twice_the_max_is_danger() -> None:
    response = check_regimen(request(dose_mg=40, times_per_day=4), muscle_relaxant())
    assert response.alerts[0].severity is Severity.DANGER


def test_check_regimen_intrathecal_is_never_checked_against_oral_limits() -> None:
    response = check_regimen(
        request(dose_mg=100, times_per_day=1, route="intrathecal"), muscle_relaxant()
    )
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(response)


def test_check_regimen_route_synonyms_are_the_same_route() -> None:
    response = check_regimen(
        request(dose_mg=30, times_per_day=3, route="by mouth"), muscle_relaxant()
    )
    assert codes(response) == [AlertCode.MAX_DAILY_DOSE_EXCEEDED]


def test_check_regimen_limit_without_route_applies_to_oral() -> None:
    dosing = Dosing(max_daily=DoseSpec(amount=80, unit="mg"))
    monograph = muscle_relaxant(dosing=dosing)
    assert codes(check_regimen(request(dose_mg=30), monograph)) == [
        AlertCode.MAX_DAILY_DOSE_EXCEEDED
    ]
    assert check_regimen(request(dose_mg=30, route="intrathecal"), monograph).alerts == []


def test_check_regimen_no_limit_stated_gives_no_dose_alert_and_says_so() -> None:
    monograph = muscle_relaxant(dosing=Dosing())
    response = check_regimen(request(dose_mg=500, times_per_day=4), monograph)
    assert response.alerts == []
    assert [item.what for item in response.not_checked] == ["dose limit"]
    assert "no maximum dose" in response.not_checked[0].reason


def test_check_regimen_a_stated_maximum_leaves_no_dose_limit_unchecked() -> None:
    response = check_regimen(request(dose_mg=5, times_per_day=3), muscle_relaxant())
    assert "dose limit" not in [item.what for item in response.not_checked]


def test_check_regimen_kidney_ceiling_alone_is_a_checked_limit() -> None:
    ceiling = RenalAdjustment(egfr_below=30, max_daily_mg=20, advice="lower dose", sources=["r"])
    monograph = muscle_relaxant(dosing=Dosing(renal_adjustment=[ceiling]), precautions=[])
    reduced = check_regimen(request(dose_mg=5, times_per_day=2, egfr=20), monograph)
    assert "dose limit" not in [item.what for item in reduced.not_checked]
    normal = check_regimen(request(dose_mg=5, times_per_day=2, egfr=90), monograph)
    assert [item.what for item in normal.not_checked] == ["dose limit"]


def test_check_regimen_limit_in_grams_is_compared_in_mg() -> None:
    monograph = muscle_relaxant(dosing=Dosing(max_daily=DoseSpec(amount=4, unit="g")))
    assert check_regimen(request(dose_mg=1000, times_per_day=4), monograph).alerts == []
    assert codes(check_regimen(request(dose_mg=1000, times_per_day=5), monograph)) == [
        AlertCode.MAX_DAILY_DOSE_EXCEEDED
    ]


def test_check_regimen_weight_based_limit_is_not_compared() -> None:
    monograph = muscle_relaxant(dosing=Dosing(max_daily=DoseSpec(amount=2, unit="mg/kg")))
    assert check_regimen(request(dose_mg=500), monograph).alerts == []


def test_check_regimen_single_dose_above_max_single_alerts() -> None:
    response = check_regimen(
        request(dose_mg=16, times_per_day=2, drug="tizanidine"), alpha_agonist()
    )
    assert codes(response) == [AlertCode.SINGLE_DOSE_HIGH]
    assert response.alerts[0].sources == ["t1"]


def test_check_regimen_single_dose_at_max_single_is_clean() -> None:
    response = check_regimen(
        request(dose_mg=12, times_per_day=3, drug="tizanidine"), alpha_agonist()
    )
    assert response.alerts == []


def test_check_regimen_renal_ceiling_applies_in_its_egfr_band() -> None:
    dosing = muscle_relaxant().dosing.model_copy(
        update={
            "renal_adjustment": [
                RenalAdjustment(
                    egfr_below=30, max_daily_mg=30, advice="halve the dose", sources=["r"]
                ),
            ]
        }
    )
    monograph = muscle_relaxant(dosing=dosing, precautions=[])
    low = check_regimen(request(dose_mg=15, times_per_day=3, egfr=25), monograph)
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED in codes(low)
    ceiling = next(a for a in low.alerts if a.code == AlertCode.MAX_DAILY_DOSE_EXCEEDED)
    assert ceiling.sources == ["r"]
    assert "30 mg a day" in ceiling.message
    normal = check_regimen(request(dose_mg=15, times_per_day=3, egfr=90), monograph)
    assert normal.alerts == []


def test_check_regimen_a_maximum_for_one_use_is_no_limit_and_says_so() -> None:
    """A limit the sources give for one use, where another use goes higher, neither alarms
    nor reads as all clear: the request does not say what the drug is taken for."""
    dosing = Dosing(max_daily=DoseSpec(amount=50, unit="mg", use="heart failure"))
    response = check_regimen(request(dose_mg=100, times_per_day=1), muscle_relaxant(dosing=dosing))
    assert response.alerts == []
    (unchecked,) = response.not_checked
    assert unchecked.what == "dose limit"
    assert "heart failure" in unchecked.reason


def _started_above_its_per_dose_cap() -> Monograph:
    """ "Adults start on 4 mg once a day" beside "at most 2 mg twice a day" (a paragraph about
    frail patients): the per-dose cap cannot hold for everyone."""
    return muscle_relaxant(
        dosing=Dosing(
            initial=DoseSpec(amount=4, unit="mg", frequency_per_day=1, sources=["s"]),
            max_daily=DoseSpec(amount=24, unit="mg", sources=["s"]),
            max_single=DoseSpec(amount=2, unit="mg", sources=["f"]),
        )
    )


def test_a_per_dose_cap_below_the_once_a_day_start_is_no_limit_for_the_drug() -> None:
    monograph = _started_above_its_per_dose_cap()
    assert check_regimen(request(dose_mg=4, times_per_day=2), monograph).alerts == []
    over = check_regimen(request(dose_mg=9, times_per_day=3), monograph)
    assert codes(over) == [AlertCode.MAX_DAILY_DOSE_EXCEEDED]


def test_a_per_dose_cap_at_or_above_the_start_still_applies() -> None:
    monograph = muscle_relaxant(
        dosing=Dosing(
            initial=DoseSpec(amount=2, unit="mg", frequency_per_day=1, sources=["s"]),
            max_daily=DoseSpec(amount=24, unit="mg", sources=["s"]),
            max_single=DoseSpec(amount=6, unit="mg", sources=["s"]),
        )
    )
    assert codes(check_regimen(request(dose_mg=8, times_per_day=2), monograph)) == [
        AlertCode.SINGLE_DOSE_HIGH
    ]


def _per_kg_maximum() -> Monograph:
    return Monograph(
        drug="isotretinoin",
        dosing=Dosing(max_daily=DoseSpec(amount=1, unit="mg/kg", route="oral", sources=["q"])),
    )


def test_check_regimen_a_per_kilogram_maximum_is_checked_at_the_patients_weight() -> None:
    over = check_regimen(
        request(dose_mg=40, times_per_day=2, drug="isotretinoin", weight_kg=60),
        _per_kg_maximum(),
    )
    (alert,) = over.alerts
    assert alert.code == AlertCode.MAX_DAILY_DOSE_EXCEEDED
    assert "1 mg/kg a day" in alert.message
    assert "60 mg a day at 60 kg" in alert.message
    within = check_regimen(
        request(dose_mg=30, times_per_day=2, drug="isotretinoin", weight_kg=60),
        _per_kg_maximum(),
    )
    assert within.alerts == []


def test_check_regimen_a_per_kilogram_maximum_without_a_weight_is_not_checked() -> None:
    response = check_regimen(
        request(dose_mg=40, times_per_day=2, drug="isotretinoin"), _per_kg_maximum()
    )
    assert response.alerts == []
    assert [item.what for item in response.not_checked] == ["dose limit"]
    assert "weight" in response.not_checked[0].reason


def test_check_regimen_injection_limit_covers_an_injection_under_the_skin() -> None:
    dosing = Dosing(max_daily=DoseSpec(amount=3, unit="mg", route="injection"))
    monograph = muscle_relaxant(dosing=dosing)
    over = request(dose_mg=3.6, times_per_day=1, route="subcutaneous")
    assert codes(check_regimen(over, monograph)) == [AlertCode.MAX_DAILY_DOSE_EXCEEDED]
    by_mouth = request(dose_mg=3.6, times_per_day=1, route="oral")
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED not in codes(check_regimen(by_mouth, monograph))
