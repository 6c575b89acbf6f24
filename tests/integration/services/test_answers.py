"""Questions answered over stored monographs, with stored source text as the fallback."""

from __future__ import annotations

import pytest

from medinfo.services.answers import Answerer, StorePassages, ask_question
from medinfo.services.monograph_lookup import StoreMonographs
from medinfo.store.database import Database
from tests.stored_monographs import GUIDE_TEXT, store_monograph, tizanidine


@pytest.fixture
def answerer(database: Database) -> Answerer:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    return Answerer(StoreMonographs(database), StorePassages(database))


def test_ask_answers_from_the_stored_monograph_by_brand_name(answerer: Answerer) -> None:
    answer = answerer.ask("can i have a beer on zanaflex")
    assert answer.drug == "tizanidine"
    assert answer.intent == "alcohol"
    assert answer.answerable
    assert [c.source for c in answer.citations] == ["t1"]


def test_ask_quotes_stored_source_text_when_no_fact_fits(answerer: Answerer) -> None:
    answer = answerer.ask("how should i store my tizanidine tablets?")
    assert answer.answerable
    assert "Store the pill bottle in a dry cupboard" in answer.answer
    citation = answer.citations[0]
    assert GUIDE_TEXT[citation.start : citation.end].startswith("Store the pill bottle")


def test_ask_abstains_for_a_drug_without_sources(database: Database) -> None:
    answer = ask_question(database, "what is the usual dose?", drug="Xanax")
    assert not answer.answerable
    assert "pharmacist" in answer.answer


def test_store_passages_rank_the_paragraph_sharing_most_words(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    found = StorePassages(database).search("tizanidine", "where should the pill bottle be kept")
    assert found[0].text.startswith("Store the pill bottle")
    assert StorePassages(database).search("tizanidine", "zzz qqq") == []
    assert StorePassages(database).search("sertraline", "tablets") == []


def test_store_passages_match_any_word_in_any_case_through_the_index(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    found = StorePassages(database).search("tizanidine", "GRAPEFRUIT nothingelse")
    assert [passage.text.split()[0] for passage in found] == ["Grapefruit"]
    assert GUIDE_TEXT[found[0].start : found[0].end] == found[0].text
    assert found[0].source == "t2"


def test_store_passages_treat_query_syntax_as_words(database: Database) -> None:
    store_monograph(database, tizanidine(), texts={"t2": GUIDE_TEXT})
    passages = StorePassages(database)
    for hostile in ('"faint" OR', "faint* NEAR(x)", "100%_sure'; DROP TABLE sources; --", "\x00"):
        found = passages.search("tizanidine", hostile)
        assert all(passage.source == "t2" for passage in found)
    assert passages.search("tizanidine", "faint*")[0].text.startswith("If you feel faint")
