"""A fast read of a cached monograph straight from an existing SQLite file.

`medinfo show` runs in a fresh process each time; importing SQLAlchemy costs more
than the whole query. This path uses the standard library's sqlite3, read-only,
and answers only when the database exists at the current schema revision and the
name is a stored monograph name: the first step of the name resolver
(`services.names`), in the same stored form, so both give the same drug, and the
database holds this release's knowledge base (or none). Anything else returns None
and the caller takes the full path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote

from medinfo.data import KNOWLEDGE_BASE_SETTING, knowledge_base_digest
from medinfo.domain.names import MAX_NAME, stored_name
from medinfo.store.migrations import HEAD_REVISION

_QUERY = """
SELECT m.body FROM drug_names AS n JOIN monographs AS m ON m.drug = n.drug
WHERE n.name = ? ORDER BY n.drug LIMIT 1
"""

_HELD = "SELECT value FROM settings WHERE name = ?"


def read_cached_monograph(url: str, name: str) -> str | None:
    """The cached monograph JSON for an exact drug name, or None to use the full path."""
    path = _sqlite_path(url)
    if len(name) > MAX_NAME or path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        held = connection.execute(_HELD, (KNOWLEDGE_BASE_SETTING,)).fetchone()
        if held is None or held[0] not in ("", knowledge_base_digest()):
            return None
        row = connection.execute(_QUERY, (stored_name(name),)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def _sqlite_path(url: str) -> Path | None:
    """The file of a plain `sqlite:///path` URL; None for other URLs or query options."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = unquote(url[len(prefix) :])
    return Path(path).expanduser() if path and path != ":memory:" else None
