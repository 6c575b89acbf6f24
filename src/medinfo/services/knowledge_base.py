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

from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Reliability, Source, SourceFormat, SourceKind
from medinfo.services.ingest import ingest_paths
from medinfo.services.monographs import refresh_monograph
from medinfo.services.pipeline import Pipeline, ReconcileMonograph, real_pipeline
from medinfo.store.database import open_database
from medinfo.store.repositories import Store

SNAPSHOT_PATH = Path(__file__).resolve().parents[1] / "data" / "knowledge_base.json"
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
