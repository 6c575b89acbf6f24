"""Boilerplate: navigation, promotions, ads, banners and widgets that are never drug content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medinfo.domain.documents import BlockKind
from medinfo.knowledge.loading import load
from medinfo.knowledge.source_rules import BoilerplateRules, HtmlRule, LineRule, TocRule
from medinfo.sources.spans import Span


@dataclass(frozen=True)
class _Compiled:
    lines: tuple[tuple[re.Pattern[str], int], ...]
    sections: tuple[re.Pattern[str], ...]
    tocs: tuple[re.Pattern[str], ...]
    toc: TocRule
    html: HtmlRule
    class_tokens: frozenset[str]


def _pattern_groups(rule: LineRule) -> list[tuple[list[str], int]]:
    """A rule's patterns joined in two groups: anchored at the start, and searched anywhere.

    Python's regex engine rejects an anchored pattern at once but scans the whole
    text for an unanchored one, so mixing them in one alternation would be slow.
    """
    flags = 0 if rule.case_sensitive else re.IGNORECASE
    anchored = [p for p in rule.patterns if p.startswith("^")]
    anywhere = [p for p in rule.patterns if p not in anchored]
    return [(group, flags) for group in (anchored, anywhere) if group]


@cache
def _rules() -> _Compiled:
    rules = load(BoilerplateRules)
    lines = tuple(
        (re.compile("|".join(f"(?:{p})" for p in group), flags), rule.max_words)
        for rule in rules.line_rules
        for group, flags in _pattern_groups(rule)
    )
    return _Compiled(
        lines=lines,
        sections=tuple(re.compile(p, re.IGNORECASE) for p in rules.section_headings),
        tocs=tuple(re.compile(p, re.IGNORECASE) for p in rules.toc_headings),
        toc=rules.toc,
        html=rules.html,
        class_tokens=frozenset(token.lower() for token in rules.html.class_tokens),
    )


def html_rules() -> HtmlRule:
    """The HTML part of the rules, for the HTML reader."""
    return _rules().html


_CLASS_SPLIT = re.compile(r"[\s_-]+")


def is_boilerplate_class(value: str) -> bool:
    """Whether an HTML class or id names an ad, banner, share bar, comment box or the like."""
    rules = _rules()
    for name in value.lower().split():
        if name in rules.class_tokens or any(
            token in rules.class_tokens for token in _CLASS_SPLIT.split(name)
        ):
            return True
    return False


def is_fact_box(value: str) -> bool:
    """Whether an HTML class or id names a box of the page's own drug facts ("quick-facts")."""
    boxes = html_rules().fact_box_classes
    return any(name in boxes for name in value.lower().split())


def is_boilerplate_line(text: str) -> bool:
    """Whether a short block matches a line rule (promotion, byline, cookie banner...)."""
    words = len(text.split())
    return any(words <= most and pattern.search(text) for pattern, most in _rules().lines)


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _mark_sections(spans: list[Span]) -> None:
    """Boilerplate headings (Related articles, Reviews, a table of contents) and their sections."""
    rules = _rules()
    index = 0
    while index < len(spans):
        span = spans[index]
        index += 1
        if not span.is_heading_like:
            continue
        if _matches(rules.sections, span.text):
            span.boilerplate = True
            while index < len(spans) and not (
                spans[index].is_heading_like and spans[index].level <= span.level
            ):
                spans[index].boilerplate = True
                index += 1
        elif _matches(rules.tocs, span.text):
            span.boilerplate = True
            while index < len(spans) and (spans[index].listed or spans[index].link_only):
                spans[index].boilerplate = True
                index += 1


def _is_toc_entry(span: Span, listed: bool, most_words: int) -> bool:
    if span.listed != listed or span.words > most_words or span.text.endswith("."):
        return False
    return listed or span.is_heading_like or span.kind is BlockKind.QUESTION


def _mark_contents_lists(spans: list[Span]) -> None:
    """Runs of short entries that repeat the headings after them, or are all in-page links.

    A run of list items is marked as a whole; a run of bare heading lines (a contents
    list without bullets) only where an entry reappears later as a heading.
    """
    rule = _rules().toc
    index = 0
    while index < len(spans):
        listed = spans[index].listed
        end = index
        while end < len(spans) and _is_toc_entry(spans[end], listed, rule.max_words):
            end += 1
        run = spans[index:end]
        if len(run) >= rule.min_items:
            later = {
                _normalise(span.text)
                for span in spans[end:]
                if span.is_heading_like or span.kind is BlockKind.QUESTION
            }
            repeats = [_normalise(span.text) in later for span in run]
            enough = sum(repeats) >= rule.min_heading_share * len(run)
            if listed:
                whole = enough or all(span.link_only for span in run)
                repeats = [whole] * len(run)
            elif not enough:
                repeats = [False] * len(run)
            for span, repeated in zip(run, repeats, strict=True):
                span.boilerplate = span.boilerplate or repeated
        index = max(end, index + 1)


def mark_boilerplate(spans: list[Span]) -> None:
    """Set `boilerplate` on every span that is page furniture rather than content."""
    for span in spans:
        if not span.boilerplate and is_boilerplate_line(span.text):
            span.boilerplate = True
    _mark_sections(spans)
    _mark_contents_lists(spans)
