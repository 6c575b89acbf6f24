"""Bulk ingest: folders and openFDA dumps on every core, one writer, monographs rebuilt once."""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Protocol, TypeVar

from medinfo.domain.sources import Source, SourceKind
from medinfo.services.ingest import DocumentOptions
from medinfo.services.ingest_tasks import (
    DrugInputs,
    Outcome,
    ReadyDocument,
    WorkerSettings,
    check_inputs,
    chunked,
    init_worker,
    iter_tasks,
    prepare_chunk,
    reconcile_drugs,
)
from medinfo.services.monographs import drug_sources, refresh_monograph, save_ready_monograph
from medinfo.services.pipeline import Pipeline
from medinfo.services.process_pool import QuietPool
from medinfo.store.database import Database
from medinfo.store.repositories import FactRow, Store

# Documents sent to a worker at a time, and chunks in flight per worker: enough to keep
# every core busy while the writer commits, few enough that memory stays flat.
CHUNK_SIZE = 4
CHUNKS_IN_FLIGHT = 8
# Documents written per transaction, and drugs re-reconciled per transaction.
WRITE_BATCH = 200
REFRESH_BATCH = 20
# Drugs sent to a worker to reconcile at a time, and groups in flight per worker.
RECONCILE_GROUP = 4
GROUPS_IN_FLIGHT = 4
# Garbage collector thresholds during a run (allocations before a young collection, young
# collections before a middle one, middle ones before a full one; Python's are 700, 10, 10).
GC_THRESHOLDS = (10_000, 10, 100)
# Where a run's workers share what they read: a folder named after the run's process, in
# memory when the system has a place for it (else the temporary folder).
SHARED_MEMORY = "/dev/shm"
SHARED_PREFIX = "medinfo-bulk-"
# How often a worker checks that its main process is still there.
PARENT_POLL_SECONDS = 0.5
# How many failures the report keeps (the count covers all of them).
KEPT_FAILURES = 20


T = TypeVar("T")
R = TypeVar("R")


class Progress(Protocol):
    """Where a run reports how far it has got (a progress bar, or nothing)."""

    def phase(self, name: str, total: int | None) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    def phase(self, name: str, total: int | None) -> None:
        return None

    def advance(self, count: int = 1) -> None:
        return None


@dataclass(frozen=True)
class RecordFailure:
    """A document that could not be ingested: its place in the run and the one-line reason."""

    index: int
    origin: str
    reason: str
    record_id: str = ""


@dataclass
class BulkReport:
    """Counts of one bulk run, the first failures, and how many monographs were rebuilt."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    drugs: int = 0
    seconds: float = 0.0
    failures: list[RecordFailure] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed

    def fail(self, outcome: Outcome) -> None:
        self.failed += 1
        if len(self.failures) < KEPT_FAILURES:
            reason = outcome.error or "unknown error"
            failure = RecordFailure(outcome.index, outcome.origin, reason, outcome.record_id)
            self.failures.append(failure)


class _Writer:
    """The single writer: stores prepared documents in batched transactions.

    A document whose label (same source URL, i.e. SPL set id) is already stored in another
    version replaces it. Drugs that gain or lose sources are flagged stale, to be
    re-reconciled once at the end of the run.
    """

    def __init__(self, database: Database, report: BulkReport) -> None:
        self.database = database
        self.report = report
        self.batch: list[ReadyDocument] = []
        with database.reader() as store:
            self.by_url = store.sources.ids_by_url()
            self.stored = store.sources.ids()
            # Known from the knowledge base, by their facts only: the run keeps their text.
            self.textless = {source.id: source.drug for source in store.sources.without_text()}
        # The drug a name is filed under; names change only when monographs are rebuilt,
        # after the last document is written.
        self.filed_under: dict[str, str] = {}

    def add(self, prepared: ReadyDocument) -> None:
        self.batch.append(prepared)
        if len(self.batch) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        touched: set[str] = set()
        with self.database.transaction() as store:
            pending = _Pending(store)
            for prepared in self.batch:
                source = prepared.source
                if source.id in self.stored:
                    if source.id in self.textless:  # its facts stay; its text is searched
                        store.sources.store_text(source.id, prepared.text)
                        touched.add(self.textless.pop(source.id))
                    self.report.unchanged += 1
                    continue
                previous = self.by_url.get(source.url) if source.url else None
                if previous:
                    pending.write()  # the version it replaces may be one of them
                old = store.sources.get(previous) if previous else None
                if old is not None:
                    store.sources.delete(old.id)
                    self.stored.discard(old.id)
                    touched.add(old.drug)
                drug = self._filed_under(store, source.drug)
                if drug != source.drug:
                    source = source.model_copy(update={"drug": drug})
                pending.add(source, prepared)
                self.stored.add(source.id)
                if source.url:
                    self.by_url[source.url] = source.id
                touched.add(source.drug)
                if old is not None:
                    self.report.updated += 1
                else:
                    self.report.added += 1
            pending.write()
            store.monographs.mark_stale(touched)
        self.batch = []

    def _filed_under(self, store: Store, drug: str) -> str:
        """The drug of an existing monograph that `drug` names, else `drug` itself."""
        if drug not in self.filed_under:
            known = store.names.drugs_named(drug)
            self.filed_under[drug] = known[0] if known else drug
        return self.filed_under[drug]


class _Pending:
    """Sources and facts of a batch not yet written: stored together, in two statements."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sources: list[tuple[Source, str | None]] = []
        self.facts: list[tuple[str, list[FactRow]]] = []

    def add(self, source: Source, prepared: ReadyDocument) -> None:
        self.sources.append((source, prepared.text))
        self.facts.append((source.id, prepared.rows))

    def write(self) -> None:
        self.store.sources.add_many(self.sources)
        self.store.facts.add_rows(self.facts)
        self.sources, self.facts = [], []


