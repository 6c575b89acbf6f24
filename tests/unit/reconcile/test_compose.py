"""Texts are medinfo's own plain words, keep numbers exact and never invent."""

import re
from pathlib import Path

import pytest

from medinfo.config import SHARED_DIR
from medinfo.domain.facts import FactKind
from medinfo.domain.monograph import UNKNOWN
from medinfo.reconcile import reconcile_monograph
from medinfo.reconcile.compose import (
    compose_breastfeeding,
    compose_interaction,
    compose_mechanism,
    compose_missed_dose,
    compose_onset,
    compose_pregnancy,
    compose_stopping,
    compose_titration,
    split_terms,
)
from tests.unit.reconcile.builders import fact, source


def test_compose_missed_dose_reads_as_one_plain_rule() -> None:
    text = compose_missed_dose(
        {"take_when_remembered": True, "skip_if_next_dose_near": True, "never_double": True}
    )
    assert text == (
        "If you miss a dose, take it once you remember, as soon as you can. If it is nearly time "
        "for the next dose, skip the one you missed and keep to your usual schedule. Never take "
        "two doses at once."
    )


def test_compose_missed_dose_names_the_hours_and_a_plain_skip() -> None:
    text = compose_missed_dose(
        {"take_when_remembered": True, "skip_if_next_dose_near": True, "next_within_hours": 6}
    )
    assert "If your next dose is due within 6 hours, skip the missed one" in text
    assert "nearly time" not in text
    only_skip = compose_missed_dose({"skip_if_next_dose_near": True, "never_double": True})
    assert only_skip.startswith("Skip the missed dose and take the next one at the usual time.")


def test_compose_missed_dose_unknown_without_flags() -> None:
    assert compose_missed_dose({}) == UNKNOWN


def test_compose_titration_keeps_numbers_exact() -> None:
    text = compose_titration("2.5 mg", 3, "22.5 mg")
    assert "2.5 mg" in text
    assert "every 3 days" in text
    assert "22.5 mg" in text


def test_compose_onset_says_when_the_effect_wears_off_apart() -> None:
    text = compose_onset("15 minutes", None, disputed=False, lasts="4-6 hours")
    assert text == (
        "It starts to work within 15 minutes. Each dose lasts about 4-6 hours; then its effect "
        "wears off."
    )


def test_compose_onset_unknown_without_values() -> None:
    assert compose_onset(None, "", disputed=True) == UNKNOWN


def test_compose_pregnancy_explains_retired_letter_category() -> None:
    text = compose_pregnancy("tizanidine", "C", outdated=True, mentioned=True)
    assert "category C" in text
    assert "2015" in text
    assert compose_pregnancy("tizanidine", None, outdated=False, mentioned=False) == UNKNOWN


def test_compose_pregnancy_says_each_stated_flag_once_in_its_own_words() -> None:
    flags = {"contraindicated": True, "avoid": True, "may_harm_fetus": True, "do_not_stop": False}
    text = compose_pregnancy("warfarin", None, outdated=False, mentioned=True, flags=flags)
    assert "must not be used in pregnancy" in text
    assert "not recommended" not in text  # the stronger statement stands for the weaker
    assert "harm the unborn baby" in text
    assert "Do not stop" not in text
    assert text.endswith("if you are pregnant or planning a pregnancy.")


def test_compose_breastfeeding_says_small_amounts_compatibility_and_what_to_watch() -> None:
    value = {
        "excreted_in_milk": True,
        "small_amounts": True,
        "compatible": True,
        "watch_baby": True,
        "infant_signs": "drowsiness, slow heart rate",
    }
    text = compose_breastfeeding("metoprolol", value, True)
    assert text.startswith("Only small amounts of metoprolol pass into breast milk.")
    assert "compatible with breastfeeding" in text
    assert "watch the baby for drowsiness and slow heart rate" in text
    unwatched = compose_breastfeeding("x", {"infant_signs": "drowsiness", "avoid": True}, True)
    assert "watch" not in unwatched
    assert "compatible" not in unwatched


def test_compose_pregnancy_names_the_stage_the_sources_single_out() -> None:
    flags = {"avoid": True, "stage_specific": True}
    text = compose_pregnancy("x", None, outdated=False, mentioned=True, flags=flags, stage="later")
    assert "later months of pregnancy" in text
    assert "depends on the stage" not in text


