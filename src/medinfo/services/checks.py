"""Safety-check requests: read and validate them, then check them against a stored monograph."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import ValidationError

from medinfo.domain.alerts import (
    Alert,
    CheckRequest,
    CheckResponse,
    MissedDoseEvent,
    NotChecked,
    Patient,
    StopEvent,
)
from medinfo.domain.errors import InputError, UnknownDrugError
from medinfo.domain.monograph import Monograph, SourceRef
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import components, one_covered_part, without_salt
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from medinfo.services.monograph_lookup import NoMonographError, StoreMonographs
from medinfo.services.safety import check_regimen
from medinfo.services.safety.interactions import check_interactions
from medinfo.services.safety.medicines import resolve_medicines
from medinfo.services.safety.messages import render

# Tags of the event union: pydantic puts them in error locations, a reader does not need them.
_UNION_TAGS = frozenset(
    tag
    for model in (MissedDoseEvent, StopEvent)
    for tag in get_args(model.model_fields["type"].annotation)
)
MAX_REQUEST_BYTES = 256 * 1024


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with a request: the field's dotted path and what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class RequestError(InputError):
    """A safety-check request that cannot be used; names the origin and the fields at fault."""

    def __init__(self, origin: str, problems: Sequence[FieldProblem]) -> None:
        self.origin = origin
        self.problems = list(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{origin}: {problems[0]}{more}")


def describe_errors(errors: Iterable[Mapping[str, Any]], skip: int = 0) -> list[FieldProblem]:
    """pydantic-style errors (`loc`, `msg`) as field problems; `skip` drops leading loc parts."""
    problems = []
    for error in errors:
        loc = list(error.get("loc", ()))[skip:]
        problems.append(FieldProblem(field_path(loc), str(error.get("msg", "invalid"))))
    return problems


def field_path(loc: Sequence[object]) -> str:
    """("patient", "other_medications", 0) -> "patient.other_medications[0]"; union tags dropped."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in _UNION_TAGS:
            path += f".{part}" if path else str(part)
    return path


def json_position(text: str, position: int) -> str:
    """A character offset as "line L, column C" (both from 1)."""
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    return f"line {line}, column {column}"


def read_check_request(data: str | bytes, origin: str) -> CheckRequest:
    """Parse and validate a request; RequestError names `origin`, the position or the field."""
    if len(data) > MAX_REQUEST_BYTES:
        raise RequestError(origin, [FieldProblem("", f"larger than {MAX_REQUEST_BYTES} bytes")])
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise RequestError(
            origin, [FieldProblem("", f"not valid UTF-8 (byte {error.start})")]
        ) from None
    if not text.strip():
        raise RequestError(origin, [FieldProblem("", "empty request: expected a JSON object")])
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        where = json_position(text, error.pos)
        problem = FieldProblem("", f"invalid JSON at {where}: {error.msg}")
        raise RequestError(origin, [problem]) from None
    try:
        return CheckRequest.model_validate(raw)
    except ValidationError as error:
        raise RequestError(origin, describe_errors(error.errors())) from None


def check_request(lookup: StoreMonographs, request: CheckRequest) -> CheckResponse:
    """The safety check of a request against the monograph its drug name refers to.

    The regimen's drug may be a generic, brand or misspelled name. A drug medinfo has no
    facts about gets no alerts and a `not_checked` item saying nothing could be checked:
    never an empty "all clear".
    """
    part_of: tuple[str, list[str]] | None = None
    try:
        _drug, monograph = lookup.require(request.regimen.drug)
    except UnknownDrugError as error:
        return unchecked_response(request, error)
    except NoMonographError as error:
        found = _covered_ingredient(lookup, error)
        if found is None:
            return unchecked_response(request, error)
        monograph, part_of = found[0], (request.regimen.drug.strip(), found[1])
    response = check_regimen(request, monograph, resolve=lookup)
    if part_of is not None:  # Suboxone checked as its buprenorphine, naloxone not at all
        product, others = part_of
        note = render(
            "not_checked.other_ingredients",
            product=product,
            drug=monograph.drug,
            others=" and ".join(others),
        )
        unchecked = [*response.not_checked, NotChecked(what="monograph", reason=note)]
        response = response.model_copy(update={"not_checked": unchecked})
    extra = other_side_alerts(lookup, request, monograph, response.alerts)
    if not extra:
        return response
    alerts = sorted([*response.alerts, *extra], key=lambda alert: -severity_rank(alert.severity))
    return response.model_copy(update={"alerts": alerts})


def _covered_ingredient(
    lookup: StoreMonographs, missing: NoMonographError
) -> tuple[Monograph, list[str]] | None:
    """For a combination product without a monograph of its own, the monograph of its one
    covered ingredient and the names of the others."""
    found = one_covered_part(missing.drug, lambda part: lookup.get(part) is not None)
    monograph = lookup.get(found[0]) if found is not None else None
    return (monograph, found[1]) if found is not None and monograph is not None else None


def other_side_alerts(
    lookup: StoreMonographs, request: CheckRequest, monograph: Monograph, found: list[Alert]
) -> list[Alert]:
    """Interactions the other medicines' own monographs list with this drug, for each other
    medicine this drug's monograph raised nothing about."""
    itself = monograph.drug
    alerts: list[Alert] = []
    for name in request.patient.other_medications:
        if any(name.strip() in alert.message for alert in found if _is_interaction(alert)):
            continue
        named = lookup.identify(name)
        other = lookup.get(named.drug) if named.has_monograph and named.drug else None
        if other is None or other.drug == itself or not _whole_product(lookup, name, other):
            continue
        medicines = resolve_medicines([request.regimen.drug], lookup, exclude=frozenset())
        alerts += check_interactions(
            Patient(), medicines, other, load(SafetyRules), medicine_groups()
        )
    return alerts


def _whole_product(lookup: StoreMonographs, name: str, monograph: Monograph) -> bool:
    """Whether `name` contains every ingredient of the monograph's drug: Tylenol is not the
    hydrocodone/acetaminophen product whose monograph it may be found by."""
    parts = set(components(monograph.drug))
    if len(parts) < 2:
        return True
    catalog = lookup.names.catalog().resolve_components(name)
    taken = {without_salt(part) for part in catalog or lookup.resolve_components(name)}
    return parts <= taken


def _is_interaction(alert: Alert) -> bool:
    return alert.code.startswith("INTERACTION_")


def unchecked_response(
    request: CheckRequest, why: UnknownDrugError | NoMonographError
) -> CheckResponse:
    """The answer for a drug without a monograph: nothing checked, and why, in plain words."""
    regimen = request.regimen
    if isinstance(why, NoMonographError):
        reason = render("not_checked.monograph", drug=why.drug)
    else:
        names = ", ".join(why.suggestions[:5])
        suggestions = render("not_checked.suggestions", names=names) if names else ""
        reason = render("not_checked.unknown_drug", drug=regimen.drug, suggestions=suggestions)
    return CheckResponse(
        drug=regimen.drug,
        daily_dose_mg=regimen.dose_mg * regimen.times_per_day,
        not_checked=[NotChecked(what="monograph", reason=reason)],
    )


def cited_sources(lookup: StoreMonographs, drug: str, ids: Iterable[str]) -> dict[str, SourceRef]:
    """The monograph's sources among `ids` (what an alert or answer cites), by id."""
    monograph = lookup.get(drug)
    if monograph is None:
        return {}
    wanted = set(ids)
    return {source.id: source for source in monograph.sources if source.id in wanted}
