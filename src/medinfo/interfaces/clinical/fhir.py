"""FHIR R4 read API: GET /fhir/metadata and MedicationKnowledge read and search by code."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from medinfo.domain.errors import MedinfoError, UnknownDrugError
from medinfo.domain.monograph import Monograph
from medinfo.interfaces.shared.lookup import DrugEntry, DrugLookup
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.services.fhir.medication_knowledge import medication_knowledge, resource_id
from medinfo.services.fhir.server import (
    FHIR_JSON,
    capability_statement,
    operation_outcome,
    searchset,
)

router = APIRouter(prefix="/fhir", tags=["fhir"])
_MAX_CODES = 20
# Every FHIR reply is a resource in FHIR's own JSON media type.
_FHIR_REPLY: dict[int | str, dict[str, Any]] = {
    200: {"content": {FHIR_JSON: {"schema": {"type": "object"}}}}
}


@router.get("/metadata", response_class=Response, responses=_FHIR_REPLY)
async def metadata(request: Request) -> Response:
    """The CapabilityStatement: MedicationKnowledge read and search by code."""
    return _fhir(capability_statement(str(request.base_url), _version()))


@router.get("/MedicationKnowledge/{resource_id}", response_class=Response, responses=_FHIR_REPLY)
async def read(resource_id: str, request: Request) -> Response:
    """One drug's MedicationKnowledge by id (the drug's lower-case name, spaces as '-')."""
    lookup: DrugLookup = request.app.state.lookup
    try:
        entry = await run_in_threadpool(lookup.entry, resource_id.replace("-", " "))
    except (UnknownDrugError, MedinfoError):
        entry = None
    if entry is None or _id(entry) != resource_id:
        message = f"MedicationKnowledge/{resource_id[:80]} is not known"
        return _fhir(operation_outcome("not-found", message), 404)
    return _fhir(await run_in_threadpool(_resource, lookup, entry))


@router.get("/MedicationKnowledge", response_class=Response, responses=_FHIR_REPLY)
async def search(request: Request) -> Response:
    """Search by `code`: names (generic, brand, misspelled) or system|code, comma for OR."""
    lookup: DrugLookup = request.app.state.lookup
    unknown = set(request.query_params) - {"code", "_format", "_count"}
    if unknown:
        message = f"search parameter {sorted(unknown)[0]!r} is not supported; use code"
        return _fhir(operation_outcome("not-supported", message), 400)
    codes = [
        value.split("|")[-1].strip()
        for param in request.query_params.getlist("code")
        for value in param.split(",")
        if value.split("|")[-1].strip()
    ][:_MAX_CODES]
    resources: dict[str, dict[str, Any]] = {}
    for code in codes:
        try:
            entry = await run_in_threadpool(lookup.entry, code)
        except (UnknownDrugError, MedinfoError):
            continue
        resources.setdefault(_id(entry), await run_in_threadpool(_resource, lookup, entry))
    query = urlencode([("code", ",".join(codes))])
    return _fhir(searchset(str(request.base_url), query, list(resources.values())))


def _resource(lookup: DrugLookup, entry: DrugEntry) -> dict[str, Any]:
    """The entry's MedicationKnowledge, made once per monograph version (base URL free)."""

    def make() -> dict[str, Any]:
        monograph = None
        if entry.monograph is not None:
            monograph = Monograph.model_validate_json(entry.monograph.body)
        catalog = entry.catalog or lookup.medinfo.catalog_drug(entry.ref.drug)
        return medication_knowledge(entry.ref.drug, monograph, catalog)

    return lookup.rendered("fhir-medication-knowledge", entry, make)


def _id(entry: DrugEntry) -> str:
    return resource_id(entry.ref.drug)


def _fhir(content: dict[str, Any], status: int = 200) -> Response:
    return SafeJSONResponse(content, status, media_type=FHIR_JSON)


def _version() -> str:
    try:
        return version("medinfo")
    except PackageNotFoundError:
        return "unknown"
