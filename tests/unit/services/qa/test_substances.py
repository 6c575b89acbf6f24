"""An interaction question naming a substance no source or vocabulary knows is declined."""

from __future__ import annotations

from medinfo.domain.answers import Intent
from medinfo.services.qa import InMemoryMonographs, answer_question
from medinfo.services.qa.intents import read_question
from medinfo.services.qa.substances import unnamed_substance


def test_the_substance_joined_by_and_or_with_is_read_with_its_form(
    lookup: InMemoryMonographs,
) -> None:
    monograph = lookup.get("sertraline")
    assert monograph is not None
    reading = read_question("zoloft and ashwagandha gummies together?")
    assert unnamed_substance(reading, monograph) == "ashwagandha gummies"
    kind = read_question("is zoloft ok with my allergy pills")
    assert unnamed_substance(kind, monograph) is None
    plain = read_question("what does zoloft interact with")
    assert unnamed_substance(plain, monograph) is None


def test_an_unlisted_supplement_is_declined_not_answered_with_the_list(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("can i take zanaflex with valerian root", lookup)
    assert answer.intent is Intent.INTERACTION
    assert not answer.answerable
    assert "do not list an interaction between tizanidine and valerian" in answer.answer
    assert "pharmacist" in answer.answer


def test_a_listed_agent_is_still_answered(lookup: InMemoryMonographs) -> None:
    answer = answer_question("can i take zanaflex with ciprofloxacin", lookup)
    assert answer.answerable
    assert "contraindicated" in answer.answer


def test_the_substance_taken_while_on_the_drug_is_read_too(lookup: InMemoryMonographs) -> None:
    """ "can i have X while on <drug>" names X before the drug, not after "and"/"with"."""
    monograph = lookup.get("sertraline")
    assert monograph is not None
    jab = read_question("can i get my shingles vaccine while on zoloft")
    assert unnamed_substance(jab, monograph) == "shingles vaccine"
    herb = read_question("is it ok to take kratom on sertraline")
    assert unnamed_substance(herb, monograph) == "kratom"
    answer = answer_question("can i have my tetanus jab while on zanaflex", lookup)
    assert not answer.answerable
    assert "do not list an interaction between tizanidine and tetanus jab" in answer.answer
