"""Invariants: every interaction a monograph lists fires when the patient takes that medicine;
nothing the sources call fine raises a condition alarm; a check that cannot be made says so.

Over every monograph the tests can build: the embedded knowledge base, both SPL example labels
and every blind test article (the held-out set's too). For each listed interaction, a check of
the drug naming the agent (the drug itself, or a member of the listed medicine group) as another
medicine raises an interaction alert at least as severe as the sources' severity.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from medinfo.bootstrap import Medinfo, bootstrap
from medinfo.config import SHARED_DIR
from medinfo.domain.alerts import AlertCode, CheckRequest, CheckResponse
from medinfo.domain.monograph import (
    Interaction,
    LimitAdvice,
    Monograph,
    Population,
    PopulationLimit,
    TopicAdvice,
)
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from tests.fakes import real_pipeline_missing

ROOT = Path(__file__).parents[4]
SHARED = Path(SHARED_DIR.value() or ROOT / ".." / "shared")
LABELS = sorted((SHARED / "data" / "openfda").glob("spl_example_*.xml"))
BLIND = ROOT / "tests" / "fixtures" / "blind"
ARTICLES = sorted(
    path
    for folder in (
        "articles",
        "holdout5/articles",
        "holdout6/articles",
        "holdout7/articles",
        "holdout8/articles",
        "holdout9/articles",
    )
    for path in (BLIND / folder).glob("*/0*")
)

pytestmark = [
    pytest.mark.skipif(not LABELS, reason="../shared/data/openfda is absent"),
    pytest.mark.skipif(bool(real_pipeline_missing()), reason=real_pipeline_missing() or "ready"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Medinfo]:
    """The embedded knowledge base plus both labels and every blind article."""
    medinfo = bootstrap(f"sqlite:///{tmp_path_factory.mktemp('invariant') / 'medinfo.db'}")
    medinfo.ingest_paths([*LABELS, *ARTICLES])
    yield medinfo
    medinfo.close()


def _agent_as_medicine(app: Medinfo, item: Interaction, monograph: Monograph) -> str | None:
    """A medicine name that the listed agent covers: itself, or a member of its group (not
    one the monograph says does not interact).

    None for alcohol and foods, and for a class the vocabulary has no group for (no member
    can be named)."""
    vocabulary = medicine_groups()
    if item.agent_type == "substance":
        return None
    own = vocabulary.drugs_named(monograph.drug) | {monograph.drug}
    # a member the sources single out as not interacting is exempt from its group's listing
    exempt = {name for no in monograph.no_interactions for name in vocabulary.drugs_named(no.agent)}
    for group in sorted(vocabulary.classes_named(item.agent)):
        members = [m for m in sorted(vocabulary.members_of(group)) if m not in own | exempt]
        if members:
            return members[0]
    found = app.resolve_name(item.agent)
    if item.agent_type == "class" or not (found.drug or found.components):
        return None
    return item.agent if item.agent not in own else None


def _listed(app: Medinfo) -> list[tuple[Monograph, Interaction, str]]:
    cases = []
    for drug in app.drugs():
        monograph = app.monograph(drug)
        for item in monograph.interactions:
            medicine = _agent_as_medicine(app, item, monograph)
            if medicine is not None:
                cases.append((monograph, item, medicine))
    return cases


def test_every_listed_interaction_fires_at_its_severity(app: Medinfo) -> None:
    rules = load(SafetyRules)
    cases = _listed(app)
    assert len(cases) > 300  # the set really covers many monographs
    silent = []
    for monograph, item, medicine in cases:
        request = CheckRequest.model_validate(
            {
                "patient": {"other_medications": [medicine]},
                "regimen": {"drug": monograph.drug, "dose_mg": 0.001},
            }
        )
        alerts = [a for a in app.check(request).alerts if a.code.startswith("INTERACTION")]
        wanted = severity_rank(rules.interaction_severity_of(item.severity))
        if not any(severity_rank(alert.severity) >= wanted for alert in alerts):
            silent.append(f"{monograph.drug} + {medicine} (listed: {item.agent})")
    assert not silent, "\n".join(silent)


def test_listed_interaction_fires_from_the_other_side(app: Medinfo) -> None:
    pairs = [
        (monograph.drug, medicine)
        for monograph, _item, medicine in _listed(app)
        if medicine in app.drugs() and medicine != monograph.drug
    ]
    assert pairs
    for drug, medicine in pairs:
        request = CheckRequest.model_validate(
            {"patient": {"other_medications": [drug]}, "regimen": {"drug": medicine, "dose_mg": 1}}
        )
        codes = [a.code for a in app.check(request).alerts]
        assert any(code.startswith("INTERACTION") for code in codes), (medicine, drug)


def _kidney_rules(monograph: Monograph) -> tuple[list[PopulationLimit], list[PopulationLimit]]:
    """The monograph's kidney rules saying the dose stands, and its other kidney rules."""
    kidney = [r for r in monograph.dosing.population_limits if r.population is Population.RENAL]
    unchanged = [r for r in kidney if r.advice is LimitAdvice.NO_CHANGE]
    return unchanged, [r for r in kidney if r.advice is not LimitAdvice.NO_CHANGE]


def _check(app: Medinfo, drug: str, **patient: object) -> CheckResponse:
    return app.check(
        CheckRequest.model_validate({"patient": patient, "regimen": {"drug": drug, "dose_mg": 1}})
    )


def test_nothing_the_sources_call_fine_raises_a_condition_alarm(app: Medinfo) -> None:
    """Kidneys said to need no change (and no other kidney rule or band) give no kidney alarm
    at a moderate eGFR; breastfeeding called compatible, with no other source's breastfeeding
    precaution, gives no breastfeeding alarm."""
    checked, alarms = 0, []
    for drug in app.drugs():
        monograph = app.monograph(drug)
        unchanged, others = _kidney_rules(monograph)
        if unchanged and not others and not monograph.dosing.renal_adjustment:
            checked += 1
            codes = [a.code for a in _check(app, drug, egfr=45).alerts]
            if AlertCode.RENAL_IMPAIRMENT in codes:
                alarms.append(f"{drug}: kidneys")
        feeding = monograph.breastfeeding
        precautions = [p for p in monograph.precautions if "breast" in p.condition.lower()]
        if feeding.advice is TopicAdvice.ACCEPTABLE and all(
            set(p.sources) <= set(feeding.sources) for p in precautions
        ):
            checked += 1
            codes = [a.code for a in _check(app, drug, breastfeeding=True).alerts]
            if AlertCode.BREASTFEEDING in codes:
                alarms.append(f"{drug}: breastfeeding")
    assert checked > 10  # the set really holds such statements
    assert not alarms, "\n".join(alarms)


def test_a_kidney_band_without_a_dose_is_said_not_checked(app: Medinfo) -> None:
    """A kidney band of the sources that holds the patient's reduced eGFR (below 60) but gives
    no ceiling: the response lists what it could not check, never an all clear."""
    silent, seen = [], 0
    for drug in app.drugs():
        for band in app.monograph(drug).dosing.renal_adjustment:
            if band.max_daily_mg is not None or band.egfr_below is None:
                continue
            egfr = min(band.egfr_below - 1, 59.0)
            if egfr < (band.egfr_at_least or 0.0):
                continue
            seen += 1
            response = _check(app, drug, egfr=egfr)
            if "population" not in {item.what for item in response.not_checked}:
                silent.append(f"{drug} at eGFR {egfr:g}")
    assert seen
    assert not silent, "\n".join(silent)
