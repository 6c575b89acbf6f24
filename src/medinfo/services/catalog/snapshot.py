"""The shipped catalog file: where it lives and how its JSON is read and checked."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from medinfo.domain.errors import InputError

CATALOG_FILE = "catalog.json.gz"
FORMAT_VERSION = 2
FIELD_SEPARATOR = "\t"
ROW_SEPARATOR = "\n"
PRODUCT_FIELDS = (
    "brand",
    "form",
    "route",
    "strength",
    "application",
    "marketing_status",
    "ingredient",
)


def packaged_catalog_path() -> Path:
    """Path of the catalog shipped in the package (src/medinfo/data/catalog.json.gz)."""
    return Path(__file__).resolve().parents[2] / "data" / CATALOG_FILE


def read_catalog_document(path: Path) -> dict[str, Any]:
    """The decoded catalog document; a missing, corrupt or unknown-format file raises InputError."""
    import orjson

    try:
        raw = gzip.decompress(path.read_bytes())
        document = orjson.loads(raw)
    except FileNotFoundError:
        raise InputError(f"{path}: catalog not found; run python -m {__package__}.build") from None
    except (OSError, EOFError, orjson.JSONDecodeError) as error:
        raise InputError(f"{path}: not a gzip-compressed JSON catalog ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_VERSION:
        raise InputError(f"{path}: unsupported catalog format (expected {FORMAT_VERSION})")
    if not isinstance(document.get("drugs"), list):
        raise InputError(f"{path}: field 'drugs' must be a list")
    return document


def encode_products(rows: Iterable[tuple[str, ...]]) -> str:
    """Product rows as one tab-separated text (fields in PRODUCT_FIELDS order), parsed on demand."""
    lines = []
    for row in rows:
        if any(FIELD_SEPARATOR in value or ROW_SEPARATOR in value for value in row):
            raise InputError(f"Products.txt: a field holds a tab or line break: {row!r}")
        lines.append(FIELD_SEPARATOR.join(row))
    return ROW_SEPARATOR.join(lines)


def decode_products(text: str) -> list[list[str]]:
    """The rows of encode_products, each a list of fields."""
    return [line.split(FIELD_SEPARATOR) for line in text.split(ROW_SEPARATOR)] if text else []
