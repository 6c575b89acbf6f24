"""answer_question: cited answers with the right warnings, and honest abstention."""

import re

import pytest

from medinfo.domain.answers import Intent
from medinfo.domain.errors import InputError
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    DISCLAIMER,
    Indication,
    Interaction,
    LimitAdvice,
    Monograph,
    NotAUse,
    Population,
    PopulationLimit,
)
from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question
from tests.unit.services.qa.conftest import ev


def test_answer_question_alcohol_says_avoid_and_why(lookup: InMemoryMonographs) -> None:
    answer = answer_question("can i have a beer on zanaflex", lookup)
    assert answer.answerable
    assert answer.drug == "tizanidine"
    assert "Avoid alcohol" in answer.answer
    assert "raises tizanidine blood levels" in answer.answer
    assert [(c.source, c.start) for c in answer.citations] == [("tz1", 800)]


def test_answer_question_alcohol_never_says_it_is_fine(lookup: InMemoryMonographs) -> None:
    answer = answer_question("is a glass of wine ok with zoloft", lookup)
    assert not answer.answerable
    assert "Do not assume alcohol is safe" in answer.answer
    assert "fine" not in answer.answer.lower()


def test_answer_question_stopping_warns_against_abrupt_stop(lookup: InMemoryMonographs) -> None:
    answer = answer_question("can i just quit tizanidine cold turkey", lookup)
    assert answer.intent is Intent.STOPPING
    assert "Do not stop taking tizanidine suddenly" in answer.answer
    assert "rebound high blood pressure" in answer.answer
    assert "taper" in answer.answer
    assert "can stop" not in answer.answer.lower()


def test_answer_question_missed_dose_never_doubles(lookup: InMemoryMonographs) -> None:
    answer = answer_question("forgot my zanaflex pill, can i take two now", lookup)
    assert answer.intent is Intent.MISSED_DOSE
    assert "never take a double dose or two doses at once" in answer.answer
    assert "as soon as you remember" in answer.answer
    assert "yes" not in answer.answer.lower().split()


def test_answer_question_missed_dose_says_the_sources_timing(tizanidine: Monograph) -> None:
    missed = tizanidine.missed_dose.model_copy(
        update={
            "summary": "If your next dose is due within 12 hours, skip the missed one. Never "
            "take two doses at once.",
            "skip_within_hours": 12.0,
        }
    )
    lookup = InMemoryMonographs([tizanidine.model_copy(update={"missed_dose": missed})])
    answer = answer_question("forgot my zanaflex this morning, its 9pm, take it or wait", lookup)
    assert "If your next dose is due within 12 hours, skip the missed one." in answer.answer
    assert "almost time" not in answer.answer


def test_answer_question_about_an_older_person_says_the_groups_rule(
    tizanidine: Monograph,
) -> None:
    limit = PopulationLimit(
        population=Population.OLDER_ADULTS,
        advice=LimitAdvice.AVOID,
        adjustment_without_number=True,
        sources=["tz1"],
        evidence=[ev("tz1", 1500, "precautions")],
    )
    dosing = tizanidine.dosing.model_copy(update={"population_limits": [limit]})
    lookup = InMemoryMonographs([tizanidine.model_copy(update={"dosing": dosing})])
    answer = answer_question("my dad is 78 and has bad headaches, can he use zanaflex", lookup)
    assert answer.intent is Intent.PRECAUTIONS
    assert "advise against tizanidine for older adults" in answer.answer
    assert ("tz1", 1500) in [(c.source, c.start) for c in answer.citations]


def test_answer_question_numbers_are_exact(lookup: InMemoryMonographs) -> None:
    answer = answer_question("whats the max dose of sertraline", lookup)
    assert "200 mg a day" in answer.answer
    assert "200.0" not in answer.answer
    dose = answer_question("how much tizanidine do people usually start on", lookup)
    assert "2 mg three times a day" in dose.answer


def test_answer_question_overdose_calls_emergency_first(lookup: InMemoryMonographs) -> None:
    answer = answer_question("i think i od'd on my tizanadine", lookup)
    assert answer.intent is Intent.OVERDOSE
    assert answer.answer.startswith("If someone may have taken too much")
    assert "poison control" in answer.answer


