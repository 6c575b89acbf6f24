"""Medicine groups (knowledge/vocab/medicine_groups.json): names, members, usual interactions.

The one vocabulary of medicine groups ("opioids", "MAO inhibitors", "medicines that prolong the
QT interval") that extraction, reconciliation, the safety checks and question answering share.

    medicine_groups()             every group and the look-ups below, loaded once
    group_by_name("narcotics")    the group a name or alias means, or None
    groups_of("Percocet")         ids of every group a medicine belongs to (brands, salts and
                                  combinations resolved to their generic parts first)

Names are compared after `knowledge.names.normalize_name` (case, punctuation, plural -s).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from medinfo.domain.errors import InputError
from medinfo.knowledge.loading import KnowledgeFile, Strict, load
from medinfo.knowledge.names import components, normalize_name, without_salt
from medinfo.knowledge.vocabularies import InteractionAgent, Term

Severity = Literal["minor", "moderate", "major", "contraindicated"]
_AGENT_TYPES: dict[str, Literal["class", "substance"]] = {
    "medicine": "class",
    "substance": "substance",
}
_AGENT_SEVERITY: dict[str | None, Literal["major", "moderate", "minor"]] = {
    "contraindicated": "major",
    "major": "major",
    "moderate": "moderate",
    "minor": "minor",
}


class UsualInteraction(Strict):
    """How taking a group's medicines with another usually goes wrong, and how badly; `alert`
    is the code the safety checks raise when a listed interaction is about this mechanism (its
    wording is the message of that code in knowledge/safety/messages.json)."""

    severity: Severity | None = None
    mechanism: str | None = None
    alert: str | None = Field(default=None, pattern=r"^INTERACTION_[A-Z0-9]+(?:_[A-Z0-9]+)*$")


class MedicineGroup(Strict):
    """A group of medicines: `members` are generic names, `includes` narrower group ids;
    `class_term` is the group's name when a document says a drug belongs to it."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    kind: Literal["medicine", "substance"]
    class_term: str | None = None
    name: str | None = None
    agent: str | None = None
    aliases: tuple[str, ...] = ()
    # aliases that name the group among other medicines but are too wide to be a drug's class
    # ("anti-inflammatories" for NSAIDs: steroids are anti-inflammatories too)
    agent_only: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    interaction: UsualInteraction = UsualInteraction()


class MedicineGroupsFile(KnowledgeFile):
    FILE: ClassVar[str] = "vocab/medicine_groups.json"
    version: int
    groups: tuple[MedicineGroup, ...]
    products: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    name_noise_words: tuple[str, ...] = ()
    combination_separators: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _ids_resolve(self) -> MedicineGroupsFile:
        ids = [group.id for group in self.groups]
        if len(set(ids)) != len(ids):
            raise ValueError("a group id is listed twice")
        for group in self.groups:
            unknown = sorted(set(group.includes) - set(ids))
            if unknown:
                raise ValueError(f"group {group.id!r} includes unknown {unknown}")
        return self


