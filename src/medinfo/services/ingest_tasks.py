"""Bulk ingest work: the files and dump records of a run, and the worker that prepares them."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from medinfo.domain.errors import InputError
from medinfo.domain.facts import ExtractedFact
from medinfo.domain.sources import Source
from medinfo.services.ingest import (
    DocumentOptions,
    PreparedDocument,
    prepare_read_document,
    source_id_of,
)
from medinfo.services.monographs import ReadyMonograph, drug_sources
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database
from medinfo.store.repositories import FactRow, fact_row

T = TypeVar("T")
# Files read as openFDA record streams ({"results": [...]}, JSON lines, or a zip of them).
DUMP_SUFFIXES = (".json", ".jsonl", ".ndjson", ".zip")


@dataclass(frozen=True)
class Task:
    """One document of a run: the file at `origin`, or `record` (record N of a dump)."""

    index: int
    origin: str
    record: dict[str, Any] | None = None


@dataclass(frozen=True)
class ReadyDocument:
    """A document read and extracted in a worker, as the writer stores it: its source, its
    text and its facts made into rows (cheap to send between processes)."""

    source: Source
    text: str
    rows: list[FactRow]

    @classmethod
    def of(cls, prepared: PreparedDocument) -> ReadyDocument:
        return cls(prepared.source, prepared.text, [fact_row(fact) for fact in prepared.facts])


@dataclass(frozen=True)
class Outcome:
    """What became of one task: prepared, already stored (`skipped`), or `error`."""

    index: int
    origin: str
    prepared: ReadyDocument | None = None
    skipped: str | None = None
    error: str | None = None
    record_id: str = ""


def is_dump(path: Path) -> bool:
    """Whether a file is read as a stream of openFDA records."""
    return path.suffix.lower() in DUMP_SUFFIXES or zipfile.is_zipfile(path)


def one_line(error: BaseException) -> str:
    """An error message on one line."""
    return " ".join(str(error).split())


def _files(path: Path) -> Iterator[Path]:
    """The files under a folder (recursively, hidden ones left out, sorted), or the file."""
    if not path.is_dir():
        yield path
        return
    for found in sorted(path.rglob("*")):
        relative = found.relative_to(path)
        if found.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield found


def check_inputs(paths: Sequence[Path]) -> None:
    """Raise InputError (one line naming the path) for input the whole run cannot use:
    a missing path, or a dump given by name whose first record cannot be read (a corrupt
    zip, a file that is not JSON)."""
    from medinfo.sources import iter_openfda_records

    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.suffix.lower() == ".zip" and not zipfile.is_zipfile(path):
            raise InputError(f"{path}: not a readable zip archive (corrupt or truncated)")
        if path.is_file() and is_dump(path):
            next(iter_openfda_records(path), None)


def iter_tasks(paths: Iterable[Path]) -> Iterator[Task | Outcome]:
    """The run's documents in order, streaming dumps record by record.

    A dump that breaks part-way (malformed JSON) gives one failed Outcome for the rest
    of that file; the records before it stay in the run.
    """
    from medinfo.sources import iter_openfda_records

    index = 0
    for given in paths:
        for path in _files(given):
            if not is_dump(path):
                index += 1
                yield Task(index, str(path))
                continue
            number = 0
            try:
                for number, record in enumerate(iter_openfda_records(path), start=1):
                    index += 1
                    yield Task(index, f"{path}#{number}", record)
            except InputError as error:
                index += 1
                yield Outcome(index, f"{path}#{number + 1}", error=one_line(error))


def count_tasks(paths: Iterable[Path]) -> int:
    """How many documents a run holds (streams each dump once; for progress totals)."""
    return sum(1 for _ in iter_tasks(paths))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs: the pipeline, the ids already stored and the run options."""

    pipeline: Pipeline
    stored_ids: frozenset[str]
    options: DocumentOptions
    # Where workers read the facts of the drugs they reconcile (None: they are sent them).
    database: Database | None = None
    # The folder where workers share what they read (None: each keeps its own).
    shared: Path | None = None


