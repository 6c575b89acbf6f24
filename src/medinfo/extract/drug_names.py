"""Drug names in text, resolved to their generic name with the drug dictionary (lazy import)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from medinfo.knowledge.extract_rules import DrugDetectionRules
from medinfo.knowledge.loading import any_of, load

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")
# Words the dictionary resolves to a drug but that consumer texts use as plain English.
_COMMON_WORDS = frozenset(
    {
        "alcohol",
        "caffeine",
        "oxygen",
        "water",
        "sodium",
        "potassium",
        "iron",
        "serotonin",
        "dopamine",
        "norepinephrine",
        "histamine",
        "gaba",
        "glutamate",
        "acetylcholine",
    }
)


@dataclass(frozen=True)
class DrugMention:
    """A drug name at text[start:end]: the generic it means and whether it is a brand."""

    surface: str
    generic: str
    start: int
    end: int
    is_brand: bool


def _is_brand(record: dict[str, object], surface: str) -> bool:
    flag = record.get("is_brand")
    if isinstance(flag, bool):
        return flag
    name = str(record.get("name", "")).lower()
    return surface[:1].isupper() and name not in surface.lower()


@cache
def _not_medicines() -> re.Pattern[str]:
    """Resolved names that are no medicine (receptors, antigens, enzymes, body compounds)."""
    return any_of(load(DrugDetectionRules).not_medicines)


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[DrugMention, ...]:
    from drug_named_entity_recognition import find_drugs

    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ()
    found = find_drugs([t.group() for t in tokens], is_ignore_case=True)
    mentions = []
    for record, first, last in found:
        start, end = tokens[first].start(), tokens[last - 1].end()
        surface = text[start:end]
        if surface.lower() in _COMMON_WORDS:
            continue
        generic = str(record.get("name", "")).lower()
        if not generic or _not_medicines().search(generic):
            continue
        mentions.append(DrugMention(surface, generic, start, end, _is_brand(record, surface)))
    return tuple(mentions)


def generic_name(drug: str) -> str:
    """The dictionary's generic name for a drug name ("Tylenol" -> "acetaminophen")."""
    mentions = _mentions(drug)
    return mentions[0].generic if mentions else drug.lower()


def find_drug_mentions(text: str) -> list[DrugMention]:
    """Every drug named in the text, in order."""
    return list(_mentions(text))
