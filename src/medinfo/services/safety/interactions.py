"""Interactions: the patient's other medicines and alcohol against the monograph's interactions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medinfo.domain.alerts import Alert, AlertCode, Patient, Severity
from medinfo.domain.monograph import Interaction, Monograph
from medinfo.knowledge.groups import MedicineGroups
from medinfo.knowledge.names import normalize_name
from medinfo.knowledge.safety_rules import SafetyRules, severity_rank
from medinfo.reconcile.voice import with_article
from medinfo.services.safety.medicines import Medicine
from medinfo.services.safety.messages import join_words, render, sentence

_CNS = AlertCode.INTERACTION_CNS_DEPRESSANT.value
_OTHER = AlertCode.INTERACTION_OTHER.value


@dataclass(frozen=True)
class Target:
    """What one monograph interaction names: classes, generic drugs and its own words."""

    interaction: Interaction
    classes: frozenset[str]
    drugs: frozenset[str]
    words: str


@dataclass(frozen=True)
class _Hit:
    target: Target
    classes: frozenset[str]
    drugs: frozenset[str]


def interaction_targets(monograph: Monograph, vocabulary: MedicineGroups) -> list[Target]:
    """The classes and drugs each of the monograph's interactions names."""
    return _targets(monograph.interactions, vocabulary)


def _targets(interactions: list[Interaction], vocabulary: MedicineGroups) -> list[Target]:
    return [
        Target(
            interaction=item,
            classes=vocabulary.classes_named(item.agent),
            drugs=vocabulary.drugs_named(item.agent),
            words=f" {normalize_name(item.agent)} ",
        )
        for item in interactions
        if item.agent.strip()
    ]


def check_interactions(
    patient: Patient,
    medicines: list[Medicine],
    monograph: Monograph,
    rules: SafetyRules,
    vocabulary: MedicineGroups,
) -> list[Alert]:
    """INTERACTION_ALCOHOL, then per medicine INTERACTION_CNS_DEPRESSANT, the alert of a
    mechanism the medicine-group vocabulary names (INTERACTION_QT) and INTERACTION_OTHER (a hit
    goes to the first that fits; one alert per medicine: a listing by name joins its class's)."""
    targets = interaction_targets(monograph, vocabulary)
    denials = _targets(monograph.no_interactions, vocabulary)
    alcohol = rules.alcohol_class
    alerts: list[Alert] = []
    drinks = patient.alcohol_use or any(alcohol in medicine.classes for medicine in medicines)
    alcohol_targets = [t for t in targets if alcohol in t.classes]
    if drinks and alcohol_targets:
        alerts.append(_alcohol_alert(alcohol_targets, monograph, rules))
    for medicine in medicines:
        if alcohol in medicine.classes:
            continue
        hits = [hit for t in targets if (hit := _match(medicine, t, alcohol)) is not None]
        hits = [hit for hit in hits if not _explained_elsewhere(hit, targets, vocabulary)]
        denied = [t for t in denials if _names(medicine, t)]
        if denied:
            # said by name not to interact: only a listing by name outweighs that, not a group;
            # a combination keeps the groups of its other ingredients (one ingredient said to
            # be fine leaves the others in their groups)
            others = _undenied_classes(medicine, denied, vocabulary)
            fine = frozenset().union(*(t.drugs for t in denied))
            hits = [hit for hit in hits if _named_beyond(hit, fine) or hit.classes & others]
        by_code: dict[str, list[_Hit]] = {}
        for hit in hits:
            cns = _is_cns(medicine, hit, rules, vocabulary) and _sedating(
                monograph, hit, rules, vocabulary
            )
            code = _CNS if cns else _mechanism_alert(hit, monograph, rules, vocabulary) or _OTHER
            by_code.setdefault(code, []).append(hit)
        if len(by_code) > 1 and _OTHER in by_code:  # a listing by name joins its class's alert
            other = by_code.pop(_OTHER)
            by_code[_CNS if _CNS in by_code else next(iter(by_code))].extend(other)
        for code in sorted(by_code, key=lambda code: code != _CNS):
            alerts.append(
                _medicine_alert(code, medicine, by_code[code], monograph, rules, vocabulary)
            )
    return alerts


