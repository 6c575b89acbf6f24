"""Abstention: honest answers for what the sources cannot answer, and the safety lines kept."""

from __future__ import annotations

import re

from medinfo.domain.answers import Answer, Intent
from medinfo.domain.catalog import CatalogDrug
from medinfo.domain.monograph import DISCLAIMER, UNKNOWN
from medinfo.services.qa.intents import Concern, Reading
from medinfo.services.qa.phrasing import Draft

EMERGENCY = (
    "If someone may have taken too much, has trouble breathing, chest pain or tightness, a "
    "swelling face, lips or throat, is very drowsy or cannot be woken, or has a seizure, call "
    "emergency services (911 in the US, 999 in the UK) or poison control (1-800-222-1222 in "
    "the US) now."
)
PHARMACIST = "Ask a pharmacist or doctor."
# A dose named or asked in a question ("250mg", "the right dose", "how much").
_DOSE_ASKED = re.compile(r"\b\d+(?:\.\d+)? ?(?:mg|mcg|ml|g)\b|\bdoses?\b|\bdosage\b|\bhow much\b")
_LISTED = 6  # brand names or forms named for a catalog-only medicine

# What must be said on a topic even when the sources say nothing about it.
SAFETY_LINES: dict[Intent, str] = {
    Intent.ALCOHOL: "Do not assume alcohol is safe with {drug}: ask a pharmacist before drinking.",
    Intent.MISSED_DOSE: "Never take a double dose to make up for a missed one.",
    Intent.STOPPING: "Do not stop {drug} suddenly or on your own: ask your prescriber how to stop "
    "it safely.",
    Intent.DOSAGE: "Take only the dose your prescriber gave you.",
    Intent.MAX_DOSE: "Never take more than your prescriber told you.",
    Intent.PREGNANCY: "Talk to your doctor before taking or stopping {drug}.",
    Intent.BREASTFEEDING: "Talk to your doctor before taking or stopping {drug}.",
    Intent.INTERACTION: "Do not assume a combination is safe: ask a pharmacist to check it.",
    Intent.DRIVING: "Do not drive until you know how {drug} affects you.",
}

# Concerns that end the answer before any fact is looked up, in order of precedence.
_BLOCKING = (
    Concern.ANIMAL,
    Concern.DIAGNOSIS,
    Concern.JUDGEMENT,
    Concern.PRICE,
    Concern.LEGAL,
    Concern.DRUG_TEST,
    Concern.COMPARISON,
)
_CONCERN_MESSAGES: dict[Concern, str] = {
    Concern.ANIMAL: (
        "medinfo's sources are about medicines for people, not animals, and a dose for a person "
        "can harm a pet. Ask a vet before giving {drug} to an animal."
    ),
    Concern.DIAGNOSIS: (
        "medinfo cannot tell whether you have a condition: only a doctor who examines you can. "
        "Please see a doctor about your symptoms."
    ),
    Concern.PRICE: (
        "medinfo has no prices: they depend on the pharmacy, the country and your insurance. "
        "A pharmacist can tell you what {drug} costs and whether a cheaper generic exists."
    ),
    Concern.JUDGEMENT: (
        "medinfo cannot judge your own case: whether you should take, change or switch {drug} "
        "depends on your health and your other medicines. Ask the doctor who prescribes it or a "
        "pharmacist."
    ),
    Concern.LEGAL: (
        "medinfo's sources do not cover the law, prescriptions, buying online, travel or "
        "shipping of medicines: the rules differ by country. Ask a pharmacist or doctor."
    ),
    Concern.COMPARISON: (
        "medinfo's sources do not compare {drug} with other medicines, and which one suits you "
        "depends on your case. Ask a pharmacist or doctor to compare them for you."
    ),
    Concern.DRUG_TEST: (
        "The sources do not say whether {drug} shows up on drug tests. Tell the testing lab "
        "and your doctor which medicines you take; a pharmacist can advise you."
    ),
}
_ANIMAL_EMERGENCY = (
    "If an animal has swallowed a medicine, call your vet or an animal poison line now."
)


def blocking_concern(reading: Reading) -> Concern | None:
    """The concern that rules out a fact-based answer, if the question raises one."""
    return next((c for c in _BLOCKING if reading.has(c)), None)


def needs_emergency_line(reading: Reading) -> bool:
    """Whether the answer must open with the emergency instruction."""
    overdose = reading.intent is Intent.OVERDOSE or Intent.OVERDOSE in reading.also
    return overdose or reading.has(Concern.EMERGENCY)


def secondary_lines(reading: Reading, name: str, said: list[str]) -> list[str]:
    """The safety lines of the other topics a question also asks about ("... and drive")."""
    lines = [SAFETY_LINES[i].format(drug=name) for i in reading.also if i in SAFETY_LINES]
    return [line for line in dict.fromkeys(lines) if line not in said]


