"""The asker's own condition: a question that states it asks about taking the drug with it."""

from __future__ import annotations

import re

from medinfo.domain.answers import Intent
from medinfo.services.qa.intents import Reading
from medinfo.services.qa.vocabulary import load_vocabulary

EFFECTS = frozenset({Intent.SIDE_EFFECTS, Intent.SERIOUS_SIDE_EFFECTS})


def states_own_condition(reading: Reading) -> bool:
    """Whether the question says the asker has or had a condition ("i had a stroke")."""
    pattern = load_vocabulary().own_condition_pattern
    return bool(pattern) and re.search(pattern, reading.text) is not None


def asks_with_own_condition(reading: Reading) -> bool:
    """Whether the question states the asker's own condition and asks whether they may take
    the drug, with no sign the complaint began on it: a precaution, never a side effect."""
    terms = load_vocabulary()
    if not (terms.may_i_take_pattern and states_own_condition(reading)):
        return False
    if re.search(terms.may_i_take_pattern, reading.text) is None:
        return False
    began = terms.began_on_it_pattern
    return not began or re.search(began, reading.text) is None
