"""Tests for the source sentences quoted with an answer."""

from __future__ import annotations

from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question
from medinfo.services.qa.evidence import stem, stems
from medinfo.services.qa.passages import Passage

_GUIDE = (
    "Tizanidine guide.\n\n"
    "Stopping. Coming off tizanidine after regular use should be done slowly over one to two "
    "weeks, because the blood pressure and heart rate can rebound. Ask your prescriber for a "
    "plan.\n\n"
    "Storage. Keep the tablets in a dry cupboard.\n"
)


def _passages() -> InMemoryPassages:
    passages = InMemoryPassages()
    passages.add_text("tizanidine", "tz1", _GUIDE)
    return passages


def test_stem_meets_inflected_forms() -> None:
    assert stem("tapered") == stem("taper")
    assert stem("stops") == "stop"
    assert stem("is") == "is"


def test_stems_drop_ignored_and_stop_words() -> None:
    assert stems("can i stop zanaflex", frozenset({"zanaflex"})) == {"stop"}


def test_answer_quotes_the_source_sentence_that_answers(lookup: InMemoryMonographs) -> None:
    answer = answer_question(
        "how do i come off zanaflex, does it rebound", lookup, passages=_passages()
    )
    assert answer.answerable
    assert "one to two weeks" in answer.answer
    assert "dry cupboard" not in answer.answer
    assert any(c.source == "tz1" for c in answer.citations)


def test_sentence_alone_answers_when_no_fact_fits(lookup: InMemoryMonographs) -> None:
    answer = answer_question(
        "does tizanidine make heart rate rebound when coming off", lookup, passages=_passages()
    )
    assert answer.answerable
    assert "heart rate can rebound" in answer.answer
    assert answer.citations


def test_unrelated_sentences_are_not_quoted(lookup: InMemoryMonographs) -> None:
    answer = answer_question("will tizanidine show on a drug screen", lookup, passages=_passages())
    assert not answer.answerable
    assert "cupboard" not in answer.answer


def test_posts_are_not_quoted_when_a_reliable_source_answers() -> None:
    from medinfo.domain.monograph import Monograph, SourceRef

    monograph = Monograph(
        drug="placidol",
        sources=[
            SourceRef(id="ref", title="Reference", kind="article", reliability="consumer_article"),
            SourceRef(id="forum", title="Forum", kind="forum", reliability="user_generated"),
        ],
    )
    passages = InMemoryPassages()
    passages.add_text("placidol", "ref", "Stopping placidol does not need a slow taper.\n")
    passages.add_text(
        "placidol", "forum", "Stopping placidol cold turkey gave me a rebound taper.\n"
    )
    answer = answer_question(
        "can i stop placidol without a taper", InMemoryMonographs([monograph]), passages=passages
    )
    assert "does not need a slow taper" in answer.answer
    assert "rebound" not in answer.answer


def test_a_post_is_never_quoted(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    text = "Reply #3 — sam wrote: I just take two tizanidine doses the next morning to catch up.\n"
    passages.add_text("tizanidine", "tz5", text)
    answer = answer_question(
        "missed a tizanidine dose, take two next morning?", lookup, passages=passages
    )
    assert "catch up" not in answer.answer


def test_table_rows_are_sentences_of_their_own() -> None:
    from medinfo.services.qa.evidence import _blocks

    one_line = (
        "| Medicine | Effect | |---|---| | Antacids | less absorbed | | Iron | less absorbed |"
    )
    assert _blocks(one_line) == [
        "Medicine | Effect",
        "Antacids | less absorbed",
        "Iron | less absorbed",
    ]
    lines = "Before the table.\n| Medicine | Effect |\n|---|---|\n| Antacids | less absorbed |\n"
    assert _blocks(lines)[-1] == "Antacids | less absorbed"
    assert _blocks("No table here. Two sentences.") == ["No table here. Two sentences."]


def test_a_sentence_naming_the_topic_twice_answers_without_the_asked_words(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine", "tz1", "Zanaflex tablets for sale.\n\nEach one is a white, oval tablet."
    )
    answer = answer_question("what colour is the zanaflex pill", lookup, passages=passages)
    assert answer.answerable
    assert "white, oval tablet" in answer.answer


def test_a_source_asking_the_same_kind_of_question_answers_it(
    lookup: InMemoryMonographs,
) -> None:
    """'How fast does it work? Within about an hour.' answers 'how long till it kicks in',
    though the answer shares none of the asker's words."""
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st9",
        "How fast does it work? Within a few weeks for most people.\n\n"
        "Its effects on sleep last long into the night for some.",
    )
    answer = answer_question("zoloft how long till it kicks in", lookup, passages=passages)
    assert "Within a few weeks for most people." in answer.answer


