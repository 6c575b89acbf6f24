"""Term vocabularies: preferred terms and synonyms from vocab/*.json, matched in text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from medinfo.domain.errors import InputError

Default = str | bool

# Keys each vocabulary file may give a term besides "term" and "synonyms".
_EXTRA_KEYS: dict[str, frozenset[str]] = {
    "side_effects": frozenset({"serious"}),
    "conditions": frozenset({"symptom"}),
    "precautions": frozenset({"advice"}),
    "interaction_agents": frozenset({"agent_type", "severity"}),
    "forms": frozenset(),
    "drug_class_names": frozenset(),
    "mechanism_terms": frozenset(),
}
_ALLOWED_VALUES: dict[str, frozenset[Default]] = {
    "serious": frozenset({True, False}),
    "symptom": frozenset({True, False}),
    "advice": frozenset({"use_with_caution", "tell_doctor", "dose_adjustment", "avoid"}),
    "agent_type": frozenset({"drug", "class", "substance"}),
    "severity": frozenset({"major", "moderate", "minor"}),
}


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


class Vocabulary:
    """Case-insensitive, whole-word, longest-first matcher over one vocabulary."""

    def __init__(self, name: str, terms: list[Term]) -> None:
        self.name = name
        self.terms = terms
        self._by_surface: dict[str, Term] = {}
        for term in terms:
            for surface in (term.term, *term.synonyms):
                for variant in _number_variants(normalise(surface)):
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
            before = re.search(r"(\w+)\s*(?:,|\bor\b|\band\b|/)\s*$", text[: match.start])
            if before:
                term = self.lookup(" ".join([before.group(1), *words[1:]]))
                if term and term != match.term:
                    extra.append(TermMatch(term, before.start(1), match.end))
            after = re.match(r"\s*(?:,|\bor\b|\band\b|/)\s*(\w+)\b", text[match.end :])
            if after:
                term = self.lookup(" ".join([*words[:-1], after.group(1)]))
                if term and term != match.term:
                    extra.append(TermMatch(term, match.start, match.end + after.end()))
        return extra


def _parse_term(name: str, index: int, raw: object) -> Term:
    where = f"vocab/{name}.json: terms[{index}]"
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object")
    unknown = set(raw) - {"term", "synonyms"} - _EXTRA_KEYS[name]
    if unknown:
        raise InputError(f"{where}: unknown keys {sorted(unknown)}")
    term, synonyms = raw.get("term"), raw.get("synonyms", [])
    if not isinstance(term, str) or not term.strip():
        raise InputError(f"{where}: 'term' must be a non-empty string")
    if not isinstance(synonyms, list) or not all(isinstance(s, str) and s for s in synonyms):
        raise InputError(f"{where}: 'synonyms' must be a list of strings")
    defaults: dict[str, Default] = {}
    for key in _EXTRA_KEYS[name] & set(raw):
        if raw[key] not in _ALLOWED_VALUES[key]:
            raise InputError(f"{where}: {key}={raw[key]!r} is not allowed")
        defaults[key] = raw[key]
    return Term(term.strip().lower(), tuple(synonyms), defaults)


def parse_vocabulary(name: str, raw: object) -> Vocabulary:
    """A Vocabulary from the JSON of vocab/<name>.json; InputError names the bad entry."""
    if name not in _EXTRA_KEYS:
        raise InputError(f"vocab/{name}.json: unknown vocabulary")
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise InputError(f"vocab/{name}.json: expected an object with a 'terms' list")
    unknown = set(raw) - {"_comment", "terms"}
    if unknown:
        raise InputError(f"vocab/{name}.json: unknown keys {sorted(unknown)}")
    terms = [_parse_term(name, i, entry) for i, entry in enumerate(raw["terms"])]
    seen: set[str] = set()
    for term in terms:
        if term.term in seen:
            raise InputError(f"vocab/{name}.json: term {term.term!r} is listed twice")
        seen.add(term.term)
    return Vocabulary(name, terms)


@cache
def vocabulary(name: str) -> Vocabulary:
    """The packaged vocabulary vocab/<name>.json, loaded and validated once."""
    path = resources.files("medinfo.extract").joinpath(f"vocab/{name}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"vocab/{name}.json: {error}") from error
    return parse_vocabulary(name, raw)


def vocabulary_names() -> list[str]:
    """The names of every vocabulary this module knows how to load."""
    return sorted(_EXTRA_KEYS)
