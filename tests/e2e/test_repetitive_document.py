"""A document that repeats itself cannot multiply facts, the monograph, or answer time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from medinfo.bootstrap import bootstrap
from tests.fakes import real_pipeline_missing

ARTICLE = Path(__file__).parent / "articles" / "tizanidine_guide.md"  # our own article
pytestmark = pytest.mark.skipif(
    bool(real_pipeline_missing()), reason=real_pipeline_missing() or "-"
)

QUESTIONS = (
    "what are the side effects of zanaflex",
    "whats the most tizanidine i can take a day",
    "can i stop tizanidine suddenly",
)


def _repeated(tmp_path: Path, times: int) -> Path:
    """Our own article with its body written out `times` times (one title)."""
    text = ARTICLE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n# ")
    title, _, rest = body.partition("\n")
    path = tmp_path / f"tizanidine_x{times}.md"
    path.write_text(f"{head}\n# {title}\n" + rest * times, encoding="utf-8")
    return path


def _ingest_and_ask(tmp_path: Path, times: int) -> tuple[int, int, float]:
    """Facts, monograph JSON size and the slowest answer time after ingesting `times` copies."""
    medinfo = bootstrap(f"sqlite:///{tmp_path / f'x{times}.db'}", empty=True)
    try:
        medinfo.ingest_paths([_repeated(tmp_path, times)])
        facts = sum(len(source.facts) for source in medinfo.source_facts("tizanidine"))
        size = len(medinfo.monograph("tizanidine").model_dump_json())
        slowest = 0.0
        for question in QUESTIONS:
            started = time.perf_counter()
            assert medinfo.ask(question).answerable
            slowest = max(slowest, time.perf_counter() - started)
        return facts, size, slowest
    finally:
        medinfo.close()


@pytest.mark.slow
def test_repeating_a_document_adds_no_facts_and_no_answer_time(tmp_path: Path) -> None:
    few_facts, few_size, few_seconds = _ingest_and_ask(tmp_path, 10)
    many_facts, many_size, many_seconds = _ingest_and_ask(tmp_path, 160)
    assert many_facts == few_facts
    assert many_size <= few_size * 1.05
    # 16 times the text: at most linear (stored passages are searched), never quadratic
    assert many_seconds <= 16 * few_seconds + 0.5
