"""The drug catalog: every approved drug by name, with its products."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Product(BaseModel):
    """One marketed product of a drug (Drugs@FDA)."""

    model_config = ConfigDict(frozen=True)

    brand: str
    form: str
    route: str
    strength: str
    application: str
    marketing_status: str = ""


class CatalogDrug(BaseModel):
    """A drug known by name; `name` is the lower-case generic (active ingredient) name."""

    model_config = ConfigDict(frozen=True)

    name: str
    display_name: str
    brand_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    drugbank_id: str | None = None
    unii: str | None = None
    products: tuple[Product, ...] = Field(default_factory=tuple)
