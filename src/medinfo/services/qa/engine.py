"""The question answering engine: a patient's question in, a cited answer or an honest no out."""

from __future__ import annotations

import re
from dataclasses import replace

from medinfo.domain.answers import Answer, Intent
from medinfo.domain.catalog import CatalogDrug
from medinfo.domain.errors import InputError
from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.knowledge.names import one_covered_part
from medinfo.services.qa.abstain import (
    EMERGENCY,
    abstain_catalog_only,
    abstain_child_dose,
    abstain_for_concern,
    abstain_uncovered,
    abstain_unknown_drug,
    blocking_concern,
    is_child_dose,
    names_a_dose,
    needs_emergency_line,
    secondary_lines,
)
from medinfo.services.qa.asked_form import (
    doses_of_asked_route,
    other_route_asked,
    route_words,
    unheld_form,
    unheld_route,
)
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.denials import with_denial_quote, with_interaction_quote
from medinfo.services.qa.drug_mentions import (
    CatalogLookup,
    MonographLookup,
    is_context,
    is_replaced,
    second_monograph,
    without_names,
)
from medinfo.services.qa.evidence import child_age, with_evidence
from medinfo.services.qa.grounding import speaks_to
from medinfo.services.qa.intents import Concern, Reading, read_question
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.own_condition import EFFECTS, asks_with_own_condition, states_own_condition
from medinfo.services.qa.pairs import (
    names_listed_agent,
    unlisted_pair,
    with_both_sides,
    with_catalog_medicine,
)
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft, join_words
from medinfo.services.qa.populations import (
    PopulationDraft,
    asked_age,
    asked_clearance,
    asked_population,
    child_dose_draft,
    group_names,
    names_an_amount,
    population_draft,
    population_name,
)
from medinfo.services.qa.practical_answers import with_practical_facts  # qafacts5 (ADR 0027)
from medinfo.services.qa.several import answer_other_clauses
from medinfo.services.qa.substances import unlisted_substance_note
from medinfo.services.qa.topic import Topic, named_effects, names_of, own_names
from medinfo.services.qa.uses import (
    asked_effect,
    asked_use,
    bare_effect,
    is_unlisted_effect,
    is_unlisted_use,
    ruled_out_draft,
    ruled_out_uses,
    unlisted_use_draft,
)
from medinfo.services.qa.vocabulary import load_vocabulary, term_key

MAX_QUESTION_LENGTH = 2000
_STRONG = 3.0  # an intent score from this up rests on a strong cue
# Intents never answered with a named effect instead: effects already, no topic, or a safety
# topic whose own answer matters ("took 10 and feel drowsy" is an overdose, not a side effect).
_NO_EFFECT_INSTEAD = frozenset(
    {
        Intent.SIDE_EFFECTS,
        Intent.SERIOUS_SIDE_EFFECTS,
        Intent.OTHER,
        Intent.OVERDOSE,
        Intent.ALCOHOL,
        Intent.STOPPING,
        Intent.MISSED_DOSE,
        Intent.INTERACTION,
        Intent.DRIVING,
    }
)
_ROUTE_BOUND = frozenset({Intent.DOSAGE, Intent.MAX_DOSE, Intent.HOW_TO_TAKE})
_YOUR_CASE = (
    "Whether this applies to you is for the doctor who prescribes {drug} to judge: do not "
    "change your dose on your own."
)
# Topics the sources answer in general even when the asker wants a judgement of their own case
# ("forgot it this morning, should i take it or wait", "on simvastatin, is that ok together"):
# the general facts, then the judgement left to the prescriber.
_GENERAL_ANSWER = frozenset(
    {
        Intent.MISSED_DOSE,
        Intent.INTERACTION,
        Intent.ALCOHOL,
        Intent.STOPPING,
        Intent.PREGNANCY,
        Intent.BREASTFEEDING,
    }
)
_JUDGED = (
    "medinfo cannot judge your own case: ask the doctor who prescribes {drug} or a pharmacist "
    "whether this applies to you."
)
# Intents a group's dose question may be read as from its condition words ("liver damage")
_GROUP_DOSE_READ_AS = frozenset(
    {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS, Intent.OTHER, Intent.PRECAUTIONS}
)
# "my friend takes propranolol": who takes it (a person word), and what
_TAKES = re.compile(r"\b([a-z]+)\s+(?:takes|took|is\s+on|was\s+on|uses|used)\s+([a-z-]+)")
_WHAT_FOR = re.compile(r"\bfor\s*(?:\?|$)", re.IGNORECASE)  # "what's it actually for?"
_MOST = re.compile(r"\b(?:max|maximum|most|highest|upper limit|limit)\b")
# Intents the engine composes apart but reports as a wider one: weight gain is a side effect.
_REPORTED = {Intent.WEIGHT_GAIN: Intent.SIDE_EFFECTS}
# intents whose answer would give another form's instructions or dose for a form not held
_FORM_BOUND = frozenset({Intent.HOW_TO_TAKE, Intent.DOSAGE, Intent.MAX_DOSE})


