"""Answer vocabulary: everyday symptom words and medicine groups, loaded from rules/terms.json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.services.qa.intents import normalise_words, read_rules_json

TERMS_FILE = "rules/terms.json"
_TOP_KEYS = {
    "_comment",
    "symptoms",
    "agent_classes",
    "alcohol_class",
    "sedating_effects",
    "breathing_effects",
    "weight_effects",
    "synonyms",
    "stopwords",
    "condition_generic_words",
}
_CLASS_KEYS = {"aliases", "members", "part_of"}


@lru_cache(maxsize=4096)
def term_key(term: str) -> str:
    """A term folded for comparison: normalised words, each singular."""
    words = normalise_words(term).split()
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words (both already folded)."""
    return bool(phrase) and f" {phrase} " in f" {text} "


@dataclass(frozen=True)
class AgentClass:
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    part_of: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Folded term lists; every entry went through term_key."""

    symptoms: dict[str, tuple[str, ...]]
    classes: dict[str, AgentClass]
    synonyms: dict[str, tuple[str, ...]]
    alcohol_class: str
    sedating_effects: frozenset[str]
    breathing_effects: frozenset[str]
    weight_effects: frozenset[str]
    stopwords: frozenset[str]
    condition_generic_words: frozenset[str] = frozenset()

    def symptoms_in(self, text: str) -> set[str]:
        """The symptom terms a folded question names, directly or in everyday words."""
        return {
            symptom
            for symptom, words in self.symptoms.items()
            if any(contains_phrase(text, word) for word in (symptom, *words))
        }

    def agent_names_in(self, text: str, exclude: Iterable[str] = ()) -> set[str]:
        """Names an interaction fact may use for the medicines a folded question names.

        A brand name brings in its generic; a named member brings in its class and every
        wider class it is part of. Names in `exclude` (the drug asked about) are ignored.
        """
        skip = set(exclude)
        found = {
            name
            for generic, others in self.synonyms.items()
            for name in (generic, *others)
            if name not in skip and contains_phrase(text, name)
        }
        found |= {
            generic
            for generic, others in self.synonyms.items()
            if generic not in skip and any(name in found for name in others)
        }
        pending = []
        for agent_class in self.classes.values():
            for name in (*agent_class.members, *agent_class.aliases, agent_class.name):
                if name in skip:
                    continue
                if name in found or contains_phrase(text, name):
                    found.add(name)
                    pending.append(agent_class.name)
        seen: set[str] = set()
        while pending:
            class_name = pending.pop()
            if class_name in seen or class_name not in self.classes:
                continue
            seen.add(class_name)
            agent_class = self.classes[class_name]
            found.update((agent_class.name, *agent_class.aliases))
            pending.extend(agent_class.part_of)
        return found

    def alcohol_names(self) -> set[str]:
        """Names an interaction fact may use for alcohol."""
        alcohol = self.classes.get(self.alcohol_class)
        return {self.alcohol_class, *(alcohol.aliases if alcohol else ())}


def _fold_all(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(term_key(term) for term in terms)


def parse_vocabulary(raw: dict[str, Any]) -> Vocabulary:
    """Validate and fold a terms document; InputError names the field at fault."""
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise InputError(f"{TERMS_FILE}: top level: unknown keys {sorted(unknown)}")
    classes: dict[str, AgentClass] = {}
    for name, entry in raw.get("agent_classes", {}).items():
        bad = set(entry) - _CLASS_KEYS
        if bad:
            raise InputError(f"{TERMS_FILE}: agent_classes.{name}: unknown keys {sorted(bad)}")
        key = term_key(name)
        classes[key] = AgentClass(
            key,
            _fold_all(entry.get("aliases", [])),
            _fold_all(entry.get("members", [])),
            _fold_all(entry.get("part_of", [])),
        )
    return Vocabulary(
        symptoms={term_key(s): _fold_all(w) for s, w in raw.get("symptoms", {}).items()},
        classes=classes,
        synonyms={term_key(g): _fold_all(n) for g, n in raw.get("synonyms", {}).items()},
        alcohol_class=term_key(raw.get("alcohol_class", "alcohol")),
        sedating_effects=frozenset(_fold_all(raw.get("sedating_effects", []))),
        breathing_effects=frozenset(_fold_all(raw.get("breathing_effects", []))),
        weight_effects=frozenset(_fold_all(raw.get("weight_effects", []))),
        stopwords=frozenset(word.lower() for word in raw.get("stopwords", [])),
        condition_generic_words=frozenset(_fold_all(raw.get("condition_generic_words", []))),
    )


@cache
def load_vocabulary() -> Vocabulary:
    """The packaged vocabulary, parsed once."""
    return parse_vocabulary(read_rules_json(TERMS_FILE))
