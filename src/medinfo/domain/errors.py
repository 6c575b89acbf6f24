"""Errors raised for bad input; their messages name the file or field at fault."""

from __future__ import annotations


class MedinfoError(Exception):
    """Base of every error that is reported to the user as one line."""


class InputError(MedinfoError):
    """A document, request or argument that cannot be used."""


class UnknownDrugError(MedinfoError):
    """A drug name that matches nothing; carries close-name suggestions."""

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown drug {name!r}{hint}")