def _treated_by_another(reading: Reading, monograph: Monograph, effects: list[str]) -> bool:
    """Whether the question names another medicine and gives an effect it names as what
    that medicine is for ("I take metoprolol for palpitations")."""
    if not load_medicine_index().named_in(Topic.of(reading).folded, own_names(monograph)):
        return False
    return any(
        re.search(
            rf"\bfor\s+(?:my\s+|his\s+|her\s+|the\s+)?{re.escape(term.lower())}", reading.text
        )
        for term in effects
    )


def _unread_intent(reading: Reading, monograph: Monograph) -> Reading:
    """A question with no intent cue that names a symptom or one of the drug's listed side
    effects asks about side effects; one that names another medicine asks about the
    combination, as does a use question naming no use but another medicine. A side-effect
    question naming only effects the sources list as serious asks
    about serious side effects."""
    effects = EFFECTS
    if reading.intent in {*effects, Intent.OTHER} and asks_with_own_condition(reading):
        # "i had low blood pressure last year, can i use it": the asker's history
        return replace(reading, intent=Intent.PRECAUTIONS)
    if reading.intent in effects and reading.score < _STRONG and states_own_condition(reading):
        return replace(reading, intent=Intent.PRECAUTIONS)
    if reading.intent in effects:
        named = named_effects(monograph, Topic.of(reading))
        if named and _treated_by_another(reading, monograph, [e.term for e in named]):
            # "I take metoprolol for palpitations, can I still use it": the pair is asked
            return replace(reading, intent=Intent.INTERACTION)
        if named and all(effect.serious for effect in named):
            return replace(reading, intent=Intent.SERIOUS_SIDE_EFFECTS)
        return reading
    topic = Topic.of(reading)
    if (
        reading.intent is Intent.INDICATION
        and not _WHAT_FOR.search(reading.question)  # "whats trajenta for? gp added metformin"
        and asked_use(reading.question) is None
        and load_medicine_index().named_in(topic.folded, own_names(monograph))
    ):
        # "i take simvastatin, gp just gave me clarithromycin. problem?": no use asked, two
        # medicines named: the question is about taking them together
        return replace(reading, intent=Intent.INTERACTION)
    if reading.intent is not Intent.OTHER or reading.concerns - {Concern.CHILD}:
        return reading  # a child named ("my son wakes up screaming") still asks of an effect
    named = named_effects(monograph, topic)
    if named:
        serious = all(effect.serious for effect in named)
        intent = Intent.SERIOUS_SIDE_EFFECTS if serious else Intent.SIDE_EFFECTS
        return replace(reading, intent=intent)
    if topic.vocabulary.symptoms_in(topic.folded):
        return replace(reading, intent=Intent.SIDE_EFFECTS)
    if load_medicine_index().named_in(topic.folded, own_names(monograph)):
        return replace(reading, intent=Intent.INTERACTION)
    if names_listed_agent(topic, monograph):  # "ct scan with contrast": iodinated contrast
        return replace(reading, intent=Intent.INTERACTION)
    return reading


