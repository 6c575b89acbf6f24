"""Table rows read with their column headings: the header row names what each cell holds."""

from __future__ import annotations

import re
from dataclasses import replace

from medinfo.domain.documents import BlockKind
from medinfo.extract.statements import Statement

_DIGIT = re.compile(r"\d")


_BARE_DOSE = re.compile(r"^\W*(?:dose|doses|dosage|dosing)\W*$", re.IGNORECASE)


def _heading_words(heading: str) -> str:
    """A column heading as read before its cell: a bare "Dose" column holds the usual dose."""
    return "Usual dose" if _BARE_DOSE.match(heading) else heading


def with_column_headings(statements: list[Statement]) -> list[Statement]:
    """Table rows read with their column headings ("Kidney function (CrCl): 30 to 50 mL/min |
    Most per day: 1,500 mg"): a table's first row without numbers names its columns, and a
    row of as many cells below it is read cell by cell after each heading. Other statements
    are given back as they are."""
    read: list[Statement] = []
    headings: tuple[str, ...] = ()
    previous: Statement | None = None
    for statement in statements:
        block = statement.block
        row = block.kind is BlockKind.TABLE_ROW and len(block.cells) >= 2
        first = row and (previous is None or previous.block.kind is not BlockKind.TABLE_ROW)
        if first:
            headings = () if _DIGIT.search(" ".join(block.cells)) else block.cells
        elif row and headings and len(block.cells) == len(headings):
            text = " | ".join(
                f"{_heading_words(h)}: {c}" for h, c in zip(headings, block.cells, strict=True)
            )
            statement = replace(statement, text=text)
        if not row:
            headings = ()
        read.append(statement)
        previous = statement
    return read
