"""Reading review data sets: cleaned rows, and malformed files named with their problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.reviews.datasets import datasets, read_dataset

# Rows written for the tests in the layout of each data set (not taken from them).
DRUGLIB = (
    "num\tDrugName\trating\teffectiveness\tsideEffects\tcondition\t"
    "benefitsReview\tsideEffectsReview\tcommentsReview\n"
    "17\tnaprosyn\t8\tConsiderably Effective\tMild Side Effects\tknee pain\t"
    '"Less stiffness in the mornings.\n\nWalking got easier."\tsome heartburn, no dizziness\t'
    "Took it with meals.\n"
)
DRUGSCOM = (
    "ID,drugName,condition,review,rating,date,usefulCount\n"
    '9001,Aleve,Back Pain,"""It&#039;s the only thing that lets me sleep &amp; work.""",9,'
    "4-Mar-15,12\n"
    '9002,Aleve,"3</span> users found this comment helpful.","""Fine.""",5,1-Jan-16,3\n'
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_druglib_labels_the_three_texts(tmp_path: Path) -> None:
    [row] = read_dataset(datasets()["druglib"], write(tmp_path, "d.tsv", DRUGLIB))
    assert (row.row_id, row.drug_name, row.rating, row.condition) == (
        "17",
        "naprosyn",
        8,
        "knee pain",
    )
    assert row.text.startswith("Benefits: Less stiffness in the mornings.\nWalking got easier.")
    assert "Side effects: some heartburn, no dizziness" in row.text
    assert row.side_effect_text == "some heartburn, no dizziness"
    assert row.created_at is None


def test_read_drugscom_unquotes_decodes_and_drops_markup_conditions(tmp_path: Path) -> None:
    first, second = read_dataset(datasets()["drugscom"], write(tmp_path, "d.csv", DRUGSCOM))
    assert first.text == "It's the only thing that lets me sleep & work."
    assert first.condition == "Back Pain"
    assert first.created_at is not None
    assert first.created_at.year == 2015
    assert second.condition == ""


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty file"),
        ("ID,drugName,rating\n1,Aleve,5\n", "no column 'condition'"),
        (DRUGSCOM.replace(",9,", ",eleven,"), "line 2: rating 'eleven'"),
        (DRUGSCOM.replace("4-Mar-15", "someday"), "date 'someday'"),
        (DRUGSCOM + "9003,Aleve\n", "too few columns"),
    ],
)
def test_read_dataset_names_the_file_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(InputError, match=problem) as caught:
        read_dataset(datasets()["drugscom"], path)
    assert str(path) in str(caught.value)


def test_read_dataset_rejects_binary_files(tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"ID,drugName\x00\x01")
    with pytest.raises(InputError, match="binary"):
        read_dataset(datasets()["drugscom"], path)
