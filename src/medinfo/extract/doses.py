"""Doses: starting, maximum daily, maximum single doses and titration steps of the main drug."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from medinfo.domain.documents import BlockKind
from medinfo.domain.dosing import Dose, is_mass_unit
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.extract.dose_context import (
    Cue,
    amount_head,
    clause_head,
    clause_tail,
    denies_the_dose,
    document_route,
    dose_route,
    introduces_division,
    is_anecdote,
    is_dosing_section,
    is_for_children,
    is_for_special_population,
    is_hospital_only,
    is_other_period,
    is_per_week,
    is_person_condition,
    is_skipped_section,
    is_special_heading,
    is_strength,
    marks_initial_after,
    mentions_cue,
    names_children,
    names_form,
    nearest_cue,
    of_other_substance,
    offers_single_dose,
    route_of,
    says_as_needed,
    says_daily,
    says_dose_varies,
    says_gradual,
    says_max_after,
    says_single,
    says_unused_above,
    study_report_spans,
)
from medinfo.extract.dose_grammar import (
    DoseMention,
    find_divided,
    find_dose_mentions,
    find_frequency,
    find_interval_days,
    product_strength,
    with_unit_strength,
)
from medinfo.extract.dose_grammar import whole_number as _number
from medinfo.extract.reading import Place, read_text, refers_back
from medinfo.extract.statements import Statement, place_of
from medinfo.extract.table_columns import with_column_headings
from medinfo.extract.terms import vocabulary
from medinfo.extract.text_cache import KEPT_TEXTS, Kept

# Laboratory values ("serum creatinine 1.5 mg/dL") are never a dose of any population.
LAB_UNITS = frozenset({"mg/dL", "mmol/L"})
# Units that are never an adult dose by themselves: per-kilogram doses (unless the statement
# names adults: "adults ... 1.6 mcg per kg") and concentrations.
_PER_KG = frozenset({"mg/kg", "mcg/kg"})
_NOT_A_DOSE = frozenset({*_PER_KG, "mg/mL", "mL", *LAB_UNITS})
_LINES = frozenset({BlockKind.LIST_ITEM, BlockKind.TABLE_ROW})
_PER_VOLUME = re.compile(r"\s*/\s*\d*(?:\.\d+)?\s*(?:ml|millilit(?:re|er)s?)\b", re.IGNORECASE)
_TARGET = re.compile(r"\bto\b", re.IGNORECASE)
_JOINER = re.compile(r"[\s,;/]*(?:and|or)?[\s,;/]*", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"\s*(?:,\s*)?or\s*", re.IGNORECASE)
_BRACKET_OPEN = re.compile(r"\s*\(\s*")  # "400 micrograms (0.4 mg) once a day"
_BRACKET_CLOSE = re.compile(r"\s*\)")
_SAID_AGAIN = re.compile(r"\s*,?\s*(?:which|that)\s+is\s*|\s*,?\s*i\.e\.,?\s*", re.IGNORECASE)
# "5 mg (half a 10 mg tablet) once a day": the bracket names the units the dose is made of
_UNITS_OPEN = re.compile(
    r"\s*\(\s*(?:(?:(?:half|a\s+half|quarter|a\s+quarter)\s+(?:of\s+)?an?|an?|one|two|three|"
    r"four|\d+)\s*(?:x|×)?\s*)?",
    re.IGNORECASE,
)
_UNITS_CLOSE = re.compile(
    r"\s*(?:tablets?|capsules?|caplets?|pills?|sachets?|patch(?:es)?|puffs?)\s*\)", re.IGNORECASE
)
_STEP = re.compile(r"\b(?:by|of|increments?|steps?)\b", re.IGNORECASE)
_RESTATEMENT_REACH = 16  # characters between a per-dose maximum and its daily restatement
_OTHER_POPULATIONS = frozenset({"children", "older_adults", "renal", "hepatic"})
_ADULTS = re.compile(r"(?<!older )\badults?\b", re.IGNORECASE)
# A new coordinated clause between a weak cue and its amount ("The usual advice is to come
# down gradually, and after a year on 1,800 mg a day ..."): the cue is not the amount's.
# "Heart failure: ...", "Acne (off-label) - ...": a line led by what it is for
_USE_LABEL = re.compile(r"^\W*([A-Za-z][^:.;|]{1,60}?)\s*(?::|\s[-–]\s)")
# A paragraph that opens with the use its doses are for ("For migraine prevention, the
# starting dose is ...; the maximum is ..."): every dose of the paragraph is that use's.
_FOR_USE = re.compile(
    r"^\W*(?:for|in|when treating|to treat)\s+([A-Za-z][^:.;,|]{2,60}?)\s*,", re.IGNORECASE
)
# "for anxiety", "for high blood pressure" inside a sentence: a use its doses may be for
_FOR_CONDITION = re.compile(r"\bfor\s+([A-Za-z][^,.;:()|]{2,40})", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"[;,]\s*(?:and|but|so|then|while|whereas)\b|;", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """One amount in one statement, classified: `role` is initial, usual, max_daily, max_single
    or titration."""

    role: str
    route: str
    attributes: dict[str, Scalar]
    statement: Statement

    @property
    def place(self) -> Place:
        """The role of the statement's place: a dosing section outranks a key-facts table,
        an FAQ answer and the introduction or other general text (another topic's section
        counts as general text for a dose)."""
        place = place_of(self.statement)
        if place is not Place.ADVERT and is_anecdote(self.statement.text):
            return Place.ANECDOTE
        if place is Place.DEDICATED and not is_dosing_section(self.statement.section):
            return Place.INTRODUCTION
        return place

    def same_value(self, other: Reading) -> bool:
        """Whether two readings state the same amount, unit and frequency."""
        keys = ("amount", "unit", "frequency_per_day")
        return all(self.attributes.get(k) == other.attributes.get(k) for k in keys)


def _for_another_population(text: str) -> bool:
    """Whether a statement gives the dose of a population (children, older adults, kidney or
    liver impairment, a condition on the person) rather than the usual adult dose."""
    if is_person_condition(text):
        return True
    named = read_text(text).populations & _OTHER_POPULATIONS
    return bool(named) and not _ADULTS.search(text)


# a heading of at most this many words is a label ("Starting dose for adults") whose cue
# gives its amounts their role; a longer one is a title ("Thread: Just started gliclazide -
# questions about hypos and dose"), which says nothing about each amount under it
_LABEL_WORDS = 6


def _role_of(cue: Cue | None, statement: Statement, population: bool = False) -> str | None:
    """The role an amount plays from its nearest cue, the heading, or the section; a line of
    a population's dose table ("15 to 29 mL/min: 250 mg every 8 hours") gives its dose."""
    if cue is None:
        heading = statement.block.heading
        labels = heading and len(heading.split()) <= _LABEL_WORDS
        heading_cue = nearest_cue(heading) if labels else None
        if heading_cue and heading_cue.kind in ("initial", "max", "usual", "maintenance"):
            return heading_cue.kind
        if population and statement.block.kind in _LINES:
            return "usual"
        return "usual" if is_dosing_section(statement.section) else None
    return cue.kind


