"""Strict loading of knowledge files: UTF-8 JSON, one frozen pydantic model each, read once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Annotated, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from medinfo.domain.errors import InputError


class Strict(BaseModel):
    """A part of a knowledge file: unknown keys and wrong types are rejected; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class RuleFile(Strict):
    """A whole JSON file under knowledge/; `FILE` is its path there."""

    FILE: ClassVar[str] = ""


class KnowledgeFile(RuleFile):
    """A knowledge file whose explanation is under "_comment"."""

    comment: str = Field(default="", alias="_comment")


class AboutFile(RuleFile):
    """A knowledge file whose explanation is under "about" (the reconcile rule files)."""

    about: str = ""


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"not a regular expression ({error})") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]
"""A regular expression; a file holding one that does not compile is rejected when loaded."""

Patterns = Annotated[tuple[Pattern, ...], Field(min_length=1)]
"""A non-empty list of regular expressions (an empty one would match everything)."""

M = TypeVar("M", bound=RuleFile)


def load(model: type[M]) -> M:
    """The file `model.FILE`, read and validated once per process; InputError names file and key."""
    loaded = _load(model)
    assert isinstance(loaded, model)
    return loaded


@cache
def _load(model: type[RuleFile]) -> RuleFile:
    return parse(model, resources.files(__package__).joinpath(model.FILE).read_bytes())


def parse(model: type[M], data: bytes) -> M:
    """`data` validated as `model`; a one-line InputError names the file and the key at fault."""
    where = f"knowledge/{model.FILE}"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{where}: not UTF-8 (byte {error.start})") from None
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise InputError(f"{where}: {key}: {first['msg']}") from None


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive expression matching any of `patterns` (validated when loaded)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def each_of(groups: Mapping[str, Iterable[str]]) -> dict[str, re.Pattern[str]]:
    """Each named pattern list compiled with `any_of`."""
    return {name: any_of(patterns) for name, patterns in groups.items()}
