"""The question answering engine: a patient's question in, a cited answer or an honest no out."""

from __future__ import annotations

from dataclasses import replace

from medinfo.domain.answers import Answer, Intent
from medinfo.domain.errors import InputError
from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.services.qa.abstain import (
    EMERGENCY,
    SAFETY_LINES,
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
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.drug_mentions import (
    CatalogLookup,
    MonographLookup,
    is_context,
    second_monograph,
    without_names,
)
from medinfo.services.qa.evidence import add_evidence, best_sentences, needed_share, question_ignore
from medinfo.services.qa.intents import Concern, Reading, clauses, read_question
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft
from medinfo.services.qa.populations import (
    asked_age,
    asked_population,
    population_draft,
    population_name,
)
from medinfo.services.qa.practical import asked_conditions, mentions_any
from medinfo.services.qa.topic import Topic, named_effects, own_names
from medinfo.services.qa.uses import (
    asked_effect,
    asked_use,
    is_unlisted_effect,
    is_unlisted_use,
    unlisted_use_draft,
)
from medinfo.services.qa.vocabulary import contains_phrase, load_vocabulary, term_key

MAX_QUESTION_LENGTH = 2000
_QUOTED = 3  # source sentences quoted with an answer, at most
_CLOSE = 0.5  # ... each scoring at least this share of the best one
# Intents the engine composes apart but reports as a wider one: weight gain is a side effect.
_REPORTED = {Intent.WEIGHT_GAIN: Intent.SIDE_EFFECTS}
_STRONG = 3.0  # a clause's own intent score from which it counts as another question
_MAX_ASKED = 2  # questions answered in one, at most
_WEAK = 3.0  # an interaction score no higher than this comes from the question's form only


def _with_evidence(
    draft: Draft | None,
    monograph: Monograph,
    reading: Reading,
    passages: PassageSearch | None,
    required: tuple[str, ...] = (),
) -> Draft | None:
    """The draft with the source sentences that best answer the question quoted after it;
    with no draft, those sentences alone when they share enough of the question's words."""
    if passages is None:
        return draft
    ignore = question_ignore(monograph, own_names(monograph))
    child = reading.has(Concern.CHILD)
    if child:  # only what the sources say of children, and never a dose (another age's?)
        required = load_vocabulary().child_source_words
    found = best_sentences(monograph, reading, passages, ignore, required)
    if child:
        found = [sentence for sentence in found if not names_a_dose(sentence.text)]
    if draft is None:
        topic_words = load_vocabulary().topic_words.get(reading.intent.value, ())
        found = [
            sentence
            for sentence in found
            if sentence.in_section
            or (
                sentence.asked >= needed_share(reading, ignore)
                and (
                    sentence.asked >= 2
                    or not topic_words
                    or mentions_any(sentence.text, topic_words)
                )
            )
        ]
        if not found:
            return None
        draft = Draft()
        lead = "medinfo has no structured fact on this, but {title} says:"
        safety = SAFETY_LINES.get(reading.intent)
    else:
        lead, safety = "{title} says:", None
    said = " ".join(draft.sentences).lower()
    for sentence in found[:_QUOTED]:
        if sentence.score < found[0].score * _CLOSE:
            break
        if sentence.text.lower()[:60] not in said:
            add_evidence(draft, monograph, sentence, lead)
            lead = "{title} also says:"
            said += " " + sentence.text.lower()
    if safety:
        draft.say(safety.format(drug=monograph.drug))
    return draft


def _add_other_side(draft: Draft, first: Monograph, other: Monograph, question: str) -> None:
    """Add what the other drug's monograph lists about the first one (either side counts)."""
    reading = read_question(question, drug_names=[other.drug, *other.brand_names])
    found = compose_answer(other, reading) or Draft()
    first_names = {n.lower() for n in (first.drug, *first.brand_names)}
    listed = [
        s
        for s in found.sentences
        if " can interact with " in s and any(n in s.lower() for n in first_names)
    ]
    pair = f"do not list an interaction between {first.drug} and"
    if not listed:
        if not any(pair in s for s in draft.sentences) and not any(
            other.drug in s.lower() for s in draft.sentences
        ):
            draft.sentences.insert(
                0,
                f"The sources for {first.drug} and {other.drug} do not list an interaction "
                "between them. That does not prove the combination is safe: ask a pharmacist "
                "before taking them together.",
            )
        return
    draft.sentences[:] = [s for s in draft.sentences if pair not in s]
    draft.sentences[:0] = listed
    draft.add(*found.citations)


def _answer_other_clauses(
    draft: Draft | None,
    monograph: Monograph,
    reading: Reading,
    names: list[str],
    monographs: MonographLookup,
) -> Draft | None:
    """The draft with the other questions asked in one answered too ("dose for afib? and
    can i have wine with it"): each clause whose own reading is another intent, found by a
    strong cue, adds the answer composed for it."""
    answered = {reading.intent}
    for clause in clauses(reading.question):
        if len(answered) > _MAX_ASKED:
            break
        other = read_question(clause, drug_names=names)
        other = _with_catalog_medicine(other, monograph, monographs)
        if other.intent in answered or other.score < _STRONG or other.concerns:
            continue
        answered.add(other.intent)
        extra = compose_answer(monograph, other)
        if extra is None:
            continue
        draft = draft or Draft()
        draft.sentences.extend(s for s in extra.sentences if s not in draft.sentences)
        draft.add(*extra.citations)
    return draft


def _with_catalog_medicine(
    reading: Reading, monograph: Monograph, monographs: MonographLookup
) -> Reading:
    """An interaction question naming another medicine only the catalog knows ("flomax",
    "cialis") reads as naming its generic ingredients too, so the interactions listed for
    them or for their groups are found. One read as an interaction only from its form ("X and
    Y?") that names no medicine but a side effect or a condition asks about that."""
    if reading.intent is not Intent.INTERACTION:
        return reading
    topic = Topic.of(reading)
    if load_medicine_index().named_in(topic.folded, own_names(monograph)):
        return reading
    other = None
    if isinstance(monographs, CatalogLookup):
        other = monographs.catalog_in_text(without_names(reading.question, monograph))
    if other is not None and term_key(other.name) not in own_names(monograph):
        generics = " ".join(other.components or (other.name,))
        return replace(reading, text=f"{reading.text} {generics.lower()}")
    if reading.score > _WEAK:  # "interact", "together", "mix": a combination is asked
        return reading
    # Only "X and Y?" pointed to a combination, and Y is no medicine: a symptom or a condition.
    if asked_conditions(topic.folded):  # "X and low blood pressure?": the asker's condition
        return replace(reading, intent=Intent.PRECAUTIONS)
    if named_effects(monograph, topic) or topic.vocabulary.symptoms_in(topic.folded):
        return replace(reading, intent=Intent.SIDE_EFFECTS)
    return reading  # a food, a supplement, a street drug the vocabularies do not hold


def _unlisted_pair(
    draft: Draft, monograph: Monograph, reading: Reading, monographs: MonographLookup
) -> str | None:
    """What to say when the sources list no interaction with the medicine asked about and
    nothing else in the answer speaks of it: then the question is declined, not answered."""
    if any(" can interact with " in sentence for sentence in draft.sentences):
        return None
    note = next((s for s in draft.sentences if "do not list an interaction between" in s), None)
    topic = Topic.of(reading)
    asked = {
        name
        for medicine in load_medicine_index().named_in(topic.folded, own_names(monograph))
        for name in (medicine.typed, *medicine.agent_names)
    }
    if note is None and not asked and isinstance(monographs, CatalogLookup):
        other = monographs.catalog_in_text(without_names(reading.question, monograph))
        if other is None or term_key(other.name) in own_names(monograph):
            return None
        asked = {term_key(n) for n in (other.name, *other.components, *other.brand_names)}
        if any(term_key(item.agent) in asked for item in monograph.interactions):
            return None
        named = other.display_name if ";" in other.name else other.name
        note = (
            f"The sources do not list an interaction between {monograph.drug} and {named}. "
            "That does not prove the combination is safe: ask a pharmacist before taking them "
            "together."
        )
    if note is None:
        return None
    quoted = " ".join(s for s in draft.sentences if "\u201c" in s)
    if any(contains_phrase(term_key(quoted), name) for name in asked if name):
        return None
    return note


def _unread_intent(reading: Reading, monograph: Monograph) -> Reading:
    """A question with no intent cue that names a symptom or one of the drug's listed side
    effects asks about side effects; one that names another medicine asks about the
    combination. A side-effect question naming only effects the sources list as serious asks
    about serious side effects."""
    effects = {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS}
    if reading.intent in effects:
        named = named_effects(monograph, Topic.of(reading))
        if named and all(effect.serious for effect in named):
            return replace(reading, intent=Intent.SERIOUS_SIDE_EFFECTS)
        return reading
    if reading.intent is not Intent.OTHER or reading.concerns:
        return reading
    topic = Topic.of(reading)
    named = named_effects(monograph, topic)
    if named:
        serious = all(effect.serious for effect in named)
        intent = Intent.SERIOUS_SIDE_EFFECTS if serious else Intent.SIDE_EFFECTS
        return replace(reading, intent=intent)
    if topic.vocabulary.symptoms_in(topic.folded):
        return replace(reading, intent=Intent.SIDE_EFFECTS)
    if load_medicine_index().named_in(topic.folded, own_names(monograph)):
        return replace(reading, intent=Intent.INTERACTION)
    return reading


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
    monograph = monographs.get(key) if key else None
    if monograph is not None and drug is None and is_context(question, monograph):
        monograph = second_monograph(question, monograph, monographs) or monograph
    names = [monograph.drug, *monograph.brand_names] if monograph else []
    reading = read_question(question, drug_names=[*names, *([drug] if drug else [])])
    name = monograph.drug if monograph else (drug or "this medicine")
    concern = blocking_concern(reading)
    if concern is not None:
        return abstain_for_concern(reading, concern, monograph.drug if monograph else None, name)
    if monograph is None:
        if entry is not None:
            return abstain_catalog_only(reading, entry)
        return abstain_unknown_drug(reading, drug)
    reading = _unread_intent(reading, monograph)
    reading = _with_catalog_medicine(reading, monograph, monographs)
    if is_child_dose(reading):
        return abstain_child_dose(reading, monograph.drug, name)
    use = asked_use(reading.question) if reading.intent is Intent.INDICATION else None
    effects = reading.intent in {Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS}
    effect = asked_effect(reading.question) if effects else None
    dosing = reading.intent in {Intent.DOSAGE, Intent.MAX_DOSE}
    population = asked_population(Topic.of(reading)) if dosing else None
    if population:
        draft = population_draft(monograph, population, passages, asked_age(question))
        if draft is None:
            said = f"The sources give no dose of {name} for {population_name(population)}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    elif effect and is_unlisted_effect(monograph, effect):
        draft = unlisted_use_draft(monograph, effect, passages, "side effects")
        if draft is None:
            said = f"The sources do not list {effect} as a side effect of {monograph.drug}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    elif use and is_unlisted_use(monograph, use):
        draft = unlisted_use_draft(monograph, use, passages)
        if draft is None:
            said = f"The sources do not list {use} among the uses of {monograph.drug}."
            return abstain_uncovered(reading, monograph.drug, name, said)
    else:
        draft = _answer_other_clauses(
            compose_answer(monograph, reading), monograph, reading, names, monographs
        )
        draft = _with_evidence(draft, monograph, reading, passages)
    if draft is not None and reading.intent is Intent.INTERACTION:
        other = second_monograph(question, monograph, monographs)
        if other is not None:
            _add_other_side(draft, monograph, other, question)
        note = _unlisted_pair(draft, monograph, reading, monographs)
        if note is not None:
            return abstain_uncovered(reading, monograph.drug, name, note)
    if draft is None:
        return abstain_uncovered(reading, monograph.drug, name)
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
