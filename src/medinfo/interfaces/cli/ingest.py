"""`medinfo ingest`: add documents to the database and re-reconcile their drugs."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from medinfo.domain.errors import InputError
from medinfo.domain.source_kinds import SourceKind
from medinfo.interfaces.cli.boundary import DbOption, reporting_errors

if TYPE_CHECKING:
    from medinfo.bootstrap import Medinfo
    from medinfo.services.bulk_ingest import BulkReport

# Exit status of a bulk run in which some documents failed (the others are stored).
EXIT_SOME_FAILED = 1
# Exit status of a bulk run stopped by Ctrl-C or SIGTERM (what it stored is kept).
EXIT_INTERRUPTED = 130


@reporting_errors
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help='Files, folders (read recursively) or openFDA dumps ({"results": [...]}, '
            "JSON lines, .zip): text, Markdown, HTML, SPL XML, openFDA JSON."
        ),
    ],
    drug: Annotated[
        str | None, typer.Option(help="The drug, when detection should be skipped.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title to record for the source.")] = None,
    url: Annotated[str | None, typer.Option(help="Where the document was published.")] = None,
    kind: Annotated[SourceKind | None, typer.Option(help="What sort of document it is.")] = None,
    jobs: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes for folders and dumps (default: all cores)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Ingest documents: files, folders or openFDA label dumps.

    Single files: each is stored in one transaction, all or nothing. Folders and dumps:
    streamed on every core; failed documents are listed at the end and the exit status is 1
    (0 when all were ingested); re-running resumes and skips stored documents."""
    from medinfo.bootstrap import bootstrap
    from medinfo.services.ingest_tasks import wants_bulk

    bulk = wants_bulk(paths)
    if bulk and (title or url):
        raise InputError("--title and --url name one document; not usable with a folder or dump")
    app = bootstrap(db)
    try:
        if bulk:
            report = _ingest_bulk(app, paths, drug, kind, jobs)
        else:
            _ingest_documents(app, paths, drug, title, url, kind)
            return
    finally:
        app.close()
    _print_bulk_report(report)
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _ingest_documents(
    app: Medinfo,
    paths: list[Path],
    drug: str | None,
    title: str | None,
    url: str | None,
    kind: SourceKind | None,
) -> None:
    report = app.ingest_paths(paths, drug=drug, title=title, url=url, kind=kind)
    for document in report.documents:
        typer.echo(
            f"{document.status.value}: {document.path} -> {document.drug} "
            f"(source {document.source_id}, {document.facts} facts)"
        )


def _ingest_bulk(
    app: Medinfo, paths: list[Path], drug: str | None, kind: SourceKind | None, jobs: int | None
) -> BulkReport:
    from medinfo.interfaces.cli.progress import ProgressBar, stderr_is_terminal
    from medinfo.services.ingest_tasks import check_inputs, count_tasks

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if not stderr_is_terminal():
            return app.ingest_bulk(paths, drug=drug, kind=kind, jobs=jobs)
        check_inputs(paths)
        total = count_tasks(paths)
        with ProgressBar() as bar:
            return app.ingest_bulk(
                paths, drug=drug, kind=kind, jobs=jobs, progress=bar, total=total
            )
    except KeyboardInterrupt:
        typer.echo(
            "interrupted: the documents stored so far are kept; "
            "run the same command again to resume",
            err=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops a bulk run the way Ctrl-C does: the pool is shut down cleanly."""
    raise KeyboardInterrupt


def _print_bulk_report(report: BulkReport) -> None:
    typer.echo(
        f"{report.documents} documents: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.failed} failed; "
        f"{report.drugs} monographs rebuilt; {report.seconds:.1f} s"
    )
    for failure in report.failures:
        named = f" (id {failure.record_id})" if failure.record_id else ""
        typer.echo(f"failed: #{failure.index} {failure.origin}{named}: {failure.reason}", err=True)
    if report.failed > len(report.failures):
        typer.echo(f"... and {report.failed - len(report.failures)} more failed", err=True)