_SINGLE = re.compile(r"(?:a\s+)?single\b", re.IGNORECASE)
# "it is taken as a single daily dose": the day's amount is one dose
_AS_ONE_DOSE = re.compile(r"\b(?:as|in)\s+(?:a\s+single|one)\s+(?:daily\s+)?dose\b", re.I)


_BRACKET = re.compile(r"^\s*\(([^()]{3,60})\)")


def _bracketed_schedule(after: str, mention: DoseMention) -> dict[str, Scalar] | None:
    """The per-dose schedule a bracket right after a day's amount gives, when its doses add up
    to that amount: "50 mg (25 mg twice a day)" is 25 mg twice a day."""
    bracket = _BRACKET.match(after)
    if bracket is None:
        return None
    inner = bracket.group(1)
    doses = find_dose_mentions(inner)
    frequency = find_frequency(inner)
    if len(doses) != 1 or frequency is None or not frequency.per_day:
        return None
    dose = doses[0]
    if dose.unit != mention.unit or dose.amount * frequency.per_day != mention.amount:
        return None
    return {
        "amount": _number(dose.amount),
        "daily_total": _number(mention.amount),
        "frequency_per_day": frequency.per_day,
    }


def _initial_attributes(text: str, mention: DoseMention, following: str) -> dict[str, Scalar]:
    attributes: dict[str, Scalar] = {"amount": _number(mention.amount), "unit": mention.unit}
    if mention.amount_high is not None:
        attributes["amount_high"] = _number(mention.amount_high)
    frequency = find_frequency(text, mention.end, mention.end + len(following))
    if mention.per_day:
        divided, count = find_divided(following)
        if divided and count:
            attributes["amount"] = _number(mention.amount / count)
            attributes["daily_total"] = _number(mention.amount)
            attributes["frequency_per_day"] = count
            if mention.amount_high is not None:  # "400 to 1,400 mg a day in two doses"
                attributes["amount_high"] = _number(mention.amount_high / count)
        elif divided:
            attributes["per"] = "day"
            attributes["frequency_per_day"] = None
        else:
            attributes["frequency_per_day"] = 1
        return attributes
    if frequency is None and (split := _bracketed_schedule(text[mention.end :], mention)):
        return {**attributes, **split}  # "50 mg (25 mg twice a day)": the doses it is taken in
    if says_as_needed(following.split(".")[0]):
        frequency = None  # "every 4 to 6 hours as needed" fixes no number of doses a day
    once = _SINGLE.match(text, mention.start) is not None  # "a single 1.5 mg tablet": one dose
    attributes["frequency_per_day"] = frequency.per_day if frequency else (1 if once else None)
    if frequency and frequency.per_day_max:
        attributes["frequency_per_day_max"] = frequency.per_day_max
    return attributes


