"""The `medinfo` command: one subcommand per service."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="medinfo",
    help="Source-attributed medication information.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def version() -> None:
    """Print medinfo's version."""
    from medinfo import __version__

    typer.echo(__version__)
