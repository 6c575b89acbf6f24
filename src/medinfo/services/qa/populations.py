"""Populations: a dose question about kidney or liver disease or older age, answered from that
group's facts only, never with the general adult figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.answers import Citation
from medinfo.domain.monograph import LimitAdvice, Monograph, PopulationLimit, RenalAdjustment
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import (
    Draft,
    describe_dose,
    format_amount,
    quote,
    sentence_case,
    source_titles,
)
from medinfo.services.qa.practical import asked_conditions, condition_names, precautions_about
from medinfo.services.qa.topic import Topic
from medinfo.services.qa.uses import source_on_use
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key

_OLDER_QUERY = ("older", "elderly", "aged", "years", "65", "70", "75", "80")
_AMOUNT = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?)\b")
# "kidney or liver problems": two conditions sharing their last word
_SHARED_HEAD = re.compile(
    r"\b([a-z]+) (or|and) ([a-z]+) (problems?|disease|impairment|failure|insufficiency|damage)\b"
)
# a dose given relative to the usual one: "cut by half", "halve it", "reduced by 25%"
_RELATIVE = re.compile(
    r"\bby (?:half|a half|a third|a quarter|two[- ]thirds|\d+ ?(?:%|per ?cent))"
    r"|\bhalve[ds]?\b|\bhalf (?:the|your|their|of the) (?:usual |normal |daily |total )*dose"
)
# "no dose adjustment is needed", "dosage adjustment ... is not necessary": the usual dose
_NO_CHANGE = re.compile(
    r"\bno (?:dose|dosage) (?:adjustment|change|reduction)s? "
    r"(?:is |are )?(?:needed|necessary|required)"
    r"|\b(?:dose|dosage) (?:adjustment|change|reduction)s?\b[^.;]{0,60}?\b(?:is|are) not "
    r"(?:needed|necessary|required)\b"
)
_CLEARANCE_ASKED = re.compile(
    r"\b(?:crcl|cr cl|clcr|e?gfr|creatinine clearance|kidney function)\D{0,12}?(\d{1,3})\b"
)
_CLEARANCE_RANGE = re.compile(r"(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})\s*ml ?/ ?min")
_CLEARANCE_BELOW = re.compile(r"(?:<|below|less than|under)\s*(\d{1,3})\s*ml ?/ ?min")
_CLEARANCE_ABOVE = re.compile(r"(?:>|≥|>=|above|over|more than|at least)\s*(\d{1,3})\s*ml ?/ ?min")
# a child's age band in a source: "6 to 17 years", "aged 12 and over", "under 18"
_AGE_BAND = re.compile(r"\b(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\s*(?:years?|yrs?)\b")
# "children aged 6 to 14": a band said with "aged" and no "years"
_AGED_BAND = re.compile(
    r"\b(?:aged|ages)\s+(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b(?!\s*(?:months?|weeks?|kg|mg))"
)
_AGE_FROM = re.compile(
    r"\b(\d{1,2})\s*(?:years?|yrs?)?(?: of age)?\s*(?:and (?:over|older|above)|or (?:over|older))"
)
_AGE_UNDER = re.compile(
    r"\b(?:under|younger than|below)(?: the age of)? (\d{1,2})\b(?! ?(?:kg|mg|%))"
)
_PER_WEIGHT = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?|milligrams?)\s*(?:/|per|a|for each)\s*"
    r"(?:kg|kilograms?|kilo)\b|\bper (?:kg|kilogram)\b"
)
_ADULTS = re.compile(r"\badults?\b|\bgrown-?ups?\b")
_AGE_BAND_WORDS = re.compile(r"\b\d{1,2}\s*(?:to|-|–)\s*\d{1,2}\s*years\b|\b(?:under|over) \d")
_PLAIN_SENTENCE = re.compile(r"[^.!?\n]+(?:\.(?=\d)[^.!?\n]*)*[.!?]?")
_WEIGHT_QUERY = ("kg", "kilogram", "weight", "dose")
_AGAINST = re.compile(r"\bnot (?:recommended|approved|indicated|given|for use|be used)\b")
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
    organ = _organ_named(topic.folded)
    if organ is not None:
        return organ
    older = _older_age()
    if older and older.search(topic.reading.question.lower()):
        return next((p for p in populations if populations[p] == "older adults"), None)
    return None


def _organ_named(folded: str) -> str | None:
    """The dose population whose organ a dose question names in words no condition synonym
    holds ("if my kidneys are bad", "liver is damaged", "renal"): a population named by a
    generic head ("kidney disease": "disease") is asked by its other word or that word's
    synonyms ("renal"), plural too."""
    vocabulary = load_vocabulary()
    words = set(folded.split())
    for population in vocabulary.dose_populations:
        names = population.split()
        organs = [word for word in names if word not in vocabulary.condition_generic_words]
        if len(organs) == len(names):
            continue  # "older adults": read by age, not by a word
        said = {s for word in organs for s in (word, *vocabulary.word_synonyms.get(word, ()))}
        if words & ({*said, *(f"{word}s" for word in said)}):
            return population
    return None


# The population of a dose rule each asked group is (monograph PopulationLimit.population),
# keyed as the vocabulary folds the group's name.
_LIMIT_POPULATION = {
    term_key(group): population
    for group, population in (
        ("kidney disease", "renal"),
        ("liver disease", "hepatic"),
        ("older adults", "older_adults"),
    )
}
_ADVICE_LINES = {
    LimitAdvice.AVOID: "The sources advise against {drug} for {group}.",
    LimitAdvice.REDUCE: "The sources say {group} may need a lower dose of {drug}.",
    LimitAdvice.CAUTION: "The sources advise care with {drug} for {group}.",
    LimitAdvice.NO_CHANGE: "The sources say {group} usually take the usual dose of {drug}.",
}


def _advice_lines(monograph: Monograph, population: str) -> list[tuple[PopulationLimit, str]]:
    """medinfo's line for each dose rule in words only that the sources give the group ("not
    usually recommended over 65"), with the rule it comes from."""
    wanted = _LIMIT_POPULATION.get(population)
    group = population_name(population)
    return [
        (limit, _ADVICE_LINES[limit.advice].format(drug=monograph.drug, group=_band(limit, group)))
        for limit in monograph.dosing.population_limits
        if limit.population == wanted
        and limit.advice in _ADVICE_LINES
        and limit.initial is None
        and limit.max_daily is None
    ]


