"""MedDRA-style term vocabulary and its compiled matcher (a token trie, longest match first)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import MeddraCurated, MeddraTerms

_TOKEN = re.compile(r"[A-Za-z0-9]+")
# Between two tokens of one term only spaces, hyphens and apostrophes may stand.
_JOINER = re.compile(r"[ \-'\u2019\u2010\u2011\u2013]{1,3}")
# Where two words run together: after three lower-case letters, before a capital ('arrestNervous').
_RUN_TOGETHER = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")
_SPELLING = {
    "tumour": "tumor",
    "tumours": "tumor",
    "behaviour": "behavior",
    "colour": "color",
    "discolouration": "discoloration",
    "discoloured": "discolored",
}
_KEEP_S = ("ss", "us", "is", "as", "ys")
_END = ""  # trie key that marks a complete term (no token is empty)


@dataclass(frozen=True)
class Term:
    """A preferred term, its code and the words labels use for it."""

    pt: str
    code: int | None = None
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()  # matched case-sensitively, as written


@dataclass(frozen=True)
class TermMatch:
    """A vocabulary hit in a text: span, matched text and preferred term (None if blocked)."""

    start: int
    end: int
    text: str
    term: Term | None


@dataclass
class Vocabulary:
    """Terms, blocked phrases (headings that name no reaction) and analyte abbreviations."""

    terms: list[Term] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    analytes: dict[str, list[str]] = field(default_factory=dict)

    def extend(self, other: Vocabulary) -> Vocabulary:
        """A new vocabulary holding both; terms with the same preferred term are merged.

        A phrase both name keeps this vocabulary's preferred term: the other's synonym is
        dropped, whichever term it was listed under."""
        named = {phrase_key(p) for term in self.terms for p in (term.pt, *term.synonyms)}
        kept = [
            Term(
                t.pt,
                t.code,
                tuple(s for s in t.synonyms if phrase_key(s) not in named),
                t.abbreviations,
            )
            for t in other.terms
        ]
        merged: dict[str, Term] = {}
        for term in [*self.terms, *kept]:
            key = term.pt.lower()
            old = merged.get(key)
            if old is None:
                merged[key] = term
                continue
            merged[key] = Term(
                old.pt,
                old.code or term.code,
                tuple(dict.fromkeys(old.synonyms + term.synonyms)),
                tuple(dict.fromkeys(old.abbreviations + term.abbreviations)),
            )
        analytes = {**self.analytes, **other.analytes}
        return Vocabulary(list(merged.values()), [*self.blocked, *other.blocked], analytes)


@lru_cache(maxsize=65536)
def normalise_token(token: str) -> str:
    """Lower-case, American spelling and singular form of one word."""
    word = token.lower()
    word = _SPELLING.get(word, word)
    if len(word) >= 6 and not word.startswith(("ae", "oe")):
        word = word.replace("ae", "e").replace("oe", "e")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("sses"):
        return word[:-2]
    if len(word) > 5 and word.endswith("ias"):  # 'arrhythmias', 'cytopenias'
        return word[:-1]
    if len(word) > 5 and word.endswith("shes"):  # 'rashes', 'flushes'
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The normalised token sequence of a phrase."""
    return tuple(normalise_token(token) for token in _TOKEN.findall(phrase))


def _pieces(start: int, word: str) -> Iterator[tuple[int, int, str]]:
    """A word's pieces where a stripped table or list ran two words together ('cardiac
    arrestNervous system', 'decreasedSOC'): a lower-case run followed by a capital."""
    if word.islower() or word.isupper():
        yield start, start + len(word), word
        return
    offset = 0
    for seam in _RUN_TOGETHER.finditer(word):
        yield start + offset, start + seam.start(), word[offset : seam.start()]
        offset = seam.start()
    yield start + offset, start + len(word), word[offset:]