class MedicineGroups:
    """Look-ups over the group vocabulary; every name is compared after `normalize_name`."""

    def __init__(self, data: MedicineGroupsFile) -> None:
        self.groups = {group.id: group for group in data.groups}
        # the alert code of each group whose usual interaction names one (INTERACTION_QT)
        self.alerts = {
            group.id: group.interaction.alert for group in data.groups if group.interaction.alert
        }
        self.noise_words = frozenset(data.name_noise_words)
        self.separators = data.combination_separators
        self._products = {
            normalize_name(name): tuple(normalize_name(part) for part in parts)
            for name, parts in data.products.items()
        }
        singles: dict[str, list[str]] = {}
        for name, parts in self._products.items():
            if len(parts) == 1:
                singles.setdefault(parts[0], []).append(name)
        self._single_products = {generic: tuple(names) for generic, names in singles.items()}
        self._aliases: dict[str, str] = {}
        for group in data.groups:
            for alias in (*group.aliases, group.label):
                self._aliases.setdefault(normalize_name(alias), group.id)
        self._members = {gid: self._collect_members(gid) for gid in self.groups}
        self._drug_groups: dict[str, set[str]] = {}
        for gid, members in self._members.items():
            for member in members:
                self._drug_groups.setdefault(member, set()).add(gid)
        self._known_names = tuple(sorted(set(self._products) | set(self._drug_groups)))
        self._phrase_groups: dict[str, frozenset[str]] = {}
        self._phrase_drugs: dict[str, frozenset[str]] = {}

    def _collect_members(self, group_id: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        if group_id in seen:
            raise InputError(f"knowledge/{MedicineGroupsFile.FILE}: {group_id!r} includes itself")
        group = self.groups[group_id]
        members = {normalize_name(member) for member in group.members}
        for narrower in group.includes:
            members |= self._collect_members(narrower, seen | {group_id})
        return frozenset(members)

    def label(self, group_id: str) -> str:
        """The user-facing singular name of a group."""
        return self.groups[group_id].label

    def members_of(self, group_id: str) -> frozenset[str]:
        """Every generic name in a group, narrower groups included."""
        return self._members[group_id]

    def classes_of_drug(self, generic: str) -> frozenset[str]:
        """Ids of every group a generic medicine belongs to, directly or through a wider one."""
        return frozenset(self._drug_groups.get(normalize_name(generic), ()))

    def is_within(self, group_id: str, wider_id: str) -> bool:
        """Whether every member of `group_id` also belongs to `wider_id`."""
        return group_id == wider_id or self.members_of(group_id) <= self.members_of(wider_id)

    def components_of(self, name: str) -> tuple[str, ...] | None:
        """Generic components of a known brand, combination or generic name; None when unknown."""
        key = normalize_name(name)
        if key in self._products:
            return self._products[key]
        if key in self._drug_groups:
            return (key,)
        return None

    def is_product(self, name: str) -> bool:
        """Whether the vocabulary lists `name` as a product with its own components (a brand,
        a combination or a salt's everyday name such as "sodium valproate")."""
        return normalize_name(name) in self._products

    def product_names_of(self, generic: str) -> tuple[str, ...]:
        """The vocabulary's names for products of `generic` alone ("advil" for ibuprofen,
        "spiro" for spironolactone)."""
        return self._single_products.get(normalize_name(generic), ())

    def product_names_of_parts(self, parts: Iterable[str]) -> tuple[str, ...]:
        """The vocabulary's names for products made of exactly these generics ("seretide" for
        fluticasone and salmeterol)."""
        wanted = frozenset(normalize_name(part) for part in parts)
        return tuple(name for name, made in self._products.items() if frozenset(made) == wanted)

    def known_names(self) -> tuple[str, ...]:
        """Every generic and product name the vocabulary knows, normalised (for fuzzy matching)."""
        return self._known_names

    def by_name(self, name: str) -> MedicineGroup | None:
        """The group a whole name or alias means ("narcotics", "MAOIs"), or None."""
        found = self._aliases.get(normalize_name(name))
        return self.groups[found] if found else None

    def classes_named(self, phrase: str) -> frozenset[str]:
        """Ids of the groups a phrase names by alias ("narcotics or sleeping pills")."""
        key = normalize_name(phrase)
        if key not in self._phrase_groups:
            padded = f" {key} "
            spans = [
                (start, start + len(alias) + 1, gid)
                for alias, gid in self._aliases.items()
                if f" {alias} " in padded
                for start in _occurrences(padded, f" {alias} ")
            ]
            # a narrower group written as the modifier of a wider one names the narrower only:
            # "opioid painkillers" are opioids, not every painkiller
            modified = {
                head
                for _, end, narrow in spans
                for start, _, head in spans
                if start == end and narrow != head and self.is_within(narrow, head)
            }
            # an alias inside a longer one names nothing of its own: "potassium-sparing
            # diuretics" are not every diuretic
            nested = [
                any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)
                for start, end, _ in spans
            ]
            inside = {gid for (*_, gid), within in zip(spans, nested, strict=True) if within}
            alone = {gid for (*_, gid), within in zip(spans, nested, strict=True) if not within}
            named = frozenset(gid for *_, gid in spans) - modified - (inside - alone)
            self._phrase_groups[key] = named
        return self._phrase_groups[key]

    def drugs_named(self, phrase: str) -> frozenset[str]:
        """Generic names of the medicines a phrase names, by generic or product name."""
        key = normalize_name(phrase)
        if key not in self._phrase_drugs:
            padded = f" {key} "
            found: set[str] = set()
            for name in self._known_names:
                if f" {name} " in padded:
                    found.update(self.components_of(name) or ())
            self._phrase_drugs[key] = frozenset(found)
        return self._phrase_drugs[key]

    def agent_terms(self) -> list[InteractionAgent]:
        """The interaction agents extraction reads in text: one term per `agent` key, named by
        the aliases of every group reported under it, with the first such group's kind and usual
        severity; in file order."""
        terms: dict[str, InteractionAgent] = {}
        for group in self.groups.values():
            if group.agent is None:
                continue
            known = terms.get(group.agent)
            aliases = (*known.synonyms, *group.aliases) if known else group.aliases
            kind = known.agent_type if known else _AGENT_TYPES[group.kind]
            severity = known.severity if known else _AGENT_SEVERITY.get(group.interaction.severity)
            terms[group.agent] = InteractionAgent(
                term=group.agent,
                synonyms=tuple(dict.fromkeys(aliases)),
                agent_type=kind,
                severity=severity,
            )
        return list(terms.values())

    def class_terms(self) -> list[Term]:
        """The drug classes extraction reads in text ("baclofen is a muscle relaxant"): one term
        per group with a `class_term`, named by the group's aliases; in file order."""
        return [
            Term(
                term=group.class_term,
                synonyms=tuple(
                    alias
                    for alias in group.aliases
                    if alias != group.class_term and alias not in group.agent_only
                ),
            )
            for group in self.groups.values()
            if group.class_term is not None
        ]

    def agent_names(self) -> dict[str, tuple[str, ...]]:
        """Each `name` groups are shown under, with the agent keys and aliases merged into it."""
        merged: dict[str, tuple[str, ...]] = {}
        for group in self.groups.values():
            if group.name is not None:
                words = (*merged.get(group.name, ()), group.agent or "", *group.aliases)
                merged[group.name] = tuple(dict.fromkeys(word for word in words if word))
        return merged

    def generics_of(self, name: str) -> tuple[str, ...]:
        """The generic parts of a medicine name: a brand's components, a combination's parts
        ("hydrocodone/acetaminophen"), a salt's base ("oxycodone hydrochloride")."""
        known = self.components_of(name)
        if known:
            return known
        parts: list[str] = []
        for part in components(name):
            parts.extend(self.components_of(part) or (normalize_name(without_salt(part)),))
        return tuple(dict.fromkeys(parts))

    def groups_of(self, name: str) -> frozenset[str]:
        """Ids of every group any generic part of a medicine name belongs to."""
        return frozenset().union(*(self.classes_of_drug(part) for part in self.generics_of(name)))


@cache
def medicine_groups() -> MedicineGroups:
    """The packaged group vocabulary, read and validated once per process."""
    return MedicineGroups(load(MedicineGroupsFile))


def group_by_name(name: str) -> MedicineGroup | None:
    """The group a whole name or alias means, or None."""
    return medicine_groups().by_name(name)


def groups_of(name: str) -> frozenset[str]:
    """Ids of every group a medicine belongs to; brands, salts and combinations resolved."""
    return medicine_groups().groups_of(name)


def _occurrences(text: str, part: str) -> list[int]:
    """Where `part` starts in `text`, every time."""
    found = []
    start = text.find(part)
    while start >= 0:
        found.append(start)
        start = text.find(part, start + 1)
    return found
