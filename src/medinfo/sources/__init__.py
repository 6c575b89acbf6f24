"""Readers: one per document format, each producing a Document of blocks."""

from medinfo.sources.decode import MAX_DOCUMENT_BYTES
from medinfo.sources.detect import detect_format
from medinfo.sources.markup import quote
from medinfo.sources.openfda_json import read_openfda_record
from medinfo.sources.openfda_stream import iter_openfda_records
from medinfo.sources.reader import read_document, read_path

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "detect_format",
    "iter_openfda_records",
    "quote",
    "read_document",
    "read_openfda_record",
    "read_path",
]
