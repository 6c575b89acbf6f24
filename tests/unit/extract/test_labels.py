"""Labels: drug from the generic name, doses from Dosage and Administration, MedDRA reactions."""

from __future__ import annotations

from typing import Any

import pytest

from medinfo.domain.facts import ExtractedFact, FactKind
from medinfo.extract.labels import label_drug_name, top_sections
from medinfo.extract.pipeline import extract_document
from medinfo.extract.sections import Section
from medinfo.sources import read_openfda_record
from medinfo.sources.spl_xml import read_spl_xml

# A small label in our own words, shaped like an openFDA drug-label record.
FAMOTIDINE_LABEL: dict[str, Any] = {
    "set_id": "test-famotidine",
    "openfda": {"generic_name": ["FAMOTIDINE"], "brand_name": ["Quietac"]},
    "indications_and_usage": [
        "Quietac is a histamine-2 receptor antagonist indicated for the short-term treatment "
        "of active duodenal ulcer in adults."
    ],
    "dosage_and_administration": [
        "The recommended starting dose is 20 mg once daily at bedtime. "
        "The maximum recommended dose is 40 mg per day."
    ],
    "adverse_reactions": [
        "In controlled trials the most common adverse reactions (incidence at least 1%) were "
        "headache, dizziness and constipation."
    ],
    "drug_interactions": [
        "Avoid use with tizanidine, a CYP1A2 substrate, because famotidine may raise its levels."
    ],
    "clinical_studies": [
        "In a dose-ranging study, patients were given 80 mg twice daily for four weeks."
    ],
}


def _facts(record: dict[str, Any], kind: FactKind) -> list[ExtractedFact]:
    extraction = extract_document(read_openfda_record(record, "label.json"), "src")
    return [fact for fact in extraction.facts if fact.kind is kind]


@pytest.mark.parametrize(
    ("generic_name", "drug"),
    [
        ("sildenafil citrate", "sildenafil"),
        ("ATORVASTATIN CALCIUM", "atorvastatin"),
        ("Hydrocodone Bitartrate and Acetaminophen", "acetaminophen; hydrocodone"),
        ("lisinopril, hydrochlorothiazide", "hydrochlorothiazide; lisinopril"),
        ("Zorblimab", "zorblimab"),
        ("", None),
    ],
)
def test_label_drug_name_strips_salts_and_sorts_combinations(
    generic_name: str, drug: str | None
) -> None:
    assert label_drug_name(generic_name) == drug


def test_label_drug_is_its_generic_name_not_the_drugs_it_mentions() -> None:
    extraction = extract_document(read_openfda_record(FAMOTIDINE_LABEL, "label.json"), "src")
    assert extraction.drug == "famotidine"


def test_label_doses_come_from_dosage_and_administration_only() -> None:
    [initial] = _facts(FAMOTIDINE_LABEL, FactKind.INITIAL_DOSE)
    [maximum] = _facts(FAMOTIDINE_LABEL, FactKind.MAX_DAILY_DOSE)
    assert (initial.attributes["amount"], initial.attributes["frequency_per_day"]) == (20, 1)
    assert (maximum.attributes["amount"], maximum.attributes["unit"]) == (40, "mg")


def test_label_dose_range_gives_the_daily_maximum() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "dosage_and_administration": [
            "Recommended starting dose: 5 mg once daily. Dosage range: 5 to 20 mg once daily."
        ],
    }
    [maximum] = _facts(record, FactKind.MAX_DAILY_DOSE)
    assert maximum.attributes["amount"] == 20
    assert maximum.attributes["stated_per"] == "day"


def test_label_dose_adjustment_for_other_drugs_is_not_the_usual_maximum() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "dosage_and_administration": [
            "The recommended dose is 10 mg once daily. In patients taking a strong CYP3A4 "
            "inhibitor, do not exceed 5 mg daily."
        ],
    }
    assert _facts(record, FactKind.MAX_DAILY_DOSE) == []


def test_label_side_effects_are_meddra_terms_with_their_frequency_cue() -> None:
    effects = {fact.key: fact for fact in _facts(FAMOTIDINE_LABEL, FactKind.SIDE_EFFECT)}
    assert {"headache", "dizziness", "constipation"} <= set(effects)
    assert effects["headache"].attributes["meddra_code"] is not None


