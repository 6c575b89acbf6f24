"""The drug page model: key facts, reading order, markers to quotes, conflicts and flags."""

from __future__ import annotations

from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import AdministrationAdvice, HalfLife, Monograph
from medinfo.interfaces.web.citations import all_evidence
from medinfo.interfaces.web.comparison import Stance, build_matrix
from medinfo.interfaces.web.drugpage import build_drug_page
from tests.webdata import tizanidine_monograph


def _page() -> tuple[Monograph, object]:
    monograph = tizanidine_monograph()
    quotes = {item: f"quote {item.start}" for item in all_evidence(monograph)}
    return monograph, build_drug_page(monograph, quotes)


def test_key_facts_cover_what_a_patient_checks_first() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    labels = [row.label for row in page.key_facts]
    assert labels == [
        "Used for",
        "Drug class",
        "Stopping",  # the top warning: this monograph's sources warn against stopping suddenly
        "Pregnancy",
        "Maximum dose",
        "Serious side effects",
        "Common side effects",
        "Main interactions",
    ]
    interactions = next(row for row in page.key_facts if row.label == "Main interactions")
    assert interactions.facts[0].text == "ciprofloxacin"  # major before moderate


def test_markers_point_at_quotes_listed_under_their_source() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    anchors = {quote.anchor for source in page.sources for quote in source.quotes}
    for section in page.sections:
        for group in section.groups:
            for fact in group.facts:
                for marker in fact.markers:
                    assert marker.href.removeprefix("#") in anchors


def test_quotes_are_attached_to_the_cited_evidence() -> None:
    monograph = tizanidine_monograph()
    quotes = {item: f"quote {item.start}" for item in all_evidence(monograph)}
    page = build_drug_page(monograph, quotes)
    assert all(q.text.startswith("quote ") for s in page.sources for q in s.quotes)


def test_conflicts_are_shown_in_their_section_with_both_sides() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    how = next(section for section in page.sections if section.id == "how-to-take")
    assert [c.topic for c in how.conflicts] == ["onset"]
    titles = {title for claim in how.conflicts[0].claims for title in claim.titles}
    assert titles == {"Tizanidine at a glance", "Tizanidine notes <forum>"}


def test_weak_and_outdated_claims_are_flagged() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    flags = {flag for s in page.sections for g in s.groups for f in g.facts for flag in f.flags}
    assert flags == {
        "only one less reliable source says this",
        "outdated: a retired classification",
    }


def test_unsafe_source_urls_are_not_links() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    assert [source.url for source in page.sources] == ["https://example.org/tizanidine", None]


def test_sections_follow_a_patients_reading_order() -> None:
    page = build_drug_page(tizanidine_monograph(), {})
    assert [section.id for section in page.sections] == [
        "what-for",
        "precautions",  # who should not take it
        "how-to-take",  # dose, missed dose, stopping
        "side-effects",
        "interactions",
        "pregnancy",
        "questions",
    ]


def test_empty_monograph_says_the_sources_do_not_say() -> None:
    page = build_drug_page(Monograph(drug="nothing"), {})
    taking = next(section for section in page.sections if section.id == "how-to-take")
    missed = next(group for group in taking.groups if group.heading == "If you miss a dose")
    assert missed.facts == ()
    assert "do not say" in missed.empty


def test_matrix_marks_states_silent_and_disagrees() -> None:
    matrix = build_matrix(build_drug_page(tizanidine_monograph(), {}))
    conflict_rows = [row for row in matrix.rows if row.conflict]
    assert [row.cells for row in conflict_rows] == [
        (Stance.STATES, Stance.DISAGREES),
        (Stance.DISAGREES, Stance.STATES),
    ]
    counts = matrix.counts()
    assert all(sum(per.values()) == len(matrix.rows) for per in counts.values())


def test_matrix_never_marks_a_silent_source_as_disagreeing() -> None:
    from medinfo.domain.evidence import Evidence
    from medinfo.domain.facts import ExtractedFact, FactKind
    from medinfo.domain.sources import Source
    from medinfo.reconcile import reconcile_monograph

    sources = [Source(id=i, title=i, drug="zorbafen", sha256=i * 4) for i in ("a", "b", "c")]
    facts = [
        ExtractedFact(
            kind=FactKind.DEPENDENCE,
            key="dependence",
            attributes={"claim": "addictive"},
            evidence=Evidence(source="a", start=0, end=5),
        ),
        # a weak (AI or crowd) source's lone claim: between sources of standing a claim
        # against silence is no conflict at all
        ExtractedFact(
            kind=FactKind.CONTENT_NOTICE,
            key="ai_or_crowd",
            attributes={},
            evidence=Evidence(source="a", start=6, end=9),
        ),
        *(
            ExtractedFact(
                kind=FactKind.SIDE_EFFECT,
                key="nausea",
                attributes={"serious": False},
                evidence=Evidence(source=s.id, start=0, end=5),
            )
            for s in sources
        ),
    ]
    monograph = reconcile_monograph("zorbafen", sources, facts)
    assert monograph.conflicts  # the one-sided claim is still reported
    matrix = build_matrix(build_drug_page(monograph, {}))
    assert all(Stance.DISAGREES not in row.cells for row in matrix.rows)


def test_a_prevented_condition_reads_as_a_lowered_risk_on_the_page() -> None:
    from medinfo.domain.monograph import Indication

    monograph = Monograph(
        drug="zorbastatin",
        indications=[
            Indication(condition="high cholesterol", sources=["a"]),
            Indication(condition="heart attack", prevention=True, sources=["a"]),
        ],
    )
    page = build_drug_page(monograph, {})
    used_for = next(row for row in page.key_facts if row.label == "Used for")
    assert [fact.text for fact in used_for.facts] == [
        "high cholesterol",
        "heart attack (to lower the risk)",
    ]


def test_uses_the_sources_rule_out_are_shown_apart_from_its_uses() -> None:
    from medinfo.domain.monograph import Indication, NotAUse

    monograph = Monograph(
        drug="zorbapentin",
        indications=[Indication(condition="epilepsy", sources=["a"])],
        not_used_for=[NotAUse(condition="depression", sources=["a"])],
    )
    page = build_drug_page(monograph, {})
    what_for = next(section for section in page.sections if section.id == "what-for")
    groups = {group.heading: [fact.text for fact in group.facts] for group in what_for.groups}
    assert groups[""] == ["epilepsy"]
    assert [facts for heading, facts in groups.items() if heading.startswith("Not used for")] == [
        ["depression"]
    ]
    used_for = next(row for row in page.key_facts if row.label == "Used for")
    assert [fact.text for fact in used_for.facts] == ["epilepsy"]


def test_practical_facts_are_shown_under_how_to_take_each_cited() -> None:
    base = tizanidine_monograph()
    source = base.sources[0].id
    cited = {"sources": [source], "evidence": [Evidence(source=source, start=5, end=40)]}
    monograph = base.model_copy(
        update={
            "administration": [
                AdministrationAdvice(code="with_food", advice="Take it with food.", **cited)
            ],
            "half_life": HalfLife(
                value="2.5 hours",
                low_hours=2.5,
                high_hours=2.5,
                summary="About 2.5 hours.",
                **cited,
            ),
        }
    )
    page = build_drug_page(monograph, {})
    how = next(section for section in page.sections if section.id == "how-to-take")
    groups = {group.heading: group for group in how.groups}
    assert [f.text for f in groups["Taking it"].facts] == ["Take it with food."]
    assert [f.text for f in groups["Half-life"].facts] == ["About 2.5 hours."]
    assert groups["Taking it"].facts[0].markers
    assert not groups["If someone takes too much"].facts
