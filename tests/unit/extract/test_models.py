"""Loading extraction's models before a bulk run forks: only what extraction uses."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from medinfo.extract.models import load_models
load_models()
print("drug_named_entity_recognition" in sys.modules)
"""


def test_loading_the_models_does_not_build_the_drug_library_s_fuzzy_indexes() -> None:
    # Importing the library builds trigram indexes over 107,360 names (about 1 s before the
    # workers can fork) for fuzzy matching that extraction never uses; its data file is read
    # directly instead (extract/drug_dictionary.py, ADR 0022).
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