def test_a_one_line_answer_is_quoted_with_the_sentence_that_says_why(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st9",
        "Can I stop sertraline suddenly? Short answer: no. Stopping at once can bring dizziness "
        "and electric-shock feelings, so the dose is lowered over several weeks.",
    )
    answer = answer_question("can i just stop zoloft suddenly", lookup, passages=passages)
    assert "Short answer: no. Stopping at once can bring dizziness" in answer.answer


def test_a_source_word_for_the_same_thing_matches(lookup: InMemoryMonographs) -> None:
    """'split' in the question meets 'break' in the source ('word_synonyms')."""
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st9",
        "Sertraline tablets are film-coated.\n\n"
        "Do not break the tablets in half before taking them.",
    )
    answer = answer_question("can i split my zoloft in half", lookup, passages=passages)
    assert "Do not break the tablets" in answer.answer


def test_an_interaction_answer_quotes_only_sentences_naming_the_other_medicine(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz9",
        "Tizanidine can interact with many medicines, so take care with them all.\n\n"
        "With ciprofloxacin, tizanidine levels rise about tenfold; the two are never combined.",
    )
    answer = answer_question("can i take zanaflex with ciprofloxacin", lookup, passages=passages)
    assert "levels rise about tenfold" in answer.answer
    assert "take care with them all" not in answer.answer


def test_with_no_intent_a_quote_alone_must_hold_every_word_of_a_short_question(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline", "st9", "Sertraline studies used fasting lipid panels and sleep testing."
    )
    question = "fasting before a lipid scan on zoloft, required?"
    answer = answer_question(question, lookup, passages=passages)
    assert not answer.answerable


def test_a_products_name_never_counts_as_a_question_word() -> None:
    """The drug named by a product ("xanax") is not matched by sentences naming the product."""
    from medinfo.domain.monograph import Monograph
    from medinfo.services.qa.evidence import question_ignore

    assert "xanax" in question_ignore(Monograph(drug="alprazolam"), set())


class _LongestWordsOnly(InMemoryPassages):
    """A passage search that, like the store's, keeps only the query's longest words."""

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        longest = sorted(set(query.lower().split()), key=lambda word: (-len(word), word))[:4]
        return super().search(drug, " ".join(longest), limit)


def test_the_questions_own_words_reach_the_text_past_a_long_topic_vocabulary(
    lookup: InMemoryMonographs,
) -> None:
    """An interaction question's topic words ("antihistamines", "benzodiazepines") are longer
    than the asked "yogurt": the question's own words are searched for apart."""
    passages = _LongestWordsOnly()
    passages.add_text(
        "tizanidine",
        "tz9",
        "Benzodiazepines, antidepressants and antihistamines add to the sleepiness.\n\n"
        "Yogurt and cheese are fine with tizanidine at any time of day.",
    )
    answer = answer_question("zanaflex with yogurt?", lookup, passages=passages)
    assert "Yogurt and cheese are fine" in answer.answer


