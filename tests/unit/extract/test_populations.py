"""Population limits: kidney bands, older adults, liver impairment and children, typed."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import FactKind, Scalar
from medinfo.extract.populations import extract_population_limits
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def _limits(statements_of: StatementsOf, text: str) -> list[dict[str, Scalar]]:
    facts = extract_population_limits(statements_of("Dosage\n" + text), "s1")
    assert all(fact.kind is FactKind.POPULATION_LIMIT for fact in facts)
    return [dict(fact.attributes) for fact in facts]


def test_extract_population_limits_kidney_band_with_its_own_maximum(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of,
        "If your creatinine clearance is 30 to 50 mL/min, take no more than 1,000 mg a day.",
    )
    assert limit["population"] == "renal"
    assert (limit["kidney_measure"], limit["kidney_at_least"], limit["kidney_below"]) == (
        "crcl",
        30.0,
        50.0,
    )
    assert (limit["max_daily_amount"], limit["max_daily_unit"]) == (1000, "mg")


def test_extract_population_limits_older_adults_starting_dose(statements_of: StatementsOf) -> None:
    [limit] = _limits(statements_of, "People aged 65 and over start on 2.5 mg once a day.")
    assert limit["population"] == "older_adults"
    assert limit["age_at_least"] == 65.0
    assert (limit["initial_amount"], limit["initial_frequency_per_day"]) == (2.5, 1)


def test_extract_population_limits_child_dose_per_kilogram(statements_of: StatementsOf) -> None:
    [limit] = _limits(statements_of, "Children aged 4 to 15 years start with 10 mg/kg twice a day.")
    assert limit["population"] == "children"
    assert (limit["age_at_least"], limit["age_below"]) == (4.0, 16.0)
    assert (limit["initial_amount"], limit["initial_unit"]) == (10, "mg/kg")


def test_extract_population_limits_words_only_are_marked(statements_of: StatementsOf) -> None:
    [avoid] = _limits(statements_of, "In severe liver disease it is not recommended.")
    assert (avoid["population"], avoid["advice"]) == ("hepatic", "avoid")
    assert avoid["adjustment_without_number"] is True
    [same] = _limits(statements_of, "Kidney problems: no dose change is needed.")
    assert (same["advice"], same["adjustment_without_number"]) == ("no_change", False)


def test_extract_population_limits_adult_use_and_research_are_not_limits(
    statements_of: StatementsOf,
) -> None:
    assert not _limits(
        statements_of, "Adults with kidney disease and type 2 diabetes take 50 mg once a day."
    )
    assert not _limits(
        statements_of, "Researchers are studying whether a lower dose might help children."
    )


def test_extract_population_limits_a_laboratory_value_is_not_a_dose(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of, "People aged 80 or over with a serum creatinine of 1.5 mg/dL or more."
    )
    assert all(
        "initial_amount" not in limit and "max_daily_amount" not in limit for limit in limits
    )


def test_extract_population_limits_a_statement_met_again_is_read_for_its_own_place(
    statements_of: StatementsOf,
) -> None:
    sentence = "Take no more than 5 mg a day."
    under_heading = extract_population_limits(statements_of(f"Kidney problems\n{sentence}"), "s1")
    assert [fact.attributes["population"] for fact in under_heading] == ["renal"]
    # the same words under a heading naming no population state no limit
    assert extract_population_limits(statements_of(f"Dosage\n{sentence}"), "s2") == []
    again = extract_population_limits(statements_of(f"Kidney problems\n{sentence}"), "s3")
    assert [dict(f.attributes) for f in again] == [dict(f.attributes) for f in under_heading]
    assert again[0].evidence.source == "s3"


def test_extract_population_limits_a_number_with_a_unit_is_no_age(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "Children who weigh less than 45 kg take 2.2 mg/kg twice a day."
    )
    assert limit["population"] == "children"
    assert "age_below" not in limit
    # "over 80 mL/min" is a kidney function, not an age over 80
    assert all(
        limit["population"] != "older_adults"
        for limit in _limits(statements_of, "Over 80 mL/min: 500 mg twice a day.")
    )


def test_extract_population_limits_a_kidney_infection_is_no_kidney_impairment(
    statements_of: StatementsOf,
) -> None:
    assert _limits(statements_of, "For a kidney infection, take 500 mg twice a day.") == []


def test_extract_population_limits_an_amount_ruled_out_is_no_starting_dose(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "Do not take it if you have severe kidney disease (for the 40 mg dose)."
    )
    assert limit["advice"] == "avoid"
    assert "initial_amount" not in limit


def test_extract_population_limits_the_top_of_a_usual_range_is_the_daily_most(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(statements_of, "Children 6 to 17 years: 2.5 mg to 5 mg once daily.")
    assert limit["max_daily_amount"] == 5
    assert "initial_amount" not in limit  # a usual range states no starting dose
    # a starting range is no ceiling
    [limit] = _limits(
        statements_of, "Children 6 to 17 years: start with 2.5 mg to 5 mg once daily."
    )
    assert "max_daily_amount" not in limit


def test_extract_population_limits_a_strength_named_is_not_a_dose(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(statements_of, "Liver cirrhosis: take care (for the 80 mg dose).")
    assert all("initial_amount" not in limit for limit in limits)


def test_extract_population_limits_a_dose_per_dialysis_session_is_no_daily_dose(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of, "People on haemodialysis: 100 to 200 mg after every dialysis session."
    )
    assert all(
        "max_daily_amount" not in limit and "initial_amount" not in limit for limit in limits
    )


def test_extract_population_limits_per_kilogram_spelled_out_keeps_its_unit(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of,
        "Children: start with 5 mg per kilogram of body weight a day, up to 300 mg a day.",
    )
    assert (limit["initial_amount"], limit["initial_unit"]) == (5, "mg/kg")


def test_extract_population_limits_a_clearance_column_row_has_its_band(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "With kidney disease of 25 to 49 mL/min, take no more than 200 mg a day."
    )
    assert (limit["population"], limit["kidney_at_least"], limit["kidney_below"]) == (
        "renal",
        25.0,
        50.0,
    )


def test_extract_population_limits_a_maximum_said_as_not_raised_above(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "In older people the dose is not usually raised above 20 mg a day."
    )
    assert limit["population"] == "older_adults"
    assert (limit["max_daily_amount"], limit["max_daily_unit"]) == (20, "mg")


def test_extract_population_limits_a_dose_for_the_people_the_sentence_before_named(
    statements_of: StatementsOf,
) -> None:
    advice, limit = _limits(
        statements_of,
        "Young people aged 12 to 17 may be prescribed it by a specialist. They usually start "
        "on 25 mg a day, which may go up to 50 mg a day after a week.",
    )
    assert (advice["advice"], advice["adjustment_without_number"]) == ("caution", True)
    assert limit["population"] == "children"
    assert (limit["age_at_least"], limit["age_below"]) == (12.0, 18.0)
    assert limit["initial_amount"] == 25


def test_extract_population_limits_a_pronoun_after_adults_gives_no_population(
    statements_of: StatementsOf,
) -> None:
    assert not _limits(statements_of, "Adults take it for pain. They usually start on 25 mg a day.")


def test_extract_population_limits_several_kidney_bands_in_one_sentence(
    statements_of: StatementsOf,
) -> None:
    text = (
        "The dose follows kidney function, measured as creatinine clearance: 40 to 69 mL/min, "
        "150 to 600 mg a day in two doses; 20 to 39 mL/min, 75 to 300 mg a day in one dose; "
        "below 20 mL/min, 25 to 150 mg a day."
    )
    limits = _limits(statements_of, text)
    bands = [(limit.get("kidney_at_least"), limit.get("kidney_below")) for limit in limits]
    assert bands == [(40, 70), (20, 40), (None, 20)]
    assert [limit["max_daily_amount"] for limit in limits] == [600, 300, 150]
    assert {limit["kidney_measure"] for limit in limits} == {"crcl"}


def test_extract_population_limits_cap_of_a_start_is_no_maximum(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "Children 8 years and over: 0.1 mg per kg once a day, up to 4 mg to start."
    )
    assert (limit["initial_amount"], limit["initial_unit"]) == (0.1, "mg/kg")
    assert "max_daily_amount" not in limit
    [child] = _limits(statements_of, "Children aged 2 to 10: 2 mg to 4 mg per kilogram once a day.")
    assert child["max_daily_amount"] == 4
    assert child["max_daily_unit"] == "mg/kg"


def _summary(limits: list[dict[str, Scalar]]) -> set[tuple[Scalar, ...]]:
    return {(limit["population"], limit.get("kidney_below"), limit["advice"]) for limit in limits}


def test_extract_population_limits_several_groups_in_one_sentence(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Older people and those with poor kidney function usually start on a smaller dose, "
        "and it must not be used at all when creatinine clearance is below 20 mL/min."
    )
    assert _summary(_limits(statements_of, text)) == {
        ("older_adults", None, "reduce"),
        ("renal", None, "reduce"),
        ("renal", 20, "avoid"),
    }
    shared = (
        "It should be avoided if creatinine clearance is below 20 mL/min, "
        "and in severe liver disease."
    )
    assert _summary(_limits(statements_of, shared)) == {
        ("renal", 20, "avoid"),
        ("hepatic", None, "avoid"),
    }


def test_extract_population_limits_groups_said_of_another_group_are_not_limits(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Frail older people tend to have weaker kidneys and more liver side effects, so regular "
        "use is generally avoided."
    )
    assert _limits(statements_of, text) == []


def test_extract_population_limits_advice_without_dose_words(statements_of: StatementsOf) -> None:
    [liver] = _limits(
        statements_of,
        "Liver problems: the tablets should generally be avoided in hepatic impairment.",
    )
    assert (liver["population"], liver["advice"]) == ("hepatic", "avoid")
    [kidney] = _limits(
        statements_of,
        "Kidney impairment: if creatinine clearance is below 60 mL/min, "
        "use half the usual adult dose.",
    )
    assert (kidney["population"], kidney["kidney_below"], kidney["advice"]) == (
        "renal",
        60,
        "reduce",
    )
    assert kidney["adjustment_without_number"] is True


def test_extract_population_limits_table_rows_read_with_their_column_headings(
    statements_of: StatementsOf,
) -> None:
    text = (
        "| Kidney function (eGFR) | Starting dose | Most you should take |\n"
        "| 30 to 59 mL/min | 5 mg once a day | 10 mg a day |\n"
        "| under 30 mL/min | 2.5 mg once a day | 5 mg a day |\n"
    )
    limits = _limits(statements_of, text)
    assert [
        (
            limit["kidney_at_least"],
            limit["kidney_below"],
            limit["initial_amount"],
            limit["max_daily_amount"],
        )
        for limit in limits
    ] == [(30, 60, 5, 10), (None, 30, 2.5, 5)]


def test_extract_population_limits_not_on_dialysis_is_no_dialysis_band(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Severe kidney disease (creatinine clearance below 30 mL/min, not on dialysis): "
        "at most 10 mg a day."
    )
    [limit] = _limits(statements_of, text)
    assert "on_dialysis" not in limit
    assert (limit["kidney_below"], limit["max_daily_amount"]) == (30, 10)


def test_extract_population_limits_groups_named_together_share_a_dose(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Frail older people, people with liver disease, and people with kidney disease: "
        "begin with 1 mg a day and increase slowly."
    )
    limits = _limits(statements_of, text)
    assert {(limit["population"], limit["initial_amount"]) for limit in limits} == {
        ("older_adults", 1),
        ("hepatic", 1),
        ("renal", 1),
    }


def test_extract_population_limits_child_pugh_is_a_liver_score(statements_of: StatementsOf) -> None:
    [limit] = _limits(
        statements_of, "In moderate liver disease (Child-Pugh B) it is not recommended."
    )
    assert (limit["population"], limit["advice"]) == ("hepatic", "avoid")


def test_extract_population_limits_a_fixed_dose_is_also_the_most_a_day(
    statements_of: StatementsOf,
) -> None:
    [fixed] = _limits(
        statements_of, "Creatinine clearance 20 to 40 mL/min: the dose is 10 mg twice a day."
    )
    assert (fixed["initial_amount"], fixed["max_daily_amount"]) == (10, 20)
    assert fixed["max_single_amount"] == 10
    [start] = _limits(statements_of, "People over 75 start on 10 mg twice a day.")
    assert "max_daily_amount" not in start  # a start is no ceiling
    [approx] = _limits(statements_of, "Children aged 6 to 11 usually take 5 mg once a day.")
    assert "max_daily_amount" not in approx


def test_extract_population_limits_a_ceiling_is_no_advice_to_avoid(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Severe kidney disease: you will start on 5 mg a day and should not take more than "
        "10 mg a day."
    )
    [limit] = _limits(statements_of, text)
    assert limit["advice"] != "avoid"
    assert (limit["initial_amount"], limit["max_daily_amount"]) == (5, 10)


def test_extract_population_limits_a_column_heading_gives_no_advice(
    statements_of: StatementsOf,
) -> None:
    text = "| Who | Usual dose |\n| People aged 75 or over | 2.5 mg once a day |\n"
    [limit] = _limits(statements_of, text)
    assert limit["advice"] is None  # "Usual dose" heads the column; the row says no "no change"
    assert limit["initial_amount"] == 2.5


def test_extract_population_limits_a_usual_range_top_is_only_the_most_a_day(
    statements_of: StatementsOf,
) -> None:
    text = "| Kidney function | Dose |\n| CrCl 30 to 50 mL/min | 125 to 375 mg twice a day |\n"
    [limit] = _limits(statements_of, text)
    assert limit["max_daily_amount"] == 750  # a bare "Dose" column holds the usual dose
    assert "max_single_amount" not in limit  # the range's top is not said to be a ceiling


def test_extract_population_limits_halving_the_dose_for_a_kidney_band_is_a_reduction(
    statements_of: StatementsOf,
) -> None:
    (limit,) = _limits(
        statements_of,
        "Your doctor may halve the dose if your creatinine clearance is under 40 mL/min.",
    )
    assert limit["population"] == "renal"
    assert limit["advice"] == "reduce"
    assert limit["kidney_below"] == 40


def test_extract_population_limits_a_count_of_doses_is_no_age_band(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "For children the total is 20 mg per kilogram a day, given in 3 to 4 doses.",
    )
    assert all("age_at_least" not in limit and "age_below" not in limit for limit in limits)


def test_extract_population_limits_a_line_of_an_age_table_gives_that_band_its_dose(
    statements_of: StatementsOf,
) -> None:
    (limit,) = _limits(statements_of, "- children aged 2 to 5 years: 120 mg 3 times in 24 hours")
    assert (limit["age_at_least"], limit["age_below"]) == (2, 6)
    assert (limit["max_single_amount"], limit["max_daily_amount"]) == (120, 360)


def test_extract_population_limits_an_infant_band_in_months_is_no_rule_for_every_child(
    statements_of: StatementsOf,
) -> None:
    assert _limits(statements_of, "- children aged 2 to 8 months: 40 mg 3 times in 24 hours") == []


def test_extract_population_limits_the_liver_at_work_names_no_liver_patients(
    statements_of: StatementsOf,
) -> None:
    text = (
        "People who take a medicine that speeds up the liver's breakdown of it need 20 mg a "
        "day. Medicines cleared by the liver may need 10 mg a day.\n"
    )
    assert not any(limit["population"] == "hepatic" for limit in _limits(statements_of, text))


def test_extract_population_limits_a_dose_worked_out_from_weight_has_no_number(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(statements_of, "For children the dose is calculated from body weight.")
    assert (limit["population"], limit["advice"]) == ("children", "by_weight")
    assert limit["adjustment_without_number"] is True


def test_extract_population_limits_ruling_out_in_everyday_words(
    statements_of: StatementsOf,
) -> None:
    for text in (
        "It isn't usually prescribed for under-16s.",
        "This tablet is not a medicine for kids.",
        "It shouldn't be given if you have cirrhosis.",
        "Those with hepatic failure: not suitable.",
    ):
        [limit] = _limits(statements_of, text)
        assert limit["advice"] == "avoid", text


def test_extract_population_limits_closer_watch_is_caution_without_dose_words(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "With poor liver function your prescriber may keep a closer eye on you."
    )
    assert (limit["population"], limit["advice"]) == ("hepatic", "caution")


def test_extract_population_limits_older_people_named_in_everyday_words(
    statements_of: StatementsOf,
) -> None:
    for text in ("If you're older, a lower starting dose is used.", "Seniors need a lower dose."):
        [limit] = _limits(statements_of, text)
        assert (limit["population"], limit["advice"]) == ("older_adults", "reduce"), text


def test_extract_population_limits_a_ceiling_for_a_group_is_still_no_weight_rule(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(statements_of, "Children: 5 mg/kg a day based on weight, at most 300 mg.")
    assert limit["adjustment_without_number"] is False
    assert (limit["max_daily_amount"], limit["max_daily_unit"]) == (300, "mg")


def test_extract_population_limits_one_dose_without_its_times_a_day_is_the_most_at_once(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(statements_of, "Over 65: 7.5 mg is the dose.")
    assert (limit["max_single_amount"], limit["max_single_unit"]) == (7.5, "mg")
    assert "max_daily_amount" not in limit
    [rising] = _limits(statements_of, "Over 65: start with 7.5 mg.")
    assert "max_single_amount" not in rising


def test_extract_population_limits_an_adjustment_said_not_necessary_is_no_change(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of,
        "Renal disease does not change its levels; thus, dosage adjustment in patients with "
        "renal dysfunction is not necessary.",
    )
    assert (limit["population"], limit["advice"]) == ("renal", "no_change")


def test_extract_population_limits_lowering_a_lab_value_is_no_dose_reduction(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "Reduce elevated total-C and LDL-C levels in boys and girls 10 to 17 years of age.",
    )
    assert not [limit for limit in limits if limit.get("advice") == "reduce"]


def test_extract_population_limits_a_trial_report_is_no_limit(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "Eighteen of 30 patients with liver enzyme rises continued treatment with a reduced dose.",
    )
    assert limits == []


def test_extract_population_limits_advice_citing_trials_still_counts(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of,
        "It isn't recommended for under-18s because it didn't work better than placebo in "
        "trials with young people.",
    )
    assert (limit["population"], limit["advice"]) == ("children", "avoid")


def test_extract_population_limits_a_risk_that_cannot_be_ruled_out_is_no_avoid(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "No differences were seen in older patients, but greater sensitivity of some older "
        "people cannot be ruled out.",
    )
    assert not [limit for limit in limits if limit.get("advice") == "avoid"]


def test_extract_population_limits_an_age_written_with_a_sign_is_older_adults(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(statements_of, "Consider a starting dose of 25 mg in patients > 65 years.")
    assert [(limit["population"], limit["initial_amount"]) for limit in limits] == [
        ("older_adults", 25)
    ]


def test_extract_population_limits_caution_under_a_population_heading_counts(
    statements_of: StatementsOf,
) -> None:
    statements = statements_of(
        "Geriatric Use\nBecause older patients are more prone to muscle problems, it should be "
        "prescribed with caution in the elderly."
    )
    [fact] = extract_population_limits(statements, "s1")
    assert (fact.attributes["population"], fact.attributes["advice"]) == ("older_adults", "caution")


def test_extract_population_limits_kidneys_that_do_not_work_well_need_less(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of, "If your kidneys aren't working well, you may need less of it."
    )
    assert (limit["population"], limit["advice"]) == ("renal", "reduce")


def test_extract_population_limits_grade_words_name_a_kidney_band(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(statements_of, "People with severe kidney failure should not take it.")
    assert (limit["kidney_at_least"], limit["kidney_below"], limit["advice"]) == (
        None,
        30.0,
        "avoid",
    )


def test_extract_population_limits_a_later_sentence_keeps_the_paragraphs_band(
    statements_of: StatementsOf,
) -> None:
    first, second = _limits(
        statements_of,
        "Older adults (65 and over): start at half the usual adult dose. "
        "The most an older person should take in one day is 50 mg.",
    )
    assert first["age_at_least"] == second["age_at_least"] == 65.0
    assert (second["max_daily_amount"], second["max_daily_unit"]) == (50, "mg")


def test_extract_population_limits_the_babys_kidneys_are_no_kidney_patient(
    statements_of: StatementsOf,
) -> None:
    text = "From about 20 weeks, NSAIDs can reduce the baby's kidney function."
    assert _limits(statements_of, text) == []


def test_extract_population_limits_a_change_said_not_needed_is_no_change(
    statements_of: StatementsOf,
) -> None:
    for text, population in (
        ("A dose reduction for hepatic impairment is not considered necessary.", "hepatic"),
        ("Liver problems don't normally mean a dose change.", "hepatic"),
        ("Kidney problems on their own do not mean you need a lower dose of it.", "renal"),
        ("Kidney problems on their own don't mean quetiapine needs a lower dose.", "renal"),
        ("You don't need a lower dose just because you have kidney problems.", "renal"),
    ):
        [limit] = _limits(statements_of, text)
        assert (limit["population"], limit["advice"]) == (population, "no_change"), text


def test_extract_population_limits_bare_clearance_band_in_ml_per_minute(
    statements_of: StatementsOf,
) -> None:
    [limit] = _limits(
        statements_of,
        "clearance between 30 and 50 mL/min: start at 0.125 mg twice a day, "
        "with a maximum of 1.5 mg a day",
    )
    assert limit["population"] == "renal"
    assert (limit["kidney_measure"], limit["kidney_at_least"], limit["kidney_below"]) == (
        "crcl",
        30.0,
        50.0,
    )
    assert limit["max_daily_amount"] == 1.5


def test_extract_population_limits_a_reason_names_no_population_and_a_taper_is_no_limit(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Older people: the doctor may start at a lower dose, because kidneys and liver tend to "
        "work less well with age. If you want to stop, ask your doctor about reducing the dose "
        "gradually."
    )
    [limit] = _limits(statements_of, text)
    assert (limit["population"], limit["advice"]) == ("older_adults", "reduce")


def test_extract_population_limits_starting_lower_and_going_up_slowly_is_no_taper(
    statements_of: StatementsOf,
) -> None:
    text = "If you already have liver disease, the team will start lower and increase more slowly."
    [limit] = _limits(statements_of, text)
    assert (limit["population"], limit["advice"]) == ("hepatic", "reduce")


def test_extract_population_limits_the_ceiling_for_this_age_group_is_the_groups(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "Children aged 5 to 11 take 50 micrograms twice a day. The ceiling for this age group "
        "is 200 micrograms a day.",
    )
    assert any(
        limit["population"] == "children" and limit.get("max_daily_amount") == 200
        for limit in limits
    )


def test_extract_population_limits_other_medicines_doses_and_outcomes_are_no_rules(
    statements_of: StatementsOf,
) -> None:
    limits = _limits(
        statements_of,
        "This sets it apart from sitagliptin and alogliptin, whose doses are reduced when "
        "kidney function falls. A large study found it did not reduce kidney problems, so it "
        "is not used to protect the kidneys.",
    )
    assert limits == []
