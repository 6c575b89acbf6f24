"""Hand-made sources and facts about tizanidine, written for these tests (no corpus text)."""

from __future__ import annotations

import zlib

from medinfo.domain.evidence import Evidence
from medinfo.domain.facts import ExtractedFact, FactKind, Scalar
from medinfo.domain.sources import Source, SourceKind


def source(
    source_id: str,
    title: str = "Tizanidine",
    kind: SourceKind = SourceKind.ARTICLE,
    url: str | None = None,
) -> Source:
    """A source about tizanidine."""
    return Source(
        id=source_id, title=title, drug="tizanidine", kind=kind, url=url, sha256=source_id * 4
    )


def fact(source_id: str, kind: FactKind, key: str, **attributes: Scalar) -> ExtractedFact:
    """A fact from a source; its evidence span is derived from its content (stable across runs)."""
    start = zlib.crc32(f"{source_id}|{kind}|{key}|{sorted(attributes.items())}".encode()) % 100_000
    evidence = Evidence(source=source_id, start=start, end=start + 30, section=kind.value)
    return ExtractedFact(kind=kind, key=key, attributes=attributes, evidence=evidence)


def three_sources() -> list[Source]:
    """A label, a consumer article and a page that declares itself AI-generated."""
    return [
        source("lbl", "Tizanidine tablets label", SourceKind.LABEL),
        source("art", "Tizanidine explained", url="https://health.example.com/tizanidine"),
        source("bot", "Tizanidine notes"),
    ]


def tizanidine_facts() -> list[ExtractedFact]:
    """About thirty facts from three sources that overlap, differ and disagree."""
    k = FactKind
    return [
        fact("lbl", k.BRAND_NAME, "Zanaflex"),
        fact("art", k.BRAND_NAME, "ZANAFLEX"),
        fact("lbl", k.DRUG_CLASS, "alpha-2 adrenergic agonist"),
        fact("art", k.DRUG_CLASS, "muscle relaxant"),
        fact("lbl", k.MECHANISM_TERM, "alpha-2"),
        fact("lbl", k.MECHANISM_TERM, "agonist"),
        fact("lbl", k.INDICATION, "spasticity", off_label=False),
        fact("art", k.INDICATION, "muscle spasticity", off_label=False),
        fact("art", k.INDICATION, "tension headache", off_label=True),
        fact("bot", k.INDICATION, "fibromyalgia", off_label=True),
        fact("lbl", k.FORM, "tablet"),
        fact("art", k.FORM, "oral tablets"),
        fact("lbl", k.FORM, "oral capsule"),
        fact("lbl", k.INITIAL_DOSE, "oral", amount=2, unit="mg", frequency_per_day=3),
        fact("art", k.INITIAL_DOSE, "oral", amount=4, unit="mg", frequency_per_day=3),
        fact("lbl", k.MAX_DAILY_DOSE, "oral", amount=36, unit="mg"),
        fact("art", k.MAX_DAILY_DOSE, "oral", amount=36, unit="mg"),
        fact("lbl", k.TITRATION, "titration", step_amount=2, step_days=3),
        fact("lbl", k.SIDE_EFFECT, "drowsiness", serious=False),
        fact("art", k.SIDE_EFFECT, "sleepiness", serious=False),
        fact("bot", k.SIDE_EFFECT, "dry mouth"),
        fact("art", k.SIDE_EFFECT, "low blood pressure", serious=False),
        fact("lbl", k.SIDE_EFFECT, "hypotension", serious=True),
        fact("bot", k.SIDE_EFFECT, "hair colour change"),
        fact(
            "lbl",
            k.INTERACTION,
            "alcohol",
            effect_terms="drowsiness, low blood pressure",
            severity="moderate",
        ),
        fact(
            "art",
            k.INTERACTION,
            "alcohol",
            effect_terms="sleepiness; dizziness",
            severity="major",
            avoid=True,
        ),
        fact("lbl", k.INTERACTION, "ciprofloxacin", severity="contraindicated"),
        fact("art", k.PRECAUTION, "liver problems", advice="caution"),
        fact("lbl", k.PRECAUTION, "hepatic impairment"),
        fact("art", k.PREGNANCY, "pregnancy", category="C"),
        fact(
            "lbl",
            k.BREASTFEEDING,
            "breastfeeding",
            excreted_in_milk=True,
            infant_effects_known=False,
        ),
        fact(
            "art",
            k.MISSED_DOSE,
            "missed_dose",
            take_when_remembered=True,
            skip_if_next_dose_near=True,
        ),
        fact("bot", k.MISSED_DOSE, "missed_dose", never_double=True),
        fact("lbl", k.STOPPING, "stopping", abrupt_stop_risk=True, taper=True),
        fact("lbl", k.WITHDRAWAL_SYMPTOM, "rebound high blood pressure"),
        fact("art", k.WITHDRAWAL_SYMPTOM, "fast heartbeat"),
        fact(
            "art", k.ONSET, "onset", first_effect="within an hour", full_effect="one to two hours"
        ),
        fact("bot", k.ONSET, "onset", full_effect="several weeks"),
        fact("bot", k.DEPENDENCE, "dependence", claim="addictive"),
        fact("art", k.FAQ, "alcohol"),
        fact("bot", k.FAQ, "missed dose"),
        fact("art", k.FAQ, "weight gain"),
        fact("art", k.DISCLAIMER, "disclaimer"),
        fact("bot", k.CONTENT_NOTICE, "ai_or_crowd"),
    ]