def text_tokens(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, word, joined to the previous word) for each word of a text; words run
    together are read apart and not joined."""
    previous_end = -1
    for match in _TOKEN.finditer(text):
        gap = text[previous_end : match.start()] if previous_end >= 0 else ""
        joined = previous_end >= 0 and _JOINER.fullmatch(gap) is not None
        for start, end, word in _pieces(match.start(), match.group(0)):
            yield start, end, word, joined
            joined = False
        previous_end = match.end()


@lru_cache(maxsize=8)
def token_list(text: str) -> tuple[list[tuple[int, int, str, bool]], list[str]]:
    """The tokens of a text and their normalised words (a text is read by several passes)."""
    tokens = list(text_tokens(text))
    return tokens, [normalise_token(token[2]) for token in tokens]


class TermMatcher:
    """Finds vocabulary terms in text: case-insensitive, whole words, longest match first."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._trie: dict[str, object] = {}
        self._abbreviations: dict[str, Term] = {}
        self.size = 0
        # The normalised words of the preferred terms, and their last words (for open_terms).
        self.term_words = frozenset(w for t in vocabulary.terms for w in phrase_key(t.pt))
        keys = [phrase_key(term.pt) for term in vocabulary.terms]
        self.term_heads = frozenset(key[-1] for key in keys if key)
        # Terms by their words in any order and by their words run together ('encephalitis
        # enteroviral' for 'enteroviral encephalitis', 'post procedural' for 'postprocedural').
        self._reordered: dict[tuple[str, ...], Term] = {}
        self._compounds: dict[str, Term] = {}
        for phrase in vocabulary.blocked:
            self._add(phrase_key(phrase), None)
        for term in vocabulary.terms:
            for phrase in _variants(term, vocabulary.analytes):
                self._add(phrase_key(phrase), term)
            for abbreviation in term.abbreviations:
                self._abbreviations.setdefault(abbreviation, term)
            for phrase in (term.pt, *term.synonyms):
                key = phrase_key(phrase)
                if len(key) > 1:
                    self._reordered.setdefault(tuple(sorted(key)), term)
                    self._compounds.setdefault("".join(key), term)

    def _add(self, key: tuple[str, ...], term: Term | None) -> None:
        if not key:
            return
        node = self._trie
        for token in key:
            node = node.setdefault(token, {})  # type: ignore[assignment]
        if _END not in node:
            node[_END] = term
            self.size += 1

    def term_of(self, key: tuple[str, ...]) -> Term | None:
        """The term a normalised phrase names exactly (None: none, or a blocked phrase)."""
        node = self._trie
        for token in key:
            child = node.get(token)
            if not isinstance(child, dict):
                return None
            node = child
        term = node.get(_END)
        return term if isinstance(term, Term) else None

    def term_in_other_order(self, key: tuple[str, ...]) -> Term | None:
        """The term whose words are the phrase's in another order or run together."""
        if len(key) < 2:
            return self._compounds.get("".join(key))
        return self._reordered.get(tuple(sorted(key))) or self._compounds.get("".join(key))

    def find(self, text: str) -> list[TermMatch]:
        """Every longest, non-overlapping term occurrence, in text order."""
        tokens, words = token_list(text)
        found: list[TermMatch] = []
        index = 0
        while index < len(tokens):
            hit = self._longest(tokens, words, index)
            if hit is None:
                index += 1
                continue
            last, term = hit
            start, end = tokens[index][0], tokens[last][1]
            found.append(TermMatch(start, end, text[start:end], term))
            index = last + 1
        return found

    def _longest(
        self, tokens: list[tuple[int, int, str, bool]], words: list[str], index: int
    ) -> tuple[int, Term | None] | None:
        best: tuple[int, Term | None] | None = None
        node = self._trie
        position = index
        while position < len(tokens):
            if position > index and not tokens[position][3]:
                break
            child = node.get(words[position])
            if not isinstance(child, dict):
                break
            node = child
            if _END in node:
                best = (position, node[_END])  # type: ignore[assignment]
            position += 1
        if best is None and tokens[index][2] in self._abbreviations:
            best = (index, self._abbreviations[tokens[index][2]])
        return best


