"""Tests of the boilerplate rules and their validation."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from medinfo.sources.boilerplate import is_boilerplate_class, is_boilerplate_line


def _raw_rules() -> dict[str, object]:
    text = resources.files("medinfo.sources").joinpath("rules/boilerplate.json").read_text()
    raw: dict[str, object] = json.loads(text)
    return raw


@pytest.mark.parametrize(
    "line",
    [
        "MUST READ: Ten facts about statins",
        "Related: Omeprazole dosing",
        "See also: Antacids",
        "Click here to read the full leaflet",
        "We use cookies to give you the best experience. Accept",
        "Sign up for our free newsletter",
        "Share on Facebook",
        "There are no reviews yet.",
        "Be the first to review “Doxycycline 100 mg”",
        "Rated 4.5 out of 5",
        "By Priya Natarajan, RPh",
        "Medically reviewed by Dr. Tom Reyes, MD",
        "Last updated: 4 March 2024",
        "Home / Drugs / Doxycycline",
        "Advertisement",
    ],
)
def test_is_boilerplate_line_recognises_page_furniture(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "By lowering stomach acid, omeprazole eases heartburn.",
        "Doxycycline can make your skin more sensitive to sunlight.",
        "Side effects",
        "Share your medicine list with every doctor you see, because some drugs interact.",
        "Reviews of the evidence show that statins lower the risk of heart attack.",
    ],
)
def test_is_boilerplate_line_keeps_content(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_is_boilerplate_class_matches_tokens_not_substrings() -> None:
    assert is_boilerplate_class("sidebar-widget")
    assert is_boilerplate_class("post ad-slot")
    assert not is_boilerplate_class("dosage-table")
    assert not is_boilerplate_class("header-title loading")
