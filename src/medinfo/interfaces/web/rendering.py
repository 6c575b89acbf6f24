"""Rendering pages: one autoescaping Jinja2 environment and the base context every page gets.

Every page extends `base.html` (blocks `title`, `head`, `main`, `nav_extra`) and is rendered
with this environment: `render_page`/`render_html`, or `environment()` for callers that build
their own responses. `nav` names the site navigation entry to mark as the current page.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from medinfo.domain.monograph import DISCLAIMER

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
HTML_TYPE = "text/html; charset=utf-8"
SITE_NAV = (
    ("/", "home", "Home"),
    ("/search", "search", "Search"),
    ("/ask", "ask", "Ask a question"),
    ("/check", "check", "Check a regimen"),
    ("/interactions", "interactions", "Interactions"),
)


@cache
def environment() -> Environment:
    """The template environment: autoescaped, strict about undefined names."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(disclaimer=DISCLAIMER, site_nav=SITE_NAV, nav="", query="")
    return env


def render_html(template: str, context: Mapping[str, object]) -> bytes:
    """The page `template` rendered with `context`, as UTF-8 bytes."""
    return environment().get_template(template).render(context).encode("utf-8")


def render_page(
    template: str,
    context: Mapping[str, object],
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """An HTML response of `template`."""
    body = render_html(template, context)
    return HTMLResponse(body, status_code=status_code, headers=dict(headers or {}))
