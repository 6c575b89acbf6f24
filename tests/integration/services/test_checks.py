"""Safety checks by any drug name against the monographs stored in a database."""

from __future__ import annotations

from medinfo.domain.alerts import AlertCode
from medinfo.services.checks import check_request, read_check_request
from medinfo.services.monograph_lookup import StoreMonographs
from medinfo.store.database import Database
from tests.stored_monographs import store_monograph, tizanidine


def test_check_request_runs_on_a_brand_name_from_the_store(database: Database) -> None:
    store_monograph(database, tizanidine())
    request = read_check_request(
        '{"patient": {"alcohol_use": true, "other_medications": ["oxycodone"]},'
        ' "regimen": {"drug": "Zanaflex", "dose_mg": 16, "times_per_day": 3}}',
        "req.json",
    )
    response = check_request(StoreMonographs(database), request)
    assert response.drug == "tizanidine"
    assert response.daily_dose_mg == 48
    codes = {alert.code for alert in response.alerts}
    assert AlertCode.MAX_DAILY_DOSE_EXCEEDED in codes
    assert AlertCode.INTERACTION_ALCOHOL in codes
    assert AlertCode.INTERACTION_CNS_DEPRESSANT in codes


def test_check_request_gives_a_clean_regimen_no_alerts(database: Database) -> None:
    store_monograph(database, tizanidine())
    request = read_check_request('{"regimen": {"drug": "tizanidine", "dose_mg": 4}}', "r")
    assert check_request(StoreMonographs(database), request).alerts == []


def test_check_request_checks_a_combination_by_the_one_ingredient_with_sources(
    database: Database,
) -> None:
    store_monograph(database, tizanidine().model_copy(update={"drug": "buprenorphine"}))
    request = read_check_request(
        '{"patient": {"alcohol_use": true}, "regimen": {"drug": "Suboxone", "dose_mg": 8}}', "r"
    )
    response = check_request(StoreMonographs(database), request)
    assert response.drug == "buprenorphine"
    assert AlertCode.INTERACTION_ALCOHOL in {alert.code for alert in response.alerts}
    assert any("naloxone" in item.reason for item in response.not_checked)