def _dose_lines(
    monograph: Monograph, population: str, age: int | None, dialysis: bool
) -> list[tuple[PopulationLimit, str]]:
    """medinfo's line for each dose figure the sources give the group (a starting dose, a
    daily maximum), for the asker's age band when an age is given, and for people on
    dialysis only when the asker is."""
    wanted = _LIMIT_POPULATION.get(population)
    lines = []
    for limit in monograph.dosing.population_limits:
        if limit.population != wanted or limit.on_dialysis is not dialysis:
            continue
        if limit.kidney_below is not None or limit.kidney_at_least is not None:
            continue  # a kidney band is answered from its own sentence, with its range
        if age is not None and not (
            (limit.age_at_least is None or age >= limit.age_at_least)
            and (limit.age_below is None or age < limit.age_below)
        ):
            continue
        figures = (
            ("a starting dose of", limit.initial, False),
            ("a maximum of", limit.max_daily, True),
        )
        lines += [
            (
                limit,
                f"For {_people(limit, population)}, the sources give {what} "
                f"{describe_dose(spec, per_day=per_day)}.",
            )
            for what, spec, per_day in figures
            if spec is not None
        ]
    return lines


def _people(limit: PopulationLimit, population: str) -> str:
    """Who a limit is for, in words: "people on dialysis", "people aged 65 and over"."""
    if limit.on_dialysis:
        return "people on dialysis"
    if limit.criterion and (limit.age_at_least is not None or limit.age_below is not None):
        return "people " + re.sub(r"^age\b", "aged", limit.criterion)  # "age 65 and over"
    return population_name(population)


def _banded(limit: PopulationLimit) -> bool:
    """Whether a kidney rule holds for part of the group only (dialysis, a kidney band)."""
    return limit.on_dialysis or limit.kidney_below is not None


def _band(limit: PopulationLimit, group: str) -> str:
    """The narrower group a kidney rule is for ("people on dialysis"), else `group`."""
    if limit.on_dialysis:
        return "people on dialysis"
    if limit.kidney_below is not None:
        return f"people with kidney function below {format_amount(limit.kidney_below)} mL/min"
    return group


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


def distributed(text: str) -> str:
    """The text with a condition word shared by two organs written out for each: "kidney or
    liver problems" names "kidney problems" and "liver problems"."""
    return _SHARED_HEAD.sub(r"\1 \4 \2 \3 \4", text)


def group_names(population: str) -> list[str]:
    """Every name of a dose population ("kidney disease", "renal impairment", ...)."""
    key = term_key(population)  # "older adults" is kept folded as "older adult"
    return [name for name, preferred in condition_names().items() if preferred == key]


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


def asked_clearance(question: str) -> int | None:
    """The kidney function a question gives ("crcl 40", "my egfr is 35"), in mL/min."""
    found = _CLEARANCE_ASKED.search(question.lower())
    return int(found.group(1)) if found else None


