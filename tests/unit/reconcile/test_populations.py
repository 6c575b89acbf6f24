"""Population limits merged into typed limits: a population's maximum reaches its bands."""

from __future__ import annotations

from medinfo.domain.facts import FactKind, Scalar
from medinfo.reconcile import reconcile_monograph
from tests.unit.reconcile.builders import fact, source


def _limit(source_id: str, key: str, **attributes: Scalar) -> object:
    return fact(source_id, FactKind.POPULATION_LIMIT, key, population="renal", **attributes)


def test_a_population_maximum_reaches_the_bands_of_the_same_source() -> None:
    facts = [
        _limit("art", "renal", max_daily_amount=20, max_daily_unit="mg"),
        _limit(
            "art",
            "renal:kidney_below=30",
            kidney_below=30,
            initial_amount=2.5,
            initial_unit="mg",
        ),
        _limit("art", "renal:kidney_below=15", kidney_below=15, advice="avoid"),
        _limit(
            "other", "renal:kidney_below=50", kidney_below=50, initial_amount=5, initial_unit="mg"
        ),
    ]
    monograph = reconcile_monograph("ramipril", [source("art"), source("other")], facts)
    by_band = {limit.kidney_below: limit for limit in monograph.dosing.population_limits}
    assert by_band[30].max_daily is not None
    assert by_band[30].max_daily.amount == 20
    assert set(by_band[30].sources) == {"art"}
    assert len(by_band[30].evidence) == 2
    assert by_band[15].max_daily is None  # ruled out: no maximum to take
    assert by_band[50].max_daily is None  # another source's band
