"""The embedded knowledge base: source metadata and extracted facts shipped in the package.

It holds no source text and no third-party sentences, only facts with evidence offsets
and each source's hash. Regenerate it with
`python -m medinfo.services.knowledge_base build ../shared/corpus`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from medinfo.data import KNOWLEDGE_BASE, KNOWLEDGE_BASE_SETTING, knowledge_base_digest
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Reliability, Source, SourceFormat, SourceKind
from medinfo.services.ingest import ingest_paths
from medinfo.services.monographs import forget_drug, refresh_monograph
from medinfo.services.pipeline import Pipeline, ReconcileMonograph, real_pipeline
from medinfo.store.database import open_database
from medinfo.store.repositories import Store

SNAPSHOT_PATH = KNOWLEDGE_BASE
FORMAT_VERSION = 1


class SnapshotFact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: FactKind
    key: str
    attributes: dict[str, Scalar]
    start: int
    end: int
    section: str


class SnapshotSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    drug: str
    kind: SourceKind
    format: SourceFormat
    reliability: str
    reliability_reason: str
    url: str | None
    publisher: str | None = None
    published: date | None = None
    sha256: str
    facts: list[SnapshotFact]

    def to_source(self) -> Source:
        return Source(
            id=self.id,
            title=self.title,
            drug=self.drug,
            kind=self.kind,
            format=self.format,
            reliability=Reliability[self.reliability.upper()],
            reliability_reason=self.reliability_reason,
            url=self.url,
            publisher=self.publisher,
            published=self.published,
            sha256=self.sha256,
        )

    def to_facts(self) -> list[ExtractedFact]:
        return [
            ExtractedFact(
                kind=fact.kind,
                key=fact.key,
                attributes=fact.attributes,
                evidence=Evidence(
                    source=self.id, start=fact.start, end=fact.end, section=fact.section
                ),
            )
            for fact in self.facts
        ]


class Snapshot(BaseModel):
    """The knowledge base file: every source with its facts, sorted by source id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = FORMAT_VERSION
    sources: list[SnapshotSource]


def export_snapshot(store: Store) -> Snapshot:
    """Everything the store knows, minus source text, as a snapshot."""
    entries = []
    for source in store.sources.list_all():
        facts = [
            SnapshotFact(
                kind=fact.kind,
                key=fact.key,
                attributes=fact.attributes,
                start=fact.evidence.start,
                end=fact.evidence.end,
                section=fact.evidence.section,
            )
            for fact in store.facts.list_for_sources([source.id])
        ]
        entries.append(
            SnapshotSource(
                facts=facts,
                reliability=source.reliability.label,
                **source.model_dump(exclude={"reliability"}),
            )
        )
    return Snapshot(sources=entries)


def load_snapshot(store: Store, snapshot: Snapshot, reconcile: ReconcileMonograph) -> None:
    """Add the snapshot's sources and facts (no text), then reconcile each of its drugs."""
    for entry in snapshot.sources:
        store.sources.add(entry.to_source(), None)
        store.facts.add_many(entry.id, entry.to_facts())
    for drug in sorted({entry.drug for entry in snapshot.sources}):
        refresh_monograph(store, drug, reconcile)


def hold_current(store: Store, reconcile: ReconcileMonograph, path: Path = SNAPSHOT_PATH) -> bool:
    """Make the database hold the knowledge base at `path` unless it already does, or was
    created empty; a database from before this setting holds one when it has sources known
    only by their facts. Returns True when the database changed."""
    digest = knowledge_base_digest(path)
    held = store.settings.get(KNOWLEDGE_BASE_SETTING)
    if held in (digest, ""):
        return False
    if held is None and not store.sources.without_text():
        store.settings.put(KNOWLEDGE_BASE_SETTING, "")
        return True
    update_snapshot(store, read_snapshot(path), reconcile)
    store.settings.put(KNOWLEDGE_BASE_SETTING, digest)
    return True


def holds_current(store: Store, path: Path = SNAPSHOT_PATH) -> bool:
    """Whether `hold_current` would leave the database as it is (a quick read)."""
    return store.settings.get(KNOWLEDGE_BASE_SETTING) in (knowledge_base_digest(path), "")


def update_snapshot(store: Store, snapshot: Snapshot, reconcile: ReconcileMonograph) -> list[str]:
    """Bring the knowledge base a database holds up to `snapshot` (a newer release's).

    Sources known only by their facts take the snapshot's version; those it no longer ships
    are removed and new ones added. A source whose text is kept (ingested again from its
    file) keeps its facts: `medinfo db refresh` reads it again. Returns the drugs reconciled
    again, sorted.
    """
    touched: set[str] = set()
    for held in store.sources.without_text():
        store.sources.delete(held.id)
        touched.add(held.drug)
    for entry in snapshot.sources:
        if store.sources.get(entry.id) is None:
            store.sources.add(entry.to_source(), None)
            store.facts.add_many(entry.id, entry.to_facts())
            touched.add(entry.drug)
    drugs = sorted(touched & set(store.sources.drugs()))
    for drug in drugs:
        refresh_monograph(store, drug, reconcile)
    for gone in sorted(touched - set(drugs)):
        forget_drug(store, gone)
    return drugs


def build_snapshot(pipeline: Pipeline, corpus: Path) -> Snapshot:
    """Ingest a corpus into a scratch database and export it.

    A corpus is a folder of per-drug folders (`corpus/<drug>/<file>`); the folder name
    is passed to extraction as the drug. Files directly in `corpus` are detected.
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder")
    database = open_database("sqlite://")
    try:
        database.ensure_schema()
        loose = sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))
        if loose:
            ingest_paths(database, pipeline, loose)
        for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
            if not folder.name.startswith("."):
                ingest_paths(database, pipeline, [folder], drug=folder.name)
        with database.reader() as store:
            return export_snapshot(store)
    finally:
        database.dispose()


_OPTIONAL_CITATION = ("publisher", "published")


def dump_snapshot(snapshot: Snapshot) -> str:
    """The snapshot as deterministic JSON text: sorted keys, sources sorted by id."""
    data = snapshot.model_dump(mode="json")
    data["sources"].sort(key=lambda entry: entry["id"])
    for entry in data["sources"]:  # citation metadata only where a document gives it
        for key in _OPTIONAL_CITATION:
            if entry[key] is None:
                del entry[key]
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def read_snapshot(path: Path = SNAPSHOT_PATH) -> Snapshot:
    """Read and validate a snapshot file; unknown keys are rejected."""
    try:
        snapshot = Snapshot.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as error:
        raise InputError(f"{path}: not a valid knowledge base ({error})") from error
    if snapshot.format != FORMAT_VERSION:
        raise InputError(f"{path}: knowledge base format {snapshot.format} is not supported")
    return snapshot


def main(argv: list[str] | None = None) -> int:
    """`build CORPUS [--output FILE]`: regenerate the knowledge base from a corpus."""
    parser = argparse.ArgumentParser(prog="python -m medinfo.services.knowledge_base")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="regenerate the snapshot from a corpus folder")
    build.add_argument("corpus", type=Path)
    build.add_argument("--output", type=Path, default=SNAPSHOT_PATH)
    args = parser.parse_args(argv)
    try:
        snapshot = build_snapshot(real_pipeline(), args.corpus)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    args.output.write_text(dump_snapshot(snapshot), encoding="utf-8")
    print(f"{args.output}: {len(snapshot.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
