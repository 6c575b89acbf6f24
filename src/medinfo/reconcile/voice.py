"""medinfo's own voice: wording templates from rules/voice.json and phrase helpers."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from medinfo.domain.errors import InputError
from medinfo.domain.facts import Scalar
from medinfo.domain.sources import Source
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.loading import load

_WHERE = "knowledge/reconcile/voice.json"
TEMPLATE_NAMES = frozenset(
    {
        "summary_class_and_uses",
        "summary_class_only",
        "summary_uses_only",
        "summary_prevents",
        "summary_prevents_also",
        "summary_off_label",
        "summary_brands",
        "mechanism_action_and_target",
        "mechanism_target_only",
        "mechanism_terms_only",
        "titration_steps",
        "titration_gradual",
        "titration_ceiling",
        "renal_max",
        "renal_ask",
        "interaction_effect",
        "interaction_outcome",
        "stopping_abrupt_unnamed",
        "interaction_unspecified",
        "interaction_none",
        "interaction_avoid",
        "precaution_default",
        "pregnancy_category",
        "pregnancy_outdated",
        "pregnancy_mentioned",
        "pregnancy_contraindicated",
        "pregnancy_avoid",
        "pregnancy_stage",
        "pregnancy_stage_end",
        "pregnancy_stage_later",
        "pregnancy_stage_early",
        "pregnancy_limited",
        "pregnancy_harm",
        "pregnancy_no_harm",
        "pregnancy_no_defects",
        "pregnancy_newborn",
        "pregnancy_benefit",
        "pregnancy_used",
        "pregnancy_alternative",
        "pregnancy_dose_change",
        "pregnancy_do_not_stop",
        "pregnancy_plan",
        "pregnancy_placenta",
        "pregnancy_untreated",
        "pregnancy_stop_if_pregnant",
        "pregnancy_alternative_named",
        "pregnancy_safe",
        "pregnancy_newborn_named",
        "pregnancy_contraception",
        "breastfeeding_alternative_named",
        "breastfeeding_short_use",
        "breastfeeding_some_babies",
        "breastfeeding_long_use",
        "breastfeeding_excreted",
        "breastfeeding_not_excreted",
        "breastfeeding_excretion_unknown",
        "breastfeeding_effects_unknown",
        "breastfeeding_avoid",
        "breastfeeding_small",
        "breastfeeding_compatible",
        "breastfeeding_pause",
        "breastfeeding_pause_hours",
        "breastfeeding_alternative",
        "breastfeeding_watch_signs",
        "breastfeeding_watch",
        "breastfeeding_infant_signs",
        "breastfeeding_ask",
        "missed_as_needed",
        "missed_on_schedule",
        "missed_take",
        "missed_wait",
        "missed_skip",
        "missed_skip_within",
        "missed_skip_late",
        "missed_skip_next_day",
        "missed_skip_late_in_day",
        "missed_skip_always",
        "missed_double",
        "stopping_abrupt",
        "stopping_abrupt_symptoms",
        "stopping_symptoms_only",
        "stopping_no_risk",
        "stopping_rebound",
        "stopping_taper",
        "onset_first",
        "onset_full",
        "onset_lasts",
        "onset_disputed",
        "conflict_values",
        "conflict_status",
        "conflict_side",
        "conflict_side_placed",
        "place_dedicated",
        "place_section",
        "place_summary",
        "place_faq_answer",
        "place_anecdote",
        "place_introduction",
        "place_advert",
        "conflict_presence",
        "conflict_silent",
        "conflict_presence_only",
        "conflict_denied",
        "source_untitled",
        "source_undated",
        "source_name",
        "source_name_again",
        "source_name_with_id",
    }
)


@dataclass(frozen=True)
class MechanismWord:
    """How a mechanism term reads in a sentence: an action ("an agonist") or a target."""

    role: str
    words: str


@dataclass(frozen=True)
class Voice:
    """The validated wording rules."""

    templates: dict[str, str]
    reliability_words: dict[str, str]
    frequency_words: dict[str, str]
    attribute_words: dict[str, str]
    pregnancy_categories: dict[str, str]
    precaution_advice: dict[str, str]
    mechanism_terms: dict[str, MechanismWord]


def _check_placeholders(templates: Mapping[str, str]) -> None:
    for name, text in templates.items():
        try:
            list(string.Formatter().parse(text))
        except ValueError as error:
            raise InputError(f"{_WHERE}: template {name!r} is malformed ({error})") from error


@cache
def voice() -> Voice:
    """The wording rules of knowledge/reconcile/voice.json, validated once."""
    raw = load(rules.VoiceRules)
    missing = sorted(TEMPLATE_NAMES - set(raw.templates))
    unknown = sorted(set(raw.templates) - TEMPLATE_NAMES)
    if missing or unknown:
        raise InputError(f"{_WHERE}: templates: missing {missing}, unknown {unknown}")
    _check_placeholders(raw.templates)
    return Voice(
        templates=dict(raw.templates),
        reliability_words={str(key): words for key, words in raw.reliability_words.items()},
        frequency_words=dict(raw.frequency_words),
        attribute_words=dict(raw.attribute_words),
        pregnancy_categories=dict(raw.pregnancy_categories),
        precaution_advice=dict(raw.precaution_advice),
        mechanism_terms={
            term.lower(): MechanismWord(entry.role, entry.words)
            for term, entry in raw.mechanism_terms.items()
        },
    )


def fill(template: str, drug: str = "", **fields: str) -> str:
    """A template text filled in; `{drug}` is the name as given, `{Drug}` capitalised; a
    combination's key ("budesonide; formoterol") reads as its product is written, "a/b"."""
    drug = drug.replace("; ", "/")
    return template.format(drug=drug, Drug=drug[:1].upper() + drug[1:], **fields)


