"""Reading a statement: negated, hypothetical and other-drug clauses; polarity and subject."""

from __future__ import annotations

from medinfo.extract.reading import Polarity, Subject, is_advert, read_text


def _spans(text: str, kind: str, names: tuple[str, ...] = ()) -> list[str]:
    reading = read_text(text, names)
    return [text[start:end] for start, end in reading.spans[kind]]


def test_read_text_denied_use_or_interaction_is_not_asserted() -> None:
    for text, term in (
        ("It is not licensed for anxiety, migraine or bipolar disorder.", "migraine"),
        ("Alcohol doesn't interact with it, but beer can trigger attacks.", "Alcohol"),
        ("There is no known interaction between this medicine and alcohol.", "alcohol"),
        ("This tablet does not treat the inflammation in the airways.", "inflammation"),
        ("It is not generally linked with weight gain, unlike older drugs.", "weight gain"),
        ("There is no dangerous withdrawal reaction when you stop.", "withdrawal"),
        ("Readers often ask whether it causes hair loss.", "hair loss"),
        ("I wondered if it would give me a rash.", "rash"),
    ):
        reading = read_text(text)
        start = text.index(term)
        assert not reading.asserted(start, start + len(term)), text


def test_read_text_advice_to_ask_if_is_still_a_claim() -> None:
    text = "Ask your doctor if you have kidney disease."
    start = text.index("kidney disease")
    assert read_text(text).asserted(start, start + len("kidney disease"))


def test_read_text_advice_not_to_combine_is_a_claim() -> None:
    text = "Do not take it with alcohol, which adds to the drowsiness."
    reading = read_text(text)
    start = text.index("alcohol")
    assert reading.asserted(start, start + len("alcohol"))
    assert reading.polarity is Polarity.AFFIRMED


def test_read_text_research_question_is_hypothetical() -> None:
    text = "Researchers are studying whether it might help in arthritis."
    reading = read_text(text)
    assert reading.polarity is Polarity.HYPOTHETICAL
    assert not reading.asserted(text.index("arthritis"), len(text) - 1)


def test_read_text_other_drug_clause_ends_at_this_drugs_name() -> None:
    text = (
        "Unlike beta blockers, which can cause rebound chest pain if stopped suddenly, "
        "amlodipine is not known to cause a withdrawal reaction."
    )
    [other] = _spans(text, "other_subject", ("amlodipine",))
    assert "rebound" in other
    assert "amlodipine" not in other
    assert "amlodipine is not known" in read_text(text, ("amlodipine",)).blanked("other_subject")


def test_read_text_harmless_combination_and_no_dose_change() -> None:
    assert _spans("Yes, you can drink alcohol, but keep within limits.", "compatible")
    assert _spans("Mild liver disease does not need a dose change.", "no_concern")


def test_read_text_subject_and_populations() -> None:
    assert read_text("People over 65 may need a lower dose.").subject is Subject.PEOPLE
    assert read_text("Beta blockers can mask low blood sugar.").subject is Subject.GROUP
    assert read_text("If you have kidney problems, take less.").polarity is Polarity.CONDITIONAL
    populations = read_text("Children under 12 and people with liver disease").populations
    assert populations == {"children", "hepatic"}


def test_read_text_key_facts_answer_no_denies_the_row() -> None:
    assert read_text("Habit-forming? | No").spans["negated"]


def test_is_advert_marks_sponsored_and_navigation_statements() -> None:
    assert is_advert("Sponsored · Shop: fish oil, 3 months for $19.99")
    assert is_advert("MUST READ: Propranolol for performance anxiety")
    assert not is_advert("It takes about a week of regular dosing to see the full effect.")


def test_read_text_levels_said_not_to_change_deny_the_interaction() -> None:
    for text, term in (
        ("Digoxin levels are not significantly affected by amlodipine.", "Digoxin"),
        ("Warfarin concentrations weren't altered in the study.", "Warfarin"),
    ):
        reading = read_text(text)
        start = text.index(term)
        assert not reading.asserted(start, start + len(term)), text


def test_read_text_hearsay_is_not_a_claim_but_a_doctors_word_is() -> None:
    hearsay = "I've read that lisinopril is a water tablet, is that true?"
    start = hearsay.index("water tablet")
    assert not read_text(hearsay).asserted(start, start + len("water tablet"))
    told = "My pharmacist said lisinopril can raise potassium."
    start = told.index("potassium")
    assert read_text(told).asserted(start, start + len("potassium"))


