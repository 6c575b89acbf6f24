"""The /check and /interactions pages: a regimen checked, medicines checked against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from medinfo.domain.alerts import CheckRequest
from medinfo.domain.errors import InputError, UnknownDrugError
from medinfo.interfaces.web.rendering import environment
from medinfo.services.checks import describe_errors
from medinfo.services.interactions import parse_medicine_list
from medinfo.services.monograph_lookup import NoMonographError

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=environment())
_NAV = {
    "checks/check.html": "check",
    "checks/interactions.html": "interactions",
    "answers/ask.html": "ask",
}

FLAGS = (
    ("liver_disease", "Liver disease"),
    ("seizure_history", "History of seizures"),
    ("pregnant", "Pregnant"),
    ("breastfeeding", "Breastfeeding"),
    ("alcohol_use", "Drinks alcohol"),
)
EVENTS = (("", "None"), ("missed_dose", "A missed dose"), ("stop", "Stopping the medicine"))
_EVENT_FIELDS = {
    "missed_dose": ("hours_since_missed", "hours_until_next"),
    "stop": ("current_daily_mg", "weeks_on_drug"),
}


def render(
    request: Request, template: str, context: Mapping[str, Any], status_code: int = 200
) -> Response:
    """A page of the site (it extends base.html: navigation, disclaimer, security headers)."""
    full = {"problems": [], "nav": _NAV.get(template, ""), **context}
    return templates.TemplateResponse(request, template, full, status_code=status_code)


def request_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The /check form as a CheckRequest document; empty fields are left out."""

    def given(*names: str) -> dict[str, Any]:
        return {name: _typed(form[name].strip()) for name in names if form.get(name, "").strip()}

    patient: dict[str, Any] = given("age", "egfr")
    patient.update({name: True for name, _label in FLAGS if form.get(name)})
    medicines = [line.strip() for line in form.get("other_medications", "").splitlines()]
    patient["other_medications"] = [name for name in medicines if name]
    document: dict[str, Any] = {
        "patient": patient,
        "regimen": given("drug", "dose_mg", "times_per_day", "route"),
    }
    event = form.get("event", "")
    if event in _EVENT_FIELDS:
        document["event"] = {"type": event, **given(*_EVENT_FIELDS[event])}
    return document


def _typed(text: str) -> str | int | float:
    """A form field as the number it spells, or the text itself (names, or input to refuse)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> Response:
    return render(request, "checks/check.html", _form_context({}))


@router.post("/check", response_class=HTMLResponse)
async def check_page(request: Request) -> Response:
    form = {key: str(value) for key, value in (await request.form()).items()}
    context = _form_context(form)
    try:
        checked = CheckRequest.model_validate(request_from_form(form))
    except ValidationError as error:
        context["problems"] = [str(problem) for problem in describe_errors(error.errors())]
        return render(request, "checks/check.html", context, status_code=422)
    medinfo = request.app.state.medinfo
    try:
        result = medinfo.check(checked)
    except (UnknownDrugError, NoMonographError) as error:
        context["problems"] = [str(error)]
        return render(request, "checks/check.html", context, status_code=404)
    ids = [source for alert in result.alerts for source in alert.sources]
    context.update(result=result, sources=medinfo.cited_sources(result.drug, ids))
    return render(request, "checks/check.html", context)


@router.get("/interactions", response_class=HTMLResponse)
def interactions_page(request: Request, medicines: str = "") -> Response:
    context: dict[str, Any] = {"medicines": medicines, "report": None}
    try:
        names = parse_medicine_list(medicines)
    except InputError as error:
        context["problems"] = [str(error)]
        return render(request, "checks/interactions.html", context, status_code=422)
    if names:
        context["report"] = request.app.state.medinfo.check_medicines(names)
    return render(request, "checks/interactions.html", context)


def _form_context(form: Mapping[str, str]) -> dict[str, Any]:
    entered: defaultdict[str, str] = defaultdict(str, form)  # a blank form shows empty fields
    return {"form": entered, "flags": FLAGS, "events": EVENTS, "result": None, "sources": {}}
