"""Section classification: which topic a block belongs to, from its heading and text."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, lru_cache

from medinfo.domain.documents import Block
from medinfo.knowledge.extract_rules import SectionRules
from medinfo.knowledge.loading import load


class Section(StrEnum):
    """Topics a drug document is divided into."""

    OVERVIEW = "overview"
    KEY_FACTS = "key_facts"
    DRUG_CLASS = "drug_class"
    BRAND_NAMES = "brand_names"
    INDICATIONS = "indications"
    OFF_LABEL = "off_label"
    MECHANISM = "mechanism"
    FORMS = "forms"
    DOSING = "dosing"
    SIDE_EFFECTS = "side_effects"
    COMMON_SIDE_EFFECTS = "common_side_effects"
    SERIOUS_SIDE_EFFECTS = "serious_side_effects"
    PRECAUTIONS = "precautions"
    INTERACTIONS = "interactions"
    PREGNANCY = "pregnancy"
    BREASTFEEDING = "breastfeeding"
    MISSED_DOSE = "missed_dose"
    STOPPING = "stopping"
    OVERDOSE = "overdose"
    STORAGE = "storage"
    FAQ = "faq"
    ALTERNATIVES = "alternatives"
    DISCLAIMER = "disclaimer"
    OTHER = "other"


_TITLE_TOPICS = 3
# "Started Latuda - questions about dose, food, booze?": a thread's title asking about two
# topics or more introduces the whole thread, not one section
_ASKS_ABOUT = re.compile(r"\bquestions?\s+(?:about|on|re)\b", re.IGNORECASE)
# "Just been prescribed tadalafil - a few questions": an asker's thread, whatever it names
_ASKERS_TITLE = re.compile(
    r"\b(?:a\s+few|some|several|my|quick|couple\s+of|newbie|beginner)\s+questions?\b", re.IGNORECASE
)
# kinds of one topic: "Any serious side effects I should know about?" names one topic
_FAMILY = {
    Section.SERIOUS_SIDE_EFFECTS: Section.SIDE_EFFECTS,
    Section.COMMON_SIDE_EFFECTS: Section.SIDE_EFFECTS,
}


@cache
def _heading_rules() -> list[tuple[re.Pattern[str], Section]]:
    """Heading patterns from knowledge/extract/sections.json, in priority order."""
    rules: list[tuple[re.Pattern[str], Section]] = []
    for entry in load(SectionRules).headings:
        section = Section(entry.section)
        rules.extend((re.compile(p, re.IGNORECASE), section) for p in entry.patterns)
    return rules


@lru_cache(maxsize=8192)
def classify_heading(heading: str) -> Section:
    """The section a heading introduces; OTHER when no rule matches.

    A heading naming three or more topics ("Ibuprofen: Uses, Side Effects and Safety"), or
    asking questions about two, is a title, and introduces an OVERVIEW.
    """
    matched = [section for pattern, section in _heading_rules() if pattern.search(heading)]
    topics = len({_FAMILY.get(section, section) for section in matched})
    if topics >= _TITLE_TOPICS or (topics > 1 and _ASKS_ABOUT.search(heading)):
        return Section.OVERVIEW
    if _ASKERS_TITLE.search(heading):
        return Section.OVERVIEW
    return matched[0] if matched else Section.OTHER


@lru_cache(maxsize=8192)
def classify_lead(sentence: str) -> Section:
    """The section a lead-in sentence opens: as a heading would, except that a sentence that
    opens with its uses ("It is used for focal seizures, with or without ...:") lists uses,
    though a word such as "seizure" alone would head a precaution."""
    found = [
        (match.start(), index, section)
        for index, (pattern, section) in enumerate(_heading_rules())
        if (match := pattern.search(sentence))
    ]
    heading = classify_heading(sentence)
    if heading is not Section.OVERVIEW and found and min(found)[2] is Section.INDICATIONS:
        return Section.INDICATIONS
    return heading


# "Serious:", "Rare but serious", "Common side effects": a grade of side effects as a label
_GRADE_LABEL = re.compile(
    r"\W*(?P<grade>(?:very\s+|less\s+|more\s+)?common|uncommon|rarer?|rare\s+but\s+serious|"
    r"serious|severe|mild)(?:\s+(?:side\s+effects?|ones|reactions?|but\s+serious))?\W*",
    re.IGNORECASE,
)


def effect_grade(label: str) -> Section | None:
    """The side-effect section a label that is only a grade names ("Serious:" the serious
    ones, "Common ones" the common ones, "Less common" or "Rare" side effects); None for
    any other label."""
    found = _GRADE_LABEL.fullmatch(label)
    if found is None:
        return None
    grade = " ".join(found.group(0).lower().split())
    if "serious" in grade or "severe" in grade:
        return Section.SERIOUS_SIDE_EFFECTS
    common = found["grade"].lower() in ("common", "very common", "more common")
    return Section.COMMON_SIDE_EFFECTS if common else Section.SIDE_EFFECTS


def section_of(block: Block) -> Section:
    """The section of a block, from the nearest heading above it."""
    return classify_heading(block.heading) if block.heading else Section.OVERVIEW
