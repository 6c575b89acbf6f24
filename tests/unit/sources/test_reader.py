"""Tests of read_document / read_path on the seed corpus, our fixtures and bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medinfo.domain.documents import BlockKind
from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.sources import MAX_DOCUMENT_BYTES, read_document, read_path
from tests.unit.sources.conftest import FIXTURES, assert_offsets_slice, texts


def _seed(corpus: Path, prefix: str) -> Path:
    return next(corpus.glob(f"{prefix}_*.txt"))


def test_read_path_detects_seed_formats(corpus: Path) -> None:
    formats = {path.name[:3]: read_path(path).format for path in sorted(corpus.glob("*.txt"))}
    assert formats == {
        "000": SourceFormat.TEXT,
        "001": SourceFormat.MARKDOWN,
        "002": SourceFormat.TEXT,
        "003": SourceFormat.TEXT,
    }


def test_read_path_seed_offsets_slice_the_original(corpus: Path) -> None:
    for path in sorted(corpus.glob("*.txt")):
        document = read_path(path)
        assert document.blocks
        assert_offsets_slice(document)


def test_read_path_marks_seed_contents_list_as_boilerplate(corpus: Path) -> None:
    document = read_path(_seed(corpus, "000"))
    listed = [b for b in document.blocks if b.boilerplate and b.kind is not BlockKind.PARAGRAPH]
    assert len(listed) >= 20
    first_heading = next(b for b in document.blocks if b.kind is BlockKind.HEADING)
    assert not first_heading.boilerplate
    assert first_heading.start > listed[-1].end


def test_read_path_marks_seed_promotions_and_reviews_as_boilerplate(corpus: Path) -> None:
    noise = texts(read_path(_seed(corpus, "000")), boilerplate=True)
    assert any(text.startswith("MUST READ") for text in noise)
    assert any(text.startswith("Click here") for text in noise)
    reviews = texts(read_path(_seed(corpus, "003")), boilerplate=True)
    assert reviews == ["Reviews", "There are no reviews yet."]


def test_read_path_keeps_seed_content(corpus: Path) -> None:
    document = read_path(_seed(corpus, "000"))
    content = document.content_blocks()
    assert any(b.kind is BlockKind.TABLE_ROW and len(b.cells) == 2 for b in content)
    assert any(b.kind is BlockKind.QUESTION for b in content)
    assert any(b.kind is BlockKind.HEADING and b.text == "Disclaimer" for b in content)


def test_read_path_splits_seed_faq_question_and_answer(corpus: Path) -> None:
    document = read_path(_seed(corpus, "001"))
    blocks = list(document.blocks)
    questions = [i for i, b in enumerate(blocks) if b.kind is BlockKind.QUESTION]
    assert len(questions) >= 5
    for index in questions:
        answer = blocks[index + 1]
        assert answer.kind is BlockKind.PARAGRAPH
        assert answer.heading == blocks[index].text
    assert document.title
    assert document.metadata.get("title") == document.title


def test_read_path_reads_seeds_quickly(corpus: Path) -> None:
    paths = sorted(corpus.glob("*.txt"))
    read_path(paths[0])
    started = time.perf_counter()
    for path in paths:
        read_path(path)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("sertraline_article.txt", SourceFormat.TEXT),
        ("ibuprofen_guide.md", SourceFormat.MARKDOWN),
        ("metformin_page.html", SourceFormat.HTML),
        ("lisinopril_spl.xml", SourceFormat.SPL_XML),
        ("cetirizine_label.json", SourceFormat.OPENFDA_JSON),
    ],
)
def test_read_path_reads_each_format(name: str, fmt: SourceFormat) -> None:
    document = read_path(FIXTURES / name)
    assert document.format is fmt
    assert document.content_blocks()
    assert_offsets_slice(document)


def test_read_document_uses_content_not_extension() -> None:
    html = (FIXTURES / "metformin_page.html").read_bytes()
    assert read_document(html, "page.txt").format is SourceFormat.HTML
    markdown = (FIXTURES / "ibuprofen_guide.md").read_bytes()
    assert read_document(markdown, "guide.txt").format is SourceFormat.MARKDOWN


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "blank"),
        (b"Warfarin\x00\x01\x02 thins the blood", "binary"),
        (b"%PDF-1.7 rest of a pdf", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"Dose: 5 mg\nCaf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at byte offset 14)"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (
            b"<html><body><p>Aspirin thins the blood</p>",
            "truncated HTML: <html> is opened but never closed",
        ),
        (b"<html><body><p>Aspirin</p></body></html><p class='x", "ends inside a tag"),
        (b'{"results": [{"warnings": ["Take care."]', "malformed JSON"),
        (b'{"name": "not a label"}', "not an openFDA drug-label record"),
        (b'{"results": []}', "holds 0 label records"),
        (
            b'<?xml version="1.0"?><document xmlns="urn:hl7-org:v3"><title>x</document>',
            "malformed XML",
        ),
        (b'<?xml version="1.0"?><catalog><item/></catalog>', "not an FDA SPL label"),
    ],
)
def test_read_document_refuses_bad_input(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as error:
        read_document(data, "upload.doc")
    message = str(error.value)
    assert message.startswith("upload.doc: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize("name", ["labels.jsonl", "labels.ndjson", "label.json"])
def test_read_document_refuses_a_json_file_that_is_not_json(name: str) -> None:
    with pytest.raises(InputError, match=rf"^{name}: malformed JSON: .*line 1\b"):
        read_document(b"Ibuprofen eases pain.\nA second line of prose.\n", name)


def test_read_document_accepts_a_utf8_bom() -> None:
    document = read_document("\ufeffNaproxen eases pain.\n".encode(), "n.txt")
    assert document.original.startswith("Naproxen")
    assert document.blocks[0].text == "Naproxen eases pain."


def test_read_document_refuses_oversized_data_before_decoding() -> None:
    data = b"\xff" * (MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InputError, match=r"^big\.txt: file is too large"):
        read_document(data, "big.txt")


def test_read_path_refuses_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "absent.txt")


def test_read_path_refuses_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_read_path_checks_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_path(path)


def test_read_path_refuses_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Amoxicillin treats infections.")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.txt: cannot be read \(permission denied\)"):
        read_path(path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_read_document_raises_only_input_error_on_any_bytes(data: bytes) -> None:
    try:
        document = read_document(data, "fuzz.bin")
    except InputError:
        return
    assert_offsets_slice(document)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["# Dosing", "- item", "**Label:** value", "| a | b |", "Can I?", "<p>x</p>", "", "---"]
        )
        | st.text(max_size=40),
        max_size=12,
    )
)
def test_read_document_raises_only_input_error_on_text_like_input(lines: list[str]) -> None:
    try:
        document = read_document("\n".join(lines).encode(), "fuzz.md")
    except InputError:
        return
    assert_offsets_slice(document)
