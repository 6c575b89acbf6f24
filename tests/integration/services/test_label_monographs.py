"""FDA SPL labels become full, cited monographs (skipped when ../shared/data is absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.domain.monograph import Monograph
from medinfo.services.ingest import ingest_paths
from medinfo.services.monographs import get_monograph
from medinfo.services.pipeline import real_pipeline
from medinfo.store.database import Database, open_database
from tests.fakes import real_pipeline_missing

OPENFDA = Path(SHARED_DIR.value() or Path(__file__).parents[3] / ".." / "shared") / "data/openfda"
LIPITOR = OPENFDA / "spl_example_lipitor_orig.xml"
VIAGRA = OPENFDA / "spl_example_viagra_64f8040f.xml"

pytestmark = [
    pytest.mark.skipif(not LIPITOR.is_file(), reason="../shared/data/openfda is absent"),
    pytest.mark.skipif(bool(real_pipeline_missing()), reason=real_pipeline_missing() or "ready"),
]


@pytest.fixture(scope="module")
def labels(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database holding the two SPL example labels, ingested with the real pipeline."""
    url = f"sqlite:///{tmp_path_factory.mktemp('labels') / 'medinfo.db'}"
    database = open_database(url)
    database.ensure_schema()
    ingest_paths(database, real_pipeline(), [LIPITOR, VIAGRA])
    yield database
    database.dispose()


def _every_item_is_cited(monograph: Monograph) -> bool:
    items = [
        *monograph.indications,
        *monograph.side_effects,
        *monograph.interactions,
        *monograph.precautions,
    ]
    cited_terms = {item.term for item in monograph.term_sources.get("drug_class", [])}
    listed = all(item.sources and item.evidence for item in items)
    return listed and set(monograph.drug_class) <= cited_terms


def test_label_monograph_is_found_by_generic_and_brand_name(labels: Database) -> None:
    assert get_monograph(labels, "Lipitor").drug == "atorvastatin"
    assert get_monograph(labels, "viagra").drug == "sildenafil"


def test_atorvastatin_label_gives_class_uses_and_doses(labels: Database) -> None:
    monograph = get_monograph(labels, "atorvastatin")
    assert "statin" in monograph.drug_class
    assert monograph.indications
    initial, maximum = monograph.dosing.initial, monograph.dosing.max_daily
    assert initial is not None
    assert maximum is not None
    assert (initial.amount, initial.unit, initial.frequency_per_day) == (10, "mg", 1)
    assert (maximum.amount, maximum.unit) == (80, "mg")


def test_sildenafil_label_gives_its_usual_and_maximum_dose(labels: Database) -> None:
    monograph = get_monograph(labels, "sildenafil")
    initial, maximum = monograph.dosing.initial, monograph.dosing.max_daily
    assert initial is not None
    assert maximum is not None
    assert (initial.amount, maximum.amount) == (50, 100)
    assert "phosphodiesterase-5 inhibitor" in monograph.drug_class


def test_label_monographs_list_cited_reactions_interactions_and_precautions(
    labels: Database,
) -> None:
    for drug in ("atorvastatin", "sildenafil"):
        monograph = get_monograph(labels, drug)
        assert len(monograph.side_effects) >= 10
        assert monograph.interactions
        assert monograph.precautions
        assert _every_item_is_cited(monograph)


def test_label_sources_rank_as_fda_labels(labels: Database) -> None:
    monograph = get_monograph(labels, "atorvastatin")
    [source] = monograph.sources
    assert (source.kind, source.reliability) == ("label", "fda_label")
    assert source.url is not None
    assert "setid=" in source.url
