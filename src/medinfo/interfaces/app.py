"""The HTTP application: Jinja2 pages and the /api/v1 JSON API over the same services.

Routers are one module per resource (`interfaces/api/<resource>.py` for JSON,
`interfaces/web/routes/<resource>.py` for pages); a new feature adds its routers to `ROUTERS`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from medinfo.bootstrap import Medinfo, bootstrap
from medinfo.config import MAX_BODY_BYTES
from medinfo.domain.errors import InputError
from medinfo.interfaces.api import answers as answers_api  # asks: GET /api/v1/ask
from medinfo.interfaces.api import checks as checks_api  # asks: POST /api/v1/check
from medinfo.interfaces.api import drugs, search
from medinfo.interfaces.api import reviews as reviews_api
from medinfo.interfaces.api.fast_routes import fast_route
from medinfo.interfaces.api.security import SecurityHeaders, policy_for_page
from medinfo.interfaces.clinical import cds_hooks, fhir
from medinfo.interfaces.errors import install_error_handlers
from medinfo.interfaces.openapi_errors import document_errors
from medinfo.interfaces.request_guards import RequestGuards
from medinfo.interfaces.shared.lookup import DEFAULT_TTL, DrugLookup
from medinfo.interfaces.shared.responses import SafeJSONResponse
from medinfo.interfaces.web import answers as answer_pages  # asks: /ask
from medinfo.interfaces.web import checks as check_pages  # asks: /check, /interactions
from medinfo.interfaces.web import reviews as reviews_web
from medinfo.interfaces.web.rendering import STATIC_DIR
from medinfo.interfaces.web.routes import drugs as drug_pages
from medinfo.interfaces.web.routes import home
from medinfo.services.reviews.sessions import AdminSessions

ROUTERS: tuple[APIRouter, ...] = (
    drugs.router,
    search.router,
    reviews_api.router,
    home.router,
    drug_pages.router,
    reviews_web.router,
    checks_api.router,  # asks: POST /api/v1/check
    answers_api.router,  # asks: GET /api/v1/ask
    check_pages.router,  # asks: /check, /interactions
    answer_pages.router,  # asks: /ask
    cds_hooks.router,  # clinical: /cds-services
    fhir.router,  # clinical: /fhir
)


def create_app(
    database_url: str | None = None,
    *,
    services: Medinfo | None = None,
    cache_seconds: float = DEFAULT_TTL,
    max_body_bytes: int | None = None,
) -> FastAPI:
    """The application over the database at `database_url` (created on first use).

    Request bodies are limited to `max_body_bytes` (default: MEDINFO_MAX_BODY_BYTES).
    """
    body_limit = max_body_bytes or _setting_bytes()
    medinfo = services or bootstrap(database_url)
    app = FastAPI(
        lifespan=_few_worker_threads,
        title="medinfo",
        version="1",
        summary="Source-attributed medication information.",
        docs_url=None,
        redoc_url=None,
        default_response_class=SafeJSONResponse,
    )
    app.state.medinfo = medinfo
    medinfo.client_hasher  # noqa: B018 - a bad MEDINFO_CLIENT_HASH_KEY_FILE fails now, not per review
    app.state.admin_sessions = AdminSessions()
    app.state.lookup = DrugLookup(medinfo, cache_seconds)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    # The cached drug JSON and page skip FastAPI's per-request parameter solving.
    app.router.routes[0:0] = [
        fast_route("/api/v1/drugs/{name}", drugs.get_drug),
        fast_route("/drugs/{name}", drug_pages.drug_page),
    ]
    app.mount("/static/swagger", StaticFiles(directory=_swagger_dir()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_api_route("/docs", _openapi_page, include_in_schema=False)
    document_errors(app)
    app.add_middleware(RequestGuards, max_body_bytes=body_limit)
    app.add_middleware(SecurityHeaders)  # outermost: refusals carry the headers too
    medinfo.warm_up()  # the catalog now rather than on the first typo
    return app


# Blocking work (queries, checks, answers) runs on this many threads. More threads than this
# only queue for Python's GIL, and every cached page then waits behind them: under mixed load
# the page p99 grows with the number of runnable threads (anyio's default is 40).
WORKER_THREADS = 8


@asynccontextmanager
async def _few_worker_threads(_app: FastAPI) -> AsyncIterator[None]:
    to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


def _setting_bytes() -> int:
    """MEDINFO_MAX_BODY_BYTES as a positive number of bytes; InputError naming it otherwise."""
    raw = MAX_BODY_BYTES.value().strip()
    if not raw.isdigit() or int(raw) <= 0:
        raise InputError(f"{MAX_BODY_BYTES.env}: must be a positive number of bytes, not {raw!r}")
    return int(raw)


def _openapi_page() -> HTMLResponse:
    """Swagger UI for /openapi.json, served from the package (no CDN: works offline); its
    inline script is allowed by hash, nothing else."""
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="medinfo API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )
    html = bytes(page.body).decode("utf-8")
    return HTMLResponse(html, headers={"Content-Security-Policy": policy_for_page(html)})


def _swagger_dir() -> str:
    """Swagger UI's files, as shipped by the swagger-ui-py package."""
    from importlib.util import find_spec

    spec = find_spec("swagger_ui")
    if spec is None or spec.origin is None:
        raise RuntimeError("the swagger-ui-py package is not installed")
    return str(Path(spec.origin).parent / "static")
