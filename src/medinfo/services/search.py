"""Search: find drugs by any name (typos and accents forgiven) and passages by their words.

Names come from the catalog loaded into the database and from the monographs' own names;
anything else (salts, typed combinations, typos) goes to the one name resolver. Passages
come from the full-text index of each monograph's facts and of stored source text, kept by
`index_drug`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from medinfo.domain.errors import InputError
from medinfo.domain.monograph import Monograph
from medinfo.domain.names import MAX_NAME, clean_name, fold
from medinfo.services.names import Matched, NameResolver
from medinfo.services.outline import outline_monograph
from medinfo.services.quotes import strip_markup
from medinfo.store.database import Database
from medinfo.store.repositories import Store
from medinfo.store.search import IndexEntry, SearchIndex, TextHit

MAX_QUERY = MAX_NAME
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SKIPPED_SECTIONS = frozenset({"Sources", "Where sources disagree"})


@dataclass(frozen=True)
class DrugMatch:
    """A drug found by name: `name` as matched, `drug` the key its page is under."""

    name: str
    drug: str
    kind: str
    has_monograph: bool
    match: str  # "exact", "prefix" or "typo"


@dataclass(frozen=True)
class DrugRef:
    """What a typed name resolved to, and whether medinfo has a monograph for it."""

    drug: str
    has_monograph: bool


@dataclass(frozen=True)
class SearchResults:
    """Drugs whose names match, then fact lines and source passages containing the words."""

    query: str
    drugs: list[DrugMatch] = field(default_factory=list)
    facts: list[TextHit] = field(default_factory=list)
    passages: list[TextHit] = field(default_factory=list)


def clean_query(raw: str) -> str:
    """The query without control characters or replacement marks, whitespace collapsed.

    Raises InputError naming the field `q` when it is longer than MAX_QUERY characters.
    """
    if len(raw) > MAX_QUERY:
        raise InputError(f"q: longer than {MAX_QUERY} characters")
    return clean_name(raw)


def search(
    database: Database, names: NameResolver, raw_query: str, limit: int = 10
) -> SearchResults:
    """Drugs by name (exact, prefix, then as the name resolver finds them: salts, typed
    combinations, misspellings) and passages by full text."""
    query = clean_query(raw_query)
    folded = fold(query)
    if not folded:
        return SearchResults(query)
    with database.reader() as store:
        index = SearchIndex(store.connection)
        monographs = set(store.monographs.drugs())
        drugs = _name_matches(index, folded, monographs, limit)
        hits = index.match(folded.split(), limit * 3)
    if not drugs:
        drugs = _resolved_matches(names, query)
    facts = [hit for hit in hits if hit.kind == "fact"][:limit]
    passages = [hit for hit in hits if hit.kind == "source"][:limit]
    return SearchResults(query, drugs, facts, passages)


def find_drug(names: NameResolver, name: str) -> DrugRef:
    """The drug a generic, brand, salt or synonym name (or a close misspelling) stands for.

    A name known only to the catalog resolves with `has_monograph=False`. Raises
    UnknownDrugError with close names as suggestions when nothing matches.
    """
    found = names.resolve(name)
    return DrugRef(found.require(), found.has_monograph)


def index_drug(
    store: Store, monograph: Monograph, new: bool = False, entries: list[IndexEntry] | None = None
) -> None:
    """(Re)index a drug's fact lines and the stored text of its sources; `new`: the drug
    was never indexed before (see `SearchIndex.replace_drug`); `entries`: the drug's
    `index_entries`, when already made (by a bulk run's worker)."""
    if entries is None:
        entries = index_entries(store, monograph)
    SearchIndex(store.connection).replace_drug(monograph.drug, entries, new=new)


def index_entries(store: Store, monograph: Monograph) -> list[IndexEntry]:
    """The passages a drug is searched by: its monograph's fact lines and the paragraphs of
    its sources' stored text."""
    entries = list(_fact_entries(monograph))
    for source in store.sources.list_for_drug(monograph.drug):
        original = store.sources.original_text(source.id)
        if original:
            entries += _source_entries(monograph.drug, source.id, source.title, original)
    return entries


def load_catalog_names(store: Store) -> int:
    """Load every catalog name into the database (done once, for each new database)."""
    from medinfo.services.catalog import iter_name_rows

    rows = ((fold(name), name, drug, kind) for name, drug, kind in iter_name_rows())
    return SearchIndex(store.connection).load_catalog_names(row for row in rows if row[0])


def ensure_catalog_names(database: Database) -> bool:
    """Load the catalog names when the database has none (e.g. upgraded from 0001)."""
    with database.reader() as store:
        if SearchIndex(store.connection).has_catalog_names():
            return False
    with database.transaction() as store:
        load_catalog_names(store)
    return True


def _name_matches(
    index: SearchIndex, folded: str, monographs: set[str], limit: int
) -> list[DrugMatch]:
    matches: dict[str, DrugMatch] = {}
    for hit in index.names_starting(folded, limit):
        has = hit.drug in monographs
        found = DrugMatch(hit.name, hit.drug, hit.kind, has, "exact" if hit.exact else "prefix")
        known = matches.get(hit.drug)
        if known is None or (found.match == "exact" and known.match != "exact"):
            matches[hit.drug] = found
    ordered = sorted(matches.values(), key=lambda m: (m.match != "exact", not m.has_monograph))
    return ordered[:limit]


def _resolved_matches(names: NameResolver, query: str) -> list[DrugMatch]:
    """The drug the resolver finds for a name no catalog or monograph name starts with."""
    found = names.resolve(query)
    if found.drug is None:
        return []
    match = "typo" if found.matched is Matched.TYPO else "exact"
    return [DrugMatch(found.typed, found.drug, str(found.matched), found.has_monograph, match)]


def _fact_entries(monograph: Monograph) -> Iterator[IndexEntry]:
    for section in outline_monograph(monograph):
        if section.title in _SKIPPED_SECTIONS:
            continue
        for line in section.lines:
            terms = fold(f"{section.title} {line.text}")
            yield IndexEntry(monograph.drug, "fact", section.title, line.text, terms)


def _source_entries(drug: str, source_id: str, title: str, original: str) -> Iterator[IndexEntry]:
    for paragraph in _PARAGRAPH.finditer(original):
        body, terms = _paragraph_text(paragraph.group())
        if len(body) < 3:
            continue
        yield IndexEntry(
            drug,
            "source",
            title,
            body,
            terms,
            source=source_id,
            start=paragraph.start(),
            stop=paragraph.end(),
        )


# Paragraphs whose searchable text is kept: a drug's labels repeat whole paragraphs.
KEPT_PARAGRAPHS = 8192


@lru_cache(maxsize=KEPT_PARAGRAPHS)
def _paragraph_text(paragraph: str) -> tuple[str, str]:
    """A paragraph's text as shown (markup stripped) and as matched (folded)."""
    body = strip_markup(paragraph)
    return body, fold(body)
