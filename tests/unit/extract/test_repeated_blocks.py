"""Tests of reading a repeated block once: same facts as a first reading, moved to the new place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from medinfo.domain.documents import Block, Document
from medinfo.domain.facts import ExtractedFact
from medinfo.extract import lists, repeated_blocks
from medinfo.extract.lists import extract_list_facts
from medinfo.extract.passages import Passage
from tests.unit.extract.helpers import make_document

SECTION = """## Side effects
Common side effects include headache, nausea and dizziness.
Do not drink alcohol while taking it; ketoconazole raises its level."""


def _claims(facts: list[ExtractedFact], original: str) -> list[tuple[object, ...]]:
    """What each fact says and the text its evidence cites (not where it stands)."""
    return [
        (
            fact.kind,
            fact.key,
            sorted(fact.attributes.items()),
            fact.evidence.source,
            original[fact.evidence.start : fact.evidence.end],
        )
        for fact in facts
    ]


def _fresh(text: str, source: str, drug: str) -> list[ExtractedFact]:
    """Facts read with nothing kept from earlier documents."""
    repeated_blocks._kept.clear()
    return extract_list_facts(make_document(text), source, drug)


def test_a_block_met_again_elsewhere_gives_the_facts_of_a_first_reading() -> None:
    first = f"# Drug A\n{SECTION}"
    again = f"# Another label\nIt is a tablet you swallow whole.\n{SECTION}"
    extract_list_facts(make_document(first), "s1", "drug a")
    kept = extract_list_facts(make_document(again), "s2", "drug b")
    assert kept, "the section states side effects and interactions"
    assert kept == _fresh(again, "s2", "drug b")
    assert {fact.evidence.source for fact in kept} == {"s2"}
    assert _claims(kept, again) == _claims(_fresh(again, "s2", "drug b"), again)


def test_a_block_that_names_the_drug_is_read_again_for_another_drug() -> None:
    text = "# Label\n## Interactions\nKetoconazole raises the level of ketoconazole and alcohol."
    extract_list_facts(make_document(text), "s1", "ketoconazole")
    for_other = extract_list_facts(make_document(text), "s2", "midazolam")
    assert for_other == _fresh(text, "s2", "midazolam")
    agents = {fact.key for fact in for_other}
    assert "ketoconazole" in agents  # another drug names it; the first drug did not


def test_a_block_another_worker_read_is_taken_from_the_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = f"# Drug A\n{SECTION}"
    again = f"# Another label\nIt is a tablet you swallow whole.\n{SECTION}"
    expected = _fresh(again, "s2", "drug b")
    repeated_blocks._kept.clear()
    monkeypatch.setattr(repeated_blocks, "_shared", None)
    repeated_blocks.share_blocks(tmp_path)
    extract_list_facts(make_document(first), "s1", "drug a")  # one worker reads the section
    assert list(tmp_path.iterdir())
    repeated_blocks._kept.clear()  # another worker, with nothing kept of its own
    shared = repeated_blocks._shared
    assert shared is not None
    taken = []

    def shared_only(
        document: Document, block: Block, passage: Passage, read: Callable[[], list[ExtractedFact]]
    ) -> list[ExtractedFact]:
        if shared.get(repeated_blocks._key(document, block, passage)) is not None:
            taken.append(block.text)
            read = _unread
        return repeated_blocks.block_facts(document, block, passage, read)

    monkeypatch.setattr(lists, "block_facts", shared_only)
    kept = extract_list_facts(make_document(again), "s2", "drug b")
    assert taken, "the section was read by the first worker"
    assert kept == expected
    assert {fact.evidence.source for fact in kept} == {"s2"}


def _unread() -> list[ExtractedFact]:
    raise AssertionError("a block in the shared folder was read again")
