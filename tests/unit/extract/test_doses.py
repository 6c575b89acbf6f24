"""Doses: starting, maximum and titration doses read from realistic phrasing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from medinfo.domain.facts import FactKind, Scalar
from medinfo.extract.doses import extract_doses
from medinfo.extract.statements import Statement, document_statements
from tests.unit.extract.conftest import read_text

StatementsOf = Callable[[str], list[Statement]]


def _doses(statements_of: StatementsOf, text: str) -> dict[FactKind, dict[str, Scalar]]:
    facts = extract_doses(statements_of("Dosage\n" + text), "s1")
    return {fact.kind: dict(fact.attributes) for fact in facts}


def test_extract_doses_starting_dose_with_times_daily(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The usual starting dose is 10 mg taken three times daily.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["unit"], initial["frequency_per_day"]) == (10, "mg", 3)


def test_extract_doses_amount_restated_in_brackets_keeps_its_schedule(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Most adults begin on 250 micrograms (0.25 mg) twice a day.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["unit"], initial["frequency_per_day"]) == (250, "mcg", 2)


@pytest.mark.parametrize(
    ("text", "amount", "per_day"),
    [
        ("Week 1: 5 mg (half a 10 mg tablet) once a day.", 5, 1),
        ("Take 1 g (two 500 mg tablets) up to four times a day.", 1000, 4),
        ("The usual dose is 1g, which is two 500mg tablets, taken up to 4 times a day.", 1000, 4),
    ],
)
def test_extract_doses_the_units_a_dose_is_made_of_keep_its_schedule(
    statements_of: StatementsOf, text: str, amount: int, per_day: int
) -> None:
    initial = _doses(statements_of, text)[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"]) == (amount, per_day)


def test_extract_doses_a_dose_studies_tried_is_no_dose_to_take(
    statements_of: StatementsOf,
) -> None:
    text = (
        "A 3 g daily dose was studied but offered no clear advantage over 2 g.\n"
        "The usual dose is 1 g twice a day; this dose was tested in large trials."
    )
    initial = _doses(statements_of, text)[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"]) == (1000, 2)


def test_extract_doses_route_named_in_the_dose_clause_wins(statements_of: StatementsOf) -> None:
    text = "Adults take 1.5 g twice daily by mouth, and it can also be given by intravenous drip."
    facts = extract_doses(statements_of("Dosage\n" + text), "s1")
    assert [(f.kind, f.key) for f in facts] == [(FactKind.INITIAL_DOSE, "oral")]


def test_extract_doses_interval_range_gives_fewest_doses_per_day(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Adults start with 4 mg every 6 to 8 hours.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert initial["frequency_per_day"] == 3
    assert initial["frequency_per_day_max"] == 4


def test_extract_doses_max_per_day_in_many_spellings(statements_of: StatementsOf) -> None:
    for phrase in (
        "Do not take more than 40 milligrams in one day.",
        "The dose should not exceed 40 mg/day.",
        "Doses can be raised up to 40 mg daily.",
        "Maximum daily dose: 40 mg.",
        "The dose is not normally raised above 40 mg a day.",
        "It should never be increased beyond 40 mg daily.",
    ):
        max_daily = _doses(statements_of, phrase)[FactKind.MAX_DAILY_DOSE]
        assert (max_daily["amount"], max_daily["unit"]) == (40, "mg"), phrase


def test_extract_doses_max_per_day_with_contracted_negations(statements_of: StatementsOf) -> None:
    for phrase in (
        "Don't swallow more than 60 mg in a day.",
        "You shouldn't go above 60 mg a day.",
        "The daily amount mustn't be pushed past 60 mg.",
        "Please don’t take more than 60 mg in 24 hours.",
    ):
        max_daily = _doses(statements_of, phrase)[FactKind.MAX_DAILY_DOSE]
        assert (max_daily["amount"], max_daily["unit"]) == (60, "mg"), phrase


def test_extract_doses_max_per_dose_is_not_a_daily_max(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "You may take up to 10 mg three times a day.")
    assert FactKind.MAX_DAILY_DOSE not in doses
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 10


def test_extract_doses_children_doses_are_not_adult_doses(statements_of: StatementsOf) -> None:
    text = "For children aged 6 to 11, start with 5 mg once a day.\nAdults take 10 mg once daily."
    initial = _doses(statements_of, text)[FactKind.INITIAL_DOSE]
    assert initial["amount"] == 10


def test_extract_doses_elderly_starting_dose_is_skipped(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Older adults should start at 2.5 mg once a day.")
    assert FactKind.INITIAL_DOSE not in doses


def test_extract_doses_strengths_are_not_doses(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Tablets come in 10 mg, 20 mg and 40 mg strengths.")
    assert doses == {}


def test_extract_doses_an_active_ingredient_per_caplet_is_a_strength(
    statements_of: StatementsOf,
) -> None:
    assert _doses(statements_of, "Active ingredient: acetaminophen 500 mg per caplet") == {}


def test_extract_doses_overdose_amounts_are_not_limits(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Doses above 3 g per day can cause liver damage.")
    assert doses == {}


def test_extract_doses_titration_step_and_interval(statements_of: StatementsOf) -> None:
    text = (
        "Start with 5 mg twice daily and increase by 5 mg every 3 days, to a maximum of 60 mg/day."
    )
    doses = _doses(statements_of, text)
    assert doses[FactKind.TITRATION]["step_amount"] == 5
    assert doses[FactKind.TITRATION]["step_days"] == 3
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 60
    assert doses[FactKind.INITIAL_DOSE]["frequency_per_day"] == 2


def test_extract_doses_gradual_increase_without_step(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The dose is then increased gradually as needed.")
    assert doses[FactKind.TITRATION]["summary_code"] == "gradual"


def test_extract_doses_daily_total_in_divided_doses(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The starting dose is 900 mg/day in 3 divided doses.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"], initial["daily_total"]) == (
        300,
        3,
        900,
    )


def test_extract_doses_counted_in_puffs_are_inhaled(statements_of: StatementsOf) -> None:
    facts = extract_doses(
        statements_of("Dosage\nNever use more than 8 puffs (800 mcg) in 24 hours."), "s1"
    )
    assert [(fact.kind, fact.key) for fact in facts] == [(FactKind.MAX_DAILY_DOSE, "inhaled")]


def test_extract_doses_intrathecal_route(statements_of: StatementsOf) -> None:
    facts = extract_doses(
        statements_of("Dosage\nFor the intrathecal pump, the first test dose is 50 mcg."), "s1"
    )
    assert [(fact.kind, fact.key) for fact in facts] == [(FactKind.INITIAL_DOSE, "intrathecal")]


def test_extract_doses_explicit_start_beats_usual_dose(statements_of: StatementsOf) -> None:
    text = "Most people take 20 mg twice a day.\nTreatment should begin at 10 mg once a day."
    assert _doses(statements_of, text)[FactKind.INITIAL_DOSE]["amount"] == 10


def test_extract_doses_question_is_not_a_dose(statements_of: StatementsOf) -> None:
    assert _doses(statements_of, "Can I take 20 mg at bedtime?") == {}


def test_extract_doses_alternative_starting_amounts_take_the_first(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Usual starting dose: 10 mg or 20 mg once a day.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"]) == (10, 1)
    strengths = _doses(statements_of, "It comes as 10 mg or 20 mg tablets.")
    assert FactKind.INITIAL_DOSE not in strengths


def test_extract_doses_grams_are_reported_in_mg(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Do not take more than 6 grams per day.")
    max_daily = doses[FactKind.MAX_DAILY_DOSE]
    assert (max_daily["amount"], max_daily["unit"]) == (6000, "mg")


def test_extract_doses_raise_by_up_to_is_a_step_not_a_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "The dose can be raised by up to 50 mg a day every week. The maximum is 200 mg per day.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 200


def test_extract_doses_everyday_words_for_the_maximum(statements_of: StatementsOf) -> None:
    for phrase in (
        "The most you should take in a day is 25 mg.",
        "Whatever the condition, the most anyone should take in a day is 25 mg.",
        "Never go above 25 mg a day.",
    ):
        maximum = _doses(statements_of, phrase)[FactKind.MAX_DAILY_DOSE]
        assert (maximum["amount"], maximum["unit"]) == (25, "mg"), phrase


def test_extract_doses_per_dose_maximum_only_from_a_schedule_that_adds_up(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Maximum: 400 mg a day, given as 200 mg twice a day.")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 400
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 200
    uneven = _doses(statements_of, "Maximum: 400 mg a day, given as 150 mg twice a day.")
    assert FactKind.MAX_SINGLE_DOSE not in uneven
    restated = _doses(statements_of, "The highest dose is 10 mg twice a day (20 mg a day).")
    assert restated[FactKind.MAX_SINGLE_DOSE]["amount"] == 10
    assert restated[FactKind.MAX_DAILY_DOSE]["amount"] == 20


@pytest.mark.parametrize(
    ("phrase", "per_dose"),
    [
        ("Do not take more than 80 mg a day, split into four doses.", 20),
        ("The maximum dose is 90 mg per day in 3 divided doses.", 30),
        ("The most you should take is 3 grams a day, as 1 gram three times a day.", 1000),
    ],
)
def test_extract_doses_per_dose_maximum_from_a_counted_division_of_the_daily_one(
    statements_of: StatementsOf, phrase: str, per_dose: float
) -> None:
    assert _doses(statements_of, phrase)[FactKind.MAX_SINGLE_DOSE]["amount"] == per_dose


def test_extract_doses_no_per_dose_maximum_from_uncounted_divided_doses(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "The maximum is 60 mg a day in divided doses.")
    assert FactKind.MAX_SINGLE_DOSE not in doses


def test_extract_doses_maximum_over_another_period_is_not_daily(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "The total should not exceed 1.8 mg over that one-hour period.")
    assert FactKind.MAX_DAILY_DOSE not in doses


def test_extract_doses_population_and_person_conditions_are_not_adult_doses(
    statements_of: StatementsOf,
) -> None:
    for phrase in (
        "If you're of Asian origin, you'll start on 5 mg a day.",
        "Older people usually start on 2.5 mg a day.",
        "A higher dose of 40 mg a day is advised in some cases, such as after a heart attack.",
    ):
        assert FactKind.INITIAL_DOSE not in _doses(statements_of, phrase), phrase


def test_extract_doses_dosing_section_outranks_the_introduction(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Overview\nTreatment often begins with 10 mg a day.\n\n"
        "Dosage\nThe usual starting dose is 5 mg once daily.\n"
    )
    facts = [f for f in extract_doses(statements_of(text), "s1") if f.kind is FactKind.INITIAL_DOSE]
    places = {fact.attributes["place"]: fact.attributes["amount"] for fact in facts}
    assert places == {"dedicated": 5, "introduction": 10}


def test_extract_doses_a_statement_met_again_is_read_for_its_own_place(
    statements_of: StatementsOf,
) -> None:
    sentence = "Take 10 mg once a day."
    first = extract_doses(statements_of(f"Dosage\n{sentence}"), "s1")
    later = extract_doses(
        statements_of(f"Dosage\nIt comes as a tablet to swallow.\n{sentence}"), "s2"
    )
    assert [(f.kind, dict(f.attributes)) for f in later] == [
        (f.kind, dict(f.attributes)) for f in first
    ]
    assert later[0].evidence.start > first[0].evidence.start
    assert later[0].evidence.source == "s2"
    # the same words under a children's heading are no adult dose
    assert extract_doses(statements_of(f"Dosage for children\n{sentence}"), "s3") == []


def _initial_by_place(statements_of: StatementsOf, text: str) -> dict[str, Scalar]:
    facts = [f for f in extract_doses(statements_of(text), "s1") if f.kind is FactKind.INITIAL_DOSE]
    return {str(f.attributes.get("place", "only")): f.attributes["amount"] for f in facts}


def test_extract_doses_numbered_subsection_stays_in_the_dosing_section(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Lead\nTreatment normally begins at 50 mg a day.\n\n"
        "3 Dosage\n\n3.1 Adults\nWeeks 1 and 2: 25 mg once daily\nWeeks 3 and 4: 50 mg once daily\n"
    )
    assert _initial_by_place(statements_of, text) == {"dedicated": 25, "introduction": 50}


def test_extract_doses_how_much_to_take_is_a_dosing_section(statements_of: StatementsOf) -> None:
    text = (
        "About it\nAdults usually start on 10 mg every 4 hours.\n\n"
        "How much to take\nThe usual starting dose is 5 mg every 4 to 6 hours.\n"
    )
    assert _initial_by_place(statements_of, text) == {"dedicated": 5, "introduction": 10}


def test_extract_doses_a_general_statement_outranks_a_row_for_one_use(
    statements_of: StatementsOf,
) -> None:
    text = (
        "How and when to take it\n\n"
        "| Condition | Dose |\n|---|---|\n"
        "| Treating a clot | 10 mg twice a day for the first 7 days, then 5 mg twice a day |\n"
        "| Heart rhythm problem | 5 mg twice a day |\n\n"
        "Most people start on 5 mg twice a day.\n"
    )
    doses = _doses(statements_of, text)
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"]) == (5, 2)


def test_extract_doses_as_needed_fixes_no_doses_a_day(statements_of: StatementsOf) -> None:
    initial = _doses(statements_of, "Take 5 mg every 4 to 6 hours as needed.")[
        FactKind.INITIAL_DOSE
    ]
    assert initial["frequency_per_day"] is None
    assert "frequency_per_day_max" not in initial


def test_extract_doses_per_kilogram_dose_of_adults(statements_of: StatementsOf) -> None:
    text = "Adults are started on about 1.6 mcg per kg of body weight a day."
    doses = _doses(statements_of, text)
    assert doses[FactKind.INITIAL_DOSE]["unit"] == "mcg/kg"
    # a paragraph that names children gives a per-kilogram dose to them, not to adults
    child = "For a child, start with 10 mg/kg once daily."
    assert FactKind.INITIAL_DOSE not in _doses(statements_of, child)


def test_extract_doses_per_kilogram_maximum_of_a_paragraph_naming_no_child(
    statements_of: StatementsOf,
) -> None:
    text = "The dermatologist can raise it up to 1 mg per kg a day; that is the most you take."
    maximum = _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]
    assert (maximum["amount"], maximum["unit"]) == (1, "mg/kg")


def test_extract_doses_range_that_repeats_its_unit(statements_of: StatementsOf) -> None:
    initial = _doses(statements_of, "Starting dose 0.25 mg to 0.5 mg three times a day.")[
        FactKind.INITIAL_DOSE
    ]
    assert (initial["amount"], initial["amount_high"], initial["frequency_per_day"]) == (
        0.25,
        0.5,
        3,
    )


def test_extract_doses_the_highest_dose_is_a_maximum(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The highest dose is 1,000 mcg in 24 hours.")
    assert FactKind.INITIAL_DOSE not in doses
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 1000


def test_extract_doses_a_once_daily_maximum_is_the_most_per_dose(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "The maximum dose is 10 mg once a day.")
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 10
    # a per-dose maximum the text states itself comes first
    doses = _doses(
        statements_of,
        "Maximum: 400 mg a day, given as 200 mg twice a day.\n"
        "Slow-release: up to 400 mg once a day.",
    )
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 200


def test_extract_doses_no_single_dose_should_exceed(statements_of: StatementsOf) -> None:
    doses = _doses(
        statements_of, "The highest daily dose is 2.4 mg, and no single dose should exceed 1.2 mg."
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 2.4
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 1.2


def test_extract_doses_doses_above_that_are_not_used_give_a_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Doses above 2 mg a day are not used for hot flushes.")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 2
    # an overdose stays an overdose
    assert FactKind.MAX_DAILY_DOSE not in _doses(
        statements_of, "Doses above 20 mg a day can cause an overdose."
    )


def test_extract_doses_an_infobox_of_field_lines_is_a_summary(statements_of: StatementsOf) -> None:
    text = (
        "Examplol infobox\nBrand names: Zorbex, Quellin\nRoute: oral\nMaximum dose: 60 mg/day\n\n"
        "Dosage\nStarting dose: 10 mg once daily.\nMaximum: 40 mg per day.\n"
    )
    facts = [
        f for f in extract_doses(statements_of(text), "s1") if f.kind is FactKind.MAX_DAILY_DOSE
    ]
    places = {str(f.attributes.get("place")): f.attributes["amount"] for f in facts}
    assert places == {"dedicated": 40, "summary": 60}


def test_extract_doses_a_weekly_maximum_is_never_a_daily_one(statements_of: StatementsOf) -> None:
    for phrase in (
        "The maximum is 25 mg once a week.",
        "Do not take more than 20 mg a week.",
        "Doses may go up to 50 mg weekly.",
    ):
        assert FactKind.MAX_DAILY_DOSE not in _doses(statements_of, phrase), phrase


def test_extract_doses_a_weekly_starting_dose_is_left_out(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Adults usually start on 7.5 mg taken once a week.")
    assert FactKind.INITIAL_DOSE not in doses
    daily = _doses(statements_of, "Adults usually start on 25 mg a day for the first week.")
    assert daily[FactKind.INITIAL_DOSE]["amount"] == 25


def test_extract_doses_a_daily_dose_for_a_week_is_still_daily(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The usual starting dose is 10 mg every day for a week.")
    assert doses[FactKind.INITIAL_DOSE]["amount"] == 10


def test_extract_doses_everyday_words_for_the_most_per_dose(statements_of: StatementsOf) -> None:
    for phrase in (
        "Never swallow more than 800 mg in one go.",
        "Take no more than 800 mg at any one time.",
        "No more than 800 mg should be taken each time.",
    ):
        doses = _doses(statements_of, phrase)
        assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 800, phrase
        assert FactKind.MAX_DAILY_DOSE not in doses, phrase


def test_extract_doses_the_most_that_may_be_taken_is_a_maximum(
    statements_of: StatementsOf,
) -> None:
    text = "Adults take 1 g twice a day, and 4 g is the most that can be taken in a day (4 g)."
    doses = _doses(statements_of, "Adults take 1 g twice a day. The most that can be taken is 4 g.")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 4000
    assert _doses(statements_of, text)[FactKind.INITIAL_DOSE]["amount"] == 1000


def test_extract_doses_once_a_day_maximum_after_another_daily_amount(
    statements_of: StatementsOf,
) -> None:
    text = "The usual range is 2 to 4 mg once a day and the maximum is 8 mg once a day."
    doses = _doses(statements_of, text)
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 8
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 8


def test_extract_doses_bracketed_schedule_of_a_daily_maximum(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The ceiling is 600 mg a day (300 mg twice daily).")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 600
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 300
    # a bracket that does not add up to the maximum is no per-dose maximum
    other = _doses(statements_of, "The ceiling is 600 mg a day (100 mg tablets).")
    assert FactKind.MAX_SINGLE_DOSE not in other


def test_extract_doses_weak_cue_of_another_clause_in_general_text(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Replies from members\n"
        "The usual plan is to taper slowly over a fortnight, and after months on 150 mg a day "
        "most doctors go slower still."
    )
    facts = extract_doses(statements_of(text), "s1")
    assert not [f for f in facts if f.kind is FactKind.INITIAL_DOSE]


def test_extract_doses_a_paragraph_saying_the_dose_varies_gives_no_usual_dose(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Your specialist sets the dose. It varies widely between people: most adults take "
        "between 10 mg and 80 mg a day. For a flare, a typical course is 30 mg a day for 4 days."
    )
    assert FactKind.INITIAL_DOSE not in _doses(statements_of, text)
    explicit = _doses(statements_of, "The dose varies, but treatment starts at 5 mg once a day.")
    assert explicit[FactKind.INITIAL_DOSE]["amount"] == 5


def test_extract_doses_what_someone_was_told_ranks_below_the_rule(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Replies from members\n"
        "My neurologist told me the top dose is 900 mg a day.\n"
        "The licensed maximum is 600 mg a day."
    )
    facts = extract_doses(statements_of(text), "s1")
    facts = [f for f in facts if f.kind is FactKind.MAX_DAILY_DOSE]
    assert [(f.attributes["amount"], f.attributes["place"]) for f in facts] == [
        (900, "anecdote"),
        (600, "introduction"),
    ]


def test_extract_doses_divided_range_divides_both_ends(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The usual dose is 100 to 300 mg a day in two doses.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["amount_high"], initial["frequency_per_day"]) == (50, 150, 2)


def test_extract_doses_bracketed_maximum_for_a_first_period(statements_of: StatementsOf) -> None:
    text = "Start with 50 mg a day (never more than 50 mg) for the first 14 days."
    assert FactKind.MAX_DAILY_DOSE not in _doses(statements_of, text)


def test_extract_doses_a_past_step_is_no_maximum(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "After six weeks my GP and I went up to 150 mg.")
    assert FactKind.MAX_DAILY_DOSE not in doses
    assert FactKind.INITIAL_DOSE not in doses
    ceiling = _doses(statements_of, "The dose can go up to 150 mg a day.")
    assert ceiling[FactKind.MAX_DAILY_DOSE]["amount"] == 150


def test_extract_doses_a_top_dose_over_there_is_no_overdose(statements_of: StatementsOf) -> None:
    text = "A friend in Canada says the top dose over there is 300 mg a day."
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 300


def test_extract_doses_once_a_day_maximum_of_another_form_gives_no_per_dose_maximum(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Standard tablets: at most 1,500 mg a day in divided doses.\n"
        "Prolonged-release tablets: maximum 1,000 mg once a day."
    )
    doses = _doses(statements_of, text)
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 1500
    assert FactKind.MAX_SINGLE_DOSE not in doses
    once = _doses(statements_of, "The maximum is 40 mg once a day.")
    assert once[FactKind.MAX_SINGLE_DOSE]["amount"] == 40


def test_extract_doses_a_table_column_heading_gives_its_cells_role() -> None:
    text = (
        "# Valsartan\n\nMost adults begin on 160 mg a day.\n\n## Dosage\n\n"
        "| Who | Usual starting dose | Most per day |\n|---|---|---|\n"
        "| Adults | 80 mg once a day | 320 mg |\n"
    )
    facts = extract_doses(document_statements(read_text(text, "valsartan.md")), "s1")
    initial = {
        str(f.attributes["place"]): f.attributes["amount"]
        for f in facts
        if f.kind is FactKind.INITIAL_DOSE
    }
    assert initial == {"dedicated": 80, "introduction": 160}
    (most,) = [f for f in facts if f.kind is FactKind.MAX_DAILY_DOSE]
    assert most.attributes["amount"] == 320


def _maximum(text: str) -> dict[str, Scalar]:
    facts = extract_doses(document_statements(read_text(text, "x.txt")), "s1")
    (most,) = [f for f in facts if f.kind is FactKind.MAX_DAILY_DOSE]
    return dict(most.attributes)


def _maxima(text: str) -> dict[float, dict[str, Scalar]]:
    facts = extract_doses(document_statements(read_text(text, "x.txt")), "s1")
    found = [f for f in facts if f.kind is FactKind.MAX_DAILY_DOSE]
    return {float(str(f.attributes["amount"])): dict(f.attributes) for f in found}


def test_extract_doses_a_maximum_for_one_use_below_another_uses_dose_names_its_use() -> None:
    text = (
        "Furosemide\n\nDosage\n  Heart failure: start on 20 mg; the most is 80 mg a day.\n"
        "  Severe oedema: 250 mg to 1,000 mg a day, given in hospital.\n"
    )
    assert _maximum(text)["use"] == "heart failure"


def test_extract_doses_a_paragraph_opened_by_its_use_gives_its_maximum_that_use() -> None:
    text = (
        "Topiramate\n\nDosage\n\nFor epilepsy, adults usually take 100 mg to 400 mg a day.\n\n"
        "For migraine, the first dose is 25 mg at night. The most is 100 mg a day, taken in two"
        " doses.\n"
    )
    assert _maximum(text)["use"] == "migraine"


def test_extract_doses_a_sentence_giving_its_doses_for_one_condition_names_that_use() -> None:
    text = (
        "Gabapentin\n\nDosage\n  Epilepsy: up to 3,600 mg a day in three doses.\n\n"
        "My nurse says that for shingles pain most people begin on 300 mg and never go above"
        " 1,800 mg a day.\n"
    )
    assert _maxima(text)[1800].get("use") == "postherpetic neuralgia"


def test_extract_doses_a_sentence_naming_two_conditions_names_no_use() -> None:
    text = (
        "Gabapentin\n\nDosage\n  Epilepsy: up to 3,600 mg a day in three doses.\n\n"
        "My nurse says that for shingles pain and for migraine most people begin on 300 mg and"
        " never go above 1,800 mg a day.\n"
    )
    assert "use" not in _maxima(text)[1800]


def test_extract_doses_a_maximum_above_every_other_uses_dose_stays_the_drugs() -> None:
    text = (
        "Alprazolam\n\nDosage\n  Anxiety: 0.25 mg three times a day, at most 4 mg a day.\n"
        "  Panic disorder: up to 10 mg a day in divided doses.\n"
    )
    assert "use" not in _maximum(text)


def test_extract_doses_an_amount_called_the_ceiling_after_it_is_the_maximum() -> None:
    text = (
        "Itraconazole\n\nDosage\nMost adults take 200 mg once a day. 400 mg a day is the ceiling.\n"
    )
    assert _maximum(text)["amount"] == 400


def test_extract_doses_an_amount_called_the_most_common_dose_is_no_maximum() -> None:
    text = "Itraconazole\n\nDosage\nFor adults, 200 mg a day is the most common dose.\n"
    facts = extract_doses(document_statements(read_text(text, "x.txt")), "s1")
    assert not [f for f in facts if f.kind is FactKind.MAX_DAILY_DOSE]


def _per_dose_maxima(text: str) -> list[Scalar]:
    facts = extract_doses(document_statements(read_text(text, "x.txt")), "s1")
    return [f.attributes["amount"] for f in facts if f.kind is FactKind.MAX_SINGLE_DOSE]


def test_extract_doses_a_daily_maximum_taken_at_once_or_divided_sets_no_per_dose_most() -> None:
    text = "Torasemide\n\nDosage\nAt most 40 mg a day, either as one dose or split into 2 doses.\n"
    assert _per_dose_maxima(text) == []


def test_extract_doses_a_daily_maximum_in_counted_doses_still_sets_the_per_dose_most() -> None:
    text = "Torasemide\n\nDosage\nAt most 40 mg a day, split into 2 doses.\n"
    assert _per_dose_maxima(text) == [20]


def test_a_daily_amount_restated_in_brackets_stays_a_daily_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "Adults should not go above 3,000 mg (3 g) a day of mesalazine.")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 3000
    assert "frequency_per_day" not in doses[FactKind.MAX_DAILY_DOSE]
    assert FactKind.MAX_SINGLE_DOSE not in doses  # "a day" is no "once a day"


def test_an_amount_the_document_corrects_is_none_of_its_doses(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Someone on the board wrote that you can take up to 1,200 mg a day.\n\n"
        "Our pharmacist replies: the most an adult should take is 800 mg a day, not 1,200 mg."
    )
    maxima = [
        f.attributes["amount"]
        for f in extract_doses(statements_of("Dosage\n" + text), "s1")
        if f.kind is FactKind.MAX_DAILY_DOSE
    ]
    assert maxima == [800]


def test_a_dose_someone_read_or_heard_of_is_none_of_the_pages_doses(
    statements_of: StatementsOf,
) -> None:
    text = (
        "A friend said you can take up to 90 mg a day. I read online you can go to 120 mg. "
        "You may have seen that the limit is 100 mg a day, but the licensed maximum is 60 mg a day."
    )
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 60


def test_a_posters_own_dose_ranks_below_the_pages_advice(statements_of: StatementsOf) -> None:
    text = (
        "I've been on 300 mg a day for ages and the max is 300 mg a day, honestly.\n\n"
        "Pharmacist reply: the most you should take is 200 mg a day."
    )
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 200


def test_counted_units_of_a_strength_are_a_dose_of_that_many(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "Adults take two 250 mg capsules twice a day.")
    assert (doses[FactKind.INITIAL_DOSE]["amount"], doses[FactKind.INITIAL_DOSE]["unit"]) == (
        500,
        "mg",
    )
    assert (
        _doses(statements_of, "Take 3 x 100mg tablets once a day.")[FactKind.INITIAL_DOSE]["amount"]
        == 300
    )
    boxed = _doses(statements_of, "A box of 28 20 mg tablets. Adults take 20 mg once a day.")
    assert boxed[FactKind.INITIAL_DOSE]["amount"] == 20  # a pack size is no count of a dose


def test_a_limit_in_units_is_read_in_the_one_strength_the_paragraph_names(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Take one or two 200 mg tablets up to three times a day; never more than 6 tablets a day."
    )
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 1200
    two = "It comes as 25 mg and 50 mg tablets. Never take more than 4 tablets a day."
    assert FactKind.MAX_DAILY_DOSE not in _doses(statements_of, two)  # which strength is unsaid


def test_a_single_unit_of_a_strength_is_a_one_off_dose(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "The recommended dose is a single 150 mg capsule by mouth.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"]) == (150, 1)
    assert FactKind.INITIAL_DOSE not in _doses(statements_of, "It comes as 150 mg capsules.")


def test_extract_doses_a_maximum_said_in_a_relative_clause_after_the_amount(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "On a bad day you'll swallow 3 g altogether, which is the most allowed daily.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 3000
    assert FactKind.INITIAL_DOSE not in doses


def test_extract_doses_an_amount_of_food_or_drink_is_no_dose(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "If you feel shaky, eat 15 g of quick-acting carbohydrate.")
    assert doses == {}


def test_extract_doses_a_long_title_gives_no_role_to_the_amounts_under_it() -> None:
    text = (
        "# Forum: Just started metformin and worried about my dose\n\n"
        "A pharmacist replied that 2,000 mg is the most most adults take in a day.\n"
    )
    facts = extract_doses(document_statements(read_text(text, "t.md")), "s1")
    assert {fact.kind for fact in facts} == {FactKind.MAX_DAILY_DOSE}


@pytest.mark.parametrize(
    "text",
    [
        "Doctor has upped my dose to 20 mg a day.",
        "Hi everyone, consultant just started it at 50 mg twice a day for me.",
        "Your 900 mg a day is quite a usual amount.",
        "Last year I wrote that the dose was 5 mg daily.",
        "Once they put me up by just 50 mg I felt dizzy.",
        "My neuro said most adults end up on 300 mg a day.",
    ],
)
def test_extract_doses_a_personal_account_ranks_as_an_anecdote(
    statements_of: StatementsOf, text: str
) -> None:
    facts = extract_doses(statements_of("Dosage\n" + text), "s1")
    assert facts, text
    assert all(fact.attributes.get("place") == "anecdote" for fact in facts), text


def test_extract_doses_a_claim_about_most_people_is_no_personal_account(
    statements_of: StatementsOf,
) -> None:
    facts = extract_doses(
        statements_of("Dosage\nMost people start on 10 mg a day, and that's what I was on."), "s1"
    )
    assert [fact.attributes.get("place") for fact in facts] == ["dedicated"]


def test_extract_doses_a_step_up_to_the_top_dose_is_the_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "If it has not helped after four weeks, the doctor can raise it to 8 mg once a day, "
        "which is the top dose.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 8


def test_extract_doses_a_range_per_dose_under_a_cap_it_reaches_gives_the_most_per_dose(
    statements_of: StatementsOf,
) -> None:
    capped = _doses(
        statements_of, "Adults take 50 mg to 100 mg every 6 hours if needed, up to 400 mg a day."
    )
    assert capped[FactKind.MAX_SINGLE_DOSE]["amount"] == 100
    rising = _doses(
        statements_of, "Adults take 5 mg to 10 mg three times a day; up to 80 mg a day is used."
    )
    assert FactKind.MAX_SINGLE_DOSE not in rising


def test_extract_doses_a_total_called_the_most_after_and_that_is_the_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "So the full dose is 2 mg twice a day, 4 mg a day in total, and that's the most you "
        "should take.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 4


def test_extract_doses_a_story_going_up_to_a_dose_states_no_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "The usual dose is 20 mg a day. My friend started on 10 mg for a week before going up "
        "to 20 mg.",
    )
    assert FactKind.MAX_DAILY_DOSE not in doses


def test_extract_doses_a_days_amount_with_its_doses_in_brackets_is_those_doses(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "On day 1 you take 50 mg (25 mg twice a day), rising after.")
    initial = doses[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["frequency_per_day"], initial["daily_total"]) == (25, 2, 50)


def test_extract_doses_a_bracket_that_does_not_add_up_changes_nothing(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(statements_of, "On day 1 you take 50 mg (10 mg twice a day), rising after.")
    assert doses[FactKind.INITIAL_DOSE]["amount"] == 50


def test_a_daily_amount_after_another_amounts_single_dose_cue_is_a_daily_maximum(
    statements_of: StatementsOf,
) -> None:
    facts = _doses(
        statements_of,
        "A doctor may use 50 mg or 100 mg as a single dose and allow up to 300 mg in 24 hours.",
    )
    daily = facts[FactKind.MAX_DAILY_DOSE]
    assert (daily["amount"], daily["unit"]) == (300, "mg")
    assert facts.get(FactKind.MAX_SINGLE_DOSE, {}).get("amount") != 300


def test_a_dose_used_only_in_hospital_is_no_ordinary_maximum(statements_of: StatementsOf) -> None:
    facts = _doses(
        statements_of, "Adults can go up to 300 mg a day; in hospital up to 600 mg a day."
    )
    assert facts[FactKind.MAX_DAILY_DOSE]["amount"] == 300
    # a hospital dose named in another clause leaves the ordinary maximum standing
    other = _doses(
        statements_of,
        "Apart from the one-off loading dose given in hospital, you should not take more than "
        "75 mg in a day.",
    )
    assert other[FactKind.MAX_DAILY_DOSE]["amount"] == 75


def test_counted_tablets_on_a_page_about_one_product_strength_are_amounts(
    statements_of: StatementsOf,
) -> None:
    statements = statements_of(
        "Famotidine Tablets 20 mg\nDirections\nSwallow 1 tablet with water.\n"
        "Do not take more than 2 tablets in 24 hours."
    )
    facts = {fact.kind: dict(fact.attributes) for fact in extract_doses(statements, "s1")}
    daily = facts[FactKind.MAX_DAILY_DOSE]
    assert (daily["amount"], daily["unit"]) == (40, "mg")


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [
        ("Take 1 to 2 caplets every 4 to 6 hours.", 500, 1000),
        ("Take 1 to 2 caplets (500 to 1,000 mg) every 4 to 6 hours.", 500, 1000),
    ],
)
def test_a_range_of_counted_caplets_on_a_page_about_one_strength_is_a_range_of_amounts(
    statements_of: StatementsOf, line: str, low: int, high: int
) -> None:
    statements = statements_of(f"Acetaminophen 500 mg Caplets\nDirections\n{line}")
    facts = {fact.kind: dict(fact.attributes) for fact in extract_doses(statements, "s1")}
    initial = facts[FactKind.INITIAL_DOSE]
    assert (initial["amount"], initial["amount_high"]) == (low, high)


def test_extract_doses_no_single_dose_exceeding_an_amount_is_a_per_dose_maximum() -> None:
    facts = extract_doses(
        document_statements(
            read_text(
                "Dosage\n\nThe usual dose is 20 mg once a day. When more is needed, it is split "
                "into two doses so that no single dose exceeds 20 mg.",
                "x.txt",
            )
        ),
        "s1",
    )
    (single,) = [f for f in facts if f.kind is FactKind.MAX_SINGLE_DOSE]
    assert (single.attributes["amount"], single.attributes["unit"]) == (20, "mg")


def test_extract_doses_a_paragraph_opening_with_a_condition_keeps_its_maxima_to_it() -> None:
    facts = extract_doses(
        document_statements(
            read_text(
                "Dosage\n\nFor high blood pressure, adults start with 30 mg once a day; the most "
                "in a day is 90 mg.\n\nFor Raynaud's phenomenon, capsules start at 5 mg three "
                "times a day. This can be raised, but never above 20 mg at any one time.",
                "x.txt",
            )
        ),
        "s1",
    )
    (single,) = [f for f in facts if f.kind is FactKind.MAX_SINGLE_DOSE]
    assert single.attributes.get("use") == "raynaud's phenomenon"


def test_extract_doses_a_concentration_is_no_dose(statements_of: StatementsOf) -> None:
    text = "Syringes contain 40 mg or 60 mg; a 300 mg/3 mL multi-dose vial is also made."
    assert FactKind.INITIAL_DOSE not in _doses(statements_of, text)


def test_extract_doses_a_release_forms_maximum_gives_way_to_the_tablets(
    statements_of: StatementsOf,
) -> None:
    text = (
        "The Slow-release version can go up to 30 mg once a day for that form only. "
        "With the ordinary tablets the most you should take in 24 hours is 20 mg."
    )
    maximum = _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]
    assert maximum["amount"] == 20


def test_extract_doses_second_maximum_of_one_breath_is_read_too(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of, "An adult is never given more than 75 mg at a time or 150 mg in a day."
    )
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 75
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 150


@pytest.mark.parametrize(
    "text",
    [
        "Overdoses of up to 1,000 mg have been reported.",
        "over 23 kg up to 40 kg: 60 mg",
        "Children weighing up to 15 kg get 30 mg.",
    ],
)
def test_extract_doses_up_to_an_overdose_or_a_weight_is_no_maximum(
    statements_of: StatementsOf, text: str
) -> None:
    assert FactKind.MAX_DAILY_DOSE not in _doses(statements_of, text)


def test_extract_doses_overdose_advice_still_states_a_maximum(statements_of: StatementsOf) -> None:
    doses = _doses(statements_of, "To avoid an overdose, never take more than 4 g in 24 hours.")
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 4000


def test_extract_doses_page_about_an_injected_medicine_gives_its_route(
    statements_of: StatementsOf,
) -> None:
    pen = (
        "The pen is injected under the skin once a day. Each injection pen holds 18 mg. "
        "Inject at the same time each day; you can inject into the tummy or thigh. "
        "Women on the pill may need extra contraception.\n"
        "The first dose is 0.6 mg a day. Never go above 3 mg in one day."
    )
    facts = extract_doses(statements_of("Dosage\n" + pen), "s1")
    assert {fact.key for fact in facts} == {"injection"}


def test_extract_doses_tablet_page_keeps_the_oral_route(statements_of: StatementsOf) -> None:
    text = (
        "Swallow the tablets whole. An injection form exists for hospitals.\n"
        "The usual dose is 10 mg a day."
    )
    facts = extract_doses(statements_of("Dosage\n" + text), "s1")
    assert {fact.key for fact in facts} == {"oral"}


def test_extract_doses_a_denied_dose_and_first_day_limits_are_no_dose_or_maximum(
    statements_of: StatementsOf,
) -> None:
    text = (
        "40 mg on day one is NOT the standard. The usual starting dose is 20 mg once a day. "
        "The first dose should never be more than 30 mg, and on the first day the total "
        "shouldn't go above 40 mg."
    )
    doses = _doses(statements_of, text)
    assert doses[FactKind.INITIAL_DOSE]["amount"] == 20
    assert FactKind.MAX_DAILY_DOSE not in doses


def test_a_use_named_under_the_dosage_heading_is_still_dosing() -> None:
    text = (
        "# Zonisamide\n\n## How much will I take?\n\n**As an add-on treatment in adults:**\n\n"
        "- Week 1: 25 mg twice a day\n- The most you should take in a day is 500 mg.\n"
    )
    statements = document_statements(read_text(text, "z.md"))
    assert {s.section for s in statements if "mg" in s.text} == {"dosing"}


def test_extract_doses_doses_above_an_amount_not_recommended_are_a_maximum(
    statements_of: StatementsOf,
) -> None:
    text = "Doses above 40 mg a day give no extra benefit and are not recommended."
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 40


def test_extract_doses_a_maximum_of_one_release_form_gives_way_to_the_general_one(
    statements_of: StatementsOf,
) -> None:
    text = (
        "The highest dose is 250 mg twice a day, so never more than 500 mg in 24 hours. After "
        "day 1 the immediate-release limit is 600 mg a day."
    )
    assert _doses(statements_of, text)[FactKind.MAX_DAILY_DOSE]["amount"] == 500


def test_extract_doses_a_days_maximum_taken_as_one_dose_is_also_the_most_at_once(
    statements_of: StatementsOf,
) -> None:
    text = "The most anyone should take in a day is 20 mg, and it is taken as a single daily dose."
    single = _doses(statements_of, text)[FactKind.MAX_SINGLE_DOSE]
    assert single["amount"] == 20


@pytest.mark.parametrize(
    "text",
    [
        "The most you should take in a day is 800 mg (400 mg in any single dose).",
        "The most you'd take is 400 mg in one go, twice a day, so never more than 800 mg a day.",
    ],
)
def test_extract_doses_a_per_dose_maximum_beside_the_days_maximum(
    statements_of: StatementsOf, text: str
) -> None:
    doses = _doses(statements_of, text)
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 800
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 400


def test_extract_doses_the_most_in_a_day_and_in_one_session_are_maxima(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "The most you should inhale in a single session is 200 micrograms, and the most in a "
        "day is 800 micrograms.",
    )
    assert doses[FactKind.MAX_SINGLE_DOSE]["amount"] == 200
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 800


def test_extract_doses_a_sentence_going_on_about_children_gives_no_adult_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "Adults take 100 micrograms twice a day, at most 400 micrograms a day. Children aged 5 "
        "to 11 take 50 micrograms twice a day. The ceiling for this age group is 200 "
        "micrograms a day.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 400


def test_extract_doses_a_figure_the_page_says_is_not_the_ceiling_is_no_maximum(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "I'm sure 80 mg is the maximum anyone can take. The dose can go up as far as 160 mg "
        "once a day. So 80 mg isn't the general ceiling.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 160


def test_extract_doses_a_dose_for_people_on_other_medicines_is_not_the_usual_one(
    statements_of: StatementsOf,
) -> None:
    doses = _doses(
        statements_of,
        "The usual maximum is 160 mg a day.\n\nModerate CYP3A4 inhibitors such as diltiazem: "
        "the dose is halved, with a ceiling of 80 mg a day.",
    )
    assert doses[FactKind.MAX_DAILY_DOSE]["amount"] == 160


def test_extract_doses_a_capitalised_topic_label_makes_its_paragraph_a_dosing_one(
    statements_of: StatementsOf,
) -> None:
    statements = statements_of(
        "Thread: new here\n\nDOSING (tablets, adults): the usual first dose is 4 mg.\n"
    )
    [statement] = [s for s in statements if "4 mg" in s.text]
    assert statement.section.value == "dosing"


def test_extract_doses_a_qualified_summary_line_is_no_dosing_label(
    statements_of: StatementsOf,
) -> None:
    statements = statements_of("Key facts\n\nUsual starting dose (adults): 0.25 mg a day.\n")
    [statement] = [s for s in statements if "0.25" in s.text]
    assert statement.section.value != "dosing"
