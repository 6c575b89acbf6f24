"""`medinfo show DRUG --json` starts fast: no web, NLP, ORM or migration libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app

HEAVY = [
    "fastapi",
    "uvicorn",
    "spacy",
    "medspacy",
    "drug_named_entity_recognition",
    "pint",
    "alembic",
    # An existing SQLite database is read with the standard library's sqlite3.
    "sqlalchemy",
]

PROBE = """
import json, sys
from medinfo.interfaces.cli.main import app
try:
    app(["show", "baclofen", "--json", "--db", sys.argv[1]])
except SystemExit as exit:
    code = exit.code
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def test_show_json_from_a_cold_process_imports_nothing_heavy(
    fake_real_pipeline: None, sqlite_url: str, tmp_path: Path
) -> None:
    assert CliRunner().invoke(app, ["db", "create", "--db", sqlite_url]).exit_code == 0
    done = subprocess.run(
        [sys.executable, "-c", PROBE, sqlite_url, json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "loaded": []}
    assert json.loads(done.stdout)["drug"] == "baclofen"
