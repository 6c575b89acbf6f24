"""Order-sign finds what the plain safety check finds, for every hand-written safety case."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from medinfo.bootstrap import bootstrap
from medinfo.services.cds.cards import load_card_rules
from medinfo.services.cds.hook_calls import answer_hook, read_hook_call
from medinfo.services.checks import check_request, read_check_request
from tests.bench_scripts import BENCH_DIR, BENCH_MARKS
from tests.cds_requests import hook_from_check

pytestmark = BENCH_MARKS
MONOGRAPH = "medinfo monograph"


def test_order_sign_gives_the_plain_checks_alerts_for_every_case(tmp_path: Path) -> None:
    spec = json.loads((BENCH_DIR / "safety_cases.json").read_text("utf-8"))
    titles = {title: code for code, title in load_card_rules().titles.items()}
    today = date.today()
    app = bootstrap(f"sqlite:///{tmp_path / 'cases.db'}")
    try:
        app.ingest_paths([BENCH_DIR.parent / article for article in spec["articles"]])
        lookup = app.monographs
        compared, alerted, different = 0, 0, []
        for case in spec["cases"]:
            if case["request"].get("event") is not None:
                continue  # events (missed dose, stopping) are not part of an order
            plain = check_request(lookup, read_check_request(json.dumps(case["request"]), "case"))
            hook = hook_from_check(case["request"], today.year)
            call = read_hook_call(json.dumps(hook).encode(), "medinfo-order-sign")
            cards = answer_hook(call, lookup, "https://m.example/", today)["cards"]
            findings = [card for card in cards if card["source"]["label"].startswith(MONOGRAPH)]
            found = {titles[card["summary"].split(": ", 1)[1]] for card in findings}
            expected = {alert.code for alert in plain.alerts}
            compared += 1
            alerted += bool(expected)
            if found != expected:
                different.append((case["name"], sorted(expected), sorted(found)))
    finally:
        app.close()
    assert compared >= 60
    assert alerted >= 30
    assert different == []
