"""Answers composed from facts: cited spans, exact figures, flags and group interactions."""

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Monograph
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.intents import read_question
from medinfo.services.qa.phrasing import Draft


def _compose(monograph: Monograph, question: str) -> Draft:
    draft = compose_answer(monograph, read_question(question))
    assert draft is not None
    return draft


def test_compose_cites_the_evidence_of_each_fact_used(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "what dose do i start tizanidine at")
    initial, max_daily = tizanidine.dosing.initial, tizanidine.dosing.max_daily
    assert initial is not None
    assert max_daily is not None
    expected = [
        Citation(source=e.source, start=e.start, end=e.end, section=e.section)
        for e in [*initial.evidence, *max_daily.evidence]
    ]
    assert draft.citations[:2] == expected
    assert "36 mg a day" in draft.text()


def test_compose_names_the_asked_symptom(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "is it normal to feel dizzy on this")
    assert draft.sentences[0] == "Yes: dizziness is a known side effect of tizanidine."


def test_compose_says_when_a_symptom_is_not_listed(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "does it cause headaches")
    assert "do not list headache" in draft.text()


def test_compose_marks_claims_of_a_weak_source(sertraline: Monograph) -> None:
    draft = _compose(sertraline, "does zoloft make you gain weight")
    assert "weight gain is stated only by a less reliable source" in draft.text()


def test_compose_flags_retired_pregnancy_letter(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "can i take this while pregnant")
    assert "category C" in draft.text()
    assert "retired" in draft.text()


def test_compose_reaches_an_interaction_through_its_group(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "ok to take with my oxycodone?")
    assert "opioids (such as oxycodone): extra sedation" in draft.text()


def test_compose_does_not_call_an_unlisted_combination_safe(sertraline: Monograph) -> None:
    text = _compose(sertraline, "can i take zoloft with gabapentin").text()
    assert "do not list an interaction between sertraline and gabapentin" in text
    assert "does not prove the combination is safe" in text


def test_compose_says_a_contraindicated_combination_is_one(tizanidine: Monograph) -> None:
    text = _compose(tizanidine, "can i mix it with cipro").text()
    assert "contraindicated: do not take tizanidine with ciprofloxacin" in text


def test_compose_quotes_a_faq_answer_for_driving(tizanidine: Monograph) -> None:
    draft = _compose(tizanidine, "can i drive on it")
    assert "One source answers this" in draft.text()
    assert any(c.source == "tz2" and c.start == 720 for c in draft.citations)


def test_compose_returns_none_without_facts(sertraline: Monograph) -> None:
    assert compose_answer(sertraline, read_question("forgot a dose")) is None


def test_compose_indication_says_a_prevention_lowers_a_risk() -> None:
    from medinfo.domain.monograph import Indication, Monograph
    from medinfo.services.qa import InMemoryMonographs, answer_question

    monograph = Monograph(
        drug="placidol",
        indications=[
            Indication(condition="high cholesterol", sources=["s1"]),
            Indication(condition="heart attack", prevention=True, sources=["s1"]),
        ],
    )
    answer = answer_question("what is placidol for", InMemoryMonographs([monograph]))
    assert "used to treat high cholesterol" in answer.answer
    assert "lower the risk of heart attack" in answer.answer
    assert "treat high cholesterol and heart attack" not in answer.answer


def test_compose_warns_about_serious_interactions(tizanidine: Monograph) -> None:
    text = _compose(tizanidine, "can i take it with alcohol, do they interact").text()
    assert "serious interaction" in text or "Avoid alcohol" in text


def test_compose_matches_a_listed_agent_by_its_own_word(tizanidine: Monograph) -> None:
    """'my iron pills' names the listed 'iron supplements' by its word 'iron'; a word that only
    says what kind of product it is ('supplements') names nothing."""
    from medinfo.domain.monograph import Interaction

    listed = tizanidine.model_copy(
        update={"interactions": [Interaction(agent="iron supplements", sources=["tz1"])]}
    )
    assert "iron supplements" in _compose(listed, "can i take it with my iron pills").text()
    text = _compose(listed, "can i take it with fish oil supplements").text()
    assert "can interact with iron supplements" not in text


def test_compose_says_what_the_sources_deny_and_never_denies_a_warning(
    tizanidine: Monograph,
) -> None:
    from medinfo.domain.monograph import NO_INTERACTION, Interaction

    said = "The sources say paracetamol is not expected to interact with tizanidine."
    denial = Interaction(agent="paracetamol", effect=said, severity=NO_INTERACTION, sources=["t"])
    quiet = tizanidine.model_copy(update={"no_interactions": [denial]})
    draft = _compose(quiet, "is paracetamol ok with tizanidine")
    assert said in draft.sentences
    assert "do not list an interaction between tizanidine and paracetamol" not in draft.text()
    # alcohol said not to interact, but a listed warning about it wins
    drink = Interaction(agent="alcohol", severity=NO_INTERACTION, sources=["t"])
    both = tizanidine.model_copy(update={"no_interactions": [drink]})
    assert "does not interact" not in _compose(both, "can i drink alcohol on it").text()
    alone = both.model_copy(update={"interactions": [], "precautions": []})
    text = _compose(alone, "can i drink alcohol on it").text()
    assert "alcohol does not interact with tizanidine" in text


def test_compose_stopping_invents_no_taper_the_sources_never_ask_for() -> None:
    from medinfo.domain.monograph import Stopping

    safe = Monograph(
        drug="famotidine",
        stopping=Stopping(
            abrupt_stop_risk=False, summary="Stopping it causes no withdrawal.", sources=["s"]
        ),
    )
    text = _compose(safe, "can i just stop famotidine").text()
    assert "taper" not in text
    assert "gradual" not in text
    assert "prescriber" in text
