"""Precision and recall counts of a monograph against gold, field by field (lists and values)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from medinfo.domain.monograph import UNKNOWN
from medinfo.reconcile.vocabulary import match_key
from medinfo.services.scoring import (
    agent_names,
    agents_beside_gold,
    alternatives_of,
    category,
    conflict_topic,
    dig,
    dose_exact,
    form_key,
    gold_agents_named,
    gold_classes,
    gold_precautions,
    gold_terms,
    in_milligrams,
    indication_pairs,
    key_point_score,
    names,
    serious_terms,
    side_effect_pairs,
    side_effect_terms,
)

SAFETY_FIELDS = (
    "initial_dose",
    "max_daily_dose",
    "max_single_dose",
    "population_limits",
    "abrupt_stop_risk",
    "pregnancy_category",
    "interactions",
    "serious_side_effects",
)


@dataclass(frozen=True)
class FieldCount:
    """How many predicted items were right, out of how many predicted and gold-stated."""

    correct: float
    predicted: int
    stated: int

    def __add__(self, other: FieldCount) -> FieldCount:
        return FieldCount(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.stated + other.stated,
        )

    @property
    def precision(self) -> float | None:
        """correct / predicted; None when nothing was predicted."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """correct / gold-stated; None when the gold states nothing."""
        return min(1.0, self.correct / self.stated) if self.stated else None


def _set_count(predicted: Iterable[Any], gold: Iterable[Any]) -> FieldCount:
    got, want = set(predicted), set(gold)
    return FieldCount(float(len(got & want)), len(got), len(want))


def _list_count(predicted: Iterable[str], gold: Iterable[str], group: str | None) -> FieldCount:
    """Counts after the scorer's folding (lowercase, synonyms of `group`, singular)."""
    return _set_count({match_key(p, group) for p in predicted}, {match_key(g, group) for g in gold})


ListCounter = Callable[[Mapping[str, Any], Any], FieldCount]

_LISTS: dict[str, tuple[str, ListCounter]] = {
    # field: (gold key, counter(monograph, gold value))
    "brand_names": ("brand_names", lambda m, g: _list_count(m.get("brand_names") or [], g, None)),
    "drug_class": (
        "drug_class",
        lambda m, g: _list_count(m.get("drug_class") or [], gold_classes(g), "drug_classes"),
    ),
    "indications": (
        "indications",
        lambda m, g: _set_count(*indication_pairs(m, g)),
    ),
    "mechanism_terms": (
        "mechanism_terms",
        lambda m, g: _list_count(
            dig(m, "mechanism", "terms") or [], gold_terms(g), "mechanism_terms"
        ),
    ),
    "forms": (
        "forms",
        lambda m, g: _set_count(map(form_key, m.get("forms") or []), map(form_key, g)),
    ),
    "common_side_effects": (
        "common_side_effects",
        lambda m, g: _set_count(*side_effect_pairs(side_effect_terms(m, False), g)),
    ),
    "serious_side_effects": (
        "serious_side_effects",
        lambda m, g: _set_count(
            *side_effect_pairs(serious_terms(side_effect_terms(m, True)), serious_terms(g))
        ),
    ),
    "interactions": (
        "interactions",
        lambda m, g: _list_count(
            agents_beside_gold(
                agent_names(m.get("interactions") or []), agent_names(g), gold_agents_named(g)
            ),
            agent_names(g),
            "agents",
        ),
    ),
    "precautions": (
        "precautions",
        lambda m, g: _set_count(
            *alternatives_of(
                names(m.get("precautions") or [], "condition"),
                gold_precautions(g, str(m.get("drug") or "")),
                lambda text: match_key(text, "precautions"),
            )
        ),
    ),
}


def _value_count(predicted: Any, gold: Any, correct: float) -> FieldCount:
    """One single value: predicted when set, stated when gold states it."""
    return FieldCount(
        correct if predicted is not None and gold is not None else 0.0,
        int(predicted is not None),
        int(gold is not None),
    )


def _dose_count(dose: Any, gold: Any, fields: tuple[str, ...]) -> FieldCount:
    dose = dose if isinstance(dose, Mapping) and dose.get("amount") is not None else None
    return _value_count(dose, gold or None, dose_exact(dose, gold, fields))


def _text_count(monograph: Mapping[str, Any], path: tuple[str, ...], gold: str) -> FieldCount:
    text = dig(monograph, *path)
    said = text if isinstance(text, str) and text.strip() and text != UNKNOWN else None
    return _value_count(said, gold, key_point_score(said or "", gold))


def _same_amount(got: Any, want: Any) -> bool:
    """Whether two optional doses agree on amount and unit (both absent agree)."""
    if not isinstance(got, Mapping) or got.get("amount") is None:
        return not want
    if not isinstance(want, Mapping) or want.get("amount") is None:
        return False
    got, want = in_milligrams(got), in_milligrams(want)
    same_unit = str(got.get("unit", "")).lower() == str(want.get("unit", "")).lower()
    return same_unit and math.isclose(float(got["amount"]), float(want["amount"]))


