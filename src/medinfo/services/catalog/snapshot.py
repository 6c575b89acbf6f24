"""The shipped catalog file: where it lives and how its JSON is read and checked."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from medinfo.domain.errors import InputError

CATALOG_FILE = "catalog.json.gz"
SUPPORTED_FORMAT = 1


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
    if not isinstance(document, dict) or document.get("format") != SUPPORTED_FORMAT:
        raise InputError(f"{path}: unsupported catalog format (expected {SUPPORTED_FORMAT})")
    if not isinstance(document.get("drugs"), list):
        raise InputError(f"{path}: field 'drugs' must be a list")
    return document
