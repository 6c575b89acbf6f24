"""The drug page's content: key facts, sections in a patient's reading order, conflicts, sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from medinfo.domain.answers import Answer, Citation
from medinfo.domain.evidence import Evidence
from medinfo.domain.monograph import (
    DISCLAIMER,
    UNKNOWN,
    Attributed,
    Conflict,
    DoseSpec,
    Indication,
    Monograph,
)
from medinfo.interfaces.web.citations import Citations, FactView, Marker, SourceView

_KEY_FACT_LIMIT = 6
_SEVERITY_ORDER = {"contraindicated": 0, "major": 1, "severe": 1, "moderate": 2, "minor": 3}
# Conflict topics (matched by word) and the section they are shown in, besides the summary.
_CONFLICT_SECTIONS = (
    (("onset", "dose", "dosing", "titration"), "how-to-take"),
    (("pregnancy", "breastfeeding", "category"), "pregnancy"),
    (("dependence", "addiction", "addictive", "withdrawal", "stopping"), "how-to-take"),
    (("side", "effect", "effects"), "side-effects"),
    (("interaction", "interactions"), "interactions"),
    (("indication", "use", "uses", "spasm", "palsy"), "what-for"),
    (("mechanism", "elimination", "class"), "what-for"),
    (("precaution", "kidney", "liver"), "precautions"),
)


@dataclass(frozen=True)
class KeyFact:
    label: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class Group:
    """Facts under an optional sub-heading; `empty` is said when there are none. A long list
    opens its tail on request unless it must be read whole (`whole`: serious side effects)."""

    heading: str
    facts: tuple[FactView, ...]
    empty: str = ""
    whole: bool = False


@dataclass(frozen=True)
class ClaimView:
    value: str
    markers: tuple[Marker, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class ConflictView:
    topic: str
    note: str
    claims: tuple[ClaimView, ...]
    section: str


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    groups: tuple[Group, ...]
    conflicts: tuple[ConflictView, ...] = ()


@dataclass(frozen=True)
class QuestionView:
    """A common question answered by the question answering engine, with source markers."""

    question: str
    answer: str
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class DrugPage:
    drug: str
    summary: str
    brand_names: tuple[FactView, ...]
    key_facts: tuple[KeyFact, ...]
    conflicts: tuple[ConflictView, ...]
    sections: tuple[SectionView, ...]
    sources: tuple[SourceView, ...]
    questions: tuple[QuestionView, ...] = ()


def _top_warnings(cite: Citations, m: Monograph) -> tuple[KeyFact, ...]:
    """The warnings a patient must see first: not stopping suddenly, when a source warns."""
    if m.stopping.abrupt_stop_risk is not True:
        return ()
    return (KeyFact("Stopping", _known(cite, m.stopping.summary, m.stopping)),)


def build_drug_page(
    monograph: Monograph, quotes: Mapping[Evidence, str], questions: Sequence[Answer] = ()
) -> DrugPage:
    """Everything the drug page shows, each fact with numbered markers to its evidence.

    `questions` are answers of the question answering engine shown under "Questions people
    ask" (see `medinfo.services.faq`).
    """
    m = monograph
    cite = Citations(m.sources, quotes)
    answered = tuple(_question(cite, answer) for answer in questions)
    conflicts = tuple(_conflict(cite, conflict) for conflict in m.conflicts)
    on_label = [i for i in m.indications if not i.off_label]
    common = [e for e in m.side_effects if not e.serious]
    serious = [e for e in m.side_effects if e.serious]
    interactions = sorted(m.interactions, key=lambda i: _SEVERITY_ORDER.get(i.severity, 2))
    rows = (  # what it is for, then the warnings a patient must see first, then the rest
        KeyFact("Used for", tuple(cite.fact(_use(i), i) for i in on_label)),
        KeyFact("Drug class", _terms(cite, m, "drug_class", m.drug_class)),
        *_top_warnings(cite, m),
        KeyFact("Pregnancy", _known(cite, _pregnancy_text(m), m.pregnancy)),
        KeyFact("Maximum dose", _dose(cite, "", m.dosing.max_daily, per_day=True)),
        KeyFact("Serious side effects", tuple(cite.fact(e.term, e) for e in serious)),
        KeyFact("Common side effects", tuple(cite.fact(e.term, e) for e in common)),
        KeyFact("Main interactions", tuple(cite.fact(i.agent, i) for i in interactions)),
    )
    key_facts = tuple(KeyFact(fact.label, fact.facts[:_KEY_FACT_LIMIT]) for fact in rows)
    sections = _sections(cite, m, bool(answered))
    by_id = {
        section.id: SectionView(
            section.id,
            section.title,
            section.groups,
            tuple(c for c in conflicts if c.section == section.id),
        )
        for section in sections
    }
    return DrugPage(
        drug=m.drug,
        summary=m.summary,
        brand_names=_terms(cite, m, "brand_names", m.brand_names),
        key_facts=key_facts,
        conflicts=conflicts,
        sections=tuple(by_id[section.id] for section in sections),
        sources=tuple(cite.source_list()),
        questions=answered,
    )


def answer_evidence(answers: Sequence[Answer]) -> list[Evidence]:
    """The evidence the answers cite, to be quoted beside the monograph's own."""
    return [_evidence(c) for answer in answers for c in answer.citations]


