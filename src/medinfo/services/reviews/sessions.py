"""Moderators' sign-in sessions: random ids kept server-side, with an expiry and a logout."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable

SESSION_SECONDS = 8 * 60 * 60
MAX_SESSIONS = 1000


class AdminSessions:
    """Signed-in moderators of one process: each id is random, valid `lifetime` seconds at most,
    and gone at logout, at restart, or when the admin token changes."""

    def __init__(
        self, lifetime: float = SESSION_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.lifetime = lifetime
        self._clock = clock
        self._expiry: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def start(self, token: str) -> str:
        """A new session id for a moderator who just gave the admin `token`."""
        session = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._forget_expired(now)
            if len(self._expiry) >= MAX_SESSIONS:  # the oldest go first
                oldest = min(self._expiry, key=lambda key: self._expiry[key][0])
                del self._expiry[oldest]
            self._expiry[session] = (now + self.lifetime, _fingerprint(token))
        return session

    def valid(self, session: str, token: str) -> bool:
        """Whether `session` is live and was started with the admin token now configured."""
        with self._lock:
            found = self._expiry.get(session)
            if found is None:
                return False
            expires, fingerprint = found
            if expires <= self._clock() or not secrets.compare_digest(
                fingerprint, _fingerprint(token)
            ):
                del self._expiry[session]
                return False
            return True

    def end(self, session: str) -> None:
        """Log out: `session` is no longer valid."""
        with self._lock:
            self._expiry.pop(session, None)

    def _forget_expired(self, now: float) -> None:
        for session in [key for key, (expires, _) in self._expiry.items() if expires <= now]:
            del self._expiry[session]


def _fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
