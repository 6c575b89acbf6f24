"""Citations on a page: numbered sources, markers pointing at quoted evidence, flag labels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import Attributed, Monograph, SourceRef
from medinfo.services.fact_words import format_day

FLAG_LABELS = {
    "single_weak_source": "only one less reliable source says this",
    "outdated": "outdated: a retired classification",
}
RELIABILITY_LABELS = {
    "fda_label": "FDA label",
    "professional_reference": "professional reference",
    "consumer_article": "consumer article",
    "user_generated": "AI-generated or crowd-sourced content",
}


@dataclass(frozen=True)
class Marker:
    """A numbered link from a fact to the source (and the quote) that states it."""

    number: int
    href: str
    title: str


@dataclass(frozen=True)
class QuoteView:
    anchor: str
    section: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceView:
    """One entry of the numbered source list, with the evidence quoted from it."""

    number: int
    anchor: str
    id: str
    title: str
    kind: str
    reliability: str
    reliability_reason: str
    url: str | None
    quotes: tuple[QuoteView, ...]
    publisher: str = ""
    published: str = ""  # in words, "12 March 2024"
    published_iso: str = ""

    @property
    def unquoted(self) -> bool:
        """Whether some cited passage cannot be quoted (the source's text is not stored)."""
        return any(not quote.text for quote in self.quotes)


@dataclass(frozen=True)
class FactView:
    """A statement shown to a reader: its text, source markers and warning flags."""

    text: str
    markers: tuple[Marker, ...] = ()
    flags: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()


class Citations:
    """Numbers a monograph's sources and hands out markers, remembering which evidence is cited."""

    def __init__(self, sources: list[SourceRef], quotes: Mapping[Evidence, str]) -> None:
        self._refs: dict[str, SourceRef] = {}
        self._numbers: dict[str, int] = {}
        for ref in sources:
            self._add(ref)
        self._quotes = quotes
        self._cited: dict[str, list[Evidence]] = {ref: [] for ref in self._numbers}

    def fact(self, text: str, item: Attributed | None = None) -> FactView:
        """A fact line citing the sources and evidence of `item` (none when it is None)."""
        if item is None:
            return FactView(text)
        flags = tuple(FLAG_LABELS.get(flag, flag) for flag in item.flags)
        return FactView(text, self.markers(item.sources, item.evidence), flags, tuple(item.sources))

    def markers(self, source_ids: list[str], evidence: list[Evidence]) -> tuple[Marker, ...]:
        """One marker per source, linking to the first quote of `evidence` from that source."""
        markers = []
        for source_id in dict.fromkeys(source_ids):
            number = self._number(source_id)
            href = f"#source-{number}"
            for item in evidence:
                if item.source == source_id:
                    href = f"#{self._cite(item)}"
                    break
            markers.append(Marker(number, href, self._refs[source_id].title))
        return tuple(sorted(markers, key=lambda marker: marker.number))

    def source_list(self) -> list[SourceView]:
        """Every source in number order with the quotes the page cites."""
        views = []
        for source_id, number in self._numbers.items():
            ref = self._refs[source_id]
            quotes = tuple(
                QuoteView(
                    self._anchor(number, position),
                    item.section.replace("_", " "),  # "common_side_effects" -> words
                    self._quotes.get(item, ""),
                    item.start,
                    item.end,
                )
                for position, item in enumerate(self._cited.get(source_id, []))
            )
            views.append(
                SourceView(
                    number,
                    f"source-{number}",
                    ref.id,
                    ref.title,
                    ref.kind,
                    RELIABILITY_LABELS.get(ref.reliability, ref.reliability.replace("_", " ")),
                    ref.reliability_reason,
                    _safe_url(ref.url),
                    quotes,
                    ref.publisher or "",
                    format_day(ref.published) if ref.published else "",
                    ref.published.isoformat() if ref.published else "",
                )
            )
        return views

    def title(self, source_id: str) -> str:
        self._number(source_id)
        return self._refs[source_id].title

    def numbers(self) -> dict[str, int]:
        return dict(self._numbers)

    def _add(self, ref: SourceRef) -> None:
        if ref.id not in self._numbers:
            self._numbers[ref.id] = len(self._numbers) + 1
            self._refs[ref.id] = ref

    def _number(self, source_id: str) -> int:
        if source_id not in self._numbers:
            self._add(SourceRef(id=source_id, title=source_id, kind="unknown", reliability=""))
            self._cited[source_id] = []
        return self._numbers[source_id]

    def _cite(self, item: Evidence) -> str:
        cited = self._cited.setdefault(item.source, [])
        key = (item.start, item.end)
        for position, known in enumerate(cited):
            if (known.start, known.end) == key:
                return self._anchor(self._numbers[item.source], position)
        cited.append(item)
        return self._anchor(self._numbers[item.source], len(cited) - 1)

    @staticmethod
    def _anchor(number: int, position: int) -> str:
        return f"source-{number}-quote-{position + 1}"


def _safe_url(url: str | None) -> str | None:
    """Only web addresses become links (never javascript: or data: URLs)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def all_evidence(monograph: Monograph) -> list[Evidence]:
    """Every piece of evidence in the monograph (facts and conflict claims), for quoting."""
    found: list[Evidence] = []
    for item in _walk(monograph):
        found.extend(item.evidence)
    for conflict in monograph.conflicts:
        for claim in conflict.claims:
            found.extend(claim.evidence)
    return found


def _walk(model: BaseModel) -> Iterator[Attributed]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = (
            value
            if isinstance(value, list)
            else list(value.values())
            if isinstance(value, dict)
            else [value]
        )
        for entry in values:
            for element in entry if isinstance(entry, list) else [entry]:
                if isinstance(element, Attributed):
                    yield element
                if isinstance(element, BaseModel):
                    yield from _walk(element)