_settings: WorkerSettings | None = None


def init_worker(settings: WorkerSettings) -> None:
    """Set the worker's settings (a pool initializer; also used when running in-process)."""
    global _settings
    _settings = settings
    settings.pipeline.share_readings(settings.shared)


def prepare_chunk(chunk: list[Task | Outcome]) -> list[Outcome]:
    """Read and extract each task of a chunk; failures become Outcomes, never exceptions."""
    return [item if isinstance(item, Outcome) else _prepare(item) for item in chunk]


def _worker_settings() -> WorkerSettings:
    if _settings is None:
        raise RuntimeError("init_worker was not called")
    return _settings


# A drug to reconcile: its name, its stored sources and their facts.
DrugInputs = tuple[str, list[Source], list[ExtractedFact]]


def reconcile_drugs(group: list[DrugInputs | str]) -> list[ReadyMonograph]:
    """Reconcile each drug of a group (in a worker, like `prepare_chunk`): drugs with their
    sources and facts, or drug names whose sources and facts the worker reads itself (and
    then the passages its monograph is searched by, so the writer only stores them)."""
    from medinfo.services.search import index_entries

    settings = _worker_settings()
    reconcile = settings.pipeline.reconcile_monograph
    done: list[ReadyMonograph] = []
    for item in group:
        if not isinstance(item, str):
            drug, sources, facts = item
            done.append(ReadyMonograph.of(drug, reconcile(drug, sources, facts)))
            continue
        if settings.database is None:
            raise RuntimeError("a worker given drug names needs the database")
        with settings.database.reader() as store:
            monograph = reconcile(item, *drug_sources(store, item))
            done.append(ReadyMonograph.of(item, monograph, index_entries(store, monograph)))
    return done


def _prepare(task: Task) -> Outcome:
    settings = _worker_settings()
    pipeline = settings.pipeline
    path = Path(task.origin)
    try:
        if task.record is None:
            document = pipeline.read_path(path)
        else:
            document = pipeline.read_record(task.record, task.origin)
        source_id = source_id_of(document.original)[0]
        if source_id in settings.stored_ids:
            return Outcome(task.index, task.origin, skipped=source_id)
        prepared = prepare_read_document(pipeline, document, path, settings.options)
    except InputError as error:
        reason = one_line(error).removeprefix(f"{task.origin}: ")
        return Outcome(task.index, task.origin, error=reason, record_id=record_id(task.record))
    except Exception as error:  # one bad record must not stop a national-scale run
        reason = f"internal error ({type(error).__name__}: {one_line(error)})"
        return Outcome(task.index, task.origin, error=reason, record_id=record_id(task.record))
    return Outcome(task.index, task.origin, prepared=ReadyDocument.of(prepared))


def record_id(record: dict[str, Any] | None) -> str:
    """The identifier an openFDA record carries (its SPL set id, else its id), if any."""
    if not record:
        return ""
    value = record.get("set_id") or record.get("id") or ""
    return value if isinstance(value, str) else ""


def holds_one_record(path: Path) -> bool:
    """Whether a JSON file holds exactly one openFDA record (unreadable ones count as one,
    so that the single-document reader reports what is wrong with them)."""
    from medinfo.sources import iter_openfda_records

    try:
        return sum(1 for _ in islice(iter_openfda_records(path), 2)) == 1
    except InputError:
        return True


def wants_bulk(paths: Sequence[Path]) -> bool:
    """Whether a run goes through bulk ingest: it names a folder, a zip, or a JSON dump of
    several records. Other runs are documents, stored all or nothing."""
    for path in paths:
        if path.is_dir():
            return True
        if path.is_file() and path.suffix.lower() == ".zip":
            return True
        dump = path.is_file() and is_dump(path)
        if dump and (zipfile.is_zipfile(path) or not holds_one_record(path)):
            return True
    return False