_INCREASED = (
    "{x} increased",
    "increased {x}",
    "elevated {x}",
    "{x} elevated",
    "{x} elevation",
    "high {x}",
)
_INCREASED_MORE = (
    "elevation of {x}",
    "elevations in {x}",
    "elevation in {x}",
    "raised {x}",
    "increase in {x}",
    "increase of {x}",
    "{x} increase",
    "rise in {x}",
)
_DECREASED = (
    "{x} decreased",
    "decreased {x}",
    "low {x}",
    "reduced {x}",
    "{x} decrease",
    "decrease in {x}",
)
_DECREASED_MORE = ("decrease of {x}", "reduction in {x}", "reduction of {x}", "{x} reduction")
_ABNORMAL = (
    "{x} abnormal",
    "abnormal {x}",
    "{x} abnormality",
    "abnormality of {x}",
    "abnormality in {x}",
)
_PROLONGED = ("prolonged {x}", "{x} prolongation", "prolongation of {x}", "prolongation of the {x}")
# "Rash macular" is also written "macular rash": MedDRA puts these qualifiers last.
_TRAILING_QUALIFIERS = frozenset(
    [
        "generalised",
        "generalized",
        "localised",
        "localized",
        "macular",
        "papular",
        "pruritic",
        "erythematous",
        "maculo-papular",
        "pustular",
        "vesicular",
        "allergic",
        "bullous",
        "exfoliative",
        "congestive",
        "acute",
        "chronic",
        "fungal",
        "bacterial",
        "viral",
        "parasitic",
        "protozoal",
    ]
)


def _variants(term: Term, analytes: dict[str, list[str]]) -> Iterator[str]:
    """The phrases that name a term: its PT, synonyms and laboratory word orders."""
    yield term.pt
    yield from term.synonyms
    lowered = term.pt.lower()
    words = lowered.split()
    if len(words) == 2 and words[1] in _TRAILING_QUALIFIERS:
        yield f"{words[1]} {words[0]}"
    if len(words) > 1 and words[-1] == "disorder":  # MedDRA's 'disorder' for 'disease'
        yield " ".join([*words[:-1], "disease"])
    if "haemorrhage" in lowered:
        yield lowered.replace("haemorrhage", "bleeding")
    for suffix, patterns in (
        (" increased", _INCREASED + _INCREASED_MORE),
        (" decreased", _DECREASED + _DECREASED_MORE),
        (" abnormal", _ABNORMAL),
        (" prolonged", _PROLONGED),
    ):
        if not lowered.endswith(suffix):
            continue
        analyte = lowered[: -len(suffix)]
        names = [analyte, *analytes.get(analyte, [])]
        for name in names:
            for pattern in patterns:
                yield pattern.format(x=name)


def _vocabulary(model: type[MeddraTerms]) -> Vocabulary:
    raw = load(model)
    terms = [Term(entry.pt, entry.code, entry.synonyms, entry.abbreviations) for entry in raw.terms]
    analytes = {name: list(words) for name, words in raw.analytes.items()}
    return Vocabulary(terms, list(raw.blocked), analytes)


@cache
def curated_vocabulary() -> Vocabulary:
    """The hand-written part: common preferred terms, lay words, blocked headings, analytes."""
    return _vocabulary(MeddraCurated)


@cache
def default_vocabulary() -> Vocabulary:
    """The terms derived from annotated label sections, then the curated ones.

    Annotated words come first so that, where both name a phrase, the annotators' preferred
    term wins; blocked phrases win over both."""
    return _vocabulary(MeddraTerms).extend(curated_vocabulary())


@cache
def default_matcher() -> TermMatcher:
    """The compiled matcher over the default vocabulary (built once per process)."""
    return TermMatcher(default_vocabulary())
