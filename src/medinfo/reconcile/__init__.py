"""Reconciliation: facts from all sources of a drug merged into one Monograph."""
