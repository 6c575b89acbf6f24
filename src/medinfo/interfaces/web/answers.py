"""The /ask page: a question, its answer in medinfo's words, and links to the cited sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from medinfo.domain.answers import Citation
from medinfo.domain.errors import InputError
from medinfo.interfaces.web.checks import render
from medinfo.services.qa.engine import MAX_QUESTION_LENGTH

router = APIRouter(include_in_schema=False)


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: str = "", drug: str = "") -> Response:
    context: dict[str, Any] = {
        "question": q,
        "drug": drug,
        "answer": None,
        "sources": {},
        "max_length": MAX_QUESTION_LENGTH,
    }
    if not q.strip():
        return render(request, "answers/ask.html", context)
    medinfo = request.app.state.medinfo
    try:
        answer = medinfo.ask(q, drug.strip() or None)
    except InputError as error:
        context["problems"] = [str(error)]
        return render(request, "answers/ask.html", context, status_code=422)
    cited = _distinct(answer.citations)
    ids = [citation.source for citation in cited]
    sources = medinfo.cited_sources(answer.drug, ids) if answer.drug else {}
    shown = answer.model_copy(update={"citations": cited})
    context.update(answer=shown, sources=sources)
    return render(request, "answers/ask.html", context)


def _distinct(citations: list[Citation]) -> list[Citation]:
    """One citation per source and section, in the order first cited."""
    seen: dict[tuple[str, str], Citation] = {}
    for citation in citations:
        seen.setdefault((citation.source, citation.section), citation)
    return list(seen.values())
