"""Merged lists: a side effect shown as serious, a use shown as off-label, from the sources."""

from __future__ import annotations

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Source
from medinfo.reconcile import reconcile_monograph
from tests.unit.reconcile.builders import fact, three_sources


def _effect(source: str, **attributes: Scalar) -> ExtractedFact:
    return ExtractedFact(
        kind=FactKind.SIDE_EFFECT,
        key="weakness",
        attributes=attributes,
        evidence=Evidence(source=source, start=0, end=10),
    )


def _sources(*ids: str) -> list[Source]:
    return [Source(id=i, title=i, drug="zorbafen", sha256=i * 4) for i in ids]


def test_side_effect_graded_common_by_most_sources_is_common() -> None:
    facts = [
        _effect("a", serious=True),
        _effect("a", serious=False, frequency="common"),
        _effect("b", serious=False, frequency="common"),
        _effect("c", serious=False, frequency="common"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b", "c"), facts)
    assert [(s.term, s.serious) for s in monograph.side_effects] == [("weakness", False)]


def test_side_effect_with_a_tie_between_grades_stays_serious() -> None:
    facts = [_effect("a", serious=True), _effect("b", serious=False, frequency="common")]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [(s.term, s.serious) for s in monograph.side_effects] == [("weakness", True)]


def _use(source: str, off_label: bool) -> ExtractedFact:
    return ExtractedFact(
        kind=FactKind.INDICATION,
        key="type 2 diabetes",
        attributes={"off_label": off_label},
        evidence=Evidence(source=source, start=0, end=10),
    )


def test_use_a_source_also_presents_as_approved_is_not_off_label() -> None:
    facts = [_use("a", False), _use("a", True), _use("b", False)]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [i.off_label for i in monograph.indications] == [False]


def test_use_one_source_calls_only_off_label_is_off_label() -> None:
    facts = [_use("a", True), _use("b", False)]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [i.off_label for i in monograph.indications] == [True]


def _interaction(source: str, agent: str, severity: str) -> ExtractedFact:
    """An interaction fact, or a NO_INTERACTION one for severity "none"."""
    if severity == "none":
        kind, attributes = FactKind.NO_INTERACTION, {"agent_type": "drug"}
    else:
        kind = FactKind.INTERACTION
        attributes = {"agent_type": "drug", "severity": severity, "effect_terms": ""}
    return ExtractedFact(
        kind=kind,
        key=agent,
        attributes=attributes,
        evidence=Evidence(source=source, start=0, end=10),
    )


def test_an_interaction_any_source_states_outranks_a_denial() -> None:
    facts = [
        _interaction("a", "warfarin", "none"),
        _interaction("b", "warfarin", "moderate"),
        _interaction("a", "aspirin", "none"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [(i.agent, i.severity) for i in monograph.interactions] == [("warfarin", "moderate")]
    assert [i.agent for i in monograph.no_interactions] == ["aspirin"]
    assert "not expected to interact" in monograph.no_interactions[0].effect


def test_untitled_sources_are_named_for_citing_never_by_file_name() -> None:
    from medinfo.reconcile.voice import with_citation_titles

    sources = {
        s.id: s
        for s in (
            Source(id="a", title="000_dd7e9c0dcb16d289", drug="zorbafen", sha256="a" * 4),
            Source(id="b", title="", drug="zorbafen", sha256="b" * 4),
            Source(id="c", title="Zorbafen for patients", drug="zorbafen", sha256="c" * 4),
        )
    }
    named = {i: s.title for i, s in with_citation_titles(sources).items()}
    assert named["c"] == "Zorbafen for patients"
    assert {named["a"], named["b"]} == {
        "Consumer article, undated, 1 of 3",
        "Consumer article, undated, 2 of 3",
    }


def test_sources_are_cited_with_the_publisher_and_date_their_documents_give() -> None:
    from datetime import date

    from medinfo.reconcile.voice import name_sources, with_citation_titles

    dated = Source(id="a", title="", drug="zorbafen", sha256="a" * 4, published=date(2024, 3, 2))
    titled = Source(
        id="b",
        title="Zorbafen explained",
        drug="zorbafen",
        sha256="b" * 4,
        publisher="Example Health",
        published=date(2023, 11, 30),
    )
    named = with_citation_titles({s.id: s for s in (dated, titled)})
    assert named["a"].title == "Consumer article, 2 March 2024, 1 of 2"
    words, several = name_sources(["a", "b"], named)
    assert words == (
        'Consumer article, 2 March 2024, 1 of 2 and "Zorbafen explained" '
        "(Example Health, 30 November 2023, consumer article)"
    )
    assert several


def test_brand_names_are_written_as_in_prose_not_in_a_labels_capitals() -> None:
    sources = three_sources()
    facts = [
        fact("lbl", FactKind.BRAND_NAME, "ZANAFLEX"),
        fact("art", FactKind.BRAND_NAME, "Zanaflex"),
        fact("lbl", FactKind.BRAND_NAME, "ZANAFLEX CAPSULES XR"),
    ]
    monograph = reconcile_monograph("tizanidine", sources, facts)
    assert "Zanaflex" in monograph.brand_names  # as the article writes it
    assert "ZANAFLEX" not in monograph.brand_names
    assert "Zanaflex Capsules XR" in monograph.brand_names  # only the label names it


def test_a_prevented_condition_is_said_as_a_lowered_risk_not_a_treatment() -> None:
    facts = [
        fact("lbl", FactKind.INDICATION, "spasticity", off_label=False),
        fact("lbl", FactKind.INDICATION, "stroke", off_label=False, prevents=True),
    ]
    monograph = reconcile_monograph("tizanidine", three_sources(), facts)
    assert [(i.condition, i.prevention) for i in monograph.indications] == [
        ("spasticity", False),
        ("stroke", True),
    ]
    assert "used to treat spasticity" in monograph.summary
    assert "also used to lower the risk of stroke" in monograph.summary
    assert "treat stroke" not in monograph.summary


def _stated(source: str, condition: str, kind: FactKind = FactKind.INDICATION) -> ExtractedFact:
    attributes: dict[str, Scalar] = {"off_label": False} if kind is FactKind.INDICATION else {}
    return ExtractedFact(
        kind=kind,
        key=condition,
        attributes=attributes,
        evidence=Evidence(source=source, start=0, end=9),
    )


def test_a_use_ruled_out_is_kept_apart_and_never_against_a_stated_stated() -> None:
    facts = [
        _stated("a", "epilepsy"),
        _stated("a", "depression", FactKind.NOT_A_USE),
        _stated("b", "epilepsy", FactKind.NOT_A_USE),  # another source states the use
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    assert [i.condition for i in monograph.indications] == ["epilepsy"]
    assert [(n.condition, n.sources) for n in monograph.not_used_for] == [("depression", ["a"])]
    assert "depression" not in monograph.summary


def _placed(
    source: str, key: str, kind: FactKind, start: int, section: str = "", **attributes: Scalar
) -> ExtractedFact:
    return ExtractedFact(
        kind=kind,
        key=key,
        attributes=attributes,
        evidence=Evidence(source=source, start=start, end=start + 9, section=section),
    )


def test_a_use_one_source_states_and_another_rules_out_is_a_conflict() -> None:
    facts = [
        _placed("a", "insomnia", FactKind.INDICATION, 0, "overview", off_label=False),
        _placed("b", "insomnia", FactKind.NOT_A_USE, 50, "faq"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    [conflict] = [c for c in monograph.conflicts if c.topic == "indication_ruled_out"]
    assert [claim.value for claim in conflict.claims] == [
        "it is used for insomnia",
        "it is not used for insomnia",
    ]
    assert [claim.sources for claim in conflict.claims] == [["a"], ["b"]]
    assert [i.condition for i in monograph.indications] == ["insomnia"]
    assert monograph.not_used_for == []


def test_a_document_that_states_a_use_and_rules_it_out_elsewhere_is_no_conflict() -> None:
    # "It is used for high blood pressure." ... "It does not cure high blood pressure.": the
    # document qualifies its own denial; the use stays shown, and nothing is reported
    facts = [
        _placed("a", "hypertension", FactKind.INDICATION, 0, "overview", off_label=False),
        _placed("a", "hypertension", FactKind.NOT_A_USE, 50, "other"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a"), facts)
    assert not [c for c in monograph.conflicts if c.topic == "indication_ruled_out"]
    assert [i.condition for i in monograph.indications] == ["high blood pressure"]


def test_an_interaction_one_source_states_and_another_denies_is_a_conflict() -> None:
    facts = [
        _placed("a", "grapefruit juice", FactKind.INTERACTION, 0, agent_type="food"),
        _placed("b", "grapefruit juice", FactKind.NO_INTERACTION, 0, agent_type="food"),
        _placed("b", "alcohol", FactKind.NO_INTERACTION, 30, agent_type="substance"),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a", "b"), facts)
    conflicts = [c for c in monograph.conflicts if c.topic == "interaction_denied"]
    assert [[claim.sources for claim in c.claims] for c in conflicts] == [[["a"], ["b"]]]
    # alcohol is denied and stated nowhere: a denial against silence is no conflict


def test_preventing_a_condition_is_not_against_not_treating_it() -> None:
    facts = [
        _placed("a", "migraine", FactKind.INDICATION, 0, off_label=False, prevents=True),
        _placed("a", "migraine", FactKind.NOT_A_USE, 40),
        _placed("a", "migraine", FactKind.INDICATION, 40, off_label=False),
    ]
    monograph = reconcile_monograph("zorbafen", _sources("a"), facts)
    assert not [c for c in monograph.conflicts if c.topic == "indication_ruled_out"]
