"""Sources are ranked: FDA label > professional reference > consumer article > AI/crowd page."""

from medinfo.domain.facts import FactKind
from medinfo.domain.sources import Reliability, SourceKind
from medinfo.reconcile import assess_reliability
from tests.unit.reconcile.builders import fact, source


def test_assess_reliability_label_is_fda_label() -> None:
    rated = assess_reliability(source("lbl", kind=SourceKind.LABEL), [])
    assert rated.reliability is Reliability.FDA_LABEL
    assert rated.reliability_reason


def test_assess_reliability_self_declared_ai_page_is_lowest_with_reason() -> None:
    notice = fact("bot", FactKind.CONTENT_NOTICE, "ai_or_crowd")
    rated = assess_reliability(source("bot"), [notice])
    assert rated.reliability is Reliability.USER_GENERATED
    assert "machine-written or user-contributed" in rated.reliability_reason


def test_assess_reliability_ignores_notices_of_other_sources() -> None:
    notice = fact("bot", FactKind.CONTENT_NOTICE, "ai_or_crowd")
    assert assess_reliability(source("art"), [notice]).reliability is Reliability.CONSUMER_ARTICLE


def test_assess_reliability_known_professional_host() -> None:
    rated = assess_reliability(source("ref", url="https://www.medlineplus.gov/druginfo/x.html"), [])
    assert rated.reliability is Reliability.PROFESSIONAL_REFERENCE
    assert "medlineplus.gov" in rated.reliability_reason


def test_assess_reliability_lookalike_host_is_a_consumer_article() -> None:
    rated = assess_reliability(source("fake", url="https://medlineplus.gov.example.net/x"), [])
    assert rated.reliability is Reliability.CONSUMER_ARTICLE


def test_assess_reliability_keeps_everything_else() -> None:
    original = source("art", "Tizanidine explained", url="https://health.example.com/t")
    rated = assess_reliability(original, [])
    assert rated.model_dump(exclude={"reliability_reason"}) == original.model_dump(
        exclude={"reliability_reason"}
    )
