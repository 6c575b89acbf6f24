"""Cards: indicator from severity, summary length, cited sources, escaped Markdown."""

from __future__ import annotations

import pytest

from medinfo.domain.alerts import Alert, AlertCode, Severity
from medinfo.domain.monograph import Monograph, SourceRef
from medinfo.services.cds.cards import (
    SUMMARY_LIMIT,
    CardContext,
    alert_card,
    load_card_rules,
    not_checked_card,
)

SOURCE = SourceRef(
    id="s1",
    title="[Label](javascript:x)",
    kind="label",
    reliability="fda",
    url="https://example.org/label",
)
MONOGRAPH = Monograph(drug="baclofen" * 30, sources=[SOURCE])
CONTEXT = CardContext("https://m.example/drugs/baclofen", "p1", "baclofen", "baclofen: 5 mg")


@pytest.mark.parametrize(
    ("severity", "indicator"),
    [("danger", "critical"), ("warning", "warning"), ("caution", "info"), ("info", "info")],
)
def test_alert_card_maps_severity_to_indicator(severity: str, indicator: str) -> None:
    alert = Alert(code=AlertCode.PREGNANCY, severity=Severity(severity), message="m")
    assert alert_card(alert, MONOGRAPH, CONTEXT)["indicator"] == indicator


def test_alert_card_summary_is_short_and_sources_are_cited_without_links() -> None:
    alert = Alert(
        code=AlertCode.INTERACTION_OTHER, severity=Severity.WARNING, message="m", sources=["s1"]
    )
    card = alert_card(alert, MONOGRAPH, CONTEXT)
    assert len(card["summary"]) < SUMMARY_LIMIT
    assert "\\[Label\\]" in card["detail"]
    assert "https://example.org/label" in card["detail"]
    assert card["overrideReasons"]


def test_every_alert_code_has_a_card_title() -> None:
    rules = load_card_rules()
    assert set(AlertCode) <= set(rules.titles)
    # a code from the medicine-group vocabulary reads as its family without its own title
    assert rules.title("INTERACTION_SEROTONIN") == rules.titles["INTERACTION_OTHER"]
    assert rules.title("SOMETHING_NEW") == rules.fallback_title


def test_not_checked_card_lists_every_gap() -> None:
    card = not_checked_card([("age", "no birthDate"), ("x", "unknown")], "p1", "https://m/")
    assert card["indicator"] == "info"
    assert "no birthDate" in card["detail"]
    assert "unknown" in card["detail"]
    assert "does not mean" in card["detail"]
