"""Uses asked about: an unlisted use is never answered as a known use or effect."""

import pytest

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question
from medinfo.services.qa.uses import asked_effect, asked_use, bare_effect, is_unlisted_effect


@pytest.mark.parametrize(
    ("question", "use"),
    [
        ("tizanidine for restless legs?", "restless legs"),
        ("can zanaflex help with my fibromyalgia", "fibromyalgia"),
        ("does tizanidine work for migraines", "migraines"),
        ("what is tizanidine used for", None),
        ("whats a safe dose of oxycodone for grandpa", None),
        ("sumatriptan dose for someone who gets cluster headaches", None),
        ("dose of gabapentin for her sciatica", "sciatica"),
        ("does doxycycline cover lyme disease", "lyme disease"),
        ("will fluconazole kill ringworm", "ringworm"),
        ("is aciclovir effective against shingles", "shingles"),
        ("does the patch cover you for 72 hours", None),
        ("does valacyclovir cure herpes for good?", "herpes"),
        ("is it for life or can i stop", None),
    ],
)
def test_asked_use_reads_the_condition_after_its_cue(question: str, use: str | None) -> None:
    assert asked_use(question) == use


def test_answer_question_unlisted_use_abstains_without_listing_uses(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("tizanidine for restless legs?", lookup)
    assert not answer.answerable
    assert "do not list restless legs" in answer.answer
    assert "spasticity" not in answer.answer
    assert "pharmacist" in answer.answer


def test_answer_question_unlisted_use_quotes_the_sentence_that_rules_it_out(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    text = "Tizanidine relaxes muscles.\n\nTizanidine is not a treatment for restless legs.\n"
    passages.add_text("tizanidine", "tz9", text)
    answer = answer_question("does zanaflex help restless legs", lookup, passages=passages)
    assert answer.answerable
    assert "do not list restless legs" in answer.answer
    assert "is not a treatment for restless legs" in answer.answer
    start = text.index("Tizanidine is not")
    assert [(c.source, c.start) for c in answer.citations] == [("tz9", start)]


def test_answer_question_listed_use_is_confirmed(lookup: InMemoryMonographs) -> None:
    answer = answer_question("is tizanidine for spasticity", lookup)
    assert answer.answerable
    assert "Yes: spasticity" in answer.answer


def test_answer_question_off_label_use_is_called_off_label(lookup: InMemoryMonographs) -> None:
    answer = answer_question("can tizanidine help tension headache", lookup)
    assert "off-label" in answer.answer


def test_answer_question_unlisted_side_effect_is_not_answered_with_the_list(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can zanaflex cause hair loss", lookup)
    assert not answer.answerable
    assert "do not list hair loss as a side effect" in answer.answer
    assert answer.citations == []


def test_answer_question_unlisted_effect_asked_with_make_me_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can zanaflex make me taller", lookup)
    assert not answer.answerable
    assert "do not" in answer.answer  # "do not list taller" or "do not cover this"
    assert "Common side effects" not in answer.answer


def test_answer_question_listed_effect_asked_as_a_verb_is_not_called_unlisted(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can zoloft make you nauseous", lookup)
    assert "do not list" not in answer.answer


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("  eyelid twitching?", "eyelid twitching"),
        ("  and memory loss?", "memory loss"),
        ("  side effects?", None),
        ("how long does   take to work", None),
        ("started   20mg, feel sick", None),
    ],
)
def test_bare_effect_reads_only_a_fragment_naming_one_thing(
    question: str, phrase: str | None
) -> None:
    assert bare_effect(question) == phrase


def test_answer_question_fragment_naming_an_unlisted_effect_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    for question in ("zanaflex hair loss?", "tizanidine and hearing loss?"):
        answer = answer_question(question, lookup)
        assert not answer.answerable
        assert "do not list" in answer.answer
        assert "dry mouth" not in answer.answer  # never the list instead


def test_answer_question_fragment_naming_a_listed_effect_is_confirmed(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("zanaflex dry mouth?", lookup)
    assert answer.answerable
    assert "dry mouth" in answer.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("does zoloft work as birth control", "not a contraceptive"),
        ("will zoloft make me lose weight lol", "not a weight-loss medicine"),
    ],
)
def test_answer_question_unlisted_use_ruled_out_in_the_sources_other_words(
    lookup: InMemoryMonographs, question: str, said: str
) -> None:
    """A use asked in everyday words ("birth control", "lose weight") is found in a sentence
    using the sources' words for it ("contraceptive", "weight-loss")."""
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st4",
        "Sertraline is not a contraceptive and does not prevent pregnancy.\n\n"
        "Sertraline is not a weight-loss medicine; some people gain a little.",
    )
    answer = answer_question(question, lookup, passages=passages)
    assert said in answer.answer
    assert any(c.source == "st4" for c in answer.citations)


