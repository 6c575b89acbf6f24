"""`medinfo import-reviews`: load a published review data set into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from medinfo.domain.reviews import DatasetFormat
from medinfo.interfaces.cli.boundary import DbOption, reporting_errors


@reporting_errors
def import_reviews(
    fmt: Annotated[
        DatasetFormat,
        typer.Argument(
            metavar="FORMAT", help="druglib (Druglib.com TSV) or drugscom (Drugs.com CSV)."
        ),
    ],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The data set file.")],
    db: DbOption = None,
) -> None:
    """Import patient reviews from a published data set, in one transaction per file.

    Drug names are mapped to catalog drugs (brands to generics); rows already imported are
    skipped; reviews that break a moderation rule are held for a moderator.
    """
    from medinfo.bootstrap import bootstrap

    app = bootstrap(db)
    try:
        report = app.import_reviews(fmt, file)
    finally:
        app.close()
    typer.echo(
        f"{report.path}: {report.rows} rows; imported {report.imported} "
        f"({report.held} held for moderation); {report.already_present} already imported"
    )
    if report.unmapped:
        examples = ", ".join(repr(name) for name in report.unmapped_examples)
        typer.echo(f"{report.unmapped} rows name a drug not in the catalog, e.g. {examples}")
    typer.echo(f"attribution: {report.attribution}")
