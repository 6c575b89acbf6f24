"""Frequently asked questions, asked and answered in medinfo's words from the merged facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from medinfo.domain.monograph import UNKNOWN, Attributed, Faq, Monograph
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.loading import load
from medinfo.reconcile.conflicts import weak_flags
from medinfo.reconcile.merge import FactGroup, Ranks, order_sources, sort_evidence
from medinfo.reconcile.vocabulary import match_key, plain_key
from medinfo.reconcile.voice import fill, join_terms

_MAX_LISTED = 5

Answer = tuple[str | None, list[Attributed]]


@dataclass(frozen=True)
class FaqTopic:
    """A question medinfo can answer and how to compose its answer."""

    topic: str
    aliases: frozenset[str]
    question: str
    answer: dict[str, Any]


@cache
def faq_topics() -> tuple[FaqTopic, ...]:
    """The FAQ topics of knowledge/reconcile/faq.json, validated once, in display order."""
    return tuple(
        FaqTopic(
            entry.topic,
            frozenset(plain_key(alias) for alias in (entry.topic, *entry.aliases)),
            entry.question,
            entry.answer.model_dump(exclude_none=True),
        )
        for entry in load(rules.FaqRules).topics
    )


def _interaction(spec: dict[str, Any], monograph: Monograph) -> Answer:
    wanted = match_key(spec["agent"], "agents")
    found = [i for i in monograph.interactions if match_key(i.agent, "agents") == wanted]
    return (found[0].effect, list(found[:1])) if found else (None, [])


def _side_effects(spec: dict[str, Any], monograph: Monograph) -> Answer:
    wanted = {match_key(term, "side_effects") for term in spec["terms"]}
    found = [s for s in monograph.side_effects if match_key(s.term, "side_effects") in wanted]
    return (join_terms([s.term for s in found]), list(found)) if found else (None, [])


def _serious(spec: dict[str, Any], monograph: Monograph) -> Answer:
    found = [s for s in monograph.side_effects if s.serious][:_MAX_LISTED]
    return (join_terms([s.term for s in found]), list(found)) if found else (None, [])


def _side_effect(spec: dict[str, Any], monograph: Monograph) -> Answer:
    wanted = match_key(spec["term"], "side_effects")
    found = [s for s in monograph.side_effects if match_key(s.term, "side_effects") == wanted]
    return (found[0].term, list(found[:1])) if found else (None, [])


def _indication(spec: dict[str, Any], monograph: Monograph) -> Answer:
    wanted = match_key(spec["term"], "indications")
    found = [i for i in monograph.indications if match_key(i.condition, "indications") == wanted]
    if not found:
        return None, []
    return f"{found[0].condition}{' (off-label)' if found[0].off_label else ''}", list(found[:1])


def _section(spec: dict[str, Any], monograph: Monograph) -> Answer:
    part = getattr(monograph, spec["field"])
    return (None, []) if part.summary == UNKNOWN else (part.summary, [part])


_ANSWERERS: dict[str, Callable[[dict[str, Any], Monograph], Answer]] = {
    "interaction": _interaction,
    "side_effects": _side_effects,
    "serious_side_effects": _serious,
    "side_effect": _side_effect,
    "indication": _indication,
    "section": _section,
}


def compose_faqs(monograph: Monograph, groups: Sequence[FactGroup], ranks: Ranks) -> list[Faq]:
    """One FAQ per known topic the sources ask about, answered from the merged facts."""
    faqs = []
    for topic in faq_topics():
        asked = [g for g in groups if plain_key(g.key) in topic.aliases]
        if not asked:
            continue
        text, related = _ANSWERERS[topic.answer["type"]](topic.answer, monograph)
        if not text:
            # A question the merged facts cannot answer is not shown as a FAQ entry.
            continue
        answer = fill(topic.answer["template"], monograph.drug, text=text)
        sources = order_sources(
            [s for g in asked for s in g.sources] + [s for item in related for s in item.sources],
            ranks,
        )
        evidence = {ev for g in asked for ev in g.evidence} | {
            ev for r in related for ev in r.evidence
        }
        faqs.append(
            Faq(
                question=fill(topic.question, monograph.drug),
                answer=answer,
                topic=topic.topic,
                sources=sources,
                evidence=sort_evidence(evidence),
                flags=weak_flags(sources, ranks),
            )
        )
    return faqs
