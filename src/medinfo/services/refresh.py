"""Reading a database's sources again with this release's extraction (`medinfo db refresh`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.services import knowledge_base
from medinfo.services.ingest import source_id_of
from medinfo.services.monographs import refresh_monograph
from medinfo.services.pipeline import Pipeline
from medinfo.store.database import Database
from medinfo.store.repositories import Store

# A name whose extension tells the reader the stored text's format.
_HINTS = {
    SourceFormat.HTML: "stored.html",
    SourceFormat.MARKDOWN: "stored.md",
    SourceFormat.TEXT: "stored.txt",
    SourceFormat.SPL_XML: "stored.xml",
    SourceFormat.OPENFDA_JSON: "stored.json",
}


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh changed: sources read again, sources kept as they were (with why),
    and the drugs reconciled again."""

    read_again: int = 0
    kept: list[str] = field(default_factory=list)
    drugs: list[str] = field(default_factory=list)


def refresh_database(database: Database, pipeline: Pipeline) -> RefreshReport:
    """Read every source whose text is kept again, take this release's knowledge base (unless
    the database was created empty) and reconcile every drug again, in one transaction.

    A stored text this release cannot read, or reads into a different document, keeps its
    facts and is named in the report; nothing else stops the refresh.
    """
    with database.exclusive_transaction() as store:
        read_again, kept = _read_sources_again(store, pipeline)
        knowledge_base.hold_current(store, pipeline.reconcile_monograph)
        drugs = store.sources.drugs()
        for drug in drugs:
            refresh_monograph(store, drug, pipeline.reconcile_monograph)
    return RefreshReport(read_again=read_again, kept=kept, drugs=drugs)


def _read_sources_again(store: Store, pipeline: Pipeline) -> tuple[int, list[str]]:
    read_again, kept = 0, []
    for source_id, fmt in store.sources.with_text():
        source = store.sources.get(source_id)
        text = store.sources.original_text(source_id)
        if source is None or text is None:
            continue
        try:
            document = pipeline.read_bytes(text.encode("utf-8"), _HINTS[fmt])
            if source_id_of(document.original)[0] != source_id:
                raise InputError("this release reads it as a different document")
            facts = list(pipeline.extract_document(document, source_id, source.drug).facts)
        except InputError as error:
            reason = str(error).removeprefix(f"{_HINTS[fmt]}: ")
            kept.append(f"{source.title} ({source_id}): {reason}")
            continue
        store.facts.replace(source_id, facts)
        store.sources.rate(pipeline.assess_reliability(source, facts))
        read_again += 1
    return read_again, kept
