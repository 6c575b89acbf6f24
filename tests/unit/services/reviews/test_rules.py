"""Hold rules: links, phone numbers, e-mail addresses and dosing advice are held for a moderator."""

from __future__ import annotations

import pytest

from medinfo.services.reviews.rules import describe_holds, find_holds


def reasons(text: str) -> list[str]:
    return [hold.reason for hold in find_holds(text)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Cheap refills at https://pills.example.net today", "link"),
        ("see www.cheapmeds4u for more", "link"),
        ("I ordered from bestpharmacy.com without trouble", "link"),
        ("write to me at jo.smith@example.org for tips", "email"),
        ("Call me on 555-867-5309 if you want to chat", "phone"),
        ("my number is +44 20 7946 0958", "phone"),
        ("Just take 3 pills when the pain starts", "dosing_advice"),
        ("If it stops working, double your dose.", "dosing_advice"),
        ("After a month I upped it to 80 mg and felt better", "dosing_advice"),
        ("The doctor increased the dose to 40mg last week", "dosing_advice"),
        ("You should take at least 2 a day to notice anything", "dosing_advice"),
    ],
)
def test_find_holds_catches_each_kind(text: str, reason: str) -> None:
    assert reason in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "It helped my back spasms a lot, though I felt sleepy for the first week.",
        "I take it every morning with breakfast and have had no problems in 3 years.",
        "Rated 8 out of 10 because the dry mouth never went away.",
        "Started in 2019, by 2020 my migraines were down to two a month.",
    ],
)
def test_find_holds_leaves_ordinary_experiences_alone(text: str) -> None:
    assert reasons(text) == []


def test_describe_holds_names_the_reason_and_the_words() -> None:
    described = describe_holds(find_holds("Go to www.example.com and double your dose"))
    assert "contains a link" in described
    assert "www.example.com" in described
    assert "dosing advice" in described
