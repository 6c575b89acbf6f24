"""Intent detection: what a patient's question asks, read with knowledge/qa/intents.json."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from medinfo.domain.answers import Intent
from medinfo.domain.errors import InputError
from medinfo.knowledge import service_rules as rules
from medinfo.knowledge.loading import load
from medinfo.services.qa.intent_model import intent_model

_STRONG_CUE = 3.0
SETTLED = 4.0  # a cue score from which the intent model overrules the rules only when certain
CERTAIN = 0.95  # a guess this sure overrules settled cues, unless they score FIRM or more
FIRM = 12.0  # (both chosen on questions left out by writing round: 83.6% -> 85.0% of holdouts)
_FUZZY_MIN_WEIGHT = 2.0  # cue weight from which its words are typo-correction targets
_WORD = re.compile(r"\d+\.\d+[a-z]*|[a-z0-9]+(?:'[a-z]+)?|\$")  # "7.5mg" is one amount
_CLAUSE_END = re.compile(r"[,.;:?!]+")


class Concern(StrEnum):
    """Something the engine must notice whatever the question's topic."""

    EMERGENCY = "emergency"
    PRICE = "price"
    DRUG_TEST = "drug_test"
    DIAGNOSIS = "diagnosis"
    CHILD = "child"
    ANIMAL = "animal"
    JUDGEMENT = "judgement"
    COMPARISON = "comparison"
    LEGAL = "legal"


@dataclass(frozen=True)
class CueSet:
    """Weighted words, phrases and regular expressions that point to one reading."""

    cues: dict[str, float]
    patterns: tuple[tuple[re.Pattern[str], float], ...]

    def score(self, padded: str) -> float:
        """The summed weight of the cues found in `padded` (normalised text with spaces around)."""
        total = sum(weight for cue, weight in self.cues.items() if f" {cue} " in padded)
        return total + sum(weight for pattern, weight in self.patterns if pattern.search(padded))


@dataclass(frozen=True)
class IntentRule:
    """How one intent is recognised, and what its answer must look at."""

    intent: Intent
    priority: int
    cues: CueSet
    conflicts: tuple[str, ...]
    sections: tuple[str, ...]
    context: CueSet = CueSet({}, ())  # the asker's reason for taking it: counts when alone

    @property
    def search_words(self) -> tuple[str, ...]:
        """The words of the intent's strong cues, to widen a passage search."""
        strong = (cue for cue, weight in self.cues.cues.items() if weight >= _STRONG_CUE)
        return tuple(dict.fromkeys(word for cue in strong for word in cue.split()))


@dataclass(frozen=True)
class ConcernRule:
    concern: Concern
    threshold: float
    cues: CueSet


@dataclass(frozen=True)
class Fuzzy:
    """Typo tolerance: question words a few edits from a cue word are read as that word."""

    min_token_length: int
    long_token_length: int
    max_edits: int
    max_edits_long: int
    never_correct: frozenset[str]


@dataclass(frozen=True)
class IntentRules:
    """The loaded rules file."""

    replacements: Replacements
    fuzzy: Fuzzy
    intents: tuple[IntentRule, ...]
    concerns: tuple[ConcernRule, ...]
    vocabulary: tuple[str, ...]
    known_words: frozenset[str]
    final_clause_bonus: float = 0.0
    secondary_warnings: frozenset[Intent] = frozenset()
    context_yields_at: float = 2.0
    corrections: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def rule(self, intent: Intent) -> IntentRule | None:
        """The rule of one intent, if the file defines it."""
        return next((rule for rule in self.intents if rule.intent is intent), None)


@dataclass(frozen=True)
class Reading:
    """What a question asks: its intent, how sure the rules are, and the concerns it raises."""

    question: str
    text: str
    intent: Intent
    score: float
    concerns: frozenset[Concern]
    sections: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    search_words: tuple[str, ...] = ()
    also: tuple[Intent, ...] = ()
    learned: bool = False  # the intent model's reading, not the cues': to be grounded

    def has(self, concern: Concern) -> bool:
        return concern in self.concerns

    def mentions(self, phrase: str) -> bool:
        """Whether the normalised question contains `phrase` as whole words."""
        return f" {phrase} " in f" {self.text} "


