"""Derives the annotated part of the MedDRA vocabulary from OnSIDES-style label sections."""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from medinfo.domain.errors import InputError
from medinfo.extract.meddra import Term, TermMatcher, Vocabulary, phrase_key
from medinfo.knowledge.vocabularies import MeddraTerms

LabelSection = dict[str, Any]
_ABBREVIATION_MAX = 5
# A phrase found in at least WEAK_SUPPORT labels whose preferred term the annotators marked in
# fewer than WEAK_PRECISION of them is too generic ("infections" in "patients with infections").
WEAK_SUPPORT = 3
WEAK_PRECISION = 0.4
SOURCE = (
    "OnSIDES packaging of the Demner-Fushman et al. 2018 FDA label annotations (train.json): "
    "mention words, MedDRA PT and LLT names and codes"
)


def default_annotations_path() -> Path:
    """The shared annotated label sections: $MEDINFO_SHARED_DIR/data/..., else ../shared."""
    from medinfo.config import SHARED_DIR

    shared = SHARED_DIR.value()
    root = Path(shared) if shared else Path(__file__).resolve().parents[3].parent / "shared"
    return root / "data" / "onsides-labels" / "train.json"


def load_sections(path: Path) -> list[LabelSection]:
    """Annotated label sections from a JSON file in the OnSIDES format."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{path}: cannot read annotated sections ({error})") from error
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise InputError(f"{path}: expected a list of label sections")
    for index, item in enumerate(raw):
        missing = {"label_id", "section_name", "section_text", "adverse_events"} - set(item)
        if missing:
            raise InputError(f"{path}: section {index} lacks {sorted(missing)}")
    return raw


def _written_forms(section: LabelSection, row: list[Any]) -> list[str]:
    """The mention as it stands in the text at each of its offsets."""
    if not row[5]:
        return []
    text: str = section["section_text"]
    length = int(row[6])
    return [text[int(start) : int(start) + length] for start in str(row[5]).split(",")]


def vocabulary_from_mentions(sections: Iterable[LabelSection]) -> Vocabulary:
    """Terms keyed by preferred term: mentions and LLT names as synonyms; short all-capital
    mentions never written in lower case become case-sensitive abbreviations. A phrase the
    annotators mapped to several preferred terms stays only with the one they used most (an LLT
    name counts half a mention)."""
    codes: dict[str, int | None] = {}
    uses: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    words: dict[str, set[str]] = defaultdict(set)
    capitals: dict[str, set[str]] = defaultdict(set)
    for section in sections:
        for row in section["adverse_events"]:
            if not row[1]:
                continue
            key = str(row[1]).lower()
            names.setdefault(key, str(row[1]))
            codes.setdefault(key, int(row[2]) if row[2] else None)
            if row[3]:
                words[key].add(str(row[3]).lower())
                uses[phrase_key(str(row[3]))][key] += 1
            for form in _written_forms(section, row) or [str(row[0])]:
                uses[phrase_key(form)][key] += 2
                short = len(form) <= _ABBREVIATION_MAX and " " not in form
                if short and form.isupper():
                    capitals[key].add(form)
                else:
                    words[key].add(form.lower())
    terms = []
    for key, name in sorted(names.items()):
        lowered = {word for word in words[key] if _owner(uses[phrase_key(word)], key)}
        abbreviations = sorted(a for a in capitals[key] if a.lower() not in lowered)
        synonyms = sorted(
            lowered | {a.lower() for a in capitals[key]} - {a.lower() for a in abbreviations}
        )
        terms.append(Term(name, codes[key], tuple(synonyms), tuple(abbreviations)))
    return Vocabulary(terms)


def _owner(counts: Counter[str], key: str) -> bool:
    """True when no other preferred term was given a phrase more often than `key`."""
    return not counts or counts[key] >= max(counts.values())


def weak_phrases(sections: list[LabelSection], vocabulary: Vocabulary) -> list[str]:
    """Phrases whose preferred term is mostly not annotated in the labels they occur in."""
    gold: dict[str, set[str]] = defaultdict(set)
    for section in sections:
        gold[section["label_id"]] |= {str(r[1]).lower() for r in section["adverse_events"] if r[1]}
    matcher = TermMatcher(vocabulary)
    seen: dict[tuple[str, ...], dict[str, bool]] = defaultdict(dict)
    written: dict[tuple[str, ...], str] = {}
    for section in sections:
        label = section["label_id"]
        for match in matcher.find(section["section_text"]):
            if match.term is None:
                continue
            key = phrase_key(match.text)
            written.setdefault(key, match.text.lower())
            marked = match.term.pt.lower() in gold[label]
            seen[key][label] = seen[key].get(label, False) or marked
    weak = []
    for key, labels in seen.items():
        if len(labels) >= WEAK_SUPPORT and sum(labels.values()) < WEAK_PRECISION * len(labels):
            weak.append(written[key])
    return sorted(weak)


def vocabulary_from_sections(sections: list[LabelSection], prune: bool = True) -> Vocabulary:
    """The annotated terms of `vocabulary_from_mentions`, with weak phrases blocked."""
    vocabulary = vocabulary_from_mentions(sections)
    if prune:
        vocabulary.blocked = weak_phrases(sections, vocabulary)
    return vocabulary


def vocabulary_json(vocabulary: Vocabulary, source: str) -> dict[str, Any]:
    """The JSON form of a vocabulary, as stored in knowledge/vocab/."""
    terms = []
    for term in vocabulary.terms:
        entry: dict[str, Any] = {"pt": term.pt, "code": term.code, "synonyms": list(term.synonyms)}
        if term.abbreviations:
            entry["abbreviations"] = list(term.abbreviations)
        terms.append(entry)
    return {"source": source, "terms": terms, "blocked": vocabulary.blocked}


def main(argv: list[str]) -> None:
    """Rebuild knowledge/vocab/meddra_terms.json from annotations (default: shared train.json).

    Weak phrases are not blocked: the learned scorer (reaction_scorer) judges them with the
    priors it keeps for them."""
    source = Path(argv[0]) if argv else default_annotations_path()
    vocabulary = vocabulary_from_sections(load_sections(source), prune=False)
    target = Path(str(resources.files("medinfo.knowledge").joinpath(MeddraTerms.FILE)))
    target.write_text(
        json.dumps(vocabulary_json(vocabulary, SOURCE), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"{target}: {len(vocabulary.terms)} preferred terms")


if __name__ == "__main__":
    main(sys.argv[1:])