def test_label_class_is_read_where_the_brand_name_states_it() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "indications_and_usage": [
            "Quietac is a proton pump inhibitor indicated for healing of erosive esophagitis."
        ],
    }
    assert [fact.key for fact in _facts(record, FactKind.DRUG_CLASS)] == ["proton pump inhibitor"]


def test_label_once_daily_maximum_caps_the_day() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "dosage_and_administration": [
            "Start with 25 mg twice daily. The maximum recommended dose is 100 mg once daily."
        ],
    }
    [maximum] = _facts(record, FactKind.MAX_DAILY_DOSE)
    assert (maximum.attributes["amount"], maximum.attributes["stated_per"]) == (100, "day")


def test_label_mechanism_terms_come_from_its_mechanism_section_only() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "mechanism_of_action": ["Famotidine is a competitive antagonist at the H2 receptor."],
        "pharmacokinetics": [
            "Co-administration with a serotonin reuptake inhibitor did not change exposure."
        ],
    }
    terms = {fact.key for fact in _facts(record, FactKind.MECHANISM_TERM)}
    assert "h2 receptor" in terms
    assert "serotonin reuptake" not in terms


def test_label_uses_leave_out_risk_factors_and_the_patients_a_lowered_risk_is_for() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "indications_and_usage": [
            "In adults with several risk factors for ulcer disease, such as smoking, asthma or "
            "arthritis, Quietac is indicated to reduce the risk of gastric ulcer in patients "
            "with rheumatoid arthritis taking anti-inflammatory medicines. Quietac is also "
            "indicated for the treatment of active duodenal ulcer."
        ],
    }
    uses = {fact.key for fact in _facts(record, FactKind.INDICATION)}
    assert {"duodenal ulcers", "stomach ulcers"} <= uses  # what it treats and prevents
    assert not uses & {"asthma", "arthritis", "rheumatoid arthritis"}


def test_label_side_effects_come_from_reaction_and_warning_sections_only() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "indications_and_usage": [
            "Quietac is indicated to reduce the risk of stomach bleeding in adults with ulcers."
        ],
        "warnings_and_cautions": [
            "Some patients had underlying risk factors for kidney injury, including but not "
            "limited to: age over 70, diabetes, heart failure and dehydration. Kidney injury "
            "has been reported."
        ],
    }
    effects = {fact.key for fact in _facts(record, FactKind.SIDE_EFFECT)}
    assert {"headache", "dizziness", "constipation"} <= effects
    assert not effects & {"stomach bleeding", "gastrointestinal haemorrhage", "diabetes mellitus"}
    assert not effects & {"cardiac failure", "heart failure", "dehydration"}


def test_a_strength_after_a_brand_is_not_part_of_its_name() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "description": ["Famotidine tablets are sold as QUIETAC 20 and QUIETAC 40."],
    }
    brands = {fact.key for fact in _facts(record, FactKind.BRAND_NAME)}
    assert brands == {"Quietac"}  # the label's own spelling, without the strengths


def test_a_label_lists_its_own_brand_not_the_other_products_it_names() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "description": [
            "Quietac contains famotidine, the same ingredient found in PEPCID. "
            "Famotidine tablets are sold as Quietac."
        ],
    }
    brands = {fact.key for fact in _facts(record, FactKind.BRAND_NAME)}
    assert "PEPCID" not in {brand.upper() for brand in brands}


def test_a_use_stated_as_lowering_a_risk_is_a_prevention_not_a_treatment() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "indications_and_usage": [
            "Quietac is indicated for the treatment of active duodenal ulcer and to reduce the "
            "risk of myocardial infarction in adults with narrowed arteries."
        ],
    }
    uses = {
        fact.key: fact.attributes.get("prevents", False)
        for fact in _facts(record, FactKind.INDICATION)
    }
    assert uses.get("duodenal ulcers") is False
    assert uses.get("heart attack") is True  # a risk it lowers


