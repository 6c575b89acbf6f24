"""Indications: uses the text states for this drug, never another drug's, a side effect or a
use it denies."""

from __future__ import annotations

from medinfo.domain.facts import FactKind
from medinfo.extract.lists import extract_list_facts
from tests.unit.extract.helpers import make_document


def _uses(text: str, drug: str) -> dict[str, bool]:
    facts = extract_list_facts(make_document(text), "test", drug)
    return {
        f.key: bool(f.attributes.get("off_label")) for f in facts if f.kind is FactKind.INDICATION
    }


def test_another_drugs_use_in_a_story_is_no_use_of_this_drug() -> None:
    found = _uses(
        "# Sertraline\n\nSertraline helped my low mood. Before that I took paracetamol for "
        "migraine every week.",
        "sertraline",
    )
    assert "migraine" not in found


def test_a_use_named_with_a_second_medicine_stays_this_drugs_use() -> None:
    found = _uses(
        "# Omeprazole\n\nOmeprazole is used with clarithromycin and amoxicillin to treat "
        "Helicobacter pylori.",
        "omeprazole",
    )
    assert "h. pylori infection" in found


def test_a_condition_listed_as_a_side_effect_is_no_use() -> None:
    found = _uses(
        "# Azathioprine\n\nAzathioprine is used for rheumatoid arthritis. Taking it with food "
        "can ease side effects such as feeling sick and ulcers.",
        "azathioprine",
    )
    assert found == {"rheumatoid arthritis": False}


def test_a_weak_use_cue_the_clause_denies_is_no_use() -> None:
    found = _uses(
        "# Citalopram\n\nCitalopram is used to treat depression. It isn't the usual choice "
        "for insomnia.",
        "citalopram",
    )
    assert found == {"depression": False}


def test_an_off_label_use_named_after_off_label_for_is_kept_with_its_flag() -> None:
    found = _uses(
        "# Pregabalin\n\nDoctors sometimes prescribe it off label for insomnia.",
        "pregabalin",
    )
    assert found == {"insomnia": True}


def test_a_category_whose_members_follow_gives_way_to_them() -> None:
    found = _uses(
        "# Cefalexin\n\nCefalexin is used for bacterial infections such as cellulitis and "
        "kidney infections.",
        "cefalexin",
    )
    assert found == {"skin infections": False, "kidney infection": False}


def test_an_off_label_cue_later_in_the_list_leaves_the_approved_uses_before_it() -> None:
    found = _uses(
        "# Azathioprine\n\nIt is used for rheumatoid arthritis and lupus, and sometimes off "
        "label for ulcerative colitis.",
        "azathioprine",
    )
    assert found == {"rheumatoid arthritis": False, "lupus": False, "ulcerative colitis": True}


def test_an_off_label_cue_after_the_use_in_the_same_clause_flags_it() -> None:
    found = _uses("# Propranolol\n\nIt is prescribed for anxiety off label.", "propranolol")
    assert found == {"anxiety": True}


def test_a_denied_weak_cue_is_no_use_even_under_a_uses_heading() -> None:
    found = _uses(
        "# Sertraline\n\n## Uses\n\nSertraline treats depression. It is not the best option "
        "for bipolar disorder.",
        "sertraline",
    )
    assert found == {"depression": False}
