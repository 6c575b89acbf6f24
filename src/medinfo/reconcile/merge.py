"""Merging by meaning: facts grouped by kind and folded key, ranked by source reliability."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Reliability
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import brand_in_prose
from medinfo.reconcile.vocabulary import canonical_term, group_of, match_key, plain_key

Ranks = Mapping[str, Reliability]
Value = dict[str, Scalar]
_BAND = re.compile(r"(<=|>=|<|>|≤|≥)?\s*(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?")
_LOWER_SIDE = re.compile(r"(\d+(?:\.\d+)?)\s*<=\s*$")
_UPPER_SIDE = re.compile(r"\s*<\s*(\d+(?:\.\d+)?)")
_CATEGORY_PREFIX = re.compile(r"^\s*(?:pregnancy\s+)?category\s+", re.IGNORECASE)
# one end of a time: "3 days", "few days", "30 minutes" (a range's low end may omit its unit)
_TIME_END = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)|([a-z]+))\s*([a-z]+?)?s?\s*$")
_TIME_RANGE = re.compile(r"\s*(?:-|–|to)\s*")
_SPAN = "span:"


@dataclass(frozen=True)
class MergeRules:
    """The validated rules/merge.json."""

    severity_order: tuple[str, ...]
    default_severity: str
    route_preference: tuple[str, ...]
    derived_side_effects: dict[FactKind, tuple[str, bool]]  # kind -> (term, serious)
    # kind -> claims that deny the side effect ("not_addictive"): never derived from them
    denying_claims: dict[FactKind, frozenset[str]]
    literal_key_kinds: frozenset[FactKind]
    vague_counts: dict[str, tuple[float, float]]
    time_units_in_minutes: dict[str, float]


@cache
def merge_rules() -> MergeRules:
    """How merged values combine (knowledge/reconcile/merge.json), validated once."""
    raw = load(rules.MergeRules)
    return MergeRules(
        severity_order=raw.severity_order,
        default_severity=raw.default_severity,
        route_preference=tuple(plain_key(route) for route in raw.route_preference),
        derived_side_effects={e.kind: (e.term, e.serious) for e in raw.derived_side_effects},
        denying_claims={e.kind: frozenset(e.denied_by) for e in raw.derived_side_effects},
        literal_key_kinds=frozenset(raw.literal_key_kinds),
        vague_counts=dict(raw.vague_counts),
        time_units_in_minutes=dict(raw.time_units_in_minutes),
    )


def grouping_key(kind: FactKind, key: str) -> str:
    """The key facts of a kind share when they mean the same (see vocabulary.match_key)."""
    if kind in merge_rules().literal_key_kinds:
        return " ".join(key.lower().split())
    return match_key(key, group_of(kind))


def parse_number(value: Scalar, where: str) -> float | None:
    """A stated number as a float (None when absent); InputError naming `where` otherwise."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except ValueError as error:
        raise InputError(f"fact {where}: {value!r} is not a number") from error


def egfr_bounds(band: str) -> dict[str, float]:
    """An eGFR band ("<30", "30-59", ">=60", or extraction's "15<=egfr<30") as egfr_at_least /
    egfr_below bounds."""
    if "egfr" in band:  # both sides of the measure: "15<=egfr<30" keeps its upper bound
        left, _, right = band.partition("egfr")
        bounds: dict[str, float] = {}
        if lower := _LOWER_SIDE.search(left):
            bounds["egfr_at_least"] = float(lower.group(1))
        if upper := _UPPER_SIDE.match(right):
            bounds["egfr_below"] = float(upper.group(1))
        return bounds
    match = _BAND.search(band)
    if not match:
        return {}
    op, low, high = match.group(1) or "", float(match.group(2)), match.group(3)
    if high is not None:
        return {"egfr_at_least": low, "egfr_below": float(high)}
    return {"egfr_below" if op in ("<", "<=", "≤") else "egfr_at_least": low}


def strongest_severity(values: Iterable[Scalar]) -> str:
    """The most severe of the stated severities (by rules/merge.json), else the default."""
    rules = merge_rules()
    known = [str(v).lower() for v in values if str(v).lower() in rules.severity_order]
    return max(known, key=rules.severity_order.index) if known else rules.default_severity


def route_order(route_key: str) -> int:
    """Where a route comes in the preferred display order; unlisted routes come last."""
    routes = merge_rules().route_preference
    return routes.index(route_key) if route_key in routes else len(routes)


# The places of one document, highest first (extract/reading.py Place): a fact marked with
# its place (a document that disagrees with itself) is ranked by it within its source.
PLACE_ORDER = ("dedicated", "summary", "faq_answer", "introduction", "anecdote", "advert")


def place_rank(fact: ExtractedFact) -> int:
    """The rank of the fact's place in its document (0 = a dedicated section or unmarked)."""
    place = fact.attributes.get("place")
    return PLACE_ORDER.index(place) if place in PLACE_ORDER else 0


