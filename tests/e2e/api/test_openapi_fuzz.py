"""Schemathesis against the app's own OpenAPI: no 5xx and no answer outside the schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import BaseSchema, Case, GenerationMode

from medinfo.bootstrap import bootstrap
from medinfo.interfaces.app import create_app

ADMIN_TOKEN = "fuzz-admin-token"
# Bounded to about two minutes for the whole schema on one core.
EXAMPLES_PER_OPERATION = 100


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BaseSchema]:
    """The schema of an app over the embedded knowledge base, with moderation enabled."""
    patch = pytest.MonkeyPatch()
    patch.setenv("MEDINFO_ADMIN_TOKEN", ADMIN_TOKEN)
    database = Path(tmp_path_factory.mktemp("fuzz")) / "medinfo.db"
    medinfo = bootstrap(f"sqlite:///{database}")
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(services=medinfo))
    medinfo.close()
    patch.undo()


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_within_its_schema(
    schema: BaseSchema, mode: GenerationMode
) -> None:
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,  # the same cases on every run: CI fails for a change, not by luck
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case: Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})

        try:
            call()
        except Unsatisfiable:
            continue  # nothing in this operation can be made invalid
        except BaseException as error:  # every operation's failure is reported
            failures.append(f"{operation.label}: {str(error)[:1500]}")
    assert not failures, "\n".join(failures)
