"""`medinfo show` and `medinfo sources`: a drug's monograph and what each source states."""

from __future__ import annotations

from typing import Annotated

import typer

from medinfo.interfaces.cli.boundary import DbOption, reporting_errors

DrugArgument = Annotated[
    str, typer.Argument(help="Generic or brand name; close misspellings work.")
]


@reporting_errors
def show(
    drug: DrugArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print the monograph JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Show a drug's monograph: each fact with the sources that state it."""
    body, catalog_only = _monograph_body(drug, db)
    if as_json:
        typer.echo(body)
        return
    from medinfo.domain.monograph import Monograph
    from medinfo.services.outline import outline_monograph

    monograph = Monograph.model_validate_json(body)
    typer.echo(monograph.drug)
    if catalog_only:  # say so once, up front
        from medinfo.interfaces.shared.schemas import NO_MONOGRAPH

        typer.echo(NO_MONOGRAPH)
    for section in outline_monograph(monograph):
        typer.echo(f"\n{section.title}")
        for line in section.lines:
            flags = f" ({', '.join(line.flags)})" if line.flags else ""
            cited = f"  [{', '.join(line.sources)}]" if line.sources else ""
            typer.echo(f"  - {line.text}{flags}{cited}")
    typer.echo(f"\n{monograph.disclaimer}")


def _monograph_body(drug: str, db: str | None) -> tuple[str, bool]:
    """The cached monograph JSON (the quick SQLite read when it can answer, else the store),
    or for a drug only the catalog knows its catalog JSON, and whether it is that."""
    from medinfo.config import database_url
    from medinfo.store.quick_read import read_cached_monograph

    body = read_cached_monograph(database_url(db), drug)
    if body is not None:
        return body, False
    from medinfo.bootstrap import bootstrap
    from medinfo.services.names import NoMonographError

    app = bootstrap(db)
    try:
        return app.cached_monograph(drug).body, False
    except NoMonographError as error:  # a catalog drug: the same JSON as the API gives
        from medinfo.interfaces.shared.schemas import CatalogMonographPublic, catalog_monograph

        found = app.catalog_drug(error.drug)
        listed = catalog_monograph(found) if found else CatalogMonographPublic(drug=error.drug)
        return listed.model_dump_json(), True
    finally:
        app.close()


@reporting_errors
def sources(drug: DrugArgument, db: DbOption = None) -> None:
    """List a drug's sources, most reliable first, with the facts each one states."""
    from medinfo.bootstrap import bootstrap
    from medinfo.services.fact_words import KIND_WORDS, fact_words, format_day

    app = bootstrap(db)
    try:
        items = app.source_facts(drug)
    finally:
        app.close()
    for item in items:
        source = item.source
        stored = "text stored" if item.has_text else "facts only"
        typer.echo(f"{source.id}  {source.reliability.label}  {source.title}  ({stored})")
        cited = [source.publisher or "", format_day(source.published) if source.published else ""]
        if any(cited):
            typer.echo(f"  {', '.join(part for part in cited if part)}")
        if source.url:
            typer.echo(f"  {source.url}")
        if source.reliability_reason:
            typer.echo(f"  reliability: {source.reliability_reason}")
        said: dict[str, list[str]] = {}
        for fact in item.facts:
            values = said.setdefault(KIND_WORDS.get(fact.kind, fact.kind.value), [])
            if (value := fact_words(fact)) not in values:
                values.append(value)
        for kind, values in said.items():
            typer.echo(f"  {kind}: {'; '.join(values)}")
