"""FAQ: question-and-answer pairs, their topic and whether the answer opens with Yes or No."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.documents import Block, BlockKind, Document
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.sections import Section, classify_heading, section_of
from medinfo.extract.statements import block_text, is_label, locate, split_sentences
from medinfo.knowledge.extract_rules import FaqRules
from medinfo.knowledge.loading import any_of, each_of, load

_LABEL_CHARS = " *_:#\t"


@dataclass(frozen=True)
class FaqPair:
    """Where a question and its answer stand in the original text, with topic and polarity."""

    question_start: int
    question_end: int
    answer_start: int
    answer_end: int
    topic: str
    polarity: str

    def answers(self, start: int, end: int) -> bool:
        """Whether the span start:end lies inside this pair's answer."""
        return self.answer_start <= start and end <= self.answer_end


@dataclass(frozen=True)
class _Rules:
    topics: dict[str, re.Pattern[str]]
    yes: re.Pattern[str]
    no: re.Pattern[str]


@cache
def _rules() -> _Rules:
    raw = load(FaqRules)
    return _Rules(
        each_of(raw.topics),
        any_of(raw.yes),
        any_of(raw.no),
    )


def topic_of(question: str) -> str:
    """The topic of a question: the first topic rule that matches, else "other"."""
    for topic, pattern in _rules().topics.items():
        if pattern.search(question):
            return topic
    return "other"


def polarity_of(answer: str) -> str:
    """ "yes" or "no" when the answer opens with it (after an "A." marker), else "unknown"."""
    answer = _LEADING_MARKER.sub("", answer, count=1)
    if _rules().yes.search(answer):
        return "yes"
    if _rules().no.search(answer):
        return "no"
    return "unknown"


# a question's or answer's marker ("Q.", "A:", "Question:") read as a sentence of its own
_MARKER = re.compile(r"^\s*(?:q|a|question|answer)\s*[.:)]\s*$", re.IGNORECASE)
_QUESTION_MARKER = re.compile(r"^\s*(?:q|question)\s*[.:)]\s+", re.IGNORECASE)
_LEADING_MARKER = re.compile(r"^\s*(?:q|a|question|answer)\s*[.:)]\s+", re.IGNORECASE)


def _first_sentence(block: Block) -> tuple[str, str]:
    """A block's first sentence and the rest of its text; a leading "Q." marker belongs to
    the sentence after it ("Q. How long before it works?")."""
    text = block_text(block)
    spans = split_sentences(text)
    if not spans:
        return "", ""
    if _QUESTION_MARKER.match(text) and text.rstrip(_LABEL_CHARS).endswith("?"):
        return text, ""  # "Q. I forgot my dose on Monday. What do I do?": one question
    end = spans[0][1]
    if _MARKER.match(text[spans[0][0] : end]) and len(spans) > 1:
        end = spans[1][1]
    return text[spans[0][0] : end], text[end:].strip()


def _asks(block: Block) -> bool:
    first, _ = _first_sentence(block)
    return block.kind is BlockKind.QUESTION or first.rstrip(_LABEL_CHARS).endswith("?")


def _opens_faq(block: Block) -> bool | None:
    """True/False when a block is a heading or a short label ("FAQs:", "Common questions")
    that opens/closes an FAQ part; None for any other block."""
    if block.kind is BlockKind.HEADING or is_label(block):
        return classify_heading(block_text(block).strip(_LABEL_CHARS)) is Section.FAQ
    return None


def find_faq_pairs(document: Document) -> list[FaqPair]:
    """The question-and-answer pairs of the document's FAQ parts, in document order."""
    blocks = document.content_blocks()
    pairs: list[FaqPair] = []
    in_faq = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        asks = _asks(block)
        opens = None if asks else _opens_faq(block)
        if opens is not None:
            in_faq = opens
            continue
        if not asks or not (in_faq or section_of(block) is Section.FAQ):
            continue
        question, rest = _first_sentence(block)
        where = locate(document.original, question, block.start, block.end)
        q_start, q_end = where if where else (block.start, block.end)
        if rest:
            found = locate(document.original, rest, q_end, block.end)
            a_start, a_end = found if found else (q_end, block.end)
            answer = rest
        else:
            answer_blocks = []
            while index < len(blocks) and not _asks(blocks[index]):
                if blocks[index].kind is BlockKind.HEADING:
                    break
                answer_blocks.append(blocks[index])
                index += 1
            if not answer_blocks:
                continue
            a_start, a_end = answer_blocks[0].start, answer_blocks[-1].end
            answer = block_text(answer_blocks[0])
        pairs.append(
            FaqPair(q_start, q_end, a_start, a_end, topic_of(question), polarity_of(answer))
        )
    return pairs


def question_led_topics(document: Document) -> dict[int, str]:
    """For blocks that follow a stand-alone question (anywhere, FAQ part or not), the question's
    topic, keyed by block start: "How soon does it work?" makes its answer an onset statement."""
    topics: dict[int, str] = {}
    current: str | None = None
    for block in document.content_blocks():
        first, rest = _first_sentence(block)
        if _asks(block) and not rest:
            current = topic_of(first)
        elif block.kind is BlockKind.HEADING or is_label(block):
            current = None
        elif current is not None:
            topics[block.start] = current
    return topics


def extract_faq(document: Document, source_id: str) -> list[ExtractedFact]:
    """FAQ facts: key = topic; attributes = question/answer offsets and answer polarity."""
    return [
        ExtractedFact(
            kind=FactKind.FAQ,
            key=pair.topic,
            attributes={
                "question_start": pair.question_start,
                "question_end": pair.question_end,
                "answer_start": pair.answer_start,
                "answer_end": pair.answer_end,
                "answer_polarity": pair.polarity,
            },
            evidence=Evidence(
                source=source_id, start=pair.question_start, end=pair.answer_end, section="faq"
            ),
        )
        for pair in find_faq_pairs(document)
    ]
