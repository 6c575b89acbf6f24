"""Evidence: the source sentence that best answers a question, quoted and cited with the answer."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Monograph
from medinfo.domain.source_kinds import Reliability
from medinfo.services.qa.intents import Reading
from medinfo.services.qa.passages import Passage, PassageSearch, content_words
from medinfo.services.qa.phrasing import Draft, source_titles
from medinfo.services.qa.vocabulary import load_vocabulary

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?](?=\S)[^.!?]*)*[.!?]?")
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_WINDOW = 240
_CANDIDATES = 5


@dataclass(frozen=True)
class Sentence:
    """A sentence of a stored passage, how well it fits the question, and where it comes from."""

    passage: Passage
    text: str
    asked: int
    score: float
    in_section: bool = False


def stem(word: str) -> str:
    """A crude stem, so "tapered" meets "taper" and "stops" meets "stop"."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The stems of the content words of `text`, without those in `ignore`."""
    return {stem(word) for word in content_words(text) if word not in ignore}


def _sentences(text: str) -> list[str]:
    """The sentences of a passage (a table row run together counts as one, clipped later)."""
    found = [" ".join(match.group().split()) for match in _SENTENCE.finditer(text)]
    return [sentence for sentence in found if len(sentence) > 20]


def _clip(sentence: str, words: set[str]) -> str:
    """A long sentence shortened to a window starting near its first asked word."""
    if len(sentence) <= _WINDOW:
        return sentence
    lowered = sentence.lower()
    positions = [match.start() for match in _WORD.finditer(lowered) if stem(match.group()) in words]
    start = max(0, min(positions, default=0) - 60)
    if start:
        start = sentence.find(" ", start) + 1
    end = start + _WINDOW
    if end < len(sentence):
        end = sentence.rfind(" ", start, end)
    lead = "… " if start else ""
    return lead + sentence[start:end].strip() + (" …" if end < len(sentence) else "")


def _reliability(monograph: Monograph) -> dict[str, int]:
    """Each source's trust level (1 user-generated .. 4 FDA label) by id."""
    levels = {level.label: int(level) for level in Reliability}
    return {ref.id: levels.get(ref.reliability, 1) for ref in monograph.sources}


def best_sentences(
    monograph: Monograph,
    reading: Reading,
    passages: PassageSearch,
    ignore: frozenset[str],
    required: tuple[str, ...] = (),
) -> list[Sentence]:
    """The drug's source sentences sharing the question's words, best first.

    A question word counts more the fewer candidate sentences hold it (so "withdrawal" weighs
    more than "day"); the intent's cue words, the intent's own section and a more reliable
    source add to the score. A sentence counts only when it shares at least one of the
    question's own content words; `required` phrases (a population's names) must appear.
    """
    asked = stems(reading.text, ignore)
    if not asked:
        return []
    topic = {stem(word) for word in reading.search_words} - asked
    query = " ".join([reading.text, *reading.search_words])
    trust = _reliability(monograph)
    candidates: list[tuple[Passage, str, set[str]]] = []
    for passage in passages.search(monograph.drug, query, limit=_CANDIDATES):
        for sentence in _sentences(passage.text):
            lowered = sentence.lower()
            if required and not any(phrase in lowered for phrase in required):
                continue
            candidates.append((passage, sentence, {stem(w) for w in _WORD.findall(lowered)}))
    held = Counter(word for *_rest, words in candidates for word in words & asked)
    total = len(candidates) + 1
    weight = {word: 1.0 + math.log(total / (count + 0.5)) for word, count in held.items()}
    found: list[Sentence] = []
    for passage, sentence, words in candidates:
        shared = asked & words
        in_section = bool(reading.sections) and passage.section in reading.sections
        if not shared and not in_section:
            continue
        score = (
            2 * sum(weight[word] for word in shared)
            + len(topic & words)
            + 2 * int(in_section)
            + 0.5 * (trust.get(passage.source, 1) - 1)
        )
        found.append(
            Sentence(passage, _clip(sentence, asked | topic), len(shared), score, in_section)
        )
    found.sort(key=lambda item: -item.score)
    return found


def needed_share(reading: Reading, ignore: frozenset[str]) -> int:
    """How many of the question's words a sentence must share to be quoted on its own."""
    return min(2, len(stems(reading.text, ignore)))


def add_evidence(draft: Draft, monograph: Monograph, sentence: Sentence, lead: str) -> None:
    """Quote `sentence` after `lead` ("{title} says:"), cited to its passage."""
    title = source_titles(monograph, [sentence.passage.source])
    draft.say(f"{lead.format(title=title)} \u201c{sentence.text}\u201d")
    span = sentence.passage
    draft.add(Citation(source=span.source, start=span.start, end=span.end, section=span.section))


def question_ignore(monograph: Monograph, names: set[str]) -> frozenset[str]:
    """Words of a question that never count as matching a source: the drug's own names."""
    words = set(names)
    for name in (monograph.drug, *monograph.brand_names):
        words.update(_WORD.findall(name.lower()))
    words.update(load_vocabulary().stopwords)
    return frozenset(words)
