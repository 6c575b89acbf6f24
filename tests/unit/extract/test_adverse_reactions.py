"""Adverse reactions read from label-like sections written for these tests (made-up drugs)."""

from __future__ import annotations

import pytest

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.facts import FactKind
from medinfo.domain.sources import SourceFormat
from medinfo.extract.adverse_reactions import (
    adverse_reaction_facts,
    extract_adverse_reactions,
    reaction_candidates,
)
from medinfo.extract.meddra import default_matcher
from medinfo.extract.meddra_build import default_annotations_path, load_sections

TABLE = (
    "Table 3: Adverse Reactions in >=2% of Patients Treated with Zorvimab\n"
    "System Organ Class     Zorvimab (N=310)   Placebo (N=298)\n"
    "Gastrointestinal disorders\n"
    "  Nausea                 14%                6%\n"
    "  Abdominal pain upper   4.5%               2%\n"
    "Nervous system disorders\n"
    "  Headaches              9%                 8%\n"
)


def _terms(text: str, **options: bool) -> dict[str, str | None]:
    return {m.key: m.frequency for m in extract_adverse_reactions(text, **options)}


def test_extract_adverse_reactions_reads_table_rows_with_their_percentages() -> None:
    terms = _terms(TABLE)
    assert terms == {"nausea": "14%", "abdominal pain upper": "4.5%", "headache": "9%"}


def test_extract_adverse_reactions_skips_organ_class_headings() -> None:
    assert "gastrointestinal disorder" not in _terms(TABLE)


def test_extract_adverse_reactions_reads_prose_list_with_threshold() -> None:
    text = (
        "The most common adverse reactions (>=15%) were fatigue, anemia, upper respiratory "
        "tract infection, loss of appetite and diarrhea."
    )
    terms = _terms(text)
    assert set(terms) == {
        "fatigue",
        "anaemia",
        "upper respiratory tract infection",
        "decreased appetite",
        "diarrhoea",
    }
    assert terms["diarrhoea"] == ">=15%"


def test_extract_adverse_reactions_keeps_reaction_but_not_cross_referenced_section() -> None:
    text = (
        " *  Hepatotoxicity [see Warnings and Precautions (5.3)]\n"
        " *  Dose changes for older patients [see Renal Impairment (8.6)]\n"
    )
    assert set(_terms(text)) == {"hepatotoxicity"}


def test_extract_adverse_reactions_leaves_out_denied_reactions() -> None:
    text = (
        "Rash occurred in 3% of patients. No cases of pancreatitis were reported in the "
        "trials. Agranulocytosis was not observed."
    )
    assert set(_terms(text)) == {"rash"}
    negated = {m.key for m in extract_adverse_reactions(text, include_negated=True) if m.negated}
    assert negated == {"pancreatitis", "agranulocytosis"}


def test_extract_adverse_reactions_resolves_abbreviation_defined_in_text() -> None:
    text = (
        "Posterior reversible encephalopathy syndrome (PRESX) has been seen. Discontinue "
        "the drug if PRESX is confirmed."
    )
    found = extract_adverse_reactions(text)
    assert [m.text for m in found] == [
        "Posterior reversible encephalopathy syndrome",
        "PRESX",
        "PRESX",
    ]
    assert {m.key for m in found} == {"posterior reversible encephalopathy syndrome"}


def test_extract_adverse_reactions_matches_longest_term_with_variants() -> None:
    text = "Patients reported flu-like symptoms, peripheral sensory neuropathy and nose bleeds."
    found = extract_adverse_reactions(text)
    assert [m.preferred_term for m in found][:2] == [
        "Influenza like illness",
        "Peripheral sensory neuropathy",
    ]


def test_extract_adverse_reactions_reads_laboratory_word_orders() -> None:
    text = "Elevated ALT, increased serum creatinine and hypokalemia were seen."
    assert set(_terms(text)) == {
        "alanine aminotransferase increased",
        "blood creatinine increased",
        "hypokalaemia",
    }


def test_extract_adverse_reactions_reads_an_analyte_name_before_its_direction() -> None:
    text = "Laboratory changes: leukocytes decreased and GGT increased in a few patients."
    assert set(_terms(text)) >= {
        "white blood cell count decreased",
        "gamma-glutamyltransferase increased",
    }


def test_extract_adverse_reactions_marks_serious_by_section_or_cue() -> None:
    text = "Life-threatening hepatic failure occurred in 2 patients. Mild headache was common."
    found = {m.key: m.serious for m in extract_adverse_reactions(text)}
    assert found == {"hepatic failure": True, "headache": False}
    boxed = extract_adverse_reactions("Risk of seizures.", serious_section=True)
    assert [m.serious for m in boxed] == [True]