def say(name: str, drug: str = "", **fields: str) -> str:
    """The named template of rules/voice.json filled in (see `fill`)."""
    return fill(voice().templates[name], drug, **fields)


def join_terms(terms: Sequence[str]) -> str:
    """Terms as a plain English list: "a", "a and b", "a, b and c"."""
    if len(terms) <= 1:
        return "".join(terms)
    return f"{', '.join(terms[:-1])} and {terms[-1]}"


def with_article(phrase: str) -> str:
    """The phrase after "a" or "an", chosen by its first letter."""
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def format_number(value: float | int) -> str:
    """A number as stated: 5.0 -> "5", 2.5 -> "2.5"."""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def format_frequency(per_day: int) -> str:
    """How often a day, in words ("three times a day")."""
    words = voice().frequency_words
    return words.get(str(per_day), words["other"].format(n=per_day))


def format_dose(
    amount: float, unit: str, per_day: int | None = None, high: float | None = None
) -> str:
    """A dose as "5 mg", "5-10 mg" or "5 mg three times a day"."""
    amounts = format_number(amount) + (f"-{format_number(high)}" if high is not None else "")
    text = f"{amounts} {unit}"
    return f"{text} {format_frequency(per_day)}" if per_day else text


def format_value(value: Mapping[str, Scalar]) -> str:
    """A single-valued fact's value in words, e.g. "first effect: a few hours"."""
    amount, unit = value.get("amount"), value.get("unit")
    if isinstance(amount, int | float) and isinstance(unit, str):
        per_day = value.get("frequency_per_day")
        high = value.get("amount_high")
        return format_dose(
            amount,
            unit,
            int(per_day) if isinstance(per_day, int | float) else None,
            high if isinstance(high, int | float) else None,
        )
    words = voice().attribute_words
    parts = []
    for name, item in value.items():
        shown = words["yes" if item else "no"] if isinstance(item, bool) else str(item)
        parts.append(f"{words.get(name, name.replace('_', ' '))}: {shown}")
    return ", ".join(parts)


def with_citation_titles(sources: Mapping[str, Source]) -> dict[str, Source]:
    """The sources, each named as a reader would cite it: its own title, or, when the document
    has none, a neutral description numbered most reliable first ("Consumer article, undated,
    2 of 4", or its date when it gives one). A file name is never a title."""
    ranked = sorted(sources.values(), key=lambda source: (-source.reliability, source.id))
    named = {}
    for number, source in enumerate(ranked, start=1):
        title = source.title.strip()
        if not title or _FILE_STEM.fullmatch(title):
            kind = voice().reliability_words[source.reliability.label]
            title = say(
                "source_untitled",
                kind=kind[:1].upper() + kind[1:],
                dated=format_day(source.published) if source.published else say("source_undated"),
                number=str(number),
                total=str(len(ranked)),
            )
        named[source.id] = source.model_copy(update={"title": title})
    return {source_id: named[source_id] for source_id in sources}


# A title that is only a file name a tool gave it ("000_dd7e9c0dcb16d289", "article-3.html").
_FILE_STEM = re.compile(r"[\w.-]*(?:\d{3,}|_[0-9a-f]{8,}|\.(?:txt|md|html?|xml|json))[\w.-]*")


@cache
def _described() -> re.Pattern[str]:
    """Titles written by `with_citation_titles` (the `source_untitled` template filled in)."""
    pattern = re.escape(voice().templates["source_untitled"])
    for field, part in (("kind", ".+"), ("dated", ".+"), ("number", r"\d+"), ("total", r"\d+")):
        pattern = pattern.replace(re.escape("{" + field + "}"), part)
    return re.compile(pattern)


def name_sources(
    ids: Iterable[str], sources: Mapping[str, Source], named: set[str] | None = None
) -> tuple[str, bool]:
    """The sources named in words, and whether there are several (for verb agreement).

    A source in `named` was cited in full earlier in the same text and is named by its title
    alone; the ones named here are added to it.
    """
    ids = list(ids)
    titles = [sources[i].title for i in sources]
    names = []
    for source_id in ids:
        source = sources[source_id]
        if _described().fullmatch(source.title):  # "Consumer article, undated, 2 of 4" says it all
            names.append(source.title)
            continue
        unique = titles.count(source.title) == 1
        if named is not None and source_id in named and unique:
            names.append(say("source_name_again", title=source.title))
            continue
        template = "source_name" if unique else "source_name_with_id"
        detail = citation_detail(source)
        names.append(say(template, title=source.title, id=source.id, detail=detail))
    if named is not None:
        named.update(ids)
    return join_terms(names), len(ids) > 1


def citation_detail(source: Source) -> str:
    """Who published a source, when, and its kind: "Example Health, 12 March 2024, consumer
    article"; only what the document gives."""
    parts = [
        source.publisher or "",
        format_day(source.published) if source.published else "",
        voice().reliability_words[source.reliability.label],
    ]
    return ", ".join(part for part in parts if part)


def format_day(day: date) -> str:
    """A date as a reader writes it: "12 March 2024"."""
    return f"{day.day} {day:%B %Y}"
