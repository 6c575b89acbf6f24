"""A CDS Hooks call: read the request, check each draft medication order, answer with cards."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol
from urllib.parse import quote

from pydantic import ValidationError

from medinfo.domain.alerts import AlertCode, CheckRequest, Patient, Regimen
from medinfo.domain.errors import MedinfoError
from medinfo.domain.monograph import Monograph
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.names import normalize_name
from medinfo.services.cds.cards import CardContext, alert_card, not_checked_card
from medinfo.services.cds.discovery import SERVICES, CdsService
from medinfo.services.cds.fhir_json import (
    HookError,
    Json,
    bundle_resources,
    member,
    parse_body,
    text,
)
from medinfo.services.cds.medication_orders import MedicationOrder, read_order
from medinfo.services.cds.patient_data import PatientFacts, read_patient
from medinfo.services.monograph_lookup import MedicineName
from medinfo.services.safety import check_regimen

MAX_HOOK_BYTES = 2 * 1024 * 1024
# A dose the engine reads when the order states none: below every limit, and its dose alerts
# are dropped; the not-checked card says the dose was not checked.
_NO_DOSE_MG = 1e-6
_DOSE_CODES = frozenset({AlertCode.MAX_DAILY_DOSE_EXCEEDED, AlertCode.SINGLE_DOSE_HIGH})
_KIDNEY_WORDS = ("kidney", "renal")
_MAX_OTHERS = 50
_MAX_NAME = 200


class UnknownServiceError(MedinfoError):
    """A service id medinfo does not offer."""


class MedicineLookup(Protocol):
    """Medicine names to monographs (StoreMonographs), and the catalog for other medicines."""

    def identify(self, name: str) -> MedicineName: ...

    def get(self, drug: str) -> Monograph | None: ...

    def resolve_components(self, name: str) -> list[str]: ...


@dataclass(frozen=True)
class HookCall:
    """A validated CDS Hooks request for one of medinfo's services."""

    service: CdsService
    hook_instance: str
    patient_id: str
    orders: list[tuple[str, Json]]
    selections: frozenset[str] | None
    prefetch: Mapping[str, Any] | None


def find_service(service_id: str) -> CdsService:
    """The service with this id; UnknownServiceError otherwise."""
    service = SERVICES.get(service_id)
    if service is None:
        raise UnknownServiceError(f"no CDS service {service_id[:80]!r}; see GET /cds-services")
    return service


def read_hook_call(data: bytes, service_id: str) -> HookCall:
    """Parse and validate a request body; HookError names the field at fault."""
    service = find_service(service_id)
    body = parse_body(data, MAX_HOOK_BYTES)
    if not isinstance(body, dict):
        raise HookError("request body: expected a JSON object")
    hook = text(body, "hook")
    if hook != service.hook:
        raise HookError(f"hook: {service.id} answers {service.hook!r}, not {hook or 'none'!r}")
    instance = text(body, "hookInstance")
    if not instance:
        raise HookError("hookInstance: required")
    context = member(body, "context", "request") or {}
    patient_id = text(context, "patientId")
    if not patient_id:
        raise HookError("context.patientId: required")
    if context.get("draftOrders") is None:
        raise HookError("context.draftOrders: required (a Bundle of the draft orders)")
    draft = context["draftOrders"]
    if not isinstance(draft, Mapping) or draft.get("resourceType") != "Bundle":
        raise HookError("context.draftOrders: expected a FHIR Bundle")
    resources = bundle_resources(draft, "context.draftOrders")
    orders = [
        (f"context.draftOrders.entry[{index}].resource", resource)
        for index, resource in enumerate(resources)
        if resource.get("resourceType") == "MedicationRequest"
    ]
    selections = _selections(context, orders) if service.hook == "order-select" else None
    prefetch = member(body, "prefetch", "request")
    return HookCall(service, instance, patient_id, orders, selections, prefetch)


def answer_hook(
    call: HookCall, lookup: MedicineLookup, base_url: str, today: date
) -> dict[str, Any]:
    """The cards for a call: one per finding, and one listing what could not be checked."""
    patient = read_patient(call.prefetch, today)
    orders = [(where, read_order(resource, where)) for where, resource in call.orders]
    gaps: list[tuple[str, str]] = []
    cards: dict[str, dict[str, Any]] = {}
    for where, order in orders:
        if call.selections is not None and order.reference not in call.selections:
            continue
        others = [o.label for w, o in orders if w != where]
        for card in _check_order(order, others, patient, lookup, base_url, call, gaps):
            cards.setdefault(card["uuid"], card)
    if not orders:
        gaps.append(("draft orders", "no MedicationRequest among the draft orders"))
    gaps += [(gap.what, gap.reason) for gap in patient.gaps if gap.what != "kidney function"]
    found = list(cards.values())
    if gaps:
        found.append(not_checked_card(list(dict.fromkeys(gaps)), call.patient_id, base_url))
    return {"cards": found}


