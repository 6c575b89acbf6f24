"""The drug catalog: every approved drug by name, with its products."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Product(BaseModel):
    """One marketed product of a drug (Drugs@FDA).

    `application` is the application type and number ("NDA017851", "ANDA071260", "BLA125057");
    `ingredient` is the active ingredient as labelled, salt included ("tizanidine hydrochloride").
    """

    model_config = ConfigDict(frozen=True)

    brand: str
    form: str
    route: str
    strength: str
    application: str
    marketing_status: str = ""
    ingredient: str = ""


class CatalogDrug(BaseModel):
    """A drug known by name; `name` is the lower-case generic (active ingredient) name.

    A combination product's `name` joins its `components` (base generic names) with "; ".
    """

    model_config = ConfigDict(frozen=True)

    name: str
    display_name: str
    components: tuple[str, ...] = ()
    brand_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    drugbank_id: str | None = None
    unii: str | None = None
    products: tuple[Product, ...] = Field(default_factory=tuple)
