"""Duplicates: another product holding an active ingredient the checked drug already has."""

from __future__ import annotations

from medinfo.domain.alerts import Alert, AlertCode, Severity
from medinfo.domain.monograph import Monograph
from medinfo.services.safety.medicines import Medicine
from medinfo.services.safety.messages import join_words, render


def check_duplicates(medicines: list[Medicine], monograph: Monograph) -> list[Alert]:
    """INTERACTION_OTHER for each other product that shares an ingredient with the drug: taken
    together, the doses of that ingredient add up (one pain reliever in two products). Named from
    the products' ingredients, so it cites the maximum daily dose the sources give, if any."""
    maximum = monograph.dosing.max_daily
    sources = list(maximum.sources) if maximum is not None else []
    return [
        Alert(
            code=AlertCode.INTERACTION_OTHER,
            severity=Severity.WARNING,
            message=render(
                "INTERACTION_OTHER.duplicate",
                medicine=medicine.name,
                ingredients=join_words(medicine.shared),
                drug=monograph.drug,
            ),
            sources=sources,
        )
        for medicine in medicines
        if medicine.shared
    ]
