"""A CDS Hooks client's signing key, its JWKS file and tokens signed the way clients sign them."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec

ISSUER = "https://ehr.example.org"
KID = "test-key-1"


class ClientKey:
    """An EC P-384 key (ES384, as CDS Hooks requires) and its public JWKS."""

    def __init__(self) -> None:
        self.private = ec.generate_private_key(ec.SECP384R1())

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(self.private.public_key()))
        return {"keys": [{**public, "kid": KID, "alg": "ES384", "use": "sig"}]}

    def write_jwks(self, folder: Path) -> Path:
        path = folder / "jwks.json"
        path.write_text(json.dumps(self.jwks()), "utf-8")
        return path

    def token(self, audience: str, issuer: str = ISSUER, **claims: Any) -> str:
        now = int(time.time())
        body = {
            "iss": issuer,
            "aud": audience,
            "iat": now,
            "exp": now + 300,
            "jti": str(uuid.uuid4()),
            **claims,
        }
        return jwt.encode(body, self.private, algorithm="ES384", headers={"kid": KID})
