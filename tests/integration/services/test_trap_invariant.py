"""Invariant: no negated or hypothetical statement of a blind article becomes a fact.

Over every blind article folder of the sets below (written by people who never read the
extraction rules), each drug's articles are ingested together into one store; every trap its
gold lists as negated or hypothetical ("is not a sleeping pill", "if you were to take it with
...") is checked against the monograph (services/traps.py): none may have become a fact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medinfo.bootstrap import bootstrap
from medinfo.services.traps import check_traps
from tests.fakes import real_pipeline_missing

ROOT = Path(__file__).parents[3]
BLIND = ROOT / "tests" / "fixtures" / "blind"
# every open blind set (holdout8 and holdout9 joined in session 14, when their last negated
# traps were fixed)
SETS = (
    "articles",
    "holdout5/articles",
    "holdout6/articles",
    "holdout7/articles",
    "holdout8/articles",
    "holdout9/articles",
)
FOLDERS = sorted(p for folder in SETS for p in (BLIND / folder).iterdir() if p.is_dir())
KINDS = frozenset({"negated", "hypothetical"})

pytestmark = pytest.mark.skipif(
    bool(real_pipeline_missing()), reason=real_pipeline_missing() or "ready"
)


def test_no_negated_or_hypothetical_statement_becomes_a_fact(tmp_path: Path) -> None:
    fired: list[str] = []
    checked = 0
    for index, folder in enumerate(FOLDERS):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        app = bootstrap(f"sqlite:///{tmp_path / f'{index}.db'}")
        try:
            articles = sorted(p for p in folder.iterdir() if p.name != "gold.json")
            app.ingest_paths(articles, drug=gold["drug"])
            monograph = app.monograph(gold["drug"]).model_dump(mode="json")
        finally:
            app.close()
        for trap in check_traps(monograph, gold):
            if trap.kind in KINDS and trap.checkable:
                checked += 1
                if trap.fired:
                    fired.append(f"{folder.name}: {trap.field} -> {trap.fact}")
    assert checked > 200  # the sets plant that many
    assert not fired, fired
