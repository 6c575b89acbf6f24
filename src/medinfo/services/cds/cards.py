"""Safety-check alerts and unmade checks as CDS Hooks 2.0 cards, each citing its sources."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from medinfo.domain.alerts import Alert, Severity
from medinfo.domain.errors import InputError
from medinfo.domain.monograph import Monograph, SourceRef
from medinfo.knowledge.cds_rules import CardRules
from medinfo.knowledge.loading import load

SUMMARY_LIMIT = 140
# Cards' uuids are name-based (uuid5) in this namespace: the same finding keeps its uuid.
_NAMESPACE = uuid.UUID("6f1d3c52-5b0e-4f5e-9a56-6d1f0c1b7a21")
_MARKDOWN_SPECIALS = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


@lru_cache(maxsize=1)
def load_card_rules() -> CardRules:
    """The packaged card rules; InputError naming the file when malformed."""
    rules = load(CardRules)
    if set(rules.indicators) != set(Severity):
        raise InputError(f"knowledge/{CardRules.FILE}: indicators: every severity needs one")
    return rules


@dataclass(frozen=True)
class CardContext:
    """Where a card points: the drug page, and what it is about (for its uuid and detail)."""

    drug_page: str
    patient_id: str
    order_label: str
    order_summary: str


def alert_card(alert: Alert, monograph: Monograph, context: CardContext) -> dict[str, Any]:
    """One card for one alert: indicator from severity, sources cited in the detail."""
    rules = load_card_rules()
    title = rules.title(alert.code)
    cited = [source for source in monograph.sources if source.id in set(alert.sources)]
    detail = [
        _escape(alert.message),
        "",
        f"**Order as read:** {_escape(context.order_summary)}",
        "",
        "**Sources:**",
        *(_citation(source) for source in cited),
    ]
    if not cited:
        detail.append("- medinfo's monograph (no source is attached to this finding)")
    card: dict[str, Any] = {
        "uuid": _uuid(context.patient_id, monograph.drug, alert.code),
        "summary": _summary(f"{monograph.drug.capitalize()}: {title}"),
        "detail": "\n".join(detail),
        "indicator": rules.indicators[alert.severity],
        "source": {"label": f"medinfo monograph: {monograph.drug}", "url": context.drug_page},
        "links": [
            {"label": f"{monograph.drug} on medinfo", "url": context.drug_page, "type": "absolute"}
        ],
    }
    if alert.code in rules.override_codes:
        card["overrideReasons"] = [
            {"system": rules.override_system, "code": code, "display": display}
            for code, display in rules.override_reasons.items()
        ]
    return card


def not_checked_card(
    gaps: Sequence[tuple[str, str]], patient_id: str, source_url: str
) -> dict[str, Any]:
    """One info card listing what could not be checked: never read as "all clear"."""
    lines = [f"- **{_escape(what)}**: {_escape(reason)}" for what, reason in gaps]
    detail = "\n".join(
        [
            "These checks could not be made, so the absence of other cards does not mean "
            "the order is safe. Ask a pharmacist or check the product information.",
            "",
            *lines,
        ]
    )
    key = "|".join(sorted(f"{what}:{reason}" for what, reason in gaps))
    count = len(gaps)
    return {
        "uuid": _uuid(patient_id, "not-checked", key),
        "summary": _summary(f"medinfo could not check {count} item{'s' if count != 1 else ''}"),
        "detail": detail,
        "indicator": "info",
        "source": {"label": "medinfo safety check", "url": source_url},
    }


def _citation(source: SourceRef) -> str:
    title = _escape(source.title)
    where = f" <{source.url}>" if source.url else ""
    return f"- {title} ({source.kind}, {source.reliability}){where}"


def _summary(text: str) -> str:
    return text if len(text) < SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 2] + "…"


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


def _escape(text: str) -> str:
    """Text as Markdown that shows it literally (no links, images or HTML from sources)."""
    return text.translate(_MARKDOWN_SPECIALS)
