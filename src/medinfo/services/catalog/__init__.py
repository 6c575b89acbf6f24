"""The drug catalog: every approved drug by name (Drugs@FDA and DrugBank open vocabulary)."""

from __future__ import annotations

from medinfo.services.catalog.resolver import (
    Catalog,
    CatalogMatch,
    iter_name_rows,
    load_catalog,
)

__all__ = ["Catalog", "CatalogMatch", "iter_name_rows", "load_catalog"]
