"""Dose context: what the words around an amount say it is (starting, maximum, for children...)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from medinfo.extract.text_cache import per_text
from medinfo.knowledge.extract_rules import DoseCueRules
from medinfo.knowledge.loading import any_of, each_of, load

_CLAUSE_BREAK = re.compile(r"[;:,.()|]")
_ROUTE_AT_LEAST = 5
_ROUTE_OVER_ORAL = 2


@dataclass(frozen=True)
class Cue:
    """The nearest cue before an amount: its kind ("initial", "max"...) and where it stands."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class _Cues:
    cues: dict[str, re.Pattern[str]]
    daily: re.Pattern[str]
    single: re.Pattern[str]
    pediatric: re.Pattern[str]
    weight_based: re.Pattern[str]
    adult: re.Pattern[str]
    special: re.Pattern[str]
    special_headings: re.Pattern[str]
    hospital_only: re.Pattern[str]
    routes: dict[str, re.Pattern[str]]
    default_route: str
    oral_words: re.Pattern[str]
    skip_sections: frozenset[str]
    dosing_sections: frozenset[str]
    strength_after: re.Pattern[str]
    gradual: re.Pattern[str]
    initial_after: re.Pattern[str]
    unused_above: re.Pattern[str]
    not_the_dose: re.Pattern[str]
    max_after: re.Pattern[str]
    single_or_divided: re.Pattern[str]
    as_needed: re.Pattern[str]
    not_daily: re.Pattern[str]
    per_week: re.Pattern[str]
    divided_as: re.Pattern[str]
    person_condition: re.Pattern[str]
    varies: re.Pattern[str]
    anecdote: re.Pattern[str]
    study_report: re.Pattern[str]
    other_substance: re.Pattern[str]
    general_claim: re.Pattern[str]


@cache
def _rules() -> _Cues:
    raw = load(DoseCueRules)
    return _Cues(
        cues=each_of(raw.cues),
        daily=any_of(raw.daily_context),
        single=any_of(raw.single_context),
        pediatric=any_of(raw.pediatric),
        weight_based=any_of(raw.weight_based),
        adult=any_of(raw.adult),
        special=any_of(raw.special_population),
        special_headings=any_of(raw.special_headings),
        hospital_only=any_of(raw.hospital_only),
        routes=each_of(raw.routes),
        default_route=raw.default_route,
        oral_words=any_of(raw.oral_words),
        skip_sections=frozenset(raw.skip_sections),
        dosing_sections=frozenset(raw.dosing_sections),
        strength_after=any_of(raw.strength_after),
        gradual=any_of(raw.gradual),
        initial_after=any_of(raw.initial_after),
        unused_above=any_of(raw.unused_above),
        not_the_dose=any_of(raw.not_the_dose),
        max_after=any_of(raw.max_after),
        single_or_divided=any_of(raw.single_or_divided),
        as_needed=any_of(raw.as_needed),
        not_daily=any_of([*raw.not_daily, *raw.per_week]),
        per_week=any_of(raw.per_week),
        divided_as=any_of(raw.divided_as),
        person_condition=any_of(raw.person_condition),
        varies=any_of(raw.varies),
        anecdote=any_of(raw.anecdote),
        study_report=any_of(raw.study_report),
        other_substance=any_of(raw.other_substance),
        general_claim=any_of(raw.general_claim),
    )


def nearest_cue(window: str) -> Cue | None:
    """The cue that ends closest to the end of `window` (the longer one on a tie); a weak
    "usual" cue gives way to any other cue in the same clause ("the usual starting dose")."""
    best: Cue | None = None
    strong: Cue | None = None
    clause_start = len(window) - len(clause_tail(window, len(window)))
    for kind, pattern in _rules().cues.items():
        for match in pattern.finditer(window):
            cue = Cue(kind, match.start(), match.end())
            if best is None or (cue.end, -cue.start) > (best.end, -best.start):
                best = cue
            later = strong is None or (cue.end, -cue.start) > (strong.end, -strong.start)
            if kind != "usual" and cue.start >= clause_start and later:
                strong = cue
    if best is not None and best.kind == "usual" and strong is not None:
        return strong
    if best is not None and best.kind == "usual":
        # "the highest dose is": the weak cue is part of the stronger one's phrase
        joined = [c for c in _cues_in(window) if c.kind != "usual" and 0 <= best.start - c.end < 8]
        if joined:
            return joined[-1]
    return best