def test_a_child_under_the_age_limit_a_source_names_is_answered_by_it() -> None:
    """'my 5 year old' meets 'children under 12': the sources' words for the asker's child."""
    from medinfo.domain.monograph import Monograph

    passages = InMemoryPassages()
    passages.add_text(
        "placidol",
        "pl1",
        "Placidol comes as a syrup and as tablets.\n\n"
        "Placidol is not given to children under 12, as it can slow bone growth.",
    )
    lookup = InMemoryMonographs([Monograph(drug="placidol")])
    answer = answer_question("can my 5 year old take placidol", lookup, passages=passages)
    assert answer.answerable
    assert "not given to children under 12" in answer.answer
    older = answer_question("can my 14 year old take placidol", lookup, passages=passages)
    assert "under 12" not in older.answer


def test_another_medicine_counts_once_and_only_under_a_whole_name() -> None:
    """'advil' is matched by 'ibuprofen' (its generic) but not by loose words of its group
    names ("drug", "pain" from "pain reliever" or "anti-inflammatory drug")."""
    from medinfo.domain.monograph import Monograph

    passages = InMemoryPassages()
    passages.add_text(
        "placidol",
        "pl1",
        "Any drug for pain in the joints should be kept in its box.\n\n"
        "Ibuprofen raises the bleeding risk of placidol.",
    )
    lookup = InMemoryMonographs([Monograph(drug="placidol")])
    answer = answer_question("placidol and advil", lookup, passages=passages)
    assert "Ibuprofen raises the bleeding risk" in answer.answer
    assert "kept in its box" not in answer.answer


def test_child_age_reads_the_age_a_question_gives() -> None:
    from medinfo.services.qa.evidence import child_age

    assert child_age("my 7 yr old has a cough") == 7
    assert child_age("can a 16-year-old use it") == 16
    assert child_age("im 45 years old") is None
    assert child_age("taken it for 3 years") is None


def test_a_label_stored_as_one_passage_is_read_by_its_headings() -> None:
    """Within one long label text, a sentence under '7 DRUG INTERACTIONS' is in the
    interactions section; one under '14 CLINICAL STUDIES' is not, though both name it."""
    from medinfo.domain.monograph import Monograph

    filler = "Placidol was studied in adults over several years of trials. " * 40
    label = (
        f"1 INDICATIONS AND USAGE Placidol treats gout. {filler}"
        "7 DRUG INTERACTIONS Placidol with digoxin needs closer digoxin monitoring. "
        f"{filler}14 CLINICAL STUDIES In one trial digoxin was given with placidol to 12 men."
    )
    passages = InMemoryPassages()
    passages.add_text("placidol", "lbl", label)
    lookup = InMemoryMonographs([Monograph(drug="placidol")])
    answer = answer_question("placidol and digoxin together?", lookup, passages=passages)
    assert "closer digoxin monitoring" in answer.answer
    assert "12 men" not in answer.answer


def test_a_long_sentence_is_clipped_where_most_asked_words_are() -> None:
    from medinfo.services.qa.evidence import _clip, stems

    row = (
        "Interacting agents and what to do: "
        + "other agents listed here, " * 12
        + "cyclosporine or gemfibrozil: avoid the combination entirely."
    )
    clipped = _clip(row, stems("cyclosporine gemfibrozil avoid"))
    assert "avoid the combination" in clipped
    assert clipped.startswith("…")


def test_a_table_of_rates_is_never_quoted() -> None:
    from medinfo.services.qa.evidence import _is_figures

    rates = "nausea 4 7 3 2 6 0 3 3 headache 5 1 2 3"
    dose = "take 1 tablet 2 times a day for 7 days"
    assert _is_figures(rates.split(" "))
    assert not _is_figures(dose.split(" "))


def test_a_sentence_is_quoted_with_the_next_one_giving_its_reason(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st9",
        "Take the tablets after breakfast with a full glass of water every day. "
        "This helps prevent an upset stomach in the first weeks.",
    )
    answer = answer_question("why take zoloft after breakfast", lookup, passages=passages)
    assert "This helps prevent an upset stomach" in answer.answer


