"""What one extracted fact states, in a few plain words ("80 mg a day by mouth", "category C")."""

from __future__ import annotations

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.reconcile.voice import format_day, format_value

__all__ = ["KIND_WORDS", "fact_words", "format_day"]

KIND_WORDS = {
    FactKind.BRAND_NAME: "brand name",
    FactKind.DRUG_CLASS: "class",
    FactKind.MECHANISM_TERM: "how it works",
    FactKind.INDICATION: "use",
    FactKind.NOT_A_USE: "not used for",
    FactKind.FORM: "form",
    FactKind.INITIAL_DOSE: "starting or usual dose",
    FactKind.MAX_DAILY_DOSE: "most a day",
    FactKind.MAX_SINGLE_DOSE: "most at one time",
    FactKind.TITRATION: "raising the dose",
    FactKind.RENAL_ADJUSTMENT: "kidney dose",
    FactKind.POPULATION_LIMIT: "dose for a group",
    FactKind.SIDE_EFFECT: "side effect",
    FactKind.INTERACTION: "interaction",
    FactKind.NO_INTERACTION: "said not to interact",
    FactKind.PRECAUTION: "take care with",
    FactKind.PREGNANCY: "pregnancy",
    FactKind.BREASTFEEDING: "breastfeeding",
    FactKind.MISSED_DOSE: "missed dose",
    FactKind.STOPPING: "stopping",
    FactKind.WITHDRAWAL_SYMPTOM: "withdrawal symptom",
    FactKind.ONSET: "how soon it works",
    FactKind.DEPENDENCE: "dependence",
    FactKind.FAQ: "answers a question about",
    FactKind.DISCLAIMER: "disclaimer",
    FactKind.CONTENT_NOTICE: "notice about itself",
    FactKind.HALF_LIFE: "half-life",
    FactKind.LEGAL_STATUS: "legal status",
    FactKind.ADMINISTRATION: "how to take it",
    FactKind.OVERDOSE: "overdose",
    FactKind.MONITORING: "test while taking it",
}
_DOSES = (FactKind.INITIAL_DOSE, FactKind.MAX_DAILY_DOSE, FactKind.MAX_SINGLE_DOSE)
_FLAGS = {
    "take_when_remembered": "take it when remembered",
    "skip_if_next_dose_near": "skip it if the next dose is near",
    "never_double": "never double up",
}


def fact_words(fact: ExtractedFact) -> str:
    """The value a fact states, as a reader would say it."""
    attributes = fact.attributes
    if fact.kind in _DOSES and attributes.get("amount") is not None:
        return _dose(fact.key, attributes)
    if fact.kind is FactKind.STOPPING:
        risky = attributes.get("abrupt_stop_risk")
        return "do not stop suddenly" if risky else "no warning about stopping suddenly"
    if fact.kind is FactKind.PREGNANCY and attributes.get("category"):
        return f"category {attributes['category']}"
    if fact.kind is FactKind.MISSED_DOSE:
        said = [words for flag, words in _FLAGS.items() if attributes.get(flag)]
        return ", ".join(said) or "mentioned"
    if fact.kind is FactKind.ONSET:
        times = [str(attributes[k]) for k in ("first_effect", "full_effect") if attributes.get(k)]
        return " to ".join(times) or "mentioned"
    if fact.kind is FactKind.SIDE_EFFECT and attributes.get("serious"):
        return f"{fact.key} (serious)"
    if fact.kind is FactKind.INDICATION and attributes.get("off_label"):
        return f"{fact.key} (off-label)"
    if fact.kind is FactKind.INTERACTION and attributes.get("severity"):
        return f"{fact.key} ({attributes['severity']})"
    if fact.kind is FactKind.DEPENDENCE and attributes.get("claim"):
        return str(attributes["claim"])
    if fact.kind in _PRACTICAL:
        return _practical_words(fact)
    if fact.key == fact.kind.value or fact.kind in (FactKind.DISCLAIMER, FactKind.CONTENT_NOTICE):
        return "mentioned"
    return fact.key


_PRACTICAL = (FactKind.HALF_LIFE, FactKind.LEGAL_STATUS, FactKind.OVERDOSE, FactKind.MONITORING)


def _practical_words(fact: ExtractedFact) -> str:
    """Half-life, legal status, overdose and test facts in a few words (ADR 0027)."""
    attributes = fact.attributes
    if fact.kind is FactKind.HALF_LIFE:
        return str(attributes.get("value") or "mentioned")
    if fact.kind is FactKind.MONITORING:
        return fact.key if attributes.get("needed") is not False else f"no routine {fact.key}"
    if fact.kind is FactKind.OVERDOSE:
        named = [str(attributes[k]) for k in ("signs", "antidotes") if attributes.get(k)]
        return "; ".join(named) or "no specific antidote"
    said = []
    if attributes.get("controlled") is not None:
        controlled = attributes["controlled"]
        schedule = f" ({attributes['schedule']})" if attributes.get("schedule") else ""
        said.append(f"controlled{schedule}" if controlled else "not controlled")
    if attributes.get("prescription_only") is not None:
        only = attributes["prescription_only"]
        said.append("prescription only" if only else "without prescription")
    return ", ".join(said) or "mentioned"


def _dose(route: str, attributes: dict[str, Scalar]) -> str:
    return f"{format_value(attributes)} ({route})"
