"""Citation metadata of a read document: who published it and when, one shape for every format."""

from __future__ import annotations

import re
from datetime import date, datetime

# Metadata keys that may name the publisher or the date, most specific first. The readers keep
# each format's own keys (HTML meta, Markdown front matter, SPL and openFDA fields); these lists
# say which of them a citation uses.
_PUBLISHER_KEYS = ("publisher", "site_name", "site", "manufacturer_name", "labeler", "source")
_DATE_KEYS = (
    "published",
    "date",
    "effective_time",
    "last_reviewed",
    "reviewed",
    "updated",
    "modified",
)
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y")
_ISO_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " · ", ": ")
_MAX_PUBLISHER = 120


def with_citation(metadata: dict[str, str]) -> dict[str, str]:
    """`metadata` plus `publisher` and `published` (an ISO date) where the document gives them.

    A date that cannot be read, or lies in the future, is left out rather than guessed; an
    address other than http(s) is dropped; a title ending in the publisher's name
    ("Baclofen - Example Health") loses that ending.
    """
    cited = dict(metadata)
    named = (" ".join(cited.get(key, "").split()) for key in _PUBLISHER_KEYS)
    publisher = next((name for name in named if _is_name(name)), "")
    if publisher:
        cited["publisher"] = publisher
        title = cited.get("title", "")
        for separator in _TITLE_SEPARATORS:
            suffix = separator + publisher
            if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
                cited["title"] = title[: -len(suffix)].strip()
                break
    else:
        cited.pop("publisher", None)
    if not cited.get("url", "").lower().startswith(("http://", "https://")):
        cited.pop("url", None)  # a relative or script address is no citation
    published = next((day for k in _DATE_KEYS if (day := read_date(cited.get(k, "")))), None)
    if published is None:
        cited.pop("published", None)
    else:
        cited["published"] = published.isoformat()
    return cited


def read_date(text: str) -> date | None:
    """A calendar date written in one of the common ways, or None (never a guess)."""
    text = " ".join(text.split()).strip()
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    candidates = [iso.group(0)] if iso else [text, text.replace(".", "")]
    for candidate in candidates:
        for pattern in _DATE_FORMATS:
            try:
                day = datetime.strptime(candidate, pattern).date()
            except ValueError:
                continue
            return day if day <= date.today() else None
    return None


def _is_name(text: str) -> bool:
    """A publisher's name: not empty, not a web address, not a paragraph."""
    return 0 < len(text) <= _MAX_PUBLISHER and not text.lower().startswith(
        ("http://", "https://", "www.")
    )