def _question(cite: Citations, answer: Answer) -> QuestionView:
    text = answer.answer.removesuffix(DISCLAIMER).strip()  # the page carries the disclaimer
    cited = [_evidence(c) for c in answer.citations]
    markers = cite.markers([c.source for c in cited], cited)
    return QuestionView(answer.question, text, markers)


def _evidence(citation: Citation) -> Evidence:
    return Evidence(
        source=citation.source, start=citation.start, end=citation.end, section=citation.section
    )


def _sections(cite: Citations, m: Monograph, answered: bool) -> list[SectionView]:
    """The page's sections in a patient's reading order (as NHS and MedlinePlus pages go): what
    it is for, who should not take it, how to take it (dose, missed dose, stopping), side
    effects, interactions, pregnancy and breastfeeding, common questions. The sources' own FAQ
    is shown when no common question is answered."""
    off_label = [i for i in m.indications if i.off_label]
    return [
        SectionView(
            "what-for",
            "What it is for",
            (
                Group(
                    "",
                    tuple(cite.fact(_use(i), i) for i in m.indications if not i.off_label),
                    UNKNOWN,
                ),
                Group(
                    "Also used off-label (outside the official labelling)",
                    tuple(cite.fact(_use(i), i) for i in off_label),
                ),
                Group(
                    "Not used for (the sources say it does not treat or help these)",
                    tuple(cite.fact(n.condition, n) for n in m.not_used_for),
                ),
                Group("How it works", _mechanism(cite, m)),
                Group("Drug class", _terms(cite, m, "drug_class", m.drug_class)),
            ),
        ),
        SectionView(
            "precautions",
            "Who should not take it, or should check first",
            (
                Group(
                    "",
                    tuple(cite.fact(_joined(p.condition, p.advice), p) for p in m.precautions),
                    UNKNOWN,
                ),
            ),
        ),
        SectionView("how-to-take", "How and when to take it", _how_to_take(cite, m)),
        SectionView(
            "side-effects",
            "Side effects",
            (
                Group(
                    "Common",
                    tuple(cite.fact(e.term, e) for e in m.side_effects if not e.serious),
                    UNKNOWN,
                ),
                Group(
                    "Serious: get medical help",
                    tuple(cite.fact(e.term, e) for e in m.side_effects if e.serious),
                    UNKNOWN,
                    whole=True,
                ),
            ),
        ),
        SectionView(
            "interactions",
            "Taking it with other medicines, food or alcohol",
            (
                Group(
                    "",
                    tuple(
                        cite.fact(_interaction_text(i.agent, i.effect, i.severity), i)
                        for i in m.interactions
                    ),
                    UNKNOWN,
                ),
            ),
        ),
        SectionView(
            "pregnancy",
            "Pregnancy and breastfeeding",
            (
                Group("Pregnancy", _known(cite, _pregnancy_text(m), m.pregnancy), UNKNOWN),
                Group(
                    "Breastfeeding", _known(cite, m.breastfeeding.summary, m.breastfeeding), UNKNOWN
                ),
            ),
        ),
        SectionView(
            "questions",
            "Questions people ask",
            (
                Group(
                    "",
                    ()
                    if answered
                    else tuple(cite.fact(f"{f.question} {f.answer}", f) for f in m.faq),
                    "" if answered else "No questions answered by the sources yet.",
                ),
            ),
        ),
    ]