def _cues_in(window: str) -> list[Cue]:
    found = [
        Cue(kind, match.start(), match.end())
        for kind, pattern in _rules().cues.items()
        for match in pattern.finditer(window)
    ]
    return sorted(found, key=lambda cue: (cue.end, -cue.start))


def marks_initial_after(following: str) -> bool:
    """Whether the words after an amount make it a starting dose ("300 mg on day 1")."""
    return bool(_rules().initial_after.search(following))


def names_form(label: str) -> bool:
    """Whether a label names a dosage form ("Modified-release capsules")."""
    from medinfo.extract.terms import vocabulary  # the vocabulary is loaded on first use

    return bool(vocabulary("forms").find(label))


def says_unused_above(following: str) -> bool:
    """Whether "doses above X" go on to say they are not used: X is then a maximum."""
    return bool(_rules().unused_above.search(following))


def says_max_after(following: str) -> bool:
    """Whether the words after an amount call it the maximum ("400 mg a day is the usual
    ceiling", "..., which is the most an adult should take")."""
    return bool(_rules().max_after.search(following))


def offers_single_dose(following: str) -> bool:
    """Whether a daily amount may be taken all at once or divided ("80 mg a day, either as a
    single dose or split into 2 doses"): its division sets no most per dose."""
    return bool(_rules().single_or_divided.search(following))


def says_as_needed(following: str) -> bool:
    """Whether a dose is taken when needed rather than on a schedule ("as needed")."""
    return bool(_rules().as_needed.search(following))


def mentions_cue(text: str, kind: str) -> bool:
    """Whether `text` holds a cue of `kind` anywhere."""
    return bool(_rules().cues[kind].search(text))


def clause_tail(text: str, position: int) -> str:
    """The words between the last clause break before `position` and `position`."""
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, position))
    return text[breaks[-1].end() if breaks else 0 : position]


def clause_head(text: str, position: int) -> str:
    """The words from `position` up to the next clause break."""
    found = _CLAUSE_BREAK.search(text, position)
    return text[position : found.start() if found else len(text)]


# a relative clause about the amount just named ("4 g in total, which is the most you'd take")
_WHICH_CLAUSE = re.compile(
    r"[^.;,]{0,20},\s*(?:which\b|(?:and\s+)?(?:that|this)(?=['’]s\b|\s+is\b))[^.;,]*",
    re.IGNORECASE,
)


def amount_head(text: str, position: int) -> str:
    """The words after an amount that speak of it: its clause, or a relative clause about it
    that a comma sets off ("4 g in total, which is the most you'd take in a day", "2 mg a
    day, and that's the most you should take")."""
    found = _WHICH_CLAUSE.match(text, position)
    return found.group() if found else clause_head(text, position)


def is_for_children(context: str) -> bool:
    """Whether `context` is about children and not also about adults."""
    rules = _rules()
    child = rules.pediatric.search(context) or rules.weight_based.search(context)
    return bool(child) and not rules.adult.search(context)


def names_children(context: str) -> bool:
    """Whether `context` names children (not only a dose by body weight)."""
    return bool(_rules().pediatric.search(context))


def is_for_special_population(context: str) -> bool:
    """Whether `context` is about the elderly or people with kidney or liver disease."""
    return bool(_rules().special.search(context))


def is_hospital_only(clause: str) -> bool:
    """Whether a clause sets its amount in hospital ("in hospital up to 600 mg a day")."""
    return bool(_rules().hospital_only.search(clause))


def is_special_heading(heading: str) -> bool:
    """Whether a heading introduces doses for a special case (adjustments, other drugs, the
    elderly, kidney or liver disease) rather than the usual adult dose."""
    return bool(_rules().special_headings.search(heading) or _rules().special.search(heading))


def denies_the_dose(head: str) -> bool:
    """Whether the words after an amount deny that it is the dose ("40 mg on day one is NOT
    the standard")."""
    return bool(_rules().not_the_dose.search(head))


def is_other_period(context: str) -> bool:
    """Whether a maximum is bound to a period other than a day ("over one hour")."""
    return bool(_rules().not_daily.search(context))