def _lower_words(text: str) -> list[str]:
    cleaned = text.lower().replace("’", "'").replace("‘", "'")
    return _WORD.findall(cleaned)


@dataclass(frozen=True)
class Replacements:
    """Slang and shorthand rewritten in one pass; the longest match wins."""

    pattern: re.Pattern[str] | None
    table: dict[str, str]

    def apply(self, text: str) -> str:
        if self.pattern is not None:
            text = self.pattern.sub(lambda match: self.table[match.group(1)], text)
        return text.replace("'", "")


def _compile_replacements(raw: dict[str, str]) -> Replacements:
    table = {src.lower(): dst for src, dst in raw.items()}
    if not table:
        return Replacements(None, {})
    ordered = sorted(table, key=lambda src: -len(src))
    alternatives = "|".join(re.escape(src) for src in ordered)
    return Replacements(re.compile(rf"(?<![\w'$])({alternatives})(?![\w'])"), table)


def _compiled(patterns: dict[str, float]) -> tuple[tuple[re.Pattern[str], float], ...]:
    return tuple((re.compile(p), w) for p, w in patterns.items())


def _compile_cues(rule: rules.IntentRule | rules.ConcernRule, normalise: Any) -> CueSet:
    return CueSet({normalise(c): w for c, w in rule.cues.items()}, _compiled(rule.patterns))


def _concern(name: str, index: int) -> Concern:
    try:
        return Concern(name)
    except ValueError:
        raise InputError(
            f"knowledge/{rules.IntentRules.FILE}: concerns.{index}.concern: unknown {name!r}"
        ) from None


def intent_rules_from(raw: rules.IntentRules) -> IntentRules:
    """The compiled rules of a validated rules file."""
    replacements = _compile_replacements(raw.replacements)

    def normalise(text: str) -> str:
        return replacements.apply(" ".join(_lower_words(text)))

    intents = [
        IntentRule(
            intent=entry.intent,
            priority=entry.priority,
            cues=_compile_cues(entry, normalise),
            conflicts=entry.conflicts,
            sections=entry.sections,
            context=CueSet({}, _compiled(entry.context_patterns)),
        )
        for entry in raw.intents
    ]
    concerns = [
        ConcernRule(
            _concern(entry.concern, index), entry.threshold, _compile_cues(entry, normalise)
        )
        for index, entry in enumerate(raw.concerns)
    ]
    cue_sets = [rule.cues for rule in intents] + [rule.cues for rule in concerns]
    known = {word for cues in cue_sets for cue in cues.cues for word in cue.split()}
    # A typo is read only as a word of a cue that counts on its own: "jelly" is not "belly".
    vocabulary = sorted(
        {
            word
            for cues in cue_sets
            for cue, weight in cues.cues.items()
            if weight >= _FUZZY_MIN_WEIGHT
            for word in cue.split()
        }
    )
    fuzzy = Fuzzy(
        min_token_length=raw.fuzzy.min_token_length,
        long_token_length=raw.fuzzy.long_token_length,
        max_edits=raw.fuzzy.max_edits,
        max_edits_long=raw.fuzzy.max_edits_long,
        never_correct=frozenset(raw.fuzzy.never_correct) | _common_words(),
    )
    return IntentRules(
        replacements,
        fuzzy,
        tuple(intents),
        tuple(concerns),
        tuple(vocabulary),
        frozenset(known),
        raw.final_clause_bonus,
        frozenset(raw.secondary_warnings),
        context_yields_at=raw.context_yields_at,
    )


def _common_words() -> frozenset[str]:
    """Everyday English words: kept as typed, never read as another word or a drug name."""
    return frozenset(load(rules.CommonWords).words)


@cache
def load_intent_rules() -> IntentRules:
    """The rules of knowledge/qa/intents.json, compiled once."""
    return intent_rules_from(load(rules.IntentRules))