def _fits_clearance(sentence: str, clearance: int) -> bool:
    """Whether a sentence (a table row) gives a kidney-function range holding `clearance`
    ("30 to 50 mL/min", "below 30 mL/min", "CLcr=30-49 mL/min")."""
    lowered = sentence.lower()
    for low, high in _CLEARANCE_RANGE.findall(lowered):
        if int(low) <= clearance <= int(high):
            return True
    below = any(clearance < int(limit) for limit in _CLEARANCE_BELOW.findall(lowered))
    above = any(clearance >= int(limit) for limit in _CLEARANCE_ABOVE.findall(lowered))
    return below or above


def _dose_sentence(
    monograph: Monograph,
    population: str,
    passages: PassageSearch | None,
    age: int | None,
    clearance: int | None = None,
) -> tuple[str, Citation] | None:
    """A source sentence giving a dose for the group (it names the group and a dose; for
    older adults an age limit the asker reaches, followed by a dose, names the group too, and
    the quote starts at that limit: what comes before it is about other people). With a
    kidney function given, a sentence or table row whose range holds it, with an amount,
    comes first."""
    names = group_names(population)
    older = population_name(population) == "older adults"
    if clearance is not None and population_name(population) == "people with kidney disease":
        query = " ".join([*names[:4], "ml", "min"])

        def in_range(sentence: str) -> bool:
            return _fits_clearance(sentence, clearance) and bool(_AMOUNT.search(sentence.lower()))

        found = source_on_use(monograph, query, passages, in_range)
        if found is not None:
            return found

    def named(sentence: str) -> bool:
        folded = distributed(term_key(sentence))
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
    clearance: int | None = None,
    dialysis: bool = False,
) -> PopulationDraft | None:
    """What the sources say about dosing for the group (`age`: the asker's, when given;
    `clearance`: the asker's kidney function in mL/min; `dialysis`: whether the asker is on
    dialysis); None when they say nothing."""
    draft = Draft()
    found = _dose_sentence(monograph, population, passages, age, clearance)
    figures = _dose_lines(monograph, population, age, dialysis)
    for limit, line in figures:
        draft.say(line, limit)
    gives_amount = bool(figures)
    if found is not None:
        sentence, citation = found
        gives_amount = gives_amount or bool(
            _AMOUNT.search(sentence) or _RELATIVE.search(sentence.lower())
        )
        title = source_titles(monograph, [citation.source])
        draft.say(f"For {population_name(population)}, {title} says: {quote(sentence)}")
        draft.add(citation)
    if population == "kidney disease":
        for adjustment in monograph.dosing.renal_adjustment:
            draft.say(_renal_line(adjustment), adjustment)
    for limit, line in _advice_lines(monograph, population):
        if line not in draft.sentences:
            draft.say(line, limit)
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
    # a rule of the whole group (not a dialysis or kidney-function band) saying the usual dose
    advice = {
        limit.advice for limit, _line in _advice_lines(monograph, population) if not _banded(limit)
    }
    unchanged = (found is not None and _NO_CHANGE.search(found[0].lower()) is not None) or (
        advice == {LimitAdvice.NO_CHANGE}
    )
    if unchanged and not gives_amount:  # "dose adjustment ... is not necessary": a dose answer
        return PopulationDraft(draft, gives_dose=True)
    if not (gives_amount or (monograph.dosing.renal_adjustment and population == "kidney disease")):
        return PopulationDraft(draft, gives_dose=False)  # care advised, but no dose for them
    draft.say(
        f"The sources give no separate dose figure beyond this for {population_name(population)}: "
        "the dose must come from the prescriber, who knows the person's condition."
    )
    return PopulationDraft(draft, gives_dose=True)


def _in_age_band(sentence: str, age: int) -> bool:
    """Whether a sentence names an age band holding a child's age ("children 6 to 17
    years", "aged 12 and over", "not for anyone under 18")."""
    lowered = sentence.lower()
    for low, high in [*_AGE_BAND.findall(lowered), *_AGED_BAND.findall(lowered)]:
        if int(low) <= age <= int(high):
            return True
    if any(age >= int(low) for low in _AGE_FROM.findall(lowered)):
        return True
    return any(age < int(limit) for limit in _AGE_UNDER.findall(lowered))


def names_an_amount(text: str) -> bool:
    """Whether a question names an amount of its own ("is 250mg right")."""
    return _AMOUNT.search(text.lower()) is not None


