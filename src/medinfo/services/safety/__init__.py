"""Safety checks of a regimen against a monograph: doses, interactions, conditions, events."""

from medinfo.services.safety.engine import check_regimen
from medinfo.services.safety.medicines import MedicineResolver, resolve_components

__all__ = ["MedicineResolver", "check_regimen", "resolve_components"]
