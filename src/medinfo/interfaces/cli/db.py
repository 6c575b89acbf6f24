"""`medinfo db`: create a database, with or without the embedded knowledge base."""

from __future__ import annotations

from typing import Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors

db_app = typer.Typer(help="Manage the database.", no_args_is_help=True)


@db_app.command("create")
@reporting_errors
def create(
    empty: Annotated[
        bool, typer.Option("--empty", help="Create it without the embedded knowledge base.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a new database, loaded with the embedded knowledge base unless --empty."""
    from medinfo.bootstrap import create_database

    app = create_database(db, empty=empty)
    try:
        drugs = app.drugs()
    finally:
        app.close()
    typer.echo(f"created {app.database.url} ({len(drugs)} drugs)")
