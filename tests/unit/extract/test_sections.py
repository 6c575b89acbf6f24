"""Tests of the section classifier."""

from __future__ import annotations

import pytest

from medinfo.extract.sections import Section, classify_heading, classify_lead, effect_grade


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Less common but more serious side effects include:", Section.SERIOUS_SIDE_EFFECTS),
        ("Common Side Effects", Section.COMMON_SIDE_EFFECTS),
        ("Drug Class", Section.DRUG_CLASS),
        ("Brand names", Section.BRAND_NAMES),
        ("Alternative Treatments:", Section.ALTERNATIVES),
        ("Other medications for gout", Section.ALTERNATIVES),
        ("Important points for use:", Section.PRECAUTIONS),
        ("Who should avoid naproxen?", Section.PRECAUTIONS),
        ("Off-Label Uses", Section.OFF_LABEL),
        ("Can I drink alcohol while taking it?", Section.INTERACTIONS),
        ("Things that change how it works", Section.INTERACTIONS),
        ("Other meds and booze", Section.INTERACTIONS),
        ("Food and drink", Section.INTERACTIONS),
        ("The downsides", Section.SIDE_EFFECTS),
        ("Which side effects are dangerous?", Section.SERIOUS_SIDE_EFFECTS),
        ("Who can and cannot use it", Section.PRECAUTIONS),
        ("We may ask you to see your GP first if:", Section.PRECAUTIONS),
        ("Call a doctor or 111 now if:", Section.SERIOUS_SIDE_EFFECTS),
        ("Medicines that do matter include:", Section.INTERACTIONS),
        ("QUICK ANSWER BOX", Section.KEY_FACTS),
        ("Ask a doctor before use if you have", Section.PRECAUTIONS),
        ("Do not use", Section.PRECAUTIONS),
        ("Directions", Section.DOSING),
        ("Q. Can I have a drink?", Section.INTERACTIONS),
        ("Older people", Section.PRECAUTIONS),
        ("How much and how often", Section.DOSING),
        ("So what exactly is it?", Section.OVERVIEW),
    ],
)
def test_classify_heading_names_the_topic(heading: str, section: Section) -> None:
    assert classify_heading(heading) is section


def test_classify_heading_treats_a_many_topic_title_as_overview() -> None:
    assert classify_heading("Naproxen: Uses, Side Effects, Dosage and Interactions") is (
        Section.OVERVIEW
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Which medicines should I not combine with it?",
        "Can I take it with other medicines?",
        "What other drugs will affect it?",
        "OTHER MEDICINES",
        "Is it OK with your other medications?",
        "8. Other medications and digoxin",
        "Medicines that can interfere with digoxin",
        "What drugs do I need to be careful with?",
        "Medications to watch out for",
        "Stuff that messes with it",
        "Which tablets does warfarin clash with?",
        "Drugs that react badly with lithium",
        "Other tablets and drink",
        "Other pills",
        "Q: What about my other tablets?",
        "Other medicines: read this part",
        "Things that don't mix",
    ],
)
def test_classify_heading_reads_question_style_interaction_headings(heading: str) -> None:
    assert classify_heading(heading) is Section.INTERACTIONS


@pytest.mark.parametrize(
    "heading",
    [
        "How much to take",
        "How much do people take?",
        "How and when to take it",
        "How should I take it?",
        "HOW I TOOK IT",
        "How it is taken",
    ],
)
def test_classify_heading_reads_everyday_dosing_headings(heading: str) -> None:
    assert classify_heading(heading) is Section.DOSING


@pytest.mark.parametrize(
    "heading",
    ["Serious adverse effects include", "Q: Any serious side effects I should know about?"],
)
def test_classify_heading_serious_side_effects_in_other_words(heading: str) -> None:
    assert classify_heading(heading) is Section.SERIOUS_SIDE_EFFECTS


def test_classify_heading_lead_ins_that_are_no_topic_of_their_words() -> None:
    assert classify_heading("You should not use this medicine if you:") is Section.PRECAUTIONS
    assert classify_heading("Use with care if you have:") is Section.PRECAUTIONS
    assert classify_heading("The serious ones you need to know about") is not Section.OVERVIEW
    assert classify_heading("About carvedilol") is Section.OVERVIEW
    assert classify_heading("Your doctor may prescribe it for these infections:") is (
        Section.INDICATIONS
    )
    assert (
        classify_heading(
            "Keep taking the medicine, but talk to your doctor if these don't go away:"
        )
        is not Section.INTERACTIONS
    )


def test_a_lead_in_sentence_opens_the_topic_it_names_first() -> None:
    lead = "It is used for focal (partial) seizures, with or without spreading to the brain:"
    assert classify_lead(lead) is Section.INDICATIONS
    assert classify_lead("Ibuprofen: uses, side effects and safety") is Section.OVERVIEW


def test_a_grade_label_names_its_side_effect_section() -> None:
    assert effect_grade("Serious") is Section.SERIOUS_SIDE_EFFECTS
    assert effect_grade("Rare but serious side effects") is Section.SERIOUS_SIDE_EFFECTS
    assert effect_grade("Common ones") is Section.COMMON_SIDE_EFFECTS
    assert effect_grade("Less common") is Section.SIDE_EFFECTS  # never read as "common"
    assert effect_grade("Kidney problems") is None


def test_classify_heading_treats_a_thread_asking_about_two_topics_as_overview() -> None:
    assert classify_heading("Started it - questions about dose, food, booze?") is Section.OVERVIEW
    assert classify_heading("Pregnancy and breastfeeding") is not Section.OVERVIEW


def test_classify_heading_treats_an_askers_thread_title_as_overview() -> None:
    assert classify_heading("Just been prescribed tadalafil - a few questions") is Section.OVERVIEW