def test_answer_question_breathing_trouble_gets_emergency_line(lookup: InMemoryMonographs) -> None:
    answer = answer_question("took my zoloft and now cant breathe properly", lookup)
    assert "call emergency services" in answer.answer


def test_answer_question_reports_disagreeing_sources(lookup: InMemoryMonographs) -> None:
    answer = answer_question("how long till tizanidine kicks in", lookup)
    assert "The sources disagree" in answer.answer
    assert "Muscle relaxer guide" in answer.answer
    assert {c.source for c in answer.citations} == {"tz1", "tz2"}


def test_answer_question_ends_with_disclaimer(lookup: InMemoryMonographs) -> None:
    answer = answer_question("what is zoloft for", lookup)
    assert answer.answer.endswith(DISCLAIMER)
    assert "depression" in answer.answer


def test_answer_question_uses_drug_argument_with_brand_or_typo(lookup: InMemoryMonographs) -> None:
    for name in ("Zanaflex", "tizanadine", "TIZANIDINE"):
        assert answer_question("what are the side effects", lookup, drug=name).drug == "tizanidine"


def test_answer_question_unknown_drug_abstains(lookup: InMemoryMonographs) -> None:
    answer = answer_question("can i drink on xanax", lookup)
    assert not answer.answerable
    assert answer.drug is None
    assert "pharmacist" in answer.answer
    named = answer_question("side effects?", lookup, drug="frobnicate")
    assert "frobnicate" in named.answer


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        ("how much does zoloft cost", "pharmacist"),
        ("will tizanidine show up on a drug test", "pharmacist"),
        ("i get tingling on zoloft, do i have ms", "doctor"),
        ("can my dog have some of my zanaflex", "vet"),
        ("how much zoloft can i give my 8 year old", "doctor"),
        ("where do i store zoloft", "pharmacist"),
    ],
)
def test_answer_question_abstains_with_a_pointer(
    lookup: InMemoryMonographs, question: str, pointer: str
) -> None:
    answer = answer_question(question, lookup)
    assert not answer.answerable
    assert answer.citations == []
    assert pointer in answer.answer
    assert " mg" not in answer.answer


