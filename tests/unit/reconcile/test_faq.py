"""FAQs are asked in medinfo's words and answered only from merged facts."""

from medinfo.domain.facts import FactKind
from medinfo.reconcile import reconcile_monograph
from tests.unit.reconcile.builders import fact, source

SOURCES = [source("a"), source("b")]


def _faqs(*facts):  # type: ignore[no-untyped-def]
    return {f.topic: f for f in reconcile_monograph("tizanidine", SOURCES, list(facts)).faq}


def test_faq_alcohol_answer_comes_from_the_interaction() -> None:
    faqs = _faqs(
        fact("a", FactKind.FAQ, "Alcohol"),
        fact("b", FactKind.INTERACTION, "alcohol", effect_terms="drowsiness"),
    )
    alcohol = faqs["alcohol"]
    assert alcohol.question == "Is it safe to drink alcohol with tizanidine?"
    assert "drowsiness" in alcohol.answer
    assert alcohol.sources == ["a", "b"]


def test_faq_without_a_supporting_fact_is_left_out() -> None:
    faqs = _faqs(
        fact("a", FactKind.FAQ, "can it cause weight gain"), fact("a", FactKind.FAQ, "weight gain")
    )
    assert "weight_gain" not in faqs


def test_faq_driving_lists_only_stated_side_effects() -> None:
    faqs = _faqs(
        fact("a", FactKind.FAQ, "driving"),
        fact("b", FactKind.SIDE_EFFECT, "dizziness"),
        fact("b", FactKind.SIDE_EFFECT, "nausea"),
    )
    assert "dizziness" in faqs["driving"].answer
    assert "nausea" not in faqs["driving"].answer
    assert "drowsiness" not in faqs["driving"].answer


def test_faq_unknown_topic_is_left_out() -> None:
    assert _faqs(fact("a", FactKind.FAQ, "price of a pack")) == {}


def test_faq_missed_dose_reuses_the_missed_dose_rule() -> None:
    faqs = _faqs(
        fact("a", FactKind.FAQ, "missed_dose"),
        fact("b", FactKind.MISSED_DOSE, "missed_dose", take_when_remembered=True),
    )
    assert (
        faqs["missed_dose"].answer
        == "If you miss a dose, take it once you remember, as soon as you can."
    )