def _how_to_take(cite: Citations, m: Monograph) -> tuple[Group, ...]:
    """Forms, dose, when it works, a missed dose and stopping: everything about taking it."""
    d = m.dosing
    return (
        Group("Forms", _terms(cite, m, "forms", m.forms)),
        Group(
            "Dose",
            (
                *_dose(cite, "Starting dose: ", d.initial),
                *_dose(cite, "Maximum per day: ", d.max_daily, per_day=True),
                *_dose(cite, "Maximum per dose: ", d.max_single),
                *((cite.fact(f"Raising the dose: {d.titration}", d),) if d.titration else ()),
                *(
                    cite.fact(_joined("Reduced kidney function", r.advice), r)
                    for r in d.renal_adjustment
                ),
            ),
            UNKNOWN,
        ),
        Group("When it starts to work", _known(cite, m.onset.summary, m.onset)),
        Group("If you miss a dose", _known(cite, m.missed_dose.summary, m.missed_dose), UNKNOWN),
        Group("Stopping", _known(cite, m.stopping.summary, m.stopping), UNKNOWN),
        Group(
            "Withdrawal symptoms",
            tuple(cite.fact(s, m.stopping) for s in m.stopping.withdrawal_symptoms),
        ),
        Group("Tapering", _known(cite, m.stopping.taper or "", m.stopping)),
        *_practical(cite, m),
    )


def _practical(cite: Citations, m: Monograph) -> tuple[Group, ...]:
    """Advice on taking it, tests, half-life, legal status and overdose (ADR 0027)."""
    half_life, legal, overdose = m.half_life, m.legal_status, m.overdose
    return (
        Group("Taking it", tuple(cite.fact(a.advice, a) for a in m.administration)),
        Group("Tests while taking it", tuple(cite.fact(t.advice, t) for t in m.monitoring)),
        Group("Half-life", _known(cite, half_life.summary, half_life) if half_life else ()),
        Group("Legal status", _known(cite, legal.summary, legal) if legal else ()),
        Group(
            "If someone takes too much",
            _known(cite, overdose.summary, overdose) if overdose else (),
        ),
    )


def _conflict(cite: Citations, conflict: Conflict) -> ConflictView:
    claims = tuple(
        ClaimView(
            claim.value,
            cite.markers(claim.sources, claim.evidence),
            tuple(cite.title(source) for source in claim.sources),
        )
        for claim in conflict.claims
    )
    words = set(conflict.topic.lower().replace("_", " ").replace("-", " ").split())
    section = next((sid for keys, sid in _CONFLICT_SECTIONS if words & set(keys)), "")
    return ConflictView(conflict.topic.replace("_", " "), conflict.note, claims, section)


def _terms(cite: Citations, m: Monograph, field: str, terms: list[str]) -> tuple[FactView, ...]:
    attributions = {item.term: item for item in m.term_sources.get(field, [])}
    return tuple(cite.fact(term, attributions.get(term)) for term in terms)


def _known(cite: Citations, text: str, item: Attributed) -> tuple[FactView, ...]:
    if not text or (text == UNKNOWN and not item.sources):
        return ()
    return (cite.fact(text, item),)


def _mechanism(cite: Citations, m: Monograph) -> tuple[FactView, ...]:
    if m.mechanism is None:
        return ()
    text = m.mechanism.summary or ", ".join(m.mechanism.terms)
    return (cite.fact(text, m.mechanism),)


def _dose(
    cite: Citations, label: str, dose: DoseSpec | None, *, per_day: bool = False
) -> tuple[FactView, ...]:
    if dose is None:
        return ()
    text = f"{label}{dose.amount:g} {dose.unit}"
    if per_day:
        text += " a day"
    if dose.frequency_per_day:
        text += f", {dose.frequency_per_day} times a day"
    if dose.route:
        text += f" ({dose.route})"
    if dose.use:  # a limit stated for one use only
        text += f", for {dose.use}"
    return (cite.fact(text, dose),)


def _pregnancy_text(m: Monograph) -> str:
    pregnancy = m.pregnancy
    if pregnancy.category is None:
        return pregnancy.summary
    retired = " (a retired FDA letter category)" if pregnancy.outdated_category else ""
    summary = "" if pregnancy.summary == UNKNOWN else f" {pregnancy.summary}"
    return f"Category {pregnancy.category}{retired}.{summary}"


def _interaction_text(agent: str, effect: str, severity: str) -> str:
    return f"{_joined(agent, effect)} ({severity})" if severity else _joined(agent, effect)


def _use(indication: Indication) -> str:
    """A use as a patient reads it: "heart attack (to lower the risk)" for a prevented one."""
    if indication.prevention:
        return f"{indication.condition} (to lower the risk)"
    return indication.condition


def _joined(head: str, tail: str) -> str:
    """ "kidney disease: take care", or only the advice when it already names its condition."""
    if not tail:
        return head
    return tail if head.lower() in tail.lower() else f"{head}: {tail}"