def predicted_limits(monograph: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The monograph's population limits; a monograph without the field contributes its
    renal adjustments as renal limits, so that older monographs are scored fairly."""
    limits = dig(monograph, "dosing", "population_limits")
    if isinstance(limits, list):
        return [limit for limit in limits if isinstance(limit, Mapping)]
    renal = dig(monograph, "dosing", "renal_adjustment") or []
    return [
        {
            "population": "renal",
            "max_daily": {"amount": r["max_daily_mg"], "unit": "mg"}
            if r.get("max_daily_mg") is not None
            else None,
        }
        for r in renal
        if isinstance(r, Mapping)
    ]


def _states_no_limit(limit: Mapping[str, Any]) -> bool:
    """A "no dose change is needed" record: it tells that a population has no limit, so it is
    neither a right nor a wrong limit (the gold lists limits)."""
    numbers = ("initial", "max_daily", "max_single")
    return limit.get("advice") == "no_change" and not any(limit.get(key) for key in numbers)


def _limit_count(monograph: Mapping[str, Any], gold: Iterable[Any]) -> FieldCount:
    """A predicted limit is right when a gold limit of its population has its maximum and
    (when the prediction states one) its starting dose; "no change needed" is not a limit."""
    wanted = [g for g in gold if isinstance(g, Mapping)]
    got = [limit for limit in predicted_limits(monograph) if not _states_no_limit(limit)]
    correct = 0
    for limit in got:
        for want in wanted:
            if want.get("population") != limit.get("population"):
                continue
            initial_ok = limit.get("initial") is None or _same_amount(
                limit.get("initial"), want.get("initial")
            )
            if _same_amount(limit.get("max_daily"), want.get("max_daily")) and initial_ok:
                correct += 1
                break
    return FieldCount(float(min(correct, len(wanted))), len(got), len(wanted))


def _conflict_count(conflicts: Iterable[Mapping[str, Any]], gold: Iterable[str]) -> FieldCount:
    wanted = {topic for text in gold if (topic := conflict_topic(text))}
    reported = [
        conflict_topic(str(c.get("topic", ""))) or conflict_topic(str(c.get("note", "")))
        for c in conflicts
    ]
    right = {topic for topic in reported if topic in wanted}
    return FieldCount(float(len(right)), len(reported), len(wanted))


def _value_fields(monograph: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, FieldCount]:
    counts: dict[str, FieldCount] = {}
    dosing = gold.get("dosing")
    if isinstance(dosing, Mapping):
        got = monograph.get("dosing") or {}
        counts["initial_dose"] = _dose_count(
            got.get("initial"), dosing.get("initial"), ("amount", "unit", "frequency_per_day")
        )
        for name in ("max_daily", "max_single"):
            if name in dosing:
                counts[f"{name}_dose"] = _dose_count(
                    got.get(name), dosing.get(name), ("amount", "unit")
                )
    if isinstance(gold.get("population_limits"), list):
        counts["population_limits"] = _limit_count(monograph, gold["population_limits"])
    pregnancy = gold.get("pregnancy")
    if isinstance(pregnancy, Mapping):
        got_category = category(dig(monograph, "pregnancy", "category"))
        want_category = category(pregnancy.get("category"))
        counts["pregnancy_category"] = _value_count(
            got_category, want_category, float(got_category == want_category)
        )
        if pregnancy.get("summary"):
            counts["pregnancy_summary"] = _text_count(
                monograph, ("pregnancy", "summary"), str(pregnancy["summary"])
            )
    for field in ("breastfeeding", "missed_dose", "onset"):
        if isinstance(gold.get(field), str):
            counts[field] = _text_count(monograph, (field, "summary"), gold[field])
    for field, path in (
        ("abrupt_stop_risk", ("stopping", "abrupt_stop_risk")),
        ("disclaimer_present", ("disclaimer_present",)),
    ):
        if field in gold:
            got_value, want_value = dig(monograph, *path), gold[field]
            counts[field] = _value_count(got_value, want_value, float(got_value == want_value))
    if "conflicts" in gold:
        counts["conflicts"] = _conflict_count(monograph.get("conflicts") or [], gold["conflicts"])
    return counts


def count_fields(monograph: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, FieldCount]:
    """Precision/recall counts for every field the gold file states (see `score_monograph`)."""
    counts = {
        name: counter(monograph, gold[key])
        for name, (key, counter) in _LISTS.items()
        if gold.get(key) is not None
    }
    counts.update(_value_fields(monograph, gold))
    return counts


def pooled(counts: Iterable[FieldCount]) -> FieldCount:
    """The sum of several counts (micro-averaging)."""
    total = FieldCount(0.0, 0, 0)
    for count in counts:
        total = total + count
    return total
