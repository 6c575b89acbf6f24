"""Build step of the catalog: `python -m medinfo.services.catalog.build [SHARED_DATA_DIR]`."""

from __future__ import annotations

import gzip
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

from medinfo.config import SHARED_DIR
from medinfo.domain.errors import MedinfoError
from medinfo.services.catalog.assembly import assemble_catalog
from medinfo.services.catalog.snapshot import packaged_catalog_path
from medinfo.services.catalog.tables import (
    DRUGBANK_FILE,
    FDA_FOLDER,
    read_application_types,
    read_marketing_status,
    read_products,
    read_vocabulary,
)
from medinfo.services.catalog.vocabulary import load_name_rules

_REPO_ROOT = Path(__file__).resolve().parents[4]


def default_data_dir() -> Path:
    """The shared data folder: $MEDINFO_SHARED_DIR/data, else <repo>/../shared/data."""
    shared = SHARED_DIR.value()
    return (Path(shared) if shared else _REPO_ROOT.parent / "shared") / "data"


def build_catalog(data_dir: Path) -> dict[str, Any]:
    """The catalog document built from the raw tables under `data_dir`."""
    fda_dir = data_dir / FDA_FOLDER
    return assemble_catalog(
        read_products(fda_dir),
        read_application_types(fda_dir),
        read_marketing_status(fda_dir),
        read_vocabulary(data_dir / DRUGBANK_FILE),
        load_name_rules(),
    )


def encode_catalog(document: dict[str, Any]) -> bytes:
    """Deterministic gzip bytes of the document: sorted keys, no timestamp, no file name."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def write_catalog(data_dir: Path, target: Path) -> int:
    """Build from `data_dir`, write `target`, return the number of drugs written."""
    document = build_catalog(data_dir)
    target.write_bytes(encode_catalog(document))
    return len(document["drugs"])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; exit status 2 on bad input."""
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else default_data_dir()
    target = packaged_catalog_path()
    started = time.perf_counter()
    try:
        count = write_catalog(data_dir, target)
    except MedinfoError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    size = target.stat().st_size
    print(f"wrote {target} ({count} drugs, {size:,} bytes) in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
