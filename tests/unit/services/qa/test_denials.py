"""Denials: the source's own sentence quoted beside an answer that two things go together."""

from medinfo.domain.monograph import NO_INTERACTION, Evidence, Interaction, Monograph
from medinfo.services.qa.denials import with_denial_quote, with_interaction_quote
from medinfo.services.qa.passages import InMemoryPassages
from medinfo.services.qa.phrasing import Draft

_TEXT = (
    "Pain relief\n\nParacetamol and codeine are both fine with famciclovir, says my pharmacist.\n"
)


def _monograph(start: int, end: int, agent: str = "paracetamol") -> Monograph:
    span = Evidence(source="blog", start=start, end=end, section="interactions")
    denial = Interaction(
        agent=agent,
        effect=f"The sources say {agent} is not expected to interact with famciclovir.",
        severity=NO_INTERACTION,
        sources=["blog"],
        evidence=[span],
    )
    return Monograph(drug="famciclovir", no_interactions=[denial])


def test_a_denial_is_quoted_in_the_sources_own_words() -> None:
    start = _TEXT.index("Paracetamol")
    end = _TEXT.index("says") - 2
    monograph = _monograph(start, end)
    passages = InMemoryPassages()
    passages.add_text("famciclovir", "blog", _TEXT)
    draft = Draft()
    draft.say(monograph.no_interactions[0].effect, monograph.no_interactions[0])
    quoted = with_denial_quote(draft, monograph, passages)
    assert quoted.sentences[-1].endswith(
        "\u201cParacetamol and codeine are both fine with famciclovir\u201d"
    )
    assert len(quoted.citations) == 1  # the quote cites the denial's own span


def test_no_quote_without_a_denial_in_the_answer() -> None:
    monograph = _monograph(0, 10)
    passages = InMemoryPassages()
    passages.add_text("famciclovir", "blog", _TEXT)
    draft = Draft()
    draft.say("Famciclovir can interact with probenecid.")
    assert with_denial_quote(draft, monograph, passages).sentences == [
        "Famciclovir can interact with probenecid."
    ]


def test_a_denial_is_found_under_the_name_the_source_uses() -> None:
    notes = "".join(f"Famciclovir note {n}.\n\n" for n in range(6))
    text = f"Pain relief\n\n{notes}Paracetamol is fine with it.\n"
    monograph = _monograph(text.index("Paracetamol"), len(text) - 1, "acetaminophen")
    passages = InMemoryPassages()
    passages.add_text("famciclovir", "blog", text)
    draft = Draft()
    draft.say(monograph.no_interactions[0].effect, monograph.no_interactions[0])
    quoted = with_denial_quote(draft, monograph, passages)
    assert "Paracetamol is fine with it" in quoted.sentences[-1]


def test_an_interaction_is_quoted_in_the_sources_own_words_though_markup_shifted_its_span() -> None:
    text = "Interactions\n\nCarbamazepine speeds up the breakdown of famciclovir. Other text.\n"
    start = text.index("Carbamazepine") + 4  # the source's "**" markup shifted the offsets
    span = Evidence(source="qa", start=start, end=start + 40, section="interactions")
    listed = Interaction(
        agent="carbamazepine",
        effect="Taking famciclovir with carbamazepine can lower the blood level of one of them.",
        sources=["qa"],
        evidence=[span],
    )
    monograph = Monograph(drug="famciclovir", interactions=[listed])
    passages = InMemoryPassages()
    passages.add_text("famciclovir", "qa", text)
    draft = Draft()
    draft.say(listed.effect, listed)
    quoted = with_interaction_quote(draft, monograph, passages)
    assert quoted.sentences[-1].endswith(
        "\u201cCarbamazepine speeds up the breakdown of famciclovir.\u201d"
    )