def _max_reading(text: str, mention: DoseMention, following: str) -> tuple[str, dict[str, Scalar]]:
    amount = mention.amount_high if mention.amount_high is not None else mention.amount
    attributes: dict[str, Scalar] = {"amount": _number(amount), "unit": mention.unit}
    tail, head = clause_tail(text, mention.start), clause_head(text, mention.end)
    closing = re.match(r"\s*\)", text[mention.end :])
    if closing:  # "(not more than 25 mg) for the first week": the bracket's words go on
        head = clause_head(text, mention.end + closing.end())
    if is_other_period(head) or is_other_period(tail) or marks_initial_after(head):
        # bound to another period, or the cap of a start ("up to 5 mg to start")
        return "", attributes
    # a single-dose cue before the amount counts only when no other amount stands between
    # ("50mg or 100mg as a single dose and allow up to 300mg in 24 hours": 300 mg is daily)
    tail_single = says_single(tail) and not (mention.per_day and find_dose_mentions(tail))
    if tail_single or says_single(head):
        return "max_single", attributes
    if mention.per_day:
        attributes["stated_per"] = "day"
        return "max_daily", attributes
    frequency = find_frequency(text, mention.end, mention.end + len(following))
    near = frequency is not None and frequency.start - mention.end < 25
    if near and frequency and frequency.per_day == 1:  # "at most 100 mg once daily"
        attributes.update(frequency_per_day=1, stated_per="day")
        return "max_daily", attributes
    if says_daily(tail) and not (near and frequency and (frequency.per_day or 0) > 1):
        # "a day" before the amount, unless its own schedule follows ("... twice a day up
        # to 30 mg/kg twice a day": that "a day" is the step's)
        attributes["stated_per"] = "day"
        if _AS_ONE_DOSE.search(following.split(".")[0]):  # "..., taken as a single daily dose"
            attributes["frequency_per_day"] = 1
        return "max_daily", attributes
    if frequency and frequency.per_day and near:
        attributes["frequency_per_day"] = frequency.per_day
        return "max_single", attributes
    attributes["stated_per"] = "unspecified"
    return "max_daily", attributes


def _range_top(text: str, mention: DoseMention, following: str) -> dict[str, Scalar]:
    """The daily maximum a dose range states: its top amount times the doses a day."""
    high = mention.amount_high if mention.amount_high is not None else mention.amount
    frequency = find_frequency(text, mention.end, mention.end + len(following))
    times = frequency.per_day if frequency and frequency.per_day and not mention.per_day else 1
    daily = mention.per_day or bool(frequency and frequency.per_day)
    stated = "day" if daily else "unspecified"
    return {"amount": _number(high * times), "unit": mention.unit, "stated_per": stated}


def _step_attributes(
    text: str, window: str, cue: Cue, mention: DoseMention, following: str
) -> dict[str, Scalar] | None:
    between = window[cue.end :]
    if _TARGET.search(between) and not _STEP.search(between):
        return None
    attributes: dict[str, Scalar] = {
        "step_amount": _number(mention.amount),
        "step_unit": mention.unit,
        "summary_code": "stepwise",
    }
    if mention.amount_high is not None:
        attributes["step_amount_high"] = _number(mention.amount_high)
    days = find_interval_days(text[mention.start : mention.end + len(following)])
    days = days or find_interval_days(window[cue.start :])
    if days:
        attributes["step_days"] = days
    return attributes


def read_statement(statement: Statement, population: bool = False) -> list[Reading]:
    """The classified amounts of one statement (none in skipped sections or questions).

    Usually only adult doses are read; with `population` the statement is known to be
    about one population, and its doses (per kilogram too) are read as that population's.
    A reading depends only on the statement's text, heading and section: it is made once
    per process for each (labels repeat whole paragraphs) and given to each statement."""
    found = _kept_readings(statement, population)
    return [Reading(role, route, dict(attributes), statement) for role, route, attributes in found]


# (role, route, attributes) of each reading of one statement, by text, heading, section
# and whether the statement is about one population.
_KeptReadings = tuple[tuple[str, str, dict[str, Scalar]], ...]
_kept: Kept[tuple[str, str, str, bool, bool], _KeptReadings] = Kept(KEPT_TEXTS)


def _kept_readings(statement: Statement, population: bool) -> _KeptReadings:
    text = with_unit_strength(statement.text, statement.block.text)  # "8 tablets" in mg
    if text != statement.text:
        statement = replace(statement, text=text)
    varies = says_dose_varies(statement.block.text)
    key = (statement.text, statement.block.heading, str(statement.section), population, varies)
    found = _kept.get(key)
    if found is None:
        readings = _read_statement(statement, population)
        found = tuple((reading.role, reading.route, reading.attributes) for reading in readings)
        _kept.put(key, found)
    return found


