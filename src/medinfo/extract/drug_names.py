"""Drug names in text, resolved to their generic name with the drug dictionary (read lazily)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.extract.drug_dictionary import DictionaryEntry, find_in_tokens
from medinfo.extract.text_cache import per_text
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


def _is_brand(entry: DictionaryEntry, surface: str) -> bool:
    if entry.is_brand is not None:
        return entry.is_brand
    return surface[:1].isupper() and entry.name.lower() not in surface.lower()


@cache
def _not_medicines() -> re.Pattern[str]:
    """Resolved names that are no medicine (receptors, antigens, enzymes, body compounds)."""
    return any_of(load(DrugDetectionRules).not_medicines)


@per_text
def _mentions(text: str) -> tuple[DrugMention, ...]:
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ()
    found = find_in_tokens([t.group() for t in tokens])
    mentions = []
    for entry, first, last in found:
        start, end = tokens[first].start(), tokens[last - 1].end()
        surface = text[start:end]
        if surface.lower() in _COMMON_WORDS:
            continue
        generic = entry.name.lower()
        if not generic or _not_medicines().search(generic):
            continue
        mentions.append(DrugMention(surface, generic, start, end, _is_brand(entry, surface)))
    return tuple(mentions)


def generic_name(drug: str) -> str:
    """The dictionary's generic name for a drug name ("Tylenol" -> "acetaminophen")."""
    mentions = _mentions(drug)
    return mentions[0].generic if mentions else drug.lower()


def find_drug_mentions(text: str) -> list[DrugMention]:
    """Every drug named in the text, in order."""
    return list(_mentions(text))
