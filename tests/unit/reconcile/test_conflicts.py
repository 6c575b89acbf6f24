"""Disagreements between sources are reported in medinfo's words, naming each side."""

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.sources import SourceKind
from medinfo.reconcile import reconcile_monograph
from tests.unit.reconcile.builders import fact, source

SOURCES = [
    source("faq", "Muscle relaxer questions"),
    source("wiki", "Relaxant wiki page"),
    source("shop", "Pharmacy shop page"),
]


def _conflicts(facts, sources=SOURCES):  # type: ignore[no-untyped-def]
    return {c.topic: c for c in reconcile_monograph("tizanidine", sources, facts).conflicts}


def test_conflict_onset_differs_names_both_sides() -> None:
    conflicts = _conflicts(
        [
            fact("faq", FactKind.ONSET, "onset", first_effect="within an hour"),
            fact("wiki", FactKind.ONSET, "onset", first_effect="after two weeks"),
        ]
    )
    onset = conflicts["onset"]
    assert [claim.sources for claim in onset.claims] == [["faq"], ["wiki"]]
    assert "Muscle relaxer questions" in onset.note
    assert "Relaxant wiki page" in onset.note
    assert "within an hour" in onset.note
    assert "after two weeks" in onset.note


def test_onset_times_that_overlap_are_no_conflict() -> None:
    conflicts = _conflicts(
        [
            fact("faq", FactKind.ONSET, "onset", first_effect="few hours"),
            fact("wiki", FactKind.ONSET, "onset", first_effect="3 hours"),
            fact("shop", FactKind.ONSET, "onset", first_effect="2-4 hours"),
        ]
    )
    assert "onset" not in conflicts


def test_onset_times_apart_are_still_a_conflict() -> None:
    conflicts = _conflicts(
        [
            fact("faq", FactKind.ONSET, "onset", first_effect="10 minutes"),
            fact("wiki", FactKind.ONSET, "onset", first_effect="45-90 minutes"),
        ]
    )
    assert [claim.sources for claim in conflicts["onset"].claims] == [["faq"], ["wiki"]]


def test_conflict_not_reported_when_values_agree() -> None:
    conflicts = _conflicts(
        [
            fact("faq", FactKind.MAX_DAILY_DOSE, "oral", amount=36, unit="mg"),
            fact("wiki", FactKind.MAX_DAILY_DOSE, "oral", amount=36.0, unit="MG"),
            fact("faq", FactKind.PREGNANCY, "pregnancy", category="C"),
            fact("shop", FactKind.PREGNANCY, "pregnancy", category="Category C"),
        ]
    )
    assert conflicts == {}


def test_conflict_dependence_claimed_by_one_weak_source_of_three() -> None:
    conflicts = _conflicts(
        [
            fact("shop", FactKind.DEPENDENCE, "dependence", claim="addictive"),
            fact("shop", FactKind.CONTENT_NOTICE, "ai_or_crowd"),
        ]
    )
    dependence = conflicts["dependence"]
    # silence is not a side: the silent sources are named in the note, not as a claim
    assert [(c.value, c.sources) for c in dependence.claims] == [
        ("can be addictive or cause dependence", ["shop"]),
    ]
    assert "Pharmacy shop page" in dependence.note
    assert "do not mention it" in dependence.note
    assert not dependence.note.startswith("Sources disagree")


def test_conflict_not_reported_between_a_claim_and_silence() -> None:
    # sources of equal standing: one says it, the others do not speak to it
    conflicts = _conflicts([fact("shop", FactKind.DEPENDENCE, "dependence", claim="addictive")])
    assert "dependence" not in conflicts


def test_conflict_dependence_denied_by_another_source() -> None:
    conflicts = _conflicts(
        [
            fact("shop", FactKind.DEPENDENCE, "dependence", claim="addictive"),
            fact("faq", FactKind.DEPENDENCE, "dependence", claim="not addictive", negated=True),
        ],
        SOURCES[:1] + SOURCES[2:],
    )
    assert [c.value for c in conflicts["dependence"].claims] == [
        "can be addictive or cause dependence",
        "denied",
    ]


def test_conflict_dependence_absent_when_every_source_claims_it() -> None:
    facts = [fact(s.id, FactKind.DEPENDENCE, "dependence") for s in SOURCES]
    assert "dependence" not in _conflicts(facts)


def test_conflict_pregnancy_category_keeps_the_label_value() -> None:
    sources = [source("lbl", "Tizanidine label", SourceKind.LABEL), *SOURCES[:1]]
    facts = [
        fact("faq", FactKind.PREGNANCY, "pregnancy", category="B"),
        fact("lbl", FactKind.PREGNANCY, "pregnancy", category="C"),
    ]
    monograph = reconcile_monograph("tizanidine", sources, facts)
    assert monograph.pregnancy.category == "C"
    (conflict,) = monograph.conflicts
    assert conflict.topic == "pregnancy_category"
    assert 'the most reliable source, "Tizanidine label".' in conflict.note  # cited in full above


