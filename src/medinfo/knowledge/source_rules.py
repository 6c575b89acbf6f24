"""Models of the source-reading rule files (knowledge/sources/*.json): sections and boilerplate."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from medinfo.knowledge.loading import KnowledgeFile, Pattern, Strict


class LoincSections(KnowledgeFile):
    """LOINC section codes of structured product labels -> section names."""

    FILE: ClassVar[str] = "sources/loinc_sections.json"
    sections: dict[str, str]


class OpenfdaSections(KnowledgeFile):
    """(field, heading) pairs of openFDA label records, in label order."""

    FILE: ClassVar[str] = "sources/openfda_sections.json"
    sections: tuple[tuple[str, str], ...]


class LineRule(Strict):
    """Patterns that make a short block boilerplate wherever it stands."""

    name: str
    patterns: tuple[Pattern, ...]
    max_words: int = Field(default=30, gt=0)
    case_sensitive: bool = False


class TocRule(Strict):
    """When a run of list items is a table of contents: it repeats later headings."""

    min_items: int = Field(default=3, gt=1)
    min_heading_share: float = Field(default=0.6, gt=0, le=1)
    max_words: int = Field(default=14, gt=0)


class HtmlRule(Strict):
    """HTML elements that hold no content, or only boilerplate."""

    skip_tags: tuple[str, ...]
    boilerplate_tags: tuple[str, ...]
    boilerplate_roles: tuple[str, ...]
    content_containers: tuple[str, ...]
    class_tokens: tuple[str, ...]
    # a boilerplate tag (an aside) whose class or id names a fact box ("quick-facts") holds
    # the page's own summary of the drug: content, read as a summary place
    fact_box_classes: tuple[str, ...] = ()


class BoilerplateRules(KnowledgeFile):
    """Navigation, promotion and other page furniture that never becomes a fact."""

    FILE: ClassVar[str] = "sources/boilerplate.json"
    line_rules: tuple[LineRule, ...]
    section_headings: tuple[Pattern, ...]
    toc_headings: tuple[Pattern, ...]
    toc: TocRule
    html: HtmlRule
