"""Pregnancy and breastfeeding: category letters and risk flags, never the sources' sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.passages import Passage
from medinfo.extract.polarity import FlagRule, load_flag_rules
from medinfo.extract.rulebook import compile_any, load_rules
from medinfo.extract.sections import Section
from medinfo.extract.topic_flags import extract_topic_flags

_NAME = "pregnancy"


@dataclass(frozen=True)
class _Rules:
    pregnancy: re.Pattern[str]
    breastfeeding: re.Pattern[str]
    category: re.Pattern[str]
    pregnancy_flags: list[FlagRule]
    breastfeeding_flags: list[FlagRule]


@cache
def _rules() -> _Rules:
    raw = load_rules(
        _NAME,
        {
            "pregnancy_topic": list,
            "breastfeeding_topic": list,
            "category": str,
            "pregnancy_flags": list,
            "breastfeeding_flags": list,
        },
    )
    return _Rules(
        pregnancy=compile_any(_NAME, raw["pregnancy_topic"]),
        breastfeeding=compile_any(_NAME, raw["breastfeeding_topic"]),
        category=re.compile(raw["category"]),
        pregnancy_flags=load_flag_rules(_NAME, raw["pregnancy_flags"]),
        breastfeeding_flags=load_flag_rules(_NAME, raw["breastfeeding_flags"]),
    )


def _about_pregnancy(passage: Passage) -> bool:
    rules = _rules()
    if rules.pregnancy.search(passage.text):
        return not rules.breastfeeding.search(passage.text) or bool(
            rules.category.search(passage.text)
        )
    return passage.section is Section.PREGNANCY and not rules.breastfeeding.search(passage.text)


def _about_breastfeeding(passage: Passage) -> bool:
    rules = _rules()
    if rules.breastfeeding.search(passage.text):
        return True
    return passage.section is Section.BREASTFEEDING and not rules.pregnancy.search(passage.text)


def _category(passage: Passage) -> dict[str, Scalar]:
    match = _rules().category.search(passage.text)
    return {"category": match["letter"]} if match else {}


def extract_pregnancy(passages: list[Passage], source_id: str) -> list[ExtractedFact]:
    """PREGNANCY facts (category letter, risk flags) and BREASTFEEDING facts (milk, flags)."""
    pregnancy = extract_topic_flags(
        passages,
        source_id,
        FactKind.PREGNANCY,
        _about_pregnancy,
        _rules().pregnancy_flags,
        extra=_category,
    )
    breastfeeding = extract_topic_flags(
        passages,
        source_id,
        FactKind.BREASTFEEDING,
        _about_breastfeeding,
        _rules().breastfeeding_flags,
    )
    return pregnancy + breastfeeding
