"""`medinfo search`: drugs by any name, then fact lines and passages, ranked as on the website."""

from __future__ import annotations

from typing import Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def search(
    query: Annotated[str, typer.Argument(help="A drug name (brands, salts, typos work) or words.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the search JSON (as the API).")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=50, help="Most results per group.")] = 10,
    db: DbOption = None,
) -> None:
    """Search drugs by name, then the monographs' facts and the sources' text."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        results = app.search(query, limit)
    finally:
        app.close()
    if as_json:
        from medinfo.interfaces.shared.search import search_public

        typer.echo(search_public(results).model_dump_json())
        return
    if not (results.drugs or results.facts or results.passages):
        typer.echo(f"Nothing found for {results.query!r}.")
        return
    if results.drugs:
        typer.echo("Drugs:")
    for hit in results.drugs:
        named = "" if hit.name.lower() == hit.drug.lower() else f" ({hit.kind} {hit.name!r})"
        status = "" if hit.has_monograph else " - no monograph yet"
        typer.echo(f"  {hit.drug}{named}{status}")
    for title, hits in (("Facts", results.facts), ("Source passages", results.passages)):
        if hits:
            typer.echo(f"\n{title}:")
        for text_hit in hits:
            typer.echo(f"  {text_hit.drug} - {text_hit.ref}: {' '.join(text_hit.body.split())}")