def _other_medicine_outside(reading: Reading, monograph: Monograph, use: str) -> bool:
    """Whether the question names another medicine that is not part of the asked use
    ("alcohol cravings" and "opioid addiction" are uses, not second medicines) nor one
    someone else takes ("my friend takes propranolol for migraines, would mine help?")."""
    named = load_medicine_index().named_in(Topic.of(reading).folded, own_names(monograph))
    people = load_vocabulary().person_words - {"me", "us"}
    theirs = {
        found.group(2)
        for found in _TAKES.finditer(reading.question.lower())
        if found.group(1) in people
    }
    return any(
        medicine.typed not in use.lower() and medicine.typed not in theirs for medicine in named
    )


def _for_group(
    monograph: Monograph, group: str, passages: PassageSearch | None, question: str
) -> PopulationDraft | None:
    """What the sources say of a group for the asker: their age and kidney function as the
    question gives them."""
    return population_draft(
        monograph,
        group,
        passages,
        asked_age(question),
        asked_clearance(question),
        dialysis="dialysis" in question.lower(),
    )


def _with_group_dose(
    draft: Draft | None,
    monograph: Monograph,
    group: str,
    passages: PassageSearch | None,
    question: str,
) -> Draft | None:
    """A precautions answer about a dose population, with what the sources give as that
    group's dose (never the general adult figure) first."""
    found = _for_group(monograph, group, passages, question)
    if found is None or not found.gives_dose:
        return draft
    if draft is not None:
        found.draft.sentences.extend(s for s in draft.sentences if s not in found.draft.sentences)
        found.draft.add(*draft.citations)
    return found.draft


def _group_care(
    reading: Reading, monograph: Monograph, passages: PassageSearch | None
) -> Draft | None:
    """What the sources say of the group a precautions question names (older adults by age,
    kidney or liver disease), dose or care advice; None when they say nothing of it."""
    group = asked_population(Topic.of(reading))
    if group is None:
        return None
    found = _for_group(monograph, group, passages, reading.question)
    return found.draft if found is not None else None


def _population_dose(reading: Reading) -> Reading:
    """A question asking a dose ("dose", "how much") for a group the sources may give a dose
    of ("tramadol dose, my liver is damaged") asks for that group's dose, even when its
    condition words read as a side effect: never the general adult figure."""
    if reading.intent not in _GROUP_DOSE_READ_AS or not names_a_dose(reading.text):
        return reading
    if asked_population(Topic.of(reading)) is None:
        return reading
    most = _MOST.search(reading.text) is not None
    return replace(reading, intent=Intent.MAX_DOSE if most else Intent.DOSAGE)


def _named_effect_instead(reading: Reading, monograph: Monograph) -> Reading:
    """A question whose intent the facts cannot answer but that names one of the drug's listed
    side effects ("confusion in the elderly", no precaution for older adults) asks about that
    effect: fact first."""
    if reading.intent in _NO_EFFECT_INSTEAD:
        return reading
    if states_own_condition(reading):
        return reading  # "had a heart attack 4 months ago": the asker's condition, no effect
    named = named_effects(monograph, Topic.of(reading), whole=True)
    if not named:
        return reading
    if _treated_by_another(reading, monograph, [effect.term for effect in named]):
        return replace(reading, intent=Intent.INTERACTION)
    serious = all(effect.serious for effect in named)
    return replace(reading, intent=Intent.SERIOUS_SIDE_EFFECTS if serious else Intent.SIDE_EFFECTS)


