"""Alert wording: numbers as people write them, never rounded into another dose."""

import pytest

from medinfo.services.safety.messages import format_amount


@pytest.mark.parametrize(
    ("value", "written"),
    [(30.0, "30"), (2.50000001, "2.5"), (0.0625, "0.0625"), (80 / 3 * 3, "80")],
)
def test_format_amount_keeps_small_doses_exact(value: float, written: str) -> None:
    assert format_amount(value) == written
