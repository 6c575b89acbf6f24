"""A bulk run's workers share the default vocabulary's readings of label texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo.extract import adverse_reactions
from medinfo.extract.adverse_reactions import extract_adverse_reactions

TEXT = "The most common adverse reactions (>5%) were headache, nausea and dizziness."


def test_a_text_another_worker_read_is_taken_from_the_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = extract_adverse_reactions(TEXT)
    assert expected, "the text names reactions"
    monkeypatch.setattr(adverse_reactions, "_shared", None)
    adverse_reactions._default_reactions.cache_clear()
    adverse_reactions.share_reactions(tmp_path)
    assert extract_adverse_reactions(TEXT) == expected  # one worker reads it
    assert list(tmp_path.iterdir())
    adverse_reactions._default_reactions.cache_clear()  # another worker: nothing kept

    def unread(*args: object) -> object:
        raise AssertionError("a text in the shared folder was read again")

    monkeypatch.setattr(adverse_reactions, "_reactions", unread)
    shifted = extract_adverse_reactions(TEXT, offset=10)
    assert [(m.start, m.end, m.preferred_term) for m in shifted] == _shifted(expected, 10)
    adverse_reactions._default_reactions.cache_clear()


def _shifted(
    mentions: list[adverse_reactions.AdverseReactionMention], offset: int
) -> list[tuple[int, int, str]]:
    return [(m.start + offset, m.end + offset, m.preferred_term) for m in mentions]
