"""Safety checks: the request of a regimen and patient, and the alerts found."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, field_validator


class Severity(StrEnum):
    INFO = "info"
    CAUTION = "caution"
    WARNING = "warning"
    DANGER = "danger"


# Alert codes are upper-case words; the built-in ones are below, and a medicine group's usual
# interaction may name more (knowledge/vocab/medicine_groups.json, e.g. INTERACTION_QT).
ALERT_CODE_PATTERN = r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$"


class AlertCode(StrEnum):
    """The built-in alert codes (more come from the medicine-group vocabulary)."""

    MAX_DAILY_DOSE_EXCEEDED = "MAX_DAILY_DOSE_EXCEEDED"
    SINGLE_DOSE_HIGH = "SINGLE_DOSE_HIGH"
    INTERACTION_CNS_DEPRESSANT = "INTERACTION_CNS_DEPRESSANT"
    INTERACTION_ALCOHOL = "INTERACTION_ALCOHOL"
    INTERACTION_OTHER = "INTERACTION_OTHER"
    RENAL_IMPAIRMENT = "RENAL_IMPAIRMENT"
    HEPATIC_IMPAIRMENT = "HEPATIC_IMPAIRMENT"
    SEIZURE_RISK = "SEIZURE_RISK"
    PREGNANCY = "PREGNANCY"
    BREASTFEEDING = "BREASTFEEDING"
    TAPER_REQUIRED = "TAPER_REQUIRED"
    MISSED_DOSE_TAKE_NOW = "MISSED_DOSE_TAKE_NOW"
    MISSED_DOSE_SKIP = "MISSED_DOSE_SKIP"


# Stored as a plain string, whether given as text or as an `AlertCode` member.
AlertCodeText = Annotated[
    str,
    BeforeValidator(lambda code: code.value if isinstance(code, AlertCode) else code),
    Field(pattern=ALERT_CODE_PATTERN),
]


def _number_only(cls: type[BaseModel], value: object) -> object:
    if isinstance(value, bool | str):
        raise ValueError("must be a number")  # pydantic reports a ValueError by field
    return value


def _numbers(*fields: str) -> Any:
    """Refuse `true` or "5" for these fields, as their published schema does (7.0 stays 7)."""
    return field_validator(*fields, mode="before")(_number_only)


class _RequestPart(BaseModel):
    """Part of a check request: exactly what its schema says is accepted (forms convert first)."""

    model_config = ConfigDict(extra="forbid")


class Patient(_RequestPart):
    age: int | None = Field(default=None, ge=0, le=130)
    egfr: float | None = Field(default=None, ge=0, le=300)
    liver_disease: StrictBool = False
    seizure_history: StrictBool = False
    pregnant: StrictBool = False
    breastfeeding: StrictBool = False
    alcohol_use: StrictBool = False
    other_medications: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=50
    )
    weight_kg: float | None = Field(default=None, gt=0, le=700)
    serum_creatinine_mg_dl: float | None = Field(default=None, gt=0, le=50)

    _check_numbers = _numbers("age", "egfr", "weight_kg", "serum_creatinine_mg_dl")


class Regimen(_RequestPart):
    drug: str = Field(min_length=1, max_length=200)
    dose_mg: float = Field(gt=0, le=100_000)
    times_per_day: int = Field(default=1, ge=1, le=24)
    route: str = "oral"

    _check_numbers = _numbers("dose_mg", "times_per_day")


class MissedDoseEvent(_RequestPart):
    type: Literal["missed_dose"]
    hours_since_missed: float = Field(ge=0, le=24 * 14)
    hours_until_next: float = Field(ge=0, le=24 * 14)

    _check_numbers = _numbers("hours_since_missed", "hours_until_next")


class StopEvent(_RequestPart):
    type: Literal["stop"]
    current_daily_mg: float | None = Field(default=None, gt=0, le=100_000)
    weeks_on_drug: float | None = Field(default=None, ge=0, le=52 * 100)

    _check_numbers = _numbers("current_daily_mg", "weeks_on_drug")


Event = Annotated[MissedDoseEvent | StopEvent, Field(discriminator="type")]


class CheckRequest(_RequestPart):
    patient: Patient = Field(default_factory=Patient)
    regimen: Regimen
    event: Event | None = None


class Alert(BaseModel):
    code: AlertCodeText
    severity: Severity
    message: str
    sources: list[str] = Field(default_factory=list)


class NotChecked(BaseModel):
    """Something the check could not compare: what it is and why, in the reader's words."""

    what: Literal["monograph", "route", "dose unit", "dose limit", "other medicine", "population"]
    reason: str


class TaperStep(BaseModel):
    step: int
    daily_mg: float | None
    duration_days: int | None
    note: str = ""


class CheckResponse(BaseModel):
    drug: str
    daily_dose_mg: float
    alerts: list[Alert] = Field(default_factory=list)
    not_checked: list[NotChecked] = Field(default_factory=list)
    taper_plan: list[TaperStep] | None = None
