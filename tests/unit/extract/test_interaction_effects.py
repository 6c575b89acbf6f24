"""Interaction effects: each agent of a statement keeps the effects said of it."""

from __future__ import annotations

from medinfo.extract.interaction_effects import effects_by_agent, joined, said_of_agent


def test_an_effect_goes_to_the_agent_it_governs_then_to_the_agent_before_it() -> None:
    text = "It may lower the levels of lithium; with aspirin, bleeding may rise."
    named_at = {"lithium": text.index("lithium"), "aspirin": text.index("aspirin")}
    effects = [
        (text.index("lower"), text.index(" of lithium"), "lowered levels"),
        (text.index("bleeding"), text.index(" may rise"), "bleeding"),
    ]
    assert effects_by_agent(text, named_at, effects) == {
        "lithium": ["lowered levels"],
        "aspirin": ["bleeding"],
    }


def test_effects_after_every_agent_are_left_to_the_whole_list() -> None:
    text = "Alcohol or other sedatives can add to drowsiness."
    named_at = {"alcohol": 0, "sedatives": text.index("sedatives")}
    effects = [(text.index("drowsiness"), len(text) - 1, "drowsiness")]
    assert effects_by_agent(text, named_at, effects) == {}


def test_each_agent_is_said_what_stands_between_it_and_the_next() -> None:
    text = "Interactions: clopidogrel (avoid it), warfarin (checks needed)."
    said = said_of_agent(text, {"clopidogrel": 14, "warfarin": text.index("warfarin")})
    assert "avoid" in said["clopidogrel"]
    assert "avoid" not in said["warfarin"]
    assert joined(["a", "b"], ["b", "", "c"]) == "a,b,c"
