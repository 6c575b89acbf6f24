"""Composition: answers written from a monograph's facts, one composer per intent."""

from __future__ import annotations

import re

from medinfo.domain.answers import Intent
from medinfo.domain.monograph import UNKNOWN, MissedDose, Monograph
from medinfo.reconcile.voice import with_article
from medinfo.services.qa.combinations import compose_alcohol, compose_interaction
from medinfo.services.qa.effects import (
    compose_driving,
    compose_overdose,
    compose_serious_side_effects,
    compose_side_effects,
    compose_weight_gain,
)
from medinfo.services.qa.intents import Reading
from medinfo.services.qa.missed_timing import timed_missed_dose
from medinfo.services.qa.phrasing import (
    Draft,
    describe_dose,
    drug_title,
    format_amount,
    in_words,
    join_words,
    note_conflicts,
    note_weak,
    sentence_case,
    term_attributions,
)
from medinfo.services.qa.practical import PRACTICAL_COMPOSERS, asks_a_point, compose_how_to_take
from medinfo.services.qa.topic import Composer, Topic, faqs_about, quote_faq
from medinfo.services.qa.uses import asked_use, matching_uses
from medinfo.services.qa.vocabulary import contains_phrase, term_key


def compose_indication(monograph: Monograph, topic: Topic) -> Draft | None:
    on = [i for i in monograph.indications if not i.off_label]
    off = [i for i in monograph.indications if i.off_label]
    if not on and not off and not monograph.drug_class:
        return None
    name, draft = monograph.drug, Draft()
    use = asked_use(topic.reading.question)
    named = [
        i for i in monograph.indications if contains_phrase(topic.folded, term_key(i.condition))
    ]
    for asked in named or (matching_uses(monograph, use) if use else []):
        if asked.off_label:
            draft.say(
                f"{sentence_case(asked.condition)[:-1]} is an off-label use of {name}: doctors "
                "sometimes prescribe it for this, although it is not an approved use.",
                asked,
            )
        else:
            draft.say(f"Yes: {asked.condition} is one of the listed uses of {name}.", asked)
    treats = [i for i in on if not i.prevention]
    prevents = [i for i in on if i.prevention]
    if treats:
        conditions = join_words([i.condition for i in treats])
        draft.say(f"{drug_title(monograph)} is used to treat {conditions}.", *treats)
    if prevents:  # a use stated as lowering a risk is not a treatment of the condition
        lead = "It is also used" if treats else f"{drug_title(monograph)} is used"
        draft.say(
            f"{lead} to lower the risk of {join_words([i.condition for i in prevents])}.",
            *prevents,
        )
    if off:
        draft.say(f"It is also used off-label for {join_words([i.condition for i in off])}.", *off)
    note_weak(draft, [*on, *off], [i.condition for i in [*on, *off]])
    if monograph.drug_class:
        classes = monograph.drug_class
        draft.say(
            f"It is {with_article(join_words(classes))}.",
            *term_attributions(monograph, "drug_class", classes),
        )
    note_conflicts(draft, monograph, topic.reading.conflicts)
    return draft


_ASKED_MG = re.compile(r"\b(\d+(?:\.\d+)?) ?mg\b")
_PER_DAY = re.compile(r"\b((a|per|each|in a|in one|every) day|daily|a day)\b")


def say_asked_amount(draft: Draft, monograph: Monograph, topic: Topic) -> None:
    """Compare an amount the question names with the maximum daily dose the sources give."""
    limit = monograph.dosing.max_daily
    asked = [float(amount) for amount in _ASKED_MG.findall(topic.reading.text)]
    if limit is None or limit.unit.lower() != "mg" or not asked:
        return
    most = max(asked)
    shown = describe_dose(limit, per_day=True)
    if most > limit.amount:
        draft.say(
            f"{most:g} mg is more than the maximum of {shown} the sources give: do not take "
            "that much.",
            limit,
        )
    elif _PER_DAY.search(topic.reading.text):
        draft.say(
            f"{most:g} mg a day is within the maximum of {shown} the sources give, but take "
            "only the dose your prescriber set for you.",
            limit,
        )


def compose_dosage(monograph: Monograph, topic: Topic) -> Draft | None:
    dosing = monograph.dosing
    if not (dosing.initial or dosing.max_daily or dosing.titration):
        return None
    draft = Draft()
    if dosing.initial:
        draft.say(f"The usual starting dose is {describe_dose(dosing.initial)}.", dosing.initial)
    if dosing.titration:
        draft.say(f"After that: {sentence_case(dosing.titration)}", dosing)
    if dosing.max_daily:
        max_daily = describe_dose(dosing.max_daily, per_day=True)
        draft.say(f"The sources give a maximum of {max_daily}.", dosing.max_daily)
        say_asked_amount(draft, monograph, topic)
    if dosing.renal_adjustment:
        draft.say(
            "People with reduced kidney function may need a lower dose.", *dosing.renal_adjustment
        )
    if monograph.forms:
        forms = monograph.forms
        draft.say(
            f"It comes as {join_words(forms)}.", *term_attributions(monograph, "forms", forms)
        )
    note_conflicts(draft, monograph, topic.reading.conflicts)
    draft.say("Take it exactly as your prescriber told you; your own dose may differ.")
    return draft