def test_long_words_of_one_family_match() -> None:
    """'progesterone' in a question meets 'progestogen' in a source (seven first letters),
    but short words need the whole stem."""
    from medinfo.services.qa.evidence import _shared

    assert _shared({"progesterone"}, {"progestogen"}, ["progestogen"]) == {"progesterone"}
    assert _shared({"contraceptive"}, {"contraindicated"}, ["contraindicated"]) == set()


def test_a_sentence_is_quoted_with_the_next_one_going_on_about_what_it_named(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz9",
        "Fluvoxamine blocks the enzyme that clears tizanidine from the body. "
        "Their doses must be halved, or the pair avoided altogether.",
    )
    answer = answer_question("zanaflex with fluvoxamine?", lookup, passages=passages)
    assert "or the pair avoided altogether" in answer.answer


def test_a_long_list_is_clipped_around_the_other_medicines_name() -> None:
    """A list flattened into one sentence is clipped where the asked medicine is named, not
    where loose words of the question cluster."""
    from medinfo.services.qa.evidence import _clip

    listed = (
        "Tell your doctor if you take other medicines together with it, such as other "
        "blood pressure medicines used together, diuretics taken together, lithium, which "
        "it can raise to harmful levels, and painkillers such as naproxen, which can make "
        "it work less well and harm the kidneys, or rifampicin."
    )
    clipped = _clip(listed, {"together", "naproxen"}, frozenset({"naproxen"}))
    assert "work less well" in clipped


def test_an_faq_question_in_its_own_paragraph_is_answered_by_the_next_one(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz7",
        "Tizanidine questions and answers.\n\n"
        "Q. My evening tablet was left out on Friday. Now it is Sunday. Should I catch up?\n\n"
        "A. Leave that one out and carry on at the next planned time; two tablets at once "
        "can drop your blood pressure.\n\n"
        "Q. Where do I keep it?\n\n"
        "A. In a dry cupboard.",
    )
    answer = answer_question("zanaflex left out friday, now sunday", lookup, passages=passages)
    assert answer.answerable
    assert "carry on at the next planned time" in answer.answer
    assert "dry cupboard" not in answer.answer
    assert any(c.source == "tz7" for c in answer.citations)


def test_a_posted_question_is_no_source_asking_the_same(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz8",
        "Forum thread.\n\n"
        "I have a scan with dye next week and my knee hurts, what do I do?\n\n"
        "Tell the scan team what you take; the knee is for your own doctor.",
    )
    answer = answer_question("what dyes are in zanaflex tablets", lookup, passages=passages)
    assert "scan team" not in answer.answer


def test_a_sentence_naming_the_intents_topic_counts_one_more_shared_word(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st6",
        "Sertraline leaflet.\n\n"
        "Throw the mixed liquid away after the days printed on the bottle.\n\n"
        "Most courses last six to twelve months once you feel well, then the days are cut "
        "down slowly.",
    )
    answer = answer_question(
        "how many days do people usually take zoloft for", lookup, passages=passages
    )
    assert answer.answerable
    assert "six to twelve months" in answer.answer
    assert "printed on the bottle" not in answer.answer


def test_a_heading_is_never_quoted(lookup: InMemoryMonographs) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st7",
        "Sertraline leaflet.\n\nWhile pregnant or nursing\n\n"
        "Sertraline is often kept on while pregnant when the benefit is clear.",
    )
    answer = answer_question("is zoloft ok while pregnant", lookup, passages=passages)
    assert "While pregnant or nursing" not in answer.answer
    assert "often kept on while pregnant" in answer.answer


def test_a_source_spelling_a_word_the_british_way_answers_the_american_one(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz5",
        "Tizanidine leaflet.\n\nOedema of the ankles settles within a fortnight for most people.",
    )
    answer = answer_question("zanaflex ankle edema, does it settle", lookup, passages=passages)
    assert answer.answerable
    assert "within a fortnight" in answer.answer


class _Always(InMemoryPassages):
    """Every passage of the drug, whatever the query (a section's passages, ranked first)."""

    def search(self, drug: str, query: str, limit: int = 3) -> list[Passage]:
        return list(self._passages.get(drug.lower(), []))[:limit]


