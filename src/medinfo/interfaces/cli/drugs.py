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
    body = _monograph_body(drug, db)
    if as_json:
        typer.echo(body)
        return
    from medinfo.domain.monograph import Monograph
    from medinfo.services.outline import outline_monograph

    monograph = Monograph.model_validate_json(body)
    typer.echo(monograph.drug)
    for section in outline_monograph(monograph):
        typer.echo(f"\n{section.title}")
        for line in section.lines:
            flags = f" ({', '.join(line.flags)})" if line.flags else ""
            cited = f"  [{', '.join(line.sources)}]" if line.sources else ""
            typer.echo(f"  - {line.text}{flags}{cited}")
    typer.echo(f"\n{monograph.disclaimer}")


def _monograph_body(drug: str, db: str | None) -> str:
    """The cached monograph JSON: the quick SQLite read when it can answer, else the store."""
    from medinfo.config import database_url
    from medinfo.store.quick_read import read_cached_monograph

    body = read_cached_monograph(database_url(db), drug)
    if body is not None:
        return body
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        return app.cached_monograph(drug).body
    finally:
        app.close()


@reporting_errors
def sources(drug: DrugArgument, db: DbOption = None) -> None:
    """List a drug's sources, most reliable first, with the facts each one states."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        items = app.source_facts(drug)
    finally:
        app.close()
    for item in items:
        source = item.source
        stored = "text stored" if item.has_text else "facts only"
        typer.echo(f"{source.id}  {source.reliability.label}  {source.title}  ({stored})")
        if source.url:
            typer.echo(f"  {source.url}")
        if source.reliability_reason:
            typer.echo(f"  reliability: {source.reliability_reason}")
        keys_by_kind: dict[str, list[str]] = {}
        for fact in item.facts:
            keys = keys_by_kind.setdefault(fact.kind.value, [])
            if fact.key not in keys:
                keys.append(fact.key)
        for kind, keys in keys_by_kind.items():
            typer.echo(f"  {kind}: {', '.join(keys)}")
