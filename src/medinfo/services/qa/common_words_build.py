"""Writes knowledge/qa/common_words.json: everyday English words a typo reader must keep.

Run `python -m medinfo.services.qa.common_words_build` with the dev dependencies installed: it
reads the English word frequencies shipped with pyspellchecker (MIT) and keeps the words of at
least MIN_LENGTH letters seen at least MIN_FREQUENCY times, so that "tight" is never read as
"night" nor "fever" as "fewer".
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

MIN_LENGTH = 5  # shorter words are never corrected (intents.json fuzzy.min_token_length)
MIN_FREQUENCY = 1000
OUT = Path(__file__).resolve().parents[2] / "knowledge" / "qa" / "common_words.json"
_COMMENT = (
    "Everyday English words of at least min_length letters, seen at least min_frequency times "
    "in pyspellchecker's English frequency list (MIT): a question word listed here is never "
    "read as a different cue word or drug name, only as an inflection of itself. Written by "
    "medinfo.services.qa.common_words_build; do not edit by hand."
)


def common_words(frequencies: dict[str, int]) -> list[str]:
    """The alphabetic words long and frequent enough to keep, sorted."""
    return sorted(
        word
        for word, count in frequencies.items()
        if count >= MIN_FREQUENCY and len(word) >= MIN_LENGTH and word.isascii() and word.isalpha()
    )


def _frequencies() -> dict[str, int]:
    data = resources.files("spellchecker") / "resources" / "en.json.gz"
    with data.open("rb") as packed:
        loaded: dict[str, int] = json.loads(gzip.decompress(packed.read()))
    return loaded


def main() -> None:
    words = common_words(_frequencies())
    document = {
        "_comment": _COMMENT,
        "min_length": MIN_LENGTH,
        "min_frequency": MIN_FREQUENCY,
        "words": words,
    }
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
