"""Texts in medinfo's own words, composed from merged facts; UNKNOWN when nothing supports them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from medinfo.domain.facts import Scalar
from medinfo.domain.monograph import UNKNOWN
from medinfo.knowledge.extract_rules import InteractionOutcomes
from medinfo.knowledge.loading import load
from medinfo.reconcile.vocabulary import canonical_term, match_key
from medinfo.reconcile.voice import format_number, join_terms, say, voice, with_article

_TERM_SEPARATORS = re.compile(r"\s*(?:[;,/]|\band\b|\bor\b)\s*")


def split_terms(text: Scalar, group: str | None = "side_effects") -> list[str]:
    """Terms from a list attribute ("drowsiness; dizziness"), folded to canonical, deduplicated."""
    if not isinstance(text, str):
        return []
    terms: dict[str, str] = {}
    for part in _TERM_SEPARATORS.split(text):
        part = " ".join(part.split())
        if part:
            terms.setdefault(match_key(part, group), canonical_term(part, group) or part.lower())
    return list(terms.values())


@dataclass(frozen=True)
class Uses:
    """What a drug is for, as the summary says it: conditions it treats, conditions whose risk
    it lowers, and off-label uses."""

    treats: Sequence[str] = ()
    prevents: Sequence[str] = ()
    off_label: Sequence[str] = ()


def compose_summary(drug: str, classes: Sequence[str], uses: Uses, brands: Sequence[str]) -> str:
    """One paragraph: what the drug is, what it treats or prevents, its brand names."""
    parts = []
    kind = with_article(join_terms(classes))
    treats = join_terms(uses.treats)
    if classes and uses.treats:
        parts.append(say("summary_class_and_uses", drug, classes=kind, uses=treats))
    elif classes:
        parts.append(say("summary_class_only", drug, classes=kind))
    elif uses.treats:
        parts.append(say("summary_uses_only", drug, uses=treats))
    if uses.prevents:
        template = "summary_prevents_also" if uses.treats else "summary_prevents"
        parts.append(say(template, drug, uses=join_terms(uses.prevents)))
    if uses.off_label:
        parts.append(say("summary_off_label", drug, uses=join_terms(uses.off_label)))
    if brands:
        parts.append(say("summary_brands", drug, brands=join_terms(brands)))
    return " ".join(parts) or UNKNOWN


def compose_mechanism(drug: str, terms: Sequence[str]) -> str:
    """How the drug works, from its mechanism terms."""
    known = voice().mechanism_terms
    actions = [
        known[t.lower()].words
        for t in terms
        if t.lower() in known and known[t.lower()].role == "action"
    ]
    targets = [
        known[t.lower()].words
        for t in terms
        if t.lower() in known and known[t.lower()].role == "target"
    ]
    if len(actions) == 1 and targets:  # one action: what it does at each target
        return say(
            "mechanism_action_and_target",
            drug,
            actions=join_terms(actions),
            targets=join_terms(targets),
        )
    if targets and not actions:
        return say("mechanism_target_only", drug, targets=join_terms(targets))
    if terms:  # several actions: which acts at which target is the sources' to say
        return say("mechanism_terms_only", drug, terms=join_terms(list(terms)))
    return UNKNOWN


def compose_titration(step: str | None, days: Scalar, ceiling: str | None) -> str:
    """How the dose is raised, with the daily ceiling when one is known."""
    if step and isinstance(days, int | float) and not isinstance(days, bool):
        text = say("titration_steps", step=step, days=format_number(days))
    else:
        text = say("titration_gradual")
    return f"{text} {say('titration_ceiling', max=ceiling)}" if ceiling else text


def compose_interaction(drug: str, agent: str, effects: Sequence[str], avoid: bool) -> str:
    """What taking the drug with an agent does, from the interaction's effect terms: what it
    does to how they work ("can make one of them work less well"), then its side effects."""
    wording = load(InteractionOutcomes).outcomes
    outcomes = [wording[term].say for term in effects if term in wording]
    harms = [term for term in effects if term not in wording]
    said = []
    if outcomes:  # "... can lower the blood level of one of them and increase drowsiness"
        also = [f"increase {join_terms(harms)}"] if harms else []
        said.append(
            say("interaction_outcome", drug, agent=agent, outcomes=join_terms(outcomes + also))
        )
    elif harms:
        said.append(say("interaction_effect", drug, agent=agent, effects=join_terms(harms)))
    else:
        said.append(say("interaction_unspecified", drug, agent=agent))
    if avoid:
        said.append(say("interaction_avoid", drug))
    return " ".join(said)


def compose_no_interaction(drug: str, agent: str) -> str:
    """That the sources say the drug and the agent do not interact."""
    return say("interaction_none", drug, agent=agent)


def compose_precaution(drug: str, condition: str, advice: Scalar) -> str:
    """Advice for people with a condition: the standard sentence plus a known advice code."""
    text = say("precaution_default", drug, condition=condition)
    extra = voice().precaution_advice.get(str(advice).lower()) if isinstance(advice, str) else None
    return f"{text} {extra}" if extra else text


# What a source's pregnancy flags say, in medinfo's words, in the order a reader needs them:
# (flag, value that is said, template)
_PREGNANCY_SAYS = (
    ("contraindicated", True, "pregnancy_contraindicated"),
    ("avoid", True, "pregnancy_avoid"),
    ("stage_specific", True, "pregnancy_stage"),
    ("limited_information", True, "pregnancy_limited"),
    ("crosses_placenta", True, "pregnancy_placenta"),
    ("may_harm_fetus", True, "pregnancy_harm"),
    ("may_harm_fetus", False, "pregnancy_no_harm"),
    ("no_defects_shown", True, "pregnancy_no_defects"),
    ("newborn_effects", True, "pregnancy_newborn"),
    ("benefit_must_outweigh_risk", True, "pregnancy_benefit"),
    ("considered_safe", True, "pregnancy_safe"),
    ("used_when_needed", True, "pregnancy_used"),
    ("alternative_preferred", True, "pregnancy_alternative"),
    ("dose_change", True, "pregnancy_dose_change"),
    ("do_not_stop", True, "pregnancy_do_not_stop"),
    ("untreated_risk", True, "pregnancy_untreated"),
    ("stop_if_pregnant", True, "pregnancy_stop_if_pregnant"),
    ("plan_ahead", True, "pregnancy_plan"),
    ("contraception_advised", True, "pregnancy_contraception"),
)


def compose_pregnancy(
    drug: str,
    category: str | None,
    outdated: bool,
    mentioned: bool,
    flags: Mapping[str, Scalar] | None = None,
    stage: str | None = None,
    alternatives: Sequence[str] = (),
    newborn_signs: Sequence[str] = (),
) -> str:
    """Pregnancy advice from the category and what the sources' flags say (`stage`: the stage
    of pregnancy they single out; `newborn_signs`: the effects named for the newborn); notes
    that letter categories are retired; ends by sending the reader to a doctor."""
    if not category and not mentioned:
        return UNKNOWN
    parts = []
    if category:
        meaning = voice().pregnancy_categories.get(category.upper(), "")
        parts.append(say("pregnancy_category", drug, category=category, meaning=meaning).strip())
        if outdated:
            parts.append(say("pregnancy_outdated", drug))
    flags = flags or {}
    # a stronger or more precise statement stands for a weaker one
    category_x = bool(category) and str(category).upper() == "X"  # "must not be used" said
    said_better = {
        "pregnancy_contraindicated": category_x,
        "pregnancy_avoid": flags.get("contraindicated") is True or category_x,
        "pregnancy_no_harm": flags.get("may_harm_fetus") is True
        or flags.get("no_defects_shown") is True,
    }
    for flag, value, template in _PREGNANCY_SAYS:
        if flags.get(flag) is value and not said_better.get(template, False):
            parts.append(say(template, drug))
            if template == "pregnancy_stage" and stage in ("end", "later", "early"):
                parts[-1] = say(f"pregnancy_stage_{stage}", drug)
            if template == "pregnancy_alternative" and alternatives:
                parts[-1] = say("pregnancy_alternative_named", drug, names=join_terms(alternatives))
            if template == "pregnancy_newborn" and newborn_signs:
                parts[-1] = say("pregnancy_newborn_named", drug, names=join_terms(newborn_signs))
    if not category:
        parts.append(say("pregnancy_mentioned", drug))
    return " ".join(parts)


def compose_breastfeeding(drug: str, value: Mapping[str, Scalar], mentioned: bool) -> str:
    """Breastfeeding advice from `excreted_in_milk`, `infant_effects_known` and the other
    flags the sources state (small amounts, compatible, another medicine preferred, a pause
    after a dose, watching the baby for `infant_signs`)."""
    if not mentioned:
        return UNKNOWN
    parts = []
    excreted = value.get("excreted_in_milk")
    if excreted is True:
        small = value.get("small_amounts") is True
        parts.append(say("breastfeeding_small" if small else "breastfeeding_excreted", drug))
    elif excreted is False:
        parts.append(say("breastfeeding_not_excreted", drug))
    elif value.get("excretion_uncertain"):  # "it is not known whether it passes into milk"
        parts.append(say("breastfeeding_excretion_unknown", drug))
    if value.get("infant_effects_known") is False:
        parts.append(say("breastfeeding_effects_unknown", drug))
    if value.get("avoid") is True:
        parts.append(say("breastfeeding_avoid", drug))
    elif value.get("compatible") is True:
        parts.append(say("breastfeeding_compatible", drug))
    if value.get("avoid_for_some_babies") is True and value.get("avoid") is not True:
        parts.append(say("breastfeeding_some_babies", drug))
    if value.get("short_use_acceptable") is True:
        parts.append(say("breastfeeding_short_use", drug))
    if value.get("long_use_avoided") is True:
        parts.append(say("breastfeeding_long_use", drug))
    if value.get("pause_after_dose") is True:
        hours = value.get("pause_hours")
        if isinstance(hours, int):
            parts.append(say("breastfeeding_pause_hours", drug, hours=str(hours)))
        else:
            parts.append(say("breastfeeding_pause", drug))
    if value.get("alternative_preferred") is True:
        named = str(value.get("alternatives") or "")
        if named:
            names = join_terms(named.split(", "))
            parts.append(say("breastfeeding_alternative_named", drug, names=names))
        else:
            parts.append(say("breastfeeding_alternative", drug))
    signs = str(value.get("infant_signs") or "")
    watch = value.get("watch_baby") is True
    if signs:
        template = "breastfeeding_watch_signs" if watch else "breastfeeding_infant_signs"
        parts.append(say(template, drug, signs=join_terms(signs.split(", "))))
    elif watch:
        parts.append(say("breastfeeding_watch", drug))
    parts.append(say("breastfeeding_ask", drug))
    return " ".join(parts)


def compose_missed_dose(value: Mapping[str, Scalar]) -> str:
    """The missed-dose rule from its flags and the hours that decide a skip; for a medicine
    taken only when needed, that a missed dose usually does not arise."""
    parts = []
    take = value.get("take_when_remembered")
    skip = value.get("skip_if_next_dose_near") is True
    if take is True:
        parts.append(say("missed_take"))
    elif take is False:
        parts.append(say("missed_wait"))
    elif skip:  # the source says only to skip it ("just skip it and take the next one")
        parts.append(say("missed_skip_always"))
        skip = False
    windows = [
        say(template, hours=str(value[name]))
        for name, template in (
            ("next_within_hours", "missed_skip_within"),
            ("late_by_hours", "missed_skip_late"),
        )
        if isinstance(value.get(name), int)
    ]
    if value.get("same_day_only") is True:
        windows.append(say("missed_skip_next_day"))
    if value.get("late_in_day") is True:
        windows.append(say("missed_skip_late_in_day"))
    if skip:
        parts.extend(windows or [say("missed_skip")])
    if value.get("never_double") is True:
        parts.append(say("missed_double"))
    if value.get("as_needed") is True:  # taken only when needed: the rule is for a schedule
        parts[:0] = [say("missed_as_needed"), *([say("missed_on_schedule")] if parts else [])]
    return " ".join(parts) or UNKNOWN


def compose_stopping(
    drug: str,
    abrupt: Scalar,
    taper: bool,
    symptoms: Sequence[str],
    rebound: bool = False,
    withdrawal: bool = False,
) -> str:
    """Whether stopping suddenly is risky, with withdrawal symptoms and taper advice; a
    rebound the sources describe is said beside "not dangerous", never hidden by it. A risk
    is called withdrawal only when a source names withdrawal or its symptoms ("seizures can
    come back" is a warning, not withdrawal)."""
    listed = join_terms(symptoms)
    if abrupt is True:
        name = "stopping_abrupt_symptoms" if symptoms else "stopping_abrupt"
        name = name if symptoms or withdrawal else "stopping_abrupt_unnamed"
        parts = [say(name, drug, symptoms=listed)]
    elif abrupt is False:
        parts = [say("stopping_rebound" if rebound else "stopping_no_risk", drug)]
    elif symptoms:
        parts = [say("stopping_symptoms_only", drug, symptoms=listed)]
    else:
        parts = []
    if taper:
        parts.append(say("stopping_taper", drug))
    return " ".join(parts) or UNKNOWN


_WITHIN = re.compile(r"^(?:within|in)\s+", re.IGNORECASE)


# "few hours" -> "a few hours", "couple hours" -> "a couple of hours"
_VAGUE = re.compile(r"(?<!\ba\s)\b(few|couple)\s+(?:of\s+)?(minutes|hours|days|weeks|months)\b")


def _readable(span: str) -> str:
    """A normalised time span as a sentence says it: "few hours-couple days" -> "a few hours
    to a couple of days"."""
    ends = span.split("-") if not re.search(r"\d-\d", span) else [span]
    said = [
        _VAGUE.sub(lambda m: f"a {m[1]}{' of' if m[1] == 'couple' else ''} {m[2]}", e) for e in ends
    ]
    return " to ".join(said)


def join_alternatives(values: Iterable[Scalar]) -> str:
    """Distinct stated values in order, joined with "or" ("1-2 hours or a few days")."""
    seen: list[str] = []
    for value in values:
        text = _readable(_WITHIN.sub("", value.strip())) if isinstance(value, str) else ""
        if text and text not in seen:
            seen.append(text)
    return " or ".join(seen)


def compose_onset(first: Scalar, full: Scalar, disputed: bool, lasts: Scalar = None) -> str:
    """When the drug starts to work, when it works fully, and when its effect wears off."""
    parts = []
    first, full = join_alternatives([first]), join_alternatives([full])
    if first:
        parts.append(say("onset_first", first=first))
    if full:
        parts.append(say("onset_full", full=full))
    if parts and disputed:
        parts.append(say("onset_disputed"))
    if lasts:
        parts.append(say("onset_lasts", lasts=str(lasts)))
    return " ".join(parts) or UNKNOWN
