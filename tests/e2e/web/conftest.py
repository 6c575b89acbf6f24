"""The pages share the API tests' client on a database holding tizanidine."""

from __future__ import annotations

from tests.e2e.api.conftest import stocked_client

__all__ = ["stocked_client"]