def answer_question(
    question: str,
    monographs: MonographLookup,
    drug: str | None = None,
    passages: PassageSearch | None = None,
) -> Answer:
    """Answer a patient's question from the drug's monograph, or abstain honestly.

    `drug` names the medicine when the question does not (brand or misspelled names are
    fine); otherwise the drug mentioned in the question is used. Raises InputError for an
    empty or overlong question. A weight question is composed from the weight-related
    facts but reported as a side-effect question (`_REPORTED`).
    """
    answer = _answer(question, monographs, drug, passages)
    reported = _REPORTED.get(answer.intent)
    return answer.model_copy(update={"intent": reported}) if reported else answer


def _replacing_medicine(
    question: str, monograph: Monograph, monographs: MonographLookup
) -> CatalogDrug | None:
    """The catalog medicine without a monograph that the question asks about when it names the
    monograph's drug only as the one that medicine replaces."""
    if not isinstance(monographs, CatalogLookup) or not is_replaced(question, monograph):
        return None
    other = monographs.catalog_in_text(without_names(question, monograph))
    return other if other is not None and monographs.resolve(other.name) is None else None


def _about_part(
    question: str,
    monographs: MonographLookup,
    passages: PassageSearch | None,
    part: str,
    others: str,
) -> Answer:
    """The answer for the covered ingredient of a combination, saying what it leaves out."""
    answer = _answer(question, monographs, part, passages)
    note = (
        f"This is a combination medicine: besides {part} it contains {others}, which medinfo "
        f"has no sources about, so this answer is about the {part} only."
    )
    return answer.model_copy(update={"answer": f"{note} {answer.answer}"})