def compose_max_dose(monograph: Monograph, topic: Topic) -> Draft | None:
    dosing = monograph.dosing
    if not (dosing.max_daily or dosing.max_single):
        return None
    name, draft = monograph.drug, Draft()
    if dosing.max_daily:
        max_daily = describe_dose(dosing.max_daily, per_day=True)
        draft.say(f"The maximum dose of {name} the sources give is {max_daily}.", dosing.max_daily)
        say_asked_amount(draft, monograph, topic)
    if dosing.max_single:
        draft.say(
            f"A single dose should not exceed {describe_dose(dosing.max_single)}.",
            dosing.max_single,
        )
    note_conflicts(draft, monograph, topic.reading.conflicts)
    draft.say(
        "Never take more than your prescriber told you. If someone has taken too much, "
        "call emergency services or poison control now."
    )
    return draft


def _compose_life_stage(monograph: Monograph, topic: Topic, stage: str, word: str) -> Draft | None:
    """Pregnancy or breastfeeding: the summary, the precautions, the advice to ask first."""
    fact = monograph.pregnancy if stage == "pregnancy" else monograph.breastfeeding
    cautions = [p for p in monograph.precautions if word in term_key(p.condition)]
    category = getattr(fact, "category", None)
    if fact.summary == UNKNOWN and not category and not cautions:
        return None
    name, draft = monograph.drug, Draft()
    if fact.summary != UNKNOWN:
        draft.say(sentence_case(fact.summary), fact)
    if category and getattr(fact, "outdated_category", False):
        draft.say(
            f"Older references put {name} in pregnancy category {category}; the FDA retired "
            "these letter categories in 2015, so the letter is only a rough guide.",
            fact,
        )
    elif category:
        draft.say(f"{drug_title(monograph)} is listed in pregnancy category {category}.", fact)
    for caution in cautions:
        if caution.advice:
            draft.say(sentence_case(caution.advice), caution)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    draft.say(f"Talk to your doctor before taking {name}, and do not stop it on your own.")
    return draft


def compose_pregnancy(monograph: Monograph, topic: Topic) -> Draft | None:
    return _compose_life_stage(monograph, topic, "pregnancy", "pregnan")


def compose_breastfeeding(monograph: Monograph, topic: Topic) -> Draft | None:
    return _compose_life_stage(monograph, topic, "breastfeeding", "breast")


def compose_missed_dose(monograph: Monograph, topic: Topic) -> Draft | None:
    missed = monograph.missed_dose
    flags = (missed.take_when_remembered, missed.skip_if_next_dose_near, missed.never_double)
    if all(flag is None for flag in flags) and missed.summary == UNKNOWN:
        return None
    draft = Draft()
    rule = [
        *(["Take the missed dose as soon as you remember."] if missed.take_when_remembered else []),
        *([skip] if (skip := _skip_line(missed)) else []),
        *([sentence_case(missed.summary)] if all(flag is None for flag in flags) else []),
    ]
    timed = timed_missed_dose(topic.reading.text, monograph)
    if timed:  # the answer for the time the question gives, then the rule it follows
        draft.say(timed, missed)
        rule[:1] = [f"The general rule: {rule[0][0].lower()}{rule[0][1:]}"] if rule else []
    for line in rule:
        draft.say(line, missed)
    draft.cite(missed)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    if not timed:
        draft.say(
            "Do not double up: never take a double dose or two doses at once to make up for a "
            "missed one."
        )
    return draft


def _skip_line(missed: MissedDose) -> str | None:
    """When to skip a missed dose, with the sources' timing when they give one."""
    if missed.skip_within_hours is not None:
        hours = format_amount(missed.skip_within_hours)
        return f"If your next dose is due within {hours} hours, skip the missed one."
    if missed.skip_late_by_hours is not None:
        hours = format_amount(missed.skip_late_by_hours)
        return f"If more than {hours} hours have passed since the usual time, skip the missed one."
    if missed.skip_late_in_day:
        return "If you only remember late in the day, skip the missed one."
    if missed.skip_if_next_dose_near:
        return (
            "If it is almost time for your next dose, skip the missed one and go back to your "
            "usual schedule."
        )
    return None


