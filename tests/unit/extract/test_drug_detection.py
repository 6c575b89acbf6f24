"""Drug detection: the main drug of a document, brands resolved to the generic name."""

from __future__ import annotations

from medinfo.extract.drug_detection import canonical_drug_name, detect_drug
from tests.unit.extract.conftest import read_text


def test_detect_drug_from_brand_in_title() -> None:
    text = (
        "---\ntitle: Zoloft guide\n---\nAn antidepressant. Unlike Prozac, it is taken once daily."
    )
    assert detect_drug(read_text(text)) == "sertraline"


def test_detect_drug_most_mentioned_beats_a_passing_link() -> None:
    text = (
        "Metformin helps control blood sugar.\nRead next: Tylenol for headaches.\n"
        "Take metformin with meals. Metformin rarely causes low blood sugar by itself.\n"
    )
    assert detect_drug(read_text(text)) == "metformin"


def test_detect_drug_none_when_no_drug() -> None:
    assert detect_drug(read_text("Stretching helps stiff muscles.")) is None


def test_canonical_drug_name_brand_and_unknown() -> None:
    assert canonical_drug_name("Lioresal") == "baclofen"
    assert canonical_drug_name("Madeupzol") == "madeupzol"