def _read_statement(statement: Statement, population: bool) -> list[Reading]:
    if is_skipped_section(statement.section) or statement.is_question:
        return []
    heading = statement.block.heading
    text = statement.text
    adult_only = not population
    if adult_only and (
        is_for_children(heading) or is_special_heading(heading) or _for_another_population(text)
    ):
        return []
    # "I read online you can go to 150 mg", "a 3 g dose was studied": no dose to take
    hearsay = [*read_text(text).spans["hypothetical"], *study_report_spans(text)]
    mentions = [
        m
        for m in find_dose_mentions(text)
        if not any(s <= m.start < e for s, e in hearsay) and not denies_the_dose(text[m.end :])
    ]
    readings: list[Reading] = []
    previous_end = 0
    cue: Cue | None = None
    for index, mention in enumerate(mentions):
        window = text[previous_end : mention.start]
        next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(text)
        following = text[mention.end : next_start]
        if index + 1 < len(mentions) and (
            _ALTERNATIVE.fullmatch(following)
            or _restated(text, following, mentions[index + 1])
            or _names_units(text, following, mentions[index + 1])
            or _said_again(following, mention, mentions[index + 1])
        ):
            # "10 mg or 20 mg once a day": the alternatives share what follows them, and so
            # does an amount restated in brackets ("400 micrograms (0.4 mg) once a day").
            after = mentions[index + 2].start if index + 2 < len(mentions) else len(text)
            following = text[mention.end : after]
        previous_end = mention.end
        if index and (
            (_restated(text, window, mention) and _same_amount(mentions[index - 1], mention))
            or _names_units(text, window, mention)
            or _said_again(window, mentions[index - 1], mention)
        ):
            # "2,500 mg (2.5 g) a day": the bracket says the amount before it again, or
            # the units it is made of ("5 mg (half a 10 mg tablet)")
            continue
        if not _JOINER.fullmatch(window) or cue is None:
            cue = nearest_cue(window)
        if (
            cue is None
            and readings
            and readings[-1].role.startswith("max")
            and (
                _MAXIMUM_GOES_ON.fullmatch(window)
                or (_BRACKET_OPEN.fullmatch(window) and says_single(clause_head(text, mention.end)))
            )
        ):
            # "never more than 75 mg at a time or 150 mg in a day", "800 mg a day (400 mg in
            # any single dose)": the second amount goes on the maximum the first one started
            cue = Cue("max", 0, 0)
        linked = _linked_maximum(readings[-1] if readings else None, mention, window, following)
        if not linked and cue is None and readings and readings[-1].role.startswith("max"):
            continue  # an amount after a maximum without a cue of its own is no usual dose
        reading = linked or _read_mention(statement, mention, window, following, cue, adult_only)
        if reading is not None:
            readings.append(reading)
            if (per_dose := _divided_maximum(reading, following)) is not None:
                readings.append(per_dose)
    return [*readings, *_range_top_per_dose(readings, text)]


# what may stand between two maxima of one breath: the first one's "at a time", then "or"
_MAXIMUM_GOES_ON = re.compile(r"[^.;:\d()]{0,20}?(?:,\s*)?\b(?:or|and)\s*", re.IGNORECASE)


_EVERY_HOURS = re.compile(r"\bevery\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*hours?\b", re.IGNORECASE)


def _range_top_per_dose(readings: list[Reading], text: str) -> list[Reading]:
    """The most per dose of a statement that gives a usual range per dose, taken every so
    many hours, under a daily cap the doses would reach ("30 mg to 60 mg every 4 hours when
    needed, up to 240 mg in 24 hours": at most 60 mg at a time). None when the statement
    states its own per-dose maximum, or when the doses at the range's top stay under the cap
    ("5 to 10 mg three times a day, up to 80 mg a day": the dose itself may rise)."""
    if any(r.role == "max_single" for r in readings):
        return []
    usual = next(
        (r for r in readings if r.role == "usual" and r.attributes.get("amount_high")), None
    )
    daily = next((r for r in readings if r.role == "max_daily"), None)
    if usual is None or daily is None:
        return []
    high, cap = usual.attributes["amount_high"], daily.attributes.get("amount")
    same_unit = usual.attributes.get("unit") == daily.attributes.get("unit")
    # doses taken by the clock or when needed ("every 4 hours when needed"), not a fixed
    # number a day, whose dose may be gathered into fewer ("twice a day": once a day allowed)
    frequency = find_frequency(text) if _EVERY_HOURS.search(text) else None
    times = frequency.per_day if frequency else None
    if not (
        usual.attributes.get("frequency_per_day") is None
        and same_unit
        and isinstance(high, int | float)
        and isinstance(cap, int | float)
        and isinstance(times, int)
        and times >= 2
        and high < cap <= high * times
    ):
        return []
    attributes: dict[str, Scalar] = {"amount": high, "unit": usual.attributes.get("unit")}
    return [Reading("max_single", usual.route, attributes, usual.statement)]


