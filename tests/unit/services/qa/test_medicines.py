"""Other medicines a question names are matched to the classes interactions are listed by."""

from medinfo.services.qa.medicines import load_medicine_index


def _names(question: str, exclude: set[str] | None = None) -> dict[str, frozenset[str]]:
    found = load_medicine_index().named_in(question, exclude or set())
    return {medicine.typed: medicine.agent_names for medicine in found}


def test_named_in_brings_a_brand_to_its_wider_classes() -> None:
    names = _names("can i take it with my xanax")
    assert "benzodiazepine" in names["xanax"]
    assert "cns depressant" in names["xanax"]


def test_named_in_reads_a_misspelled_medicine() -> None:
    assert "opioid" in _names("is it ok with tramadal")["tramadal"]


def test_named_in_leaves_out_the_drug_asked_about() -> None:
    assert "tizanidine" not in _names("tizanidine with cipro", {"tizanidine"})
    assert "ciprofloxacin" in _names("tizanidine with cipro", {"tizanidine"})["cipro"]


def test_named_in_ignores_ordinary_words() -> None:
    assert _names("can i take it before bed with water") == {}