def fact_rank(fact: ExtractedFact, ranks: Ranks) -> tuple[int, str, int, int, int]:
    """Sort key putting facts from the most reliable source first, then by their place in
    the document, then in text order."""
    ev = fact.evidence
    return (-ranks[ev.source], ev.source, place_rank(fact), ev.start, ev.end)


def order_sources(sources: Iterable[str], ranks: Ranks) -> list[str]:
    """Distinct source ids, most reliable first, ties by id."""
    return sorted(set(sources), key=lambda source: (-ranks[source], source))


def sort_evidence(spans: Iterable[Evidence]) -> list[Evidence]:
    """Distinct evidence spans in (source, start, end, section) order."""
    return sorted(set(spans), key=lambda ev: (ev.source, ev.start, ev.end, ev.section))


def order_evidence(facts: Iterable[ExtractedFact]) -> list[Evidence]:
    """The distinct evidence spans of facts, in (source, start, end, section) order."""
    return sort_evidence(fact.evidence for fact in facts)


@dataclass
class FactGroup:
    """Facts of one kind that mean the same thing, most reliable first."""

    kind: FactKind
    key: str
    facts: list[ExtractedFact]
    display: str
    sources: list[str]
    evidence: list[Evidence]
    best: Reliability

    def attribute(self, name: str) -> Scalar:
        """The value of an attribute from the most reliable fact that states it."""
        for fact in self.facts:
            value = fact.attributes.get(name)
            if value is not None:
                return value
        return None

    def values(self, name: str) -> list[Scalar]:
        """Every stated value of an attribute, most reliable fact first."""
        return [f.attributes[name] for f in self.facts if f.attributes.get(name) is not None]


def _display(kind: FactKind, facts: Sequence[ExtractedFact]) -> str:
    """The term shown for a group: its canonical synonym, else the most used spelling."""
    canonical = canonical_term(facts[0].key, group_of(kind))
    if canonical is not None:
        return canonical
    written = Counter(" ".join(fact.key.split()) for fact in facts)
    if kind is FactKind.BRAND_NAME:  # "Lipitor" as an article writes it, not a label's "LIPITOR"
        cased = Counter({name: n for name, n in written.items() if not name.isupper()})
        written = cased or Counter({brand_in_prose(name): n for name, n in written.items()})
    # most_common keeps first-seen order among equals; facts are already ranked.
    return written.most_common(1)[0][0]


def build_group(
    kind: FactKind, key: str, facts: Iterable[ExtractedFact], ranks: Ranks
) -> FactGroup:
    """A FactGroup of the given facts, ranked and attributed."""
    ranked = sorted(facts, key=lambda fact: fact_rank(fact, ranks))
    return FactGroup(
        kind=kind,
        key=key,
        facts=ranked,
        display=_display(kind, ranked),
        sources=order_sources((f.evidence.source for f in ranked), ranks),
        evidence=order_evidence(ranked),
        best=ranks[ranked[0].evidence.source],
    )


def group_facts(facts: Iterable[ExtractedFact], ranks: Ranks) -> dict[FactKind, list[FactGroup]]:
    """Facts grouped by kind and folded key; groups with most sources first, then by key."""
    buckets: dict[tuple[FactKind, str], list[ExtractedFact]] = defaultdict(list)
    for fact in facts:
        buckets[(fact.kind, grouping_key(fact.kind, fact.key))].append(fact)
    groups: dict[FactKind, list[FactGroup]] = defaultdict(list)
    for (kind, key), bucket in buckets.items():
        groups[kind].append(build_group(kind, key, bucket, ranks))
    for kind_groups in groups.values():
        kind_groups.sort(key=lambda g: (-len(g.sources), -g.best, g.key))
    return dict(groups)


# --- single-valued facts ---------------------------------------------------------------


