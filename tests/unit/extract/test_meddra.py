"""The term matcher reads words that a stripped table or list ran together."""

from __future__ import annotations

from medinfo.extract.meddra import Term, TermMatcher, Vocabulary, text_tokens

_MATCHER = TermMatcher(Vocabulary([Term("Pleural effusion"), Term("Tinnitus"), Term("Vertigo")]))


def test_words_run_together_after_a_lower_case_run_are_read_apart_and_not_joined() -> None:
    tokens = list(text_tokens("Ear: tinnitusSkin: rash"))
    assert [(word, joined) for _, _, word, joined in tokens] == [
        ("Ear", False),
        ("tinnitus", False),
        ("Skin", False),
        ("rash", False),
    ]
    found = _MATCHER.find("Lung: pleural effusionEar and labyrinth: vertigoTinnitus")
    assert [(m.text, m.term.pt if m.term else None) for m in found] == [
        ("pleural effusion", "Pleural effusion"),
        ("vertigo", "Vertigo"),
        ("Tinnitus", "Tinnitus"),
    ]


def test_abbreviations_and_single_lower_case_letters_before_capitals_stay_whole() -> None:
    words = [word for _, _, word, _ in text_tokens("eGFR, HbA1c, pH and LDL-C")]
    assert words == ["eGFR", "HbA1c", "pH", "and", "LDL", "C"]