def test_compose_pregnancy_category_x_is_not_said_twice() -> None:
    flags = {"contraindicated": True, "may_harm_fetus": True}
    text = compose_pregnancy("warfarin", "X", outdated=True, mentioned=True, flags=flags)
    assert text.count("must not be used in pregnancy") == 1


def test_compose_pregnancy_no_increase_shown_is_not_said_to_be_harmless() -> None:
    flags = {"may_harm_fetus": False, "no_defects_shown": True}
    text = compose_pregnancy("sumatriptan", None, outdated=False, mentioned=True, flags=flags)
    assert "not shown a clear increase in birth defects" in text
    assert "not expected to harm" not in text


def test_compose_stopping_names_symptoms_and_taper() -> None:
    text = compose_stopping("tizanidine", True, True, ["fast heartbeat", "anxiety"])
    assert text.startswith("Do not stop taking tizanidine suddenly")
    assert "fast heartbeat and anxiety" in text
    assert "gradually" in text


def test_split_terms_folds_synonyms_and_drops_repeats() -> None:
    assert split_terms("Sleepiness, drowsiness and dizziness; vertigo") == [
        "drowsiness",
        "dizziness",
    ]


def test_reconcile_monograph_dose_numbers_are_shown_exactly_as_stated() -> None:
    facts = [
        fact("art", FactKind.INITIAL_DOSE, "oral", amount=2.5, unit="mg", frequency_per_day=2),
        fact("art", FactKind.MAX_DAILY_DOSE, "oral", amount=22.5, unit="mg"),
        fact("art", FactKind.TITRATION, "titration", step_amount=1.25, step_days=7),
    ]
    dosing = reconcile_monograph("tizanidine", [source("art")], facts).dosing
    assert dosing.initial is not None
    assert dosing.initial.model_dump()["amount"] == 2.5
    assert dosing.titration is not None
    assert "1.25 mg every 7 days" in dosing.titration
    assert "22.5 mg a day" in dosing.titration


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_reconcile_monograph_texts_copy_no_source_sentence() -> None:
    corpus = Path(SHARED_DIR.value() or Path(__file__).parents[3] / ".." / "shared") / "corpus"
    pages = sorted(corpus.glob("*/*.txt"))
    if not pages:
        pytest.skip("shared corpus not available")
    k = FactKind
    facts = [
        fact("art", k.DRUG_CLASS, "muscle relaxant"),
        fact("art", k.INDICATION, "spasticity"),
        fact("art", k.INDICATION, "multiple sclerosis"),
        fact("art", k.MECHANISM_TERM, "gaba-b"),
        fact("art", k.MECHANISM_TERM, "agonist"),
        fact("art", k.INTERACTION, "alcohol", effect_terms="drowsiness, dizziness, confusion"),
        fact("art", k.PRECAUTION, "kidney disease", advice="dose_adjustment"),
        fact("art", k.PREGNANCY, "pregnancy", category="C"),
        fact("art", k.BREASTFEEDING, "breastfeeding", excreted_in_milk=True),
        fact("art", k.MISSED_DOSE, "missed_dose", take_when_remembered=True, never_double=True),
        fact("art", k.STOPPING, "stopping", abrupt_stop_risk=True, taper=True),
        fact("art", k.WITHDRAWAL_SYMPTOM, "seizures"),
        fact("art", k.ONSET, "onset", first_effect="within a few hours"),
        fact("art", k.FAQ, "alcohol"),
        fact("art", k.FAQ, "stopping"),
    ]
    monograph = reconcile_monograph("baclofen", [source("art")], facts).model_dump(mode="json")
    ours = [_words(text) for text in _texts(monograph)]
    grams = {" ".join(words[i : i + 7]) for words in ours for i in range(len(words) - 6)}
    for page in pages:
        theirs = _words(page.read_text(encoding="utf-8"))
        copied = grams & {" ".join(theirs[i : i + 7]) for i in range(len(theirs) - 6)}
        assert not copied, f"{page.name}: {sorted(copied)[:3]}"


def test_reconcile_monograph_breastfeeding_says_when_passing_into_milk_is_unknown() -> None:
    facts = [
        fact(
            "art",
            FactKind.BREASTFEEDING,
            "breastfeeding",
            excreted_in_milk=None,
            consult_provider=True,
        )
    ]
    monograph = reconcile_monograph("methocarbamol", [source("art")], facts)
    assert "not known whether methocarbamol passes into breast milk" in (
        monograph.breastfeeding.summary
    )