def _match(medicine: Medicine, target: Target, alcohol: str) -> _Hit | None:
    classes = (medicine.classes & target.classes) - {alcohol}
    # the name as typed counts too: it matches a listed agent that the catalog files under a
    # salt of it (the generic typed bare, the catalog key with "carbonate" or "acetate")
    names = (*medicine.components, normalize_name(medicine.name))
    drugs = frozenset(part for part in names if part in target.drugs or f" {part} " in target.words)
    return _Hit(target, classes, drugs) if classes or drugs else None


def _explained_elsewhere(hit: _Hit, targets: list[Target], vocabulary: MedicineGroups) -> bool:
    """Whether a listed combination names the medicine only by an ingredient it shares, while
    the sources list another of its ingredients on its own or by class (a combination named
    among a class's members: its other ingredient alone is not what interacts)."""
    if hit.classes or len(hit.target.drugs) < 2 or not hit.drugs < hit.target.drugs:
        return False
    others = hit.target.drugs - hit.drugs
    return any(
        target is not hit.target
        and any(
            part in target.drugs or vocabulary.classes_of_drug(part) & target.classes
            for part in others
        )
        for target in targets
    )


def _named_beyond(hit: _Hit, fine: frozenset[str]) -> bool:
    """Whether a hit names the medicine by more than an ingredient the sources call fine: a
    listed combination product that shares only that ingredient (said not to interact) does
    not name it; a listing of that ingredient by itself still does."""
    if len(hit.target.drugs) < 2:
        return bool(hit.drugs)
    return bool(hit.drugs - fine)


def _undenied_classes(
    medicine: Medicine, denied: list[Target], vocabulary: MedicineGroups
) -> frozenset[str]:
    """The classes of a combination's ingredients that no denial names (none for a single
    medicine, whose denial covers it whole)."""
    if len(medicine.components) < 2:
        return frozenset()
    kept = [
        part
        for part in medicine.components
        if not any(
            part in t.drugs
            or f" {part} " in t.words
            or vocabulary.classes_of_drug(part) & t.classes
            for t in denied
        )
    ]
    return frozenset().union(*(vocabulary.classes_of_drug(part) for part in kept))


def _names(medicine: Medicine, target: Target) -> bool:
    """Whether the target names the medicine itself (or its class), not a wider group."""
    hit = _match(medicine, target, "")
    return hit is not None and (bool(hit.drugs) or target.interaction.agent_type == "class")


def _is_cns(medicine: Medicine, hit: _Hit, rules: SafetyRules, vocabulary: MedicineGroups) -> bool:
    """Whether the medicine's own class inside a matched class is a CNS depressant class.

    Listed "antihistamines" make a sedating antihistamine a CNS interaction, not a non-sedating one.
    """
    wider = rules.cns_depressant_class
    if hit.drugs and _DROWSY.search(hit.target.interaction.effect):
        # "... can make you very drowsy": a depressant listed by name for its sedation
        return any(vocabulary.is_within(own, wider) for own in medicine.classes)
    return any(
        vocabulary.is_within(own, wider)
        for own in medicine.classes
        if any(vocabulary.is_within(own, matched) for matched in hit.classes)
    )


# what a listed interaction's effect says when it is about sedation
_DROWSY = re.compile(
    r"\b(?:drows\w*|sleep\w*|sedat\w*|slowed? breathing|breathing problems|"
    r"respiratory depression)\b",
    re.IGNORECASE,
)


def _sedating(
    monograph: Monograph, hit: _Hit, rules: SafetyRules, vocabulary: MedicineGroups
) -> bool:
    """Whether sedation is what the listed interaction is about: the drug itself is a CNS
    depressant, the sources list CNS depressants as such, or the listing's effect is
    drowsiness. An antipsychotic listed beside an inhaler is about the heart rhythm, and
    opioids listed for naltrexone (which blocks them) are no added drowsiness."""
    wider = rules.cns_depressant_class
    own = vocabulary.groups_of(monograph.drug)
    drowsy = bool(_DROWSY.search(hit.target.interaction.effect))  # "can increase drowsiness"
    return wider in own or wider in hit.classes or drowsy


