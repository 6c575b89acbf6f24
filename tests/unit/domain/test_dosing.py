"""Dose values convert between mass units without losing their amount."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medinfo.domain.dosing import Dose
from medinfo.domain.errors import InputError


@given(st.floats(min_value=0.001, max_value=1e6, allow_nan=False))
def test_dose_round_trip_through_micrograms(amount: float) -> None:
    dose = Dose(amount=amount, unit="mg")
    assert dose.to("mcg").to("mg").amount == pytest.approx(amount)


def test_dose_grams_to_milligrams() -> None:
    assert Dose(amount=1.5, unit="g").milligrams() == 1500


def test_dose_rejects_volume_units() -> None:
    with pytest.raises(InputError, match="mL"):
        Dose(amount=5, unit="mL").milligrams()
