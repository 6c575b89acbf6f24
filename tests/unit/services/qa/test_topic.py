"""Tests for the helpers the composers share: effects named in a question, listing order."""

from __future__ import annotations

from medinfo.domain.monograph import Monograph, SideEffect
from medinfo.services.qa.intents import read_question
from medinfo.services.qa.topic import Topic, most_common_first, named_effects


def _effect(term: str, frequency: str | None = None, serious: bool = False) -> SideEffect:
    return SideEffect(term=term, frequency=frequency, serious=serious, sources=["s1"])


def _monograph() -> Monograph:
    return Monograph(
        drug="placidol",
        side_effects=[
            _effect("abnormal dreams"),
            _effect("nasal congestion", "4%"),
            _effect("headache", "16%"),
            _effect("hearing loss", serious=True),
            _effect("flushing", "common"),
        ],
    )


def test_most_common_first_orders_by_stated_frequency() -> None:
    terms = [e.term for e in most_common_first(_monograph().side_effects)]
    assert terms[:3] == ["headache", "flushing", "nasal congestion"]
    assert terms[-1] in {"abnormal dreams", "hearing loss"}


def test_named_effects_by_distinctive_word_and_whole_term() -> None:
    topic = Topic.of(read_question("placidol and my hearing?", drug_names=["placidol"]))
    assert [e.term for e in named_effects(_monograph(), topic)] == ["hearing loss"]
    assert named_effects(_monograph(), topic, whole=True) == []


def test_named_effects_ignore_generic_words() -> None:
    topic = Topic.of(read_question("placidol hair loss", drug_names=["placidol"]))
    assert named_effects(_monograph(), topic) == []


def test_named_effects_blood_alone_names_no_effect() -> None:
    """'blood' is in many effects ("low blood sugar", "blood clots"): a question about a blood
    test names none of them; the effect's own word still does."""
    monograph = Monograph(drug="placidol", side_effects=[_effect("low blood sugar")])
    test = Topic.of(read_question("placidol before a blood draw?", drug_names=["placidol"]))
    assert named_effects(monograph, test) == []
    sugar = Topic.of(read_question("placidol and my sugar levels", drug_names=["placidol"]))
    assert [e.term for e in named_effects(monograph, sugar)] == ["low blood sugar"]


def test_own_names_hold_the_acid_twin_of_the_generic() -> None:
    """ "valproic acid" in a question about valproate names the drug, not a second medicine."""
    from medinfo.services.qa.topic import own_names

    assert "valproic acid" in own_names(Monograph(drug="valproate", brand_names=["Epilim"]))


def test_what_a_procedure_is_on_is_not_a_named_effect() -> None:
    """ "flushing" is the effect; in "flushing procedure" it is what is done, not felt."""
    having = read_question("booked for a sinus flushing procedure", drug_names=["placidol"])
    assert named_effects(_monograph(), Topic.of(having)) == []
    felt = read_question("flushing after my surgery on placidol", drug_names=["placidol"])
    assert [e.term for e in named_effects(_monograph(), Topic.of(felt))] == ["flushing"]
