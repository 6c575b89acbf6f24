"""Stopping: warnings against abrupt stopping, tapering, and questions that claim nothing."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.extract.statements import Statement
from medinfo.extract.stopping import extract_stopping

StatementsOf = Callable[[str], list[Statement]]


def _risk(statements_of: StatementsOf, text: str) -> list[object]:
    facts = extract_stopping(statements_of(text), "s1")
    return [fact.attributes.get("abrupt_stop_risk") for fact in facts]


def test_extract_stopping_warning_against_sudden_stop(statements_of: StatementsOf) -> None:
    assert _risk(statements_of, "Never stop taking this medicine suddenly.") == [True]
    assert _risk(statements_of, "Quitting cold turkey can trigger seizures.") == [True]


def test_extract_stopping_question_is_not_a_claim(statements_of: StatementsOf) -> None:
    assert _risk(statements_of, "Can I stop taking it suddenly?") == []


def test_extract_stopping_safe_abrupt_stop(statements_of: StatementsOf) -> None:
    assert _risk(statements_of, "You can stop it suddenly without any problems.") == [False]
    assert _risk(statements_of, "It is not safe to stop it abruptly.") == [True]


def test_extract_stopping_taper_steps(statements_of: StatementsOf) -> None:
    (fact,) = extract_stopping(
        statements_of(
            "Stopping\nYour doctor will taper the dose, reducing it by 10 mg every week."
        ),
        "s1",
    )
    assert fact.attributes["taper_required"] is True
    assert fact.attributes["abrupt_stop_risk"] is True
    assert (fact.attributes["taper_step_amount"], fact.attributes["taper_step_days"]) == (10, 7)


def test_extract_stopping_no_taper_needed(statements_of: StatementsOf) -> None:
    (fact,) = extract_stopping(statements_of("There is no need to taper this medicine."), "s1")
    assert fact.attributes == {"taper_required": False}


def test_extract_stopping_no_withdrawal_means_stopping_is_safe(statements_of: StatementsOf) -> None:
    no_withdrawal = (
        "Stopping it does not usually cause withdrawal, but your blood pressure may rise."
    )
    assert _risk(statements_of, no_withdrawal) == [False]
    assert _risk(statements_of, "It can usually be stopped at any time.") == [False]
    assert _risk(statements_of, "Do not stop taking it without asking your doctor.") == []


def test_extract_stopping_safe_statement_with_advice_is_not_a_warning(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Quitting it abruptly produces no withdrawal, and you don't need to reduce it first, "
        "though the original symptoms may slowly return."
    )
    assert _risk(statements_of, text) == [False]
    harm = "Halting it suddenly causes no withdrawal, but rebound headaches are common."
    assert _risk(statements_of, harm) == [True]


def test_extract_stopping_weaning_of_animal_young_is_not_a_taper(
    statements_of: StatementsOf,
) -> None:
    text = "Dams were dosed from mating until weaning, and litter sizes fell at the top dose."
    assert extract_stopping(statements_of(text), "s1") == []
    assert _risk(statements_of, "Your doctor will wean you off it over a month.") == [True]


def test_extract_stopping_everyday_words_for_a_risky_or_safe_stop(
    statements_of: StatementsOf,
) -> None:
    assert _risk(
        statements_of, "Reduce the dose slowly, as coming off too soon can bring back the angina."
    ) == [True]
    assert _risk(statements_of, "Discontinue it gradually to lower the risk of fits.") == [True]
    assert _risk(
        statements_of,
        "Ramipril is not linked with withdrawal, and you do not need to taper it, but "
        "blood pressure will rise again after you stop.",
    ) == [False]


def test_extract_stopping_no_taper_alone_never_sets_the_risk(statements_of: StatementsOf) -> None:
    # a fact saying no taper is needed, but no abrupt-stop risk either way
    assert _risk(statements_of, "There is no need to taper amlodipine when you stop it.") == [None]


def test_extract_stopping_a_risk_that_holds_after_a_length_of_use_keeps_it(
    statements_of: StatementsOf,
) -> None:
    text = "If you have used it for more than two weeks, do not stop it all at once."
    (fact,) = extract_stopping(statements_of(text), "s1")
    assert fact.attributes["after_weeks"] == 2.0
    (plain,) = extract_stopping(statements_of("Never stop taking it suddenly."), "s1")
    assert "after_weeks" not in plain.attributes


def test_extract_stopping_a_rebound_is_kept_beside_no_danger(statements_of: StatementsOf) -> None:
    text = (
        "Stopping esomeprazole is not harmful. After months of use your heartburn may come "
        "back for a while when you stop."
    )
    (fact,) = extract_stopping(statements_of(text), "s1")
    assert fact.attributes.get("rebound") is True
    assert fact.attributes.get("abrupt_stop_risk") is not True


def test_extract_stopping_a_consequence_of_a_sudden_stop_is_a_warning(
    statements_of: StatementsOf,
) -> None:
    assert _risk(statements_of, "Coming off it suddenly may make your chest pain worse.") == [True]
    assert _risk(
        statements_of, "Stopping suddenly can let your blood pressure climb within days."
    ) == [True]
    assert _risk(statements_of, "You can stop it suddenly without any problems.") == [False]


def test_extract_stopping_a_course_stopped_early_letting_the_illness_back_is_no_taper(
    statements_of: StatementsOf,
) -> None:
    assert True not in _risk(
        statements_of, "Stopping the course early could let the infection return."
    )


def test_extract_stopping_said_not_to_be_dangerous_is_no_risk(statements_of: StatementsOf) -> None:
    assert _risk(statements_of, "Stopping it suddenly isn't dangerous for most people.") == [False]
    assert _risk(statements_of, "Stopping it suddenly is not only dangerous, it can kill.") == [
        True
    ]


def test_stopping_that_gives_no_withdrawal_is_no_abrupt_stop_risk(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Stopping suddenly won't give you withdrawal symptoms; it isn't that kind of drug. But "
        "the protection goes when you stop, so don't quit without speaking to your doctor."
    )
    assert True not in _risk(statements_of, text)


def test_extract_stopping_negated_harms_beside_a_safe_phrase_stay_negated(
    statements_of: StatementsOf,
) -> None:
    said = "Stopping suddenly won't cause withdrawal or any rebound, so it isn't dangerous."
    assert _risk(statements_of, said) == [False]


def test_extract_stopping_without_cutting_down_is_no_taper_unless_forbidden(
    statements_of: StatementsOf,
) -> None:
    (allowed,) = extract_stopping(
        statements_of("There is no withdrawal, so you can stop without cutting down."), "s1"
    )
    assert allowed.attributes["taper_required"] is False
    assert allowed.attributes["abrupt_stop_risk"] is False
    (forbidden,) = extract_stopping(statements_of("Never stop without cutting down first."), "s1")
    assert forbidden.attributes["taper_required"] is True


def test_extract_stopping_taper_of_another_substance_is_not_this_drugs(
    statements_of: StatementsOf,
) -> None:
    said = "It won't prevent benzo withdrawal, so the benzo itself has to be reduced slowly."
    facts = extract_stopping(statements_of(said), "s1", ("buspirone",))
    assert all(fact.attributes.get("taper_required") is not True for fact in facts)


def test_extract_stopping_says_whether_the_harm_named_is_withdrawal(
    statements_of: StatementsOf,
) -> None:
    seizures = extract_stopping(statements_of("Stopping suddenly can bring seizures back."), "")
    assert [f.attributes.get("withdrawal") for f in seizures] == [None]
    withdrawal = extract_stopping(
        statements_of("Stopping suddenly can cause withdrawal symptoms."), "s"
    )
    assert [f.attributes.get("withdrawal") for f in withdrawal] == [True]