def _mechanism_alert(
    hit: _Hit, monograph: Monograph, rules: SafetyRules, vocabulary: MedicineGroups
) -> str | None:
    """The alert of a mechanism when a listed interaction is about it: its stated effect
    names it ("can prolong the QT interval"), or it names a group the vocabulary gives that
    alert (the QT-prolonging group) and the medicine belongs to, or it names the medicine
    itself while both it and the monograph's drug belong to one."""
    effect = hit.target.interaction.effect
    for code, patterns in rules.effect_alerts.items():
        if any(re.search(pattern, effect, re.IGNORECASE) for pattern in patterns):
            return code
    alerting = vocabulary.alerts
    for gid in sorted(hit.classes & alerting.keys()):
        return alerting[gid]
    shared = vocabulary.groups_of(monograph.drug) & alerting.keys()
    for drug in sorted(hit.drugs):
        for gid in sorted(vocabulary.classes_of_drug(drug) & shared):
            return alerting[gid]
    return None


def _severity(interactions: list[Interaction], rules: SafetyRules) -> Severity:
    return max(
        (rules.interaction_severity_of(item.severity) for item in interactions), key=severity_rank
    )


def _alcohol_alert(targets: list[Target], monograph: Monograph, rules: SafetyRules) -> Alert:
    interactions = [t.interaction for t in targets]
    message = render("INTERACTION_ALCOHOL", drug=monograph.drug, effect=_effect(interactions))
    return Alert(
        code=AlertCode.INTERACTION_ALCOHOL,
        severity=_severity(interactions, rules),
        message=message,
        sources=_sources(interactions),
    )


def _medicine_alert(
    code: str,
    medicine: Medicine,
    hits: list[_Hit],
    monograph: Monograph,
    rules: SafetyRules,
    vocabulary: MedicineGroups,
) -> Alert:
    interactions = [hit.target.interaction for hit in hits]
    severity = _severity(interactions, rules)
    matched = frozenset().union(*(hit.classes for hit in hits))
    kind = _kind(medicine, matched, vocabulary)
    fields = {
        "drug": monograph.drug,
        "medicine": medicine.name,
        "agents": join_words(item.agent.strip() for item in interactions),
        "effect": _effect(interactions),
        "kind": kind,
        "which": _which(medicine, hits, kind),
    }
    key = code
    if code == _OTHER and severity is Severity.DANGER:
        key = "INTERACTION_OTHER.contraindicated"
    return Alert(
        code=code, severity=severity, message=render(key, **fields), sources=_sources(interactions)
    )


def _kind(medicine: Medicine, matched: frozenset[str], vocabulary: MedicineGroups) -> str:
    """The medicine's narrowest class within the matched ones: "is a benzodiazepine"."""
    if not matched:
        return ""
    own = [
        cid
        for cid in medicine.classes
        if any(vocabulary.is_within(cid, wider) for wider in matched)
    ]
    narrowest = min(sorted(own), key=lambda cid: len(vocabulary.members_of(cid)))
    key = "interaction.kind_contains" if len(medicine.components) > 1 else "interaction.kind_is"
    return render(key, label=with_article(vocabulary.label(narrowest)))


def _which(medicine: Medicine, hits: list[_Hit], kind: str) -> str:
    if kind:
        return render("interaction.which_class", kind=kind)
    generics = [drug for hit in hits for drug in sorted(hit.drugs)]
    if generics and normalize_name(medicine.name) not in generics:
        return render("interaction.which_drug", generic=join_words(generics))
    return ""


def _effect(interactions: list[Interaction]) -> str:
    effects = [sentence(item.effect) for item in interactions if sentence(item.effect)]
    if not effects:
        return ""
    return render("interaction.effect", effect=effects[0])


def _sources(interactions: list[Interaction]) -> list[str]:
    return list(dict.fromkeys(source for item in interactions for source in item.sources))
