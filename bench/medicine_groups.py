"""Medicine-group members checked against the DrugBank open vocabulary and the drug catalog.

Run: .venv/bin/python bench/medicine_groups.py [--data DIR]   (default: ../shared/data)

Group membership (src/medinfo/knowledge/vocab/medicine_groups.json) is curated: the open data
sets name drugs but do not group them. This script makes the curation checkable: for every
group it prints how many members DrugBank names (common name or synonym, any case) and lists the
members it does not, so a misspelt or invented member shows up. Substances (alcohol, grapefruit)
are reported but not expected in DrugBank.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from medinfo.knowledge.groups import medicine_groups
from medinfo.knowledge.names import normalize_name
from medinfo.services.catalog.build import default_data_dir

DRUGBANK = Path("drugbank-open-vocabulary") / "drugbank_vocabulary.csv"


def drugbank_names(path: Path) -> frozenset[str]:
    """Every common name and synonym of the vocabulary, normalised."""
    names: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["Common name"], *row["Synonyms"].split(" | ")]:
                if name.strip():
                    names.add(normalize_name(name))
    return frozenset(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    known = drugbank_names(args.data / DRUGBANK)
    groups = medicine_groups()
    total = found = 0
    for gid, group in groups.groups.items():
        members = [normalize_name(member) for member in group.members]
        missing = [member for member in members if member not in known]
        total += len(members)
        found += len(members) - len(missing)
        note = f"  not in DrugBank: {', '.join(missing)}" if missing else ""
        print(f"{gid:28} {group.kind:9} {len(members) - len(missing):3}/{len(members):3}{note}")
    print(f"members named by DrugBank: {found}/{total} = {found / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