def default_jobs() -> int:
    """Worker processes for a run: every core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _init_pool_worker(settings: WorkerSettings) -> None:
    """A pool worker leaves Ctrl-C to the main process, which stops the pool cleanly, and
    ends quietly on SIGTERM (how the pool stops it), whatever handler it inherited. A worker
    whose main process is gone (killed) ends quietly too: writing its result to the closed
    pipe raises SIGPIPE, whose default action ends it, instead of a BrokenPipeError
    traceback (Python ignores SIGPIPE unless told otherwise); one left waiting for a lock
    the other held when it ended is ended by its watch on the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _watch_parent(os.getppid())
    if settings.database is not None:
        # connections opened before the fork belong to the main process: open new ones
        settings.database.engine.dispose(close=False)
    init_worker(settings)


def _watch_parent(parent: int) -> None:
    """End this worker at once, quietly, when its main process is gone (it was killed)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="medinfo-parent-watch", daemon=True).start()


@contextmanager
def _worker_pool(settings: WorkerSettings, jobs: int) -> Iterator[Pool | None]:
    """A pool of `jobs` worker processes, or None (work in-process) for one job."""
    with _rare_full_collections():
        if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            init_worker(settings)
            yield None
            return
        # fork: workers inherit the loaded pipeline, models and vocabularies instead of each
        # loading them; frozen, the garbage collector leaves their memory pages shared.
        settings.pipeline.load_models()
        import medinfo.services.search  # noqa: F401  (workers make search passages)

        gc.freeze()
        try:
            context = multiprocessing.get_context("fork")
            with _shared_folder() as shared:
                settings = replace(settings, shared=shared)
                with QuietPool(
                    jobs, initializer=_init_pool_worker, initargs=(settings,), context=context
                ) as pool:
                    yield pool
        finally:
            gc.unfreeze()


@contextmanager
def _shared_folder() -> Iterator[Path]:
    """A folder only this run uses, where its workers share what they read: in memory
    (/dev/shm) where there is one, as writing a file there costs ~15 times less CPU than on
    disk. Folders left by runs that were killed (their process is gone) are removed first."""
    memory = Path(SHARED_MEMORY)
    base = memory if memory.is_dir() and os.access(memory, os.W_OK | os.X_OK) else None
    _remove_orphans(Path(base or tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=f"{SHARED_PREFIX}{os.getpid()}-", dir=base) as folder:
        yield Path(folder)


def _remove_orphans(base: Path) -> None:
    """Remove the shared folders of runs whose main process is gone."""
    for folder in base.glob(f"{SHARED_PREFIX}*-*"):
        pid = folder.name.removeprefix(SHARED_PREFIX).split("-", 1)[0]
        try:
            mine = folder.stat().st_uid == os.getuid()
        except OSError:  # removed meanwhile
            continue
        if mine and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process of that id exists (perhaps another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _rare_full_collections() -> Iterator[None]:
    """Collect cyclic garbage less often during a run (workers inherit the setting).

    Extraction's bounded caches hold millions of long-lived objects, and every full
    collection walks all of them: at the default thresholds ~9% of a worker's CPU went to
    the collector (over 20% in one process). Young objects are still collected often;
    memory stays flat."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _in_order(
    pool: Pool | None,
    function: Callable[[list[T]], list[R]],
    groups: Iterable[list[T]],
    in_flight: int,
) -> Iterator[R]:
    """`function` of each group, results in order: on the pool with at most `in_flight`
    groups waiting, or in-process without a pool."""
    if pool is None:
        for group in groups:
            yield from function(group)
        return
    pending: deque[AsyncResult[list[R]]] = deque()
    for group in groups:
        pending.append(pool.apply_async(function, (group,)))
        if len(pending) >= in_flight:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()


