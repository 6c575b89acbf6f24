"""The compare-sources matrix: each fact against each source (states, silent or disagrees)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from medinfo.interfaces.web.citations import SourceView
from medinfo.interfaces.web.drugpage import DrugPage


class Stance(StrEnum):
    """What one source says about one fact."""

    STATES = "states"
    SILENT = "silent"
    DISAGREES = "disagrees"

    @property
    def words(self) -> str:
        """How a cell reads: "not mentioned" says what "silent" means."""
        return "not mentioned" if self is Stance.SILENT else self.value


@dataclass(frozen=True)
class MatrixRow:
    section: str
    fact: str
    cells: tuple[Stance, ...]
    conflict: bool = False


@dataclass(frozen=True)
class Matrix:
    sources: tuple[SourceView, ...]
    rows: tuple[MatrixRow, ...]

    def counts(self) -> dict[str, dict[Stance, int]]:
        """Per source id: how many facts it states, is silent on, or disagrees with."""
        totals = {source.id: dict.fromkeys(Stance, 0) for source in self.sources}
        for row in self.rows:
            for source, stance in zip(self.sources, row.cells, strict=True):
                totals[source.id][stance] += 1
        return totals


def build_matrix(page: DrugPage) -> Matrix:
    """Rows for every sourced fact on the page, then one row per claim of each conflict."""
    numbers = {source.number: source for source in page.sources}
    order = [source.id for source in page.sources]
    rows: list[MatrixRow] = []
    seen: set[tuple[str, str]] = set()
    for section in page.sections:
        for group in section.groups:
            for fact in group.facts:
                key = (section.title, fact.text)
                if not fact.source_ids or key in seen:
                    continue
                seen.add(key)
                stated = set(fact.source_ids)
                cells = tuple(Stance.STATES if s in stated else Stance.SILENT for s in order)
                rows.append(MatrixRow(section.title, fact.text, cells))
    for conflict in page.conflicts:
        for claim in conflict.claims:
            stated = {numbers[marker.number].id for marker in claim.markers}
            others = {
                numbers[marker.number].id
                for other in conflict.claims
                if other is not claim
                for marker in other.markers
            } - stated
            cells = tuple(
                Stance.STATES if s in stated else Stance.DISAGREES if s in others else Stance.SILENT
                for s in order
            )
            rows.append(MatrixRow(f"Disagreement: {conflict.topic}", claim.value, cells, True))
    return Matrix(page.sources, tuple(rows))
