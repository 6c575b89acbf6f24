"""Two medicines in one question: the other drug's monograph, catalog medicines, unlisted pairs."""

from __future__ import annotations

from dataclasses import replace

from medinfo.domain.answers import Intent
from medinfo.domain.monograph import Monograph
from medinfo.services.qa.compose import compose_answer
from medinfo.services.qa.drug_mentions import CatalogLookup, MonographLookup, without_names
from medinfo.services.qa.evidence import with_evidence
from medinfo.services.qa.intents import Reading, read_question
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.passages import PassageSearch
from medinfo.services.qa.phrasing import Draft
from medinfo.services.qa.practical import asked_conditions
from medinfo.services.qa.topic import Topic, named_effects, names_of, own_names
from medinfo.services.qa.uses import bare_effect
from medinfo.services.qa.vocabulary import contains_phrase, term_key

_WEAK = 3.0  # an interaction score no higher than this comes from the question's form only
_AGENT_WORD = 5  # a word of a listed agent this long names it in a question
_AGENT_TYPES = frozenset({"substance", "drug"})  # a class ("diuretics") is read by the index


def add_other_side(draft: Draft, first: Monograph, other: Monograph, question: str) -> None:
    """Add what the other drug's monograph lists about the first one (either side counts)."""
    reading = read_question(question, drug_names=names_of(other))
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


def with_both_sides(
    draft: Draft | None,
    first: Monograph,
    other: Monograph,
    question: str,
    passages: PassageSearch | None,
) -> Draft | None:
    """An interaction answer that consults both drugs' monographs: what the other drug's facts
    list about the first one, and the other drug's source sentences naming it ("Metformin:
    possible increase in the risk of metabolic acidosis" in a topiramate page). With nothing
    from the first drug's sources, the other side alone answers; with nothing from either,
    None (the question is declined, never answered "no interaction listed" from silence)."""
    reading = read_question(question, drug_names=names_of(other))
    reading = replace(reading, intent=Intent.INTERACTION)
    quoted = with_evidence(None, other, reading, passages)
    quoted = _naming(quoted, first)
    first_names = {n.lower() for n in (first.drug, *first.brand_names)}
    if draft is None:
        found = compose_answer(other, reading) or Draft()
        listed = [
            s
            for s in found.sentences
            if " can interact with " in s and any(n in s.lower() for n in first_names)
        ]
        if not listed and quoted is None:
            return None
        draft = Draft()
        draft.sentences.extend(listed)
        if listed:
            draft.add(*found.citations)
    else:
        add_other_side(draft, first, other, question)
    if quoted is not None:  # the other drug's source speaks of the pair
        unlisted = "do not list an interaction between"
        draft.sentences[:] = [s for s in draft.sentences if unlisted not in s]
        said = " ".join(draft.sentences).lower()
        for sentence in quoted.sentences:
            if sentence.lower()[-80:] not in said:
                draft.say(sentence.replace("medinfo has no structured fact on this, but ", ""))
        draft.add(*quoted.citations)
    return draft


def _naming(quoted: Draft | None, first: Monograph) -> Draft | None:
    """The quotes of `quoted` that name the first drug by one of its own names; None when
    none does (a label's list of other interactions says nothing of this pair)."""
    if quoted is None:
        return None
    names = {term_key(n) for n in (first.drug, *first.brand_names)}
    kept = [
        sentence
        for sentence in quoted.sentences
        if "\u201c" in sentence and any(contains_phrase(term_key(sentence), n) for n in names)
    ]
    if not kept:
        return None
    return Draft(sentences=kept, citations=list(quoted.citations))


def with_catalog_medicine(
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
    if names_listed_agent(topic, monograph):  # "contrast" is iodinated contrast, not a brand
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
    phrase = bare_effect(without_names(reading.question, monograph))
    generic = topic.vocabulary.condition_generic_words
    if phrase and set(phrase.split()) & generic and not _named_in_interactions(monograph, phrase):
        # "X and memory loss?" (a phrase headed like a condition: "loss", "pain", "problems")
        # names no listed interaction: it asks about an effect, then said to be unlisted, not
        # answered with the list of interactions; a lone word ("poppers") may be a substance
        return replace(reading, intent=Intent.SIDE_EFFECTS)
    return reading  # a food, a supplement, a street drug an interaction fact may name


def names_listed_agent(topic: Topic, monograph: Monograph) -> bool:
    """Whether the question names, by a specific word of it, a substance or drug the sources
    list as an interaction ("contrast" of "iodinated contrast", "grapefruit")."""
    vocabulary = topic.vocabulary
    general = vocabulary.stopwords | vocabulary.question_generic_words
    general |= vocabulary.condition_generic_words | vocabulary.context_words
    asked = {word for word in topic.folded.split() if len(word) >= _AGENT_WORD}
    for item in monograph.interactions:
        if item.agent_type not in _AGENT_TYPES:
            continue
        words = {word for word in term_key(item.agent).split() if len(word) >= _AGENT_WORD}
        if (words - general) & asked:
            return True
    return False


def _named_in_interactions(monograph: Monograph, phrase: str) -> bool:
    """Whether a listed interaction's agent shares a word of four letters or more with the
    phrase ("grapefruit" in "grapefruit juice")."""
    words = {word for word in term_key(phrase).split() if len(word) > 3}
    return any(words & set(term_key(item.agent).split()) for item in monograph.interactions)


def unlisted_pair(
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