def test_compose_pregnancy_names_the_medicine_preferred_instead() -> None:
    text = compose_pregnancy(
        "lisinopril",
        None,
        outdated=False,
        mentioned=True,
        flags={"alternative_preferred": True},
        alternatives=["labetalol"],
    )
    assert (
        "Another medicine is often preferred or used instead; the sources name labetalol." in text
    )


def test_reconcile_pregnancy_names_no_drug_as_its_own_alternative() -> None:
    facts = [
        fact(
            "art",
            FactKind.PREGNANCY,
            "pregnancy",
            alternative_preferred=True,
            alternatives="metformin, glimepiride",
        )
    ]
    summary = reconcile_monograph("glimepiride", [source("art")], facts).pregnancy.summary
    assert "the sources name metformin." in summary


def test_reconcile_onset_says_how_long_a_dose_lasts_from_any_statement() -> None:
    facts = [
        fact("art", FactKind.ONSET, "onset", first_effect="20 minutes", place="summary"),
        fact("art", FactKind.ONSET, "onset", lasts="6-8 hours", place="summary"),
    ]
    summary = reconcile_monograph("tramadol", [source("art")], facts).onset.summary
    assert "It starts to work within 20 minutes." in summary
    assert "lasts about 6-8 hours" in summary


def test_compose_missed_dose_of_a_medicine_taken_when_needed() -> None:
    alone = compose_missed_dose({"as_needed": True})
    assert alone.startswith("It is usually taken only when needed")
    both = compose_missed_dose({"as_needed": True, "take_when_remembered": True})
    assert "If you take it on a regular schedule: If you miss a dose" in both


def test_compose_breastfeeding_says_short_use_apart_from_long_use() -> None:
    text = compose_breastfeeding(
        "codeine", {"short_use_acceptable": True, "long_use_avoided": True}, True
    )
    assert "a short course or a single dose generally acceptable" in text
    assert "advise against regular or long-term use" in text


def test_compose_pregnancy_names_newborn_effects_and_contraception() -> None:
    from medinfo.reconcile.compose import compose_pregnancy

    text = compose_pregnancy(
        "paroxetine",
        None,
        False,
        mentioned=True,
        flags={"newborn_effects": True, "contraception_advised": True},
        newborn_signs=["poor feeding", "withdrawal symptoms"],
    )
    assert "newborn baby after birth: poor feeding and withdrawal symptoms." in text
    assert "contraception" in text


def test_compose_stopping_says_a_rebound_beside_no_danger() -> None:
    text = compose_stopping("esomeprazole", False, False, [], rebound=True)
    assert "rebound" in text
    assert "no withdrawal symptoms" not in text


def test_compose_onset_says_vague_spans_as_a_sentence_would() -> None:
    assert compose_onset("few hours-couple days", None, False) == (
        "It starts to work within a few hours to a couple of days."
    )


def test_compose_stopping_safe_to_stop_says_no_withdrawal() -> None:
    text = compose_stopping("celecoxib", False, False, [])
    assert text.startswith("The sources say stopping celecoxib at once is not dangerous")
    assert "no withdrawal symptoms" in text


def test_an_interaction_says_what_it_does_to_how_the_medicines_work_and_its_harms() -> None:
    effects = ["lowered levels", "drowsiness"]
    text = compose_interaction("zonisamide", "carbamazepine", effects, False)
    assert text == (
        "Taking zonisamide with carbamazepine can lower the blood level of one of them and "
        "increase drowsiness."
    )


def test_a_warning_against_stopping_is_called_withdrawal_only_when_a_source_says_so() -> None:
    unnamed = compose_stopping("zonisamide", True, False, [])
    assert "withdrawal" not in unnamed
    assert "suddenly" in unnamed
    named = compose_stopping("paroxetine", True, False, [], withdrawal=True)
    assert "withdrawal symptoms" in named


def test_a_mechanism_with_two_actions_never_pairs_an_action_with_another_target() -> None:
    text = compose_mechanism("methadone", ["agonist", "antagonist", "mu-opioid", "nmda"])
    assert "works as" not in text
    assert "antagonist" in text
    one = compose_mechanism("clonidine", ["agonist", "alpha-2 adrenergic"])
    assert "works as an agonist at" in one
