"""Populations: a dose question about kidney or liver disease or older age, answered from that
group's facts only, never with the general adult figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import Monograph, RenalAdjustment
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft, format_amount, quote, sentence_case, source_titles
from medinfo.services.qa.practical import asked_conditions, condition_names, precautions_about
from medinfo.services.qa.topic import Topic
from medinfo.services.qa.uses import source_on_use
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key

_OLDER_QUERY = ("older", "elderly", "aged", "years", "65", "70", "75", "80")
_AMOUNT = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?)\b")
# "no dose adjustment is needed", "dosage adjustment ... is not necessary": the usual dose
_NO_CHANGE = re.compile(
    r"\bno (?:dose|dosage) (?:adjustment|change|reduction)s? "
    r"(?:is |are )?(?:needed|necessary|required)"
    r"|\b(?:dose|dosage) (?:adjustment|change|reduction)s?\b[^.;]{0,60}?\b(?:is|are) not "
    r"(?:needed|necessary|required)\b"
)
_DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?)\b|\bdos(?:e|age)\b")


@cache
def _older_age() -> re.Pattern[str] | None:
    pattern = load_vocabulary().older_age_pattern
    return re.compile(pattern) if pattern else None


def asked_population(topic: Topic) -> str | None:
    """The dose population ("kidney disease", "older adults") a question is about, if any."""
    populations = load_vocabulary().dose_populations
    for condition in sorted(asked_conditions(topic.folded)):
        if condition in populations:
            return condition
    older = _older_age()
    if older and older.search(topic.reading.question.lower()):
        return next((p for p in populations if populations[p] == "older adults"), None)
    return None


def population_name(population: str) -> str:
    """How the answer names the group ("people with kidney disease")."""
    return load_vocabulary().dose_populations.get(population, population)


def _renal_line(adjustment: RenalAdjustment) -> str:
    parts = []
    if adjustment.egfr_below is not None:
        parts.append(f"kidney function (eGFR) below {format_amount(adjustment.egfr_below)}")
    if adjustment.egfr_at_least is not None:
        parts.append(f"eGFR of at least {format_amount(adjustment.egfr_at_least)}")
    who = f"With {' and '.join(parts)}" if parts else "With reduced kidney function"
    limit = (
        f" at most {format_amount(adjustment.max_daily_mg)} mg a day"
        if adjustment.max_daily_mg is not None
        else ""
    )
    advice = f": {adjustment.advice.rstrip('.')}" if adjustment.advice else ""
    if not limit and not advice:
        return f"{who}, the sources say the dose may need to be lowered."
    return f"{who}, the sources give{limit}{advice}."


def group_names(population: str) -> list[str]:
    """Every name of a dose population ("kidney disease", "renal impairment", ...)."""
    return [name for name, preferred in condition_names().items() if preferred == population]


@cache
def _older_limit() -> re.Pattern[str] | None:
    pattern = load_vocabulary().older_age_source_pattern
    return re.compile(pattern) if pattern else None


def asked_age(question: str) -> int | None:
    """The age of 65 or more a question gives ("im 82", "my 70 year old dad"), if any."""
    older = _older_age()
    found = older.search(question.lower()) if older else None
    digits = re.search(r"\d+", found.group()) if found else None
    return int(digits.group()) if digits else None


def _older_age_at(sentence: str, age: int | None) -> int | None:
    """Where the part of a source sentence about people of an age the asker reaches (a limit
    of 65 or more) starts, when that part holds their dose; None when it does not."""
    limit = _older_limit()
    lowered = sentence.lower()
    # A plain sentence with one amount ("start with 25 mg in patients > 65 years") may give it
    # first; in a table row or beside other amounts only a dose after the limit is the group's.
    plain = "|" not in lowered and len(_AMOUNT.findall(lowered)) == 1
    for found in limit.finditer(lowered) if limit else ():
        threshold = int(found.group("age") or found.group("from"))
        if age is not None and threshold > age:
            continue
        if plain:
            return 0
        if _AMOUNT.search(lowered, found.end()):
            return found.start()
    return None


def _dose_sentence(
    monograph: Monograph, population: str, passages: PassageSearch | None, age: int | None
) -> tuple[str, Citation] | None:
    """A source sentence giving a dose for the group (it names the group and a dose; for
    older adults an age limit the asker reaches, followed by a dose, names the group too, and
    the quote starts at that limit: what comes before it is about other people)."""
    names = group_names(population)
    older = population_name(population) == "older adults"

    def named(sentence: str) -> bool:
        folded = term_key(sentence)
        return any(contains_phrase(folded, name) for name in names)

    def about_group_dose(sentence: str) -> bool:
        if named(sentence):
            return bool(_DOSE.search(sentence.lower()))
        return older and _older_age_at(sentence, age) is not None

    query = " ".join([*names[:4], *(_OLDER_QUERY if older else ())])
    found = source_on_use(monograph, query, passages, about_group_dose)
    if found is None or named(found[0]):
        return found
    sentence, citation = found
    start = _older_age_at(sentence, age) or 0
    return ("… " if start else "") + sentence[start:], citation


@dataclass(frozen=True)
class PopulationDraft:
    """What the sources say about a group's dosing, and whether it states a dose for them
    (an amount or a kidney-function adjustment) or only that they need care."""

    draft: Draft
    gives_dose: bool


def population_draft(
    monograph: Monograph,
    population: str,
    passages: PassageSearch | None = None,
    age: int | None = None,
) -> PopulationDraft | None:
    """What the sources say about dosing for the group (`age`: the asker's, when given);
    None when they say nothing."""
    draft = Draft()
    found = _dose_sentence(monograph, population, passages, age)
    gives_amount = False
    if found is not None:
        sentence, citation = found
        gives_amount = bool(_AMOUNT.search(sentence))
        title = source_titles(monograph, [citation.source])
        draft.say(f"For {population_name(population)}, {title} says: {quote(sentence)}")
        draft.add(citation)
    if population == "kidney disease":
        for adjustment in monograph.dosing.renal_adjustment:
            draft.say(_renal_line(adjustment), adjustment)
    for caution in precautions_about(monograph, population):
        line = (
            sentence_case(caution.advice)
            if caution.advice
            else (
                f"The sources advise care with {monograph.drug} for {population_name(population)}."
            )
        )
        if line not in draft.sentences:
            draft.say(line, caution)
    if not draft.sentences:
        return None
    unchanged = found is not None and _NO_CHANGE.search(found[0].lower()) is not None
    if unchanged and not gives_amount:  # "dose adjustment ... is not necessary": a dose answer
        return PopulationDraft(draft, gives_dose=True)
    if not (gives_amount or (monograph.dosing.renal_adjustment and population == "kidney disease")):
        return PopulationDraft(draft, gives_dose=False)  # care advised, but no dose for them
    draft.say(
        f"The sources give no separate dose figure beyond this for {population_name(population)}: "
        "the dose must come from the prescriber, who knows the person's condition."
    )
    return PopulationDraft(draft, gives_dose=True)