def _comparable(value: Scalar) -> Scalar:
    if isinstance(value, str):
        return " ".join(value.lower().split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def dose_comparable(value: Value) -> Value:
    """A dose value with its amount in milligrams when its unit is a mass unit."""
    amount, unit = value.get("amount"), value.get("unit")
    if isinstance(amount, int | float) and isinstance(unit, str) and is_mass_unit(unit):
        value = {**value, "amount": Dose(amount=amount, unit=unit).milligrams(), "unit": "mg"}
    return value


def category_comparable(value: Value) -> Value:
    """A category value without a leading "Category" ("Category C" -> "C")."""
    category = value.get("category")
    if isinstance(category, str):
        value = {**value, "category": category_name(category)}
    return value


def category_name(text: str) -> str:
    """A classification letter or name without its "Category" prefix, upper-cased."""
    return _CATEGORY_PREFIX.sub("", text).strip().upper()


def _time_end(text: str) -> tuple[float, float, str | None] | None:
    """The counts one end of a time stands for and its unit ("few days" -> 2, 5, "day")."""
    match = _TIME_END.match(text.lower())
    if match is None:
        return None
    number, word, unit = match.groups()
    counts = (float(number),) * 2 if number else merge_rules().vague_counts.get(word or "")
    if counts is None or (unit and unit not in merge_rules().time_units_in_minutes):
        return None
    return counts[0], counts[1], unit


def time_span(text: str) -> tuple[float, float] | None:
    """The span in minutes a written time covers ("20-30 minutes", "few days"), or None."""
    parts = _TIME_RANGE.split(text.strip(), maxsplit=1)
    low, high = _time_end(parts[0]), _time_end(parts[-1])
    if low is None or high is None or high[2] is None:
        return None
    minutes = merge_rules().time_units_in_minutes
    return low[0] * minutes[low[2] or high[2]], high[1] * minutes[high[2]]


def duration_comparable(value: Value) -> Value:
    """A time value as the span it covers, so that overlapping times agree (see `_agree`)."""
    spans = {n: time_span(v) for n, v in value.items() if isinstance(v, str)}
    return {
        **value,
        **{n: f"{_SPAN}{span[0]:g}:{span[1]:g}" for n, span in spans.items() if span},
    }


def _overlap(a: str, b: str) -> bool:
    (a_low, a_high), (b_low, b_high) = (
        map(float, s.removeprefix(_SPAN).split(":")) for s in (a, b)
    )
    return a_low <= b_high and b_low <= a_high


def _agree(a: Scalar, b: Scalar) -> bool:
    """Two compared values agree: equal, or time spans that overlap."""
    if isinstance(a, str) and isinstance(b, str) and a.startswith(_SPAN) and b.startswith(_SPAN):
        return _overlap(a, b)
    return a == b


COMPARISONS: dict[str, Callable[[Value], Value]] = {
    "dose": dose_comparable,
    "category": category_comparable,
    "duration": duration_comparable,
    "plain": dict,
}


@dataclass
class ValueClaim:
    """One stated value of a single-valued fact and the facts that state it."""

    value: Value
    facts: list[ExtractedFact] = field(default_factory=list)


@dataclass
class Choice:
    """The value chosen for a single-valued fact, its support, and the values it beat."""

    value: Value
    support: list[ExtractedFact]
    rivals: list[ValueClaim]


def _compatible(a: Value, b: Value) -> bool:
    return all(_agree(a[name], b[name]) for name in a.keys() & b.keys())


def choose_value(
    facts: Sequence[ExtractedFact],
    attributes: Sequence[str],
    ranks: Ranks,
    normalise: Callable[[Value], Value] = dict,
) -> Choice:
    """Pick the value of the most reliable source; ties go to the value more sources state,
    then to the value stated in the better place of its document.

    Facts stating only part of the attributes support any value they do not contradict
    and fill in what the winner leaves open; contradicting values become rivals.
    """
    ranked = sorted(facts, key=lambda fact: fact_rank(fact, ranks))
    stated: list[tuple[ExtractedFact, Value, Value]] = []
    for fact in ranked:
        raw = {n: fact.attributes[n] for n in attributes if fact.attributes.get(n) is not None}
        compare = {n: _comparable(v) for n, v in normalise(raw).items()}
        stated.append((fact, raw, compare))
    claims: dict[tuple[tuple[str, Scalar], ...], list[int]] = {}
    for index, (_, _, compare) in enumerate(stated):
        if compare:
            claims.setdefault(tuple(sorted(compare.items(), key=str)), []).append(index)

    def strength(indexes: list[int]) -> tuple[int, int, int, int]:
        compare = stated[indexes[0]][2]
        backers = {
            stated[i][0].evidence.source for i, s in enumerate(stated) if _compatible(s[2], compare)
        }
        # between sources of one standing and support, the better place in its document (a
        # dedicated section over general text or a personal account), not the source's id
        place = min(place_rank(stated[i][0]) for i in indexes)
        return (-ranks[stated[indexes[0]][0].evidence.source], -len(backers), place, indexes[0])

    ordered = sorted(claims.values(), key=strength)
    value: Value = {}
    compare_value: Value = {}
    for indexes in ordered:
        fact, raw, compare = stated[indexes[0]]
        if _compatible(compare_value, compare):
            for name in attributes:
                if name in raw and name not in value:
                    value[name], compare_value[name] = raw[name], compare[name]
    support = [fact for fact, _, compare in stated if _compatible(compare_value, compare)]
    rivals: dict[tuple[tuple[str, Scalar], ...], ValueClaim] = {}
    for fact, raw, compare in stated:
        if not _compatible(compare_value, compare):
            key = tuple(sorted(compare.items(), key=str))
            rivals.setdefault(key, ValueClaim(raw)).facts.append(fact)
    return Choice(value=value, support=support, rivals=list(rivals.values()))
