"""The in-memory name index of the catalog: exact, sound-alike, fuzzy and prefix lookups."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from medinfo.domain.names import fold, phonetic_key
from medinfo.services.catalog.names import without_strength
from medinfo.services.catalog.vocabulary import FuzzyLimits


class NameKind(StrEnum):
    """What a name is to its drug; the order is the priority when two drugs share a name."""

    GENERIC = "generic"
    SALT = "salt"
    BRAND = "brand"
    SYNONYM = "synonym"


_NUMBERS = re.compile(r"\d+")
_KIND_ORDER = {kind: position for position, kind in enumerate(NameKind)}
_NAME_FIELDS = (
    ("name", NameKind.GENERIC),
    ("salts", NameKind.SALT),
    ("brand_names", NameKind.BRAND),
    ("synonyms", NameKind.SYNONYM),
)


@dataclass(frozen=True)
class NameEntry:
    """One name of one drug, as written in the sources."""

    name: str
    key: str
    kind: NameKind


def iter_drug_names(drug: dict[str, Any]) -> Iterator[NameEntry]:
    """Every name of one catalog document entry, generic first."""
    key = str(drug["name"])
    for field, kind in _NAME_FIELDS:
        values = drug.get(field, ())
        for value in [values] if isinstance(values, str) else values:
            yield NameEntry(str(value), key, kind)


class NameIndex:
    """Folded name -> generic key, with the best-ranked drug winning a shared name."""

    def __init__(self, drugs: list[dict[str, Any]], limits: FuzzyLimits) -> None:
        self.limits = limits
        self.exact: dict[str, str] = {}
        self.spelling: dict[str, str] = {}
        self.kinds: dict[str, NameKind] = {}
        ranks: dict[str, tuple[int, int, int, str]] = {}
        for drug in drugs:
            combination = 1 if drug.get("components") else 0
            size = -str(drug.get("products", "")).count("\n")
            for entry in iter_drug_names(drug):
                folded = fold(entry.name)
                if not folded:
                    continue
                rank = (_KIND_ORDER[entry.kind], combination, size, entry.key)
                if folded not in ranks or rank < ranks[folded]:
                    ranks[folded] = rank
                    self.exact[folded] = entry.key
                    self.spelling[folded] = entry.name
                    self.kinds[folded] = entry.kind
        self._ranks = ranks
        # Names whose catalog spelling carries a strength ("ADVAIR DISKUS 100/50"), by the
        # name without it, for names typed without one; exact names keep priority.
        self.without_strength: dict[str, str] = {}
        bare_ranks: dict[str, tuple[int, int, int, str]] = {}
        for folded, rank in ranks.items():
            bare = without_strength(folded)
            known = bare == folded or bare in self.exact
            if not known and (bare not in bare_ranks or rank < bare_ranks[bare]):
                bare_ranks[bare] = rank
                self.without_strength[bare] = folded

    @cached_property
    def phonetic(self) -> dict[str, str]:
        """Sound-alike key -> generic key, built on the first miss of an exact lookup."""
        best: dict[str, tuple[int, int, int, str]] = {}
        for folded, rank in self._ranks.items():
            sound = phonetic_key(folded)
            if sound not in best or rank < best[sound]:
                best[sound] = rank
        return {sound: rank[-1] for sound, rank in best.items()}

    @cached_property
    def names(self) -> list[str]:
        """Every folded name, sorted, for prefix and fuzzy lookups (built on first use)."""
        return sorted(self.exact)

    def find_exact(self, folded: str) -> str | None:
        """The key of a name spelled exactly (after folding), or of a sound-alike spelling."""
        key = self.exact.get(folded)
        if key is None and len(folded) >= self.limits.phonetic_min_length:
            key = self.phonetic.get(phonetic_key(folded))
        return key

    def find_fuzzy(self, folded: str) -> str | None:
        """The key of the closest name within the typing-error limit for its length, else None.

        A word that begins several names ("insulin", "vitamin") is too vague to guess from, and
        numbers are never corrected: a typo is in the letters.
        """
        allowed = self.limits.max_edits(len(folded))
        if allowed == 0 or self.starts_a_name(folded):
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        matches = process.extract(folded, self.names, scorer=OSA.distance, score_cutoff=allowed)
        numbers = _NUMBERS.findall(folded)  # "vitamin b12" is never "vitamin k1"
        matches = [match for match in matches if _NUMBERS.findall(match[0]) == numbers]
        if not matches:
            return None
        best = min(matches, key=lambda match: (match[1], self._ranks[match[0]]))
        return self.exact[best[0]]

    def starts_a_name(self, folded: str) -> bool:
        """Whether some name begins with these whole words ("vitamin" -> "vitamin a")."""
        start = bisect_left(self.names, folded + " ")
        return start < len(self.names) and self.names[start].startswith(folded + " ")

    def close_names(self, folded: str, limit: int) -> list[str]:
        """Up to `limit` close names (one per drug), best first, as the sources spell them."""
        if not folded or limit <= 0:
            return []
        from rapidfuzz import fuzz, process

        matches = process.extract(
            folded,
            self.names,
            scorer=fuzz.ratio,
            limit=limit * 8,
            score_cutoff=self.limits.suggest_min_score,
        )
        ordered = sorted(matches, key=lambda match: (-match[1], len(match[0]), match[0]))
        seen: set[str] = set()
        names: list[str] = []
        for name, _score, _position in ordered:
            key = self.exact[name]
            if key not in seen:
                seen.add(key)
                names.append(self.spelling[name])
        return names[:limit]

    def prefixed(self, folded: str, limit: int) -> list[str]:
        """Names starting with `folded`, generic names and shorter names first."""
        start = bisect_left(self.names, folded)
        found: list[str] = []
        for name in self.names[start:]:
            if not name.startswith(folded) or len(found) >= limit:
                break
            found.append(name)
        return sorted(found, key=lambda name: (_KIND_ORDER[self.kinds[name]], len(name), name))

    def containing(self, folded: str, limit: int) -> list[str]:
        """Names containing `folded` as a whole word or part of one, shorter names first."""
        found = [name for name in self.names if folded in name]
        found.sort(key=lambda name: (_KIND_ORDER[self.kinds[name]], len(name), name))
        return found[:limit]
