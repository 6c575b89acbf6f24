"""Reading safety-check requests: one-line errors naming the file and the position or field."""

from __future__ import annotations

import pytest

from medinfo.services.checks import RequestError, read_check_request


def test_read_check_request_names_the_line_and_column_of_bad_json() -> None:
    with pytest.raises(RequestError) as caught:
        read_check_request('{"regimen": {"drug": "x",\n  "dose_mg": 5,}}', "req.json")
    assert str(caught.value).startswith("req.json: invalid JSON at line 2, column 16")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"regimen": {"drug": "x", "dose_mg": 0}}', "regimen.dose_mg: Input should be greater"),
        ('{"patient": {}}', "regimen: Field required"),
        (
            '{"regimen": {"drug": "x", "dose_mg": 1}, "patient": {"other_medications": [3]}}',
            "patient.other_medications[0]: Input should be a valid string",
        ),
        (
            '{"regimen": {"drug": "x", "dose_mg": 1},'
            ' "event": {"type": "stop", "weeks_on_drug": -2}}',
            "event.weeks_on_drug: Input should be greater than or equal to 0",
        ),
        ('{"regimen": {"drug": "x", "dose_mg": 1, "dose": 2}}', "regimen.dose: Extra inputs"),
        ("[]", "Input should be a valid dictionary"),
        ("", "empty request"),
    ],
)
def test_read_check_request_names_the_field_at_fault(document: str, message: str) -> None:
    with pytest.raises(RequestError) as caught:
        read_check_request(document, "req.json")
    assert str(caught.value).startswith("req.json: "), str(caught.value)
    assert message in str(caught.value)
