"""Bearer tokens: verified against a trusted issuer's JWKS, audience, expiry and required claims."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from medinfo.domain.errors import InputError
from medinfo.services.cds.bearer_tokens import TokenError, TokenVerifier, read_trusted_issuers
from tests.jwt_keys import ISSUER, ClientKey

AUDIENCE = "https://medinfo.example/cds-services/medinfo-order-sign"


@pytest.fixture
def key() -> ClientKey:
    return ClientKey()


@pytest.fixture
def verifier(key: ClientKey, tmp_path: Path) -> TokenVerifier:
    return TokenVerifier({ISSUER: str(key.write_jwks(tmp_path))})


def test_verify_accepts_a_token_signed_by_a_trusted_issuer(
    key: ClientKey, verifier: TokenVerifier
) -> None:
    claims = verifier.verify(f"Bearer {key.token(AUDIENCE)}", AUDIENCE)
    assert claims["iss"] == ISSUER


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda k: None, "bearer token is required"),
        (lambda k: "Basic abc", "bearer token is required"),
        (lambda k: "Bearer not.a.jwt", "malformed"),
        (lambda k: f"Bearer {k.token(AUDIENCE, issuer='https://evil.example')}", "not trusted"),
        (lambda k: f"Bearer {k.token('https://other.example/x')}", "Audience"),
        (lambda k: f"Bearer {k.token(AUDIENCE, exp=int(time.time()) - 60)}", "expired"),
        (lambda k: f"Bearer {ClientKey().token(AUDIENCE)}", "Signature"),
    ],
)
def test_verify_rejects_bad_tokens_saying_why(
    key: ClientKey, verifier: TokenVerifier, make: object, reason: str
) -> None:
    with pytest.raises(TokenError, match=reason):
        verifier.verify(make(key), AUDIENCE)  # type: ignore[operator]


def test_read_trusted_issuers_is_strict() -> None:
    assert read_trusted_issuers("") == {}
    assert read_trusted_issuers('{"https://a": "/jwks.json"}') == {"https://a": "/jwks.json"}
    with pytest.raises(InputError, match="MEDINFO_CDS_TRUSTED_ISSUERS"):
        read_trusted_issuers("[1]")
    with pytest.raises(InputError, match="not JSON"):
        read_trusted_issuers("{")
