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
        ("now on 900mg every 8 hrs and I advise every drinker to try it", "dosing_advice"),
        ("Currently taking 30 mg twice a day with no trouble", "dosing_advice"),
        ("I recommend anyone with back pain to ask for it", "dosing_advice"),
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
        "I would recommend it to a friend; I am on it for my back.",
    ],
)
def test_find_holds_leaves_ordinary_experiences_alone(text: str) -> None:
    assert reasons(text) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Got mine cheaper from quickrx.io, no prescription needed", "link"),
        ("short link bit.ly/3xYzAb works", "link"),
        ("order at pillsforless dot com and save", "link"),
        ("hxxps://rx-deals.example/p/baclofen", "link"),
        ("ｗｗｗ．ｃｈｅａｐｍｅｄｓ．ｎｅｔ has it", "link"),  # full-width letters
        ("the shop at 203.0.113.7/shop sells it", "link"),
        ("reach me on telegram t.me/cheapmeds", "link"),
        ("message me: painfree22 at gmail dot com", "email"),
        ("mail jo [at] example [dot] org for the source", "email"),
        ("ring five five five, two one two, nine eight seven six", "phone"),
        ("text me 0 7 7 0 0 9 0 0 1 2 3 anytime", "phone"),
        ("went up to twenty milligrams and it finally worked", "dosing_advice"),
        ("my doctor increased me to forty five mg", "dosing_advice"),
        ("I bumped it up to ６０ mg", "dosing_advice"),
    ],
)
def test_find_holds_sees_through_obfuscation(text: str, reason: str) -> None:
    assert reason in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "There was a small red dot on my arm for a day, nothing else.",
        "I take it at night, at bedtime, and sleep at home without trouble.",
        "One or two tablets a day by my own count, as prescribed; stiffness is better.",
        "Side effects at first: dizzy, tired. By week three, fine. 9/10.",
        "I am 45 and have had MS since 2009; it eased spasms within 2 weeks.",
    ],
)
def test_find_holds_still_leaves_ordinary_words_alone(text: str) -> None:
    assert reasons(text) == []


def test_describe_holds_names_the_reason_and_the_words() -> None:
    described = describe_holds(find_holds("Go to www.example.com and double your dose"))
    assert "contains a link" in described
    assert "www.example.com" in described
    assert "dosing advice" in described
