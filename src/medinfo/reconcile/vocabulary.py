"""Term vocabulary: match keys that fold case, punctuation, plurals and synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from medinfo.domain.facts import FactKind
from medinfo.knowledge import reconcile_rules as rules
from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.vocabularies import (
    Conditions,
    Forms,
    MechanismTerms,
    Precautions,
    SideEffects,
    TermList,
)

_NON_WORD = re.compile(r"[^a-z0-9]+")
_KEEP_ENDINGS = ("ss", "us", "is", "ous")
_ES_AFTER = ("ch", "sh", "x", "z", "ss")


AGENT_GROUP = "agents"  # interaction agents fold into the medicine groups' names
CLASS_GROUP = "drug_classes"  # a drug's own class folds into the medicine groups' class terms


_EXTRACTION_VOCABULARIES: dict[str, type[TermList]] = {
    "side_effects": SideEffects,
    "indications": Conditions,
    "precautions": Precautions,
    "forms": Forms,
    "mechanism_terms": MechanismTerms,
}


@dataclass(frozen=True)
class Vocabulary:
    """Synonym groups and the fact kinds that use them, from rules/synonyms.json."""

    exceptions: frozenset[str]
    kind_groups: dict[str, str]
    canonical: dict[str, dict[str, str]]  # group -> match key -> canonical display term


@cache
def vocabulary() -> Vocabulary:
    """The synonym vocabulary of knowledge/reconcile/synonyms.json (loaded once)."""
    raw = load(rules.SynonymRules)
    exceptions = frozenset(raw.singular_exceptions)
    canonical: dict[str, dict[str, str]] = {}
    for group, entries in raw.groups.items():
        folded: dict[str, str] = {}
        for term, variants in entries.items():
            for variant in (term, *variants):
                folded[_plain_key(variant, exceptions)] = term
        canonical[group] = folded
    # the extraction vocabularies' synonyms fold too ("hypoglycaemia" is "low blood sugar",
    # "hypertension" is "high blood pressure"), so that a label's or a scorer's term meets the
    # article term it means
    for group_name, vocab in _EXTRACTION_VOCABULARIES.items():
        folded = canonical.setdefault(group_name, {})
        for entry in load(vocab).terms:
            target = folded.get(_plain_key(entry.term, exceptions), entry.term)
            for variant in (entry.term, *entry.synonyms):
                folded.setdefault(_plain_key(variant, exceptions), target)
    agents: dict[str, str] = {}
    for name, variants in medicine_groups().agent_names().items():
        for variant in (name, *variants):
            agents.setdefault(_plain_key(variant, exceptions), name)
    # a group shown under no shared name folds into its own agent key
    for medicine_group in medicine_groups().groups.values():
        agent = medicine_group.agent
        if agent is not None and medicine_group.name is None:
            for variant in (agent, *medicine_group.aliases):
                agents.setdefault(_plain_key(variant, exceptions), agent)
    canonical[AGENT_GROUP] = agents
    classes: dict[str, str] = {}
    for entry in medicine_groups().class_terms():
        for variant in (entry.term, *entry.synonyms):
            classes.setdefault(_plain_key(variant, exceptions), entry.term)
    canonical[CLASS_GROUP] = classes
    kind_groups = {kind.value: group for kind, group in raw.kind_groups.items()}
    return Vocabulary(exceptions, kind_groups, canonical)


def singularise(word: str, exceptions: frozenset[str] = frozenset()) -> str:
    """A crude singular stem of one lower-case word, the same for its singular and plural."""
    if len(word) <= 3 or word in exceptions or word.endswith(_KEEP_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("es") and word[:-2].endswith(_ES_AFTER):
        word = word[:-2]
    elif word.endswith("s"):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# British spellings fold to American ones inside a key ("oedema", "anaemia", "diarrhoea"),
# so that sources from both sides of the Atlantic merge; displayed terms keep their spelling.
_BRITISH_DIGRAPH = re.compile(r"(?<=[a-z])[ao]e(?=[a-z])|^[ao]e(?=[a-z]{3})")


# and "-ise" to "-ize" ("generalised", "hospitalisation")
_BRITISH_ISE = re.compile(r"(?<=[a-z]{3})is(?=(e|ed|es|ing|ation|ations)$)")


def _plain_key(text: str, exceptions: frozenset[str]) -> str:
    words = _NON_WORD.sub(" ", text.lower()).split()
    return " ".join(
        _BRITISH_ISE.sub("iz", _BRITISH_DIGRAPH.sub("e", singularise(word, exceptions)))
        for word in words
    )


@lru_cache(maxsize=65536)  # terms repeat across a drug's sources and across drugs
def plain_key(text: str) -> str:
    """Lower case, punctuation as spaces, each word singularised: no synonym folding."""
    return _plain_key(text, vocabulary().exceptions)


def group_of(kind: FactKind) -> str | None:
    """The synonym group used for a fact kind's keys, if any."""
    return vocabulary().kind_groups.get(kind.value)


def canonical_term(text: str, group: str | None) -> str | None:
    """The canonical display term a text folds to in a group, or None when it has none."""
    if group is None:
        return None
    return vocabulary().canonical.get(group, {}).get(plain_key(text))


_OTHER = re.compile(r"^\s*(?:other|another)\s+", re.IGNORECASE)


def without_other(text: str) -> str:
    """An agent's name without a leading "other"/"another" ("other statins" -> "statins")."""
    return _OTHER.sub("", text)


def match_key(text: str, group: str | None) -> str:
    """The key two terms share when they mean the same in a synonym group ("other opioids"
    and "opioids" are one agent)."""
    if group == AGENT_GROUP:
        text = without_other(text)
    canonical = canonical_term(text, group)
    return plain_key(canonical if canonical is not None else text)
