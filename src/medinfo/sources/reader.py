"""Document reading: bytes or a path in, a Document out, whatever the format."""

from __future__ import annotations

from pathlib import Path

from medinfo.domain.documents import Document
from medinfo.domain.errors import InputError
from medinfo.domain.sources import SourceFormat
from medinfo.sources.decode import check_size, decode_document
from medinfo.sources.detect import detect_format
from medinfo.sources.html import read_html
from medinfo.sources.markdown import read_markdown
from medinfo.sources.openfda_json import read_openfda_json
from medinfo.sources.spl_xml import read_spl_xml
from medinfo.sources.text import read_text


def read_document(data: bytes, name: str) -> Document:
    """Read a document from its bytes; the format is detected from the content.

    `name` (a file name or label) is only a hint for the format and names the
    document in errors. Raises InputError, with a one-line message starting with
    `name`, for empty, binary, non-UTF-8, oversized, truncated or malformed input.
    """
    text = decode_document(data, name)
    fmt = detect_format(text, name)
    if fmt is SourceFormat.OPENFDA_JSON:
        return read_openfda_json(text, name)
    if fmt is SourceFormat.SPL_XML:
        return read_spl_xml(text, name)
    if fmt is SourceFormat.HTML:
        return read_html(text, name)
    if fmt is SourceFormat.MARKDOWN:
        return read_markdown(text)
    return read_text(text)


def read_path(path: Path) -> Document:
    """Read a document file; its size is checked before it is read."""
    name = str(path)
    try:
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        check_size(path.stat().st_size, name)
        with path.open("rb") as handle:
            data = handle.read()
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    return read_document(data, name)
