"""A form a question asks about that none of the drug's forms is ("diltiazem cream" of tablets)."""

from __future__ import annotations

from functools import cache

from medinfo.domain.monograph import Monograph
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import Forms
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key


@cache
def _form_names() -> dict[str, str]:
    """Every folded name of a distinct form (`distinct_forms` in qa/terms.json) -> its term."""
    distinct = set(load_vocabulary().distinct_forms)
    names: dict[str, str] = {}
    for entry in load(Forms).terms:
        if term_key(entry.term) in distinct:
            for name in (entry.term, *entry.synonyms):
                names.setdefault(term_key(name), entry.term)
    return names


def unheld_form(monograph: Monograph, folded_question: str) -> str | None:
    """The distinct form a folded question names that none of the monograph's forms is; None
    when it names none, or when the monograph lists no forms (nothing is known either way)."""
    if not monograph.forms:
        return None
    forms = [term_key(form) for form in monograph.forms]
    for name, term in _form_names().items():
        head = term_key(term).split()[-1]  # "vaginal cream" is a cream
        if contains_phrase(folded_question, name) and not any(
            contains_phrase(form, head) for form in forms
        ):
            return term
    return None
