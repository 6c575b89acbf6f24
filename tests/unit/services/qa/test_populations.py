"""Populations: a dose question about a group never gets the general adult figure."""

import pytest

from medinfo.domain.answers import Intent
from medinfo.domain.monograph import DoseSpec, Dosing, Monograph, Population, PopulationLimit
from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question
from medinfo.services.qa.populations import (
    asked_age,
    child_dose_draft,
    distributed,
    group_names,
)


@pytest.mark.parametrize(
    "question",
    [
        "max dose of zanaflex if i have liver problems",
        "tizanidine dose for someone with cirrhosis",
        "whats the zanaflex dose for kidney failure",
        "im 82, how much tizanidine can i take",
    ],
)
def test_answer_question_population_dose_never_gives_the_adult_figure(
    lookup: InMemoryMonographs, question: str
) -> None:
    tizanidine = lookup.get("tizanidine")
    assert tizanidine is not None
    assert tizanidine.dosing.max_daily is not None
    adult_max = f"{tizanidine.dosing.max_daily.amount:g} mg"
    answer = answer_question(question, lookup)
    assert adult_max not in answer.answer
    assert "pharmacist" in answer.answer or "prescriber" in answer.answer


def test_answer_question_population_without_facts_says_so(lookup: InMemoryMonographs) -> None:
    answer = answer_question("whats the zanaflex dose for kidney failure", lookup)
    assert not answer.answerable
    assert "no dose of" in answer.answer
    assert "people with kidney disease" in answer.answer


def test_answer_question_population_precaution_without_a_dose_declines_and_cites_it(
    lookup: InMemoryMonographs,
) -> None:
    """Care advised for the group is not a dose for it: declined, the precaution still said."""
    answer = answer_question("max dose of zanaflex if i have liver problems", lookup)
    assert not answer.answerable
    assert "no dose of tizanidine for people with liver disease" in answer.answer
    assert "liver disease" in answer.answer.split("The sources give no dose")[1]
    assert ("tz1", 900) in [(c.source, c.start) for c in answer.citations]


