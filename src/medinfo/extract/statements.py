"""Statements: the sentences, list items and table rows of a document, with their spans."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.evidence import Evidence
from medinfo.extract.reading import Place, corrects_a_claim, is_advert, opens_with_summary_label
from medinfo.extract.sections import Section, classify_heading, effect_grade, section_of
from medinfo.extract.sentences import topic_label

# A sentence ends at . ! or ? followed by space and a capital, digit or quote; common
# abbreviations ("e.g.", "Dr.") do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)*_]*\s+(?=[A-Z0-9\"“(*_])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|dr|vs|approx|no|fig|st)\.$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LABEL_CHARS = " *_:#\t"
_QUESTION_WORDS = 40
_LABEL_LENGTH = 60
_LABEL_WORDS = 8
_SENTENCE_CLOSE = (".", "!", "?", ",", ";")
_FIELD_LINE = re.compile(r"^\s*[\w][\w ()/-]{1,40}:\s*\S")  # "Maximum dose: 400 mg/day"
_DEDICATED = frozenset(Section) - {Section.OVERVIEW, Section.KEY_FACTS, Section.FAQ, Section.OTHER}
# A subsection of the side effects whose heading speaks of danger ("The serious stuff", "Rare
# but serious", "When to get help") holds the serious ones.
_SERIOUS_HEADING = re.compile(
    r"\b(?:serious|severe|dangerous|urgent|emergency|get\s+help|warning\s+signs?)\b", re.I
)
_SIDE_EFFECTS = frozenset({Section.SIDE_EFFECTS, Section.COMMON_SIDE_EFFECTS})
_EFFECT_FAMILY = _SIDE_EFFECTS | {Section.SERIOUS_SIDE_EFFECTS}
# What a lead-in's words may seem to name when they only ask the reader to speak up first
_ADVICE_TOPICS = frozenset({Section.OTHER, Section.PRECAUTIONS, Section.INDICATIONS})
_TAKES = re.compile(r"\b(?:take|takes|taking|use|using|on)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\b(?:you|your|if|before|when|while)\b", re.IGNORECASE)  # a clause
# words of a lead-in that introduces the list after it in the topic above ("Rare but serious
# ones include:", "Other common things:")
_LEAD_WORD = re.compile(
    r"\b(?:include|includes|including|are|can|may|occur|such as|other|more|less|rare|rarer|"
    r"common|also|things|ones|else)\b",
    re.I,
)
# a lead-in this long is a sentence ("My pharmacist went through this list with me:"), no title
_SENTENCE_WORDS = 6
_HEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s")  # "3.1 Adults", "2) Dosing"


@dataclass(frozen=True)
class Statement:
    """A sentence (or list item, table row) of a block; `start`/`end` index the original."""

    text: str
    start: int
    end: int
    block: Block
    section: Section

    @property
    def is_question(self) -> bool:
        """Whether the statement asks rather than states (a question is never a claim)."""
        return self.text.rstrip(' *_"”').endswith("?")

    def evidence(self, source_id: str) -> Evidence:
        """Evidence pointing at this statement."""
        return Evidence(source=source_id, start=self.start, end=self.end, section=self.section)


def block_text(block: Block) -> str:
    """The text of a block; a table row's cells are joined with " | "."""
    return " | ".join(cell.strip() for cell in block.cells) if block.cells else block.text


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=4096)
def last_sentence(text: str) -> str:
    """The last sentence of a paragraph: the one that introduces a list after it."""
    spans = split_sentences(text)
    return text[spans[-1][0] : spans[-1][1]] if spans else text


