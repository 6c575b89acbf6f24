"""Grounding: an answer reached through weak cues must speak to what the question asks."""

from dataclasses import replace

from medinfo.domain.answers import Intent
from medinfo.services.qa import InMemoryMonographs, answer_question
from medinfo.services.qa.grounding import speaks_to, topic_words
from medinfo.services.qa.intents import read_question
from medinfo.services.qa.phrasing import Draft


def test_topic_words_leave_out_the_asker_the_time_and_the_drug(
    lookup: InMemoryMonographs,
) -> None:
    monograph = lookup.get("tizanidine")
    assert monograph is not None
    reading = read_question("my dad took zanaflex yesterday before his piercing")
    assert topic_words(reading, monograph) == {"piercing"}


def test_speaks_to_needs_a_shared_word_only_for_weak_readings(
    lookup: InMemoryMonographs,
) -> None:
    monograph = lookup.get("tizanidine")
    assert monograph is not None
    draft = Draft(["Serious side effects of tizanidine include low blood pressure."])
    weak = read_question("is zanaflex safe to take before a piercing", drug_names=["zanaflex"])
    assert weak.score < 3
    assert not speaks_to(draft, weak, monograph)
    related = read_question("is zanaflex safe with low pressure", drug_names=["zanaflex"])
    assert related.score >= 3 or speaks_to(draft, related, monograph)
    strong = read_question("serious side effects of zanaflex?", drug_names=["zanaflex"])
    assert speaks_to(draft, strong, monograph)


def test_speaks_to_matches_a_word_by_its_start() -> None:
    from medinfo.services.qa.grounding import _addressed

    assert _addressed("weak", {"weakness"}, {"weakness"})
    assert _addressed("hallucinate", {"hallucinations"}, {"hallucination"})
    assert not _addressed("tattoo", {"tablet"}, {"tablet"})


def test_answer_question_weak_reading_on_an_uncovered_topic_abstains(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("is zanaflex ok to take before a piercing", lookup)
    assert not answer.answerable
    assert "pharmacist" in answer.answer
    assert answer.intent is not Intent.ALCOHOL


def test_an_answer_that_never_names_the_asked_detail_does_not_speak_to_it(
    lookup: InMemoryMonographs,
) -> None:
    from medinfo.services.qa.grounding import misses_detail

    monograph = lookup.get("tizanidine")
    assert monograph is not None
    storage = Draft(["Store tizanidine at room temperature, away from moisture."])
    expired = read_question("my zanaflex went out of date in may, can i still use it")
    assert misses_detail(storage, expired)
    assert not speaks_to(storage, expired, monograph)
    looks = Draft(["The 4 mg tablets are white and round with a score line."])
    colour = read_question("what colour are zanaflex 4mg tablets")
    assert not misses_detail(looks, colour)
    dose = Draft(["The usual dose is 4 mg up to three times a day."])
    assert misses_detail(dose, colour)
    plain = read_question("how should i store zanaflex")
    assert not misses_detail(storage, plain)


def test_a_detail_counts_only_in_the_intents_it_is_asked_in(
    lookup: InMemoryMonographs,
) -> None:
    from medinfo.services.qa.grounding import misses_detail

    table = Draft(["The usual starting dose is 2 mg; do not go above 36 mg a day."])
    often = read_question("zanaflex 4mg how often can i have it")
    assert often.intent in {Intent.DOSAGE, Intent.MAX_DOSE}
    assert misses_detail(table, often)
    assert not misses_detail(Draft(["Take 2 mg every 6 to 8 hours as needed."]), often)
    dependence = read_question("any risk of addiction with long term zanaflex use")
    assert dependence.intent is not Intent.DURATION
    assert not misses_detail(Draft(["Dependence is listed among its effects."]), dependence)


def test_speaks_to_a_brand_asked_with_its_generic_named(lookup: InMemoryMonographs) -> None:
    monograph = lookup.get("tizanidine")
    assert monograph is not None
    reading = read_question("zanaflex + prozac ok")
    draft = Draft()
    draft.say("Tizanidine can interact with fluoxetine.")
    assert speaks_to(draft, replace(reading, learned=True, score=1.0), monograph)


def test_a_brand_of_the_drug_itself_is_not_addressed_by_its_generic(
    lookup: InMemoryMonographs,
) -> None:
    monograph = lookup.get("tizanidine")
    assert monograph is not None
    unbranded = monograph.model_copy(update={"brand_names": []})
    reading = read_question("is zanaflex the pump version")
    draft = Draft()
    draft.say("Tizanidine comes as tablets and capsules.")
    assert not speaks_to(draft, replace(reading, learned=True, score=1.0), unbranded)