def refresh_stale_monographs(
    database: Database,
    pipeline: Pipeline,
    progress: Progress | None = None,
    pool: Pool | None = None,
) -> int:
    """Re-reconcile every drug whose sources changed since its monograph was built (or that
    has none yet), a few drugs per transaction; returns how many were rebuilt. With a
    `pool` (whose workers were given `pipeline` and, unless it is in memory, `database`),
    drugs are read and reconciled on every core while this process stores the monographs."""
    progress = progress or _Silent()
    with database.reader() as store:
        stale = store.monographs.stale_drugs()
    progress.phase("reconciling drugs", len(stale))
    if pool is None:
        for start in range(0, len(stale), REFRESH_BATCH):
            group = stale[start : start + REFRESH_BATCH]
            with database.transaction() as store:
                for drug in group:
                    refresh_monograph(store, drug, pipeline.reconcile_monograph)
            progress.advance(len(group))
    else:
        _reconcile_on_pool(database, pool, stale, progress)
    return len(stale)


def _reconcile_on_pool(
    database: Database, pool: Pool, drugs: list[str], progress: Progress
) -> None:
    """Reconcile `drugs` on the pool's workers; store each batch of monographs in order.
    Workers that can open the database read each drug's facts themselves."""
    in_flight = (pool_size(pool) or 1) * GROUPS_IN_FLIGHT
    monographs = _in_order(pool, reconcile_drugs, _drug_groups(database, drugs), in_flight)
    for reconciled in chunked(monographs, REFRESH_BATCH):
        with database.transaction() as store:
            for ready in reconciled:
                save_ready_monograph(store, ready)
        progress.advance(len(reconciled))


def _drug_groups(database: Database, drugs: list[str]) -> Iterator[list[DrugInputs | str]]:
    """Groups of drugs to reconcile: their names, or with their sources and facts when
    workers cannot open the database."""
    share = shareable(database)
    for start in range(0, len(drugs), RECONCILE_GROUP):
        names = drugs[start : start + RECONCILE_GROUP]
        group: list[DrugInputs | str] = []
        if share:
            group.extend(names)
        else:
            with database.reader() as store:
                group.extend((drug, *drug_sources(store, drug)) for drug in names)
        yield group


def shareable(database: Database) -> bool:
    """Whether worker processes can open the database too (not an in-memory SQLite one)."""
    url = database.engine.url
    return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")


def pool_size(pool: Pool) -> int:
    """How many worker processes a pool has."""
    return int(getattr(pool, "_processes", 0))


def ingest_bulk(
    database: Database,
    pipeline: Pipeline,
    paths: Sequence[Path],
    *,
    drug: str | None = None,
    kind: SourceKind | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    total: int | None = None,
) -> BulkReport:
    """Ingest folders (recursively) and openFDA dumps, record by record, on `jobs` processes.

    Dumps are streamed, never loaded whole. Documents already stored (same SHA-256 of
    their text) are skipped before extraction, so a killed run resumes quickly (one known
    only from the knowledge base keeps its facts and now its text, as a single file does); a new
    version of a stored label replaces it. Records that fail are counted and reported,
    never stop the run. Each changed drug's monograph is rebuilt once, at the end.
    `total` (from `count_tasks`) lets `progress` show an ETA.
    Raises InputError only for input the whole run cannot use (see `check_inputs`).
    """
    started = time.perf_counter()
    progress = progress or _Silent()
    check_inputs(paths)
    report = BulkReport()
    writer = _Writer(database, report)
    with database.reader() as store:  # a knowledge-base source is read to keep its text
        stored = frozenset(source_id for source_id, _ in store.sources.with_text())
    options = DocumentOptions(drug=drug, kind=kind)
    settings = WorkerSettings(pipeline, stored, options, database if shareable(database) else None)
    progress.phase("ingesting", total)
    jobs = jobs or default_jobs()
    with _worker_pool(settings, jobs) as pool:
        chunks = chunked(iter_tasks(paths), CHUNK_SIZE)
        for outcome in _in_order(pool, prepare_chunk, chunks, jobs * CHUNKS_IN_FLIGHT):
            if outcome.prepared is not None:
                writer.add(outcome.prepared)
            elif outcome.skipped is not None:
                report.unchanged += 1
            else:
                report.fail(outcome)
            progress.advance()
        writer.flush()
        report.drugs = refresh_stale_monographs(database, pipeline, progress, pool)
    report.seconds = time.perf_counter() - started
    return report