def _answer(
    question: str,
    monographs: MonographLookup,
    drug: str | None,
    passages: PassageSearch | None,
) -> Answer:
    if not question.strip():
        raise InputError("question: must not be empty")
    if len(question) > MAX_QUESTION_LENGTH:
        raise InputError(f"question: longer than {MAX_QUESTION_LENGTH} characters")
    key = monographs.resolve(drug) if drug else monographs.find_in_text(question)
    entry = None
    if key is None and isinstance(monographs, CatalogLookup):
        entry = monographs.catalog_in_text(drug or question)  # a brand only the catalog knows
        key = monographs.resolve(entry.name) if entry is not None else None
    covered = (
        one_covered_part(entry.name, lambda part: monographs.resolve(part) is not None)
        if key is None and entry is not None
        else None
    )
    if covered is not None:  # Suboxone: its buprenorphine, saying naloxone is left out
        return _about_part(question, monographs, passages, covered[0], " and ".join(covered[1]))
    monograph = monographs.get(key) if key else None
    if monograph is not None and drug is None and is_context(question, monograph):
        monograph = second_monograph(question, monograph, monographs) or monograph
    if monograph is not None and drug is None:
        replacing = _replacing_medicine(question, monograph, monographs)
        if replacing is not None:  # "cephalexin dose? i got it instead of clindamycin"
            monograph, entry = None, replacing
    names = names_of(monograph) if monograph else []
    reading = read_question(question, drug_names=[*names, *([drug] if drug else [])])
    name = monograph.drug if monograph else (drug or "this medicine")
    concern = blocking_concern(reading)
    group_dose = _group_dose(reading, monograph, passages, question)
    if concern is Concern.JUDGEMENT and monograph is not None and group_dose is not None:
        # "i have kidney disease, do i need a lower dose": the sources answer for the group
        group_dose.say(_YOUR_CASE.format(drug=monograph.drug))
        return _answered(question, reading, monograph, group_dose)
    judged = (
        concern is Concern.JUDGEMENT and monograph is not None and reading.intent in _GENERAL_ANSWER
    )
    concern = None if judged else concern
    if concern is not None:
        return abstain_for_concern(reading, concern, monograph.drug if monograph else None, name)
    if monograph is None:
        if entry is not None:
            return abstain_catalog_only(reading, entry)
        return abstain_unknown_drug(reading, drug)
    reading = _unread_intent(reading, monograph)
    reading = _population_dose(reading)
    reading = with_catalog_medicine(reading, monograph, monographs)
    if is_child_dose(reading):  # only a source's dose for the child's own age band
        age, amount = child_age(reading.text), names_an_amount(reading.text)
        child = child_dose_draft(monograph, passages, age, checks_amount=amount)
        if child is None:
            return abstain_child_dose(reading, monograph.drug, name)
        return _answered(question, reading, monograph, child)
    use = asked_use(reading.question) if reading.intent is Intent.INDICATION else None
    if use and _other_medicine_outside(reading, monograph, use):
        # "atorvastatin + colchicine for gout": the use is the other medicine's; the
        # question is about taking the two together
        reading, use = replace(reading, intent=Intent.INTERACTION), None
    effects = reading.intent in {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS}
    effect = None
    if effects:  # "can it cause hair loss", or a fragment naming only the effect
        effect = asked_effect(reading.question) or bare_effect(
            without_names(reading.question, monograph)
        )
    dosing = reading.intent in {Intent.DOSAGE, Intent.MAX_DOSE}
    population = asked_population(Topic.of(reading)) if dosing else None
    dosed_use = (
        _unlisted_dose_use(reading, monograph, passages) if dosing and not population else None
    )
    draft: Draft | None
    if dosed_use:  # "what dose for poison ivy": a use the sources never list has no dose
        said = f"The sources give no dose of {name} for {dosed_use}: they do not list that use."
        return abstain_uncovered(reading, monograph.drug, name, said)
    form = (
        unheld_form(monograph, Topic.of(reading).folded) if reading.intent in _FORM_BOUND else None
    )
    if form:  # "how do i use the cream" of a drug the sources give as tablets
        said = (
            f"The sources medinfo has for {name} cover it as {join_words(monograph.forms)}; "
            f"they say nothing of a {form}."
        )
        return abstain_uncovered(reading, monograph.drug, name, said)
    route = unheld_route(monograph, term_key(reading.question)) if dosing else None
    if reading.intent is Intent.HOW_TO_TAKE and (
        elsewhere := other_route_asked(monograph, term_key(reading.question))
    ):  # "where do i stick the patch": the directions held are for the tablets
        said = f"The directions medinfo holds for {name} are not for the {elsewhere}."
        return abstain_uncovered(reading, monograph.drug, name, said)
    if route:  # "most you can inject" when the sources' doses are all for tablets
        said = f"The doses medinfo holds for {name} are not for the {route}."
        quoted = with_evidence(None, monograph, reading, passages, required=route_words(route))
        if quoted is None:
            return abstain_uncovered(reading, monograph.drug, name, said)
        quoted.sentences.insert(0, said)  # only what a source says of that route, quoted
        return _answered(question, reading, monograph, quoted)
    if population:
        found = _for_group(monograph, population, passages, question)
        if found is None or not found.gives_dose:  # care advised, but no dose for them
            said = f"The sources give no dose of {name} for {population_name(population)}."
            partial = found.draft if found is not None else None
            return abstain_uncovered(reading, monograph.drug, name, said, partial)
        draft = found.draft
    elif (
        effect
        and is_unlisted_effect(monograph, effect)
        # "make my face red and give me a headache": a listed effect named too is answered
        and is_unlisted_effect(monograph, without_names(reading.question, monograph))
    ):
        draft = unlisted_use_draft(monograph, effect, passages, "side effects")
        if draft is None:
            said = f"The sources do not list {effect} as a side effect of {monograph.drug}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    elif use and (ruled_out := ruled_out_uses(monograph, use)):
        draft = ruled_out_draft(monograph, use, ruled_out, passages)
    elif use and is_unlisted_use(monograph, use):
        draft = unlisted_use_draft(monograph, use, passages)
        if draft is None:
            said = f"The sources do not list {use} among the uses of {monograph.drug}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    else:
        dosed = (
            doses_of_asked_route(monograph, term_key(reading.question))
            if reading.intent in _ROUTE_BOUND
            else monograph
        )  # "how many puffs": the inhaler's doses only, never the tablets'
        composed = with_practical_facts(compose_answer(dosed, reading), monograph, reading)
        if composed is None and reading.intent is Intent.PRECAUTIONS:
            # "my dad is 70, can he use it": what the sources say of that group
            composed = _group_care(reading, monograph, passages)
        if composed is None:  # nothing on the intent's topic: a listed effect it names?
            reading = _named_effect_instead(reading, monograph)
            composed = compose_answer(monograph, reading)
        draft = answer_other_clauses(composed, monograph, reading, names, monographs)
        group = asked_population(Topic.of(reading))
        if group and reading.intent is Intent.PRECAUTIONS:  # "sildenafil with kidney failure"
            draft = _with_group_dose(draft, monograph, group, passages, question)
        required = tuple(group_names(group)) if group else ()  # quotes about that group only
        if draft is not None and reading.intent is Intent.INTERACTION:
            draft = with_interaction_quote(draft, monograph, passages)
        draft = with_evidence(draft, monograph, reading, passages, required)
        if draft is not None and reading.intent in (Intent.INTERACTION, Intent.ALCOHOL):
            draft = with_denial_quote(draft, monograph, passages)
    other = None
    if reading.intent is Intent.INTERACTION:  # a question naming two drugs consults both
        other = second_monograph(question, monograph, monographs)
        if other is not None:
            draft = with_both_sides(draft, monograph, other, question, passages)
    if draft is not None and reading.intent is Intent.INTERACTION:
        note = unlisted_pair(draft, monograph, reading, monographs)
        note = note or unlisted_substance_note(draft, reading, monograph)
        if note is not None:
            return abstain_uncovered(reading, monograph.drug, name, note)
    if draft is None:
        return abstain_uncovered(reading, monograph.drug, name)
    if other is None and not speaks_to(draft, reading, monograph):  # a pair: it speaks to both
        return abstain_uncovered(reading, monograph.drug, name)
    if judged:
        draft.say(_JUDGED.format(drug=monograph.drug))
    return _answered(question, reading, monograph, draft)


