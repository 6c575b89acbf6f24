"""Question answering: patients' questions answered from monograph facts, with citations."""

from medinfo.services.qa.drug_mentions import DrugNameIndex, InMemoryMonographs, MonographLookup
from medinfo.services.qa.engine import answer_question
from medinfo.services.qa.intents import Concern, Reading, read_question
from medinfo.services.qa.passages import InMemoryPassages, Passage, PassageSearch

__all__ = [
    "Concern",
    "DrugNameIndex",
    "InMemoryMonographs",
    "InMemoryPassages",
    "MonographLookup",
    "Passage",
    "PassageSearch",
    "Reading",
    "answer_question",
    "read_question",
]
