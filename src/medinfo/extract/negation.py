"""Negation: which terms a sentence states as absent ("does not cause drowsiness").

Rules are data (knowledge/extract/negation.json) applied with medspacy's ConText. A sentence
with no
negation cue skips the NLP pipeline entirely, so most sentences cost one regex search.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from medinfo.knowledge.extract_rules import NegationRules
from medinfo.knowledge.loading import load


@dataclass(frozen=True)
class NegationRule:
    """A cue phrase and the direction of the scope it negates."""

    literal: str
    direction: str


@cache
def negation_rules() -> list[NegationRule]:
    """The negation rules of knowledge/extract/negation.json (literals in lower case)."""
    return [
        NegationRule(rule.literal.lower(), rule.direction) for rule in load(NegationRules).rules
    ]


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Any negation cue, as whole words where it begins or ends with a word character.

    The cues are factored into one character trie per kind of edge (a few alternatives
    tried at each position instead of one per cue): the same sentences match as with a
    plain alternation of the cues, several times faster on long statements."""
    cues = [r.literal for r in negation_rules() if r.direction != "TERMINATE"]
    edges: dict[tuple[bool, bool], list[str]] = {}
    for cue in cues:
        edges.setdefault((cue[:1].isalnum(), cue[-1:].isalnum()), []).append(cue)
    body = "|".join(
        (r"(?<!\w)" if before else "") + _trie(group) + (r"(?!\w)" if after else "")
        for (before, after), group in sorted(edges.items())
    )
    return re.compile(body, re.IGNORECASE)


def _trie(literals: list[str]) -> str:
    """One pattern matching exactly the given literals (a character trie)."""
    root: dict[str, Any] = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _pipeline() -> Any:
    """A medspacy pipeline with only a rule sentencizer and ConText on our rules."""
    with warnings.catch_warnings():  # spaCy's CLI imports warn about click deprecations
        warnings.simplefilter("ignore", DeprecationWarning)
        import medspacy
        from medspacy.context import ConTextRule

        nlp = medspacy.load(medspacy_enable=["medspacy_context"], load_rules=False)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    context = nlp.get_pipe("medspacy_context")
    context.add(
        [
            ConTextRule(rule.literal, "NEGATED_EXISTENCE", direction=rule.direction)
            for rule in negation_rules()
        ]
    )
    return nlp


def load_negation_pipeline() -> None:
    """Load the medspacy pipeline now (it is otherwise loaded on the first negation cue)."""
    _pipeline()


@lru_cache(maxsize=8192)
def has_negation_cue(sentence: str) -> bool:
    """Whether the sentence holds any negation cue at all (the fast path)."""
    return _cue_pattern().search(sentence) is not None


def negated_spans(sentence: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) span of the sentence, whether the sentence negates it."""
    if not spans or not has_negation_cue(sentence):
        return [False] * len(spans)
    nlp = _pipeline()
    doc = nlp.make_doc(sentence)
    entities: list[Any] = []
    kept: list[int] = []
    for index, (start, end) in sorted(enumerate(spans), key=lambda item: item[1]):
        span = doc.char_span(start, end, label="TERM", alignment_mode="expand")
        if span is not None and all(span.start >= e.end or span.end <= e.start for e in entities):
            entities.append(span)
            kept.append(index)
    doc.ents = entities
    with warnings.catch_warnings():  # ConText's token-pattern matcher is empty by design
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        for _, component in nlp.pipeline:
            doc = component(doc)
    result = [False] * len(spans)
    order = sorted(kept, key=lambda index: spans[index][0])
    for index, entity in zip(order, doc.ents, strict=True):
        result[index] = bool(entity._.is_negated)
    return result
