"""The voice's templates: the drug's name as a reader would write it."""

from __future__ import annotations

from medinfo.reconcile.voice import fill


def test_a_combinations_key_reads_as_its_product_is_written() -> None:
    assert fill("Only small amounts of {drug} pass into milk.", "budesonide; formoterol") == (
        "Only small amounts of budesonide/formoterol pass into milk."
    )
    assert fill("{Drug} passes into milk.", "sertraline") == "Sertraline passes into milk."
