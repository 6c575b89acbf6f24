"""Settings, kept as data: each has a name, an environment variable, a default and help."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One documented setting read from the environment."""

    name: str
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


def _default_database_url() -> str:
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('medinfo')) / 'medinfo.db'}"


DATABASE_URL = Setting(
    "database_url",
    "MEDINFO_DATABASE_URL",
    "",
    "SQLAlchemy URL of the database; default: medinfo.db in the user's data directory.",
)
ADMIN_TOKEN = Setting(
    "admin_token",
    "MEDINFO_ADMIN_TOKEN",
    "",
    "Token that unlocks review moderation; moderation is disabled while it is empty.",
)
SHARED_DIR = Setting(
    "shared_dir",
    "MEDINFO_SHARED_DIR",
    "",
    "Folder of third-party inputs (corpus/, data/) used by build scripts and tests.",
)

CDS_TRUSTED_ISSUERS = Setting(
    "cds_trusted_issuers",
    "MEDINFO_CDS_TRUSTED_ISSUERS",
    "",
    "JSON object of CDS Hooks client issuers to their JWKS (URL or file); when set, CDS "
    "service calls need a bearer JWT signed by one of them. Empty: tokens are not checked.",
)

MAX_BODY_BYTES = Setting(
    "max_body_bytes",
    "MEDINFO_MAX_BODY_BYTES",
    str(1024 * 1024),
    "Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. "
    "Review submissions have their own, smaller limit (64 KB).",
)
TRUSTED_PROXIES = Setting(
    "trusted_proxies",
    "MEDINFO_TRUSTED_PROXIES",
    "",
    "Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For and "
    "X-Forwarded-Proto are believed; empty: proxy headers are ignored (the peer address counts).",
)
CLIENT_HASH_KEY_FILE = Setting(
    "client_hash_key_file",
    "MEDINFO_CLIENT_HASH_KEY_FILE",
    "",
    "File holding the secret that keys the hashes of review clients (kept out of the "
    "database); empty: a random secret per process. Hashes rotate daily either way.",
)

SETTINGS: tuple[Setting, ...] = (
    DATABASE_URL,
    ADMIN_TOKEN,
    SHARED_DIR,
    CDS_TRUSTED_ISSUERS,
    MAX_BODY_BYTES,
    TRUSTED_PROXIES,
    CLIENT_HASH_KEY_FILE,
)


def database_url(override: str | None = None) -> str:
    """The database URL: an explicit override, then the environment, then the default."""
    return override or DATABASE_URL.value() or _default_database_url()
