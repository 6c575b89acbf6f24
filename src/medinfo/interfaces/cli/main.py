"""The `medinfo` command: one subcommand per service."""

from __future__ import annotations

import typer

from medinfo.interfaces.cli.answers import ask
from medinfo.interfaces.cli.checks import check
from medinfo.interfaces.cli.db import db_app
from medinfo.interfaces.cli.drugs import show, sources
from medinfo.interfaces.cli.ingest import ingest
from medinfo.interfaces.cli.reviews import import_reviews
from medinfo.interfaces.cli.search import search
from medinfo.interfaces.cli.serve import serve

app = typer.Typer(
    name="medinfo",
    help="Source-attributed medication information.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # a docstring's paragraphs are rewrapped, not broken as typed
)


@app.command()
def version() -> None:
    """Print medinfo's version."""
    from medinfo import __version__

    typer.echo(__version__)


app.command()(ingest)
app.command()(show)
app.command()(sources)
app.command()(search)
app.command()(serve)
app.command("import-reviews")(import_reviews)
app.add_typer(db_app, name="db")
app.command()(check)  # safety checks (asks branch)
app.command()(ask)  # question answering (asks branch)
