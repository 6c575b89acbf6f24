"""Running the `medinfo` command in process, wired to the fake pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result
from typer.testing import CliRunner

from medinfo.interfaces.cli.main import app

Invoke = Callable[..., Result]


@pytest.fixture
def medinfo(fake_real_pipeline: None, sqlite_url: str) -> Invoke:
    """Run `medinfo ARGS --db <a fresh SQLite file>`; returns the result."""
    runner = CliRunner()

    def invoke(*args: str, db: str | None = sqlite_url) -> Result:
        return runner.invoke(app, [*args, *(["--db", db] if db else [])])

    return invoke
