"""`medinfo check`: a safety-check request (JSON file or stdin) against the drug's monograph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors

if TYPE_CHECKING:
    from medinfo.domain.alerts import CheckResponse
    from medinfo.domain.monograph import SourceRef

STDIN = "-"


@reporting_errors
def check(
    file: Annotated[
        str, typer.Argument(help="Request JSON file (see docs/cli.md); - or nothing reads stdin.")
    ] = STDIN,
    as_json: Annotated[bool, typer.Option("--json", help="Print the CheckResponse JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Check a regimen: dose limits, interactions, conditions, a missed dose or stopping."""
    from medinfo.bootstrap import bootstrap
    from medinfo.services.checks import read_check_request

    origin, data = _read(file)
    request = read_check_request(data, origin)
    app = bootstrap(db)
    try:
        response = app.check(request)
        ids = [source for alert in response.alerts for source in alert.sources]
        sources = app.cited_sources(response.drug, ids)
    finally:
        app.close()
    if as_json:
        typer.echo(response.model_dump_json())
        return
    for line in describe_response(response, sources):
        typer.echo(line)


def describe_response(response: CheckResponse, sources: dict[str, SourceRef]) -> list[str]:
    """The check as text lines: the daily dose, each alert with its sources, the taper plan."""
    from medinfo.domain.monograph import DISCLAIMER

    lines = [f"{response.drug}: {response.daily_dose_mg:g} mg a day"]
    if not response.alerts and response.not_checked:
        lines.append("No alerts among what could be checked; see what was not checked below.")
    elif not response.alerts:
        lines.append("No alerts: the sources raise no concern about this regimen.")
    for alert in response.alerts:
        lines.append(f"\n{alert.severity.value.upper()}  {alert.code}")
        lines.append(f"  {alert.message}")
        titles = [f"{sources[i].title} [{i}]" if i in sources else i for i in alert.sources]
        if titles:
            lines.append(f"  sources: {'; '.join(titles)}")
    if response.not_checked:
        lines.append("\nNot checked:")
        lines.extend(f"  {item.what}: {item.reason}" for item in response.not_checked)
    if response.taper_plan:
        lines.append("\nTaper plan:")
        for step in response.taper_plan:
            dose = f"{step.daily_mg:g} mg a day" if step.daily_mg is not None else "dose not set"
            days = f" for {step.duration_days} days" if step.duration_days is not None else ""
            note = f": {step.note}" if step.note else ""
            lines.append(f"  {step.step}. {dose}{days}{note}")
    lines.append(f"\n{DISCLAIMER}")
    return lines


def _read(file: str) -> tuple[str, bytes]:
    from medinfo.domain.errors import InputError

    if file == STDIN:
        return "stdin", sys.stdin.buffer.read()
    path = Path(file)
    try:
        return file, path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a folder, not a request file") from None
    except OSError as error:
        raise InputError(f"{file}: {error.strerror}") from None
