"""The shipped catalog file is read safely, lazily, and its product rows round-trip."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medinfo.domain.errors import InputError
from medinfo.services.catalog.snapshot import (
    decode_products,
    encode_products,
    read_catalog_document,
)

_FIELD = st.text(alphabet=st.characters(blacklist_characters="\t\n"), min_size=1, max_size=12)


@given(st.lists(st.tuples(_FIELD, _FIELD, _FIELD), max_size=5))
def test_products_round_trip_through_text(rows: list[tuple[str, str, str]]) -> None:
    assert decode_products(encode_products(rows)) == [list(row) for row in rows]


def test_encode_products_rejects_a_tab_inside_a_field() -> None:
    with pytest.raises(InputError, match=r"Products\.txt"):
        encode_products([("BRAND\tX", "TABLET")])


def test_read_catalog_document_names_a_corrupt_file(tmp_path: Path) -> None:
    broken = tmp_path / "catalog.json.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(InputError, match=r"catalog\.json\.gz: not a gzip-compressed JSON catalog"):
        read_catalog_document(broken)


def test_read_catalog_document_rejects_another_format(tmp_path: Path) -> None:
    old = tmp_path / "catalog.json.gz"
    old.write_bytes(gzip.compress(b'{"format": 0, "drugs": []}'))
    with pytest.raises(InputError, match="unsupported catalog format"):
        read_catalog_document(old)


def test_import_does_not_load_the_catalog() -> None:
    code = (
        "import medinfo.services.catalog as c; "
        "assert c.load_catalog.cache_info().currsize == 0; "
        "import sys; assert 'rapidfuzz' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