def _same_amount(first: DoseMention, second: DoseMention) -> bool:
    def amount(mention: DoseMention) -> tuple[float, str, float | None]:
        return mention.amount, mention.unit, mention.amount_high

    return amount(first) == amount(second)


def _restated(text: str, between: str, bracketed: DoseMention) -> bool:
    """Whether the next amount only restates this one in brackets ("5 ml (10 mg)")."""
    return bool(_BRACKET_OPEN.fullmatch(between) and _BRACKET_CLOSE.match(text, bracketed.end))


def _said_again(between: str, first: DoseMention, second: DoseMention) -> bool:
    """Whether the next amount says this one again in other words ("1 g, which is two 500 mg
    tablets, taken up to 4 times")."""
    return bool(_SAID_AGAIN.fullmatch(between)) and _same_amount(first, second)


def _names_units(text: str, between: str, bracketed: DoseMention) -> bool:
    """Whether the next amount only names the units this dose is made of, in brackets
    ("5 mg (half a 10 mg tablet)", "1 g (two 500 mg tablets)")."""
    return bool(_UNITS_OPEN.fullmatch(between) and _UNITS_CLOSE.match(text, bracketed.end))


def _divided_maximum(daily: Reading, following: str) -> Reading | None:
    """The most per dose of a daily maximum given as a counted number of doses ("80 mg a day
    in four divided doses": 20 mg; "10 mg once a day": 10 mg); nothing for an uncounted
    "in divided doses"."""
    total = daily.attributes.get("amount")
    if daily.role != "max_daily" or daily.attributes.get("stated_per") != "day":
        return None
    if daily.attributes.get("frequency_per_day") == 1:  # one dose a day: the day's most
        once = {key: daily.attributes.get(key) for key in ("amount", "unit", "frequency_per_day")}
        # derived, so it ranks after a per-dose maximum the text states itself
        return Reading("max_single_once", daily.route, once, daily.statement)
    divided, count = find_divided(following)
    if not divided or not count or count < 2 or not isinstance(total, int | float):
        return None
    if offers_single_dose(following):
        return None
    attributes: dict[str, Scalar] = {
        "amount": _number(total / count),
        "unit": daily.attributes.get("unit"),
        "frequency_per_day": count,
    }
    return Reading("max_single", daily.route, attributes, daily.statement)


def _linked_maximum(
    previous: Reading | None, mention: DoseMention, window: str, following: str
) -> Reading | None:
    """The other half of a maximum stated two ways in one breath: "400 mg a day, given as
    200 mg twice a day" (the most per dose, only when the schedule adds up to the daily
    maximum) or "10 mg twice a day (20 mg a day)" (the daily total)."""
    if previous is None or mention.unit != previous.attributes.get("unit"):
        return None
    text = previous.statement.text
    if previous.role == "max_daily" and introduces_division(window):
        frequency = find_frequency(text, mention.end, mention.end + len(following))
        total = previous.attributes.get("amount")
        times = frequency.per_day if frequency else None
        if times and isinstance(total, int | float) and mention.amount * times == total:
            attributes: dict[str, Scalar] = {
                "amount": _number(mention.amount),
                "unit": mention.unit,
                "frequency_per_day": times,
            }
            return Reading("max_single", previous.route, attributes, previous.statement)
    schedule = find_frequency(window)
    rest = window[schedule.end :] if schedule and schedule.start < 3 else window
    restates = len(rest.strip(" (,;-–")) == 0 and len(rest) <= _RESTATEMENT_REACH
    if (
        previous.role == "max_single"
        and mention.per_day
        and (restates or introduces_division(window))
    ):
        daily: dict[str, Scalar] = {
            "amount": _number(mention.amount),
            "unit": mention.unit,
            "stated_per": "day",
        }
        return Reading("max_daily", previous.route, daily, previous.statement)
    return None