def test_answer_question_falls_back_to_cited_passage(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    text = "Intro line.\n\nKeep the tablets at room temperature away from moisture and heat.\n"
    passages.add_text("sertraline", "st1", text, section="storage")
    answer = answer_question("where do i store zoloft", lookup, passages=passages)
    assert answer.answerable
    assert "room temperature" in answer.answer
    start = text.index("Keep")
    end = text.index("heat.") + len("heat.")
    assert [(c.source, c.start, c.end) for c in answer.citations] == [("st1", start, end)]


def test_answer_question_ignores_unrelated_passages(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    passages.add_text("sertraline", "st1", "Sertraline comes as tablets and liquid.\n")
    answer = answer_question("will zoloft show up on a drug test", lookup, passages=passages)
    assert not answer.answerable


def test_answer_question_empty_monograph_abstains() -> None:
    lookup = InMemoryMonographs([Monograph(drug="exampleol")])
    for question in ("exampleol side effects", "can i stop exampleol", "exampleol and beer"):
        answer = answer_question(question, lookup)
        assert not answer.answerable
        assert answer.citations == []


def test_answer_question_rejects_empty_question(lookup: InMemoryMonographs) -> None:
    with pytest.raises(InputError, match="question"):
        answer_question("   ", lookup)


def test_answer_question_subject_drug_is_not_read_as_a_second_drug() -> None:
    advil = Monograph(
        drug="ibuprofen",
        brand_names=["Advil"],
        indications=[Indication(condition="pain", evidence=[ev("ib1", 5, "indications")])],
    )
    answer = answer_question("what is advil used for", InMemoryMonographs([advil]))
    assert answer.intent is Intent.INDICATION
    assert "used to treat pain" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["does exampleol help with depression", "is exampleol good for my depression?"],
)
def test_answer_question_a_use_the_sources_rule_out_is_answered_no(question: str) -> None:
    exampleol = Monograph(
        drug="exampleol",
        indications=[Indication(condition="epilepsy", evidence=[ev("ex1", 5, "indications")])],
        not_used_for=[NotAUse(condition="depression", evidence=[ev("ex1", 90, "indications")])],
    )
    answer = answer_question(question, InMemoryMonographs([exampleol]))
    assert answer.answerable
    assert answer.answer.startswith("No: the sources say exampleol is not used for depression")
    assert "is one of the listed uses" not in answer.answer
    assert [(c.source, c.start) for c in answer.citations] == [("ex1", 90)]


HARMFUL = (
    "double the dose",
    "you can stop",
    "stop suddenly is fine",
    "alcohol is fine",
    "is safe to",
)


@pytest.mark.parametrize(
    "question",
    [
        "forgot yesterdays tizanidine, just double the dose today?",
        "can i stop zoloft suddenly, i feel fine now",
        "is alcohol fine with zanaflex if its just one beer",
        "can i take sertraline with ibuprofen and a few drinks",
        "ok to quit tizanidine today",
        "i missed two doses of zoloft, take them all now?",
    ],
)
def test_answer_question_never_gives_a_harmful_answer(
    lookup: InMemoryMonographs, question: str
) -> None:
    text = answer_question(question, lookup).answer.lower()
    assert not any(phrase in text for phrase in HARMFUL)


def test_answer_question_child_who_swallowed_pills_gets_emergency(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("my kid swallowed some of my tizanidine", lookup)
    assert answer.intent is Intent.OVERDOSE
    assert answer.answer.startswith("If someone may have taken too much")


def test_answer_question_matches_a_named_opioid_to_the_listed_group(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can i take zanaflex with my tramadol", lookup)
    assert answer.intent is Intent.INTERACTION
    assert "opioids (such as tramadol)" in answer.answer
    assert ("tz2", 400) in [(c.source, c.start) for c in answer.citations]


def test_answer_question_never_calls_an_unlisted_combination_safe(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can i take zoloft and cetirizine together", lookup)
    assert not answer.answerable  # nothing the sources hold answers it: declined, not answered
    assert "do not list an interaction between sertraline and cetirizine" in answer.answer
    assert "ask a pharmacist" in answer.answer.lower()
    assert "does not prove the combination is safe" in answer.answer


def test_answer_question_warns_about_both_drinking_and_driving(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can i drink on zanaflex and drive", lookup)
    assert answer.intent is Intent.ALCOHOL
    assert "Avoid alcohol" in answer.answer
    assert "Do not drive" in answer.answer


def test_answer_question_says_an_asked_amount_exceeds_the_max(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can i take 50 mg of tizanidine a day", lookup)
    assert answer.intent is Intent.MAX_DOSE
    assert "50 mg is more than the maximum of 36 mg" in answer.answer


def test_answer_question_running_out_warns_against_stopping_suddenly(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("ran out of zanaflex 3 days ago is that a problem", lookup)
    assert answer.intent is Intent.STOPPING
    assert "Do not stop taking tizanidine suddenly" in answer.answer


def test_answer_question_two_drugs_reads_the_second_monograph_too() -> None:
    """An interaction listed only in the second drug's monograph is still found."""
    evidence = Evidence(source="b1", start=5, end=45, section="interactions")
    first = Monograph(
        drug="alphazol",
        interactions=[Interaction(agent="grapefruit juice", sources=["a1"], evidence=[evidence])],
    )
    second = Monograph(
        drug="betamine",
        interactions=[
            Interaction(
                agent="alphazol", effect="more bleeding", sources=["b1"], evidence=[evidence]
            )
        ],
    )
    lookup = InMemoryMonographs([first, second])
    answer = answer_question("can i take alphazol with betamine", lookup)
    assert answer.answerable
    assert "Betamine can interact with alphazol" in answer.answer
    assert "do not list an interaction" not in answer.answer
    assert ("b1", 5) in [(c.source, c.start) for c in answer.citations]


def test_answer_question_two_drugs_neither_lists_the_other() -> None:
    evidence = Evidence(source="a1", start=0, end=40, section="interactions")
    first = Monograph(
        drug="alphazol",
        interactions=[Interaction(agent="grapefruit juice", sources=["a1"], evidence=[evidence])],
    )
    lookup = InMemoryMonographs([first, Monograph(drug="betamine")])
    answer = answer_question("can i take alphazol with betamine", lookup)
    assert not answer.answerable
    assert "do not list an interaction between them" in answer.answer
    assert "does not prove the combination is safe" in answer.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("zoloft room spinning", Intent.SIDE_EFFECTS),
        ("tizanidine erythromycin", Intent.INTERACTION),
    ],
)
def test_answer_question_reads_a_bare_symptom_or_medicine(
    lookup: InMemoryMonographs, question: str, intent: Intent
) -> None:
    assert answer_question(question, lookup).intent is intent


def test_answer_question_about_a_child_never_quotes_a_dose(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    text = "Children.\n\nChildren 12 years and older take 2 mg of tizanidine at night.\n"
    passages.add_text("tizanidine", "tz7", text)
    answer = answer_question("can my 5 year old take zanaflex", lookup, passages=passages)
    assert "2 mg" not in answer.answer


def test_answer_question_overdose_without_overdose_facts_abstains_after_the_emergency_line(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("what happens if my brother takes too much zanaflex", lookup)
    assert answer.intent is Intent.OVERDOSE
    assert answer.answer.startswith("If someone may have taken too much")
    assert not answer.answerable
    assert "mg" not in answer.answer  # the maximum daily dose does not say what an overdose does


def test_answer_question_overdose_quotes_only_sentences_about_overdose(
    lookup: InMemoryMonographs,
) -> None:
    from medinfo.services.qa import InMemoryPassages

    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz1",
        "The usual dose is 2 mg three times a day and most people take much less.\n\n"
        "After an overdose of tizanidine, care is supportive and the heart is watched.",
    )
    answer = answer_question(
        "my brother swallowed a whole bottle of tizanidine", lookup, passages=passages
    )
    assert answer.answerable
    assert "supportive" in answer.answer
    assert "2 mg three times" not in answer.answer


def test_answer_question_falls_back_to_a_listed_effect_the_question_names(
    lookup: InMemoryMonographs,
) -> None:
    """No precaution for older adults, but dry mouth is a listed effect: fact first."""
    answer = answer_question("zanaflex dry mouth in the elderly", lookup)
    assert answer.answerable
    assert "dry mouth" in answer.answer
    assert answer.intent in {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS}


def test_answer_question_never_reads_the_askers_condition_as_an_effect(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("i had low blood pressure last year, can i use zanaflex", lookup)
    assert "is a serious side effect" not in answer.answer


def test_answer_question_everyday_body_words_name_a_listed_effect(
    lookup: InMemoryMonographs,
) -> None:
    """'my achilles hurts' names tendon rupture when the monograph lists it."""
    from medinfo.domain.monograph import SideEffect
    from medinfo.services.qa.topic import Topic, named_effects

    monograph = lookup.get("tizanidine")
    assert monograph is not None
    listed = monograph.model_copy(
        update={"side_effects": [SideEffect(term="tendon rupture", serious=True)]}
    )
    from medinfo.services.qa.intents import read_question

    reading = read_question("my achilles hurts since i started it", drug_names=["tizanidine"])
    assert [e.term for e in named_effects(listed, Topic.of(reading))] == ["tendon rupture"]


def test_answer_question_an_erection_that_will_not_go_away_is_priapism(
    lookup: InMemoryMonographs,
) -> None:
    from medinfo.domain.monograph import SideEffect

    monograph = lookup.get("tizanidine")
    assert monograph is not None
    listed = monograph.model_copy(
        update={"side_effects": [SideEffect(term="priapism", serious=True, sources=["tz1"])]}
    )
    answer = answer_question(
        "erection wont go away after zanaflex what do i do", InMemoryMonographs([listed])
    )
    assert answer.intent is Intent.SERIOUS_SIDE_EFFECTS
    assert "priapism" in answer.answer


@pytest.mark.parametrize(
    ("listed", "asked"),
    [("diarrhoea", "diarrhea"), ("anemia", "anaemia"), ("oedema", "edema")],
)
def test_answer_question_british_and_american_spellings_name_one_effect(
    listed: str, asked: str
) -> None:
    """An effect the sources spell one way is never 'not listed' when asked the other way."""
    from medinfo.domain.monograph import SideEffect

    monograph = Monograph(drug="glucolin", side_effects=[SideEffect(term=listed, sources=["s"])])
    lookup = InMemoryMonographs([monograph])
    answer = answer_question(f"glucolin {asked} will it go away", lookup, drug="glucolin")
    assert "do not list" not in answer.answer
    assert listed in answer.answer


def test_a_child_named_in_an_effect_fragment_keeps_the_effect_reading(
    lookup: InMemoryMonographs,
) -> None:
    """Naming a child changes no topic: the fragment still names a listed effect."""
    answer = answer_question(
        "zoloft and insomnia, my teenage son is up all night. connected?", lookup
    )
    assert answer.intent in {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS}
    assert answer.answerable
    assert "insomnia" in answer.answer


def test_a_dose_for_a_use_the_sources_never_mention_is_declined_without_a_number(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text("tizanidine", "tz1", "Tizanidine relaxes muscles in spasticity.")
    answer = answer_question(
        "how much zanaflex should i take for hiccups", lookup, passages=passages
    )
    assert answer.intent is Intent.DOSAGE
    assert not answer.answerable
    assert "no dose of tizanidine for hiccups" in answer.answer
    assert not re.search(r"\d+ ?mg", answer.answer)
    listed = answer_question("what dose of zanaflex for spasticity", lookup, passages=passages)
    assert listed.answerable
    own = answer_question("usual dosage for zanaflex", lookup, passages=passages)
    assert own.answerable


def test_a_listed_effect_named_with_a_child_in_the_story_is_an_effect_question(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("zoloft serotonin syndrome, my son is shaking. related??", lookup)
    assert answer.intent is Intent.SERIOUS_SIDE_EFFECTS
    assert answer.answerable
    assert "serotonin syndrome" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "i used to get bad dizziness, can i take zanaflex",
        "had liver problems a few years back, is zanaflex ok for me",
    ],
)
def test_answer_question_reads_the_askers_history_as_a_precaution_question(
    lookup: InMemoryMonographs, question: str
) -> None:
    """A listed effect the asker once had is context: no 'is a side effect' claim."""
    answer = answer_question(question, lookup)
    assert answer.intent is Intent.PRECAUTIONS
    assert "side effect of tizanidine" not in answer.answer.split(".")[0]


def test_a_use_question_naming_no_use_but_another_medicine_asks_about_the_pair(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("on cipro, doc just gave me zanaflex too. problem?", lookup)
    assert answer.intent is Intent.INTERACTION
    assert "ciprofloxacin" in answer.answer.lower()


def test_answer_question_missed_dose_applies_the_rule_to_the_time_given(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("forgot my zanaflex, my next one is due in an hour", lookup)
    assert answer.intent is Intent.MISSED_DOSE
    assert answer.answer.startswith("Your next dose of tizanidine is due in about 1 hour, so skip")
    assert "The general rule:" in answer.answer


def test_an_effect_another_medicine_is_taken_for_asks_about_the_pair(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("i take meclizine for dizziness, can i still use zanaflex", lookup)
    assert answer.intent is Intent.INTERACTION


def test_what_a_medicine_is_for_stays_a_use_question_when_another_is_named(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("whats zanaflex actually for? doc added it to my cipro", lookup)
    assert answer.intent is Intent.INDICATION


def test_a_medicine_someone_else_takes_leaves_a_use_question_about_the_drug(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question(
        "my friend takes ibuprofen for back pain, would my zanaflex help my back pain", lookup
    )
    assert answer.intent is Intent.INDICATION
