"""Streaming of openFDA dumps: records one by one from {"results": [...]}, JSON lines or a .zip."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from medinfo.domain.errors import InputError

CHUNK_CHARS = 1 << 16
_DECODER = json.JSONDecoder()
_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


class _Cursor:
    """A window over a text stream that decodes JSON values as they arrive."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self.stream = stream
        self.name = name
        self.buffer = ""
        self.position = 0
        self.consumed = 0
        self.lines = 0  # newlines in the text already dropped from the buffer
        self.eof = False

    def fill(self, at_least: int = CHUNK_CHARS) -> bool:
        """Read more text; False at the end of the stream."""
        if self.eof:
            return False
        if self.position > CHUNK_CHARS:
            self.consumed += self.position
            self.lines += self.buffer.count("\n", 0, self.position)
            self.buffer = self.buffer[self.position :]
            self.position = 0
        chunk = self.stream.read(max(at_least, CHUNK_CHARS))
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def peek(self) -> str:
        """The next non-whitespace character ('' at the end)."""
        while True:
            while self.position < len(self.buffer) and self.buffer[self.position] in " \t\r\n":
                self.position += 1
            if self.position < len(self.buffer) or not self.fill():
                return self.buffer[self.position : self.position + 1]

    def expect(self, chars: str) -> str:
        char = self.peek()
        if not char or char not in chars:
            self.fail(f"expected one of {chars!r}, found {char or 'the end of the file'!r}")
        self.position += 1
        return char

    def value(self) -> Any:
        """Decode the next complete JSON value, reading more text until it is whole."""
        self.peek()
        wanted = CHUNK_CHARS
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if self.fill(wanted):
                    wanted *= 2
                    continue
                self.fail(error.msg)
            if end == len(self.buffer) and self.fill():
                continue
            self.position = end
            return value

    def fail(self, problem: str) -> Any:
        offset = self.consumed + self.position
        line = self.lines + self.buffer.count("\n", 0, self.position) + 1
        raise InputError(
            f"{self.name}: malformed JSON: {problem} (line {line}, near character {offset})"
        )


def _array(cursor: _Cursor) -> Iterator[Any]:
    """The elements of a JSON array whose '[' was just consumed."""
    if cursor.peek() == "]":
        cursor.position += 1
        return
    while True:
        yield cursor.value()
        if cursor.expect(",]") == "]":
            return


def _values(cursor: _Cursor) -> Iterator[Any]:
    """Records of a stream: array elements, "results" elements, or top-level values."""
    while cursor.peek():
        if cursor.peek() == "[":
            cursor.position += 1
            yield from _array(cursor)
            continue
        cursor.expect("{")
        record: dict[str, Any] = {}
        streamed = False
        if cursor.peek() == "}":
            cursor.position += 1
        else:
            while True:
                key = cursor.value()
                cursor.expect(":")
                if key == "results" and cursor.peek() == "[":
                    cursor.position += 1
                    yield from _array(cursor)
                    streamed = True
                else:
                    record[str(key)] = cursor.value()
                if cursor.expect(",}") == "}":
                    break
        if not streamed:
            yield record


def _stream_records(stream: IO[str], name: str) -> Iterator[dict[str, Any]]:
    for index, value in enumerate(_values(_Cursor(stream, name))):
        if not isinstance(value, dict):
            raise InputError(f"{name}: record {index + 1} is not a JSON object")
        yield value


def iter_openfda_records(path: Path) -> Iterator[dict[str, Any]]:
    """Stream the records of an openFDA dump without loading it whole.

    Accepts `{"results": [...]}` files (the openFDA download format), JSON arrays,
    JSON lines, and .zip archives holding such files. Raises InputError naming the
    file for a missing, unreadable or malformed file.
    """
    name = str(path)
    if not path.is_file():
        problem = "is a directory, not a file" if path.is_dir() else "no such file"
        raise InputError(f"{name}: {problem}")
    if zipfile.is_zipfile(path):
        yield from _zip_records(path)
        return
    try:
        with path.open(encoding="utf-8-sig") as text:
            yield from _stream_records(text, name)
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not valid UTF-8 ({error.reason})") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error})") from None


def _zip_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of the JSON members of a zip; an error names the member it is about."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise InputError(f"{path}: cannot be read ({error})") from None
    with archive:
        for member in archive.namelist():
            if not member.lower().endswith(_JSON_SUFFIXES):
                continue
            name = f"{path}!{member}"
            try:
                with archive.open(member) as raw:
                    wrapped = io.TextIOWrapper(raw, encoding="utf-8-sig")
                    yield from _stream_records(wrapped, name)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: not valid UTF-8 ({error.reason})") from None
            except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
                problem = " ".join(str(error).split()) or type(error).__name__
                raise InputError(f"{name}: cannot be read ({problem})") from None
