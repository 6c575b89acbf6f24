"""FDA labels: the label's drug from its metadata, its dosing statements and its reactions."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from medinfo.domain.documents import BlockKind, Document
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.adverse_reactions import (
    adverse_reaction_facts,
    is_reaction_heading,
    is_serious_heading,
)
from medinfo.extract.drug_detection import find_drug_names
from medinfo.extract.reaction_cues import about_animals
from medinfo.extract.sections import Section, classify_heading
from medinfo.extract.statements import Statement

# openFDA and SPL generic names list a combination's ingredients with "and", commas or ";".
_INGREDIENTS = re.compile(r"\s*(?:;|,|/|\band\b|\bwith\b)\s*", re.IGNORECASE)


def is_label(document: Document) -> bool:
    """Whether the document is an FDA label (its reader or the user said kind=label)."""
    return document.metadata.get("kind") == "label"


@cache
def ingredient_name(ingredient: str) -> str:
    """An ingredient's drug name without its salt: the shortest leading words the drug
    dictionary knows, in the label's own spelling ("sildenafil citrate" -> "sildenafil");
    the whole name in lower case when the dictionary knows none."""
    words = ingredient.lower().split()
    for size in range(1, len(words) + 1):
        if find_drug_names(" ".join(words[:size])):
            return " ".join(words[:size])
    return " ".join(words)


def label_drug_name(generic_name: str) -> str | None:
    """The drug a label's generic name names, in the catalog's convention.

    One ingredient gives its generic name without salt ("atorvastatin calcium" ->
    "atorvastatin"); a combination gives its components' names sorted and joined with
    "; " ("hydrocodone bitartrate and acetaminophen" -> "acetaminophen; hydrocodone").
    None when the name is empty.
    """
    parts = [part for part in _INGREDIENTS.split(generic_name.strip()) if part]
    names = sorted({ingredient_name(part) for part in parts})
    return "; ".join(names) if names else None


def label_drug(document: Document) -> str | None:
    """The drug of a label document from its generic-name metadata, if it has one."""
    return label_drug_name(document.metadata.get("generic_name", ""))


def top_sections(document: Document) -> dict[str, Section]:
    """Each heading's label section, read from its top-level heading: "2.1 Hyperlipidemia"
    under "2 DOSAGE AND ADMINISTRATION" is in the dosing section (a heading nests under the
    heading above it only when that one is of a higher level)."""
    parent: dict[str, str] = {}
    levels: dict[str, int] = {}
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            levels.setdefault(block.text, block.level)
    for block in document.blocks:
        # a heading's parent is the heading above it at a higher level: a record whose
        # sections are all top-level headings (openFDA JSON) nests none under another
        above = levels.get(block.heading)
        if block.kind is BlockKind.HEADING and above is not None and above < block.level:
            parent.setdefault(block.text, block.heading)
    sections: dict[str, Section] = {}
    for heading in {*parent, *(block.heading for block in document.blocks)}:
        top, seen = heading, {heading}
        while parent.get(top) and parent[top] not in seen:
            top = parent[top]
            seen.add(top)
        sections[heading] = classify_heading(top) if top else Section.OVERVIEW
    return sections


def dosing_statements(document: Document, statements: list[Statement]) -> list[Statement]:
    """A label's statements that state doses: those of its Dosage and Administration section.

    Amounts elsewhere in a label (clinical studies, pharmacokinetics, overdosage,
    specific populations) describe trials and special cases, not the adult dose.
    """
    tops = top_sections(document)
    return [
        statement
        for statement in statements
        if Section.DOSING in (statement.section, tops.get(statement.block.heading))
    ]


# Where a label states each kind of fact; the same words elsewhere (trial endpoints,
# other drugs' uses or mechanisms in Drug Interactions, specific populations) are not claims.
_PLACES: dict[FactKind, frozenset[Section]] = {
    FactKind.INDICATION: frozenset({Section.INDICATIONS}),
    FactKind.MECHANISM_TERM: frozenset({Section.MECHANISM, Section.OVERVIEW}),
    # reactions, warnings, and a patient leaflet's "possible side effects": not the outcomes
    # an indication prevents ("reduce the risk of heart attack") or a leaflet's risk factors
    FactKind.SIDE_EFFECT: frozenset(
        {
            Section.SIDE_EFFECTS,
            Section.COMMON_SIDE_EFFECTS,
            Section.SERIOUS_SIDE_EFFECTS,
            Section.PRECAUTIONS,
        }
    ),
    # Drug Interactions, and the contraindications, warnings and dose changes that name
    # another drug; not Clinical Pharmacology's interaction studies (mostly "no effect", and
    # the words of other mechanisms), nor the patient leaflet's examples of each class
    FactKind.INTERACTION: frozenset({Section.INTERACTIONS, Section.PRECAUTIONS, Section.DOSING}),
}


# Kinds whose facts must be about people: "the combination had an additive effect on bleeding
# time in the anesthetized rabbit" is neither an interaction nor a side effect.
_ABOUT_PEOPLE = frozenset({FactKind.INTERACTION, FactKind.SIDE_EFFECT})


def facts_in_place(document: Document, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """`facts` without the indications, mechanism terms, side effects and interactions a label
    names outside the sections that state them (Indications and Usage; Clinical Pharmacology
    or Description; reactions, warnings and a leaflet's side-effects part; Drug Interactions,
    Contraindications, boxed warning, Warnings and Precautions, Dosage), and without
    interactions and side effects read from a sentence about animals (`about_animals`)."""
    tops = top_sections(document)
    blocks = sorted(document.content_blocks(), key=lambda block: block.start)
    starts = [block.start for block in blocks]

    def in_place(fact: ExtractedFact) -> bool:
        start = fact.evidence.start  # the sentence it starts in: evidence may be a whole block
        if fact.kind in _ABOUT_PEOPLE and about_animals(document.original, start, start):
            return False
        places = _PLACES.get(fact.kind)
        if places is None:
            return True
        index = bisect_right(starts, fact.evidence.start) - 1
        if index < 0 or fact.evidence.start >= blocks[index].end:
            return False
        heading = blocks[index].heading
        if fact.kind is FactKind.MECHANISM_TERM:
            # Its own subsection ("12.1 Mechanism of Action"), not all of Clinical
            # Pharmacology, whose pharmacokinetics name other drugs' mechanisms.
            return classify_heading(heading) in places
        if fact.kind is FactKind.SIDE_EFFECT and classify_heading(heading) in places:
            return True  # a leaflet's own "What are the possible side effects?" heading
        if fact.kind is FactKind.INTERACTION and is_serious_heading(heading):
            return True  # a boxed warning titled by its risk ("WARNING: RISKS FROM ...")
        return tops.get(heading) in places

    return _own_brands(document, [fact for fact in facts if in_place(fact)])


def _own_brands(document: Document, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """`facts` with the label's brand names only, in the label's own spelling: a label that
    names its brand (metadata) does not list the other products it mentions ("the same
    ingredient as REVATIO")."""
    brand = " ".join(document.metadata.get("brand_name", "").split())
    if not brand:
        return facts
    kept = []
    for fact in facts:
        if fact.kind is FactKind.BRAND_NAME:
            if fact.key.casefold() != brand.casefold():
                continue
            fact = fact.model_copy(update={"key": brand})
        kept.append(fact)
    return kept


def with_label_reactions(
    document: Document, source_id: str, facts: list[ExtractedFact]
) -> list[ExtractedFact]:
    """`facts` with the side effects of the label's reaction sections read as MedDRA terms.

    In adverse-reaction, warning and boxed-warning sections the label reader
    (`adverse_reaction_facts`) replaces the consumer term list; side effects found
    elsewhere (the patient information leaflet) are kept.
    """
    spans = [
        (block.start, block.end)
        for block in document.content_blocks()
        if is_reaction_heading(block.heading)
    ]

    def in_reaction_section(fact: ExtractedFact) -> bool:
        start = fact.evidence.start
        return any(begin <= start < end for begin, end in spans)

    kept = [
        fact
        for fact in facts
        if fact.kind is not FactKind.SIDE_EFFECT or not in_reaction_section(fact)
    ]
    return [*kept, *adverse_reaction_facts(document, source_id)]
