"""Interactions among a list of medicines: each pair checked with the monographs medinfo has."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations

from medinfo.domain.alerts import Alert, Patient
from medinfo.domain.errors import InputError
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import normalize_name
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from medinfo.services.monograph_lookup import MedicineName, StoreMonographs
from medinfo.services.safety.interactions import check_interactions
from medinfo.services.safety.medicines import resolve_medicines

MAX_MEDICINES = 12
MAX_NAME_LENGTH = 200


class PairStatus(StrEnum):
    """What medinfo can say about one pair of medicines."""

    INTERACTION = "interaction"  # a monograph lists an interaction between them
    NONE_LISTED = "none_listed"  # checked, nothing listed: not the same as safe
    NOT_CHECKED = "not_checked"  # neither medicine has a monograph
    SAME_DRUG = "same_drug"  # two names of one drug: taking both doubles the dose


@dataclass(frozen=True)
class PairFinding:
    """One pair: which monographs were read and the alerts they raise."""

    first: str
    second: str
    status: PairStatus
    checked_with: list[str] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)


@dataclass(frozen=True)
class InteractionReport:
    """Every medicine as identified, and every pair."""

    medicines: list[MedicineName]
    pairs: list[PairFinding]

    @property
    def unchecked(self) -> list[MedicineName]:
        """Medicines without a monograph: their own interactions cannot be read."""
        return [medicine for medicine in self.medicines if not medicine.has_monograph]


def parse_medicine_list(text: str) -> list[str]:
    """One medicine per line (commas also separate); blank lines and repeats dropped."""
    names: dict[str, str] = {}
    for line in text.replace(",", "\n").splitlines():
        name = " ".join(line.split())
        if not name:
            continue
        if len(name) > MAX_NAME_LENGTH:
            raise InputError(f"medicines: a name is longer than {MAX_NAME_LENGTH} characters")
        names.setdefault(name.lower(), name)
    if len(names) > MAX_MEDICINES:
        raise InputError(f"medicines: at most {MAX_MEDICINES} medicines at a time")
    return list(names.values())


def check_medicines(lookup: StoreMonographs, names: list[str]) -> InteractionReport:
    """Check every pair of `names` against each other.

    For a medicine with a monograph, its interaction facts are matched against the other
    medicine's name and drug classes (the safety engine's class vocabulary); a pair is
    checked from both sides when both have monographs. A pair where neither has one is
    reported as not checked, never as safe.
    """
    medicines = [lookup.identify(name) for name in names]
    pairs = [_check_pair(lookup, a, b) for a, b in combinations(medicines, 2)]
    return InteractionReport(medicines, pairs)


def _check_pair(lookup: StoreMonographs, first: MedicineName, second: MedicineName) -> PairFinding:
    if _same_drug(first, second):
        return PairFinding(first.name, second.name, PairStatus.SAME_DRUG)
    checked: list[str] = []
    alerts: list[Alert] = []
    for subject, other in ((first, second), (second, first)):
        monograph = lookup.get(subject.drug) if subject.has_monograph and subject.drug else None
        if monograph is None:
            continue
        checked.append(monograph.drug)
        alerts += _alerts_against(lookup, monograph.drug, other)
    if not checked:
        return PairFinding(first.name, second.name, PairStatus.NOT_CHECKED)
    alerts.sort(key=lambda alert: -severity_rank(alert.severity))
    status = PairStatus.INTERACTION if alerts else PairStatus.NONE_LISTED
    return PairFinding(first.name, second.name, status, checked, alerts)


def _alerts_against(lookup: StoreMonographs, drug: str, other: MedicineName) -> list[Alert]:
    monograph = lookup.get(drug)
    if monograph is None:
        return []
    itself = frozenset({normalize_name(monograph.drug)})
    medicines = resolve_medicines([other.name], lookup, exclude=itself)
    return check_interactions(Patient(), medicines, monograph, load(SafetyRules), medicine_groups())


def _same_drug(first: MedicineName, second: MedicineName) -> bool:
    return first.drug is not None and first.drug == second.drug