def _read_mention(
    statement: Statement,
    mention: DoseMention,
    window: str,
    following: str,
    cue: Cue | None,
    adult_only: bool = True,
) -> Reading | None:
    text = statement.text
    # a per-kilogram dose is an adult's when the paragraph says so or speaks of no children
    # ("raise it up to 1 mg per kg a day"); otherwise it is a child's, read as a population's
    block = f"{statement.block.heading} {statement.block.text}"
    per_kg = mention.unit in _PER_KG and (
        not adult_only or bool(_ADULTS.search(text)) or not names_children(block)
    )
    if (mention.unit in _NOT_A_DOSE and not per_kg) or of_other_substance(text[mention.end :]):
        return None
    if _PER_VOLUME.match(text, mention.end):
        return None  # "a 300 mg/3 mL vial": a concentration, not a dose
    role = _role_of(cue, statement, population=not adult_only)
    if role in (None, "usual") and marks_initial_after(clause_head(text, mention.end)):
        role = "initial"
    if role == "usual" and (
        says_dose_varies(statement.block.text) or _cue_elsewhere(cue, window, statement)
    ):
        return None  # "it varies from person to person": the paragraph gives no usual dose
    if role == "overdose" and says_unused_above(text[mention.end :]):
        role = "max"  # "doses above 2 mg a day are not used": at most 2 mg a day
    if (cue is None or role in (None, "usual", "titration")) and says_max_after(
        amount_head(text, mention.end)
    ):
        # "400 mg a day is the usual ceiling", even under a "Starting" heading; "can increase
        # it to 0.8 mg once a day, which is the top dose"
        role = "max"
    context = window + clause_head(text, mention.end)
    if role is None:
        return None
    children = names_children(context) if per_kg else is_for_children(context)
    if adult_only and (children or is_for_special_population(context)):
        return None
    own_clause = clause_tail(text, mention.start) + clause_head(text, mention.end)
    if is_hospital_only(own_clause):
        return None  # "in hospital up to 600 mg a day": not the ordinary adult dose
    route = dose_route(own_clause, text, statement.block.heading)
    if role in ("initial", "usual"):
        product = mention.strength is None and is_strength(text[mention.end :])
        if product or is_per_week(clause_head(text, mention.end)):
            return None  # "comes as 500 mg tablets" (but "a single 1.5 mg tablet" is a dose)
        return Reading(role, route, _initial_attributes(text, mention, following), statement)
    if role == "max":
        kind, attributes = _max_reading(text, mention, following)
        return Reading(kind, route, attributes, statement) if kind else None
    if role == "range" and mention.amount_high is not None:
        return Reading("max_daily", route, _range_top(text, mention, following), statement)
    if role == "titration" and cue is not None:
        step = _step_attributes(text, window, cue, mention, following)
        return Reading("titration", route, step, statement) if step else None
    return None


def _cue_elsewhere(cue: Cue | None, window: str, statement: Statement) -> bool:
    """Whether a weak cue stands in another clause than its amount, outside a dosing section
    (where an amount without a cue is a usual dose anyway)."""
    if cue is None or is_dosing_section(statement.section):
        return False
    return bool(_NEW_CLAUSE.search(window, cue.end))


def _gradual_titration(statement: Statement) -> Reading | None:
    """A "raised gradually" statement without a step size."""
    if statement.is_question or is_skipped_section(statement.section):
        return None
    if says_gradual(statement.text) and mentions_cue(statement.text, "titration"):
        return Reading(
            "titration", route_of(statement.text), {"summary_code": "gradual"}, statement
        )
    return None


_KINDS = {
    "initial": FactKind.INITIAL_DOSE,
    "usual": FactKind.INITIAL_DOSE,
    "max_daily": FactKind.MAX_DAILY_DOSE,
    "max_single": FactKind.MAX_SINGLE_DOSE,
    "max_single_once": FactKind.MAX_SINGLE_DOSE,  # the daily maximum of a once-a-day dose
    "titration": FactKind.TITRATION,
}


_ROLE_ORDER = ("initial", "usual", "max_daily", "max_single", "max_single_once", "titration")


def _plain_label(label: str) -> bool:
    """Whether a row's or line's label names no dose, dose cue, population or form
    ("Modified-release capsules | ..." is a form's dose, "Adults: ..." a population's)."""
    if not label or find_dose_mentions(label) or nearest_cue(label) or names_form(label):
        return False
    return not (read_text(label).populations or _ADULTS.search(label))


def _for_one_use(statement: Statement) -> bool:
    """Whether a table row gives the dose of one use ("Treating a DVT or PE | 10 mg twice a
    day ..."): its first cell is a plain label. A general statement of the same place ("Most
    people start on 5 mg") outranks it."""
    cells = statement.block.cells
    if statement.block.kind is not BlockKind.TABLE_ROW or len(cells) < 2:
        return False
    return _plain_label(cells[0])


def _use_of(statement: Statement) -> str:
    """The condition a dose row, line or paragraph is given for ("Heart failure: start on 25 mg
    ...", "Acne | 50 to 100 mg a day", "For acne, ..."): its plain label naming a condition;
    "" otherwise."""
    block = statement.block
    found = None
    if block.kind is BlockKind.TABLE_ROW:
        label = block.cells[0] if len(block.cells) >= 2 else ""
    else:
        found = _USE_LABEL.match(block.text) or _FOR_USE.match(block.text)
        label = found.group(1) if found else ""
    conditions = vocabulary("conditions").find(label) if _plain_label(label) else []
    if not conditions and found is not None and found.re is _FOR_USE and _plain_label(label):
        # "For Raynaud's phenomenon, ...": whatever medical condition the opening names
        conditions = vocabulary("side_effects").find(label)
    if conditions:
        return conditions[0].key
    return _named_use(statement) if block.kind is BlockKind.PARAGRAPH else ""


def _named_use(statement: Statement) -> str:
    """The one condition a sentence gives its doses for ("for anxiety most adults begin on
    ... so don't go over 120 mg a day for anxiety"); "" when it names none or several."""
    named = {
        condition.key
        for found in _FOR_CONDITION.finditer(statement.text)
        for condition in vocabulary("conditions").find(found.group(1))
    }
    return named.pop() if len(named) == 1 else ""


