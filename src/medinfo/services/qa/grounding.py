"""Grounding: whether an answer speaks to what the question asks, not only to its intent."""

from __future__ import annotations

import re

from medinfo.domain.monograph import Monograph
from medinfo.knowledge.groups import medicine_groups
from medinfo.services.qa.evidence import stem
from medinfo.services.qa.intents import Reading, load_intent_rules, normalise_words
from medinfo.services.qa.phrasing import Draft
from medinfo.services.qa.vocabulary import load_vocabulary

_WORD = re.compile(r"[a-z][a-z0-9]*")
_START = 4  # an asked word this long is said by an answer word it starts (first 5 letters)
_WEAK = 3.0  # an intent score below this comes from weak cues only ("safe to take ...")


def topic_words(reading: Reading, monograph: Monograph) -> set[str]:
    """The words of a question that say what it is about: not stopwords, words too general
    to show a match, who is asking or when (`context_words`), nor the drug's own names."""
    vocabulary = load_vocabulary()
    names = {
        word
        for name in (monograph.drug, *monograph.brand_names)
        for word in _WORD.findall(name.lower())
    }
    ignored = (
        vocabulary.stopwords | vocabulary.question_generic_words | vocabulary.context_words | names
    )
    return {w for w in _WORD.findall(reading.text) if len(w) > 2 and w not in ignored}


def _addressed(word: str, answer_words: set[str], answer_stems: set[str]) -> bool:
    if stem(word) in answer_stems:
        return True
    # "weak" is said by "weakness", "hallucinate" by "hallucinations"
    start = word[: _START + 1] if len(word) > _START else word
    return len(word) >= _START and any(w.startswith(start) for w in answer_words)


def _names_any(text: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {phrase} " in text for phrase in phrases)


def misses_detail(draft: Draft, reading: Reading) -> bool:
    """Whether the question asks about a detail (`asked_details`: an expiry date, a colour,
    gluten) that the answer never names: a storage answer does not say whether an expired
    capsule is still good, a dose table does not say what colour a tablet is."""
    asked = f" {normalise_words(reading.question)} "  # as typed: no typo read as a detail
    answer = f" {normalise_words(draft.text())} "
    return any(
        _names_any(asked, detail.asked) and not _names_any(answer, detail.answered)
        for detail in load_vocabulary().asked_details
        if not detail.intents or reading.intent in detail.intents
    )


def speaks_to(draft: Draft, reading: Reading, monograph: Monograph) -> bool:
    """Whether an answer speaks to what the question asks: it names the detail the question
    asks about (`misses_detail`), and an answer reached through weak cues only shares a word
    with what the question is about ("is it safe before a tattoo" is not answered by the list
    of serious effects), as must one the intent model read. Otherwise a question read through
    a strong cue, or whose words are all cue words ("why would my doctor give me it"),
    passes: its intent is what it asks."""
    if misses_detail(draft, reading):
        return False
    if reading.score >= _WEAK and not reading.learned:
        return True
    asked = topic_words(reading, monograph)
    if not asked - load_intent_rules().known_words:  # only cue words: the intent is the topic
        return True
    answer_words = set(_WORD.findall(draft.text().lower()))
    answer_stems = {stem(word) for word in answer_words}
    # another medicine named by a brand ("prozac") may be answered under its generic name; a
    # brand of the drug itself ("is Gablofen the pump version") is not answered by its name
    groups = medicine_groups()
    own = monograph.drug.lower()
    return any(
        _addressed(name, answer_words, answer_stems)
        for word in asked
        for name in {word, *(g for g in groups.generics_of(word) if g != own)}
    )
