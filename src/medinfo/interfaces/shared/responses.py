"""JSON responses that never carry raw markup: <, > and & are written as \\u escapes.

The JSON means the same to any parser, but a body that echoes user input or a source title
cannot be read as HTML, even by a client that ignores the content type.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse

_ESCAPES = ((b"&", b"\\u0026"), (b"<", b"\\u003c"), (b">", b"\\u003e"))


def escape_markup(body: bytes) -> bytes:
    """`body` (JSON text) with markup characters as unicode escapes."""
    for raw, escaped in _ESCAPES:
        body = body.replace(raw, escaped)
    return body


class SafeJSONResponse(JSONResponse):
    """A JSON response rendered with orjson and markup characters escaped."""

    def render(self, content: Any) -> bytes:
        return escape_markup(orjson.dumps(content))
