"""Text runs: where the text of a markup document stands, grouped into block spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from medinfo.domain.documents import BlockKind
from medinfo.sources.spans import Span

_CELL_CONTENT = frozenset({"tr", "table"})
_ITEM_CONTENT = frozenset({"p", "div", "span", "paragraph"})


def keeps_container(kind: BlockKind, tag: str) -> bool:
    """Whether an element stays part of its parent block: cells in their row, paragraphs
    in their list item."""
    if kind is BlockKind.TABLE_ROW:
        return tag not in _CELL_CONTENT
    return kind is BlockKind.LIST_ITEM and tag in _ITEM_CONTENT


@dataclass(frozen=True)
class Container:
    """The block element that owns a text run: its kind, level and flags."""

    ident: int
    kind: BlockKind
    level: int = 0
    boilerplate: bool = False
    heading: str | None = None


@dataclass
class RunCollector:
    """Collects text runs as a markup parser reports events, and groups them into spans.

    A run opens when text starts and closes at the next markup event, so entities
    and split text stay inside it whatever length their decoded form has.
    """

    runs: list[tuple[int, int, Container, bool]] = field(default_factory=list)
    _open: tuple[int, Container, bool] | None = None

    def text(self, position: int, container: Container, link: bool) -> None:
        """Text starts at `position` (or continues, when a run is open)."""
        if self._open is not None:
            _start, open_container, open_link = self._open
            if open_container is container and open_link == link:
                return
            self.close(position)
        self._open = (position, container, link)

    def close(self, position: int) -> None:
        """A markup event at `position` ends the open run, if any."""
        if self._open is not None:
            start, container, link = self._open
            if position > start:
                self.runs.append((start, position, container, link))
            self._open = None

    def spans(self, original: str) -> list[Span]:
        """Consecutive runs of one container as one span each; blank runs are skipped."""
        spans: list[Span] = []
        current: Container | None = None
        for start, end, container, link in self.runs:
            if not original[start:end].strip():
                continue
            if container is current and spans:
                spans[-1].end = end
                spans[-1].link_only = spans[-1].link_only and link
                continue
            current = container
            span = Span(container.kind, start, end, level=container.level)
            span.boilerplate = container.boilerplate
            span.link_only = link
            span.listed = container.kind is BlockKind.LIST_ITEM
            span.heading = container.heading
            spans.append(span)
        return spans
