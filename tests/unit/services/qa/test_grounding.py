"""Grounding: an answer reached through weak cues must speak to what the question asks."""

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
