"""Derives twin names in the drug dictionary (one medicine filed under two names), one key each."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import medinfo.knowledge
from medinfo.domain.names import phonetic_key
from medinfo.extract.drug_dictionary import DictionaryEntry, untwinned_entries
from medinfo.knowledge.extract_rules import DrugTwins
from medinfo.knowledge.loading import load
from medinfo.knowledge.names import acid_twin
from medinfo.knowledge.service_rules import CatalogNames
from medinfo.knowledge.vocabularies import Forms

SOURCE = (
    "the drug dictionary of drug-named-entity-recognition (its own renamings), salt words, and "
    "the common names and synonyms of the DrugBank open vocabulary (CC0); names only"
)
# A DrugBank synonym is read only when it is plain words: a name with a stereo or chemical
# prefix ("(-)-omeprazole", "L-Thyroxine") names another molecule or a form of it.
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z -]{2,39}$")
# Only long one-word names are compared by sound: short or numbered ones ("type ii") differ
# by the letters the sound-alike key drops.
_SPELT = re.compile(r"[a-z]{7,}")

Entries = Mapping[str, tuple[DictionaryEntry, ...]]


def default_drugbank_file() -> Path:
    """$MEDINFO_SHARED_DIR/data/drugbank-open-vocabulary/..., else under ../shared."""
    from medinfo.config import SHARED_DIR

    shared = SHARED_DIR.value()
    root = Path(shared) if shared else Path(__file__).resolve().parents[3].parent / "shared"
    return root / "data" / "drugbank-open-vocabulary" / "drugbank_vocabulary.csv"


def meaning(entries: Entries, name: str) -> str | None:
    """The one drug the dictionary files `name` under (lower case), or None (none or several)."""
    found = {entry.name.lower() for entry in entries.get(name.lower(), ()) if entry.name}
    return found.pop() if len(found) == 1 else None


def generic_synonyms(rows: Iterable[tuple[str, list[str]]], entries: Entries) -> list[str]:
    """Names one DrugBank entry lists beside its common name that the dictionary files under
    the same drug ("salbutamol" beside albuterol): other generic names, never brands."""
    found: set[str] = set()
    for common, synonyms in rows:
        key = meaning(entries, common)
        if key is None:
            continue
        for name in synonyms:
            lowered = name.lower()
            if _PLAIN.match(name) and lowered != key and meaning(entries, name) == key:
                found.add(lowered)
    return sorted(found)


def drug_names(entries: Entries) -> set[str]:
    """Every drug name the dictionary files its entries under, lower case."""
    return {entry.name.lower() for found in entries.values() for entry in found if entry.name}


def without_salts(name: str, salts: frozenset[str]) -> str:
    """The name without the salt words after it ("quetiapine fumarate" -> "quetiapine"); the
    name itself when what is left is only a salt word ("magnesium sulfate")."""
    words = name.split()
    while len(words) > 1 and words[-1] in salts:
        words.pop()
    return name if words[-1] in salts else " ".join(words)


def anion_twins(name: str, salts: frozenset[str]) -> tuple[str, ...]:
    """What a metal's salt of an acid is also called: "sodium valproate" -> "valproate" and
    "valproic acid"; nothing for other names or a salt of a salt word ("calcium citrate")."""
    words = name.split()
    if len(words) != 2 or words[0] not in salts or words[1] in salts:
        return ()
    twin = acid_twin(words[1])
    return (words[1], twin) if twin else ()


def without_form(name: str, forms: frozenset[str]) -> str:
    """The name without a dosage form after it ("isotretinoin capsules" -> "isotretinoin",
    "timolol eye drops" -> "timolol"); the name itself when it names no form."""
    for form in sorted(forms, key=len, reverse=True):
        if name.endswith(f" {form}"):
            return name[: -len(form) - 1]
    return name


def _is_group(twin: str, name: str) -> bool:
    """Whether `twin` is a plural ("sulfates", "bicarbonates"): a group, no single medicine."""
    return twin.endswith("s") and not name.endswith("s")


def dictionary_twins(
    entries: Entries, salts: frozenset[str], forms: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Drug names the dictionary itself files under another drug name ("thyroxine" ->
    "levothyroxine"), or that are another drug name with salt words ("sodium valproate") or a
    dosage form ("isotretinoin capsules")."""
    names = drug_names(entries)
    twins: dict[str, str] = {}
    for name in sorted(names):
        anions = anion_twins(name, salts)
        for form in (name, without_salts(name, salts), without_form(name, forms), *anions):
            other = meaning(entries, form)
            if other is None or other == name or other not in names or _is_group(other, name):
                continue
            if form in anions and other not in anions:  # "oxybate" is filed as another acid
                continue
            twins[name] = other
            break
    return twins


