"""`medinfo ask`: a patient's question answered from the monographs, with its sources."""

from __future__ import annotations

from typing import Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def ask(
    question: Annotated[str, typer.Argument(help="The question, in your own words.")],
    drug: Annotated[
        str | None,
        typer.Option(help="The medicine, when the question does not name it (brands work)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Answer a question about a medicine with its sources, or say the sources do not cover it."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        answer = app.ask(question, drug)
        ids = [citation.source for citation in answer.citations]
        sources = app.cited_sources(answer.drug, ids) if answer.drug else {}
    finally:
        app.close()
    if as_json:
        typer.echo(answer.model_dump_json())
        return
    typer.echo(answer.answer)
    if answer.citations:
        typer.echo("\nSources:")
    for citation in answer.citations:
        title = sources[citation.source].title if citation.source in sources else citation.source
        section = f", section {citation.section}" if citation.section else ""
        typer.echo(
            f"  - {title} [{citation.source}]{section}, characters {citation.start}-{citation.end}"
        )