def compose_stopping(monograph: Monograph, topic: Topic) -> Draft | None:
    stopping = monograph.stopping
    if stopping.abrupt_stop_risk is None and stopping.summary == UNKNOWN:
        return None
    name, draft = monograph.drug, Draft()
    if stopping.abrupt_stop_risk:
        draft.say(f"Do not stop taking {name} suddenly.", stopping)
        if stopping.withdrawal_symptoms:
            symptoms = join_words(stopping.withdrawal_symptoms)
            draft.say(
                f"Stopping abruptly can cause withdrawal symptoms such as {symptoms}.", stopping
            )
    elif stopping.summary != UNKNOWN:
        draft.say(sentence_case(stopping.summary), stopping)
    if stopping.taper:
        draft.say(sentence_case(stopping.taper), stopping)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    if stopping.abrupt_stop_risk:
        draft.say(
            "Never stop it abruptly on your own: your prescriber can plan to lower the dose "
            "gradually (a taper) when it is time to stop."
        )
    else:  # no taper the sources never ask for; the prescriber still decides
        draft.say("Check with your prescriber before you stop taking it.")
    return draft


def compose_onset(monograph: Monograph, topic: Topic) -> Draft | None:
    onset = monograph.onset
    draft = Draft()
    if onset.summary != UNKNOWN:
        draft.say(f"How soon it works: {sentence_case(in_words(onset.summary))}", onset)
    disagree = note_conflicts(draft, monograph, topic.reading.conflicts)
    if onset.summary == UNKNOWN and not disagree:
        return None
    draft.say("Keep taking it as prescribed, and tell your prescriber if it does not seem to help.")
    return draft


def compose_mechanism(monograph: Monograph, topic: Topic) -> Draft | None:
    mechanism, classes = monograph.mechanism, monograph.drug_class
    if not mechanism and not classes:
        return None
    draft = Draft()
    if classes:
        draft.say(
            f"{drug_title(monograph)} is {with_article(join_words(classes))}.",
            *term_attributions(monograph, "drug_class", classes),
        )
    if mechanism and mechanism.summary:
        draft.say(f"How it works: {sentence_case(mechanism.summary)}", mechanism)
    elif mechanism and mechanism.terms:
        draft.say(f"It acts as a {' '.join(mechanism.terms)}.", mechanism)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    return draft


def compose_storage(monograph: Monograph, topic: Topic) -> Draft | None:
    faqs = faqs_about(monograph, "stor", "dispos")
    if not faqs:
        return None
    draft = Draft()
    quote_faq(draft, faqs)
    return draft


def compose_administration(monograph: Monograph, topic: Topic) -> Draft | None:
    """How to take it: the facts on the point asked, else (asked in general) the usual dose."""
    draft = compose_how_to_take(monograph, topic)
    if draft is None and not asks_a_point(topic, Intent.HOW_TO_TAKE):
        return compose_dosage(monograph, topic)
    return draft


COMPOSERS: dict[Intent, Composer] = {
    Intent.INDICATION: compose_indication,
    Intent.DOSAGE: compose_dosage,
    Intent.MAX_DOSE: compose_max_dose,
    Intent.SIDE_EFFECTS: compose_side_effects,
    Intent.SERIOUS_SIDE_EFFECTS: compose_serious_side_effects,
    Intent.INTERACTION: compose_interaction,
    Intent.ALCOHOL: compose_alcohol,
    Intent.PREGNANCY: compose_pregnancy,
    Intent.BREASTFEEDING: compose_breastfeeding,
    Intent.MISSED_DOSE: compose_missed_dose,
    Intent.STOPPING: compose_stopping,
    Intent.ONSET: compose_onset,
    Intent.MECHANISM: compose_mechanism,
    Intent.DRIVING: compose_driving,
    Intent.WEIGHT_GAIN: compose_weight_gain,
    Intent.OVERDOSE: compose_overdose,
    Intent.STORAGE: compose_storage,
    **PRACTICAL_COMPOSERS,
    Intent.HOW_TO_TAKE: compose_administration,
}


def say_named_precautions(draft: Draft, monograph: Monograph, topic: Topic) -> None:
    """Add the precautions about a condition the question names ("if i have kidney problems")."""
    words = set(topic.folded.split())
    for caution in monograph.precautions:
        named = set(term_key(caution.condition).split()) - topic.vocabulary.condition_generic_words
        if {w for w in named if len(w) > 3} & words:
            line = (
                sentence_case(caution.advice)
                if caution.advice
                else (
                    f"The sources advise caution with {caution.condition}: tell your doctor or "
                    "pharmacist if it applies to you."
                )
            )
            if line not in draft.sentences:
                draft.say(line, caution)


def compose_answer(monograph: Monograph, reading: Reading) -> Draft | None:
    """The answer the monograph's facts give to a question; None when no fact fits."""
    composer = COMPOSERS.get(reading.intent)
    topic = Topic.of(reading)
    draft = composer(monograph, topic) if composer else None
    if draft is not None:
        say_named_precautions(draft, monograph, topic)
    return draft
