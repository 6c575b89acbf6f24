"""Source reliability: FDA label > professional reference > consumer article > AI/crowd."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.sources import Reliability, Source
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.loading import load


@dataclass(frozen=True)
class Verdict:
    """A reliability level and the reason shown next to it."""

    level: Reliability
    reason: str


@dataclass(frozen=True)
class ReliabilityRules:
    """The validated contents of rules/reliability.json."""

    content_notice: Verdict
    kinds: dict[str, Verdict]
    hosts: tuple[tuple[str, Reliability], ...]
    host_reason: str
    default: Verdict


def _verdict(entry: rules.Verdict) -> Verdict:
    return Verdict(Reliability[entry.level.upper()], entry.reason)


@cache
def reliability_rules() -> ReliabilityRules:
    """The reliability rules of knowledge/reconcile/reliability.json, validated once."""
    raw = load(rules.ReliabilityRules)
    hosts = [(entry.host.lower(), Reliability[entry.level.upper()]) for entry in raw.hosts]
    # The most specific host (longest name) is tried first.
    hosts.sort(key=lambda item: (-len(item[0]), item[0]))
    return ReliabilityRules(
        content_notice=_verdict(raw.content_notice),
        kinds={kind: _verdict(verdict) for kind, verdict in raw.kinds.items()},
        hosts=tuple(hosts),
        host_reason=raw.host_reason,
        default=_verdict(raw.default),
    )


def _host_verdict(url: str | None, rules: ReliabilityRules) -> Verdict | None:
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    for known, level in rules.hosts:
        if host == known or host.endswith(f".{known}"):
            return Verdict(level, rules.host_reason.format(host=known))
    return None


def judge_source(source: Source, facts: Iterable[ExtractedFact]) -> Verdict:
    """The reliability verdict for one source, given the facts extracted from it."""
    rules = reliability_rules()
    if any(
        fact.kind is FactKind.CONTENT_NOTICE and fact.evidence.source == source.id for fact in facts
    ):
        return rules.content_notice
    by_kind = rules.kinds.get(source.kind.value)
    if by_kind is not None:
        return by_kind
    return _host_verdict(source.url, rules) or rules.default


def assess_reliability(source: Source, facts: Iterable[ExtractedFact]) -> Source:
    """The source with `reliability` and `reliability_reason` set from the rules."""
    verdict = judge_source(source, facts)
    return source.model_copy(
        update={"reliability": verdict.level, "reliability_reason": verdict.reason}
    )
