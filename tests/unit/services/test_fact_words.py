"""Facts said in plain words, as `medinfo sources` prints them."""

from __future__ import annotations

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.services.fact_words import KIND_WORDS, fact_words


def _fact(kind: FactKind, key: str, **attributes: Scalar) -> ExtractedFact:
    return ExtractedFact(
        kind=kind, key=key, attributes=attributes, evidence=Evidence(source="s", start=0, end=1)
    )


def test_fact_words_says_values_not_keys() -> None:
    assert (
        fact_words(_fact(FactKind.MAX_DAILY_DOSE, "oral", amount=80, unit="mg")) == "80 mg (oral)"
    )
    dose = _fact(FactKind.INITIAL_DOSE, "oral", amount=5.0, unit="mg", frequency_per_day=3)
    assert fact_words(dose) == "5 mg three times a day (oral)"  # the wording of the monograph
    span = _fact(FactKind.MAX_DAILY_DOSE, "oral", amount=40, amount_high=80, unit="mg")
    assert fact_words(span) == "40-80 mg (oral)"  # a range is never cut to its low end
    assert fact_words(_fact(FactKind.PREGNANCY, "pregnancy", category="C")) == "category C"
    stop = _fact(FactKind.STOPPING, "stopping", abrupt_stop_risk=True)
    assert fact_words(stop) == "do not stop suddenly"
    assert fact_words(_fact(FactKind.SIDE_EFFECT, "seizures", serious=True)) == "seizures (serious)"


def test_every_fact_kind_has_words() -> None:
    assert set(KIND_WORDS) == set(FactKind)


def test_fact_words_practical_facts() -> None:
    legal = _fact(FactKind.LEGAL_STATUS, "legal_status", controlled=True, schedule="IV")
    assert fact_words(legal) == "controlled (IV)"
    test = _fact(FactKind.MONITORING, "INR", needed=False)
    assert fact_words(test) == "no routine INR"
    half = _fact(FactKind.HALF_LIFE, "half_life", value="about 9 hours")
    assert fact_words(half) == "about 9 hours"
