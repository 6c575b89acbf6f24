"""The list fields of a monograph from one document: brands, class, uses, forms, effects..."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.facts import ExtractedFact
from medinfo.extract.classes import (
    extract_brand_names,
    extract_drug_classes,
    extract_forms,
    extract_mechanism_terms,
)
from medinfo.extract.drug_names import find_drug_mentions
from medinfo.extract.indications import extract_indications
from medinfo.extract.interactions import extract_interactions
from medinfo.extract.passages import Passage, unique
from medinfo.extract.precautions import extract_precautions
from medinfo.extract.repeated_blocks import block_facts
from medinfo.extract.sections import Section, classify_heading, classify_lead, section_of
from medinfo.extract.sentences import Unit, locate, split_cell, units_of
from medinfo.extract.side_effects import extract_side_effects
from medinfo.extract.statements import (
    block_text,
    is_lone_item_label,
    labelled_sections,
    last_sentence,
)

Extractor = Callable[[Passage], list[ExtractedFact]]

EXTRACTORS: tuple[Extractor, ...] = (
    extract_brand_names,
    extract_drug_classes,
    extract_mechanism_terms,
    extract_indications,
    extract_forms,
    extract_side_effects,
    extract_interactions,
    extract_precautions,
)
# Links to other articles ("MUST READ: <another drug> ...") are never about this drug.
_LINK = re.compile(
    r"^\W*(must read|read more|related( articles?| posts?)?|see also|also read|recommended"
    r"( reading| for you)?|you may also like|click here|learn more|sponsored|advertisement)\b",
    re.IGNORECASE,
)
_GENERAL = frozenset({Section.OTHER, Section.OVERVIEW})
# In an interactions section a lead-in's words ("... increase the chance of serious side
# effects. Tell your doctor if you take:") do not make its items side effects.
_LEAD_KEEPS = frozenset({Section.INTERACTIONS})
# An answer that opens with "No" denies what its question asks about ("Can it be used for
# type 1 diabetes?" "No. ...").
_PERMISSION = re.compile(r"\b(?:can|may|should|could|must)\s+(?:i|you|we)\b", re.IGNORECASE)
_NO_ANSWER = re.compile(r"^\W*(?:a\s*:\s*)?\W*no\b(?!\s+(?:more|longer|one|need))", re.IGNORECASE)


def _row_passage(document: Document, block: Block, base: Passage) -> Passage:
    """A key-facts row: the label cell says which field the other cells list."""
    label = next((cell for cell in block.cells if cell.strip()), "")
    field = classify_heading(label) if label else Section.OTHER
    if field in _GENERAL or field is base.section:
        return base  # "Alcohol | Do not drink" in an interactions table: the label is an agent
    units: list[Unit] = []
    hint = block.start
    for cell in block.cells[block.cells.index(label) + 1 :]:
        for item in split_cell(cell):
            start, end = locate(document, block, item, hint)
            hint = end if (start, end) != (block.start, block.end) else hint
            units.append(Unit(item, start, end, "cell", block))
    if not units:  # a row holding only its label cell states nothing more
        return base
    base.units, base.section, base.evidence_section = units, field, field
    return base


def _question_of(block: Block) -> str:
    """The text of a block that asks what the drug is or does (a FAQ question), else "".
    A question asking permission ("Can I drink alcohol?") is not one: "No" to it is advice,
    a claim, not a denial."""
    text = block.text.strip(" *_#\t")
    return text if text.endswith("?") and not _PERMISSION.search(text) else ""


_LEAD_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING})


# a lead-in about the reader's own situation ("Tell the doctor who prescribed it if you have:")
# opens no list of uses, whatever use word it holds
_OWN_SITUATION = re.compile(r"\b(?:if|unless|whether)\s+you\b", re.IGNORECASE)


def _lead_section(text: str) -> Section | None:
    """The section a lead-in paragraph ("Serious side effects include:") opens, if specific."""
    section = classify_lead(text)
    if section is Section.INDICATIONS and _OWN_SITUATION.search(text):
        return None
    # "The common ones are mostly the flip side of how it works:" lists effects, not a mechanism
    return None if section in _GENERAL or section is Section.MECHANISM else section


def _read(passage: Passage) -> list[ExtractedFact]:
    """The facts every extractor finds in one passage (a heading names brands only)."""
    extractors = (extract_brand_names,) if passage.kind is BlockKind.HEADING else EXTRACTORS
    return [fact for extractor in extractors for fact in extractor(passage)]


def _is_topic_label(blocks: list[Block], index: int) -> bool:
    """A numbered heading the reader took for a list item that names a topic ("10. Alcohol"):
    it opens a section and states nothing itself."""
    if not is_lone_item_label(blocks, index):
        return False
    return classify_heading(block_text(blocks[index]).strip(" .:0123456789")) is not Section.OTHER


def _aliases(document: Document, blocks: list[Block], drug: str) -> tuple[str, ...]:
    """Other names of the drug in lower case: a label's brand name, and the spellings the
    page writes its generic name in when its key is another ("cefalexin" for "cephalexin",
    "sodium valproate" for "valproic acid")."""
    brand = document.metadata.get("brand_name", "").strip().lower()
    spellings = {
        mention.surface.lower()
        for block in blocks
        for mention in find_drug_mentions(block.text)
        if not mention.is_brand and mention.generic.lower() == drug.lower()
    }
    return tuple(dict.fromkeys(n for n in (brand, *sorted(spellings)) if n and n != drug.lower()))


def extract_list_facts(document: Document, source_id: str, drug: str) -> list[ExtractedFact]:
    """Facts of the list fields of a monograph that the document states about `drug`.

    Kinds: BRAND_NAME, DRUG_CLASS, MECHANISM_TERM, INDICATION (off_label), FORM,
    SIDE_EFFECT (serious, frequency), WITHDRAWAL_SYMPTOM, INTERACTION (agent_type, severity,
    effect_terms) and PRECAUTION (advice_code). Boilerplate and links to other articles
    state nothing; negated terms are left out. Evidence spans the sentence, list item or
    table cell that states the fact.
    """
    facts: list[ExtractedFact] = []
    lead = ""
    paragraphs = 0
    blocks = list(document.content_blocks())
    aliases = _aliases(document, blocks, drug)
    question = ""
    for index, (block, labelled) in enumerate(zip(blocks, labelled_sections(blocks), strict=True)):
        if _LINK.search(block.text) or _is_topic_label(blocks, index):
            continue
        asked, question = question, _question_of(block)
        section = labelled or section_of(block)
        if block.kind is not BlockKind.LIST_ITEM:
            lead = ""
        if block.kind is BlockKind.LIST_ITEM and lead and section not in _LEAD_KEEPS:
            # the sentence that introduces the list speaks first ("... other medicines. Do not
            # take it if you have:"), then its paragraph ("Tell your doctor about all the
            # medicines you take. Especially tell your doctor if you take medicines for:")
            section = _lead_section(last_sentence(lead)) or _lead_section(lead) or section
        units = units_of(document, block)
        if not units:
            continue
        opening = block.kind is BlockKind.PARAGRAPH and section in _GENERAL and paragraphs < 2
        paragraphs += block.kind is BlockKind.PARAGRAPH
        passage = Passage(
            units, section, source_id, drug, section, lead=lead, opening=opening, aliases=aliases
        )
        if asked and _NO_ANSWER.match(block.text):
            passage.denied_question = asked
        if block.kind is BlockKind.TABLE_ROW:
            passage = _row_passage(document, block, passage)
        facts.extend(block_facts(document, block, passage, partial(_read, passage)))
        # a lead-in ("Call a doctor now if:") may be marked up as a paragraph or a heading
        if block.kind in _LEAD_KINDS and block.text.rstrip(" *").endswith(":"):
            lead = block.text
    return unique(facts)
