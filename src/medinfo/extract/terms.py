"""Term vocabularies: preferred terms and synonyms (knowledge/vocab/), matched in text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import TERM_LISTS, ConditionNames
from medinfo.knowledge.vocabularies import Term as KnowledgeTerm

AGENTS = "interaction_agents"  # read from the medicine groups' `agent` keys
CLASSES = "drug_class_names"  # read from the medicine groups' `class_term` keys
CONDITIONS = "conditions"

Default = str | bool


@dataclass(frozen=True)
class Term:
    """A preferred term, the words that mean it, and its reviewable defaults."""

    term: str
    synonyms: tuple[str, ...] = ()
    defaults: dict[str, Default] = field(default_factory=dict)


@dataclass(frozen=True)
class TermMatch:
    """A vocabulary term found at text[start:end]."""

    term: Term
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.term.term


def normalise(text: str) -> str:
    """Lower case, hyphens and runs of white space folded to one space."""
    return re.sub(r"[\s\-]+", " ", text.lower()).strip()


def _number_variants(surface: str) -> set[str]:
    """The surface with its last word in singular and plural form."""
    head, _, last = surface.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {last}
    if last.endswith("ies") and len(last) > 4:
        forms.add(last[:-3] + "y")
    elif last.endswith(("ches", "shes", "xes", "sses")):
        forms.add(last[:-2])
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        forms.add(last[:-1])
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("ch", "sh", "x", "ss")):
        forms.add(last + "es")
    elif not last.endswith("s") and last[-1:].isalpha():
        forms.add(last + "s")
    return {prefix + form for form in forms}


# British and American spellings of medical words, each way: a term written one way in the
# vocabulary matches the other ("hyperkalemia" and "hyperkalaemia", "oedema" and "edema").
_SPELLINGS = (
    (re.compile(r"(?<![ae])(?<=[a-z])emia\b"), "aemia"),
    (re.compile(r"(?<=[a-z])aemia\b"), "emia"),
    (re.compile(r"\bhem(?=[aeo])"), "haem"),
    (re.compile(r"\bhaem(?=[aeo])"), "hem"),
    (re.compile(r"\bedema"), "oedema"),
    (re.compile(r"\boedema"), "edema"),
    (re.compile(r"\besophag"), "oesophag"),
    (re.compile(r"\boesophag"), "esophag"),
    (re.compile(r"\bestrogen"), "oestrogen"),
    (re.compile(r"\boestrogen"), "estrogen"),
    (re.compile(r"\bfet(?=al\b|us\b)"), "foet"),
    (re.compile(r"\bfoet(?=al\b|us\b)"), "fet"),
    (re.compile(r"pedia"), "paedia"),
    (re.compile(r"paedia"), "pedia"),
    (re.compile(r"\b(tum|behavi|col|flav|od)or(?=s?\b)"), r"\1our"),
    (re.compile(r"\b(tum|behavi|col|flav|od)our(?=s?\b)"), r"\1or"),
    (re.compile(r"(?<=[a-z]{3})iz(?=e\b|es\b|ed\b|ing\b|ation\b)"), "is"),
    (re.compile(r"(?<=[a-z]{3})is(?=e\b|es\b|ed\b|ing\b|ation\b)"), "iz"),
)


def _spelling_variants(surface: str) -> set[str]:
    """The surface and its spellings on the other side of the Atlantic (_SPELLINGS)."""
    variants = {surface}
    for pattern, replacement in _SPELLINGS:
        variants |= {pattern.sub(replacement, variant) for variant in variants}
    return variants


_END = ""
_SEPARATOR = r"[\s\-]+"


def _trie_pattern(surfaces: Iterable[str]) -> str:
    """One regular expression matching any of the surfaces, longest first.

    The alternatives are factored into a character trie (a space matches any run of
    white space or hyphens): one pass over the text instead of one try per term at
    every position, with the same matches as a longest-first alternation.
    """
    root: dict[str, Any] = {}
    for surface in surfaces:
        node = root
        for char in surface:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(root)


def _render(node: dict[str, Any]) -> str:
    branches = [
        (_SEPARATOR if char == " " else re.escape(char)) + _render(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


# the first word of a term coordinated before another ("liver or kidney disease"), the same
# modifier repeated before both allowed ("severe liver or severe kidney problems")
_COORDINATED_BEFORE = re.compile(
    r"(?:\b(?P<modifier>\w+)\s+)?(?P<word>\w+)\s*(?:,|\bor\b|\band\b|/)\s*(?:(?P<again>\w+)\s+)?$"
)


class Vocabulary:
    """Case-insensitive, whole-word, longest-first matcher over one vocabulary."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self.terms = terms
        self._by_surface: dict[str, Term] = {}
        for term in terms:
            for surface in (term.term, *term.synonyms):
                for spelling in _spelling_variants(normalise(surface)):
                    for variant in _number_variants(spelling):
                        self._by_surface.setdefault(variant, term)
        for term in terms:  # a preferred term always wins over another term's variant
            self._by_surface[normalise(term.term)] = term
        body = _trie_pattern(self._by_surface)
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def lookup(self, text: str) -> Term | None:
        """The term a whole phrase means, or None."""
        return self._by_surface.get(normalise(text))

    def find(self, text: str) -> list[TermMatch]:
        """Every term in text, longest match first, with coordinations expanded.

        "liver or kidney disease" yields both liver disease and kidney disease when both
        are terms of this vocabulary.
        """
        matches = [
            TermMatch(self._by_surface[normalise(m.group())], m.start(), m.end())
            for m in self._pattern.finditer(text)
        ]
        matches.extend(self._coordinated(text, matches))
        return sorted(matches, key=lambda match: match.start)

    def _coordinated(self, text: str, matches: list[TermMatch]) -> list[TermMatch]:
        extra: list[TermMatch] = []
        for match in matches:
            words = normalise(text[match.start : match.end]).split(" ")
            if len(words) < 2:
                continue
            before = _COORDINATED_BEFORE.search(text[: match.start])
            if before and before["again"] in (None, before["modifier"]):
                term = self.lookup(" ".join([before["word"], *words[1:]]))
                if term and term != match.term:
                    extra.append(TermMatch(term, before.start("word"), match.end))
            after = re.match(r"\s*(?:,|\bor\b|\band\b|/)\s*(\w+)\b", text[match.end :])
            if after:
                term = self.lookup(" ".join([*words[:-1], after.group(1)]))
                if term and term != match.term:
                    extra.append(TermMatch(term, match.start, match.end + after.end()))
        return extra


@cache
def vocabulary(name: str) -> Vocabulary:
    """The vocabulary knowledge/vocab/<name>.json, loaded and validated once; the conditions
    vocabulary reads the generated condition names after the curated terms."""
    if name == AGENTS:
        entries: Sequence[KnowledgeTerm] = medicine_groups().agent_terms()
    elif name == CLASSES:
        entries = medicine_groups().class_terms()
    elif name in TERM_LISTS:
        entries = load(TERM_LISTS[name]).terms
        if name == CONDITIONS:
            entries = (*entries, *load(ConditionNames).terms)
    else:
        raise InputError(f"vocab/{name}.json: unknown vocabulary")
    return term_vocabulary(name, entries)


def term_vocabulary(name: str, entries: Sequence[KnowledgeTerm]) -> Vocabulary:
    """A vocabulary of knowledge-file terms, each in lower case with its synonyms and defaults."""
    terms = [
        Term(entry.term.strip().lower(), entry.synonyms, entry.defaults()) for entry in entries
    ]
    return Vocabulary(name, terms)


def vocabulary_names() -> list[str]:
    """The names of every vocabulary this module knows how to load."""
    return sorted([*TERM_LISTS, AGENTS, CLASSES])
