"""The HTTP application: a drug list, one page per drug and the monograph JSON API."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from medinfo.bootstrap import Medinfo, bootstrap
from medinfo.domain.errors import UnknownDrugError
from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.interfaces.api import answers as answers_api  # asks: question answering
from medinfo.interfaces.api import checks as checks_api  # asks: safety checks
from medinfo.interfaces.web import answers as answer_pages  # asks: /ask page
from medinfo.interfaces.web import checks as check_pages  # asks: /check, /interactions pages
from medinfo.services.outline import outline_monograph

_TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")


def create_app(database_url: str | None = None, *, services: Medinfo | None = None) -> FastAPI:
    """The application over the database at `database_url` (created on first use)."""
    medinfo = services or bootstrap(database_url)
    app = FastAPI(title="medinfo", version="1", docs_url="/api/docs", redoc_url=None)
    app.state.medinfo = medinfo

    @app.exception_handler(UnknownDrugError)
    def unknown_drug(request: Request, error: UnknownDrugError) -> Response:
        if request.url.path.startswith("/api/"):
            body = {"detail": str(error), "suggestions": error.suggestions}
            return JSONResponse(body, status_code=404)
        context = {"message": str(error), "suggestions": error.suggestions}
        return _page(request, "not_found.html", context, status_code=404)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        return _page(request, "index.html", {"drugs": medinfo.drugs()})

    @app.get("/drugs/{name}", response_class=HTMLResponse)
    def drug_page(request: Request, name: str) -> Response:
        monograph = Monograph.model_validate_json(medinfo.cached_monograph(name).body)
        context = {"monograph": monograph, "sections": outline_monograph(monograph)}
        return _page(request, "drug.html", context)

    @app.get("/api/v1/drugs/{name}", response_model=Monograph)
    def drug_json(request: Request, name: str) -> Response:
        cached = medinfo.cached_monograph(name)
        etag = f'"{cached.etag}"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(cached.body, media_type="application/json", headers=headers)

    app.include_router(checks_api.router)  # asks: POST /api/v1/check
    app.include_router(answers_api.router)  # asks: GET /api/v1/ask
    app.include_router(check_pages.router)  # asks: /check and /interactions
    app.include_router(answer_pages.router)  # asks: /ask
    return app


def _page(
    request: Request, template: str, context: Mapping[str, object], status_code: int = 200
) -> Response:
    full = {"disclaimer": DISCLAIMER, **context}
    return _TEMPLATES.TemplateResponse(request, template, full, status_code=status_code)
