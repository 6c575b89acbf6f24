"""The addresses of a drug: its page on the website and its JSON in the API."""

from __future__ import annotations

from urllib.parse import quote


def drug_api_url(drug: str) -> str:
    return f"/api/v1/drugs/{quote(drug, safe='')}"


def drug_page_url(drug: str) -> str:
    return f"/drugs/{quote(drug, safe='')}"
