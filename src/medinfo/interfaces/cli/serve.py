"""`medinfo serve`: the website and JSON API over HTTP."""

from __future__ import annotations

from typing import Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the website and the /api/v1 JSON API."""
    import uvicorn

    from medinfo.interfaces.app import create_app

    uvicorn.run(create_app(db), host=host, port=port)