def _weight_dose(
    monograph: Monograph, passages: PassageSearch | None, age: int | None
) -> tuple[str, Citation] | None:
    """A dose by body weight ("1 mg to 2 mg per kilogram") that a source gives for children:
    in a sentence naming children, or in a paragraph that names them before it ("A child's
    dose depends on their weight. For an attack it is ..."); never one naming adults, one
    whose age band leaves the asker's child out, or one after a word against its use in
    children ("not recommended for children under 12")."""
    if passages is None:
        return None
    child_words = load_vocabulary().child_source_words
    for passage in passages.search(monograph.drug, " ".join([*child_words[:6], *_WEIGHT_QUERY])):
        text = passage.text
        for match in _PLAIN_SENTENCE.finditer(text):
            sentence = " ".join(match.group().split())
            lowered = sentence.lower()
            if not _PER_WEIGHT.search(lowered) or _ADULTS.search(lowered):
                continue
            before = text[: match.start()].lower()
            if not any(word in lowered or word in before for word in child_words):
                continue
            if _AGAINST.search(before) or _AGAINST.search(lowered):
                continue  # "not recommended for children under 12. The dose is 1 mg/kg"
            if age is not None and any(age < int(limit) for limit in _AGE_UNDER.findall(before)):
                continue
            if (
                age is not None
                and _AGE_BAND_WORDS.search(lowered)
                and not _in_age_band(lowered, age)
            ):
                continue
            start = passage.start + match.start() + len(match.group()) - len(match.group().lstrip())
            citation = Citation(
                source=passage.source,
                start=start,
                end=passage.start + match.end(),
                section=passage.section,
            )
            return sentence, citation
    return None


def child_dose_draft(
    monograph: Monograph, passages: PassageSearch | None, age: int | None, checks_amount: bool
) -> Draft | None:
    """What a source says of the dose for children of the asker's child's age: a sentence or
    table row naming children (or years of age) in a band holding that age, with an amount
    or a word against it ("not recommended under 18"); else a dose by body weight the source
    gives for children (`_weight_dose`); None when no sentence fits. A band for another age
    is never quoted, nor a dose by weight when the question `checks_amount` ("is 250mg
    right for my 5 yr old"): without the child's weight it confirms nothing."""
    child_words = load_vocabulary().child_source_words

    def fits(sentence: str) -> bool:
        lowered = sentence.lower()
        about_children = any(word in lowered for word in child_words) or "years" in lowered
        says = bool(_AMOUNT.search(lowered)) or _AGAINST.search(lowered) is not None
        by_weight = checks_amount and _PER_WEIGHT.search(lowered) is not None
        in_band = age is not None and _in_age_band(lowered, age)
        return about_children and says and in_band and not by_weight

    query = " ".join([*child_words[:6], "years", "age"])
    found = source_on_use(monograph, query, passages, fits) if age is not None else None
    if found is None and age is not None and not checks_amount:
        stated = _child_limit_draft(monograph, age)  # no sentence fits, but the facts hold a band
        if stated is not None:
            return stated
    if found is None and not checks_amount:
        found = _weight_dose(monograph, passages, age)
    if found is None:
        return None
    sentence, citation = found
    draft = Draft()
    title = source_titles(monograph, [citation.source])
    who = f"a child aged {age}" if age is not None else "a child"
    draft.say(f"For {who}, {title} says: {quote(sentence)}")
    draft.add(citation)
    draft.say(
        "A child's dose must come from their doctor or a pharmacist, who knows their weight "
        "and health; never work it out from an adult dose."
    )
    return draft


_CHILD_AGE_LIMIT = 19  # the highest "under N years" a child's band may have


def _child_limit_draft(monograph: Monograph, age: int) -> Draft | None:
    """The dose the sources give children of an age band holding `age` (a population limit
    with its band and a starting or maximum dose), cited; None when no band holds the age."""
    for limit in monograph.dosing.population_limits:
        if limit.population != "children" or limit.age_at_least is None:
            continue
        if limit.age_below is None or limit.age_below > _CHILD_AGE_LIMIT:
            continue  # a band reaching into adulthood is no child's band
        if age < limit.age_at_least or (limit.age_below is not None and age >= limit.age_below):
            continue
        parts = []
        if limit.initial is not None:
            parts.append(f"a starting dose of {describe_dose(limit.initial)}")
        if limit.max_daily is not None:
            parts.append(f"at most {describe_dose(limit.max_daily, per_day=True)}")
        if not parts:
            continue
        draft = Draft()
        band = f" ({limit.criterion})" if limit.criterion else ""
        draft.say(f"For a child aged {age}{band}, the sources give {' and '.join(parts)}.", limit)
        draft.say(
            "A child's dose must come from their doctor or a pharmacist, who knows their weight "
            "and health; never work it out from an adult dose."
        )
        return draft
    return None