def is_per_week(head: str) -> bool:
    """Whether the words after an amount bind it to a week or a month ("10 mg once a week"):
    a dose a day cannot say it, so it is left out rather than read as daily."""
    return bool(_rules().per_week.search(head))


def introduces_division(between: str) -> bool:
    """Whether the words between two amounts say the second divides (or restates) the
    first ("400 mg a day, given as 200 mg twice a day")."""
    return bool(_rules().divided_as.search(between))


def is_person_condition(text: str) -> bool:
    """Whether a statement opens with a condition on the person ("if you're of ...") or gives
    its dose for some situations only ("is advised in two situations")."""
    return bool(_rules().person_condition.search(text))


def says_dose_varies(text: str) -> bool:
    """Whether a statement says the dose varies from person to person ("it varies a lot"):
    its amounts are no one usual dose."""
    return bool(_rules().varies.search(text))


def of_other_substance(following: str) -> bool:
    """Whether the words after an amount make it an amount of something else ("15 g of fast
    sugar", "2 litres of water"), not a dose of the medicine."""
    return bool(_rules().other_substance.match(following))


def study_report_spans(text: str) -> list[tuple[int, int]]:
    """The clauses that report a dose studies tried ("a 3 g daily dose was studied but offered
    no clear advantage over 2 g"): research, not a dose to take."""
    spans = []
    for match in _rules().study_report.finditer(text):
        start = max(text.rfind(";", 0, match.start()), text.rfind(". ", 0, match.start())) + 1
        ends = [i for i in (text.find(";", match.end()), text.find(". ", match.end())) if i >= 0]
        spans.append((start, min(ends, default=len(text))))
    return spans


def is_anecdote(text: str) -> bool:
    """Whether a statement reports what someone was told about their own care ("my
    consultant said the max is ...") or takes themselves: a personal account, not the
    medicine's rule."""
    rules = _rules()
    return not rules.general_claim.search(text) and bool(rules.anecdote.search(text))


def says_daily(context: str) -> bool:
    """Whether `context` states a per-day amount ("daily", "a day", "total")."""
    return bool(_rules().daily.search(context))


def says_single(context: str) -> bool:
    """Whether `context` states a per-dose amount ("at one time", "single dose")."""
    return bool(_rules().single.search(context))


def is_strength(following: str) -> bool:
    """Whether the words after an amount make it a product strength ("10 mg tablets")."""
    return bool(_rules().strength_after.search(following))


def says_gradual(text: str) -> bool:
    """Whether `text` says a dose is changed gradually."""
    return bool(_rules().gradual.search(text))


@per_text
def route_of(*contexts: str) -> str:
    """The first non-oral route named in `contexts` (in order), else the default route."""
    for context in contexts:
        for route, pattern in _rules().routes.items():
            if pattern.search(context):
                return route
    return _rules().default_route


def dose_route(clause: str, *contexts: str) -> str:
    """The route of a dose: the one its own clause names ("1.5 g twice daily by mouth, and it
    can also be given by infusion" is oral), else the first non-oral route of `contexts`."""
    rules = _rules()
    for route, pattern in rules.routes.items():
        if pattern.search(clause):
            return route
    if rules.oral_words.search(clause):
        return rules.default_route
    return route_of(*contexts)


def document_route(texts: list[str]) -> str | None:
    """The route of a document about a medicine not taken by mouth: the non-oral route its
    texts name most, when it names it at least _ROUTE_AT_LEAST times and _ROUTE_OVER_ORAL
    times as often as words for taking a medicine by mouth (a pen's page may still mention
    "the pill"); None otherwise."""
    rules = _rules()
    oral = sum(len(rules.oral_words.findall(text)) for text in texts)
    counts = Counter(
        {
            route: sum(len(pattern.findall(text)) for text in texts)
            for route, pattern in rules.routes.items()
        }
    )
    route, named = counts.most_common(1)[0]
    return route if named >= _ROUTE_AT_LEAST and named >= _ROUTE_OVER_ORAL * oral else None


def is_skipped_section(section: str) -> bool:
    """Whether amounts in this section are never doses to report (overdose, strengths...)."""
    return section in _rules().skip_sections


def is_dosing_section(section: str) -> bool:
    """Whether an amount with no cue in this section is read as the usual dose."""
    return section in _rules().dosing_sections