def _highest_amount(statement: Statement) -> float:
    """The highest amount in mg a statement names (the top of a range too), 0 when none."""
    amounts = [0.0]
    for mention in find_dose_mentions(statement.text):
        if is_mass_unit(mention.unit):
            top = mention.amount_high if mention.amount_high is not None else mention.amount
            amounts.append(Dose(amount=top, unit=mention.unit).milligrams())
    return max(amounts)


def _precedence(reading: Reading, index: int) -> tuple[int, bool, int, float, int]:
    """Sort key: the place first; then a general statement before a row for one use, an
    explicit starting dose before a usual one; among the maxima of one place the highest
    (a maximum for one use, "the maximum for prevention is 1.2 mg", sits under the overall
    one); otherwise document order."""
    amount = reading.attributes.get("amount")
    ceiling = 0.0
    if reading.role.startswith("max") and isinstance(amount, int | float):
        unit = str(reading.attributes.get("unit", ""))
        ceiling = Dose(amount=amount, unit=unit).milligrams() if is_mass_unit(unit) else amount
    one_use = _for_one_use(reading.statement)
    return (reading.place.rank, one_use, _ROLE_ORDER.index(reading.role), -ceiling, index)


def _choose(readings: list[Reading]) -> dict[tuple[FactKind, str], list[Reading]]:
    """Per kind and route, the reading from the highest-ranking place (a dosing section
    first, even over an explicit starting dose elsewhere), within a place a general
    statement before a table row for one use, explicit starting doses before usual ones,
    then the first one; titration steps before a bare "raised gradually". After it come the
    first reading of each other place that states a different value in the same role: the
    document disagrees with itself, and reconciliation reports it."""
    stepped = any(r.role == "titration" and "step_amount" in r.attributes for r in readings)
    ordered = sorted(enumerate(readings), key=lambda item: _precedence(item[1], item[0]))
    chosen: dict[tuple[FactKind, str], list[Reading]] = {}
    for _, reading in ordered:
        kind = _KINDS[reading.role]
        key = (kind, "titration" if kind is FactKind.TITRATION else reading.route)
        if kind is FactKind.TITRATION and stepped and "step_amount" not in reading.attributes:
            continue
        if key not in chosen:
            chosen[key] = [reading]
            continue
        picked = chosen[key]
        if (
            kind is not FactKind.TITRATION
            and reading.role == picked[0].role
            and all(reading.place is not other.place for other in picked)
            and not reading.same_value(picked[0])
            and not _for_one_use(reading.statement)
        ):
            picked.append(reading)
    return chosen


def _without_other_once_maximum(
    chosen: dict[tuple[FactKind, str], list[Reading]],
) -> dict[tuple[FactKind, str], list[Reading]]:
    """Without a per-dose maximum derived from a once-a-day maximum that is not the daily
    maximum chosen ("maximum 2,000 mg once a day" of the slow-release form, where the
    ordinary tablets' daily maximum is 2,550 mg in divided doses): it belongs to another form
    or use."""
    kept = dict(chosen)
    for (kind, route), picked in chosen.items():
        if kind is not FactKind.MAX_SINGLE_DOSE or picked[0].role != "max_single_once":
            continue
        daily = chosen.get((FactKind.MAX_DAILY_DOSE, route))
        if daily and not daily[0].same_value(picked[0]):
            once, most = picked[0].attributes, daily[0].attributes
            if (once.get("amount"), once.get("unit")) != (most.get("amount"), most.get("unit")):
                del kept[(kind, route)]
    return kept


_MAXIMA = frozenset({FactKind.MAX_DAILY_DOSE, FactKind.MAX_SINGLE_DOSE})


def _per_use_ceiling(statements: list[Statement]) -> dict[str, float]:
    """Per use a dosing line or row names, the highest amount in mg it gives."""
    highest: dict[str, float] = {}
    for statement in statements:
        use = _use_of(statement)
        if use:
            highest[use] = max(highest.get(use, 0.0), _highest_amount(statement))
    return highest


def _use_attribute(reading: Reading, per_use: dict[str, float]) -> dict[str, Scalar]:
    """{"use": ...} for a maximum stated for one use when another use of the document goes
    higher ("heart failure: at most 50 mg a day" beside "cirrhosis: up to 400 mg"): it is
    that use's limit, not the drug's. A maximum above every other use's doses stays the
    drug's (an alarm above it holds whatever the use)."""
    use = _use_of(reading.statement)
    amount, unit = reading.attributes.get("amount"), str(reading.attributes.get("unit", ""))
    if not use or not isinstance(amount, int | float) or not is_mass_unit(unit):
        return {}
    ceiling = Dose(amount=amount, unit=unit).milligrams()
    higher = any(top > ceiling for other, top in per_use.items() if other != use)
    return {"use": use} if higher else {}


