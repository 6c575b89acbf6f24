"""The outline of a monograph: readable lines that keep their sources and flags."""

from __future__ import annotations

from medinfo.domain.monograph import (
    AdministrationAdvice,
    DoseSpec,
    Dosing,
    Indication,
    LegalStatus,
    Monitoring,
    Monograph,
    NotAUse,
    Pregnancy,
    SideEffect,
    TermAttribution,
)
from medinfo.services.outline import Line, outline_monograph


def _sections(monograph: Monograph) -> dict[str, tuple[Line, ...]]:
    return {section.title: section.lines for section in outline_monograph(monograph)}


def test_outline_keeps_sources_and_flags_of_each_fact() -> None:
    monograph = Monograph(
        drug="metformin",
        brand_names=["Glucophage"],
        term_sources={"brand_names": [TermAttribution(term="Glucophage", sources=["s1"])]},
        indications=[
            Indication(condition="polycystic ovary syndrome", off_label=True, sources=["s2"])
        ],
        side_effects=[
            SideEffect(
                term="lactic acidosis", serious=True, sources=["s1"], flags=["single_weak_source"]
            )
        ],
    )
    sections = _sections(monograph)
    assert sections["Brand names"] == (Line("Glucophage", ("s1",)),)
    assert sections["Uses"] == (Line("polycystic ovary syndrome (off-label)", ("s2",)),)
    assert sections["Side effects"] == (
        Line("lactic acidosis (serious)", ("s1",), ("single_weak_source",)),
    )


def test_outline_states_doses_with_units_and_frequency() -> None:
    dosing = Dosing(
        initial=DoseSpec(amount=500, unit="mg", frequency_per_day=2, route="oral", sources=["s1"]),
        max_daily=DoseSpec(amount=2550, unit="mg", sources=["s1"]),
    )
    lines = _sections(Monograph(drug="metformin", dosing=dosing))["Dosing"]
    assert [line.text for line in lines] == [
        "starting dose: 500 mg, 2 times a day (oral)",
        "maximum per day: 2550 mg",
    ]


def test_outline_leaves_out_what_no_source_says() -> None:
    sections = _sections(Monograph(drug="metformin"))
    assert sections == {}


def test_outline_marks_a_retired_pregnancy_category() -> None:
    pregnancy = Pregnancy(
        category="B", summary="Ask first.", outdated_category=True, sources=["s3"]
    )
    [line] = _sections(Monograph(drug="metformin", pregnancy=pregnancy))["Pregnancy"]
    assert line.text == "category B (a retired letter category): Ask first."


def test_outline_lists_uses_the_sources_rule_out_apart() -> None:
    monograph = Monograph(
        drug="zorbapentin",
        indications=[Indication(condition="epilepsy", sources=["a"])],
        not_used_for=[NotAUse(condition="depression", sources=["a"])],
    )
    sections = {section.title: section for section in outline_monograph(monograph)}
    assert [line.text for line in sections["Uses"].lines] == ["epilepsy"]
    assert [line.text for line in sections["Not used for"].lines] == ["depression"]
    assert sections["Not used for"].lines[0].sources == ("a",)


def test_outline_shows_practical_facts_with_their_sources() -> None:
    monograph = Monograph(
        drug="levothyroxine",
        administration=[
            AdministrationAdvice(
                code="empty_stomach", advice="Take it on an empty stomach.", sources=["s1"]
            )
        ],
        monitoring=[Monitoring(test="thyroid function", advice="TSH is checked.", sources=["s2"])],
        legal_status=LegalStatus(
            prescription_only=True, summary="Prescription only.", sources=["s1"]
        ),
    )
    sections = _sections(monograph)
    assert sections["How to take it"] == (Line("Take it on an empty stomach.", ("s1",)),)
    assert sections["Monitoring"] == (Line("TSH is checked.", ("s2",)),)
    assert sections["Legal status"] == (Line("Prescription only.", ("s1",)),)
    assert "Half-life" not in sections  # nothing stated, no section
