"""Substances: the other thing an interaction question names when no vocabulary knows it."""

from __future__ import annotations

import re

from medinfo.domain.monograph import Monograph
from medinfo.services.qa.intents import Reading, normalise_words
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.phrasing import Draft
from medinfo.services.qa.topic import own_names
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key

# "with", "and", "plus" or "+" before the other thing, after optional small words.
_JOINED = re.compile(
    r"(?:\bwith|\band|\bplus|\+|&)\s+(?:(?:my|a|an|some|the|any|his|her|their|your)\s+)?"
    r"([a-z][a-z-]{3,})(?:\s+([a-z]+))?"
)
# "can i have my flu jab while on ...": the other thing before "(while) on" the drug
_TAKEN_ON = re.compile(
    r"\b(?:have|take|get|use|try)\s+(?:(?:my|a|an|some|the|any|his|her|their|your)\s+)?"
    r"([a-z][a-z-]{3,})(?:\s+([a-z]+))?\s+(?:(?:while|whilst|when)\s+(?:i am\s+|im\s+)?)?on\b"
)
_MIN_LETTERS = 4


def unnamed_substance(reading: Reading, monograph: Monograph) -> str | None:
    """The substance an interaction question joins to the drug with "and" or "with", or takes
    "(while) on" it, with a product word after it ("xarelto and turmeric supplements":
    "turmeric supplements"), when the question names no medicine the vocabulary knows; None
    when it names nothing of the kind or only a kind of medicine ("pain pills")."""
    vocabulary = load_vocabulary()
    names = {word for name in own_names(monograph) for word in name.split()}
    ignored = (
        vocabulary.stopwords
        | vocabulary.question_generic_words
        | vocabulary.context_words
        | vocabulary.not_a_substance
        | names
    )
    text = normalise_words(reading.question)
    if load_medicine_index().named_in(term_key(text), own_names(monograph)):
        return None  # a medicine the vocabulary knows: the interaction answer names it
    for match in [*_JOINED.finditer(text), *_TAKEN_ON.finditer(text)]:
        word, after = match.group(1), match.group(2)
        if word in ignored or len(word) < _MIN_LETTERS or term_key(word) in names:
            continue
        if after in vocabulary.class_words:  # "pain pills", "herbal stuff": a kind, not one
            continue
        product = after if after in vocabulary.product_words else None
        return f"{word} {product}" if product else word
    return None


def _names(reading: Reading) -> set[str]:
    """The folded phrases of every `phrase_synonyms` group the question uses, under which an
    answer may speak of the substance ("birth control": "contraceptive")."""
    text = f" {normalise_words(reading.question)} "
    found: set[str] = set()
    for group in load_vocabulary().phrase_synonyms:
        if any(f" {phrase} " in text for phrase in group):
            found.update(term_key(phrase) for phrase in group)
    return found


def unlisted_substance_note(draft: Draft, reading: Reading, monograph: Monograph) -> str | None:
    """What to say when an interaction question names a substance that neither the drug's
    listed interactions nor the answer speak of: the answer would list other medicines and
    leave the question open, so it is declined instead."""
    if any(" can interact with " in sentence for sentence in draft.sentences):
        return None
    substance = unnamed_substance(reading, monograph)
    if substance is None:
        return None
    names = {term_key(substance.split()[0]), *_names(reading)}
    listed = " ".join(term_key(item.agent) for item in monograph.interactions)
    said = term_key(draft.text())
    if any(contains_phrase(listed, n) or contains_phrase(said, n) for n in names):
        return None
    return (
        f"The sources do not list an interaction between {monograph.drug} and {substance}. "
        "That does not prove the combination is safe: ask a pharmacist before taking them "
        "together."
    )
