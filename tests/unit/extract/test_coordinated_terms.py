"""Terms named through coordinated words, and known terms written in another word order."""

from __future__ import annotations

from medinfo.extract.adverse_reactions import reaction_candidates
from medinfo.extract.coordinated_terms import coordinated_terms
from medinfo.extract.meddra import Term, TermMatcher, Vocabulary, normalise_token, phrase_key

_MATCHER = TermMatcher(
    Vocabulary(
        [
            Term("Renal failure", 1),
            Term("Hepatic failure", 2),
            Term("Cardiac failure", 3),
            Term("Rash pruritic", 4),
            Term("Rash pustular", 5),
            Term("Rash", 6),
            Term("Meningitis viral", 7),
            Term("Post procedural haemorrhage", 8),
            Term("Thyroid disorder", 9),
            Term("Neutropenia", 10),
            Term("Eyelid oedema", 11, ("swelling of the eyelids",)),
            Term("Lip swelling", 12, ("swelling of lips",)),
        ]
    )
)


def test_each_listed_word_before_a_shared_head_makes_its_own_known_term() -> None:
    text = "Cases of cardiac, hepatic or renal failure were seen in the extension study."
    found = {(item.term.pt, item.text) for item in coordinated_terms(text, _MATCHER)}
    assert found == {("Cardiac failure", "cardiac failure"), ("Hepatic failure", "hepatic failure")}


def test_words_in_brackets_after_a_head_make_known_terms_in_either_order() -> None:
    text = "Rashes (pustular and pruritic) were reported in 3% of patients."
    found = {item.term.pt for item in coordinated_terms(text, _MATCHER)}
    assert found == {"Rash pustular", "Rash pruritic"}


def test_no_term_is_made_without_a_list_or_from_unknown_pairs() -> None:
    text = "Renal failure occurred. Hepatic enzymes rose, and failure to thrive was seen."
    assert coordinated_terms(text, _MATCHER) == []


def test_a_list_does_not_run_over_a_line_break() -> None:
    text = "Hepatic\nrenal failure"
    assert coordinated_terms(text, _MATCHER) == []


def test_coordinated_terms_are_candidates_with_their_own_flag() -> None:
    _, candidates = reaction_candidates("Hepatic and renal failure occurred.", _MATCHER)
    by_term = {candidate.pt: candidate for candidate in candidates}
    assert by_term["Hepatic failure"].coordinated
    assert not by_term["Renal failure"].coordinated


def test_an_open_phrase_in_another_word_order_or_run_together_takes_the_known_term() -> None:
    text = "Viral meningitis and postprocedural hemorrhage were reported."
    _, candidates = reaction_candidates(text, _MATCHER)
    named = {candidate.pt for candidate in candidates if not candidate.open}
    assert {"Meningitis viral", "Post procedural haemorrhage"} <= named


def test_ias_and_shes_plurals_fold_to_their_singular() -> None:
    assert normalise_token("neutropenias") == "neutropenia"
    assert normalise_token("rashes") == "rash"
    assert normalise_token("arrhythmias") == "arrhythmia"
    assert phrase_key("Neutropenias") == phrase_key("neutropenia")


def test_a_disorder_term_is_also_named_as_a_disease() -> None:
    found = _MATCHER.find("A history of thyroid disease was noted.")
    assert [match.term.pt for match in found if match.term] == ["Thyroid disorder"]


def test_each_item_after_of_makes_a_term_with_the_words_before_it() -> None:
    text = "Hives and swelling of the face, eyelids, or lips were reported after the first dose."
    found = {item.term.pt for item in coordinated_terms(text, _MATCHER)}
    assert found == {"Eyelid oedema", "Lip swelling"}


_SITES = TermMatcher(
    Vocabulary(
        [
            Term("Pruritus", 20, ("itching",)),
            Term("Infusion site pruritus", 21),
            Term("Infusion site swelling", 22),
            Term("Muscle spasms", 23),
            Term("Muscle twitching", 24),
            Term("Muscular weakness", 25, ("muscle weakness",)),
            Term("Hepatitis B", 26),
            Term("Hepatitis C", 27),
        ]
    )
)


def test_each_item_a_site_reaction_is_listed_as_makes_a_site_term_when_known() -> None:
    text = "Infusion site reactions, such as itching, swelling and soreness, were mild."
    found = {item.term.pt for item in coordinated_terms(text, _SITES)}
    assert found == {"Infusion site pruritus", "Infusion site swelling"}


def test_words_listed_after_a_shared_first_word_make_its_known_terms() -> None:
    text = "Musculoskeletal: muscle spasms/twitching, weakness or cramps; back pain."
    found = {item.term.pt for item in coordinated_terms(text, _SITES)}
    assert found == {"Muscle twitching", "Muscular weakness"}


def test_a_term_after_a_shared_first_word_keeps_the_heads_context() -> None:
    text = "It was not studied in patients with hepatitis B or C."
    _, candidates = reaction_candidates(text, _SITES)
    by_term = {candidate.pt: candidate for candidate in candidates}
    assert by_term["Hepatitis C"].condition


def test_a_head_of_or_in_a_part_names_the_known_term_that_puts_the_part_first() -> None:
    matcher = TermMatcher(
        Vocabulary([Term("Gingival infection", 20), Term("Urinary bladder haemorrhage", 21)])
    )
    text = "Infections of the gingiva were rare; haemorrhage in the urinary bladder was not."
    found = {(item.text, item.term.pt) for item in coordinated_terms(text, matcher)}
    assert found == {("haemorrhage in the urinary bladder", "Urinary bladder haemorrhage")}
    text = "Infections in gingival tissue were seen."
    found = {(item.text, item.term.pt) for item in coordinated_terms(text, matcher)}
    assert found == {("Infections in gingival", "Gingival infection")}
