"""The monograph's lists: indications (and uses ruled out), side effects, interactions,
precautions, mechanism."""

from __future__ import annotations

from collections.abc import Sequence

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.domain.monograph import (
    NO_INTERACTION,
    Indication,
    Interaction,
    Mechanism,
    NotAUse,
    Precaution,
    SideEffect,
)
from medinfo.reconcile import compose
from medinfo.reconcile.assembly import Assembly
from medinfo.reconcile.conflicts import conflict_rules, polarity_conflict, status_conflict
from medinfo.reconcile.merge import strongest_severity
from medinfo.reconcile.vocabulary import group_of, match_key


def indications(assembly: Assembly) -> list[Indication]:
    """Uses, on-label first; off-label as the most reliable sources say, any one of them enough."""
    items = []
    for group in assembly.of(FactKind.INDICATION):
        top = [f for f in group.facts if assembly.ranks[f.evidence.source] == group.best]
        off_label = _called_off_label(top)
        prevention = all(f.attributes.get("prevents") is True for f in top)
        conflict = status_conflict(
            FactKind.INDICATION, group.display, group.facts, assembly.sources, assembly.ranks
        )
        if conflict is not None:
            assembly.conflicts.append(conflict)
        items.append(
            Indication(
                condition=group.display,
                off_label=off_label,
                prevention=prevention,
                **assembly.attribution(group.facts),
            )
        )
    return sorted(items, key=lambda item: item.off_label)


def ruled_out_conflicts(assembly: Assembly) -> None:
    """Record a conflict for each list item one place states and another rules out (a use
    and "not used for" it, an interaction and "does not interact"): the same item only, after
    the item's synonym folding; an item stated against silence is no conflict."""
    for rule in conflict_rules().item_polarity:
        folding = group_of(rule.kind)
        denials = {match_key(g.display, folding): g for g in assembly.of(rule.denial)}
        for group in assembly.of(rule.kind):
            denial = denials.get(match_key(group.display, folding))
            if denial is None:
                continue
            conflict = polarity_conflict(
                rule, group.display, group.facts, denial.facts, assembly.sources, assembly.ranks
            )
            if conflict is not None:
                assembly.conflicts.append(conflict)


def _folded(text: str, kind: FactKind) -> str:
    return match_key(text, group_of(kind))


def not_used_for(assembly: Assembly, uses: list[Indication]) -> list[NotAUse]:
    """Conditions the sources say the drug is not used for, unless any source states the use
    (that disagreement is a conflict, see `ruled_out_conflicts`)."""
    stated = {_folded(item.condition, FactKind.INDICATION) for item in uses}
    return [
        NotAUse(condition=g.display, **assembly.attribution(g.facts))
        for g in assembly.of(FactKind.NOT_A_USE)
        if _folded(g.display, FactKind.INDICATION) not in stated
    ]


def _called_off_label(facts: list[ExtractedFact]) -> bool:
    """Whether a source calls the use off-label without also presenting it as a main use.

    "Used for type 2 diabetes ... also prescribed off-label to help prevent type 2 diabetes
    in people with prediabetes" keeps type 2 diabetes an approved use.
    """
    by_source: dict[str, list[bool]] = {}
    for fact in facts:
        by_source.setdefault(fact.evidence.source, []).append(
            fact.attributes.get("off_label") is True
        )
    return any(all(flags) for flags in by_source.values())


def side_effects(assembly: Assembly) -> list[SideEffect]:
    """Side effects; serious when a source calls them serious (see `_is_serious`)."""
    return [
        SideEffect(
            term=g.display,
            serious=_is_serious(g.facts),
            frequency=str(g.attribute("frequency"))
            if g.attribute("frequency") is not None
            else None,
            **assembly.attribution(g.facts),
        )
        for g in assembly.of(FactKind.SIDE_EFFECT)
    ]


def interactions(assembly: Assembly) -> list[Interaction]:
    """Interactions; effect worded from the effect terms of all sources, the worst severity."""
    items = []
    for g in assembly.of(FactKind.INTERACTION):
        effects: dict[str, None] = {}
        for value in g.values("effect_terms"):
            effects.update(dict.fromkeys(compose.split_terms(value)))
        avoid = any(v is True for v in g.values("avoid"))
        items.append(
            Interaction(
                agent=g.display,
                effect=compose.compose_interaction(assembly.drug, g.display, list(effects), avoid),
                severity=strongest_severity(g.values("severity")),
                agent_type=str(g.attribute("agent_type") or "drug"),
                **assembly.attribution(g.facts),
            )
        )
    return items


def no_interactions(assembly: Assembly, stated: list[Interaction]) -> list[Interaction]:
    """Agents the sources say do not interact, unless any source states that they do."""
    listed = {_folded(item.agent, FactKind.INTERACTION) for item in stated}
    return [
        Interaction(
            agent=g.display,
            effect=compose.compose_no_interaction(assembly.drug, g.display),
            severity=NO_INTERACTION,
            agent_type=str(g.attribute("agent_type") or "drug"),
            **assembly.attribution(g.facts),
        )
        for g in assembly.of(FactKind.NO_INTERACTION)
        if _folded(g.display, FactKind.INTERACTION) not in listed
    ]


def precautions(assembly: Assembly) -> list[Precaution]:
    """Conditions needing care, with advice in medinfo's words."""
    return [
        Precaution(
            condition=g.display,
            advice=compose.compose_precaution(assembly.drug, g.display, g.attribute("advice")),
            **assembly.attribution(g.facts),
        )
        for g in assembly.of(FactKind.PRECAUTION)
    ]


def mechanism(assembly: Assembly) -> Mechanism | None:
    """How the drug works, from its mechanism terms; None when no source says."""
    terms = assembly.terms(FactKind.MECHANISM_TERM, "mechanism_terms")
    if not terms:
        return None
    facts = [f for g in assembly.of(FactKind.MECHANISM_TERM) for f in g.facts]
    return Mechanism(
        summary=compose.compose_mechanism(assembly.drug, terms),
        terms=terms,
        **assembly.attribution(facts),
    )


def _is_serious(facts: Sequence[ExtractedFact]) -> bool:
    """Serious when any source says so, unless more sources explicitly call it common.

    A page may list a usual effect under "serious" in passing ("muscle weakness or a
    loss of coordination"); when most sources that grade the effect call it common,
    it is shown as common. Ties stay serious: the safer reading.
    """
    serious = {f.evidence.source for f in facts if f.attributes.get("serious") is True}
    common = {
        f.evidence.source
        for f in facts
        if f.attributes.get("frequency") == "common" and f.attributes.get("serious") is not True
    }
    return bool(serious) and len(common - serious) <= len(serious)
