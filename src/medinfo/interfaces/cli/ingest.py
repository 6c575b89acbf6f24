"""`medinfo ingest`: add documents to the database and re-reconcile their drugs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medinfo.domain.source_kinds import SourceKind
from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (text, Markdown, HTML, SPL XML, openFDA JSON)."),
    ],
    drug: Annotated[
        str | None, typer.Option(help="The drug, when detection should be skipped.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title to record for the source.")] = None,
    url: Annotated[str | None, typer.Option(help="Where the document was published.")] = None,
    kind: Annotated[SourceKind | None, typer.Option(help="What sort of document it is.")] = None,
    db: DbOption = None,
) -> None:
    """Ingest documents: each is read, extracted and stored in one transaction."""
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        report = app.ingest_paths(paths, drug=drug, title=title, url=url, kind=kind)
    finally:
        app.close()
    for document in report.documents:
        typer.echo(
            f"{document.status.value}: {document.path} -> {document.drug} "
            f"(source {document.source_id}, {document.facts} facts)"
        )
