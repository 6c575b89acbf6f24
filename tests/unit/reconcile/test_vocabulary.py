"""Terms that differ only in form or wording share one match key."""

import pytest

from medinfo.reconcile.vocabulary import match_key, plain_key, singularise


@pytest.mark.parametrize(
    "plural",
    ["headaches", "rashes", "seizures", "injuries", "hiccups", "boxes", "disorders", "eyes"],
)
def test_singularise_maps_plural_and_singular_to_one_stem(plural: str) -> None:
    singular = {"injuries": "injury", "boxes": "box", "rashes": "rash"}.get(plural, plural[:-1])
    assert singularise(plural) == singularise(singular)


def test_plain_key_ignores_case_and_punctuation() -> None:
    assert plain_key("GABA(B)") == plain_key("gaba-b") == plain_key("Gaba B")


def test_match_key_folds_synonyms_within_their_group() -> None:
    assert match_key("Renal impairment", "precautions") == match_key(
        "kidney disease", "precautions"
    )
    assert match_key("MS", "indications") == match_key("multiple sclerosis", "indications")
    assert match_key("liver problems", "side_effects") != match_key("liver disease", "side_effects")


def test_match_key_folds_interaction_agents_into_their_medicine_group_name() -> None:
    assert match_key("narcotic pain medicines", "agents") == match_key("Opioids", "agents")
    assert match_key("tranquilizers", "agents") == match_key("sedatives", "agents")
    assert match_key("nsaids", "agents") == plain_key("nsaids")
