"""An outline of a monograph for people: titled sections of lines, each with its sources."""

from __future__ import annotations

from dataclasses import dataclass

from medinfo.domain.monograph import Attributed, DoseSpec, Monograph


@dataclass(frozen=True)
class Line:
    """One statement shown to a reader and the ids of the sources that state it."""

    text: str
    sources: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[Line, ...]


def outline_monograph(monograph: Monograph) -> list[Section]:
    """The monograph's facts in reading order; empty sections are left out."""
    m = monograph
    sections = [
        Section("Brand names", _terms(m, "brand_names", m.brand_names)),
        Section("Drug class", _terms(m, "drug_class", m.drug_class)),
        Section("How it works", _mechanism(m)),
        Section(
            "Uses",
            tuple(_line(_noted(i.condition, i.off_label, "off-label"), i) for i in m.indications),
        ),
        Section("Not used for", tuple(_line(item.condition, item) for item in m.not_used_for)),
        Section("Forms", _terms(m, "forms", m.forms)),
        Section("Dosing", _dosing(m)),
        Section(
            "Side effects",
            tuple(_line(_noted(e.term, e.serious, "serious"), e) for e in m.side_effects),
        ),
        Section(
            "Interactions",
            tuple(_line(_joined(item.agent, item.effect), item) for item in m.interactions),
        ),
        Section(
            "Precautions",
            tuple(_line(_joined(item.condition, item.advice), item) for item in m.precautions),
        ),
        Section("Pregnancy", _single(m.pregnancy, _pregnancy_text(m))),
        Section("Breastfeeding", _single(m.breastfeeding, m.breastfeeding.summary)),
        Section("Missed dose", _single(m.missed_dose, m.missed_dose.summary)),
        Section("Stopping", _single(m.stopping, _stopping_text(m))),
        Section("Onset", _single(m.onset, m.onset.summary)),
        *practical_sections(m),
        Section("Questions", tuple(_line(_joined(f.question, f.answer), f) for f in m.faq)),
        Section(
            "Where sources disagree",
            tuple(
                Line(
                    _joined(c.topic, c.note),
                    tuple(sorted({s for claim in c.claims for s in claim.sources})),
                )
                for c in m.conflicts
            ),
        ),
        Section(
            "Sources",
            tuple(Line(f"{s.id}: {s.title} ({s.kind}, {s.reliability})") for s in m.sources),
        ),
    ]
    return [section for section in sections if section.lines]


def practical_sections(m: Monograph) -> list[Section]:
    """How to take it, tests, half-life, legal status and overdose (ADR 0027)."""
    optional = (("Half-life", m.half_life), ("Legal status", m.legal_status))
    return [
        Section("How to take it", tuple(_line(a.advice, a) for a in m.administration)),
        Section("Monitoring", tuple(_line(t.advice, t) for t in m.monitoring)),
        *(Section(title, (_line(item.summary, item),) if item else ()) for title, item in optional),
        Section("Overdose", (_line(m.overdose.summary, m.overdose),) if m.overdose else ()),
    ]


def _line(text: str, item: Attributed) -> Line:
    return Line(text, tuple(item.sources), tuple(item.flags))


def _noted(text: str, condition: bool, note: str) -> str:
    return f"{text} ({note})" if condition else text


def _joined(head: str, tail: str) -> str:
    return f"{head}: {tail}" if tail else head


def _terms(monograph: Monograph, field: str, terms: list[str]) -> tuple[Line, ...]:
    attributions = {item.term: item for item in monograph.term_sources.get(field, [])}
    return tuple(
        _line(term, attributions[term]) if term in attributions else Line(term) for term in terms
    )


def _mechanism(monograph: Monograph) -> tuple[Line, ...]:
    mechanism = monograph.mechanism
    if mechanism is None:
        return ()
    text = mechanism.summary or ", ".join(mechanism.terms)
    return (_line(text, mechanism),)


def _dose_text(label: str, dose: DoseSpec) -> str:
    text = f"{label}: {dose.amount:g} {dose.unit}"
    if dose.frequency_per_day:
        text += f", {dose.frequency_per_day} times a day"
    return f"{text} ({dose.route})" if dose.route else text


def _dosing(monograph: Monograph) -> tuple[Line, ...]:
    dosing = monograph.dosing
    lines = [
        _line(_dose_text(label, dose), dose)
        for label, dose in (
            ("starting dose", dosing.initial),
            ("maximum per day", dosing.max_daily),
            ("maximum per dose", dosing.max_single),
        )
        if dose is not None
    ]
    if dosing.titration:
        lines.append(_line(f"raising the dose: {dosing.titration}", dosing))
    lines += [_line(_joined("kidney function", r.advice), r) for r in dosing.renal_adjustment]
    return tuple(lines)


def _pregnancy_text(monograph: Monograph) -> str:
    pregnancy = monograph.pregnancy
    if pregnancy.category is None:
        return pregnancy.summary
    retired = " (a retired letter category)" if pregnancy.outdated_category else ""
    return f"category {pregnancy.category}{retired}: {pregnancy.summary}"


def _stopping_text(monograph: Monograph) -> str:
    stopping = monograph.stopping
    if stopping.withdrawal_symptoms:
        return f"{stopping.summary} Withdrawal: {', '.join(stopping.withdrawal_symptoms)}."
    return stopping.summary


def _single(item: Attributed, text: str) -> tuple[Line, ...]:
    return (_line(text, item),) if item.sources else ()
