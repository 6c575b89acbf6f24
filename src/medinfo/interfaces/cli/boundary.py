"""What every command shares: the --db option and the one-line error boundary."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer

from medinfo.domain.errors import MedinfoError

P = ParamSpec("P")
R = TypeVar("R")

# Exit status for bad input and for a database that cannot be used.
EXIT_BAD_INPUT = 2

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="MEDINFO_DATABASE_URL",
        help="Database URL (sqlite:///path or postgresql+psycopg://...); "
        "default: medinfo.db in the user's data directory.",
        show_default=False,
    ),
]


def reporting_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Report a MedinfoError as one line on stderr and exit with status 2, no traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MedinfoError as error:
            message = " ".join(str(error).split())
            typer.echo(f"error: {message}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None

    return run
