"""The extraction pipeline: a Document in, the main drug and its facts out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from medinfo.domain.documents import Document
from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.doses import extract_doses
from medinfo.extract.drug_detection import canonical_drug_name, detect_drug
from medinfo.extract.faq import FaqPair, extract_faq, find_faq_pairs, question_led_topics
from medinfo.extract.labels import (
    dosing_statements,
    facts_in_place,
    is_label,
    label_drug,
    with_label_reactions,
)
from medinfo.extract.missed_dose import extract_missed_dose
from medinfo.extract.notices import (
    extract_content_notice,
    extract_dependence,
    extract_disclaimer,
)
from medinfo.extract.onset import extract_onset
from medinfo.extract.populations import extract_population_limits
from medinfo.extract.practical import extract_practical_facts
from medinfo.extract.pregnancy import extract_pregnancy
from medinfo.extract.reading import Place, corrects_a_claim
from medinfo.extract.renal import extract_renal_adjustments
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement, document_statements, place_of
from medinfo.extract.stopping import answered_stopping, extract_stopping


@dataclass(frozen=True)
class Extraction:
    """What one document says: the drug it is about and its facts, in document order."""

    drug: str
    facts: list[ExtractedFact] = field(default_factory=list)


def extract_rule_facts(
    document: Document, source_id: str, names: tuple[str, ...] = ()
) -> list[ExtractedFact]:
    """The single-valued facts (doses, pregnancy, missed dose, stopping, onset, FAQ, notices);
    `names` are the document's drug names in lower case."""
    # an advertisement or navigation statement states no fact
    statements = [s for s in document_statements(document) if place_of(s) is not Place.ADVERT]
    every_statement = document_statements(document, include_boilerplate=True)
    topic_of = _answer_topics(find_faq_pairs(document), question_led_topics(document))
    faqs = extract_faq(document, source_id)
    dose_statements = dosing_statements(document, statements) if is_label(document) else statements
    facts = [
        *extract_doses(dose_statements, source_id),
        *extract_renal_adjustments(statements, source_id),
        *extract_population_limits(statements, source_id),
        *extract_pregnancy(statements, source_id),
        *extract_missed_dose(statements, source_id, topic_of),
        *extract_stopping(statements, source_id, names),
        *answered_stopping(faqs, document.original),
        *extract_onset(statements, source_id, topic_of),
        *extract_dependence(statements, source_id),
        *faqs,
        *extract_disclaimer(every_statement, source_id),
        *extract_content_notice(every_statement, source_id),
        *extract_practical_facts(statements, source_id, names),
    ]
    return with_places(facts, statements, topic_of)


# Single-valued topics whose facts carry the place of their statement, so that a document
# that disagrees with itself is ranked (dedicated section first) and reported by place.
_PLACED = frozenset({FactKind.ONSET, FactKind.STOPPING, FactKind.PREGNANCY, FactKind.MISSED_DOSE})
# A dedicated section is dedicated to its own topic: a statement in another topic's section
# (an adverse reaction's "symptom onset" under Warnings) is general text for the fact.
_OWN_SECTIONS = {
    FactKind.ONSET: frozenset({Section.DOSING, Section.MECHANISM}),
    FactKind.STOPPING: frozenset({Section.STOPPING, Section.PRECAUTIONS}),
    FactKind.PREGNANCY: frozenset({Section.PREGNANCY, Section.BREASTFEEDING, Section.PRECAUTIONS}),
    FactKind.MISSED_DOSE: frozenset({Section.MISSED_DOSE, Section.DOSING}),
}


_ANSWERABLE = frozenset({Place.FAQ_ANSWER, Place.INTRODUCTION})
# The question topic (knowledge/extract/faq.json) whose answer is a dedicated place for a fact.
_OWN_QUESTIONS = {
    FactKind.ONSET: "onset",
    FactKind.STOPPING: "stopping",
    FactKind.PREGNANCY: "pregnancy",
    FactKind.MISSED_DOSE: "missed_dose",
}


