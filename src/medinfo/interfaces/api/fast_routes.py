"""The two hottest routes as plain Starlette endpoints in front of their FastAPI twins.

FastAPI solves parameters and dependencies on every request; for a drug's JSON and page,
which are served from a cache, that work costs more than the response itself. These
endpoints check the one parameter the same way and call the same handlers; the FastAPI
routes stay registered, so OpenAPI documents them unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi.exceptions import RequestValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

MAX_NAME = 200

Handler = Callable[[Request, str], Awaitable[Response]]


def fast_route(path: str, handler: Handler) -> Route:
    """A GET route at `path` (with a `{name}` parameter) calling `handler(request, name)`."""

    async def endpoint(request: Request) -> Response:
        name = str(request.path_params["name"])
        if len(name) > MAX_NAME:
            raise RequestValidationError(
                [
                    {
                        "type": "string_too_long",
                        "loc": ("path", "name"),
                        "msg": f"String should have at most {MAX_NAME} characters",
                        "input": name,
                        "ctx": {"max_length": MAX_NAME},
                    }
                ]
            )
        return await handler(request, name)

    return Route(path, endpoint, methods=["GET"], include_in_schema=False)