def drug_page(base_url: str, drug: str) -> str:
    return f"{base_url.rstrip('/')}/drugs/{quote(drug)}"


def _check_order(
    order: MedicationOrder,
    others: list[str],
    facts: PatientFacts,
    lookup: MedicineLookup,
    base_url: str,
    call: HookCall,
    gaps: list[tuple[str, str]],
) -> list[dict[str, Any]]:
    found = _identify(order, lookup)
    if found.drug is None:
        gaps.append(
            (order.label, "not a medicine medinfo recognises: nothing about it was checked")
        )
        return []
    monograph = lookup.get(found.drug) if found.has_monograph else None
    if monograph is None:
        reason = f"medinfo has no sources about {found.drug} yet: nothing about it was checked"
        gaps.append((order.label, reason))
        return []
    gaps += [(order.label, problem) for problem in order.problems]
    if _kidney_matters(monograph) and facts.egfr is None:
        gaps += [(f"{order.label}: {g.what}", g.reason) for g in facts.gaps if "kidney" in g.what]
    try:
        request = CheckRequest(
            patient=Patient(
                age=facts.age,
                egfr=facts.egfr,
                other_medications=[
                    name[:_MAX_NAME] for name in (*facts.other_medications, *others)
                ][:_MAX_OTHERS],
                **facts.flags,
            ),
            regimen=Regimen(
                drug=found.drug,
                dose_mg=order.dose_mg or _NO_DOSE_MG,
                times_per_day=order.times_per_day or 1,
                route=order.route or "oral",
            ),
        )
    except ValidationError as error:
        raise HookError(f"{order.reference}: {error.errors()[0]['msg']}") from None
    response = check_regimen(request, monograph, resolve=lookup)
    for item in getattr(response, "not_checked", None) or []:
        gaps.append((f"{order.label}: {_field(item, 'what')}", _field(item, "reason")))
    context = CardContext(
        drug_page(base_url, monograph.drug), call.patient_id, order.label, _summary(order, facts)
    )
    return [
        alert_card(alert, monograph, context)
        for alert in response.alerts
        if order.dose_mg is not None or alert.code not in _DOSE_CODES
    ]


def _identify(order: MedicationOrder, lookup: MedicineLookup) -> MedicineName:
    """The first candidate name that medinfo knows, trying plainer forms of each name."""
    noise = medicine_groups().noise_words
    unknown = MedicineName(order.label)
    for name in order.names:
        plain = re.split(r"\d", name, maxsplit=1)[0].strip(" ,-(")
        words = [w for w in normalize_name(name).split() if w not in noise and not _has_digit(w)]
        bracketed = re.findall(r"\[([^\]]+)\]", name)
        # Plain forms first: an exact name is cheap, a miss on the full text costs a fuzzy search.
        for candidate in dict.fromkeys([plain, " ".join(words), *bracketed, name]):
            if not candidate:
                continue
            found = lookup.identify(candidate)
            if found.has_monograph:
                return found
            if found.drug is not None and unknown.drug is None:
                unknown = found
    return unknown


def _selections(context: Json, orders: list[tuple[str, Json]]) -> frozenset[str]:
    raw = context.get("selections")
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw) or not raw:
        raise HookError("context.selections: expected a non-empty list of order references")
    known = {f"MedicationRequest/{text(resource, 'id')}" for _, resource in orders}
    for item in raw:
        if item.startswith("MedicationRequest/") and item not in known:
            raise HookError(f"context.selections: {item[:80]!r} is not among the draftOrders")
    return frozenset(raw)


def _kidney_matters(monograph: Monograph) -> bool:
    """Whether the sources say anything about kidney function for this drug."""
    if monograph.dosing.renal_adjustment:
        return True
    return any(
        word in precaution.condition.lower()
        for precaution in monograph.precautions
        for word in _KIDNEY_WORDS
    )


def _summary(order: MedicationOrder, facts: PatientFacts) -> str:
    if order.dose_mg is None:
        dose = "dose not read"
    else:
        times = order.times_per_day or 1
        dose = f"{order.dose_mg:g} mg {times} time{'s' if times > 1 else ''} a day"
        dose += f" ({order.dose_mg * times:g} mg a day)"
    route = order.route or "route not stated"
    kidney = ""
    if facts.egfr is not None:
        how = (
            " (estimated from creatinine, CKD-EPI 2021)"
            if facts.egfr_estimated_from_creatinine
            else ""
        )
        kidney = f"; eGFR {facts.egfr:g}{how}"
    return f"{order.label}: {dose}, {route}{kidney}"


def _field(item: object, name: str) -> str:
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, "")
    return str(value or "")


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)
