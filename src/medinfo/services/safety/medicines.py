"""The patient's other medicines: brand, misspelled and combination names resolved to generics."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from medinfo.domain.alerts import NotChecked
from medinfo.knowledge.groups import MedicineGroups, medicine_groups
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import normalize_name, without_salt
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.services.safety.messages import render


class MedicineResolver(Protocol):
    """Anything that knows medicine names (the catalog): a name to its generic components."""

    def resolve_components(self, name: str) -> list[str]:
        """Generic names of the active ingredients of `name`; empty when unknown."""
        ...


@dataclass(frozen=True)
class Medicine:
    """One medicine the patient takes: the name as written, its generics and their classes.

    `shared` holds the active ingredients it has in common with the checked drug when it is
    another product (a single-ingredient brand beside a combination holding it); they are not
    in `components`.
    """

    name: str
    components: tuple[str, ...]
    classes: frozenset[str]
    resolved: bool
    shared: tuple[str, ...] = ()


def resolve_medicines(
    names: list[str], resolve: MedicineResolver | None = None, exclude: frozenset[str] = frozenset()
) -> list[Medicine]:
    """Resolve each name; components in `exclude` (the checked drug itself) are left out."""
    vocabulary = medicine_groups()
    medicines: list[Medicine] = []
    for name in names:
        if not name.strip():
            continue
        components, resolved = resolve_components(name, resolve)
        group = None if resolved else vocabulary.by_name(name)
        if group is not None:  # a group named as a medicine ("an NSAID"): its shared classes
            each = [vocabulary.classes_of_drug(member) for member in group.members]
            wider = frozenset.intersection(*each) if each else frozenset()
            medicines.append(Medicine(name.strip(), (), wider | {group.id}, True))
            continue
        kept = tuple(part for part in components if part not in exclude)
        duplicated = _shared(components, exclude)
        if not kept:
            if duplicated:  # another product holding only the checked drug's own ingredients
                medicines.append(Medicine(name.strip(), (), frozenset(), resolved, duplicated))
            continue
        named = (*kept, normalize_name(name), _clean(name))  # a member typed with a qualifier
        salt_free = (without_salt(part) for part in named)  # a salt's classes are its base's
        classes = frozenset().union(
            *(vocabulary.classes_of_drug(part) for part in (*named, *salt_free))
        ) or vocabulary.classes_named(name)  # "combined oral contraceptive pill": its group
        medicines.append(Medicine(name.strip(), kept, classes, resolved, duplicated))
    return medicines


def _shared(found: tuple[str, ...], own: frozenset[str]) -> tuple[str, ...]:
    """The checked drug's ingredients that another product also holds; none when the two are
    the same medicine named twice (its own brand among the other medicines)."""
    parts = frozenset(without_salt(part) for part in found)
    own_parts = frozenset(without_salt(part) for part in own)
    if not parts & own_parts or parts == own_parts:
        return ()
    return tuple(sorted(parts & own_parts))


def resolve_components(
    name: str, resolve: MedicineResolver | None = None
) -> tuple[tuple[str, ...], bool]:
    """Generic components of one medicine name and whether it was recognised.

    Tries the whole name, then each part of a combination ("A and B", "A/B").
    An unrecognised part is kept as written (normalised) so a named interaction can still match it.
    """
    whole = _lookup(name, resolve)
    if whole:
        return whole, True
    parts = _split(name, medicine_groups())
    if len(parts) > 1:
        found = [(_lookup(part, resolve), part) for part in parts]
        components = [c for comps, part in found for c in (comps or (_clean(part),)) if c]
        return tuple(dict.fromkeys(components)), all(comps for comps, _ in found)
    cleaned = _clean(name)
    return ((cleaned,) if cleaned else ()), False


def _split(name: str, vocabulary: MedicineGroups) -> list[str]:
    parts = [f" {name.lower()} "]
    for separator in vocabulary.separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


def _clean(name: str) -> str:
    """The name without doses, forms and release types: "Brand XR 0.5 mg" -> "brand"."""
    noise = medicine_groups().noise_words
    words = normalize_name(name).split()
    kept = [w for w in words if w not in noise and not any(ch.isdigit() for ch in w)]
    return " ".join(kept)


def _lookup(name: str, resolve: MedicineResolver | None) -> tuple[str, ...] | None:
    if resolve is not None:
        components = [normalize_name(part) for part in resolve.resolve_components(name)]
        if any(components):
            return tuple(part for part in components if part)
    known = _lookup_vocabulary(name)
    if known:
        return known
    return _lookup_fallback(_clean(name))


@lru_cache(maxsize=8192)
def _lookup_vocabulary(name: str) -> tuple[str, ...] | None:
    vocabulary = medicine_groups()
    return vocabulary.components_of(name) or vocabulary.components_of(_clean(name))


@lru_cache(maxsize=8192)
def _lookup_fallback(cleaned: str) -> tuple[str, ...] | None:
    """Names the vocabulary lacks: the drug recogniser, then fuzzy spelling in both."""
    if not cleaned:
        return None
    matching = load(SafetyRules).name_matching
    exact = _recognise(cleaned, fuzzy=False, min_similarity=1.0)
    if exact:
        return exact
    from rapidfuzz import fuzz, process

    vocabulary = medicine_groups()
    ranked = process.extract(
        cleaned,
        vocabulary.known_names(),
        scorer=fuzz.ratio,
        limit=8,
        score_cutoff=matching.fuzzy_cutoff - matching.fuzzy_margin,
    )
    if ranked and ranked[0][1] >= matching.fuzzy_cutoff:
        best = vocabulary.components_of(ranked[0][0])
        rivals = [score for name, score, _ in ranked[1:] if vocabulary.components_of(name) != best]
        if not rivals or ranked[0][1] - max(rivals) >= matching.fuzzy_margin:
            return best
    return _recognise(cleaned, fuzzy=True, min_similarity=matching.ner_min_similarity)


def _recognise(cleaned: str, fuzzy: bool, min_similarity: float) -> tuple[str, ...] | None:
    find_drugs = _drug_finder()
    if find_drugs is None:
        return None
    try:
        matches: list[tuple[dict[str, Any], int, int]] = find_drugs(
            cleaned.split(), is_fuzzy_match=fuzzy, is_ignore_case=True
        )
    except UnboundLocalError:  # the library's fuzzy two-word path fails on inputs like "b x b"
        return None
    names = [
        normalize_name(str(record["name"]))
        for record, _start, _end in matches
        if float(record.get("match_similarity", 1.0) or 1.0) >= min_similarity
    ]
    return tuple(dict.fromkeys(names)) or None


@lru_cache(maxsize=1)
def _drug_finder() -> Any:
    """drug_named_entity_recognition's find_drugs, imported on first need (about 2 s)."""
    try:
        from drug_named_entity_recognition import find_drugs
    except ImportError:  # the optional NLP extra is not installed
        return None
    return find_drugs


def unrecognised(medicines: list[Medicine], drug: str) -> list[NotChecked]:
    """The other medicines nobody could name: their interactions were not checked."""
    return [
        NotChecked(
            what="other medicine",
            reason=render("not_checked.other_medicine", name=medicine.name, drug=drug),
        )
        for medicine in medicines
        if not medicine.resolved and not medicine.classes
    ]
