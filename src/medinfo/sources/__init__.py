"""Readers: one per document format, each producing a Document of blocks."""