def test_answer_question_population_quotes_the_group_dose_sentence(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    text = "Intro.\n\nIn patients with renal impairment, start with 2 mg and increase slowly.\n"
    passages.add_text("tizanidine", "tz9", text)
    answer = answer_question("zanaflex dose with kidney problems", lookup, passages=passages)
    assert answer.answerable
    assert "start with 2 mg" in answer.answer
    assert ("tz9", text.index("In patients")) in [(c.source, c.start) for c in answer.citations]


def test_answer_question_population_invariant_over_test_monographs(
    lookup: InMemoryMonographs,
) -> None:
    """No monograph's general maximum appears in a kidney-disease dose answer without a
    renal adjustment that states that same figure."""
    for drug in ("tizanidine", "sertraline"):
        monograph = lookup.get(drug)
        assert isinstance(monograph, Monograph)
        answer = answer_question(f"{drug} max dose with kidney disease", lookup)
        maximum = monograph.dosing.max_daily
        renal = {a.max_daily_mg for a in monograph.dosing.renal_adjustment}
        if maximum is not None and maximum.amount not in renal:
            assert f"{maximum.amount:g} mg" not in answer.answer


@pytest.mark.parametrize(
    ("question", "age"),
    [("im 82 and taking zanaflex", 82), ("my 70 year old dad", 70), ("i take 80 mg", None)],
)
def test_asked_age_reads_an_older_age_only(question: str, age: int | None) -> None:
    assert asked_age(question) == age


def _age_passages() -> InMemoryPassages:
    passages = InMemoryPassages()
    text = "Intro.\n\nPeople aged 75 or over should start on 1 mg at night.\n"
    passages.add_text("tizanidine", "tz8", text)
    return passages


def test_answer_question_older_age_limit_the_asker_reaches_is_quoted(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("im 80, what dose of zanaflex", lookup, passages=_age_passages())
    assert answer.answerable
    assert "start on 1 mg" in answer.answer


def test_answer_question_older_age_limit_the_asker_does_not_reach_is_not(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("im 68, what dose of zanaflex", lookup, passages=_age_passages())
    assert "start on 1 mg" not in answer.answer


def test_answer_question_older_age_row_of_a_table_is_quoted_without_the_adult_row(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    text = "Doses.\n\n| Adults | 8 mg three times a day | | Aged 75 or over | 2 mg at night |\n"
    passages.add_text("tizanidine", "tz6", text)
    answer = answer_question("im 80, what dose of zanaflex", lookup, passages=passages)
    assert "2 mg at night" in answer.answer
    assert "8 mg" not in answer.answer


def test_answer_question_precautions_for_a_group_quote_only_that_group(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    text = (
        "Tell your doctor about heart problems before you start zanaflex.\n\n"
        "In patients with renal impairment, zanaflex clearance falls, so start with 2 mg.\n"
    )
    passages.add_text("tizanidine", "tz9", text)
    answer = answer_question("zanaflex with kidney failure", lookup, passages=passages)
    assert "start with 2 mg" in answer.answer
    assert "heart problems" not in answer.answer
    adult_max = "36 mg"
    assert adult_max not in answer.answer


def test_answer_question_older_dose_from_a_table_row_on_one_line(
    lookup: InMemoryMonographs,
) -> None:
    """A table stored on one line: the row naming the age limit is quoted, with its dose."""
    passages = InMemoryPassages()
    text = (
        "| Who | Dose | |---|---| | Adults | 2 mg three times a day | "
        "| Aged 75 or over, or weighing 50 kg or less | 1 mg twice a day |\n"
    )
    passages.add_text("tizanidine", "tz9", text)
    answer = answer_question("im 80, what dose of zanaflex", lookup, passages=passages)
    assert "1 mg twice a day" in answer.answer
    assert "2 mg three times a day" not in answer.answer


def _no_change_passages() -> InMemoryPassages:
    passages = InMemoryPassages()
    text = (
        "Liver impairment: the liver clears very little of it, so no dosage adjustment is "
        "needed for people with liver disease."
    )
    passages.add_text("sertraline", "st7", text)
    return passages


def test_answer_question_a_group_needing_no_dose_change_is_told_so(
    lookup: InMemoryMonographs,
) -> None:
    """'no dosage adjustment is needed' for the group answers its dose question, quoted."""
    answer = answer_question(
        "zoloft dose with liver disease", lookup, passages=_no_change_passages()
    )
    assert answer.answerable
    assert "no dosage adjustment is needed" in answer.answer
    assert any(c.source == "st7" for c in answer.citations)


def test_answer_question_do_i_need_a_lower_dose_for_a_group_the_sources_cover(
    lookup: InMemoryMonographs,
) -> None:
    """'do i need a lower dose' is a judgement of the asker's case, but for a group the
    sources speak of (liver disease) their statement is given, and the decision left to the
    prescriber."""
    answer = answer_question(
        "i have liver problems, do i need a lower dose of zoloft?",
        lookup,
        passages=_no_change_passages(),
    )
    assert answer.answerable
    assert "no dosage adjustment is needed" in answer.answer
    assert "do not change your dose on your own" in answer.answer
    declined = answer_question("do i need a lower dose of zoloft?", lookup)
    assert not declined.answerable


def _kidney_table() -> InMemoryPassages:
    passages = InMemoryPassages()
    text = (
        "Dosing in kidney disease\n\n"
        "| Creatinine clearance | Dose |\n|---|---|\n"
        "| above 60 mL/min | usual dose |\n"
        "| 20 to 59 mL/min | 2 mg twice a day |\n"
        "| below 20 mL/min | 2 mg once a day |\n"
    )
    passages.add_text("tizanidine", "tz5", text)
    return passages


def test_answer_question_a_kidney_function_given_picks_the_row_holding_it(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question(
        "zanaflex dose for kidney disease, my egfr is 35", lookup, passages=_kidney_table()
    )
    assert answer.answerable
    assert "2 mg twice a day" in answer.answer
    assert "2 mg once a day" not in answer.answer


def _child_bands() -> InMemoryPassages:
    passages = InMemoryPassages()
    text = (
        "Children 2 to 5 years: 1 mg once a day.\n\n"
        "Children 6 to 11 years: 2 mg once a day.\n\n"
        "It is not recommended for children under 2."
    )
    passages.add_text("tizanidine", "tz4", text)
    return passages


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        ("my 9 year old got zanaflex, how much should he take", "6 to 11 years", "2 to 5"),
        ("zanaflex dose for my 3 yr old?", "2 to 5 years", "6 to 11"),
    ],
)
def test_answer_question_a_childs_dose_only_from_the_band_holding_its_age(
    lookup: InMemoryMonographs, question: str, said: str, not_said: str
) -> None:
    answer = answer_question(question, lookup, passages=_child_bands())
    assert answer.answerable
    assert said in answer.answer
    assert not_said not in answer.answer
    assert "never work it out from an adult dose" in answer.answer


def test_answer_question_a_childs_dose_without_a_band_for_its_age_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("zanaflex dose for my 14 year old", lookup, passages=_child_bands())
    assert not answer.answerable
    declined = answer_question("how much zanaflex for my kid", lookup, passages=_child_bands())
    assert not declined.answerable


def _weight_doses() -> InMemoryPassages:
    passages = InMemoryPassages()
    text = (
        "Sertraline leaflet.\n\n"
        "Adults take 50 mg once a day, or 1 mg per kg in some clinics.\n\n"
        "Young people. The dose for a child is worked out from their weight. For panic it is "
        "usually 0.5 mg per kilogram once a day, never above 50 mg a day."
    )
    passages.add_text("sertraline", "st5", text)
    return passages


def test_a_childs_dose_by_weight_answers_without_an_age(lookup: InMemoryMonographs) -> None:
    answer = answer_question(
        "whats the max zoloft dose for a kid", lookup, passages=_weight_doses()
    )
    assert answer.answerable
    assert "0.5 mg per kilogram" in answer.answer
    assert "Adults take 50 mg" not in answer.answer
    assert "never work it out from an adult dose" in answer.answer


def test_a_childs_dose_by_weight_never_checks_an_amount_the_question_names(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question(
        "doc gave my 10 year old 25mg of zoloft, is that right", lookup, passages=_weight_doses()
    )
    assert not answer.answerable
    assert "per kilogram" not in answer.answer


@pytest.mark.parametrize(
    ("question", "age"),
    [("my daughter is 7, how much zoloft", 7), ("zoloft for my son who is 12", 12)],
)
def test_a_childs_age_said_after_who_the_child_is_is_read(question: str, age: int) -> None:
    from medinfo.services.qa.evidence import child_age

    assert child_age(question) == age
    assert child_age("my son is 40 kg, how much zoloft") is None


@pytest.mark.parametrize(
    "question",
    [
        "how much sertraline if my kidneys are weak",
        "sertraline dose, my liver is scarred",
        "zoloft max dose renal",
    ],
)
def test_a_group_dose_named_by_its_organ_never_gets_the_adult_figure(
    lookup: InMemoryMonographs, question: str
) -> None:
    sertraline = lookup.get("sertraline")
    assert sertraline is not None
    assert sertraline.dosing.max_daily is not None
    adult_max = f"{sertraline.dosing.max_daily.amount:g} mg"
    answer = answer_question(question, lookup)
    assert adult_max not in answer.answer
    assert "people with" in answer.answer


def test_a_dose_by_weight_after_a_word_against_use_in_children_is_never_quoted(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st6",
        "Sertraline leaflet.\n\nYoung people. It is not recommended for children under 12. "
        "Where a specialist uses it, the dose is 0.5 mg per kilogram once a day.",
    )
    answer = answer_question("whats the max zoloft dose for a kid", lookup, passages=passages)
    assert not answer.answerable
    assert "per kilogram" not in answer.answer


def test_a_childs_dose_comes_from_the_age_band_the_facts_hold() -> None:
    band = PopulationLimit(
        population=Population.CHILDREN,
        criterion="age 6-12 years",
        age_at_least=6,
        age_below=13,
        initial=DoseSpec(amount=10, unit="mg", frequency_per_day=1),
        sources=["s"],
    )
    monograph = Monograph(drug="fluvoxamine", dosing=Dosing(population_limits=[band]))
    draft = child_dose_draft(monograph, None, 8, checks_amount=False)
    assert draft is not None
    assert "10 mg once a day" in " ".join(draft.sentences)
    assert child_dose_draft(monograph, None, 15, checks_amount=False) is None
    assert child_dose_draft(monograph, None, 8, checks_amount=True) is None


def test_a_group_dose_given_as_a_fraction_of_the_usual_dose_is_a_dose_for_them(
    lookup: InMemoryMonographs,
) -> None:
    """ "halve the dose" states a dose for the group: answered, quoted, never declined."""
    passages = InMemoryPassages()
    text = "Intro.\n\nWith liver or kidney impairment the usual dose is reduced by half.\n"
    passages.add_text("tizanidine", "tz8", text)
    answer = answer_question("zanaflex dose with liver problems", lookup, passages=passages)
    assert answer.answerable
    assert "reduced by half" in answer.answer
    assert ("tz8", text.index("With liver")) in [(c.source, c.start) for c in answer.citations]


def test_two_organs_sharing_a_condition_word_each_name_their_group() -> None:
    assert distributed("with liver or kidney impairment") == (
        "with liver impairment or kidney impairment"
    )
    assert distributed("heart and lung disease") == "heart disease and lung disease"


def test_older_adults_have_their_names_like_every_other_group() -> None:
    assert "elderly" in group_names("older adults")
    assert "kidney problem" in group_names("kidney disease")


def test_answer_question_a_dose_asked_for_a_group_read_as_a_precaution_is_the_groups_dose(
    lookup: InMemoryMonographs,
) -> None:
    """'does the dose differ if i have kidney disease' reads as a precaution by its condition
    words, but it asks the group's dose: answered as one, never with the adult figure."""
    answer = answer_question("does the tizanidine dose differ if i have kidney disease", lookup)
    assert answer.intent is Intent.DOSAGE
    assert "no dose of tizanidine for people with kidney disease" in answer.answer


def test_answer_question_a_kidney_rule_of_no_change_answers_and_names_a_dialysis_band() -> None:
    from medinfo.domain.evidence import Evidence
    from medinfo.domain.monograph import LimitAdvice

    cited = {"sources": ["s"], "evidence": [Evidence(source="s", start=0, end=20)]}
    rules = [
        PopulationLimit(population=Population.RENAL, advice=LimitAdvice.NO_CHANGE, **cited),
        PopulationLimit(
            population=Population.RENAL, on_dialysis=True, advice=LimitAdvice.AVOID, **cited
        ),
    ]
    monograph = Monograph(drug="glitazine", dosing=Dosing(population_limits=rules))
    answer = answer_question(
        "I have kidney disease, does my glitazine dose need lowering?",
        InMemoryMonographs([monograph]),
    )
    assert answer.answerable
    assert "usual dose" in answer.answer
    assert "on dialysis" in answer.answer
    assert "against glitazine for people with kidney disease" not in answer.answer


def _older_and_dialysis_limits() -> InMemoryMonographs:
    return InMemoryMonographs(
        [
            Monograph(
                drug="hydroxyzine",
                dosing=Dosing(
                    max_daily=DoseSpec(amount=100, unit="mg", route="oral"),
                    population_limits=[
                        PopulationLimit(
                            population=Population.OLDER_ADULTS,
                            criterion="age 65 and over",
                            age_at_least=65,
                            max_daily=DoseSpec(amount=50, unit="mg"),
                        ),
                        PopulationLimit(
                            population=Population.RENAL,
                            on_dialysis=True,
                            max_daily=DoseSpec(amount=25, unit="mg"),
                        ),
                    ],
                ),
            )
        ]
    )


def test_answer_question_population_states_the_groups_own_maximum() -> None:
    lookup = _older_and_dialysis_limits()
    answer = answer_question("my dad is 80, how much hydroxyzine can he have a day", lookup)
    assert answer.answerable
    assert "people aged 65 and over" in answer.answer
    assert "50 mg a day" in answer.answer
    assert "100 mg" not in answer.answer
    young = answer_question("i'm 60, how much hydroxyzine can i take a day", lookup)
    assert "50 mg" not in young.answer


def test_answer_question_dialysis_maximum_only_for_people_on_dialysis() -> None:
    lookup = _older_and_dialysis_limits()
    on_dialysis = answer_question("hydroxyzine dose on dialysis", lookup)
    assert "people on dialysis" in on_dialysis.answer
    assert "25 mg a day" in on_dialysis.answer
    kidneys = answer_question("hydroxyzine dose with bad kidneys", lookup)
    assert "25 mg" not in kidneys.answer
