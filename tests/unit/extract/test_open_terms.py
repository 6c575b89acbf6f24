"""Reactions the vocabulary lacks, proposed from their head word (sentences written here)."""

from __future__ import annotations

from medinfo.extract.meddra import Term, TermMatcher, Vocabulary
from medinfo.extract.open_terms import british_spelling, open_spans


def _matcher() -> TermMatcher:
    return TermMatcher(Vocabulary([Term("Pain"), Term("Abdominal pain"), Term("Gastritis")]))


def test_british_spelling_rewrites_american_forms_once() -> None:
    assert british_spelling("Periorbital Hematoma") == "periorbital haematoma"
    assert british_spelling("diarrhea and anemia") == "diarrhoea and anaemia"
    assert british_spelling("anaemia") == "anaemia"
    assert british_spelling("lymphedema") == "lymphoedema"


def test_open_spans_propose_a_longer_term_around_a_known_head() -> None:
    text = "Suprapubic pain and abdominal pain were reported."
    matches = _matcher().find(text)
    spans = open_spans(text, _matcher(), [(m.start, m.end) for m in matches])
    assert [(text[start:end], pt) for start, end, pt in spans] == [
        ("Suprapubic pain", "suprapubic pain")
    ]


def test_open_spans_read_medical_endings_and_leave_qualifiers_out() -> None:
    text = "Severe urethritis, and hemorrhagic cystitis occurred; the diagnosis was late."
    spans = open_spans(text, _matcher(), [])
    assert [pt for _, _, pt in spans] == ["urethritis", "haemorrhagic cystitis"]
