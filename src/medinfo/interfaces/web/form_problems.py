"""Problems with a filled-in form, said in words a patient understands: which box, what to do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from medinfo.services.checks import field_path

# The /check form's boxes by the request field they fill (labels as the page shows them).
CHECK_FORM_LABELS = {
    "regimen.drug": "Medicine",
    "regimen.dose_mg": "Dose each time (mg)",
    "regimen.times_per_day": "Times a day",
    "regimen.route": "Route",
    "patient.age": "Age",
    "patient.egfr": "Kidney function (eGFR)",
    "patient.other_medications": "Other medicines",
    "event": "What happened",
    "event.hours_since_missed": "Missed dose: hours since it was due",
    "event.hours_until_next": "Missed dose: hours until the next dose",
    "event.current_daily_mg": "Stopping: current daily dose",
    "event.weeks_on_drug": "Stopping: weeks on the medicine",
}
_SAY = {
    "missing": "please fill this in.",
    "string_too_short": "please fill this in.",
    "greater_than": "enter a number above {gt}.",
    "greater_than_equal": "enter a number of {ge} or more.",
    "less_than": "enter a number below {lt}.",
    "less_than_equal": "enter a number no larger than {le}.",
    "int_parsing": "enter a whole number, like 3.",
    "int_from_float": "enter a whole number, like 3.",
    "int_type": "enter a whole number, like 3.",
    "float_parsing": "enter a number, like 10 or 2.5.",
    "float_type": "enter a number, like 10 or 2.5.",
    "value_error": "enter a number, like 10 or 2.5.",
    "string_too_long": "shorten this to {max_length} characters or fewer.",
    "too_long": "list at most {max_length}.",
    "union_tag_invalid": "choose one of the options.",
    "literal_error": "choose one of the options.",
}
_OTHERWISE = "please check this entry."


def _plain(value: object) -> object:
    """0.0 as 0: a limit as a person would write it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def plain_problems(errors: Iterable[Mapping[str, Any]], labels: Mapping[str, str]) -> list[str]:
    """One sentence per problem: the box's label, then what to put in it."""
    said: list[str] = []
    for error in errors:
        path = field_path(list(error.get("loc", ())))
        label = labels.get(path) or labels.get(path.split("[")[0]) or "This form"
        context = {key: _plain(value) for key, value in (error.get("ctx") or {}).items()}
        try:
            advice = _SAY.get(str(error.get("type")), _OTHERWISE).format(**context)
        except (KeyError, IndexError):
            advice = _OTHERWISE
        sentence = f"{label}: {advice}"
        if sentence not in said:
            said.append(sentence)
    return said
