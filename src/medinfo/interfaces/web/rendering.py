"""Rendering pages: one autoescaping Jinja2 environment and the base context every page gets.

Other features extend `base.html` (blocks `title`, `main`) and call `render_page`.
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
    env.globals["disclaimer"] = DISCLAIMER
    return env


def render_html(template: str, context: Mapping[str, object]) -> bytes:
    """The page `template` rendered with `context`, as UTF-8 bytes."""
    defaults: dict[str, object] = {"query": "", "nav": ""}
    return environment().get_template(template).render({**defaults, **context}).encode("utf-8")


def render_page(
    template: str,
    context: Mapping[str, object],
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """An HTML response of `template`."""
    body = render_html(template, context)
    return HTMLResponse(body, status_code=status_code, headers=dict(headers or {}))
