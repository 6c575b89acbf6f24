"""Safety checks: the request of a regimen and patient, and the alerts found."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    INFO = "info"
    CAUTION = "caution"
    WARNING = "warning"
    DANGER = "danger"


class AlertCode(StrEnum):
    MAX_DAILY_DOSE_EXCEEDED = "MAX_DAILY_DOSE_EXCEEDED"
    SINGLE_DOSE_HIGH = "SINGLE_DOSE_HIGH"
    INTERACTION_CNS_DEPRESSANT = "INTERACTION_CNS_DEPRESSANT"
    INTERACTION_ALCOHOL = "INTERACTION_ALCOHOL"
    INTERACTION_QT = "INTERACTION_QT"
    INTERACTION_OTHER = "INTERACTION_OTHER"
    RENAL_IMPAIRMENT = "RENAL_IMPAIRMENT"
    HEPATIC_IMPAIRMENT = "HEPATIC_IMPAIRMENT"
    SEIZURE_RISK = "SEIZURE_RISK"
    PREGNANCY = "PREGNANCY"
    BREASTFEEDING = "BREASTFEEDING"
    TAPER_REQUIRED = "TAPER_REQUIRED"
    MISSED_DOSE_TAKE_NOW = "MISSED_DOSE_TAKE_NOW"
    MISSED_DOSE_SKIP = "MISSED_DOSE_SKIP"


class Patient(BaseModel):
    model_config = ConfigDict(extra="forbid")

    age: int | None = Field(default=None, ge=0, le=130)
    egfr: float | None = Field(default=None, ge=0, le=300)
    liver_disease: bool = False
    seizure_history: bool = False
    pregnant: bool = False
    breastfeeding: bool = False
    alcohol_use: bool = False
    other_medications: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=50
    )
    weight_kg: float | None = Field(default=None, gt=0, le=700)
    serum_creatinine_mg_dl: float | None = Field(default=None, gt=0, le=50)


class Regimen(BaseModel):
    model_config = ConfigDict(extra="forbid")

    drug: str = Field(min_length=1, max_length=200)
    dose_mg: float = Field(gt=0, le=100_000)
    times_per_day: int = Field(default=1, ge=1, le=24)
    route: str = "oral"


class MissedDoseEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["missed_dose"]
    hours_since_missed: float = Field(ge=0, le=24 * 14)
    hours_until_next: float = Field(ge=0, le=24 * 14)


class StopEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["stop"]
    current_daily_mg: float | None = Field(default=None, gt=0, le=100_000)
    weeks_on_drug: float | None = Field(default=None, ge=0, le=52 * 100)


Event = Annotated[MissedDoseEvent | StopEvent, Field(discriminator="type")]


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patient: Patient = Field(default_factory=Patient)
    regimen: Regimen
    event: Event | None = None


class Alert(BaseModel):
    code: AlertCode
    severity: Severity
    message: str
    sources: list[str] = Field(default_factory=list)


class NotChecked(BaseModel):
    """Something the check could not compare: what it is and why, in the reader's words."""

    what: Literal["monograph", "route", "dose unit", "other medicine", "population"]
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
