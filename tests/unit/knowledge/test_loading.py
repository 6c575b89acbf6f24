"""Every knowledge file has one strict model; a bad file fails in one line naming file and key."""

from __future__ import annotations

import importlib
import json
import pkgutil
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import medinfo.knowledge
from medinfo.domain.errors import InputError
from medinfo.knowledge import loading
from medinfo.knowledge.extract_rules import MissedDoseRules, SectionRules
from medinfo.knowledge.loading import RuleFile, load, parse
from medinfo.knowledge.reconcile_rules import MergeRules
from medinfo.knowledge.safety_rules import SafetyRules
from medinfo.knowledge.service_rules import AlertMessages, CatalogNames, IntentRules
from medinfo.knowledge.vocabularies import Forms, Precautions

ROOT = Path(str(resources.files("medinfo.knowledge")))


def _models() -> list[type[RuleFile]]:
    for module in pkgutil.iter_modules(medinfo.knowledge.__path__):
        importlib.import_module(f"medinfo.knowledge.{module.name}")
    found: list[type[RuleFile]] = []
    pending = list(RuleFile.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model.FILE:
            found.append(model)
    return found


def _packaged(model: type[RuleFile]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / model.FILE).read_text(encoding="utf-8"))
    return data


def _bad(model: type[RuleFile], data: object) -> str:
    with pytest.raises(InputError) as caught:
        parse(model, json.dumps(data).encode())
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"knowledge/{model.FILE}: ")
    return message


def test_every_knowledge_file_is_loaded_by_exactly_one_model() -> None:
    models = _models()
    files = [model.FILE for model in models]
    on_disk = sorted(str(path.relative_to(ROOT)) for path in ROOT.rglob("*.json"))
    assert sorted(files) == on_disk
    assert len(set(files)) == len(files)
    for model in models:
        assert isinstance(load(model), model)


def test_load_reads_each_file_once() -> None:
    assert load(SectionRules) is load(SectionRules)


def test_importing_knowledge_loads_no_file() -> None:
    loading._load.cache_clear()
    for module in pkgutil.iter_modules(medinfo.knowledge.__path__):
        importlib.import_module(f"medinfo.knowledge.{module.name}")
    assert loading._load.cache_info().currsize == 0


def test_an_unknown_key_is_named_with_its_file() -> None:
    message = _bad(MissedDoseRules, {**_packaged(MissedDoseRules), "topics": ["x"]})
    assert message == ("knowledge/extract/missed_dose.json: topics: Extra inputs are not permitted")


def test_a_nested_unknown_key_is_named_by_its_path() -> None:
    data = _packaged(CatalogNames)
    data["fuzzy"] = {**data["fuzzy"], "max_edit": 2}
    assert "fuzzy.max_edit: Extra inputs are not permitted" in _bad(CatalogNames, data)


def test_a_wrong_type_is_named_with_its_key() -> None:
    data = {**_packaged(MissedDoseRules), "topic": "missed"}
    assert "topic: Input should be a valid" in _bad(MissedDoseRules, data)


def test_a_missing_key_is_named() -> None:
    data = _packaged(MergeRules)
    del data["route_preference"]
    assert "route_preference: Field required" in _bad(MergeRules, data)


def test_a_pattern_that_does_not_compile_is_rejected() -> None:
    data = _packaged(SectionRules)
    data["headings"][0]["patterns"] = ["(unclosed"]
    assert "headings.0.patterns.0" in _bad(SectionRules, data)


def test_an_empty_pattern_list_is_rejected_since_it_would_match_everything() -> None:
    assert "topic" in _bad(MissedDoseRules, {**_packaged(MissedDoseRules), "topic": []})


def test_a_value_outside_its_allowed_set_is_rejected() -> None:
    data = {"terms": [{"term": "liver disease", "advice": "ignore"}]}
    assert "terms.0.advice" in _bad(Precautions, data)


def test_a_term_listed_twice_is_rejected() -> None:
    data = {"terms": [{"term": "gel"}, {"term": "Gel"}]}
    assert "listed twice" in _bad(Forms, data)


def test_an_unknown_intent_is_rejected() -> None:
    assert "intents.0.intent" in _bad(IntentRules, {"intents": [{"intent": "gossip"}]})


def test_safety_rules_reject_unknown_keys() -> None:
    assert "surprise" in _bad(SafetyRules, {**_packaged(SafetyRules), "surprise": 1})


def test_a_malformed_message_template_is_rejected() -> None:
    assert "INTERACTION_QT" in _bad(AlertMessages, {"INTERACTION_QT": "broken {field"})


def test_a_file_that_is_not_utf8_is_rejected() -> None:
    with pytest.raises(
        InputError, match=r"^knowledge/extract/sections.json: not UTF-8 \(byte 18\)"
    ):
        parse(SectionRules, '{"headings": ["caf\xe9"]}'.encode("latin-1"))


def test_a_file_that_is_not_json_is_rejected_in_one_line() -> None:
    with pytest.raises(InputError, match=r"^knowledge/extract/sections.json: .*JSON") as caught:
        parse(SectionRules, b'{"headings": [')
    assert "\n" not in str(caught.value)
