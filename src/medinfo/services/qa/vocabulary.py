"""Answer vocabulary: everyday symptom words and medicine groups, from knowledge/qa/terms.json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from medinfo.knowledge import service_rules as rules
from medinfo.knowledge.loading import load
from medinfo.services.qa.intents import normalise_words


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


def vocabulary_from(raw: rules.AnswerTerms) -> Vocabulary:
    """The folded vocabulary of a validated terms file."""
    classes = {
        term_key(name): AgentClass(
            term_key(name),
            _fold_all(entry.aliases),
            _fold_all(entry.members),
            _fold_all(entry.part_of),
        )
        for name, entry in raw.agent_classes.items()
    }
    return Vocabulary(
        symptoms={term_key(s): _fold_all(w) for s, w in raw.symptoms.items()},
        classes=classes,
        synonyms={term_key(g): _fold_all(n) for g, n in raw.synonyms.items()},
        alcohol_class=term_key(raw.alcohol_class),
        sedating_effects=frozenset(_fold_all(raw.sedating_effects)),
        breathing_effects=frozenset(_fold_all(raw.breathing_effects)),
        weight_effects=frozenset(_fold_all(raw.weight_effects)),
        stopwords=frozenset(word.lower() for word in raw.stopwords),
        condition_generic_words=frozenset(_fold_all(raw.condition_generic_words)),
    )


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary of knowledge/qa/terms.json, folded once."""
    return vocabulary_from(load(rules.AnswerTerms))
