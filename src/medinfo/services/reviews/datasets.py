"""Published review data sets (knowledge/reviews/datasets.json) and reading their rows."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from medinfo.domain.errors import InputError
from medinfo.knowledge.loading import load
from medinfo.knowledge.service_rules import ReviewDatasets

_DELIMITERS = {"tab": "\t", "comma": ","}
_FIELDS = {
    "druglib": ("id", "drug", "rating", "condition", "benefits", "side_effects", "comments"),
    "drugscom": ("id", "drug", "rating", "condition", "review", "date"),
}
_MAX_BYTES = 200 * 1024 * 1024
_MARKUP = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Dataset:
    """A data set format: its attribution, delimiter and the header of each needed column."""

    name: str
    attribution: str
    delimiter: str
    columns: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class DatasetRow:
    """One review of a data set, cleaned: text in medinfo's labelled layout."""

    row_id: str
    drug_name: str
    rating: int
    condition: str
    text: str
    side_effect_text: str
    created_at: datetime | None


@cache
def datasets() -> dict[str, Dataset]:
    """The data set formats of knowledge/reviews/datasets.json, loaded and validated once."""
    formats = load(ReviewDatasets).datasets
    result = {}
    for name in _FIELDS:
        entry = getattr(formats, name)
        headers = {key: tuple(value.split("|")) for key, value in entry.columns}
        result[name] = Dataset(name, entry.attribution, _DELIMITERS[entry.delimiter], headers)
    return result


def read_dataset(dataset: Dataset, path: Path) -> list[DatasetRow]:
    """Every row of the file; InputError names the file (and line) of the first problem."""
    text = _read_text(path)
    csv.field_size_limit(_MAX_BYTES)
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=dataset.delimiter)
    try:
        header = reader.fieldnames or []
        columns = _find_columns(dataset, header, path)
        rows = []
        for record in reader:
            values = {key: record.get(column) for key, column in columns.items()}
            rows.append(_clean_row(dataset, values, f"{path}: line {reader.line_num}"))
    except csv.Error as error:
        raise InputError(f"{path}: line {reader.line_num}: {error}") from error
    return rows


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > _MAX_BYTES:
        raise InputError(f"{path}: larger than {_MAX_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if b"\0" in data:
        raise InputError(f"{path}: binary file, not a text table")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid UTF-8 (byte {error.start})") from error


def _find_columns(dataset: Dataset, header: Sequence[str], path: Path) -> dict[str, str]:
    present = {name.strip(): name for name in header if name is not None}
    columns = {}
    for key, alternatives in dataset.columns.items():
        found = next((present[name] for name in alternatives if name in present), None)
        if found is None:
            wanted = " or ".join(repr(name) for name in alternatives)
            raise InputError(f"{path}: not a {dataset.name} file (no column {wanted})")
        columns[key] = found
    return columns


def _clean_row(dataset: Dataset, values: dict[str, str | None], where: str) -> DatasetRow:
    if any(value is None for value in values.values()):
        missing = next(key for key, value in values.items() if value is None)
        raise InputError(f"{where}: the row has no {missing} value (too few columns)")
    fields = {key: _clean_text(value or "") for key, value in values.items()}
    rating = fields["rating"]
    if not rating.isdigit() or not 1 <= int(rating) <= 10:
        raise InputError(f"{where}: rating {rating!r} is not a whole number from 1 to 10")
    if not fields["id"]:
        raise InputError(f"{where}: the row has no id")
    if not fields["drug"]:
        raise InputError(f"{where}: the row has no drug name")
    condition = "" if "</span>" in (values["condition"] or "") else fields["condition"]
    if dataset.name == "druglib":
        parts = [
            ("Benefits", "benefits"),
            ("Side effects", "side_effects"),
            ("Comments", "comments"),
        ]
        text = "\n\n".join(f"{label}: {fields[key]}" for label, key in parts if fields[key])
        return DatasetRow(
            fields["id"],
            fields["drug"],
            int(rating),
            condition[:200],
            text,
            fields["side_effects"],
            None,
        )
    return DatasetRow(
        fields["id"],
        fields["drug"],
        int(rating),
        condition[:200],
        fields["review"],
        fields["review"],
        _date(fields["date"], where),
    )


def _clean_text(value: str) -> str:
    """Entities decoded, markup and the data set's surrounding quotes removed, spaces folded."""
    text = html.unescape(value).strip()
    while len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    text = _MARKUP.sub(" ", text)
    paragraphs = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in paragraphs if line)


def _date(value: str, where: str) -> datetime | None:
    if not value:
        return None
    for layout in ("%d-%b-%y", "%B %d, %Y", "%Y-%m-%d", "%d-%b-%Y"):
        try:
            return datetime.strptime(value, layout).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise InputError(f"{where}: date {value!r} is not a date")
