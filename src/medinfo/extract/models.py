"""Extraction's models loaded ahead of use (a bulk run loads them once, before its workers fork)."""

from __future__ import annotations


def load_models() -> None:
    """Load now what extraction otherwise loads on first use: the drug dictionary, the
    negation pipeline (medspacy), the MedDRA matcher, the reaction scorer and every term
    vocabulary."""
    from medinfo.extract.drug_names import find_drug_mentions
    from medinfo.extract.lists import extract_list_facts
    from medinfo.extract.meddra import default_matcher
    from medinfo.extract.negation import load_negation_pipeline
    from medinfo.extract.pipeline import extract_document
    from medinfo.extract.reaction_scorer import default_scorer
    from medinfo.extract.terms import vocabulary, vocabulary_names

    del extract_list_facts, extract_document  # imported for their modules' start-up only
    find_drug_mentions("aspirin")
    default_matcher().find("headache")
    default_scorer()
    load_negation_pipeline()
    for name in vocabulary_names():
        vocabulary(name).find("headache")