def test_a_use_the_source_rules_out_under_another_name_is_answered_no(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st3",
        "Sertraline leaflet.\n\nSertraline does not treat heartburn or acid reflux.\n\n"
        "Heartburn is common in people taking many medicines.",
    )
    answer = answer_question("zoloft for my gerd?", lookup, passages=passages)
    assert answer.answerable
    assert answer.answer.startswith("No:")
    assert "does not treat heartburn" in answer.answer
    assert any(c.source == "st3" for c in answer.citations)


def test_a_sentence_merely_naming_the_use_under_another_name_is_not_quoted(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline", "st3", "Sertraline leaflet.\n\nHeartburn was as common as with placebo."
    )
    answer = answer_question("zoloft for my gerd?", lookup, passages=passages)
    assert not answer.answerable
    assert "placebo" not in answer.answer


def test_a_use_asked_in_the_singular_meets_the_sources_plural(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline", "st4", "Sertraline leaflet.\n\nSertraline is not a treatment for migraines."
    )
    answer = answer_question("zoloft for a migraine?", lookup, passages=passages)
    assert answer.answer.startswith("No:")
    assert "not a treatment for migraines" in answer.answer


def test_answer_question_an_unlisted_effect_on_a_body_part_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("does zanaflex make your toenails turn green", lookup)
    assert not answer.answerable


def test_answer_question_an_unlisted_effect_beside_a_listed_one_is_answered(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("why does zanaflex make my toes tingle and my mouth dry", lookup)
    assert answer.answerable


def test_a_negation_about_something_else_in_the_sentence_is_no_no(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz8",
        "Tizanidine leaflet.\n\nIt relaxes the legs in people with restless legs that is not "
        "caused by a nerve problem.\n",
    )
    answer = answer_question("does zanaflex help restless legs", lookup, passages=passages)
    assert not answer.answer.startswith("No:")
    assert "not caused by a nerve problem" in answer.answer


def test_asked_effect_skips_the_verb_before_the_effect() -> None:
    assert asked_effect("does it make you have hypos? im on gliclazide") == "hypos"
    assert asked_effect("can it make me gain weight") == "gain weight"


def test_an_effect_asked_by_another_name_of_a_listed_one_is_listed() -> None:
    listed = Monograph(drug="gliclazide", side_effects=[SideEffect(term="low blood sugar")])
    assert not is_unlisted_effect(listed, "hypos")
    assert is_unlisted_effect(listed, "hair fall out")


def test_answer_question_a_listed_use_typed_one_letter_off_gets_the_dose() -> None:
    from medinfo.domain.monograph import DoseSpec, Dosing, Indication

    monograph = Monograph(
        drug="clindamycin",
        indications=[Indication(condition="dental abscess", sources=["s"])],
        dosing=Dosing(initial=DoseSpec(amount=150, unit="mg", frequency_per_day=4, sources=["s"])),
    )
    answer = answer_question(
        "dentist gave me clindamycin for an abcess, how often do i take it",
        InMemoryMonographs([monograph]),
    )
    assert answer.answerable
    assert "150 mg" in answer.answer
