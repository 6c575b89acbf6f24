"""FAQ: pairs under an FAQ heading, their topics, and Yes/No answers."""

from __future__ import annotations

from medinfo.extract.faq import extract_faq, topic_of
from tests.unit.extract.conftest import read_text


def test_extract_faq_pairs_with_topics_and_polarity() -> None:
    text = (
        "Frequently asked questions\n"
        "Can I have a glass of wine with it?\n"
        "No. Wine makes the drowsiness worse.\n"
        "Will it make me gain weight?\n"
        "A few people notice a change in appetite.\n"
    )
    facts = extract_faq(read_text(text), "s1")
    assert [(f.key, f.attributes["answer_polarity"]) for f in facts] == [
        ("alcohol", "no"),
        ("weight_gain", "unknown"),
    ]
    first = facts[0].attributes
    assert text[int(first["answer_start"] or 0) : int(first["answer_end"] or 0)].startswith("No.")


def test_extract_faq_questions_outside_faq_are_not_pairs() -> None:
    text = "What is it used for?\nIt treats allergies.\n"
    assert extract_faq(read_text(text), "s1") == []


def test_topic_of_question() -> None:
    assert topic_of("How soon will I feel better after starting it?") == "onset"
    assert topic_of("Is it OK to drive?") == "driving"
    assert topic_of("What does it look like?") == "other"


def test_question_led_topics_read_q_and_a_markers() -> None:
    from medinfo.extract.faq import question_led_topics

    document = read_text(
        "Reader questions about sertraline\n\n"
        "Q. How soon will I notice a change?\n\n"
        "A. Most people feel some benefit after 2 to 4 weeks.\n\n"
        "Q. I missed a tablet yesterday. What should I do now?\n\n"
        "A. Just take your next dose at the usual time.\n"
    )
    topics = list(question_led_topics(document).values())
    assert topics == ["onset", "missed_dose"]


def test_polarity_of_answer_after_a_marker() -> None:
    from medinfo.extract.faq import polarity_of

    assert polarity_of("A. No, it should be stopped slowly.") == "no"
    assert polarity_of("Answer: Yes, with food.") == "yes"
