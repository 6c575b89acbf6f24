"""Fixtures for extraction tests: documents built from short texts and from test articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from medinfo.domain.documents import Document
from medinfo.domain.facts import ExtractedFact
from medinfo.extract.statements import Statement, document_statements
from medinfo.sources.reader import read_document

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture
def statements_of() -> Callable[[str], list[Statement]]:
    """Statements of a short text read by the test reader."""

    def read(text: str) -> list[Statement]:
        return document_statements(read_text(text))

    return read


def read_text(text: str, name: str = "test.txt") -> Document:
    """A document read from text by the real readers."""
    return read_document(text.encode("utf-8"), name)


def article(name: str) -> Document:
    """One of the test articles in articles/ (our own words, about drugs other than baclofen)."""
    path = ARTICLES / name
    return read_document(path.read_bytes(), name)


def only(facts: list[ExtractedFact], kind: str) -> list[ExtractedFact]:
    """The facts of one kind."""
    return [fact for fact in facts if fact.kind.value == kind]