def _correct(token: str, rules: IntentRules) -> str:
    """The cue word a mistyped token stands for, or the token itself."""
    fuzzy = rules.fuzzy
    if len(token) < fuzzy.min_token_length or token in rules.known_words or not token.isalpha():
        return token
    cached = rules.corrections.get(token)
    if cached is not None:
        return cached
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    long = len(token) >= fuzzy.long_token_length
    edits = fuzzy.max_edits_long if long else fuzzy.max_edits
    close = process.extract(token, rules.vocabulary, scorer=OSA.distance, score_cutoff=edits)
    # An ordinary word ("tight", "fever") is read only as an inflection of itself ("wants" as
    # "want"); a drug name only as another spelling of the same drug.
    if token in fuzzy.never_correct:
        close = [match for match in close if _inflects(token, str(match[0]))]
    close = [match for match in close if _same_drug(token, str(match[0]))]
    # Among equally close words, prefer the one typed with the same first letter, then the
    # one sharing most letters in order ("efects" is "effects", not "defects").
    ranked = sorted(
        close,
        key=lambda match: (match[1], match[0][0] != token[0], -fuzz.ratio(token, match[0])),
    )
    corrected = str(ranked[0][0]) if ranked else token
    rules.corrections[token] = corrected
    return corrected


_ENDINGS = ("s", "es")


def _inflects(token: str, word: str) -> bool:
    """Whether two words differ only by a plural or third-person ending ("stops", "stop");
    never by tense ("diagnosed me" is not "diagnose me")."""
    short, long = sorted((token, word), key=len)
    return long.startswith(short) and long[len(short) :] in _ENDINGS


def _same_drug(token: str, word: str) -> bool:
    """False when the token names a drug (exactly or as a known misspelling) that the word does
    not: "prednisolone" is not "prednisone"."""
    from medinfo.services.catalog import load_catalog

    catalog = load_catalog()
    named = catalog.resolve(token, fuzzy=False)
    return named is None or named == catalog.resolve(word, fuzzy=False)


def normalise_words(text: str, rules: IntentRules | None = None) -> str:
    """Lower-cased words with slang and shorthand replaced, without typo correction."""
    rules = rules or load_intent_rules()
    return rules.replacements.apply(" ".join(_lower_words(text)))


def _is_name(token: str, names: frozenset[str], rules: IntentRules) -> bool:
    """Whether a token is (a misspelling of) one of the subject drug's names."""
    if token in names:
        return True
    if len(token) < rules.fuzzy.min_token_length or not names:
        return False
    from rapidfuzz.distance import OSA

    long = len(token) >= rules.fuzzy.long_token_length
    edits = rules.fuzzy.max_edits_long if long else rules.fuzzy.max_edits
    return any(OSA.distance(token, name, score_cutoff=edits) <= edits for name in names)


def normalise_question(
    question: str, rules: IntentRules | None = None, drug_names: Iterable[str] = ()
) -> str:
    """Lower-cased words with slang replaced and typos corrected towards the cue vocabulary.

    Words naming the subject drug (`drug_names`, typos included) are dropped, so that a
    drug that is also an interaction cue does not turn every question into one.
    """
    rules = rules or load_intent_rules()
    names = frozenset(word for name in drug_names for word in _lower_words(name) if len(word) > 3)
    replaced = normalise_words(question, rules)
    return " ".join(
        _correct(token, rules) for token in replaced.split() if not _is_name(token, names, rules)
    )


def clauses(question: str) -> list[str]:
    """The clauses of a question (split at punctuation), those of two words or more."""
    return [c for c in _CLAUSE_END.split(question) if len(c.split()) >= 2]


def _final_clause(question: str) -> str | None:
    """The last clause of a question written in several, where people put what they ask."""
    found = clauses(question)
    return found[-1] if len(found) >= 2 else None


