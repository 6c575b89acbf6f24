"""A Yes/No answer to a question about stopping suddenly is read by what the question asks."""

from __future__ import annotations

import pytest

from medinfo.extract.faq import extract_faq
from medinfo.extract.stopping import answered_stopping
from tests.unit.extract.conftest import read_text


@pytest.mark.parametrize(
    ("question", "answer", "risk"),
    [
        ("Is it dangerous to stop it suddenly?", "No. It causes no withdrawal.", False),
        ("Is it safe to stop it suddenly?", "No. Talk to your doctor first.", True),
        ("Can I stop taking it suddenly?", "No. Talk to your doctor first.", True),
        ("Will I get withdrawal if I stop it suddenly?", "Yes, so do not.", True),
    ],
)
def test_answered_stopping_reads_the_answer_by_the_question(
    question: str, answer: str, risk: bool
) -> None:
    text = f"Frequently asked questions\n{question}\n{answer}\n"
    facts = answered_stopping(extract_faq(read_text(text), "s1"), text)
    assert [fact.attributes["abrupt_stop_risk"] for fact in facts] == [risk]
