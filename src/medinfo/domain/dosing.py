"""Doses as values: an amount with a unit, compared after unit conversion."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from medinfo.domain.errors import InputError

# Mass units a dose may be stated in, as milligrams per unit.
_MG_PER_UNIT: dict[str, float] = {
    "g": 1000.0,
    "mg": 1.0,
    "mcg": 0.001,
    "ug": 0.001,
    "µg": 0.001,
    "ng": 0.000001,
    # the same units spelled out, as writers and requests name them
    "gram": 1000.0,
    "grams": 1000.0,
    "milligram": 1.0,
    "milligrams": 1.0,
    "microgram": 0.001,
    "micrograms": 0.001,
}


class Dose(BaseModel):
    """An amount of drug, e.g. 5 mg, optionally per period ("day") or per dose."""

    model_config = ConfigDict(frozen=True)

    amount: float
    unit: str
    per: str | None = None

    def to(self, unit: str) -> Dose:
        """The same dose expressed in another mass unit."""
        try:
            factor = _MG_PER_UNIT[self.unit.lower()] / _MG_PER_UNIT[unit.lower()]
        except KeyError as missing:
            raise InputError(f"cannot convert {self.unit!r} to {unit!r}") from missing
        return Dose(amount=self.amount * factor, unit=unit, per=self.per)

    def milligrams(self) -> float:
        """The amount in milligrams."""
        return self.to("mg").amount


def is_mass_unit(unit: str) -> bool:
    """Whether `unit` is a mass unit this module can convert."""
    return unit.lower() in _MG_PER_UNIT
