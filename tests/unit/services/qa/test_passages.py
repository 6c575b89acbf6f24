"""The in-memory passage search finds paragraphs by shared words, with true offsets."""

from medinfo.services.qa import InMemoryPassages
from medinfo.services.qa.passages import split_passages


def test_split_passages_keeps_original_offsets() -> None:
    text = "First paragraph here.\nstill first.\n\n  Second one.\n"
    passages = split_passages("s1", text)
    assert [text[p.start : p.end] for p in passages] == [p.text for p in passages]
    assert len(passages) == 2


def test_search_ranks_by_shared_words_for_that_drug_only() -> None:
    search = InMemoryPassages()
    search.add_text("exampleol", "s1", "Store below 25 C.\n\nTake with food in the morning.\n")
    search.add_text("otherol", "s2", "Store in the fridge.\n")
    found = search.search("Exampleol", "store fridge temperature")
    assert [p.text for p in found] == ["Store below 25 C."]
    assert search.search("exampleol", "price") == []
