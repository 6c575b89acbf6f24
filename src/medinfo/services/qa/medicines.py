"""Other medicines in a question, resolved to the class names an interaction fact may use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from medinfo.knowledge.groups import MedicineGroups, medicine_groups
from medinfo.knowledge.names import normalize_name
from medinfo.services.qa.intents import load_intent_rules
from medinfo.services.qa.vocabulary import load_vocabulary, term_key

ALCOHOL = "alcohol"  # the id of the group that stands for alcohol
_MIN_FUZZY = 6
_LONG_FUZZY = 9


@dataclass(frozen=True)
class NamedMedicine:
    """A medicine a question names: as typed, and every name its interaction may be listed by."""

    typed: str
    agent_names: frozenset[str]


class MedicineIndex:
    """Medicine and class names of the shared drug-class vocabulary, read in folded questions.

    A product or generic name ("xanax", "tramadal" within a typo) brings in its generic
    components and every class they belong to, wider classes included (tramadol -> opioids
    -> CNS depressants); a class alias ("benzos" is not one, "benzodiazepines" is) brings
    in that class and its wider classes.
    """

    def __init__(self, vocabulary: MedicineGroups, ignore: frozenset[str]) -> None:
        self._vocabulary = vocabulary
        self._products = {
            name: vocabulary.components_of(name) or () for name in vocabulary.known_names()
        }
        self._aliases: dict[str, str] = {}
        for class_id, drug_class in vocabulary.groups.items():
            for alias in (*drug_class.aliases, drug_class.label):
                self._aliases.setdefault(normalize_name(alias), class_id)
        names = [*self._products, *self._aliases]
        self._longest = max((len(name.split()) for name in names), default=1)
        self._single = tuple(name for name in self._products if " " not in name)
        self._ignore = ignore

    def class_names(self, class_id: str) -> set[str]:
        """The folded names of a class and of every wider class that includes it."""
        found: set[str] = set()
        for wider_id, drug_class in self._vocabulary.groups.items():
            if self._includes(wider_id, class_id):
                found.update(term_key(name) for name in (*drug_class.aliases, drug_class.label))
        return found

    def alcohol_names(self) -> set[str]:
        """The folded names an interaction fact may use for alcohol itself."""
        alcohol = self._vocabulary.groups[ALCOHOL]
        return {term_key(name) for name in (ALCOHOL, *alcohol.aliases, alcohol.label)}

    def wider_than_alcohol(self) -> set[str]:
        """The folded names of the groups alcohol belongs to (CNS depressants)."""
        return self.class_names(ALCOHOL) - self.alcohol_names()

    def brand_names(self, generic: str) -> set[str]:
        """The folded product names that stand for `generic` alone ("xanax" for alprazolam)."""
        return {
            term_key(name)
            for name, parts in self._products.items()
            if parts == (generic,) and name != generic
        }

    def _includes(self, wider_id: str, class_id: str) -> bool:
        if wider_id == class_id:
            return True
        return any(
            self._includes(narrower, class_id)
            for narrower in self._vocabulary.groups[wider_id].includes
        )

    def _resolve(self, generics: tuple[str, ...]) -> set[str]:
        names = {term_key(generic) for generic in generics}
        for generic in generics:
            for class_id in self._vocabulary.classes_of_drug(generic):
                names |= self.class_names(class_id)
        return names

    def _nearest(self, word: str) -> str | None:
        if len(word) < _MIN_FUZZY or word in self._ignore or not word.isalpha():
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        edits = 2 if len(word) >= _LONG_FUZZY else 1
        best = process.extractOne(word, self._single, scorer=OSA.distance, score_cutoff=edits)
        return str(best[0]) if best else None

    def named_in(self, text: str, exclude: set[str]) -> list[NamedMedicine]:
        """The medicines and classes a question names, in order, other than `exclude`."""
        words = normalize_name(text).split()
        found: list[NamedMedicine] = []
        start = 0
        while start < len(words):
            for size in range(min(self._longest, len(words) - start), 0, -1):
                phrase = " ".join(words[start : start + size])
                medicine = self._medicine(phrase, exclude, fuzzy=size == 1)
                if medicine is not None:
                    found.append(medicine)
                    start += size
                    break
            else:
                start += 1
        return found

    def _medicine(self, phrase: str, exclude: set[str], fuzzy: bool) -> NamedMedicine | None:
        if phrase in exclude or term_key(phrase) in exclude:
            return None
        if phrase in self._products:
            generics = self._products[phrase]
            if exclude & {term_key(generic) for generic in generics}:
                return None
            return NamedMedicine(phrase, frozenset(self._resolve(generics)))
        if phrase in self._aliases:
            return NamedMedicine(phrase, frozenset(self.class_names(self._aliases[phrase])))
        near = self._nearest(phrase) if fuzzy else None
        if near is not None and term_key(near) not in exclude:
            return NamedMedicine(phrase, frozenset(self._resolve(self._products[near])))
        return None


@cache
def load_medicine_index() -> MedicineIndex:
    """The index over the packaged drug-class vocabulary, built once."""
    rules = load_intent_rules()
    ignore = rules.known_words | rules.fuzzy.never_correct | load_vocabulary().stopwords
    return MedicineIndex(medicine_groups(), frozenset(ignore))
