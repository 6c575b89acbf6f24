"""CDS Hooks calls: request validation, orders checked against monographs, cards and gaps."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from medinfo.domain.monograph import Monograph, SourceRef
from medinfo.services.cds.fhir_json import HookError
from medinfo.services.cds.hook_calls import (
    UnknownServiceError,
    answer_hook,
    read_hook_call,
)
from medinfo.services.monograph_lookup import MedicineName
from tests.cds_requests import condition, full_prefetch, hook_request, medication_request
from tests.cds_schema import assert_valid_response
from tests.stored_monographs import tizanidine
from tests.unit.services.safety.monographs import (
    alpha_agonist,
    antidepressant,
    bare,
    muscle_relaxant,
)

TODAY = date(2026, 12, 3)
SIGN = "medinfo-order-sign"
SOURCES = [
    SourceRef(id=key, title=f"Source {key}", kind="label", reliability="fda") for key in "abc"
]


class FakeLookup:
    """Monographs by name, and a tiny catalog of other medicines."""

    def __init__(self, *monographs: Monograph) -> None:
        self.monographs = {m.drug: m for m in monographs}
        self.brands = {"lioresal": "baclofen", "percocet": "oxycodone", "valium": "diazepam"}

    def identify(self, name: str) -> MedicineName:
        key = self.brands.get(name.strip().lower(), name.strip().lower())
        if key in self.monographs:
            return MedicineName(name, key, True)
        if key in self.brands.values():
            return MedicineName(name, key, False)
        return MedicineName(name)

    def get(self, drug: str) -> Monograph | None:
        return self.monographs.get(drug)

    def resolve_components(self, name: str) -> list[str]:
        key = self.brands.get(name.strip().lower(), name.strip().lower())
        return [key] if key in self.brands.values() else []


def _answer(request: dict[str, Any], service: str = SIGN) -> list[dict[str, Any]]:
    lookup = FakeLookup(muscle_relaxant().model_copy(update={"sources": SOURCES}))
    call = read_hook_call(json.dumps(request).encode(), service)
    response = answer_hook(call, lookup, "https://medinfo.example/", TODAY)
    assert_valid_response(response)
    cards: list[dict[str, Any]] = response["cards"]
    return cards


def test_answer_hook_clean_order_returns_no_cards() -> None:
    order = medication_request("Lioresal 10 mg tablet", 10, frequency=3)
    assert _answer(hook_request([order], full_prefetch())) == []


def test_answer_hook_high_dose_is_a_card_with_sources_and_override_reasons() -> None:
    order = medication_request("baclofen", 2, "{tbl}", timing_code="QID")
    order["medicationCodeableConcept"]["text"] = "Baclofen 20 MG Oral Tablet"
    cards = _answer(hook_request([order], full_prefetch()))
    dose = [card for card in cards if "daily dose" in card["summary"]]
    assert len(dose) == 1
    assert dose[0]["indicator"] in {"warning", "critical"}
    assert "Source a" in dose[0]["detail"]
    assert "160 mg a day" in dose[0]["detail"]
    assert dose[0]["overrideReasons"]
    assert dose[0]["source"]["url"] == "https://medinfo.example/drugs/baclofen"


def test_answer_hook_reads_interactions_conditions_and_kidney_function() -> None:
    prefetch = full_prefetch(
        egfr=25, medicines=("Valium",), conditions=(condition("Epilepsy", "84757009"),)
    )
    order = medication_request("baclofen", 5, frequency=3)
    summaries = " | ".join(card["summary"] for card in _answer(hook_request([order], prefetch)))
    assert "sedating medicine" in summaries
    assert "seizures" in summaries
    assert "kidney" in summaries


def test_answer_hook_card_uuids_are_stable() -> None:
    prefetch = full_prefetch(medicines=("Valium",))
    request = hook_request([medication_request("baclofen", 5, frequency=3)], prefetch)
    first = [card["uuid"] for card in _answer(request)]
    assert first
    assert first == [card["uuid"] for card in _answer(request)]


def test_answer_hook_other_draft_orders_count_as_other_medicines() -> None:
    orders = [
        medication_request("baclofen", 5, frequency=3, order_id="a"),
        medication_request("Valium", 5, frequency=2, order_id="b"),
    ]
    summaries = [card["summary"] for card in _answer(hook_request(orders, full_prefetch()))]
    assert any("sedating" in summary for summary in summaries)


def test_answer_hook_lists_what_could_not_be_checked() -> None:
    orders = [
        medication_request("baclofen", 2, "{tablet}", order_id="a"),
        medication_request("Percocet", 1, order_id="b"),
        medication_request("zzqxv", 1, order_id="c"),
    ]
    cards = _answer(hook_request(orders))
    gaps = [card for card in cards if "could not check" in card["summary"]]
    assert len(gaps) == 1
    detail = gaps[0]["detail"]
    assert gaps[0]["indicator"] == "info"
    assert "no prefetch was sent" in detail
    assert "strength" in detail
    assert "no sources about oxycodone" in detail
    assert "zzqxv" in detail


def test_answer_hook_order_select_checks_only_the_selections() -> None:
    orders = [
        medication_request("baclofen", 50, frequency=4, order_id="a"),
        medication_request("baclofen", 5, frequency=3, order_id="b"),
    ]
    request = hook_request(
        orders, full_prefetch(), hook="order-select", selections=["MedicationRequest/b"]
    )
    assert _answer(request, "medinfo-order-select") == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[]", "expected a JSON object"),
        (json.dumps({"hook": "patient-view"}).encode(), "not 'patient-view'"),
        (json.dumps({"hook": "order-sign"}).encode(), "hookInstance"),
        (
            json.dumps({"hook": "order-sign", "hookInstance": "x", "context": {}}).encode(),
            "context.patientId",
        ),
        (
            json.dumps(
                {
                    "hook": "order-sign",
                    "hookInstance": "x",
                    "context": {"patientId": "p", "draftOrders": {"resourceType": "Patient"}},
                }
            ).encode(),
            "expected a FHIR Bundle",
        ),
    ],
)
def test_read_hook_call_rejects_bad_requests_naming_the_field(body: bytes, message: str) -> None:
    with pytest.raises(HookError, match=message):
        read_hook_call(body, SIGN)


def test_read_hook_call_unknown_service_and_unknown_selection() -> None:
    with pytest.raises(UnknownServiceError):
        read_hook_call(b"{}", "nope")
    request = hook_request(
        [medication_request("b", 1)], hook="order-select", selections=["MedicationRequest/zz"]
    )
    with pytest.raises(HookError, match="not among the draftOrders"):
        read_hook_call(json.dumps(request).encode(), "medinfo-order-select")


@pytest.mark.parametrize(
    "monograph",
    [muscle_relaxant(), alpha_agonist(), antidepressant(), tizanidine(), bare()],
    ids=lambda m: m.drug,
)
def test_answer_hook_starting_dose_for_a_healthy_adult_gives_no_alarm(monograph: Monograph) -> None:
    """Invariant over every test monograph: the sources' own starting dose, a healthy adult,
    complete prefetch and no other medicines raise no alarm (false alarms are defects); a
    monograph without any maximum says, in one info card, that the dose was not checked."""
    initial = monograph.dosing.initial
    dose = initial.amount if initial is not None and initial.unit == "mg" else 1.0
    times = initial.frequency_per_day if initial and initial.frequency_per_day else 1
    order = medication_request(monograph.drug, dose, frequency=times)
    call = read_hook_call(json.dumps(hook_request([order], full_prefetch())).encode(), SIGN)
    response = answer_hook(call, FakeLookup(monograph), "https://m.example/", TODAY)
    dosing = monograph.dosing
    if dosing.max_daily is not None or dosing.max_single is not None:
        assert response == {"cards": []}
    else:
        (card,) = response["cards"]
        assert card["indicator"] == "info"
        assert "not checked" in card["detail"]
