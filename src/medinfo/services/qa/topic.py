"""Topic: a question as the composers see it, and helpers they share for listing facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from medinfo.domain.monograph import Faq, Monograph, SideEffect
from medinfo.knowledge.names import acid_twin
from medinfo.services.qa.intents import Reading
from medinfo.services.qa.phrasing import Draft, join_words, note_weak, quote
from medinfo.services.qa.vocabulary import Vocabulary, contains_phrase, load_vocabulary, term_key

MAX_LISTED = 10
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
# Frequency words, most specific first (a percentage above 10% is "very common").
_FREQUENCY_WORDS = (
    ("very common", 10.0),
    ("uncommon", 0.5),
    ("very rare", 0.005),
    ("rare", 0.05),
    ("common", 5.0),
)
_DISTINCTIVE = 5  # letters a word of an effect's term needs to name it on its own


@dataclass(frozen=True)
class Topic:
    """A question's reading, its words folded for comparison, and the answer vocabulary."""

    reading: Reading
    folded: str
    vocabulary: Vocabulary

    @classmethod
    def of(cls, reading: Reading) -> Topic:
        return cls(reading, term_key(reading.text), load_vocabulary())


Composer = Callable[[Monograph, Topic], Draft | None]


def own_names(monograph: Monograph) -> set[str]:
    """The folded generic and brand names of the drug the answer is about."""
    return {term_key(name) for name in names_of(monograph)}


def names_of(monograph: Monograph) -> list[str]:
    """The drug's generic and brand names, and the generic's acid or anion twin
    ("alendronic acid" for alendronate): every name a question may call it by."""
    twin = acid_twin(monograph.drug)
    return [monograph.drug, *monograph.brand_names, *([twin] if twin else [])]


def faqs_about(monograph: Monograph, *topics: str) -> list[Faq]:
    """The monograph's FAQ entries whose topic contains one of `topics`."""
    return [faq for faq in monograph.faq if any(t in faq.topic.lower() for t in topics)]


def quote_faq(draft: Draft, faqs: list[Faq]) -> None:
    """Quote the first FAQ answer, cited."""
    for faq in faqs[:1]:
        draft.say(f"One source answers this: {quote(faq.answer)}", faq)


def matching_effects(
    effects: list[SideEffect], terms: set[str] | frozenset[str]
) -> list[SideEffect]:
    """Side effects whose term is, or contains, one of `terms` (all folded)."""
    return [
        effect
        for effect in effects
        if any(
            term_key(effect.term) == t or contains_phrase(term_key(effect.term), t) for t in terms
        )
    ]


def _how_common(effect: SideEffect) -> float:
    """A sort key from an effect's stated frequency: a percentage, or a frequency word."""
    frequency = (effect.frequency or "").lower()
    number = _PERCENT.search(frequency)
    if number:
        return float(number.group(1))
    return next((rank for word, rank in _FREQUENCY_WORDS if word in frequency), 0.0)


def most_common_first(effects: list[SideEffect]) -> list[SideEffect]:
    """Effects with a higher stated frequency first, then those more sources state; the
    monograph's order otherwise (a label lists dozens, the list shows the first ten)."""
    return sorted(effects, key=lambda e: (-_how_common(e), -len(e.sources)))


def list_effects(draft: Draft, lead: str, effects: list[SideEffect]) -> None:
    """One sentence listing side effects (the most common first), and which of them only a
    weak source states."""
    shown = most_common_first(effects)[:MAX_LISTED]
    if shown:
        draft.say(f"{lead} {join_words([e.term for e in shown])}.", *shown)
        note_weak(draft, shown, [e.term for e in shown])


def _without_procedures(folded: str, procedures: frozenset[str]) -> str:
    """The folded question without the word naming what a procedure is on ("cataract
    surgery"): the asker is having the procedure, not the side effect."""
    words = folded.split()
    kept = [
        w for at, w in enumerate(words) if at + 1 >= len(words) or words[at + 1] not in procedures
    ]
    return " ".join(kept)


def named_effects(monograph: Monograph, topic: Topic, whole: bool = False) -> list[SideEffect]:
    """The drug's listed side effects a question names: by the term, by everyday words for it,
    or (unless `whole`) by a distinctive word of the term (five letters or more, not a
    generic word such as "disease" or "loss")."""
    vocabulary = topic.vocabulary
    folded = _without_procedures(topic.folded, vocabulary.procedure_words)
    words = set(folded.split())
    found = []
    for effect in monograph.side_effects:
        term = term_key(effect.term)
        everyday = (term, *vocabulary.symptoms.get(term, ()))
        distinctive = {w for w in term.split() if len(w) >= _DISTINCTIVE}
        distinctive -= vocabulary.condition_generic_words
        if whole:
            distinctive = set()
        if any(contains_phrase(folded, w) for w in everyday) or distinctive & words:
            found.append(effect)
    return found