def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[start : match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def locate(original: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `text` stands in original[start:end], tolerating markup between its words."""
    found = original.find(text, start, end)
    if found >= 0:
        return found, found + len(text)
    words = _WORD.findall(text)
    if not words:
        return None
    pattern = re.compile(r"[\W_]+".join(re.escape(word) for word in words))
    match = pattern.search(original, start, end)
    return (match.start(), match.end()) if match else None


# "Q. What side effects are common?": a plain-text FAQ's question, which heads its answer
_QUESTION_MARK = re.compile(r"^\s*(?:Q|Question)\s*\d*\s*[.:)]\s+", re.IGNORECASE)


def _is_asked(block: Block) -> bool:
    """Whether a paragraph is a question marked "Q." or "Question:" in plain text."""
    text = block_text(block)
    return (
        block.kind is BlockKind.PARAGRAPH
        and bool(_QUESTION_MARK.match(text))
        and len(text.split()) <= _QUESTION_WORDS
    )


def is_label(block: Block) -> bool:
    """A short paragraph with no closing punctuation ("Stopping treatment", "FAQs:"): a
    heading the reader did not mark as one."""
    text = block_text(block).strip(_LABEL_CHARS)
    short = 0 < len(text) < _LABEL_LENGTH and len(text.split()) <= _LABEL_WORDS
    return block.kind is BlockKind.PARAGRAPH and short and not text.endswith(_SENTENCE_CLOSE)


def block_statements(
    document: Document, block: Block, section: Section | None = None
) -> Iterator[Statement]:
    """The statements of one block: its sentences, or the whole row/heading/item.
    `section` overrides the section of the block's heading."""
    section = section or section_of(block)
    text = block_text(block)
    if block.kind in (BlockKind.TABLE_ROW, BlockKind.HEADING):
        yield Statement(text, block.start, block.end, block, section)
        return
    for start, end in split_sentences(text):
        sentence = text[start:end]
        span = locate(document.original, sentence, block.start, block.end)
        begin, finish = span if span else (block.start, block.end)
        yield Statement(sentence, begin, finish, block, section)


def is_lone_item_label(blocks: list[Block], index: int) -> bool:
    """A numbered heading the reader took for a list item ("8. Cautions with other medicines"
    between two paragraphs): a list item alone between non-items, short and unpunctuated."""
    block = blocks[index]
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    before = blocks[index - 1].kind if index > 0 else None
    after = blocks[index + 1].kind if index + 1 < len(blocks) else None
    if BlockKind.LIST_ITEM in (before, after):
        return False
    text = block_text(block).strip(_LABEL_CHARS)
    short = 0 < len(text) < _LABEL_LENGTH and len(text.split()) <= _LABEL_WORDS
    return short and not text.endswith(_SENTENCE_CLOSE)


def _heading_number(text: str) -> str | None:
    found = _HEADING_NUMBER.match(text)
    return found.group(1) if found else None


class _Outline:
    """The topic of each heading: its own, else (when its own names none) the topic of the
    heading it is a subsection of ("3.1 Adults" under "3 Dosage", a level-3 heading under a
    level-2 one), so that a subsection without a topic word stays in its section. A use named
    under a dosing heading ("As an add-on treatment:") says whose dose follows: still dosing."""

    def __init__(self) -> None:
        self._open: list[tuple[int, Section]] = []  # (level, section) of enclosing headings
        self._numbered: dict[str, Section] = {}

    def enter(self, block: Block) -> Section | None:
        """The inherited topic of a heading block; None when its own heading decides."""
        text = block_text(block).strip(_LABEL_CHARS)
        own = classify_heading(text)
        number = _heading_number(text)
        while self._open and self._open[-1][0] >= block.level:
            self._open.pop()
        inherited: Section | None = None
        if own is Section.OTHER:
            parent = number.rsplit(".", 1)[0] if number and "." in number else None
            if parent is not None and parent in self._numbered:
                inherited = self._numbered[parent]
            elif self._open and block.level > 0:
                inherited = self._open[-1][1]
            if inherited not in _DEDICATED:
                inherited = None
            elif inherited in _SIDE_EFFECTS and _SERIOUS_HEADING.search(text):
                inherited = Section.SERIOUS_SIDE_EFFECTS
        elif own is Section.INDICATIONS and self._open and self._open[-1][1] is Section.DOSING:
            inherited = Section.DOSING  # "As an add-on treatment in adults:" under "Dosage"
        section = inherited or own
        if number is not None:
            self._numbered[number] = section
        if block.level > 0:
            self._open.append((block.level, section))
        return inherited


def labelled_sections(blocks: list[Block]) -> list[Section | None]:
    """For each block, the section a label set above it (a label paragraph such as "Stopping
    treatment", or a numbered heading read as a lone list item), until the next heading, or
    the section a subsection heading without a topic of its own inherits; None where the
    block's own heading decides."""
    sections: list[Section | None] = []
    labelled: Section | None = None
    heading = ""
    outline = _Outline()
    inherited: dict[str, Section | None] = {}
    in_force: Section | None = None  # the topic of the block before
    for index, block in enumerate(blocks):
        if block.kind in (BlockKind.HEADING, BlockKind.QUESTION):  # a question heads its answer
            own = outline.enter(block)
            lead_in = _lead_in_keeps(block, in_force)
            inherited[block_text(block)] = lead_in if lead_in is not None else own
        if block.kind is BlockKind.HEADING or block.heading != heading:
            labelled, heading = inherited.get(block.heading), block.heading
        if is_label(block) or is_lone_item_label(blocks, index) or _is_asked(block):
            found = classify_heading(_QUESTION_MARK.sub("", block_text(block)).strip(_LABEL_CHARS))
            labelled = found if found is not Section.OTHER else inherited.get(heading)
            labelled = _lead_in_keeps(block, in_force) or labelled
        inline = _inline_label(block) or _graded_label(block, in_force)
        sections.append(inline or labelled)
        if block.kind in (BlockKind.HEADING, BlockKind.QUESTION):  # a question's own topic
            in_force = inherited[block_text(block)] or classify_heading(block_text(block))
        else:
            in_force = inline or labelled or section_of(block)
    return sections


# "**Side effects:** the common ones are ...", "Who can't take it: ...", "DOSING (tablets):
# ...": a paragraph that opens with its topic's name (or with the name and a full stop:
# "Alcohol. Best avoided ...")
_INLINE_LABEL = re.compile(
    r"^\W*(?P<label>[A-Za-z][a-z]+(?: [A-Za-z][a-z]+){0,2}|[Ww]ho(?: [a-z'’]+){1,4}|"
    # "Priya's people-who-should-be-careful list:"
    r"(?:[A-Z][a-z]+['’]s )?[a-z]+(?:-[a-z]+){2,}(?: list)?)\W*:\s*\S|"
    # "DOSING (sublingual tablets, adults): ...": a capitalised label, perhaps qualified
    r"^\W*(?P<caps>[A-Z]{2,}(?: [A-Z]{2,}){0,2})(?:\s*\([^()]{1,60}\))?\W*:\s*\S"
)


def _inline_label(block: Block) -> Section | None:
    """The section a paragraph names by the label it opens with, when that names one of the
    dedicated topics; it holds for that paragraph only."""
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block_text(block)
    found = _INLINE_LABEL.match(text)
    label = (found["label"] or found["caps"]) if found else ""
    if not found and section_of(block) not in _DEDICATED:  # "Alcohol. Best avoided" in a thread
        label = ((topic := topic_label(text)) and topic.group(1)) or ""
    section = classify_heading(label) if label else None
    return section if section in _DEDICATED else None


# "Serious: slow breathing, fainting": a paragraph opening with a label
_OPENING_LABEL = re.compile(r"^\W*(?P<label>[^:.;]{1,40}?)\W*:\s*\S")


def _graded_label(block: Block, in_force: Section | None) -> Section | None:
    """The side-effect section a paragraph opening with a grade label ("Serious: ...",
    "Rare: ...") holds, when the paragraph before it spoke of side effects."""
    if block.kind is not BlockKind.PARAGRAPH or in_force not in _EFFECT_FAMILY:
        return None
    found = _OPENING_LABEL.match(block_text(block))
    return effect_grade(found["label"]) if found else None


def _lead_in_keeps(block: Block, in_force: Section | None) -> Section | None:
    """The topic in force when `block` is a lead-in to what follows ("Tell your doctor or
    pharmacist if you take:", "Check with a pharmacist before taking:", "Let your doctor know
    if you use:") whose words name no topic, or only the general advice to ask first, or a
    "use" that is the reader's: the heading above it decides what its list is about. None
    when the block is no lead-in or names a topic of its own ("Call a doctor at once if:")."""
    if in_force is None or in_force not in _DEDICATED:
        return None
    text = block_text(block).rstrip(" *_#\t")
    if not text.endswith(":"):
        return None
    if in_force is Section.PRECAUTIONS and _TAKES.search(text):
        return None  # "Tell your doctor if you take:" lists medicines, not conditions
    found = classify_heading(block_text(block).strip(_LABEL_CHARS))
    if found is Section.OVERVIEW:  # "Things to ask about:" ends on a preposition, no title
        found = Section.OTHER
    if not _ADDRESS.search(text):  # "Patient education:" is a title; "Rarer ones include:" is not
        sentence = _LEAD_WORD.search(text) or len(text.split()) >= _SENTENCE_WORDS
        return in_force if found is Section.OTHER and sentence else None
    return in_force if found in _ADVICE_TOPICS else None


def document_statements(document: Document, include_boilerplate: bool = False) -> list[Statement]:
    """Every statement of the document's (non-boilerplate) blocks, in document order.

    A label paragraph ("Stopping treatment") sets the section of the blocks after it, until
    the next heading."""
    blocks = list(document.blocks if include_boilerplate else document.content_blocks())
    statements: list[Statement] = []
    for block, labelled in zip(blocks, labelled_sections(blocks), strict=True):
        statements.extend(block_statements(document, block, labelled))
    return statements


def _is_field(statement: Statement) -> bool:
    """Whether a statement is an unpunctuated "Field: value" line whose field names a topic
    ("Maximum dose: 400 mg/day"), as in an infobox; "Weeks 1 and 2: 25 mg" names none."""
    field = _FIELD_LINE.match(statement.text)
    if field is None or not is_label(statement.block):
        return False
    return classify_heading(statement.text.split(":", 1)[0]) is not Section.OTHER


def place_of(statement: Statement) -> Place:
    """The role of the place a statement stands in: under a topic's own heading (or in a
    subsection of it) it is a dedicated section; a key-facts block, and a table row or
    "Field: value" line elsewhere, is a summary (an infobox); then an FAQ answer; anything
    else is introduction or general text. A paragraph correcting an earlier claim ("I'd
    disagree") counts as a dedicated section."""
    if is_advert(statement.text):
        return Place.ADVERT
    if corrects_a_claim(statement.block.text):
        return Place.DEDICATED  # a reply correcting an earlier claim outranks the claim
    if statement.block.kind is BlockKind.HEADING:
        return Place.SUMMARY  # a headline sums up the text under it
    heading = statement.block.heading
    own = classify_heading(heading) if heading else Section.OVERVIEW
    if _FIELD_LINE.match(heading):
        own = Section.OTHER  # a "Field: value" line taken for a heading titles no section
    if own in _DEDICATED:
        return Place.DEDICATED
    if Section.KEY_FACTS in (own, statement.section):
        return Place.SUMMARY
    if _is_field(statement):
        return Place.SUMMARY  # an unpunctuated "Maximum dose: 400 mg/day" line: an infobox
    if statement.section in _DEDICATED:  # a subsection or labelled part of a topic's section
        return Place.DEDICATED
    if statement.block.kind is BlockKind.TABLE_ROW or _FIELD_LINE.match(statement.text):
        return Place.SUMMARY
    if opens_with_summary_label(statement.block.text):  # every sentence of "IN SHORT: ..."
        return Place.SUMMARY
    if statement.section is Section.FAQ:
        return Place.FAQ_ANSWER
    return Place.INTRODUCTION


def group_by_block(statements: list[Statement]) -> list[list[Statement]]:
    """Consecutive statements of the same block, grouped, in document order."""
    groups: list[list[Statement]] = []
    for statement in statements:
        if groups and groups[-1][0].block is statement.block:
            groups[-1].append(statement)
        else:
            groups.append([statement])
    return groups


def span_evidence(statements: list[Statement], source_id: str) -> Evidence:
    """Evidence covering the given statements of one block, from the first to the last."""
    first, last = statements[0], statements[-1]
    return Evidence(source=source_id, start=first.start, end=last.end, section=first.section)


TopicOf = Callable[[Statement], "str | None"]


def no_topic(statement: Statement) -> str | None:
    """A TopicOf that knows no topics."""
    return None
