"""Fixtures for reader tests: our own small documents, and the shared seed corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo import config
from medinfo.domain.documents import BlockKind, Document
from medinfo.sources import quote

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The shared inputs folder: MEDINFO_SHARED_DIR, else <repo>/../shared."""
    configured = config.SHARED_DIR.value()
    return Path(configured) if configured else REPO.parent / "shared"


def _shared_folder(*parts: str) -> Path:
    folder = shared_dir().joinpath(*parts)
    if not folder.is_dir():
        pytest.skip(f"shared folder {'/'.join(parts)} is absent")
    return folder


@pytest.fixture
def corpus() -> Path:
    return _shared_folder("corpus", "baclofen")


@pytest.fixture
def openfda_dir() -> Path:
    return _shared_folder("data", "openfda")


def assert_offsets_slice(document: Document) -> None:
    """Every block's text is the clean text of its span in the original."""
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(document.original)
        assert quote(document.original, document.format, block.start, block.end) == block.text


def texts(document: Document, *, boilerplate: bool | None = None) -> list[str]:
    """Block texts, optionally only boilerplate (True) or only content (False)."""
    return [
        block.text
        for block in document.blocks
        if boilerplate is None or block.boilerplate == boilerplate
    ]


def of_kind(document: Document, kind: BlockKind) -> list[str]:
    """The texts of the blocks of one kind."""
    return [block.text for block in document.blocks if block.kind is kind]


def assert_label_names(document: Document, brand: str, generic: str, title: str) -> None:
    """A label's metadata names its brand and generic drug and its title."""
    assert document.metadata["kind"] == "label"
    assert document.metadata["brand_name"] == brand
    assert document.metadata["generic_name"] == generic
    assert document.title == title
