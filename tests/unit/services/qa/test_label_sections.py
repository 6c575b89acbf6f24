"""Tests for reading a long label's numbered headings as the sections below them."""

from __future__ import annotations

from medinfo.services.qa.label_sections import heading_marks

_LABEL = (
    "HIGHLIGHTS Take one tablet a day. 1 INDICATIONS AND USAGE Placidol treats gout. "
    "7 DRUG INTERACTIONS Placidol raises digoxin levels. 7.2 Antacids Separate the doses. "
    "Table 3 Heart rate 3.5 Beats 8 67 ± 11.1 "
    "8 USE IN SPECIFIC POPULATIONS 8.1 Pregnancy Not studied. 15 REFERENCES Papers."
)


def test_top_level_headings_in_capitals_name_their_sections() -> None:
    marks = dict(heading_marks(_LABEL))
    assert marks[_LABEL.index("1 INDICATIONS")] == ("indications",)
    assert marks[_LABEL.index("7 DRUG")] == ("interactions",)
    assert marks[_LABEL.index("15 REFERENCES")] == ("not_quoted",)


def test_a_subsection_takes_its_own_title_or_its_parents_sections() -> None:
    marks = dict(heading_marks(_LABEL))
    assert marks[_LABEL.index("7.2 Antacids")] == ("interactions",)
    assert marks[_LABEL.index("8.1 Pregnancy")] == ("pregnancy",)


def test_a_number_under_another_heading_is_no_heading() -> None:
    assert _LABEL.index("3.5 Beats") not in dict(heading_marks(_LABEL))
