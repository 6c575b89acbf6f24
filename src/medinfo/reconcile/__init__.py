"""Reconciliation: facts from all sources of a drug merged into one Monograph."""

from medinfo.reconcile.monograph import reconcile_monograph
from medinfo.reconcile.reliability import assess_reliability

__all__ = ["assess_reliability", "reconcile_monograph"]
