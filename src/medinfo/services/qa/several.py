"""Several questions in one: each clause that asks something else is answered too."""

from __future__ import annotations

from medinfo.domain.monograph import Monograph
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.drug_mentions import MonographLookup
from medinfo.services.qa.intents import Reading, clauses, read_question
from medinfo.services.qa.own_condition import EFFECTS, asks_with_own_condition
from medinfo.services.qa.pairs import with_catalog_medicine
from medinfo.services.qa.phrasing import Draft

_STRONG = 3.0  # a clause's own intent score from which it counts as another question
_MAX_ASKED = 2  # questions answered in one, at most


def answer_other_clauses(
    draft: Draft | None,
    monograph: Monograph,
    reading: Reading,
    names: list[str],
    monographs: MonographLookup,
) -> Draft | None:
    """The draft with the other questions asked in one answered too ("dose for afib? and
    can i have wine with it"): each clause whose own reading is another intent, found by a
    strong cue, adds the answer composed for it."""
    answered = {reading.intent}
    for clause in clauses(reading.question):
        if len(answered) > _MAX_ASKED:
            break
        other = read_question(clause, drug_names=names)
        other = with_catalog_medicine(other, monograph, monographs)
        if other.intent in answered or other.score < _STRONG or other.concerns:
            continue
        if other.intent in EFFECTS and asks_with_own_condition(reading):
            continue  # "i used to get migraines, can i take it": the asker's history
        answered.add(other.intent)
        extra = compose_answer(monograph, other)
        if extra is None:
            continue
        draft = draft or Draft()
        draft.sentences.extend(s for s in extra.sentences if s not in draft.sentences)
        draft.add(*extra.citations)
    return draft
