"""Decoding: document bytes to text, refusing empty, oversized, binary and non-UTF-8 input."""

from __future__ import annotations

import codecs

from medinfo.domain.errors import InputError

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
"""The largest document a reader accepts (5 MB)."""

_SAMPLE_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\v\x1b")
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (also .docx, .xlsx, .epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


def human_size(size: int) -> str:
    """A byte count as people read it: '5.0 MB', '812 bytes'."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def check_size(size: int, name: str) -> None:
    """Refuse a document larger than MAX_DOCUMENT_BYTES."""
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{name}: file is too large ({human_size(size)}; "
            f"the limit is {human_size(MAX_DOCUMENT_BYTES)})"
        )


def _check_binary(data: bytes, name: str) -> None:
    """Refuse data that is not text: known binary signatures, NUL bytes, many control bytes."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: binary file ({what}), not a text document")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: text is UTF-16 encoded; only UTF-8 is accepted")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{name}: binary file (NUL byte at byte offset {nul}), not a text document"
        )
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise InputError(f"{name}: binary file (mostly non-text bytes), not a text document")


def decode_document(data: bytes, name: str) -> str:
    """The text of a document's bytes: UTF-8, an optional BOM removed.

    Raises InputError, with a message that starts with `name`, for data that is
    too large, empty or blank, binary, or not valid UTF-8.
    """
    check_size(len(data), name)
    if not data.strip():
        raise InputError(f"{name}: document is empty" if not data else f"{name}: document is blank")
    _check_binary(data, name)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[offset]:02x} at byte offset {offset}); "
            "convert the file to UTF-8"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: document is blank")
    return text
