"""Typed reading of FHIR JSON: objects, lists and strings at a path, or a HookError naming it."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from medinfo.domain.errors import InputError

Json = Mapping[str, Any]


class HookError(InputError):
    """A CDS Hooks request medinfo cannot use; the message names the field at fault."""


def parse_body(data: bytes, limit: int) -> Any:
    """A request body's JSON; HookError when it is larger than `limit` bytes or not JSON."""
    if len(data) > limit:
        raise HookError(f"request body: larger than {limit} bytes")
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HookError(f"request body: not valid JSON ({error})") from None


def member(value: Json, key: str, where: str) -> Json | None:
    """The object at `key`, None when absent; HookError when it is not an object."""
    found = value.get(key)
    if found is None:
        return None
    if not isinstance(found, Mapping):
        raise HookError(f"{where}.{key}: expected a JSON object")
    return found


def items(value: Json, key: str, where: str) -> list[Json]:
    """The objects of the list at `key` (empty when absent); HookError for anything else."""
    found = value.get(key)
    if found is None:
        return []
    if not isinstance(found, list) or not all(isinstance(item, Mapping) for item in found):
        raise HookError(f"{where}.{key}: expected a list of JSON objects")
    return list(found)


def text(value: Json, key: str) -> str:
    """The string at `key`, stripped; empty when absent or not a string."""
    found = value.get(key)
    return found.strip() if isinstance(found, str) else ""


def number(value: Json, key: str) -> float | None:
    """The number at `key`; None when absent or not a number."""
    found = value.get(key)
    if isinstance(found, bool) or not isinstance(found, int | float):
        return None
    return float(found)


def codings(concept: Json | None) -> Iterator[tuple[str, str, str]]:
    """(system, code, display) of each coding of a CodeableConcept."""
    if concept is None:
        return
    for coding in concept.get("coding") or []:
        if isinstance(coding, Mapping):
            yield text(coding, "system"), text(coding, "code"), text(coding, "display")


def concept_words(concept: Json | None) -> list[str]:
    """A CodeableConcept's text and its codings' displays, in that order, without repeats."""
    if concept is None:
        return []
    words = [text(concept, "text"), *(display for _, _, display in codings(concept))]
    return list(dict.fromkeys(word for word in words if word))


def bundle_resources(value: Any, where: str) -> list[Json]:
    """The resources of a Bundle, or the resource itself; HookError for a malformed Bundle."""
    if value is None:
        return []
    if not isinstance(value, Mapping) or not isinstance(value.get("resourceType"), str):
        raise HookError(f"{where}: expected a FHIR resource or Bundle")
    if value["resourceType"] != "Bundle":
        return [value]
    resources = []
    for index, entry in enumerate(items(value, "entry", where)):
        resource = member(entry, "resource", f"{where}.entry[{index}]")
        if resource is None:
            continue
        if not isinstance(resource.get("resourceType"), str):
            raise HookError(f"{where}.entry[{index}].resource: resourceType is missing")
        resources.append(resource)
    return resources
