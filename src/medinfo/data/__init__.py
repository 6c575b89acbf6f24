"""Generated data shipped in the package: the embedded knowledge base and catalog."""

from __future__ import annotations

import hashlib
from pathlib import Path

KNOWLEDGE_BASE = Path(__file__).with_name("knowledge_base.json")
# The database setting that names the knowledge base a database holds: the digest of its
# file, or "" for a database created empty (which never takes one).
KNOWLEDGE_BASE_SETTING = "knowledge_base"


def knowledge_base_digest(path: Path = KNOWLEDGE_BASE) -> str:
    """The SHA-256 of a knowledge base file: what a database records of the one it holds.

    A file that cannot be read has the empty digest of no bytes, which no database holds."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return hashlib.sha256(b"").hexdigest()
