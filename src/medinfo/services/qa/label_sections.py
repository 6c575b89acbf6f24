"""Label sections: the numbered headings of a long label text, as the sections below them."""

from __future__ import annotations

import re
from functools import cache

from medinfo.services.qa.vocabulary import load_vocabulary

Sections = tuple[str, ...]
# "7 DRUG INTERACTIONS" (a top-level heading is in capitals) or "8.6 Renal Impairment"
_TOP = r"(?<![\d.,])(?P<top>\d{1,2}) (?P<caps>[A-Z][A-Z/,& ]{4,})(?=\s|$)"
_SUB = r"(?<![\d.,])(?P<parent>\d{1,2})\.\d{1,2} (?P<title>[A-Z][A-Za-z]*(?: [A-Za-z/&]+){0,5})"
_HEADING = re.compile(f"{_TOP}|{_SUB}")


@cache
def _headings() -> tuple[tuple[str, Sections], ...]:
    """The known heading phrases, longest first, with the answer sections they stand for."""
    found = load_vocabulary().label_headings
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def _sections_of(title: str) -> Sections | None:
    lowered = " ".join(title.lower().split())
    for phrase, sections in _headings():
        if lowered == phrase or lowered.startswith(phrase + " "):
            return sections
    return None


def heading_marks(text: str) -> list[tuple[int, Sections]]:
    """Where `text` enters a section, and which: a top-level heading in capitals names it
    ("7 DRUG INTERACTIONS"); a subsection ("7.5 Alcohol") takes its own title's sections
    when the title is known, else its parent's (a number under another heading, "3.5 Heart
    rate" in a table, is no heading). Unknown headings end the known section."""
    if not _headings():
        return []
    marks: list[tuple[int, Sections]] = []
    top: str = ""
    parent: Sections = ()
    for found in _HEADING.finditer(text):
        if found.group("top"):
            top, parent = found.group("top"), _sections_of(found.group("caps")) or ()
            marks.append((found.start(), parent))
        elif found.group("parent") == top:  # "8.6" under "8": not a figure in a table
            own = _sections_of(found.group("title"))
            marks.append((found.start(), parent if own is None else own))
    return marks
