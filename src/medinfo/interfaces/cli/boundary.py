"""What every command shares: the --db option and the one-line error boundary."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, ParamSpec, TypeVar

import typer

from medinfo.domain.errors import MedinfoError

P = ParamSpec("P")
R = TypeVar("R")

# Exit status for bad input and for a database that cannot be used.
EXIT_BAD_INPUT = 2
# Exit status for a fault in medinfo itself; MEDINFO_DEBUG=1 shows the traceback.
EXIT_INTERNAL = 1

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
    """Report errors as one line on stderr, never a traceback.

    Bad input (a MedinfoError) exits with status 2; anything else is a fault in
    medinfo and exits with status 1 (set MEDINFO_DEBUG=1 to see the traceback).
    """

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MedinfoError as error:
            typer.echo(f"error: {_one_line(error)}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`medinfo show x | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_INTERNAL) from None
        except Exception as error:
            if os.environ.get("MEDINFO_DEBUG"):
                raise
            name = type(error).__name__
            typer.echo(f"error: internal error ({name}: {_one_line(error)})", err=True)
            raise typer.Exit(EXIT_INTERNAL) from None

    return run


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())