def test_conflict_abrupt_stop_and_missed_dose_flags() -> None:
    conflicts = _conflicts(
        [
            fact("faq", FactKind.STOPPING, "stopping", abrupt_stop_risk=True),
            fact("wiki", FactKind.STOPPING, "stopping", abrupt_stop_risk=False),
            fact("faq", FactKind.MISSED_DOSE, "missed_dose", never_double=True),
            fact(
                "wiki",
                FactKind.MISSED_DOSE,
                "missed_dose",
                never_double=True,
                take_when_remembered=True,
            ),
        ]
    )
    assert set(conflicts) == {"abrupt_stop_risk"}


def test_conflict_notes_name_duplicate_titles_by_id() -> None:
    sources = [source("a1", "Tizanidine"), source("a2", "Tizanidine")]
    facts = [
        fact("a1", FactKind.ONSET, "onset", full_effect="days"),
        fact("a2", FactKind.ONSET, "onset", full_effect="weeks"),
    ]
    (conflict,) = reconcile_monograph("tizanidine", sources, facts).conflicts
    assert "[a1]" in conflict.note
    assert "[a2]" in conflict.note


def test_conflict_indication_approved_versus_off_label() -> None:
    sources = [source("lbl", "Tizanidine label", SourceKind.LABEL), *SOURCES[:1]]
    facts = [
        fact("faq", FactKind.INDICATION, "tension headaches", off_label=False),
        fact("lbl", FactKind.INDICATION, "tension headache", off_label=True),
    ]
    monograph = reconcile_monograph("tizanidine", sources, facts)
    assert [i.off_label for i in monograph.indications] == [True]
    (conflict,) = monograph.conflicts
    assert conflict.topic == "indication_status"
    assert [(c.value, c.sources) for c in conflict.claims] == [
        ("off-label", ["lbl"]),
        ("an approved use", ["faq"]),
    ]
    assert "tension headache" in conflict.note


def test_conflict_one_document_against_itself_names_both_places() -> None:
    dose = {"unit": "mg", "frequency_per_day": 1}
    monograph = reconcile_monograph(
        "tizanidine",
        SOURCES,
        [
            fact("wiki", FactKind.INITIAL_DOSE, "oral", amount=10, place="introduction", **dose),
            fact("wiki", FactKind.INITIAL_DOSE, "oral", amount=5, place="dedicated", **dose),
        ],
    )
    assert monograph.dosing.initial is not None
    assert monograph.dosing.initial.amount == 5  # the dedicated section wins
    [conflict] = monograph.conflicts
    assert "in its dedicated section" in conflict.note
    assert "in its introduction" in conflict.note
    detail = "(consumer article)"  # the source is cited in full once, then by its title
    assert conflict.note.count(detail) == 1, conflict.note


def test_conflict_never_puts_one_source_on_both_sides() -> None:
    corrected = _conflicts(
        [
            fact("wiki", FactKind.STOPPING, "stopping", abrupt_stop_risk=False),
            fact("wiki", FactKind.STOPPING, "stopping", abrupt_stop_risk=True),
        ]
    )
    assert "abrupt_stop_risk" not in corrected
    said_both = _conflicts(
        [
            fact("wiki", FactKind.INDICATION, "anxiety", off_label=False),
            fact("wiki", FactKind.INDICATION, "anxiety", off_label=True),
        ]
    )
    assert "indication_status" not in said_both
    two_sources = _conflicts(
        [
            fact("faq", FactKind.STOPPING, "stopping", abrupt_stop_risk=False),
            fact("wiki", FactKind.STOPPING, "stopping", abrupt_stop_risk=True),
            fact("faq", FactKind.INDICATION, "anxiety", off_label=False),
            fact("wiki", FactKind.INDICATION, "anxiety", off_label=True),
        ]
    )
    assert {"abrupt_stop_risk", "indication_status"} <= set(two_sources)


def test_a_personal_account_of_a_dose_is_no_side_of_a_conflict() -> None:
    dose = {"unit": "mg", "frequency_per_day": 1}
    monograph = reconcile_monograph(
        "gliclazide",
        SOURCES,
        [
            fact("wiki", FactKind.INITIAL_DOSE, "oral", amount=40, place="dedicated", **dose),
            fact("faq", FactKind.INITIAL_DOSE, "oral", amount=80, place="anecdote", **dose),
        ],
    )
    assert monograph.dosing.initial is not None
    assert monograph.dosing.initial.amount == 40
    assert monograph.conflicts == []


def test_a_dependence_claim_alone_implies_the_side_effect() -> None:
    claimed = reconcile_monograph(
        "amitriptyline",
        SOURCES,
        [fact("shop", FactKind.DEPENDENCE, "dependence", claim="addictive")],
    )
    assert "dependence" in [effect.term for effect in claimed.side_effects]


def _at(item: ExtractedFact, start: int) -> ExtractedFact:
    """The fact placed at `start` of its source (a later post of a thread)."""
    evidence = item.evidence.model_copy(update={"start": start, "end": start + 30})
    return item.model_copy(update={"evidence": evidence})


def test_the_later_word_of_a_source_on_dependence_is_its_correction() -> None:
    claim = fact("shop", FactKind.DEPENDENCE, "dependence", claim="addictive")
    denial = fact("shop", FactKind.DEPENDENCE, "dependence", claim="not_addictive")
    for first, then, kept in ((claim, denial, False), (denial, claim, True)):
        monograph = reconcile_monograph("clonazepam", SOURCES, [_at(first, 10), _at(then, 90)])
        assert ("dependence" in [effect.term for effect in monograph.side_effects]) is kept
