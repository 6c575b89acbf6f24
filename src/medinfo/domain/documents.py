"""A read document: blocks of text with character offsets into the original."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from medinfo.domain.sources import SourceFormat


class BlockKind(StrEnum):
    """The structural role of a block in a document."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    QUESTION = "question"


class Block(BaseModel):
    """A unit of text. `original[start:end]` is where it stands in the source.

    `text` is the block's clean text (markup removed); `heading` is the text of the
    nearest heading above it, and `boilerplate` marks navigation, ads and similar
    noise that must never become a fact.
    """

    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0
    heading: str = ""
    boilerplate: bool = False
    cells: tuple[str, ...] = ()


class Document(BaseModel):
    """The output of a reader: the original text and its blocks."""

    model_config = ConfigDict(frozen=True)

    original: str
    format: SourceFormat
    title: str = ""
    metadata: dict[str, str] = Field(default_factory=dict)
    blocks: tuple[Block, ...] = ()

    def content_blocks(self) -> list[Block]:
        """The blocks that are not boilerplate."""
        return [block for block in self.blocks if not block.boilerplate]
