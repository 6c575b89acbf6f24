"""Population limits: dose rules for kidney or liver impairment, older adults and children."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from medinfo.domain.documents import BlockKind
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.monograph import LimitAdvice, Population
from medinfo.extract.dose_grammar import find_dose_mentions
from medinfo.extract.doses import LAB_UNITS, Reading, read_statement
from medinfo.extract.drug_names import find_drug_mentions
from medinfo.extract.reading import Polarity, population_spans, read_text, refers_back
from medinfo.extract.renal import read_band
from medinfo.extract.sections import Section
from medinfo.extract.statements import Statement
from medinfo.extract.stopping import names_stopping, read_stopping
from medinfo.extract.table_columns import with_column_headings
from medinfo.extract.text_cache import KEPT_TEXTS, Kept
from medinfo.knowledge.extract_rules import PopulationRules
from medinfo.knowledge.loading import any_of, load

_CRCL = re.compile(r"\bcr\s*cl\b|\bcl\s*cr\b|\b(?:creatinine|kidney)?\s*clearance\b", re.IGNORECASE)
# adults named as people ("adults with kidney disease"), not "the usual adult dose"
_ADULTS = re.compile(r"(?<!older )\badults?\b(?!\s+dos)", re.IGNORECASE)
# where a sentence naming several populations turns to the next ("..., and it should not
# be used at all if ...", "; ...", ", but ...")
_CLAUSES = re.compile(
    r";|,\s*(?:and|or|but)\s+(?=(?:it|they|this|these|the\s+dose|doses?|you|in|if|when)\b)",
    re.IGNORECASE,
)
_AGED = frozenset({Population.CHILDREN, Population.OLDER_ADULTS})
_QUIET = frozenset({Section.SIDE_EFFECTS, Section.OVERDOSE, Section.STORAGE, Section.DISCLAIMER})
_DOSE_ROLES = {"initial": "initial", "usual": "initial", "max_daily": "max_daily"}


@dataclass(frozen=True)
class _Rules:
    dosing_words: re.Pattern[str]
    advice: dict[str, re.Pattern[str]]
    age_between: re.Pattern[str]
    age_below: re.Pattern[str]
    age_at_least: re.Pattern[str]
    dialysis: re.Pattern[str]
    dose_changes: re.Pattern[str]
    study_report: re.Pattern[str] | None
    kidney_grades: dict[str, tuple[float | None, float | None]]


@cache
def _rules() -> _Rules:
    raw = load(PopulationRules)
    advice = raw.advice
    return _Rules(
        dosing_words=any_of(raw.dosing_words),
        advice={
            LimitAdvice.AVOID.value: any_of(advice.avoid),
            LimitAdvice.REDUCE.value: any_of(advice.reduce),
            LimitAdvice.BY_WEIGHT.value: any_of(advice.by_weight),
            LimitAdvice.CAUTION.value: any_of(advice.caution),
        },
        age_between=any_of([raw.age_between]),
        age_below=any_of([raw.age_below]),
        age_at_least=any_of([raw.age_at_least]),
        dialysis=any_of(raw.dialysis),
        dose_changes=any_of(raw.dose_changes),
        study_report=any_of(raw.study_report) if raw.study_report else None,
        kidney_grades=dict(raw.kidney_grades),
    )


# "because kidneys and liver work less well with age": why, not whom, a rule is for
_REASON = re.compile(
    r"(?:[,;]\s*|(?<!\bjust)(?<!\bsimply)(?<!\bonly)\s+)(?:because|since)\b[^.;]*", re.IGNORECASE
)


def population_of(statement: Statement) -> Population | None:
    """The one population a statement gives a rule for: named in its text, else in its
    heading; None when it names none or several."""
    for text in (_REASON.sub("", statement.text), statement.block.heading):
        named = {p for p in Population if p.value in read_text(text).populations}
        if len(named) == 1:
            return named.pop()
        if named:
            return None
    return None


def _age_band(text: str) -> dict[str, Scalar]:
    rules = _rules()
    between = rules.age_between.search(text)
    if between:
        return {"age_at_least": float(between["low"]), "age_below": float(between["high"]) + 1}
    below = rules.age_below.search(text)
    if below:
        return {"age_below": float(below["value"])}
    at_least = rules.age_at_least.search(text)
    if at_least:
        value = at_least["value"] or at_least["value2"] or at_least["value3"]
        return {"age_at_least": float(value)}
    return {}


_KIDNEY_WORD = re.compile(r"\b(?:kidney|renal)s?\b", re.IGNORECASE)
_GRADED = re.compile(
    r"(?<!\bless\s)(?<!\bmore\s)(?<!\bmost\s)(?<!\bleast\s)\b(?P<first>mild|moderate|severe)(?:(?:\s*(?:to|or|and|-|–)\s*|\s*,\s*)(?P<second>mild|moderate|severe)"
    r")?\s+(?:(?:chronic|long-term)\s+)?(?:kidney|renal)\b",
    re.IGNORECASE,
)


def _graded_band(text: str) -> tuple[float | None, float | None] | None:
    """The band a grade word names ("severe kidney failure": below 30 mL/min), when the text
    speaks of the kidneys once ("avoided in severe kidney disease; in milder kidney problems
    a lower dose" gives two rules, not one band)."""
    found = _GRADED.search(text)
    grades = _rules().kidney_grades
    if found is None or len(_KIDNEY_WORD.findall(text)) > 1:
        return None
    words = [word.lower() for word in found.group("first", "second") if word]
    if any(word not in grades for word in words):
        return None  # "mild" names no band the checks tell apart from normal function
    named = [grades[word] for word in words]
    lows, highs = [low for low, _ in named], [high for _, high in named]
    low = None if None in lows else min(low for low in lows if low is not None)
    high = None if None in highs else max(high for high in highs if high is not None)
    return low, high


def _kidney_band(text: str) -> dict[str, Scalar]:
    attributes: dict[str, Scalar] = {}
    dialysis = _rules().dialysis.search(text)
    if dialysis and not _NOT_ON.search(text, 0, dialysis.start()):  # "and not on dialysis"
        attributes["on_dialysis"] = True
    band = read_band(text) or (None if attributes else _graded_band(text))
    if band is not None:
        attributes["kidney_at_least"], attributes["kidney_below"] = band
        attributes["kidney_measure"] = "crcl" if _CRCL.search(text) else "egfr"
    return attributes


_NOT_ON = re.compile(
    r"(?:\b(?:not|never|nor)|n['’]t)\s+(?:yet\s+|currently\s+)?(?:on|receiving|having)\s+$"
)


def _advice(text: str) -> str | None:
    if read_text(text).spans.get("no_concern"):
        return LimitAdvice.NO_CHANGE.value
    for advice, pattern in _rules().advice.items():
        if pattern.search(text):
            return advice
    return None


def _heading_advice(heading: str) -> str | None:
    """The advice a heading gives the statements under it: only a ruling-out one."""
    avoid = LimitAdvice.AVOID.value
    return avoid if heading and _rules().advice[avoid].search(heading) else None


_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"\s*(?:mg|mcg|micrograms?|milligrams?|g)\b"
# "(for the 40 mg dose)", "with the 80 mg tablet": a strength named, not a dose to take
_STRENGTH_NAMED = re.compile(
    rf"\b(?:for|on|at|with|of|to|from)\s+the\s+(?P<low>{_NUMBER}){_UNIT}\s+"
    r"(?:dose|tablets?|strength|capsules?|pills?)\b",
    re.IGNORECASE,
)
# "300 to 400 mg after each dialysis session": a dose per session, not per day
_PER_SESSION = re.compile(
    rf"(?P<low>{_NUMBER})(?:\s*(?:to|-|–)\s*(?P<high>{_NUMBER}))?{_UNIT}\s+"
    r"(?:(?:once\s+)?(?:after|following|at\s+the\s+end\s+of)\s+(?:each|every)?\s*"
    r"(?:\w+\s+)?(?:session|dialysis|treatment)|per\s+(?:dialysis\s+)?session)\b",
    re.IGNORECASE,
)


def _not_doses(text: str) -> set[float]:
    """Amounts a statement names that are no dose of the population's: a strength referred
    to ("for the 40 mg dose") or a dose per dialysis session (no daily dose)."""
    amounts: set[float] = set()
    for pattern in (_STRENGTH_NAMED, _PER_SESSION):
        for found in pattern.finditer(text):
            for group in ("low", "high"):
                value = found.groupdict().get(group)
                if value:
                    amounts.add(float(value.replace(",", "")))
    return amounts


def _doses(statement: Statement, avoided: bool = False) -> dict[str, Scalar]:
    """The population's initial, daily-maximum and per-dose-maximum amounts, first of each.
    In a statement that rules the medicine out, an amount without a cue names what is
    avoided ("severe kidney disease (for the 40 mg dose)"), not a dose to start on."""
    attributes: dict[str, Scalar] = {}
    skipped = _not_doses(statement.text)
    readings: list[Reading] = [
        reading
        for reading in read_statement(statement, population=True)
        if not {reading.attributes.get("amount"), reading.attributes.get("amount_high")} & skipped
    ]
    for reading in readings:
        if reading.role == "usual" and (avoided or reading.attributes.get("amount_high")):
            # a usual range ("5 to 10 mg a day") states no starting dose: its low end is
            # not one (its top may be the maximum, see `_range_top`)
            continue
        name = _DOSE_ROLES.get(reading.role) or (
            "max_single" if reading.role == "max_single" else None
        )
        if name is None or f"{name}_amount" in attributes:
            continue
        if reading.attributes.get("unit") in LAB_UNITS:
            continue
        attributes[f"{name}_amount"] = reading.attributes.get("amount")
        attributes[f"{name}_unit"] = reading.attributes.get("unit")
        if name == "initial":
            attributes["initial_frequency_per_day"] = reading.attributes.get("frequency_per_day")
    top = next((r for r in readings if r.role == "usual" and not avoided), None)
    if top is not None:  # its top gives what the text leaves open
        attributes.update({k: v for k, v in _range_top(top).items() if k not in attributes})
    if "max_daily_amount" not in attributes and _fixed_dose(statement, readings):
        # the one fixed dose is also the most a day and the most at once
        fixed = _range_top(readings[0], fixed=True)
        attributes.update({k: v for k, v in fixed.items() if k not in attributes})
    elif "max_single_amount" not in attributes and _fixed_dose(statement, readings, daily=False):
        # "Over 65: 5 mg is the dose": the one dose, its number a day unsaid, is the most at once
        only = readings[0].attributes
        attributes.update(max_single_amount=only.get("amount"), max_single_unit=only.get("unit"))
    return attributes


def _fixed_dose(statement: Statement, readings: list[Reading], daily: bool = True) -> bool:
    """Whether a statement gives its population one fixed dose: one usual amount with its
    number of doses a day (without it when not `daily`), and no word of a start, a change, a
    period, a weight or an approximation ("Children aged 6 to 14: one 5 mg chewable tablet
    once a day")."""
    if len(readings) != 1 or readings[0].role != "usual":
        return False
    only = readings[0].attributes
    times = only.get("frequency_per_day")
    counted = isinstance(times, int) if daily else times is None
    fixed = only.get("amount_high") is None and counted
    return fixed and not _rules().dose_changes.search(statement.text)


def _range_top(usual: Reading, fixed: bool = False) -> dict[str, Scalar]:
    """The daily maximum a population's usual dose range states by its top: "2.5 mg to 5 mg
    once daily" gives at most 5 mg a day (only with its number of doses a day; never from a
    starting range, which is no ceiling); with `fixed`, the one dose a statement gives."""
    high = usual.attributes.get("amount_high")
    if fixed and high is None:
        high = usual.attributes.get("amount")
    times = usual.attributes.get("frequency_per_day_max") or usual.attributes.get(
        "frequency_per_day"
    )
    if not isinstance(high, int | float) or not isinstance(times, int) or times < 1:
        return {}
    top = high * times
    most: dict[str, Scalar] = {
        "max_daily_amount": int(top) if float(top).is_integer() else round(top, 3),
        "max_daily_unit": usual.attributes.get("unit"),
    }
    if fixed:  # the one fixed dose is also the most at once (a range's top is not said to be)
        most.update(max_single_amount=high, max_single_unit=usual.attributes.get("unit"))
    return most


Limit = tuple[Population, dict[str, Scalar]]
# The limit each statement states (in a 1-tuple: None is a reading too), by text, heading and
# section: read once per process (labels repeat whole paragraphs).
_kept: Kept[tuple[str, str, str], tuple[Limit | None]] = Kept(KEPT_TEXTS)


def read_limit(statement: Statement) -> Limit | None:
    """The population limit a statement states, or None. It depends only on the
    statement's text, heading and section."""
    key = (statement.text, statement.block.heading, str(statement.section))
    found = _kept.get(key)
    if found is None:
        found = (_read_limit(statement),)
        _kept.put(key, found)
    limit = found[0]
    return None if limit is None else (limit[0], dict(limit[1]))


def _reports_a_study(text: str) -> bool:
    """Whether the statement reports what happened in a study, advising nothing itself
    ("isn't recommended for under-18s because it failed in trials" still advises)."""
    rules = _rules()
    return (
        rules.study_report is not None
        and rules.study_report.search(text) is not None
        and not rules.advice[LimitAdvice.AVOID.value].search(text)
    )


# "unlike sitagliptin and alogliptin, whose doses are reduced when kidney function falls"
_WHOSE_DOSE = re.compile(r",?\s*whose\s+(?:\w+\s+)?dos(?:e|es|ing|age)\b", re.IGNORECASE)


def _other_drugs_dose(text: str) -> bool:
    """Whether the statement gives the dose rule of other medicines it names, in a relative
    clause about them ("... saxagliptin and alogliptin, whose doses are reduced ...")."""
    found = _WHOSE_DOSE.search(text)
    return found is not None and bool(
        find_drug_mentions(text[max(0, found.start() - 40) : found.start()])
    )


def _read_limit(
    statement: Statement, population: Population | None = None, context: str = ""
) -> Limit | None:
    """The limit of one statement; a part of a statement that gives several bands their
    doses is read with the whole statement's `population` and `context` (its lead-in names
    the kidney measure)."""
    if statement.is_question or statement.section in _QUIET:
        return None
    if _reports_a_study(statement.text):
        return None  # "18 of 30 patients continued on a reduced dose": a trial's report
    if read_text(statement.text).polarity is Polarity.HYPOTHETICAL:
        return None
    if names_stopping(statement.text) and read_stopping(statement).get("taper_required"):
        return None  # "if you want to stop, ask about reducing the dose gradually": a taper
    population = population or population_of(statement)
    if population is None or not _speaks_of_dosing(statement) or _other_drugs_dose(statement.text):
        return None
    if population is not Population.OLDER_ADULTS and _ADULTS.search(statement.text):
        # "adults and teens 16+", "adults with kidney disease and type 2 diabetes": an adult
        # dose for a use, not the population's limit; left out rather than misread
        return None
    attributes: dict[str, Scalar] = {"population": population.value}
    if population is Population.RENAL:
        attributes.update(_kidney_band(statement.text))
        if context and "kidney_measure" in attributes:
            attributes["kidney_measure"] = "crcl" if _CRCL.search(context) else "egfr"
    if population in _AGED:
        if population is Population.CHILDREN and _INFANT_AGE.search(statement.text):
            return None  # "3 to 6 months" is neither every child nor "aged 3" years
        attributes.update(_age_band(statement.text))
    # a list item under "Who should not take it" is ruled out by its heading
    # a table row's advice is its own cells', not its column headings' ("Usual dose")
    cells = statement.block.cells if statement.block.kind is BlockKind.TABLE_ROW else ()
    advice = _advice(" | ".join(cells) or statement.text) or _heading_advice(
        statement.block.heading
    )
    attributes.update(_doses(statement, avoided=advice == LimitAdvice.AVOID.value))
    numbers = _has_amounts(attributes)
    if advice is None and not numbers:
        return None
    attributes["advice"] = advice
    attributes["adjustment_without_number"] = not numbers and advice != "no_change"
    return population, attributes


# an infant band closed in months ("3 to 6 months", "6 months to 1 year", "babies under 8
# weeks"), which the age bands (in years) do not read; "over 3 months" opens onto every older
# child and stays, and "after 1 to 2 weeks" is a period, not an age
_INFANT_AGE = re.compile(
    r"\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*months?\b|"
    r"\b\d{1,2}\s*months?\s*(?:-|–|to)\s*\d{1,2}\s*(?:years?|months?)\b|"
    r"\b(?:under|below|younger\s+than|less\s+than)\s+\d{1,2}\s*(?:months?|weeks?)\s+(?:old|of\s+age)\b|"
    r"\b(?:babies|infants|children)\s+(?:under|below|younger\s+than)\s+\d{1,2}\s*(?:months?|weeks?)\b",
    re.IGNORECASE,
)


def _carries_on(previous: Statement, statement: Statement) -> bool:
    """Whether `statement` gives a dose to the one population the sentence before it named
    (in the same block) without naming one of its own: "Children aged 8 to 18 may be given
    it. They usually start on 10 mg a day.", "The ceiling for this age group is ..."."""
    return (
        previous.block is statement.block
        and refers_back(statement.text)
        and population_of(statement) is None
        and len({p for p in Population if p.value in read_text(previous.text).populations}) == 1
    )


def _has_amounts(attributes: dict[str, Scalar]) -> bool:
    return any(key.endswith("_amount") for key in attributes)


def _joined(previous: Statement, statement: Statement) -> Statement:
    """The two sentences read as one statement, the evidence spanning both."""
    return replace(statement, text=f"{previous.text} {statement.text}", start=previous.start)


def _key(population: Population, attributes: dict[str, Scalar]) -> str:
    """The band a limit is about: population plus its kidney or age bounds."""
    bounds = [
        f"{name}={attributes[name]:g}"
        for name in ("kidney_at_least", "kidney_below", "age_at_least", "age_below")
        if isinstance(attributes.get(name), float | int)
    ]
    if attributes.get("on_dialysis"):
        bounds.append("dialysis")
    return ":".join([population.value, *bounds])


# a heading about one population: a label's "8.5 Geriatric Use", a leaflet's "Older people"
_POPULATION_HEADING = re.compile(
    r"\b(?:pediatric|paediatric|geriatric)\s+use\b|\bspecific\s+populations\b|"
    r"\b(?:renal|hepatic|kidney|liver)\s+impairment\b|\bolder\s+(?:adults|people|patients)\b|"
    r"\b(?:use\s+in\s+(?:the\s+)?)?elderly\b",
    re.IGNORECASE,
)


def _speaks_of_dosing(statement: Statement) -> bool:
    """Dose words, or advice to avoid the medicine, lower its dose or work it out from weight
    ("should generally be avoided in people with liver impairment", "use half the usual adult
    dose"); advice to take care ("keep a closer eye on you") only in a dosing section, where
    it is said of the dose rather than listed among the precautions, or under a heading
    about the population ("Geriatric Use", "Renal Impairment"), which is its dose rule."""
    rules = _rules()
    text = statement.text
    cautious = statement.section is Section.DOSING or bool(
        _POPULATION_HEADING.search(statement.block.heading or "")
    )
    # "it did not reduce kidney problems": lowering, said outside a dose's place without a
    # dose word, is about an outcome, not the dose
    weak = {LimitAdvice.CAUTION.value, LimitAdvice.REDUCE.value}
    return bool(rules.dosing_words.search(text)) or any(
        pattern.search(text)
        for advice, pattern in rules.advice.items()
        if cautious or advice not in weak
    )


def _named(text: str) -> list[Population]:
    return [p for p in Population if p.value in read_text(text).populations]


def _several_populations(statement: Statement) -> list[Limit]:
    """The limits of a sentence that names several populations, clause by clause: a clause
    naming one population is read as its own statement; one naming several side by side gives
    each the clause's doses ("Older adults and people with liver disease: start at 2.5 mg")
    or its advice without a number ("Older people and those with reduced kidney function are
    started on a lower dose"); a clause without advice of its own takes the sentence's
    ("should be avoided if ..., and in severe liver disease")."""
    if len(_named(statement.text)) < 2 or _ADULTS.search(statement.text):
        return []
    limits: list[Limit] = []
    whole = _advice(statement.text)
    start = 0
    for end in [found.start() for found in _CLAUSES.finditer(statement.text)] + [None]:
        clause = statement.text[start:end].strip(" ,;")
        start = end if end is not None else start
        named = _named(clause)
        if not named:
            continue
        part = replace(statement, text=clause)
        if len(named) == 1:
            found = _read_limit(part, named[0])
            if (
                found is None
                and whole in _ADVICE_WORDS
                and not _advice(clause)
                and not find_dose_mentions(clause)
            ):
                found = _read_limit(replace(part, text=f"{clause}: {_ADVICE_WORDS[whole]}"))
            limits.extend([found] if found is not None else [])
            continue
        if not _coordinated(clause):
            continue
        advice = _advice(clause)
        if find_dose_mentions(clause):  # "Older adults and people with liver disease: 2.5 mg"
            limits.extend(f for p in named if (f := _read_limit(part, p)) is not None)
        elif advice in _ADVICE_WORDS:
            limits.extend(_numberless(population, advice, clause) for population in named)
    return limits


# words between two populations that make the second something said of the first ("Older
# people are more likely to have reduced kidney function", "children whose kidneys ...")
_NOT_COORDINATED = re.compile(
    r"\b(?:are|is|was|were|have|has|had|develop\w*|get|gets|cause\w*|may|might|can|could|"
    r"should|more|likely|because|so|whose|which|due)\b",
    re.IGNORECASE,
)


def _coordinated(clause: str) -> bool:
    """Whether the populations a clause names are named side by side ("Older people and those
    with reduced kidney function"), each a group the advice is for."""
    spans = population_spans(clause)
    return not any(
        _NOT_COORDINATED.search(clause[first[1] : second[0]]) for first, second in pairwise(spans)
    )


# advice a clause inherits from its sentence, said in words the advice rules read
_ADVICE_WORDS = {
    LimitAdvice.AVOID.value: "avoid",
    LimitAdvice.REDUCE.value: "reduce the dose",
    LimitAdvice.CAUTION.value: "use with caution",
}


def _numberless(population: Population, advice: str, clause: str) -> Limit:
    attributes: dict[str, Scalar] = {"population": population.value}
    if population is Population.RENAL:
        attributes.update(_kidney_band(clause))
    if population in _AGED and read_band(clause) is None:  # "(eGFR below 30)" is no age
        attributes.update(_age_band(clause))
    attributes.update(advice=advice, adjustment_without_number=advice != "no_change")
    return population, attributes


def _has_band(text: str) -> bool:
    return bool(read_band(text) or _rules().dialysis.search(text) or _age_band(text))


def band_parts(statement: Statement) -> list[tuple[Population, Statement]]:
    """The parts of a statement that gives several bands their own doses, one after another
    ("30 to 59 mL/min, 400 to 1,400 mg a day; 15 to 29 mL/min, 200 to 700 mg a day; ..."):
    each part with the whole statement's population; none when it gives one band."""
    parts = [part for part in statement.text.split(";") if part.strip()]
    population = population_of(statement)
    if len(parts) < 2 or population is None or sum(map(_has_band, parts)) < 2:
        return []
    if population is not Population.OLDER_ADULTS and _ADULTS.search(statement.text):
        return []
    return [(population, replace(statement, text=part.strip())) for part in parts]


def _limits_of(statement: Statement) -> list[Limit]:
    parts = band_parts(statement)
    if not parts:
        found = read_limit(statement)
        return [found] if found is not None else _several_populations(statement)
    limits = [_read_limit(part, population, statement.text) for population, part in parts]
    return [limit for limit in limits if limit is not None]


_BANDS = ("kidney_at_least", "kidney_below", "age_at_least", "age_below", "on_dialysis")


def _in_block_band(
    limit: Limit,
    statement: Statement,
    banded: dict[tuple[int, Population], list[dict[str, Scalar]]],
) -> Limit:
    """A limit stated without a band in a paragraph that gave its population one band before
    ("Older adults (65 and over): start at half the dose. The most an older person should
    take in a day is 50 mg.") is that band's; with several bands before, it stays general."""
    population, attributes = limit
    seen = banded.setdefault((statement.block.start, population), [])
    band = {name: attributes[name] for name in _BANDS if attributes.get(name)}
    if band:
        if band not in seen:
            seen.append(band)
        return limit
    return (population, {**attributes, **seen[0]}) if len(seen) == 1 else limit


def extract_population_limits(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """POPULATION_LIMIT facts, one per statement that gives a population a dose rule: key =
    population and band ("renal:kidney_at_least=30:kidney_below=50"); attributes population,
    bands, initial_/max_daily_/max_single_ amount and unit, advice, adjustment_without_number."""
    facts: list[ExtractedFact] = []
    statements = with_column_headings(statements)
    banded: dict[tuple[int, Population], list[dict[str, Scalar]]] = {}
    for previous, statement in zip([None, *statements], statements, strict=False):
        found = _limits_of(statement)
        if not found and previous is not None and _carries_on(previous, statement):
            statement = _joined(previous, statement)
            found = _limits_of(statement)
        found = [_in_block_band(limit, statement, banded) for limit in found]
        facts.extend(
            ExtractedFact(
                kind=FactKind.POPULATION_LIMIT,
                key=_key(population, attributes),
                attributes=attributes,
                evidence=statement.evidence(source_id),
            )
            for population, attributes in found
        )
    return facts
