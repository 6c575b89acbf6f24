"""Answers from the practical facts: said first, on the point asked, each cited."""

from __future__ import annotations

from medinfo.domain.answers import Intent
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    AdministrationAdvice,
    HalfLife,
    LegalStatus,
    Monitoring,
    Monograph,
    Overdose,
    SideEffect,
    SourceRef,
)
from medinfo.services.qa import InMemoryMonographs, answer_question


def _cited(start: int) -> dict[str, object]:
    return {"sources": ["px"], "evidence": [Evidence(source="px", start=start, end=start + 30)]}


def _pregabalin() -> InMemoryMonographs:
    monograph = Monograph(
        drug="pregabalin",
        brand_names=["Lyrica"],
        half_life=HalfLife(
            value="about 6 hours",
            low_hours=6,
            high_hours=6,
            summary="The half-life of pregabalin is about 6 hours.",
            **_cited(10),
        ),
        legal_status=LegalStatus(
            controlled=True,
            schedule="V",
            prescription_only=True,
            summary="Pregabalin is a controlled substance (Schedule V in the US).",
            **_cited(50),
        ),
        administration=[
            AdministrationAdvice(
                code="with_or_without_food",
                advice="It can be taken with or without food.",
                **_cited(90),
            ),
            AdministrationAdvice(code="swallow_whole", advice="Swallow it whole.", **_cited(130)),
        ],
        overdose=Overdose(
            signs=["extreme drowsiness", "confusion"],
            summary="Signs of an overdose of pregabalin the sources name: extreme drowsiness "
            "and confusion.",
            **_cited(170),
        ),
        monitoring=[
            Monitoring(
                test="kidney function",
                advice="Kidney function is checked while taking pregabalin.",
                **_cited(210),
            )
        ],
        sources=[SourceRef(id="px", title="Pregabalin notes", kind="article", reliability="x")],
    )
    return InMemoryMonographs([monograph])


def test_half_life_question_answered_from_the_fact() -> None:
    answer = answer_question("how long does lyrica stay in your system, half life?", _pregabalin())
    assert answer.intent is Intent.HALF_LIFE
    assert answer.answerable
    assert "about 6 hours" in answer.answer
    assert answer.citations[0].start == 10


def test_controlled_status_question_gets_the_schedule() -> None:
    answer = answer_question("is pregabalin a controlled substance", _pregabalin())
    assert answer.answerable
    assert "Schedule V" in answer.answer


def test_how_to_take_answers_only_the_point_asked() -> None:
    answer = answer_question("can i take lyrica on an empty stomach or with food", _pregabalin())
    assert answer.intent is Intent.HOW_TO_TAKE
    assert answer.answerable
    assert "with or without food" in answer.answer
    assert "Swallow it whole" not in answer.answer


def test_overdose_question_names_the_signs_after_the_emergency_line() -> None:
    answer = answer_question("what are the signs of a pregabalin overdose", _pregabalin())
    assert answer.intent is Intent.OVERDOSE
    assert answer.answerable
    assert answer.answer.index("emergency") < answer.answer.index("extreme drowsiness")


def test_blood_test_question_gets_the_monitoring_facts() -> None:
    answer = answer_question("do i need blood tests while on pregabalin", _pregabalin())
    assert answer.answerable
    assert "Kidney function is checked" in answer.answer


def test_controlled_question_is_not_answered_by_prescription_only() -> None:
    monograph = Monograph(
        drug="cyclobenzaprine",
        legal_status=LegalStatus(
            prescription_only=True, summary="It is available only on prescription.", **_cited(5)
        ),
        sources=[SourceRef(id="px", title="Cyclobenzaprine", kind="article", reliability="x")],
    )
    answer = answer_question("is cyclobenzaprine a narcotic", InMemoryMonographs([monograph]))
    assert not answer.answerable
    assert "prescription" not in answer.answer.split("Ask")[0]


def _with_dependence(controlled: bool) -> InMemoryMonographs:
    summary = (
        "Clobazam is a controlled substance (Schedule IV in the US)."
        if controlled
        else "Clobazam is not a controlled substance."
    )
    monograph = Monograph(
        drug="clobazam",
        side_effects=[SideEffect(term="dependence", **_cited(20))],
        legal_status=LegalStatus(controlled=controlled, summary=summary, **_cited(60)),
        sources=[SourceRef(id="px", title="Clobazam notes", kind="article", reliability="x")],
    )
    return InMemoryMonographs([monograph])


def test_an_addiction_question_about_a_controlled_drug_gets_its_schedule_too() -> None:
    answer = answer_question("is clobazam addictive? a friend says mild", _with_dependence(True))
    assert answer.answerable
    assert "Schedule IV" in answer.answer
    assert "dependence" in answer.answer


def test_an_addiction_question_never_gets_not_controlled_as_reassurance() -> None:
    answer = answer_question("is clobazam addictive", _with_dependence(False))
    assert "not a controlled substance" not in answer.answer