def test_read_text_a_reported_question_and_fine_with_state_no_interaction() -> None:
    assert _spans("A reader wanted to know if it mixes with naproxen.", "hypothetical")
    assert _spans("I wondered if it mixes with my inhaler.", "hypothetical")
    assert _spans("Antacids are generally fine with it.", "compatible")
    assert not _spans("Antacids are not safe with it.", "compatible")


def test_read_text_not_one_of_the_effects_and_counterfactuals_are_not_claims() -> None:
    for text, term in (
        ("Hair loss isn't one of the usual side effects of this tablet.", "Hair loss"),
        ("Constipation is not among the effects people report.", "Constipation"),
        ("If someone were to take it with tramadol, the risk would add up.", "tramadol"),
        ("You may have heard it was tried for tinnitus; it is not licensed for that.", "tinnitus"),
    ):
        start = text.index(term)
        assert not read_text(text).asserted(start, start + len(term)), text


def test_read_text_no_need_to_avoid_is_a_harmless_combination() -> None:
    assert _spans("There is no need to avoid dairy products with it.", "compatible")
    assert not _spans("Do not stop it suddenly.", "compatible")


def test_a_question_people_ask_and_an_unproven_report_are_no_claims() -> None:
    for text, term in (
        ("Parents often ask if it can calm a toddler's tantrums.", "tantrums"),
        ("Hair thinning has been described, but it has not been shown to be the drug.", "Hair"),
        ("Vivid dreams are blamed on it online but not proven.", "Vivid dreams"),
        ("It has not been proven to cause weight gain.", "weight gain"),
        ("There is no good evidence it causes tinnitus.", "tinnitus"),
    ):
        reading = read_text(text)
        start = text.index(term)
        assert not reading.asserted(start, start + len(term)), text


def test_a_medicine_the_doctor_adds_alongside_is_a_companion() -> None:
    assert _spans("Your GP might add it alongside sitagliptin.", "compatible")


def test_a_line_with_a_price_is_an_advert() -> None:
    assert is_advert("Omeprazole 20mg capsules (14) - £2.99")
    assert is_advert("Add to basket: $14.50")
    assert not is_advert("Take 20 mg once a day before breakfast.")


def test_read_text_wishes_suitability_and_restarting_are_read_for_what_they_are() -> None:
    assert _spans("Tell your GP what you want to avoid, such as weight gain.", "hypothetical")
    assert _spans("Codeine is a suitable painkiller to use with it.", "compatible")
    assert _spans("The pill can be restarted straight after taking it.", "compatible")
    assert _spans("I was told you can stop any steroid overnight.", "hypothetical")
    assert not _spans("You must avoid grapefruit juice.", "hypothetical")


def test_read_text_a_leaflet_that_does_not_forbid_drinking_is_compatible() -> None:
    assert _spans("As for alcohol, the leaflet doesn't say you can't drink.", "compatible")


def test_read_text_a_negation_inside_brackets_reaches_only_the_bracket() -> None:
    text = (
        "Call a doctor if you notice confusion (mostly in people whose kidneys don't work "
        "well) or a fast heartbeat."
    )
    reading = read_text(text, ("examplamide",))
    confusion = text.index("confusion")
    heartbeat = text.index("fast heartbeat")
    assert reading.asserted(confusion, confusion + 9)
    assert reading.asserted(heartbeat, heartbeat + 14)
    assert reading.within("negated", text.index("work"), text.index("work") + 4)


def test_read_text_a_liver_enzyme_is_no_liver_population() -> None:
    assert "hepatic" not in read_text("It is broken down by the liver enzyme CYP2C8.").populations
    assert "hepatic" in read_text("People with liver disease need a lower dose.").populations


def test_read_text_i_did_not_get_denies_what_follows() -> None:
    text = "I didn't get the tremor my brother had on another tablet."
    start = text.index("tremor")
    assert not read_text(text).asserted(start, start + 6)


def test_corrects_a_claim_reads_an_explicit_rebuttal_only() -> None:
    from medinfo.extract.reading import corrects_a_claim

    assert corrects_a_claim("@TomR, this is one where I'd disagree. It is not dangerous.")
    assert corrects_a_claim("That's a myth: you can drink a little.")
    assert not corrects_a_claim("I disagree with my doctor sometimes.")
    assert not corrects_a_claim("That is the usual dose.")


def test_read_text_what_someone_read_or_heard_is_hearsay() -> None:
    assert _spans("I read famotidine was used for COVID.", "hypothetical")
    assert _spans("We heard it can help with hot flushes.", "hypothetical")
    assert not _spans("I read the leaflet and it says to take it with food.", "hypothetical")