def with_places(
    facts: list[ExtractedFact],
    statements: list[Statement],
    topic_of: Callable[[Statement], str | None] = lambda _: None,
) -> list[ExtractedFact]:
    """Facts of the placed topics with a `place` attribute from the statement they start at;
    the answer to a question on the fact's own topic ("How long before it works?") is a
    dedicated place, like a section of its own."""
    starts = {statement.start: statement for statement in statements}
    placed = []
    for fact in facts:
        statement = starts.get(fact.evidence.start)
        if fact.kind in _PLACED and statement is not None and "place" not in fact.attributes:
            found = place_of(statement)
            general = statement.section not in _OWN_SECTIONS[fact.kind]
            if found is Place.DEDICATED and general and not corrects_a_claim(statement.block.text):
                found = Place.INTRODUCTION
            if found in _ANSWERABLE and topic_of(statement) == _OWN_QUESTIONS[fact.kind]:
                found = Place.DEDICATED
            place = found.value
            fact = fact.model_copy(update={"attributes": {**fact.attributes, "place": place}})
        placed.append(fact)
    return placed


def _answer_topics(pairs: list[FaqPair], led: dict[int, str]) -> Callable[[Statement], str | None]:
    """The FAQ topic of the question a statement answers, if it answers one."""

    def topic_of(statement: Statement) -> str | None:
        for pair in pairs:
            if pair.answers(statement.start, statement.end):
                return pair.topic
        return led.get(statement.block.start)

    return topic_of


def extract_document(document: Document, source_id: str, drug: str | None = None) -> Extraction:
    """Extract every fact a document states about its main drug.

    `drug` overrides detection; a label's drug is its generic name (`label_drug`). Label
    side effects come from its reaction sections as MedDRA terms (`with_label_reactions`).
    Raises InputError when no drug can be identified.
    """
    label = is_label(document)
    if drug and drug.strip():
        name: str | None = canonical_drug_name(drug)
    else:
        name = (label_drug(document) if label else None) or detect_drug(document)
    if not name:
        title = document.title or document.metadata.get("title") or source_id
        raise InputError(f"{title}: the document names no drug; pass --drug NAME")
    facts = extract_rule_facts(document, source_id, _drug_names(document, name))
    facts.extend(_list_facts(document, source_id, name))
    if label:
        facts = with_label_reactions(document, source_id, facts)
        facts = facts_in_place(document, facts)
    facts.sort(key=lambda fact: (fact.evidence.start, fact.kind.value))
    return Extraction(drug=name, facts=without_repeats(facts, document.original))


# A claim a document makes again and again is cited by its first few statements, so a
# repetitive document cannot multiply facts (nor the monograph's size, nor answer time).
MAX_COPIES_OF_A_CLAIM = 3


def without_repeats(facts: list[ExtractedFact], original: str) -> list[ExtractedFact]:
    """The facts in order, each claim once per wording and at most MAX_COPIES_OF_A_CLAIM times."""
    first: dict[tuple[object, ...], ExtractedFact] = {}
    wordings: dict[tuple[object, ...], list[str]] = {}  # of the kept copies, once compared
    kept = []
    for fact in facts:
        claim = (fact.kind, fact.key, *sorted(fact.attributes.items()))
        if claim not in first:  # most facts: nothing to compare their wording with
            first[claim] = fact
            kept.append(fact)
            continue
        seen = wordings.get(claim)
        if seen is None:
            seen = wordings[claim] = [_wording(original, first[claim])]
        if len(seen) >= MAX_COPIES_OF_A_CLAIM:
            continue
        wording = _wording(original, fact)
        if wording in seen:
            continue
        seen.append(wording)
        kept.append(fact)
    return kept


def _wording(original: str, fact: ExtractedFact) -> str:
    """The words of a fact's evidence, in lower case."""
    return " ".join(original[fact.evidence.start : fact.evidence.end].lower().split())


def _drug_names(document: Document, drug: str) -> tuple[str, ...]:
    """The drug's names in lower case: its generic name and the document's brand name."""
    brand = document.metadata.get("brand_name", "").strip().lower()
    return (drug.lower(), brand) if brand else (drug.lower(),)


def _list_facts(document: Document, source_id: str, drug: str) -> list[ExtractedFact]:
    """The list fields (brands, class, side effects...) from the terms half of extraction."""
    from medinfo.extract.lists import extract_list_facts  # loads the NLP models on first use

    return list(extract_list_facts(document, source_id, drug))