def _unlisted_dose_use(
    reading: Reading, monograph: Monograph, passages: PassageSearch | None
) -> str | None:
    """The use a dose question names ("dose for poison ivy") when the sources neither list
    it nor mention it anywhere: a dose given for the listed uses says nothing of it. A use
    the sources mention outside the listed uses (a list can be incomplete) keeps the answer."""
    use = asked_use(without_names(reading.question, monograph))  # "dosage for <drug>": none
    if not use or not monograph.indications or named_effects(monograph, Topic.of(reading)):
        return None
    if not is_unlisted_use(monograph, use, by_name=True):
        return None
    mentioned = passages is None or unlisted_use_draft(monograph, use, passages) is not None
    return None if mentioned else use


def _group_dose(
    reading: Reading, monograph: Monograph | None, passages: PassageSearch | None, question: str
) -> Draft | None:
    """What the sources give as the dose for the group a dose question names (kidney or liver
    disease, older age), when they give one."""
    if monograph is None or reading.intent not in {Intent.DOSAGE, Intent.MAX_DOSE}:
        return None
    population = asked_population(Topic.of(reading))
    found = _for_group(monograph, population, passages, question) if population else None
    return found.draft if found is not None and found.gives_dose else None


def _answered(question: str, reading: Reading, monograph: Monograph, draft: Draft) -> Answer:
    """The answer composed from `draft`, with the emergency and other topics' safety lines."""
    opening = [EMERGENCY] if needs_emergency_line(reading) else []
    also = secondary_lines(reading, monograph.drug, draft.sentences)
    return Answer(
        question=question,
        drug=monograph.drug,
        intent=reading.intent,
        answer=" ".join([*opening, *draft.sentences, *also, DISCLAIMER]),
        answerable=True,
        citations=draft.citations,
    )
