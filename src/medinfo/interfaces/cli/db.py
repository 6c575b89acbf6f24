"""`medinfo db`: create a database (with or without the embedded knowledge base), or read its
sources again after an upgrade."""

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


@db_app.command("refresh")
@reporting_errors
def refresh(db: DbOption = None) -> None:
    """Read every stored document again with this release's extraction (after an upgrade).

    Also takes this release's knowledge base and reconciles every drug, in one transaction.
    Documents whose text this release cannot read keep their facts; they are listed and the
    exit status is 1."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        report = app.refresh()
    finally:
        app.close()
    for kept in report.kept:
        typer.echo(f"kept as it was: {kept}", err=True)
    typer.echo(
        f"read {report.read_again} sources again; {len(report.drugs)} drugs reconciled again"
        + (f"; {len(report.kept)} kept as they were" if report.kept else "")
    )
    if report.kept:
        raise typer.Exit(1)