def drugbank_twins(rows: Iterable[tuple[str, list[str]]], entries: Entries) -> dict[str, str]:
    """Drug names that one DrugBank entry lists as its common name and a synonym
    ("cholecalciferol" and "colecalciferol"), each to the name its common name has. A name that
    is another entry's common name is a drug of its own and never merged."""
    groups: list[tuple[str, set[str]]] = []
    commons: set[str] = set()
    for common, synonyms in rows:
        commons.add(common.lower())
        key = meaning(entries, common)
        names = {
            found
            for name in (common, *synonyms)
            if _PLAIN.match(name) and (found := meaning(entries, name)) == name.lower()
        }
        if key is not None and len(names) == 2:  # more are kinds of one thing (toxins A, B)
            groups.append((key, names))
    twins: dict[str, str] = {}
    for key, names in groups:
        for name in sorted(names - {key} - commons):
            twins.setdefault(name, key)
    return twins


def spelling_twins(entries: Entries, preferred: frozenset[str]) -> dict[str, str]:
    """One-word drug names spelt two ways that sound alike ("beclometasone" and
    "beclomethasone"), each to the spelling in `preferred` (DrugBank's), else the first."""
    names = drug_names(entries)
    sounds: dict[str, list[str]] = {}
    for name in sorted(names):
        if _SPELT.fullmatch(name) and meaning(entries, name) == name:
            sounds.setdefault(phonetic_key(name), []).append(name)
    twins: dict[str, str] = {}
    for spellings in sounds.values():
        key = min(spellings, key=lambda name: (name not in preferred, name))
        twins.update((name, key) for name in spellings if name != key)
    return twins


def drugbank_rows(path: Path) -> list[tuple[str, list[str]]]:
    """(common name, synonyms) of every DrugBank open-vocabulary row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return [
            (row["Common name"], [s.strip() for s in row["Synonyms"].split("|") if s.strip()])
            for row in rows
        ]


def settled(twins: Mapping[str, str]) -> dict[str, str]:
    """Each name to the end of its chain of twins; names on a loop are left out."""
    final: dict[str, str] = {}
    for name in twins:
        seen, current = {name}, twins[name]
        while current in twins and current not in seen:
            seen.add(current)
            current = twins[current]
        if current not in seen:
            final[name] = current
    return dict(sorted(final.items()))


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else default_drugbank_file()
    entries = untwinned_entries()
    salts = frozenset(word.lower() for word in load(CatalogNames).salt_words)
    forms = frozenset(
        name.lower() for term in load(Forms).terms for name in (term.term, *term.synonyms)
    )
    rows = drugbank_rows(path)
    preferred = frozenset(without_salts(common.lower(), salts) for common, _ in rows)
    twins = (
        spelling_twins(entries, preferred)
        | drugbank_twins(rows, entries)
        | dictionary_twins(entries, salts, forms)
    )
    final = settled(twins)
    target = Path(medinfo.knowledge.__file__).parent / DrugTwins.FILE
    document = {
        "_comment": "Generated by python -m medinfo.extract.drug_twins_build; do not edit.",
        "source": SOURCE,
        "twins": final,
        "generic_names": generic_synonyms(rows, entries),
    }
    target.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"{len(final)} twin names, {len(document['generic_names'])} generic names -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
