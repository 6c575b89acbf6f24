"""Notices: disclaimers, AI/crowd-sourced pages and addiction claims with negation."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.notices import (
    extract_content_notice,
    extract_dependence,
    extract_disclaimer,
    read_dependence,
)
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def test_read_dependence_claims_and_negations() -> None:
    assert read_dependence("This painkiller can be habit-forming.") == "addictive"
    assert read_dependence("Long-term use may lead to physical dependence.") == "dependence"
    assert read_dependence("It is not addictive.") == "not_addictive"
    assert read_dependence("It is used to treat opioid addiction.") is None


def test_extract_dependence_ignores_questions(statements_of: StatementsOf) -> None:
    assert extract_dependence(statements_of("Is this drug addictive?"), "s1") == []


def test_extract_disclaimer_found(statements_of: StatementsOf) -> None:
    text = "Content on this site is for informational purposes only and is not medical advice."
    assert [f.attributes for f in extract_disclaimer(statements_of(text), "s1")] == [
        {"present": True}
    ]


def test_extract_content_notice_user_content(statements_of: StatementsOf) -> None:
    text = "Our answers are user-submitted and have not been reviewed by a pharmacist."
    (fact,) = extract_content_notice(statements_of(text), "s1")
    assert fact.key == "ai_or_crowd"
    assert fact.attributes["user_submitted"] is True


def test_extract_content_notice_absent_on_plain_page(statements_of: StatementsOf) -> None:
    assert extract_content_notice(statements_of("Take it with water."), "s1") == []


def test_extract_disclaimer_short_statements_say_it_too(statements_of: StatementsOf) -> None:
    for text in (
        "Volunteers write this encyclopaedia. It is not medical advice.",
        "This page is for guidance only.",
        "I'm not your doctor; use this to prepare questions for your own.",
        "Nothing in these posts counts as medical advice - see your GP.",
        "Our product notes should not be read as professional advice.",
        "Our fact sheets offer only general guidance.",
    ):
        assert extract_disclaimer(statements_of(text), "s1"), text
    assert extract_disclaimer(statements_of("Privacy policy. Disclaimers"), "s1") == []
    assert extract_disclaimer(statements_of("Nothing else helped my back pain."), "s1") == []
