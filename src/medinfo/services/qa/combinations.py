"""Combinations: answers about taking a drug with other medicines, substances or alcohol."""

from __future__ import annotations

from medinfo.domain.monograph import Interaction, Monograph
from medinfo.services.qa.medicines import load_medicine_index
from medinfo.services.qa.phrasing import (
    Draft,
    drug_title,
    join_words,
    note_conflicts,
    sentence_case,
)
from medinfo.services.qa.topic import MAX_LISTED, Topic, own_names
from medinfo.services.qa.vocabulary import contains_phrase, term_key

# Words of an agent's name that say what kind of product it is, not which one.
_AGENT_GENERIC = frozenset(
    {
        "supplement",
        "medicine",
        "medication",
        "drug",
        "inhibitor",
        "agent",
        "product",
        "capsule",
        "tablet",
        "pill",
        "other",
        "oral",
        "dose",
        "blood",
        "acid",
        "sleeping",
    }
)
SERIOUS_SEVERITIES = frozenset({"major", "severe", "serious", "contraindicated", "high"})


def _effect(item: Interaction) -> str:
    return f": {item.effect.rstrip('.')}" if item.effect else ""


def _say_interaction(
    draft: Draft, monograph: Monograph, item: Interaction, members: list[str]
) -> None:
    """One matched interaction, naming which of the asked medicines belong to its group."""
    such_as = f" (such as {join_words(members)})" if members else ""
    draft.say(
        f"{drug_title(monograph)} can interact with {item.agent}{such_as}{_effect(item)}.", item
    )
    serious = "This is a serious interaction: do not combine them unless your prescriber says so."
    never = (
        f"The sources call this combination contraindicated: do not take {monograph.drug} "
        f"with {item.agent}."
    )
    if item.severity.lower() == "contraindicated":
        if never not in draft.sentences:
            draft.say(never, item)
    elif item.severity.lower() in SERIOUS_SEVERITIES and serious not in draft.sentences:
        draft.say(serious)


def _asked_medicines(monograph: Monograph, topic: Topic) -> dict[str, set[str]]:
    """Each medicine or group the question names, with the names an interaction may use for it.

    Names come from the shared medicine-group vocabulary, so a medicine is matched to the
    group a monograph lists (tramadol -> opioids).
    """
    own = own_names(monograph)
    asked: dict[str, set[str]] = {}
    for medicine in load_medicine_index().named_in(topic.folded, own):
        asked.setdefault(medicine.typed, set()).update(medicine.agent_names)
    return asked


def _members(agent: str, asked: dict[str, set[str]], topic: Topic) -> list[str]:
    """The asked medicines that belong to a listed group (not the group's own names)."""
    synonyms = load_medicine_index().brand_names(agent)
    return sorted(
        name
        for name, names in asked.items()
        if name != agent
        and name not in synonyms
        and agent in names
        and not contains_phrase(agent, name)
    )


def _names_its_word(topic: Topic, agent: str) -> bool:
    """Whether the question names a listed agent by its own word ("calcium pills" for
    "calcium supplements"); words such as "supplements" or "medicines" never count."""
    generic = topic.vocabulary.condition_generic_words | _AGENT_GENERIC
    words = set(topic.folded.split())
    return any(w in words for w in term_key(agent).split() if len(w) >= 5 and w not in generic)


def _named(items: list[Interaction], names: set[str], topic: Topic) -> list[Interaction]:
    """The interactions (or denials) whose agent the question names."""
    return [
        item
        for item in items
        if term_key(item.agent) in names
        or contains_phrase(topic.folded, term_key(item.agent))
        or _names_its_word(topic, item.agent)
    ]


def compose_interaction(monograph: Monograph, topic: Topic) -> Draft | None:
    if not monograph.interactions and not monograph.no_interactions:
        return None
    name, draft = monograph.drug, Draft()
    asked = _asked_medicines(monograph, topic)
    names = set().union(*asked.values()) if asked else set()
    matched = _named(monograph.interactions, names, topic)
    for item in matched:
        _say_interaction(draft, monograph, item, _members(term_key(item.agent), asked, topic))
    stated = {term_key(item.agent) for item in matched}
    denied = [
        item
        for item in _named(monograph.no_interactions, names, topic)
        if term_key(item.agent) not in stated
    ]
    for item in denied:  # "you can take ibuprofen with it": said, and cited, as the sources say
        draft.say(item.effect, item)
    unlisted = [
        medicine
        for medicine, names in asked.items()
        if not any(term_key(item.agent) in {medicine, *names} for item in (*matched, *denied))
    ]
    if unlisted:
        draft.say(
            f"The sources do not list an interaction between {name} and {join_words(unlisted)}. "
            "That does not prove the combination is safe: ask a pharmacist before taking them "
            "together."
        )
    if not matched and not denied:
        alcohol = load_medicine_index().alcohol_names()
        listed = [i for i in monograph.interactions if term_key(i.agent) not in alcohol]
        agents = join_words([i.agent for i in listed[:MAX_LISTED]])
        if agents:
            draft.say(f"The interactions the sources list for {name} are with {agents}.", *listed)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    draft.say("Ask a pharmacist to check everything you take, including supplements.")
    return draft


def compose_alcohol(monograph: Monograph, topic: Topic) -> Draft | None:
    index = load_medicine_index()
    alcohol = index.alcohol_names()
    wider = index.wider_than_alcohol()
    direct = [i for i in monograph.interactions if term_key(i.agent) in alcohol]
    via_class = [i for i in monograph.interactions if term_key(i.agent) in wider]
    cautions = [p for p in monograph.precautions if "alcohol" in term_key(p.condition)]
    name, draft = monograph.drug, Draft()
    if not (direct or via_class or cautions):
        denials = [i for i in monograph.no_interactions if term_key(i.agent) in alcohol]
        for item in denials[:1]:  # only when no source warns about alcohol at all
            draft.say(
                f"The sources say alcohol does not interact with {name}; ask a pharmacist "
                "if you are unsure.",
                item,
            )
        return draft if denials else None
    draft.say(f"Avoid alcohol while taking {name}.", *direct, *cautions)
    for item in direct:
        if item.effect:
            draft.say(f"The sources warn about this combination{_effect(item)}.", item)
    if not direct:
        for item in via_class[:1]:
            draft.say(
                f"Alcohol is one of the {item.agent} that {name} interacts with{_effect(item)}.",
                item,
            )
    for caution in cautions:
        if caution.advice:
            draft.say(sentence_case(caution.advice), caution)
    note_conflicts(draft, monograph, topic.reading.conflicts)
    return draft
