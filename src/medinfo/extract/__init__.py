"""Extraction: from a Document to typed facts with evidence."""
