"""Traps: statements a gold file says must not become facts, and whether one did."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from medinfo.reconcile.vocabulary import match_key
from medinfo.services.field_counts import predicted_limits
from medinfo.services.scoring import dig, names

_ASIDE = re.compile(r"\([^)]*\)|['‘’\"“”]")
_SPLIT = re.compile(r"\s*(?:/|,|;|\band\b|\bor\b|\bvs\b|\bsuch as\b)\s*")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(mg|mcg|g)\b", re.IGNORECASE)
_POPULATIONS = {"renal": ("renal", "kidney"), "hepatic": ("hepatic", "liver")}
_MIN_TERM = 3

# trap field -> (monograph list getter, synonym group)
_LIST_FIELDS: dict[str, tuple[str, str | None]] = {
    "indications": ("indications", "indications"),
    "interactions": ("interactions", "agents"),
    "side_effects": ("side_effects", "side_effects"),
    "common_side_effects": ("side_effects", "side_effects"),
    "serious_side_effects": ("side_effects", "side_effects"),
    "forms": ("forms", "forms"),
    "brand_names": ("brand_names", None),
    "drug_class": ("drug_class", "drug_classes"),
    "mechanism_terms": ("mechanism", "mechanism_terms"),
    "precautions": ("precautions", "precautions"),
}
_ITEM_KEYS = ("condition", "agent", "term")


@dataclass(frozen=True)
class TrapResult:
    """One trap of a gold file: whether the monograph turned it into a fact, and which fact."""

    field: str
    kind: str
    value: str
    fired: bool
    checkable: bool
    fact: str = ""


def trap_terms(value: str) -> list[str]:
    """The names a trap value mentions: asides and quotes dropped, split at / , and or."""
    text = _ASIDE.sub(" ", value)
    text = text.split(":")[-1] if ":" in text else text
    return [t.strip(" .-") for t in _SPLIT.split(text) if len(t.strip(" .-")) >= _MIN_TERM]


def _items(monograph: Mapping[str, Any], field: str) -> list[str]:
    if field == "mechanism":
        return [str(t) for t in dig(monograph, "mechanism", "terms") or []]
    items = monograph.get(field) or []
    found = []
    for item in items:
        if isinstance(item, Mapping):
            key = next((k for k in _ITEM_KEYS if k in item), None)
            found.append(str(item[key]) if key else "")
        else:
            found.append(str(item))
    return found


def _gold_items(gold: Mapping[str, Any], field: str) -> list[str]:
    if field == "side_effects":
        return [*(gold.get("common_side_effects") or []), *(gold.get("serious_side_effects") or [])]
    if field == "mechanism":
        return list(gold.get("mechanism_terms") or [])
    value = gold.get(field) or []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";")]
    return names(value, "condition" if field in ("indications", "precautions") else "agent")


def _contains(phrase: str, term: str) -> bool:
    return re.search(rf"\b{re.escape(term)}\b", phrase) is not None


def _list_trap(
    monograph: Mapping[str, Any], gold: Mapping[str, Any], trap: Mapping[str, Any]
) -> str:
    """The monograph item that realises a list trap ('' when none): an item that folds to a
    term of the trap, or contains one as whole words, and is not itself in the gold list."""
    field, group = _LIST_FIELDS[str(trap["field"])]
    gold_keys = {match_key(item, group) for item in _gold_items(gold, field)}
    terms = [match_key(term, group) for term in trap_terms(str(trap["value"]))]
    for item in _items(monograph, field):
        key = match_key(item, group)
        if key in gold_keys or any(
            _contains(key, gold_key) or _contains(gold_key, key) for gold_key in gold_keys
        ):
            continue  # a gold item, or a variant of one ("low-dose aspirin", "epilepsy")
        if any(key == term or _contains(key, term) for term in terms):
            return item
    return ""


def _dose_trap(
    monograph: Mapping[str, Any], gold: Mapping[str, Any], trap: Mapping[str, Any]
) -> tuple[bool, str]:
    """(checkable, realised fact) for a dosing or population-limit trap: a limit for the
    population it names, or a dose of the amount it names that differs from the gold dose."""
    value = str(trap["value"]).lower()
    for population, words in _POPULATIONS.items():
        if any(word in value for word in words):
            for limit in predicted_limits(monograph):
                if limit.get("population") == population and (
                    limit.get("max_daily") or limit.get("initial") or limit.get("max_single")
                ):
                    return True, f"{population} limit"
            return True, ""
    amount = _AMOUNT.search(value)
    if amount is None:
        return False, ""
    stated = {"amount": float(amount[1]), "unit": amount[2].lower()}
    gold_dosing = gold.get("dosing") or {}
    for name in ("initial", "max_daily", "max_single"):
        if _same_dose(dig(monograph, "dosing", name), stated) and not _same_dose(
            dig(monograph, "dosing", name), gold_dosing.get(name)
        ):
            return True, f"{name} {amount[0]}"
    return True, ""


def _same_dose(dose: Any, other: Any) -> bool:
    """Whether two doses agree on amount and unit (False when either is missing)."""
    return (
        isinstance(dose, Mapping)
        and isinstance(other, Mapping)
        and dose.get("amount") is not None
        and other.get("amount") is not None
        and float(dose["amount"]) == float(other["amount"])
        and str(dose.get("unit", "")).lower() == str(other.get("unit", "")).lower()
    )


def check_trap(
    monograph: Mapping[str, Any], gold: Mapping[str, Any], trap: Mapping[str, Any]
) -> TrapResult:
    """Whether the monograph holds a fact the trap statement must not have produced."""
    field, kind, value = str(trap["field"]), str(trap.get("kind", "")), str(trap["value"])
    fact, checkable = "", True
    if field in _LIST_FIELDS:
        fact = _list_trap(monograph, gold, trap)
    elif field == "abrupt_stop_risk":
        got = dig(monograph, "stopping", "abrupt_stop_risk")
        fact = f"abrupt_stop_risk {got}" if got is not None and got != gold.get(field) else ""
    elif field in ("dosing", "population_limits"):
        checkable, fact = _dose_trap(monograph, gold, trap)
    elif field == "missed_dose":
        double = dig(monograph, "missed_dose", "never_double")
        fact = "never_double false" if double is False else ""
    else:
        checkable = False
    return TrapResult(field, kind, value, bool(fact), checkable, fact)


def check_traps(monograph: Mapping[str, Any], gold: Mapping[str, Any]) -> list[TrapResult]:
    """Every trap of the gold file, checked against the monograph."""
    traps: Iterable[Any] = gold.get("traps") or []
    return [check_trap(monograph, gold, t) for t in traps if isinstance(t, Mapping)]