def _scores(
    question: str, rules: IntentRules, drug_names: Iterable[str]
) -> tuple[str, list[tuple[float, IntentRule]]]:
    """The normalised question and each scoring intent's weight (final clause bonus included)."""
    names = tuple(drug_names)
    text = normalise_question(question, rules, names)
    scores = [rule.cues.score(f" {text} ") for rule in rules.intents]
    last = _final_clause(question) if rules.final_clause_bonus else None
    if last is not None:
        tail = f" {normalise_question(last, rules, names)} "
        for index, rule in enumerate(rules.intents):
            if scores[index] > 0 and rule.cues.score(tail) > 0:
                scores[index] += rules.final_clause_bonus
    scores = _with_context(f" {text} ", scores, rules)
    scored = [(score, rule) for score, rule in zip(scores, rules.intents, strict=True) if score > 0]
    scored.sort(key=lambda item: (item[0], item[1].priority), reverse=True)
    return text, scored


def _with_context(padded: str, scores: list[float], rules: IntentRules) -> list[float]:
    """The scores with each intent's context patterns added unless another intent is cued
    (at `context_yields_at` or more) above the intent's own cues: "can i take it for my back"
    asks a use, "32 weeks pregnant, can i take it for my back" asks about pregnancy, the back
    being only why the asker takes it."""
    added = list(scores)
    for index, rule in enumerate(rules.intents):
        context = rule.context.score(padded)
        other = max((s for at, s in enumerate(scores) if at != index), default=0.0)
        if context and (other < rules.context_yields_at or other <= scores[index]):
            added[index] += context
    return added


def overrules(cue_score: float, confidence: float) -> bool:
    """Whether a confident guess of the model overrules cues of this score."""
    return cue_score < SETTLED or (confidence >= CERTAIN and cue_score < FIRM)


def _with_guess(
    text: str, scores: list[tuple[float, IntentRule]], rules: IntentRules
) -> list[tuple[float, IntentRule]]:
    """The scored intents, led by the model's guess when it is confident of another one
    (none at all when it is confident the question asks nothing medinfo answers)."""
    model = intent_model()
    guess = model.guess(text)
    if guess.confidence < model.threshold or (scores and scores[0][1].intent is guess.intent):
        return scores
    if scores and (
        not overrules(scores[0][0], guess.confidence) or scores[0][1].intent.value not in model.bias
    ):
        return scores  # several strong cues agree, or an intent the model never learnt
    if guess.intent is Intent.OTHER:
        return []
    chosen = rules.rule(guess.intent)
    if chosen is None:
        return scores
    rest = [item for item in scores if item[1] is not chosen]
    return [(max(_STRONG_CUE, scores[0][0] if scores else 0.0), chosen), *rest]


def read_question(
    question: str,
    rules: IntentRules | None = None,
    drug_names: Iterable[str] = (),
    learned: bool = True,
) -> Reading:
    """The intent and concerns of a question; OTHER when no intent cue is present.

    `drug_names` are the names of the drug the question is about, when already known.
    When several intents match, the highest score wins and `priority` breaks ties; the
    others that carry a safety warning and a strong cue are kept in `also`. With `learned`,
    the intent model (services/qa/intent_model.py) overrules the cues when it is confident
    of another intent: it was fitted on questions by many writers, the cues on fewer.
    """
    rules = rules or load_intent_rules()
    text, scores = _scores(question, rules, drug_names)
    padded = f" {text} "
    concerns = frozenset(
        rule.concern for rule in rules.concerns if rule.cues.score(padded) >= rule.threshold
    )
    ruled = scores[0][1] if scores else None
    if learned:
        scores = _with_guess(text, scores, rules)
    if not scores:
        return Reading(question, text, Intent.OTHER, 0.0, concerns)
    (top, best), others = scores[0], scores[1:]
    also = tuple(
        rule.intent
        for score, rule in others
        if rule.intent in rules.secondary_warnings and score >= _STRONG_CUE
    )
    return Reading(
        question,
        text,
        best.intent,
        top,
        concerns,
        best.sections,
        best.conflicts,
        best.search_words,
        also,
        learned=best is not ruled,
    )
