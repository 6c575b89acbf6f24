"""Every entry point resolves a name to the same drug: one resolver behind all of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medinfo.bootstrap import Medinfo, bootstrap
from medinfo.domain.errors import MedinfoError
from medinfo.services.catalog import load_catalog
from medinfo.services.monographs import resolve_drug
from medinfo.services.reviews import resolve_review_drug
from medinfo.store.quick_read import read_cached_monograph
from tests.fakes import fake_pipeline

CATALOG_NAMES = sorted(
    {name for name, _key, kind in load_catalog().iter_name_rows() if kind in ("generic", "brand")}
)
NAMED = ["Gablofen", "Kemstro", "Lioresal", "baclofen", "BACLOFÈNE", "baclofn"]
NAMED += ["atazanavir sulfate"]
NAMED += ["oxycodone hydrochloride", "dutasteride/tamsulosin", "hydrocodone and acetaminophen"]
NAMED += ["benzodiazepines", "no such medicine at all"]


@pytest.fixture(scope="module")
def medinfo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Medinfo]:
    """A SQLite database holding the embedded knowledge base (baclofen and others)."""
    path: Path = tmp_path_factory.mktemp("names") / "medinfo.db"
    app = bootstrap(f"sqlite:///{path}", pipeline_factory=fake_pipeline)
    yield app
    app.close()


def answers(medinfo: Medinfo, name: str) -> dict[str, str | None]:
    """The drug each entry point gives for `name` (None where it refuses the name)."""
    found = medinfo.resolve_name(name)
    results: dict[str, str | None] = {"resolver": found.drug}
    results["find_drug"] = _or_none(lambda: medinfo.find_drug(name).drug)
    results["ask/check lookup"] = medinfo.monographs.identify(name).drug
    with medinfo.database.reader() as store:
        results["reviews"] = _or_none(lambda: resolve_review_drug(store, name))
    hits = [hit.drug for hit in medinfo.search(name, limit=50).drugs]
    # a name two drugs share lists both; the resolver's must be among them
    results["search (drug hits)"] = found.drug if found.drug in hits else (hits or [None])[0]
    # the safety check resolves the patient's other medicines to generic components
    entry = load_catalog().get(found.drug) if found.drug is not None else None
    expected = list(entry.components) if entry is not None and entry.components else [found.drug]
    safety = medinfo.monographs.resolve_components(name)
    results["safety"] = found.drug if safety == expected or not found.drug else f"{safety}"
    return results


def monograph_answers(medinfo: Medinfo, name: str) -> dict[str, str | None]:
    """For a name of a drug with a monograph: `show` (fast path and full path) and `sources`."""
    results: dict[str, str | None] = {"resolver": medinfo.resolve_name(name).drug}
    with medinfo.database.reader() as store:
        results["show (store)"] = _or_none(lambda: resolve_drug(store, name))
    results["show"] = _or_none(lambda: medinfo.monograph(name).drug)
    body = read_cached_monograph(str(medinfo.database.url), name)
    if body is not None:  # the sqlite fast path answers only stored names; else the full path
        results["show --json"] = json.loads(body)["drug"]
    return results


def _or_none(call: object) -> str | None:
    assert callable(call)
    try:
        value = call()
    except MedinfoError:
        return None
    return str(value)


@pytest.mark.parametrize("name", NAMED)
def test_every_entry_point_resolves_a_named_example_alike(medinfo: Medinfo, name: str) -> None:
    found = answers(medinfo, name)
    expected = found["resolver"]
    assert set(found.values()) <= {expected, None}
    if expected is not None:
        assert found["find_drug"] == found["reviews"] == found["ask/check lookup"] == expected


@pytest.mark.parametrize("name", ["Gablofen", "Kemstro", "Lioresal", "baclofen", "BACLOFEN"])
def test_baclofen_brands_show_the_baclofen_monograph(medinfo: Medinfo, name: str) -> None:
    found = monograph_answers(medinfo, name)
    assert "show --json" in found  # catalog brands are stored names: the fast path answers
    assert set(found.values()) == {"baclofen"}


def test_stored_catalog_brands_resolve_as_the_catalog_alone_would(medinfo: Medinfo) -> None:
    """Storing the catalog's brands with a monograph only lets them answer earlier."""
    from medinfo.services.names import build_table, resolve_name

    table = medinfo.names.table()
    etags = table.etags
    bare = build_table(etags, [(drug, drug, "generic") for drug in etags])
    stored = [(name, drug) for name, (drug, kind) in table.stored.items() if kind == "brand"]
    assert stored
    for name, drug in stored:
        if load_catalog().resolve(name, fuzzy=False) is not None:
            assert resolve_name(name, bare, load_catalog).drug == drug, name


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.sampled_from(CATALOG_NAMES))
def test_every_catalog_drug_and_brand_resolves_alike_everywhere(
    medinfo: Medinfo, name: str
) -> None:
    found = answers(medinfo, name)
    assert found["resolver"] is not None
    assert set(found.values()) == {found["resolver"]}


def test_every_monograph_name_resolves_alike_everywhere(medinfo: Medinfo) -> None:
    """Exhaustive over the stored monographs' own names, the `show --json` fast path included."""
    with medinfo.database.reader() as store:
        names = sorted(store.names.all_names())
    assert names
    for name in names:
        for typed in (name, name.upper(), f"  {name}\t"):
            found = monograph_answers(medinfo, typed)
            assert "show --json" in found, typed  # a stored name takes the fast path
            assert set(found.values()) == {found["resolver"]}, typed


@pytest.mark.parametrize(
    ("name", "filed_as"),
    [
        ("Lioresal", "baclofen"),
        ("atazanavir sulfate", "atazanavir"),
        ("BACLOFÈNE", "baclofen"),
        ("zzzfictitiumab", "zzzfictitiumab"),
    ],
)
def test_ingest_drug_files_a_document_under_the_resolved_drug(
    medinfo: Medinfo, name: str, filed_as: str
) -> None:
    assert medinfo.names.filing_name(name) == filed_as


@pytest.mark.parametrize("name", ["benzodiazepines", "baclofn"])
def test_ingest_drug_refuses_a_group_or_a_guessed_spelling(medinfo: Medinfo, name: str) -> None:
    with pytest.raises(MedinfoError):
        medinfo.names.filing_name(name)