# "2,500 mg a day, not 3,000 mg", "(not 3,000 mg)": an amount the text corrects.
_CORRECTED = re.compile(r"(?:[,;(\u2013\u2014]|\bbut)\s*not\s+(?:the\s+)?$", re.IGNORECASE)


def _corrected_amounts(statements: list[Statement]) -> set[tuple[float, str]]:
    """The amounts a document says are wrong ("the limit is 2,500 mg, not 3,000 mg", "so
    80 mg isn't the general ceiling"): a forum poster's or a summary's figure that the
    document corrects is none of its doses."""
    return {
        (mention.amount, mention.unit)
        for statement in statements
        for mention in find_dose_mentions(statement.text)
        if _CORRECTED.search(statement.text, 0, mention.start)
        or denies_the_dose(statement.text[mention.end : mention.end + 60])
    }


def _is_corrected(reading: Reading, corrected: set[tuple[float, str]]) -> bool:
    amount = reading.attributes.get("amount")
    unit = str(reading.attributes.get("unit", ""))
    return isinstance(amount, int | float) and (float(amount), unit) in corrected


def _counted_in_product_strength(statements: list[Statement]) -> list[Statement]:
    """The statements with counted tablets that their own paragraph gives no strength for
    ("Do not take more than 2 tablets in 24 hours" on a page about one 20 mg product) written
    as the amount they hold."""
    titles = {s.block.heading for s in statements} | {
        s.text for s in statements if s.block.kind is BlockKind.HEADING
    }
    strength = product_strength(titles)
    if not strength:
        return statements
    counted = []
    for statement in statements:
        text = statement.text
        if with_unit_strength(text, statement.block.text) == text:
            text = with_unit_strength(text, strength)
        counted.append(replace(statement, text=text) if text != statement.text else statement)
    return counted


# "The slow-release version ... up to 30 mg once a day for that form only", "the
# immediate-release limit is 600 mg a day": a maximum said of one release form
_RELEASE_FORM = re.compile(
    r"(?i:\b(?:slow|extended|prolonged|modified|sustained|controlled|delayed|immediate)"
    r"[- ]release\b)|"
    r"\b(?:XL|SR|MR|ER|XR|CR|LA)\b",
)


def _without_population_sequels(statements: list[Statement]) -> list[Statement]:
    """Without the sentences that go on about the population the one before them gave a dose
    for ("Children aged 4 to 11 start on 40 micrograms twice a day. The ceiling for this age
    group is 80 micrograms twice a day"): their doses are that population's."""
    return [
        statement
        for previous, statement in zip([None, *statements], statements, strict=False)
        if previous is None
        or previous.block is not statement.block
        or not refers_back(statement.text)
        or not _for_another_population(previous.text)
    ]


def _without_release_form_maxima(readings: list[Reading]) -> list[Reading]:
    """The readings without the maxima said of one release form (slow or immediate release)
    when the document also gives a maximum said of no such form: that ceiling is the drug's."""

    def of_form(reading: Reading) -> bool:
        return _RELEASE_FORM.search(reading.statement.text) is not None

    maxima = [r for r in readings if r.role in ("max_daily", "max_single")]
    if not any(of_form(r) for r in maxima) or all(of_form(r) for r in maxima):
        return readings
    return [r for r in readings if r.role not in ("max_daily", "max_single") or not of_form(r)]


def extract_doses(statements: list[Statement], source_id: str) -> list[ExtractedFact]:
    """The dose facts of a document: per route, its first starting dose (an explicit one before
    a usual one), first maximum daily and single dose, and first titration statement; none
    at an amount the document corrects."""
    statements = with_column_headings(statements)  # "Usual starting dose: 400 mg ..."
    statements = _counted_in_product_strength(statements)
    statements = _without_population_sequels(statements)
    corrected = _corrected_amounts(statements)
    readings = [
        reading
        for statement in statements
        for reading in read_statement(statement)
        if not _is_corrected(reading, corrected)
    ]
    readings.extend(r for p in statements if (r := _gradual_titration(p)) is not None)
    if own_route := document_route([statement.text for statement in statements]):
        # a pen's page that never says "tablet": its doses are injected ones
        readings = [replace(r, route=own_route) if r.route == route_of() else r for r in readings]
    chosen = _without_other_once_maximum(_choose(_without_release_form_maxima(readings)))
    per_use = _per_use_ceiling(statements)
    facts = [
        ExtractedFact(
            kind=kind,
            key=key,
            attributes={
                **reading.attributes,
                **({"basis": reading.role} if kind is FactKind.INITIAL_DOSE else {}),
                **(_use_attribute(reading, per_use) if kind in _MAXIMA else {}),
                "place": reading.place.value,
            },
            evidence=reading.statement.evidence(source_id),
        )
        for (kind, key), picked in chosen.items()
        for reading in picked
    ]
    return sorted(facts, key=lambda fact: fact.evidence.start)