def test_label_reactions_without_a_stated_common_incidence_are_not_common_side_effects() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "adverse_reactions": [
            "The most common adverse reactions (incidence at least 2%) were headache and "
            "constipation. Other reactions occurred in less than 1% of patients: tinnitus, "
            "alopecia and dry mouth. Insomnia was reported in 0.5% of patients.",
            "Postmarketing Experience: palpitations and seizures have been reported.",
        ],
    }
    effects = {fact.key: fact.attributes for fact in _facts(record, FactKind.SIDE_EFFECT)}
    assert {"headache", "constipation"} <= set(effects)
    assert not set(effects) & {"tinnitus", "alopecia", "dry mouth", "insomnia", "palpitations"}
    assert all(a["serious"] or a["frequency"] for a in effects.values())


def test_label_interactions_come_from_the_sections_that_state_them() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "pharmacokinetics": [
            "When Quietac was given with probenecid in a small study, famotidine levels rose; "
            "probenecid may increase the effects of famotidine."
        ],
        "spl_patient_package_insert": [
            "Before taking Quietac, tell your doctor if you take medicines such as warfarin. "
            "Quietac may interact with warfarin and raise bleeding risk."
        ],
    }
    agents = {fact.key for fact in _facts(record, FactKind.INTERACTION)}
    assert "tizanidine" in agents  # its Drug Interactions section
    assert not agents & {"probenecid", "warfarin"}


def test_sections_of_a_flat_label_record_are_each_their_own_top_section() -> None:
    tops = top_sections(read_openfda_record(FAMOTIDINE_LABEL, "label.json"))
    assert tops["Indications and Usage"] is Section.INDICATIONS
    assert tops["Drug Interactions"] is Section.INTERACTIONS
    assert tops["Adverse Reactions"] is Section.SIDE_EFFECTS


def test_label_findings_in_animals_are_neither_interactions_nor_side_effects() -> None:
    record = {
        **FAMOTIDINE_LABEL,
        "drug_interactions": [
            "Avoid use with tizanidine, a CYP1A2 substrate, because famotidine may raise its "
            "levels. In anesthetized dogs, Quietac given with clopidogrel had an additive "
            "effect on bleeding time."
        ],
        "warnings_and_cautions": [
            "Seizures were seen in mice given 50 times the human dose. Rare cases of "
            "pancreatitis have been reported in patients."
        ],
    }
    assert {fact.key for fact in _facts(record, FactKind.INTERACTION)} == {"tizanidine"}
    effects = {fact.key for fact in _facts(record, FactKind.SIDE_EFFECT)}
    assert "pancreatitis" in effects
    assert "seizure" not in effects


_BOXED_SPL = """<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:hl7-org:v3">
  <code code="34391-3" displayName="HUMAN PRESCRIPTION DRUG LABEL"/>
  <title>SAMPLE SEDATIVE tablets, a label written for this test</title>
  <component><structuredBody>
    <component><section>
      <code code="48780-1" displayName="SPL PRODUCT DATA ELEMENTS SECTION"/>
      <subject><manufacturedProduct><manufacturedProduct>
        <name>Calmora</name>
        <asEntityWithGeneric><genericMedicine><name>lorazepam</name></genericMedicine>
        </asEntityWithGeneric>
      </manufacturedProduct></manufacturedProduct></subject>
    </section></component>
    <component><section>
      <code code="34066-1" displayName="BOXED WARNING SECTION"/>
      <title>WARNING: RISKS OF COMBINED USE WITH OPIOIDS</title>
      <text><paragraph>Avoid use with oxycodone: taken together they can stop breathing.</paragraph>
      </text>
    </section></component>
    <component><section>
      <code code="34090-1" displayName="CLINICAL PHARMACOLOGY SECTION"/>
      <title>12 CLINICAL PHARMACOLOGY</title>
      <text><paragraph>Avoid use with probenecid, which slowed lorazepam clearance in a
      study.</paragraph></text>
    </section></component>
  </structuredBody></component>
</document>
"""


def test_a_boxed_warning_titled_by_its_risk_states_interactions() -> None:
    document = read_spl_xml(_BOXED_SPL, "calmora.xml")
    agents = {
        fact.key
        for fact in extract_document(document, "src").facts
        if fact.kind is FactKind.INTERACTION
    }
    assert "oxycodone" in agents
    assert "probenecid" not in agents