def test_beside_a_facts_answer_a_sentence_only_in_the_section_is_not_quoted(
    lookup: InMemoryMonographs,
) -> None:
    from medinfo.services.qa.evidence import with_evidence
    from medinfo.services.qa.intents import read_question
    from medinfo.services.qa.phrasing import Draft

    passages = _Always()
    passages.add_text(
        "sertraline", "st8", "Keep every clinic appointment you are given.", section="dosing"
    )
    monograph = lookup.get("sertraline")
    assert monograph is not None
    reading = read_question(
        "how much zoloft for panic attacks", drug_names=["sertraline", "zoloft"]
    )
    draft = Draft(sentences=["The usual starting dose is 25 mg."])
    answered = with_evidence(draft, monograph, reading, passages)
    assert answered is not None
    assert not any("clinic appointment" in sentence for sentence in answered.sentences)


def test_a_phrase_the_sources_say_otherwise_reaches_their_sentence(
    lookup: InMemoryMonographs,
) -> None:
    passages = InMemoryPassages()
    passages.add_text(
        "sertraline",
        "st9",
        "Sertraline leaflet.\n\nContraception: sertraline leaves the contraceptive pill as "
        "reliable as before.\n\nBirthdays and holidays are no reason to skip a dose.",
    )
    answer = answer_question("is zoloft ok with birth control", lookup, passages=passages)
    assert "as reliable as before" in answer.answer


def test_a_sources_own_question_in_the_first_person_marks_its_answer(
    lookup: InMemoryMonographs,
) -> None:
    """An FAQ heading asks as a patient would ("How long will I be on it?"): it is no post,
    and its answer is the quote, though it shares no word with the reader's question."""
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz7",
        "Questions people ask\n\n"
        "How long will I be on it?\nMost people with spasticity keep taking it for several "
        "years, and the prescriber reviews it each spring.\n\n"
        "Storage. Keep the tablets in a dry cupboard.\n",
    )
    answer = answer_question(
        "how many months do people stay on zanaflex", lookup, passages=passages
    )
    assert answer.answerable
    assert "several years" in answer.answer
    assert "cupboard" not in answer.answer


def test_a_leaflet_heading_marks_the_paragraphs_under_it(lookup: InMemoryMonographs) -> None:
    """A paragraph under "When to take it" answers a how-to-take question in other words."""
    passages = InMemoryPassages()
    passages.add_text(
        "tizanidine",
        "tz8",
        "When to take it\n\n"
        "Spread the doses out over the day.\n\n"
        "Have the evening dose no later than 8pm so the drowsiness wears off by morning.\n\n"
        "Side effects\n\n"
        "Dry mouth is common in the first weeks.\n",
    )
    answer = answer_question("what time should i take zanaflex", lookup, passages=passages)
    assert answer.answerable
    assert "8pm" in answer.answer
    assert "Dry mouth" not in answer.answer


def test_a_sentence_said_already_leaves_its_place_to_the_next(
    lookup: InMemoryMonographs,
) -> None:
    """Three pages repeating one sentence are quoted once; the other places go to others."""
    repeated = (
        "Coming off tizanidine after regular use should be done slowly over one to two weeks, "
        "because the blood pressure and heart rate can rebound."
    )
    passages = InMemoryPassages()
    passages.add_text("tizanidine", "tzA", f"Stopping\n\n{repeated}\n")
    passages.add_text("tizanidine", "tzB", f"Coming off it\n\n{repeated}\n")
    passages.add_text("tizanidine", "tzD", f"{repeated}\n")
    passages.add_text(
        "tizanidine", "tzC", "Coming off tizanidine slowly also keeps the spasms from rebounding.\n"
    )
    answer = answer_question(
        "how do i come off zanaflex, does it rebound", lookup, passages=passages
    )
    assert answer.answer.count("one to two weeks") == 1
    assert "spasms from rebounding" in answer.answer
