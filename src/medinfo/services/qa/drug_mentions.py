"""Drug mentions: which medicine a question is about, by generic, brand or misspelled name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from medinfo.domain.monograph import Monograph

if TYPE_CHECKING:
    from medinfo.domain.catalog import CatalogDrug

_LETTERS = re.compile(r"[a-z]+")
_MIN_FUZZY_LENGTH = 5
_LONG_NAME_LENGTH = 9


class MonographLookup(Protocol):
    """Where the engine finds drugs: the store implements it, tests use InMemoryMonographs."""

    def resolve(self, name: str) -> str | None:
        """The generic key of a generic, brand or misspelled name; None when unknown."""
        ...

    def find_in_text(self, text: str) -> str | None:
        """The generic key of the first known drug a free-text question mentions."""
        ...

    def get(self, drug: str) -> Monograph | None:
        """The monograph of a generic key."""
        ...


@runtime_checkable
class CatalogLookup(Protocol):
    """A lookup that also knows medicines without a monograph (the store's drug catalog)."""

    def catalog_in_text(self, text: str) -> CatalogDrug | None:
        """The first catalog medicine a free-text question names, if any."""
        ...


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_LETTERS.findall(name.lower()))


def _allowed_edits(word: str) -> int:
    if len(word) < _MIN_FUZZY_LENGTH:
        return 0
    return 2 if len(word) >= _LONG_NAME_LENGTH else 1


class DrugNameIndex:
    """Names (generic, brands, synonyms) mapped to generic keys, matched with typo tolerance.

    `ignore` lists ordinary words (the question vocabulary) that must never be read as a
    misspelled drug name.
    """

    def __init__(self, names: Iterable[tuple[str, str]], ignore: Iterable[str] = ()) -> None:
        self._keys: dict[tuple[str, ...], str] = {}
        for name, key in names:
            tokens = _name_tokens(name)
            if tokens:
                self._keys.setdefault(tokens, key)
        self._single = {tokens[0]: key for tokens, key in self._keys.items() if len(tokens) == 1}
        self._joined = {" ".join(tokens): key for tokens, key in self._keys.items()}
        self._longest = max((len(tokens) for tokens in self._keys), default=1)
        self._ignore = frozenset(ignore)

    def resolve(self, name: str) -> str | None:
        """The key of a name as typed: exact first, then the nearest name within a typo or two."""
        tokens = _name_tokens(name)
        if not tokens:
            return None
        exact = self._keys.get(tokens)
        if exact is not None:
            return exact
        return self._nearest(" ".join(tokens), self._joined)

    def find_in_text(self, text: str) -> str | None:
        """The key of the earliest drug named in `text`; exact names win over near misses."""
        tokens = _name_tokens(text)
        for start in range(len(tokens)):
            for size in range(min(self._longest, len(tokens) - start), 0, -1):
                key = self._keys.get(tuple(tokens[start : start + size]))
                if key is not None:
                    return key
        for token in tokens:
            if token in self._ignore:
                continue
            key = self._nearest(token, self._single)
            if key is not None:
                return key
        return None

    @staticmethod
    def _nearest(word: str, names: dict[str, str]) -> str | None:
        edits = _allowed_edits(word)
        if not edits or not names:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        best = process.extractOne(word, list(names), scorer=OSA.distance, score_cutoff=edits)
        return names[best[0]] if best else None


class InMemoryMonographs:
    """A MonographLookup over monographs held in memory, for tests and benchmarks."""

    def __init__(
        self,
        monographs: Iterable[Monograph],
        aliases: dict[str, str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> None:
        self._monographs = {m.drug.lower(): m for m in monographs}
        names = [(key, key) for key in self._monographs]
        names += [(brand, key) for key, m in self._monographs.items() for brand in m.brand_names]
        names += [(alias, key.lower()) for alias, key in (aliases or {}).items()]
        if ignore is None:
            from medinfo.services.qa.intents import load_intent_rules

            rules = load_intent_rules()
            ignore = rules.known_words | rules.fuzzy.never_correct
        self._index = DrugNameIndex(names, ignore)

    def resolve(self, name: str) -> str | None:
        return self._index.resolve(name)

    def find_in_text(self, text: str) -> str | None:
        return self._index.find_in_text(text)

    def get(self, drug: str) -> Monograph | None:
        return self._monographs.get(drug.lower())


def second_monograph(
    question: str, first: Monograph, monographs: MonographLookup
) -> Monograph | None:
    """The monograph of another drug the question names besides `first`, if any."""
    key = monographs.find_in_text(without_names(question, first))
    if key is None or key == first.drug:
        return None
    return monographs.get(key)


def without_names(question: str, monograph: Monograph) -> str:
    """The question, lower-cased, with the drug's own generic and brand names blanked out."""
    text = question.lower()
    for name in sorted({monograph.drug, *monograph.brand_names}, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name.lower())}\b", " ", text)
    return text


# What a patient writes before a medicine they already take, when asking about another one.
_ALREADY_ON = re.compile(
    r"(?:(?:^|[,.;:!?]\s*|\band |\bbut |\bif )\s*(?:i am on|im on|i'm on|i take|i am taking"
    r"|im taking|i'm taking)|\bon my|\bwhile on|\bwhile taking)\s+$"
)


def _named_at(text: str, monograph: Monograph) -> list[int]:
    """Where lower-cased `text` names the drug, by its generic name first, then its brands."""
    return [
        found.start()
        for name in (monograph.drug, *monograph.brand_names)
        for found in re.finditer(rf"\b{re.escape(name.lower())}\b", text)
    ]


def is_context(question: str, monograph: Monograph) -> bool:
    """Whether the question names the drug as one the asker already takes ("i take warfarin,
    will lipitor ..."): then a second drug it names is what it asks about."""
    text = question.lower()
    named = _named_at(text, monograph)
    return bool(named) and bool(_ALREADY_ON.search(text[: named[0]]))


# What a patient writes before the medicine another one replaces ("my doc gave me that instead
# of clindamycin"): the question is about the other one.
_REPLACED = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|switch(?:ed|ing)?\s+(?:me\s+)?from|"
    r"chang(?:ed|ing)\s+(?:me\s+)?from|(?:come|came|coming)\s+off)\s+(?:my\s+|the\s+)?$"
)


def is_replaced(question: str, monograph: Monograph) -> bool:
    """Whether the question names the drug only as the one another medicine replaces."""
    text = question.lower()
    named = _named_at(text, monograph)
    return bool(named) and all(_REPLACED.search(text[:start]) for start in named)
