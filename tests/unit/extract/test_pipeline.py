"""The pipeline on the seed pages and on our own articles about other drugs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.domain.documents import Document
from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.pipeline import extract_document, extract_rule_facts
from medinfo.reconcile import reconcile_monograph
from medinfo.sources.reader import read_document
from tests.unit.extract.conftest import article, only, read_text
from tests.unit.extract.helpers import make_document
from tests.unit.reconcile.builders import source as source_of


def _corpus() -> Path:
    shared = Path(SHARED_DIR.value()) if SHARED_DIR.value() else Path("../shared")
    return shared / "corpus" / "baclofen"


@pytest.fixture(scope="module")
def seed_facts() -> dict[str, list[ExtractedFact]]:
    folder = _corpus()
    if not folder.is_dir():
        pytest.skip("seed corpus not available")
    return {
        path.name[:3]: extract_rule_facts(
            read_document(path.read_bytes(), path.name), path.name[:3]
        )
        for path in sorted(folder.glob("*.txt"))
    }


def _attributes(facts: list[ExtractedFact], kind: str) -> list[dict[str, Scalar]]:
    return [dict(fact.attributes) for fact in only(facts, kind)]


def _all(seed_facts: dict[str, list[ExtractedFact]]) -> list[ExtractedFact]:
    return [fact for facts in seed_facts.values() for fact in facts]


def test_seeds_initial_and_max_dose(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    facts = _all(seed_facts)
    initial = {
        (a["amount"], a["unit"], a["frequency_per_day"]) for a in _attributes(facts, "initial_dose")
    }
    max_daily = {(a["amount"], a["unit"]) for a in _attributes(facts, "max_daily_dose")}
    assert initial == {(5, "mg", 3)}
    assert max_daily == {(80, "mg")}
    assert {fact.key for fact in only(facts, "initial_dose")} == {"oral"}


def test_seeds_pregnancy_category_and_flags(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    pregnancy = _attributes(_all(seed_facts), "pregnancy")
    assert {a.get("category") for a in pregnancy} - {None} == {"C"}
    assert any(a.get("benefit_must_outweigh_risk") for a in pregnancy)


def test_seeds_breastfeeding_flags(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    (milk,) = _attributes(_all(seed_facts), "breastfeeding")
    assert milk["excreted_in_milk"] is True
    assert milk["effects_unknown"] is True


def test_seeds_stopping_and_missed_dose(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    for source, facts in seed_facts.items():
        risks = {a.get("abrupt_stop_risk") for a in _attributes(facts, "stopping")}
        assert risks == {True}, source
    missed = _attributes(_all(seed_facts), "missed_dose")
    flags = ("take_when_remembered", "skip_if_next_dose_near", "never_double")
    assert all(any(a.get(flag) for a in missed) for flag in flags)


def test_seeds_onset_differs_between_pages(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    full = {
        source: {a.get("full_effect") for a in _attributes(facts, "onset")}
        for source, facts in seed_facts.items()
    }
    assert full["000"] == {"several days"}
    assert full["001"] == {"days to weeks"}
    first = {a.get("first_effect") for a in _attributes(seed_facts["000"], "onset")}
    assert first == {"few hours"}


def test_seeds_dependence_claimed_by_some_pages(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    claiming = {source for source, facts in seed_facts.items() if only(facts, "dependence")}
    assert claiming == {"001", "002"}


def test_seeds_notices(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    noticed = {source for source, facts in seed_facts.items() if only(facts, "content_notice")}
    disclaimed = {source for source, facts in seed_facts.items() if only(facts, "disclaimer")}
    assert noticed == {"001"}
    assert disclaimed == {"000", "001"}


def test_seeds_attributes_hold_no_sentences(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    for fact in _all(seed_facts):
        for value in fact.attributes.values():
            assert not isinstance(value, str) or len(value.split()) <= 3, (fact.kind, value)


def test_seeds_evidence_spans_state_the_fact(seed_facts: dict[str, list[ExtractedFact]]) -> None:
    text = (_corpus() / "000_dd7e9c0dcb16d289.txt").read_text()
    (initial,) = only(seed_facts["000"], "initial_dose")
    assert "5 mg" in text[initial.evidence.start : initial.evidence.end]
    assert initial.evidence.section == "dosing"


def _doses(document: Document) -> dict[str, tuple[Scalar, ...]]:
    facts = extract_rule_facts(document, "t")
    found: dict[str, tuple[Scalar, ...]] = {}
    for fact in only(facts, "initial_dose"):
        found["initial"] = (
            fact.attributes["amount"],
            fact.attributes["unit"],
            fact.attributes["frequency_per_day"],
        )
    for fact in only(facts, "max_daily_dose"):
        found["max_daily"] = (fact.attributes["amount"], fact.attributes["unit"])
    return found


def test_articles_doses_of_other_drugs() -> None:
    # "every 6 to 8 hours when needed" fixes no number of doses a day
    assert _doses(article("tizanidine.txt")) == {
        "initial": (2, "mg", None),
        "max_daily": (36, "mg"),
    }
    assert _doses(article("sertraline.md")) == {"initial": (50, "mg", 1), "max_daily": (200, "mg")}
    assert _doses(article("gabapentin.txt")) == {
        "initial": (300, "mg", 1),
        "max_daily": (1800, "mg"),
    }


def test_articles_page_without_dose_has_no_dose() -> None:
    facts = extract_rule_facts(article("cetirizine.txt"), "t")
    assert not [f for f in facts if f.kind.value in ("initial_dose", "max_daily_dose")]


def test_articles_children_and_elderly_doses_are_skipped() -> None:
    assert _doses(article("hydroxyzine.md"))["initial"][0] == 50


def test_articles_category_and_stopping() -> None:
    tizanidine = extract_rule_facts(article("tizanidine.txt"), "t")
    assert {f.attributes.get("category") for f in only(tizanidine, "pregnancy")} == {"C"}
    hydroxyzine = extract_rule_facts(article("hydroxyzine.md"), "t")
    stopping = only(hydroxyzine, "stopping")
    assert [f.attributes["taper_required"] for f in stopping] == [False]
    assert [f.attributes["place"] for f in stopping] == ["dedicated"]
    assert [f.attributes["claim"] for f in only(hydroxyzine, "dependence")] == ["not_addictive"]


def test_articles_renal_bands() -> None:
    facts = only(extract_rule_facts(article("gabapentin.txt"), "t"), "renal_adjustment")
    bands = {f.key: f.attributes.get("max_daily_mg") for f in facts}
    assert bands == {"30<=egfr<60": 1400, "15<=egfr<30": 700}


def test_extract_document_names_no_drug_raises() -> None:
    document = read_text("Stretching\nGentle stretching eases stiff muscles each morning.")
    with pytest.raises(InputError, match="names no drug"):
        extract_document(document, "t")


@pytest.mark.skipif(
    importlib.util.find_spec("medinfo.extract.lists") is None, reason="terms half not merged"
)
def test_extract_document_detects_drug_and_returns_facts() -> None:
    extraction = extract_document(article("sertraline.md"), "t")
    assert extraction.drug == "sertraline"
    assert only(extraction.facts, "max_daily_dose")


def test_renal_dose_without_a_limit_is_not_a_maximum() -> None:
    text = "Kidney problems\nIf your eGFR is below 30, take 100 mg once every other day.\n"
    (fact,) = only(extract_rule_facts(read_text(text), "t"), "renal_adjustment")
    assert fact.key == "egfr<30"
    assert fact.attributes["dose_mg"] == 100
    assert "max_daily_mg" not in fact.attributes


def test_extract_rule_facts_an_advert_states_no_onset() -> None:
    document = read_text(
        "Examplol\n\nIt takes about a week to see the full effect.\n\n"
        "Sponsored: Omega-3 fish oil, 3 months for $19.99\n"
    )
    onsets = [f.attributes for f in extract_rule_facts(document, "t") if f.kind.value == "onset"]
    assert [onset.get("full_effect") for onset in onsets] == ["1 week"]
    assert all(onset.get("first_effect") != "3 months" for onset in onsets)


def test_a_dedicated_section_is_dedicated_to_its_own_topic() -> None:
    from tests.unit.extract.conftest import read_text

    text = (
        "Drug X\n\nX starts to work in about 2 weeks.\n\n"
        "Warnings\n\nMuscle problems were reported, with symptom onset from 1 day to years.\n"
    )
    onsets = only(extract_rule_facts(read_text(text), "t"), "onset")
    # the warning's "symptom onset" is not a dedicated onset statement outranking the lead
    assert all(f.attributes.get("place") != "dedicated" for f in onsets)


def test_extract_rule_facts_places_of_a_summary_label_and_an_answer() -> None:
    document = read_text(
        "Questions about sertraline\n\n"
        "IN BRIEF: Sertraline is an antidepressant. Most people feel better within a week.\n\n"
        "Q. How soon will I notice a change?\n\n"
        "A. It usually takes 4 to 6 weeks before you notice an improvement.\n"
    )
    onsets = [f for f in extract_rule_facts(document, "s1") if f.kind.value == "onset"]
    assert [(f.attributes["first_effect"], f.attributes["place"]) for f in onsets] == [
        ("1 week", "summary"),
        ("4-6 weeks", "dedicated"),
    ]


def test_a_rebuttal_of_an_earlier_post_wins_the_stopping_reading() -> None:
    thread = (
        "Buspirone thread\n"
        "Whatever you do, don't ever stop buspirone cold turkey, it causes seizures.\n"
        "@Tom, I'd disagree. Stopping buspirone suddenly isn't dangerous: it causes no "
        "withdrawal.\n"
    )
    facts = extract_document(make_document(thread), "forum", "buspirone").facts
    places = {
        fact.attributes.get("abrupt_stop_risk"): fact.attributes.get("place")
        for fact in facts
        if fact.kind is FactKind.STOPPING
    }
    assert places == {True: "introduction", False: "dedicated"}
    monograph = reconcile_monograph("buspirone", [source_of("forum")], facts)
    assert monograph.stopping.abrupt_stop_risk is False