def names_a_dose(text: str) -> bool:
    """Whether a text names or asks a dose ("250mg", "the right dose", "how much")."""
    return bool(_DOSE_ASKED.search(text.lower()))


def is_child_dose(reading: Reading) -> bool:
    """A dose question about a child, whatever else it asks ("my 5 yr old got prescribed it
    for an ear infection, is 250mg right"): the sources give adult doses only."""
    if not reading.has(Concern.CHILD):
        return False
    dosing = reading.intent in {Intent.DOSAGE, Intent.MAX_DOSE}
    return dosing or names_a_dose(reading.text)


def _finish(reading: Reading, drug: str | None, lines: list[str], intent: Intent) -> Answer:
    return Answer(
        question=reading.question,
        drug=drug,
        intent=intent,
        answer=" ".join([*lines, DISCLAIMER]),
        answerable=False,
    )


def _opening(reading: Reading) -> list[str]:
    return [EMERGENCY] if needs_emergency_line(reading) else []


def abstain_for_concern(reading: Reading, concern: Concern, drug: str | None, name: str) -> Answer:
    """Decline a question about a pet, a diagnosis or judgement, a price, the law, a drug test
    or a comparison (intent `alternatives`: which medicine instead; a judgement keeps the
    topic it judges, "is my dose ok" is a dose question; the rest `other`)."""
    lines = [_CONCERN_MESSAGES[concern].format(drug=name)]
    safety = SAFETY_LINES.get(reading.intent)
    if safety and concern is not Concern.ANIMAL:
        lines.append(safety.format(drug=name))
    if concern is Concern.ANIMAL and needs_emergency_line(reading):
        lines.insert(0, _ANIMAL_EMERGENCY)
    else:
        lines[:0] = _opening(reading)
    intent = Intent.ALTERNATIVES if concern is Concern.COMPARISON else Intent.OTHER
    if concern is Concern.JUDGEMENT and reading.intent is not Intent.OTHER:
        intent = reading.intent  # "is 5 mg ok?" still asks about the dose
    return _finish(reading, drug, lines, intent)


def abstain_unknown_drug(reading: Reading, name: str | None) -> Answer:
    """Decline when the question names no drug medinfo has sources for."""
    if name:
        lines = [f"medinfo has no sources about {name!r}.", PHARMACIST]
    else:
        lines = ["medinfo could not tell which medicine this question is about.", PHARMACIST]
    return _finish(reading, None, [*_opening(reading), *lines], reading.intent)


def abstain_catalog_only(reading: Reading, entry: CatalogDrug) -> Answer:
    """Decline a question about a medicine the catalog knows but no source covers, saying what
    the catalog holds (brands and forms; strengths stay on its catalog page, never next to a
    question about dosing)."""
    from medinfo.knowledge.names import brand_in_prose

    name = entry.display_name or entry.name
    lines = [f"medinfo has no sources about {name} yet, so it cannot answer questions about it."]
    brands = sorted({brand_in_prose(brand) for brand in entry.brand_names})[:_LISTED]
    forms = sorted({f"{p.route} {p.form}".strip().lower() for p in entry.products})[:_LISTED]
    if brands:
        lines.append(f"The drug catalog knows it under the brand names {', '.join(brands)}.")
    if forms:
        lines.append(f"It is sold as: {'; '.join(forms)}.")
    lines.append(PHARMACIST)
    safety = SAFETY_LINES.get(reading.intent)
    if safety:
        lines.append(safety.format(drug=name))
    return _finish(reading, entry.name, [*_opening(reading), *lines], reading.intent)


def abstain_child_dose(reading: Reading, drug: str, name: str) -> Answer:
    """Decline a child's dose: it must come from the child's doctor or a pharmacist."""
    lines = [
        f"The sources give no dose of {name} for children. A child's dose must come from their "
        "doctor or a pharmacist; never work it out from an adult dose."
    ]
    return _finish(reading, drug, [*_opening(reading), *lines], reading.intent)


def abstain_uncovered(
    reading: Reading, drug: str, name: str, said: str = "", partial: Draft | None = None
) -> Answer:
    """Decline a topic the drug's sources do not cover, keeping the topic's safety line;
    `said` names what exactly they do not cover, and `partial` what they do say around it
    (cited: "tell your doctor about kidney disease", never a dose)."""
    lines = [f"{said or f'The sources medinfo has for {name} do not cover this.'} {UNKNOWN}"]
    if partial is not None:
        lines += partial.sentences
    safety = SAFETY_LINES.get(reading.intent)
    if safety:
        lines.append(safety.format(drug=name))
    lines += secondary_lines(reading, name, lines)
    answer = _finish(reading, drug, [*_opening(reading), *lines], reading.intent)
    cited = partial.citations if partial is not None else []
    return answer.model_copy(update={"citations": list(cited)})
