"""Name lookup forms: the sound-alike key that joins spellings of one name."""

from __future__ import annotations

from medinfo.domain.names import fold, phonetic_key


def test_phonetic_key_joins_sound_alike_spellings() -> None:
    assert phonetic_key("diclophenac") == phonetic_key("diclofenac")
    assert phonetic_key(fold("Zyrtek")) == phonetic_key(fold("ZYRTEC"))
    assert phonetic_key("diclofenac") != phonetic_key("diflunisal")


def test_phonetic_key_joins_british_and_international_spellings() -> None:
    for british, american in (("cefalexin", "cephalexin"), ("oestradiol", "estradiol")):
        assert phonetic_key(british) == phonetic_key(american)