def test_extract_adverse_reactions_shifts_spans_by_offset() -> None:
    found = extract_adverse_reactions("Vomiting was rare.", offset=100)
    assert (found[0].start, found[0].end) == (100, 108)


def test_adverse_reaction_facts_reads_only_reaction_sections_of_a_document() -> None:
    heading = "WARNINGS AND PRECAUTIONS"
    body = "Severe neutropenia occurred in 4% of patients."
    other = "Store below 25 C; keep away from nausea."
    original = f"{heading}\n{body}\nSTORAGE\n{other}"
    start = original.index(body)
    blocks = (
        Block(kind=BlockKind.HEADING, text=heading, start=0, end=len(heading)),
        Block(
            kind=BlockKind.PARAGRAPH,
            text=body,
            start=start,
            end=start + len(body),
            heading=heading,
        ),
        Block(
            kind=BlockKind.PARAGRAPH,
            text=other,
            start=original.index(other),
            end=len(original),
            heading="STORAGE",
        ),
    )
    document = Document(original=original, format=SourceFormat.TEXT, blocks=blocks)
    facts = adverse_reaction_facts(document, "label-1")
    assert [(f.kind, f.key) for f in facts] == [(FactKind.SIDE_EFFECT, "neutropenia")]
    fact = facts[0]
    assert fact.attributes["serious"] is True
    assert fact.attributes["frequency"] == "4%"
    assert original[fact.evidence.start : fact.evidence.end] == "neutropenia"


def test_extract_adverse_reactions_scores_well_on_annotated_labels() -> None:
    path = default_annotations_path()
    if not path.exists():
        pytest.skip(f"annotated label sections not found at {path}")
    expected: dict[str, set[str]] = {}
    found: dict[str, set[str]] = {}
    for section in load_sections(path):
        label = section["label_id"]
        rows = section["adverse_events"]
        expected.setdefault(label, set()).update(str(r[1]).lower() for r in rows if r[1])
        mentions = extract_adverse_reactions(section["section_text"])
        found.setdefault(label, set()).update(m.key for m in mentions)
    hits = sum(len(expected[label] & found[label]) for label in expected)
    precision = hits / sum(len(terms) for terms in found.values())
    recall = hits / sum(len(terms) for terms in expected.values())
    assert 2 * precision * recall / (precision + recall) >= 0.89


def test_extract_adverse_reactions_skips_conditions_patients_already_have() -> None:
    text = "Use with care in patients with diabetes mellitus. Hyperglycemia was reported."
    assert set(_terms(text)) == {"hyperglycaemia"}


def test_extract_adverse_reactions_reads_bleeding_and_qualifier_first_forms() -> None:
    text = "Subdural bleeding, a macular rash and abnormal ALT were seen with Tovraxin."
    assert set(_terms(text)) == {
        "subdural haemorrhage",
        "rash macular",
        "alanine aminotransferase abnormal",
    }


def test_reactions_read_again_at_another_offset_move_with_it() -> None:
    text = "The most common adverse reactions were headache and nausea."
    at_start = extract_adverse_reactions(text)
    moved = extract_adverse_reactions(text, offset=500)
    assert at_start, "the text names two reactions"
    assert [(m.start + 500, m.end + 500) for m in at_start] == [(m.start, m.end) for m in moved]
    assert extract_adverse_reactions(text) == at_start


def test_fatal_qualifies_a_reaction_and_is_not_a_death_of_its_own() -> None:
    text = (
        "Rare cases of fatal and non-fatal pancreatitis were reported. Severe rash, which can "
        "be fatal, was seen. Two deaths occurred during the trials."
    )
    found = extract_adverse_reactions(text)
    assert [m.key for m in found] == ["pancreatitis", "rash", "death"]  # deaths stated as such
    assert all(m.serious for m in found[:2])


def test_the_conditions_of_the_patients_a_reaction_was_seen_in_are_not_reactions() -> None:
    text = (
        "Seizures were more frequent in patients without kidney disease but with stroke or "
        "migraine in the past year."
    )
    _, candidates = reaction_candidates(text, default_matcher())
    conditions = {c.pt.lower(): c.condition for c in candidates if not c.open}
    assert conditions == {"seizure": False, "cerebrovascular accident": True, "migraine": True}
    rules_only = extract_adverse_reactions(text, matcher=default_matcher(), scorer=None)
    assert [m.key for m in rules_only] == ["seizure"]
    assert {"cerebrovascular accident", "migraine"}.isdisjoint(_terms(text))


def test_a_cross_reference_run_together_with_its_see_is_masked_but_seen_is_not() -> None:
    text = "Pruritus (seen in 4%) [seeWarnings and Precautions (5.2)]\n"
    masked, _ = reaction_candidates(text, default_matcher())
    assert "(seen in 4%)" in masked
    assert "Warnings" not in masked
