"""Interaction effects: what a statement says a combination does, and to which agent."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from medinfo.extract.passages import Passage
from medinfo.extract.sentences import Unit
from medinfo.knowledge.extract_rules import InteractionOutcomes
from medinfo.knowledge.loading import any_of, load


def joined(*parts: list[str]) -> str:
    """The terms of `parts` in order, once each, comma-separated."""
    return ",".join(dict.fromkeys(term for part in parts for term in part if term))


# "stopped in people with liver disease or heart failure": who the advice is for, not an effect
_WHO_HAS = re.compile(
    r"\b(?:(?:people|patients|those|anyone|someone|adults|children|women|men)\s+(?:with|who\s+"
    r"(?:have|has|are))|if\s+you\s+(?:have|are|had))\b[^.;:()]*$",
    re.IGNORECASE,
)


# "ketoconazole (for fungal infections)": what the other medicine treats, not an effect
_USE_BRACKET = re.compile(
    r"\s*(?:used\s+|taken\s+|given\s+)?(?:for|to\s+treat|against)\b", re.IGNORECASE
)


# "other medicines for high blood pressure", "tablets used to treat an irregular heartbeat":
# the condition names which medicines, not what the combination does
_MEDICINES_FOR = re.compile(
    r"\b(?:medicines?|medications?|meds?|drugs?|tablets?|pills?|treatments?|remed(?:y|ies)|"
    r"inhalers?|injections?)\s+(?:(?:used|taken|given)\s+)?(?:for|to\s+(?:treat|control|lower)|"
    r"against)\s+(?:an?\s+|the\s+|your\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# "indigestion meds", "blood pressure tablets": the condition names which medicines
_MEDICINES_AFTER = re.compile(
    r"\s+(?:medicines?|medications?|meds?|drugs?|tablets?|pills?|remed(?:y|ies)|treatments?)\b",
    re.IGNORECASE,
)


def _names_a_use(text: str, start: int) -> bool:
    """Whether text[start] names what a medicine is for: after "medicines for", or in a
    bracket saying so ("ketoconazole (for fungal infections)")."""
    if _MEDICINES_FOR.search(text, 0, start):
        return True
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    return bool(_USE_BRACKET.match(text, opening + 1))


@cache
def _outcomes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each outcome term of knowledge/extract/interaction_outcomes.json, with its patterns."""
    return tuple(
        (term, any_of(outcome.patterns))
        for term, outcome in load(InteractionOutcomes).outcomes.items()
    )


def effects_at(passage: Passage, unit: Unit) -> list[tuple[int, int, str]]:
    """The effects a unit names for a combination (side effects, and what it does to how the
    medicines work: "can make it work less well", "raises its levels"), with where each
    stands."""
    found: list[tuple[int, int, str]] = []
    for match in passage.asserted(unit, "side_effects"):
        before = unit.text[: match.start]
        if _WHO_HAS.search(before) or _names_a_use(unit.text, match.start):
            continue
        if _MEDICINES_AFTER.match(unit.text, match.end):
            continue
        found.append((match.start, match.end, match.key))
    negated = passage.reading(unit).spans.get("negated", ())
    for term, pattern in _outcomes():
        for outcome in pattern.finditer(unit.text):
            if not any(start <= outcome.start() < end for start, end in negated):
                found.append((outcome.start(), outcome.end(), term))
    return sorted(found)


# an effect that governs the agent after it: "lower the levels of hydrochlorothiazide"
_OF = re.compile(r"\s+of\s+(?:the\s+|some\s+)?", re.IGNORECASE)
_GOVERNS = 20  # characters between such an effect and its agent
# between two agents of one list: "phenytoin, diazepam and citalopram (their levels rise)"
_LIST_JOIN = re.compile(
    r"^[\w-]+(?:\s+[\w-]+){0,2}?[\s,]*(?:(?:and|or|&)\s+)?(?:the\s+|other\s+)?$",
    re.IGNORECASE,
)


def said_of_agent(text: str, named_at: dict[str, int]) -> dict[str, str]:
    """The words a unit that names several agents says of each: the words before the first
    agent, and those from the agent to the next one ("avoid" said of clopidogrel alone in
    "clopidogrel (avoid the combination), warfarin (bleeding risk may rise)")."""
    order = sorted(named_at.items(), key=lambda item: item[1])
    lead = text[: order[0][1]]
    ends = [at for _, at in order[1:]] + [len(text)]
    return {agent: lead + text[at:end] for (agent, at), end in zip(order, ends, strict=True)}


def effects_by_agent(
    text: str, named_at: dict[str, int], effects: list[tuple[int, int, str]]
) -> dict[str, list[str]]:
    """Each agent's own effects when a unit names several ("clopidogrel (it works less
    well), warfarin (bleeding risk may rise)"): an effect belongs to the agent it governs
    ("lower the levels of hydrochlorothiazide", "raises tolterodine levels"), else to the agent
    named last before it; one named before every agent belongs to all of them, and an agent
    with none of its own shares those of the next agent of its list ("warfarin or aspirin can
    increase bleeding")."""
    order = sorted(named_at.items(), key=lambda item: item[1])
    own: dict[str, list[str]] = {agent: [] for agent, _ in order}
    shared: list[str] = []
    for start, end, key in effects:
        governed = [a for a, at in order if start <= at <= end + _GOVERNS and _OF.match(text, end)]
        governed = governed or [a for a, at in order if start <= at < end]
        if governed:  # "weaken the effects of barbiturates and antipsychotics": both
            first = next(i for i, (agent, _) in enumerate(order) if agent == governed[0])
            own[governed[0]].append(key)
            for (_, at), (later, later_at) in pairwise(order[first:]):
                if not _LIST_JOIN.match(text[at:later_at]):
                    break
                own[later].append(key)
            continue
        before = [agent for agent, at in order if at < start]
        (own[before[-1]] if before else shared).append(key)
    if not any(own[agent] for agent, _ in order[:-1]):
        # every effect after the last agent ("alcohol or other depressants (such as sleeping
        # pills) can intensify dizziness"): the whole list shares them
        return {}
    result: dict[str, list[str]] = {}
    for index, (agent, at) in enumerate(order):
        keys = own[agent]
        for later, later_at in order[index + 1 :]:
            if keys:
                break
            if not _LIST_JOIN.match(text[at:later_at]):
                break
            keys, at = own[later], later_at
        result[agent] = [*shared, *keys]
    return result
