"""A form a question asks about that none of the drug's forms is ("diltiazem cream" of tablets)."""

from __future__ import annotations

from functools import cache

from medinfo.domain.monograph import DoseSpec, Monograph
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


_DOSE_FIELDS = ("initial", "max_daily", "max_single")


def _asked_route(monograph: Monograph, folded_question: str) -> tuple[str, frozenset[str]] | None:
    """The way of taking the drug a folded question names ("puffs", "inject", "tablets") or
    the brand it names sells, with the dose routes that are that way; None when it names none."""
    branded = _brand_routes(monograph.drug, folded_question)
    for name, (words, route_names) in load_vocabulary().asked_routes.items():
        if any(contains_phrase(folded_question, word) for word in words) or branded & route_names:
            return name, frozenset(route_names)
    return None


def _asked_beside_doses(
    monograph: Monograph, folded_question: str
) -> tuple[set[str | None], tuple[str, frozenset[str]] | None]:
    """The routes of the monograph's doses, and the way of taking it the question names
    (none asked of when no dose is held or a dose's route is unknown)."""
    routes = {spec.route for spec in _held_doses(monograph).values()}
    known = bool(routes) and None not in routes
    return routes, _asked_route(monograph, folded_question) if known else None


def _held_doses(monograph: Monograph) -> dict[str, DoseSpec]:
    """The monograph's dose fields that hold a dose, by field name."""
    held = {name: getattr(monograph.dosing, name) for name in _DOSE_FIELDS}
    return {name: spec for name, spec in held.items() if spec is not None}


def unheld_route(monograph: Monograph, folded_question: str) -> str | None:
    """The way of taking the drug a folded question names ("inject", "tablets") for which
    the monograph holds no dose while every dose it holds is for another route; None when
    the question names none, or when a dose's route is unknown."""
    routes, asked = _asked_beside_doses(monograph, folded_question)
    return asked[0] if asked is not None and not routes & asked[1] else None


def other_route_asked(monograph: Monograph, folded_question: str) -> str | None:
    """The way of taking the drug a folded question names ("the patch") when some of the
    monograph's doses are for another route: directions held for those (tablets at bedtime)
    may not be the ones for the way asked. None when it names none or all doses are for it."""
    routes, asked = _asked_beside_doses(monograph, folded_question)
    return asked[0] if asked is not None and routes - asked[1] else None


def doses_of_asked_route(monograph: Monograph, folded_question: str) -> Monograph:
    """The monograph with only the doses of the route the question names, when it holds some
    for that route and some for another ("how many puffs" of a drug with inhaler and tablet
    doses: never the tablets' figure); the monograph itself otherwise."""
    held = _held_doses(monograph)
    asked = _asked_route(monograph, folded_question) if held else None
    if asked is None or not any(spec.route in asked[1] for spec in held.values()):
        return monograph
    other = {name: None for name, spec in held.items() if spec.route not in asked[1]}
    if not other:
        return monograph
    return monograph.model_copy(update={"dosing": monograph.dosing.model_copy(update=other)})


def _brand_routes(drug: str, folded_question: str) -> set[str]:
    """The routes of the catalog products whose brand the question names ("ozempic": the
    subcutaneous injection), when every product of that brand has one route."""
    from medinfo.services.catalog import load_catalog

    catalog = load_catalog()
    key = catalog.resolve(drug, fuzzy=False)
    entry = catalog.get(key) if key else None
    generic = term_key(drug)
    by_brand: dict[str, set[str]] = {}
    for product in entry.products if entry else ():
        brand = term_key(product.brand)
        if not contains_phrase(brand, generic):  # "Hydroxyzine HCl" is a generic product
            by_brand.setdefault(brand, set()).add(product.route.lower())
    named = [found for brand, found in by_brand.items() if contains_phrase(folded_question, brand)]
    return set().union(*(found for found in named if len(found) == 1))


def route_words(route: str) -> tuple[str, ...]:
    """The words a source or a question names the route `route` with ("inject", "jab")."""
    return load_vocabulary().asked_routes[route][0]
