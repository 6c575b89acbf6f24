"""Response schemas of the JSON API (names end in `Public`), for OpenAPI and the routers."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from medinfo.domain.catalog import CatalogDrug
from medinfo.domain.monograph import DISCLAIMER, Monograph
from medinfo.knowledge.names import brand_in_prose
from medinfo.services.catalog_display import display_strength

NO_MONOGRAPH = (
    "No monograph is available yet for this medicine: medinfo holds no reviewed sources "
    "about it. The forms and strengths come from the FDA drug catalog (Drugs@FDA)."
)


class ErrorPublic(BaseModel):
    """Every error: a one-line `detail`, close names for unknown drugs, the field at fault."""

    detail: str
    suggestions: list[str] = Field(default_factory=list)
    field: str | None = None


class DrugSummaryPublic(BaseModel):
    name: str
    url: str
    page: str


class DrugListPublic(BaseModel):
    drugs: list[DrugSummaryPublic]


class ProductPublic(BaseModel):
    brand: str
    form: str
    route: str
    strength: str
    marketing_status: str


class CatalogMonographPublic(Monograph):
    """A drug known only to the catalog: its names, forms and products, and no facts yet."""

    monograph_available: bool = False
    notice: str = NO_MONOGRAPH
    products: list[ProductPublic] = Field(default_factory=list)


class SourceFactPublic(BaseModel):
    kind: str
    key: str
    attributes: dict[str, str | int | float | bool | None]
    start: int
    end: int
    section: str
    quote: str | None = None


class SourcePublic(BaseModel):
    id: str
    title: str
    kind: str
    reliability: str
    reliability_reason: str
    url: str | None
    publisher: str | None = None
    published: date | None = None
    text_stored: bool
    facts: list[SourceFactPublic]


class SourceListPublic(BaseModel):
    drug: str
    sources: list[SourcePublic]


class DrugHitPublic(BaseModel):
    name: str
    drug: str
    kind: str
    match: str
    has_monograph: bool
    url: str
    page: str


class TextHitPublic(BaseModel):
    drug: str
    section: str
    text: str
    source: str | None = None
    start: int | None = None
    end: int | None = None
    page: str


class SearchPublic(BaseModel):
    query: str
    drugs: list[DrugHitPublic]
    facts: list[TextHitPublic]
    passages: list[TextHitPublic]


def catalog_monograph(drug: CatalogDrug) -> CatalogMonographPublic:
    """The catalog-only answer for a drug without a monograph."""
    unique: dict[tuple[str, ...], ProductPublic] = {}
    for p in drug.products:
        item = ProductPublic(
            brand=brand_in_prose(p.brand),
            form=p.form.lower(),
            route=p.route.lower(),
            strength=display_strength(p.strength),
            marketing_status=p.marketing_status.lower(),
        )
        unique.setdefault((item.form, item.route, item.strength, item.brand), item)
    return CatalogMonographPublic(
        drug=drug.name,
        brand_names=sorted(dict.fromkeys(brand_in_prose(name) for name in drug.brand_names)),
        forms=sorted({f"{p.route.lower()} {p.form.lower()}".strip() for p in drug.products}),
        products=[unique[key] for key in sorted(unique)],
        disclaimer=DISCLAIMER,
    )
