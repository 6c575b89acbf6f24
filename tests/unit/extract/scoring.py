"""Scores extracted list facts against a dev-gold monograph: F1 per field after folding."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.terms import normalise, vocabulary

Terms = set[Any]


def fold(term: str, vocab: str) -> str:
    """A term's preferred form in a vocabulary, or the term itself, lower-cased."""
    found = vocabulary(vocab).lookup(term)
    return found.term if found else normalise(term)


def merge(facts: list[ExtractedFact]) -> dict[str, Terms]:
    """The list fields of the union of facts.

    A term any source calls serious is serious unless a source lists it as common; a use
    any source calls off-label is off-label (the cautious reading of both).
    """
    keys: dict[FactKind, set[str]] = defaultdict(set)
    serious: set[str] = set()
    common: set[str] = set()
    off_label: set[str] = set()
    for fact in facts:
        keys[fact.kind].add(fact.key)
        if fact.kind is FactKind.SIDE_EFFECT and fact.attributes.get("serious"):
            serious.add(fact.key)
        if fact.kind is FactKind.SIDE_EFFECT and fact.attributes.get("frequency") == "common":
            common.add(fact.key)
        if fact.kind is FactKind.INDICATION and fact.attributes.get("off_label"):
            off_label.add(fact.key)
    serious_terms = serious - common
    return {
        "brand_names": {k.lower() for k in keys[FactKind.BRAND_NAME]},
        "drug_class": keys[FactKind.DRUG_CLASS],
        "indications": {(k, k in off_label) for k in keys[FactKind.INDICATION]},
        "mechanism_terms": keys[FactKind.MECHANISM_TERM],
        "forms": keys[FactKind.FORM],
        "common_side_effects": keys[FactKind.SIDE_EFFECT] - serious_terms,
        "serious_side_effects": serious_terms,
        "interactions": keys[FactKind.INTERACTION],
        "precautions": keys[FactKind.PRECAUTION],
    }


def expected(path: Path) -> dict[str, Terms]:
    """The list fields of a gold file, folded through the vocabularies."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    classes = gold["drug_class"]
    classes = classes.split(";") if isinstance(classes, str) else classes
    return {
        "brand_names": {b.lower() for b in gold["brand_names"]},
        "drug_class": {fold(c.strip(), "drug_class_names") for c in classes},
        "indications": {
            (fold(i["condition"], "conditions"), bool(i["off_label"])) for i in gold["indications"]
        },
        "mechanism_terms": {fold(m, "mechanism_terms") for m in gold["mechanism_terms"]},
        "forms": {fold(f, "forms") for f in gold["forms"]},
        "common_side_effects": {fold(s, "side_effects") for s in gold["common_side_effects"]},
        "serious_side_effects": {fold(s, "side_effects") for s in gold["serious_side_effects"]},
        "interactions": {fold(i["agent"], "interaction_agents") for i in gold["interactions"]},
        "precautions": {fold(p, "precautions") for p in gold["precautions"]},
    }


def f1(found: Terms, wanted: Terms) -> float:
    """Harmonic mean of precision and recall; 1.0 when both sets are empty."""
    if not found and not wanted:
        return 1.0
    hits = len(found & wanted)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(wanted)
    return 2 * precision * recall / (precision + recall)


def score(facts: list[ExtractedFact], gold: dict[str, Terms]) -> dict[str, float]:
    """F1 per list field."""
    found = merge(facts)
    return {field: f1(found[field], wanted) for field, wanted in gold.items()}
