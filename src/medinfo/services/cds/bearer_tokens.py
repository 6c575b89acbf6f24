"""CDS Hooks client authentication: bearer JWTs verified against trusted issuers' JWKS.

CDS Hooks 2.0 clients sign a JWT (ES384 or RS384) whose `iss` names the client, `aud` is the
service's URL, with `exp`, `iat` and `jti`; the key is found by `kid` in the issuer's JWKS.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medinfo.domain.errors import InputError, MedinfoError

if TYPE_CHECKING:
    from jwt import PyJWK

ALGORITHMS = ["ES384", "RS384"]
_REQUIRED_CLAIMS = ["iss", "aud", "exp", "iat", "jti"]


class TokenError(MedinfoError):
    """A request whose bearer token is missing or does not verify; the message says why."""


def read_trusted_issuers(setting: str) -> dict[str, str]:
    """The issuers setting (a JSON object: issuer -> JWKS URL or file); InputError if malformed."""
    if not setting.strip():
        return {}
    try:
        issuers = json.loads(setting)
    except json.JSONDecodeError as error:
        raise InputError(f"MEDINFO_CDS_TRUSTED_ISSUERS: not JSON ({error.msg})") from None
    if not isinstance(issuers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in issuers.items()
    ):
        raise InputError("MEDINFO_CDS_TRUSTED_ISSUERS: expected an object of issuer -> JWKS")
    return issuers


class TokenVerifier:
    """Verifies CDS Hooks bearer tokens; JWKS are fetched (URLs) or read (files) once, cached."""

    def __init__(self, issuers: Mapping[str, str]) -> None:
        self.issuers = dict(issuers)
        self._clients: dict[str, Any] = {}
        self._lock = threading.Lock()

    def verify(self, authorization: str | None, audience: str) -> dict[str, Any]:
        """The token's claims; TokenError naming what is wrong."""
        import jwt

        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenError("Authorization: a bearer token is required")
        try:
            header = jwt.get_unverified_header(token)
            issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
        except jwt.PyJWTError as error:
            raise TokenError(f"bearer token: malformed ({error})") from None
        if not isinstance(issuer, str) or issuer not in self.issuers:
            raise TokenError(f"bearer token: issuer {str(issuer)[:80]!r} is not trusted")
        try:
            key = self._key(issuer, str(header.get("kid", "")))
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=ALGORITHMS,
                audience=audience,
                issuer=issuer,
                options={"require": _REQUIRED_CLAIMS},
            )
        except (jwt.PyJWTError, KeyError, OSError) as error:
            raise TokenError(f"bearer token: {error or type(error).__name__}") from None
        return claims

    def _key(self, issuer: str, kid: str) -> PyJWK:
        from jwt import PyJWKClient, PyJWKSet

        source = self.issuers[issuer]
        with self._lock:
            client = self._clients.get(source)
            if client is None:
                if source.startswith(("https://", "http://")):
                    client = PyJWKClient(source, cache_keys=True, timeout=5)
                else:
                    client = PyJWKSet.from_json(Path(source).read_text("utf-8"))
                self._clients[source] = client
        if isinstance(client, PyJWKSet):
            for key in client.keys:
                if key.key_id == kid:
                    return key
            raise KeyError(f"no key {kid!r} in the issuer's JWKS")
        found: PyJWK = client.get_signing_key(kid)
        return found
