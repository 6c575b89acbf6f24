"""Name rules of the catalog (salt words, separators, synonym filter): knowledge/catalog/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import CatalogNames


@dataclass(frozen=True)
class SynonymFilter:
    """Which DrugBank synonyms are too noisy to use as names people type."""

    max_length: int
    drop_if_contains_digit: bool
    drop_chemical_prefixes: tuple[str, ...]
    drop_characters: str


@dataclass(frozen=True)
class FuzzyLimits:
    """How close a misspelling must be to a known name before it is accepted."""

    min_query_length: int
    max_edits_by_length: tuple[tuple[int, int], ...]
    phonetic_min_length: int
    suggest_min_score: float

    def max_edits(self, length: int) -> int:
        """Typing errors (edits) accepted in a name of this many characters."""
        allowed = 0
        for min_length, edits in self.max_edits_by_length:
            if length >= min_length:
                allowed = edits
        return allowed if length >= self.min_query_length else 0


@dataclass(frozen=True)
class NameRules:
    """All name rules of the catalog, as reviewed data."""

    salt_words: frozenset[str]
    generic_name_words: frozenset[str]
    combination_separators: tuple[str, ...]
    synonym_filter: SynonymFilter
    fuzzy: FuzzyLimits


def name_rules_from(raw: CatalogNames) -> NameRules:
    """The name rules of a validated names file."""
    rules_filter, fuzzy = raw.synonym_filter, raw.fuzzy
    return NameRules(
        salt_words=frozenset(word.lower() for word in raw.salt_words),
        generic_name_words=frozenset(word.lower() for word in raw.generic_name_words),
        combination_separators=raw.combination_separators,
        synonym_filter=SynonymFilter(
            max_length=rules_filter.max_length,
            drop_if_contains_digit=rules_filter.drop_if_contains_digit,
            drop_chemical_prefixes=rules_filter.drop_chemical_prefixes,
            drop_characters=rules_filter.drop_characters,
        ),
        fuzzy=FuzzyLimits(
            min_query_length=fuzzy.min_query_length,
            max_edits_by_length=tuple(
                sorted((limit.min_length, limit.max_edits) for limit in fuzzy.max_edits_by_length)
            ),
            phonetic_min_length=fuzzy.phonetic_min_length,
            suggest_min_score=fuzzy.suggest_min_score,
        ),
    )


@cache
def load_name_rules() -> NameRules:
    """The name rules of knowledge/catalog/names.json (read once)."""
    return name_rules_from(load(CatalogNames))
