"""Keyed hashes of review clients (their addresses), with a secret kept out of the database.

The hash only serves the rate limit, so it is keyed by a secret that lives outside the
database (a file named by MEDINFO_CLIENT_HASH_KEY_FILE, or random per process) and by the UTC
day: a copy of the database alone cannot be used to test guessed addresses, and hashes of
different days cannot be linked even by someone holding the secret.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from medinfo.domain.errors import InputError

ROTATION_SECONDS = 24 * 60 * 60
MIN_SECRET_BYTES = 16


@dataclass(frozen=True)
class ClientHasher:
    """Hashes client keys with `secret`, under a key that changes every `rotation_seconds`."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    rotation_seconds: int = ROTATION_SECONDS

    def hash(self, client_key: str, moment: datetime) -> str:
        """The stored form of `client_key` at `moment` (the key of moment's period)."""
        return self._sign(self._period(moment), client_key)

    def recent_hashes(self, client_key: str, moment: datetime, window_seconds: int) -> set[str]:
        """Every hash `client_key` had in the `window_seconds` before `moment` (one or two)."""
        first = int(moment.timestamp() - window_seconds) // self.rotation_seconds
        last = self._period(moment)
        return {self._sign(period, client_key) for period in range(max(first, last - 1), last + 1)}

    def _period(self, moment: datetime) -> int:
        return int(moment.timestamp()) // self.rotation_seconds

    def _sign(self, period: int, client_key: str) -> str:
        period_key = hmac.digest(self.secret, f"client-hash\0{period}".encode(), "sha256")
        return hmac.digest(period_key, client_key.encode("utf-8"), "sha256").hex()


def hasher_from_file(path: str) -> ClientHasher:
    """A hasher keyed by the secret in the file at `path`; a random secret when `path` is empty.

    InputError naming the file when it cannot be read or holds fewer than 16 bytes.
    """
    if not path:
        return ClientHasher()
    try:
        secret = Path(path).read_bytes().strip()
    except OSError as error:
        raise InputError(f"client hash key file {path}: {error.strerror or error}") from None
    if len(secret) < MIN_SECRET_BYTES:
        raise InputError(
            f"client hash key file {path}: holds {len(secret)} bytes; at least "
            f"{MIN_SECRET_BYTES} random bytes are needed"
        )
    return ClientHasher(secret)
