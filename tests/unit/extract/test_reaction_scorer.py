"""The learned scorer over candidate label reactions: model, features and training."""

from __future__ import annotations

from medinfo.extract.adverse_reactions import extract_adverse_reactions, reaction_candidates
from medinfo.extract.meddra import Term, TermMatcher, Vocabulary
from medinfo.extract.meddra_build import LabelSection
from medinfo.extract.reaction_features import Candidate, candidate_features
from medinfo.extract.reaction_scorer import ReactionScorer, default_scorer
from medinfo.extract.reaction_scorer_build import fit, label_priors

_MATCHER = TermMatcher(Vocabulary([Term("Nausea", 1), Term("Diabetes mellitus", 2)]))


def _section(label: str, text: str, *terms: str) -> LabelSection:
    rows = [[t.lower(), t, None, t, None, "", "", "human"] for t in terms]
    return {
        "label_id": label,
        "section_name": "adverse reactions",
        "section_text": text,
        "adverse_events": rows,
    }


def test_a_scorer_keeps_a_term_the_rules_accept_at_its_threshold_and_overrides_at_another() -> None:
    scorer = ReactionScorer({"bias": 1.0, "condition": -2.5}, {}, threshold=0.6, override=0.8)
    text = "Nausea occurred. Use in patients with diabetes mellitus."
    _, candidates = reaction_candidates(text, _MATCHER)
    nausea = [c for c in candidates if c.pt == "Nausea"]
    diabetes = [c for c in candidates if c.pt == "Diabetes mellitus"]
    assert diabetes
    assert diabetes[0].condition
    assert scorer.keeps(text, nausea, serious_section=False)
    assert not scorer.keeps(text, diabetes, serious_section=False)
    found = extract_adverse_reactions(text, matcher=_MATCHER, scorer=scorer)
    assert [m.key for m in found] == ["nausea"]


def test_features_name_the_cues_and_the_training_priors() -> None:
    text = "Nausea (12%) and nausea again."
    candidates = [
        Candidate(0, 6, "Nausea", "Nausea", frequency=True),
        Candidate(18, 24, "nausea", "Nausea"),
    ]
    features = candidate_features(text, candidates, False, {"pt:nausea": (4, 3)})
    assert features["frequency"] == 0.5
    assert features["pt_log_odds"] > 0
    assert features["phrase_unseen"] == 1.0
    assert "w+1:and" in features


def test_label_priors_count_labels_proposing_and_annotating_a_term() -> None:
    sections = [
        _section("a", "Nausea was common.", "Nausea"),
        _section("b", "Nausea was rare.", "Nausea"),
        _section("c", "Patients with diabetes mellitus or nausea.", "Diabetes mellitus"),
    ]
    priors = label_priors(sections, _MATCHER)
    assert priors["pt:nausea"] == (3, 2)
    assert priors["pt:diabetes mellitus"] == (1, 1)


def test_fit_weights_the_feature_that_separates_the_classes() -> None:
    rows = [({"bias": 1.0, "cue": 1.0}, True)] * 20 + [({"bias": 1.0}, False)] * 20
    weights = fit(rows, epochs=20)
    assert weights["cue"] > 1.0
    assert weights["bias"] < 0


def test_the_shipped_scorer_loads_with_weights_and_priors() -> None:
    scorer = default_scorer()
    assert 0 < scorer.threshold <= scorer.override < 1
    assert len(scorer.weights) > 100
    assert len(scorer.priors) > 100
