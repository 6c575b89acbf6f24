"""Interactions: other medicines by class, brand, misspelling and combination; alcohol."""

from __future__ import annotations

import pytest

from medinfo.domain.alerts import AlertCode, Severity
from medinfo.domain.monograph import Interaction, Monograph
from medinfo.knowledge.groups import medicine_groups
from medinfo.services.safety import check_regimen
from tests.unit.services.safety.monographs import (
    alpha_agonist,
    antidepressant,
    bare,
    codes,
    muscle_relaxant,
    request,
)


@pytest.mark.parametrize(
    "medicine",
    [
        "OxyContin",
        "Xanax",
        "Ambien",
        "Norco",
        "oxycodone",
        "Percocet",
        "zolpidem 10 mg",
        "Klonopin",
        "hydrocodone/acetaminophen",
        "oxycodone and acetaminophen",
        "Tylenol with codeine",
        "gabapentin",
        "Seroquel",
        "Benadryl",
        "trazodone",
        "Flexeril",
    ],
)
def test_check_regimen_flags_cns_depressants_by_any_name(medicine: str) -> None:
    response = check_regimen(request(other_medications=[medicine]), muscle_relaxant())
    assert codes(response) == [AlertCode.INTERACTION_CNS_DEPRESSANT]
    assert medicine.strip() in response.alerts[0].message
    assert response.alerts[0].sources


@pytest.mark.parametrize("misspelled", ["oxycodon", "xanex", "ambian", "percoset", "klonopine"])
def test_check_regimen_flags_misspelled_cns_depressants(misspelled: str) -> None:
    response = check_regimen(request(other_medications=[misspelled]), muscle_relaxant())
    assert codes(response) == [AlertCode.INTERACTION_CNS_DEPRESSANT]


def test_check_regimen_names_the_medicines_class_and_the_listed_agents() -> None:
    response = check_regimen(request(other_medications=["OxyContin"]), muscle_relaxant())
    message = response.alerts[0].message
    assert "opioid" in message
    assert "narcotics" in message
    assert "CNS depressants" in message
    assert set(response.alerts[0].sources) == {"a", "b", "c"}


def test_check_regimen_one_alert_per_interacting_medicine() -> None:
    response = check_regimen(
        request(other_medications=["Xanax", "Norco", "lisinopril"]), muscle_relaxant()
    )
    assert codes(response) == [AlertCode.INTERACTION_CNS_DEPRESSANT] * 2


@pytest.mark.parametrize("medicine", ["lisinopril", "Claritin", "metformin", "vitamin D", "Zyrtec"])
def test_check_regimen_non_interacting_medicine_is_clean(medicine: str) -> None:
    assert check_regimen(request(other_medications=[medicine]), muscle_relaxant()).alerts == []


def test_check_regimen_same_drug_listed_as_other_medicine_is_not_an_interaction() -> None:
    response = check_regimen(request(other_medications=["Lioresal", "baclofen"]), muscle_relaxant())
    assert response.alerts == []


def test_check_regimen_alcohol_use_alerts_when_monograph_lists_alcohol() -> None:
    response = check_regimen(request(alcohol_use=True), muscle_relaxant())
    (alert,) = response.alerts
    assert alert.code == AlertCode.INTERACTION_ALCOHOL
    assert alert.severity is Severity.WARNING
    assert alert.sources == ["a"]


def test_check_regimen_alcohol_use_is_clean_when_monograph_does_not_list_it() -> None:
    assert (
        check_regimen(request(alcohol_use=True, drug="sertraline"), antidepressant()).alerts == []
    )


def test_check_regimen_alcohol_named_among_medicines_counts_as_drinking() -> None:
    response = check_regimen(request(other_medications=["beer"]), muscle_relaxant())
    assert codes(response) == [AlertCode.INTERACTION_ALCOHOL]


def test_check_regimen_contraindicated_class_is_danger() -> None:
    response = check_regimen(
        request(drug="sertraline", other_medications=["Nardil"]), antidepressant()
    )
    (alert,) = response.alerts
    assert alert.code == AlertCode.INTERACTION_OTHER
    assert alert.severity is Severity.DANGER
    assert "must not be combined" in alert.message
    assert "do not stop either medicine on your own" in alert.message


def test_check_regimen_other_class_interaction_takes_the_monograph_severity() -> None:
    response = check_regimen(
        request(drug="sertraline", other_medications=["Eliquis", "Imitrex"]), antidepressant()
    )
    by_medicine = {a.message.split("you take ")[1].split(",")[0]: a for a in response.alerts}
    assert by_medicine["Imitrex"].severity is Severity.WARNING
    assert by_medicine["Eliquis"].severity is Severity.CAUTION
    assert all(a.code == AlertCode.INTERACTION_OTHER for a in response.alerts)


def test_check_regimen_named_drug_interaction_matches_its_brand() -> None:
    response = check_regimen(
        request(drug="tizanidine", other_medications=["Cipro"]), alpha_agonist()
    )
    (alert,) = response.alerts
    assert alert.code == AlertCode.INTERACTION_OTHER
    assert alert.severity is Severity.DANGER
    assert "ciprofloxacin" in alert.message


def test_check_regimen_unknown_medicine_matches_a_named_interaction_by_its_words() -> None:
    monograph = muscle_relaxant(interactions=[*muscle_relaxant().interactions])
    monograph.interactions[0].agent = "quexolide"
    response = check_regimen(request(other_medications=["Quexolide 5 mg"]), monograph)
    assert codes(response) == [AlertCode.INTERACTION_OTHER]


def test_check_regimen_monograph_without_interactions_is_clean() -> None:
    response = check_regimen(
        request(drug="plainomab", alcohol_use=True, other_medications=["OxyContin", "Xanax"]),
        bare(),
    )
    assert response.alerts == []


def test_check_regimen_listed_antihistamines_are_sedation_only_for_sedating_ones() -> None:
    monograph = muscle_relaxant(
        interactions=[Interaction(agent="antihistamines", severity="moderate", sources=["h"])]
    )
    sedating = check_regimen(request(other_medications=["Benadryl"]), monograph)
    assert codes(sedating) == [AlertCode.INTERACTION_CNS_DEPRESSANT]
    assert "sedating antihistamine" in sedating.alerts[0].message
    plain = check_regimen(request(other_medications=["Claritin"]), monograph)
    assert codes(plain) == [AlertCode.INTERACTION_OTHER]


def test_check_regimen_serotonergic_opioid_is_another_interaction_for_serotonin_lists() -> None:
    monograph = antidepressant()
    monograph.interactions.append(
        Interaction(agent="other serotonergic drugs", severity="major", sources=["s3"])
    )
    response = check_regimen(request(drug="sertraline", other_medications=["Ultram"]), monograph)
    assert codes(response) == [AlertCode.INTERACTION_OTHER]


@pytest.mark.parametrize(
    ("agent", "medicine"),
    [
        ("marijuana", "cannabis"),
        ("grapefruit juice", "grapefruit"),
        ("diuretics", "Lasix"),
        ("oral contraceptives", "Yaz"),
        ("antibiotics", "Z-Pak"),
        ("st. john's wort", "St John's Wort"),
    ],
)
def test_check_regimen_other_agent_wordings_match_the_medicine(agent: str, medicine: str) -> None:
    monograph = bare().model_copy(
        update={"interactions": [Interaction(agent=agent, severity="moderate", sources=["x"])]}
    )
    response = check_regimen(request(drug="plainomab", other_medications=[medicine]), monograph)
    assert len(response.alerts) == 1
    assert response.alerts[0].sources == ["x"]


def _qt_listing(drug: str = "citalopram") -> Monograph:
    """A monograph that lists QT-prolonging medicines as a group, in an article's words."""
    return Monograph(
        drug=drug,
        interactions=[
            Interaction(
                agent="other drugs that prolong the QT interval",
                agent_type="class",
                severity="major",
                effect="an abnormal heart rhythm",
                sources=["q1"],
            )
        ],
    )


@pytest.mark.parametrize(
    "medicine", ["methadone", "Zithromax", "ondansetron 4 mg", "amiodarone hydrochloride"]
)
def test_check_regimen_flags_qt_prolonging_medicines_by_any_name(medicine: str) -> None:
    response = check_regimen(request(other_medications=[medicine]), _qt_listing())
    assert codes(response) == ["INTERACTION_QT"]
    alert = response.alerts[0]
    assert medicine in alert.message
    assert "QT interval" in alert.message
    assert alert.severity is Severity.WARNING
    assert alert.sources == ["q1"]


def test_check_regimen_raises_no_qt_alert_for_a_medicine_outside_the_group() -> None:
    assert codes(check_regimen(request(other_medications=["amoxicillin"]), _qt_listing())) == []


def test_every_member_of_an_alerting_group_gets_the_groups_alert() -> None:
    """Invariant over the vocabulary: a group whose usual interaction names an alert (QT
    prolongation: INTERACTION_QT) raises it for every member when a monograph lists the group
    by its label, and every such alert has its wording."""
    from medinfo.knowledge.loading import load
    from medinfo.knowledge.service_rules import AlertMessages

    groups = medicine_groups()
    assert groups.alerts["qt_prolonging_drugs"] == "INTERACTION_QT"
    messages = load(AlertMessages)
    for gid, code in groups.alerts.items():
        assert code in (messages.model_extra or {}), gid
        listing = _listing("plainomab", groups.label(gid))
        for member in sorted(groups.members_of(gid)):
            response = check_regimen(request(other_medications=[member]), listing)
            assert code in codes(response), member


def _listing(drug: str, agent: str) -> Monograph:
    return Monograph(
        drug=drug,
        interactions=[Interaction(agent=agent, severity="major", sources=["q2"])],
    )


def test_check_regimen_reads_a_listed_drug_as_qt_when_both_drugs_prolong_qt() -> None:
    both = check_regimen(
        request(other_medications=["sotalol"]), _listing("ciprofloxacin", "sotalol")
    )
    assert codes(both) == ["INTERACTION_QT"]
    one = check_regimen(request(other_medications=["sotalol"]), _listing("amoxicillin", "sotalol"))
    assert codes(one) == [AlertCode.INTERACTION_OTHER]


def _with_denial(*denied: Interaction) -> Monograph:
    """A beta blocker listing other blood pressure medicines, and agents said not to interact."""
    return Monograph(
        drug="metoprolol",
        interactions=[
            Interaction(agent="other blood pressure medicines", agent_type="class"),
            Interaction(agent="verapamil", severity="major"),
        ],
        no_interactions=list(denied),
    )


def test_a_medicine_said_not_to_interact_is_not_flagged_through_its_group() -> None:
    monograph = _with_denial(Interaction(agent="amlodipine", severity="none"))
    assert codes(check_regimen(request(other_medications=["Norvasc"]), monograph)) == []
    flagged = check_regimen(request(other_medications=["lisinopril"]), monograph)
    assert codes(flagged) == [AlertCode.INTERACTION_OTHER]


def test_a_denial_never_outweighs_a_listing_by_name() -> None:
    monograph = _with_denial(Interaction(agent="verapamil", severity="none"))
    response = check_regimen(request(other_medications=["verapamil"]), monograph)
    assert codes(response) == [AlertCode.INTERACTION_OTHER]


def test_alcohol_said_not_to_interact_raises_no_alcohol_alert() -> None:
    monograph = Monograph(
        drug="sildenafil",
        no_interactions=[Interaction(agent="alcohol", agent_type="substance", severity="none")],
    )
    assert codes(check_regimen(request(alcohol_use=True), monograph)) == []


def test_a_sedating_class_listed_by_a_drug_that_does_not_sedate_is_not_a_cns_interaction() -> None:
    listed = Interaction(
        agent="antipsychotics", agent_type="class", severity="moderate", sources=["x"]
    )
    inhaler = Monograph(drug="salmeterol", interactions=[listed])
    response = check_regimen(
        request(
            drug="salmeterol",
            dose_mg=0.05,
            times_per_day=2,
            route="inhalation",
            other_medications=["Haldol"],
        ),
        inhaler,
    )
    assert codes(response) == [AlertCode.INTERACTION_OTHER]


def test_listed_cns_depressants_stay_a_cns_interaction_for_any_drug() -> None:
    listed = Interaction(
        agent="CNS depressants", agent_type="class", severity="major", sources=["x"]
    )
    monograph = Monograph(drug="levetiracetam", interactions=[listed])
    response = check_regimen(
        request(drug="levetiracetam", dose_mg=500, times_per_day=2, other_medications=["Xanax"]),
        monograph,
    )
    assert codes(response) == [AlertCode.INTERACTION_CNS_DEPRESSANT]


def test_a_denied_ingredient_leaves_the_other_ingredients_of_a_combination_checked() -> None:
    monograph = Monograph(
        drug="quetiapine",
        interactions=[Interaction(agent="opioids", agent_type="class", severity="major")],
        no_interactions=[Interaction(agent="acetaminophen", severity="none")],
    )
    combined = check_regimen(request(other_medications=["hydrocodone/acetaminophen"]), monograph)
    assert codes(combined)
    alone = check_regimen(request(other_medications=["acetaminophen"]), monograph)
    assert codes(alone) == []


def test_a_listed_combination_does_not_name_the_ingredient_the_sources_call_fine() -> None:
    monograph = Monograph(
        drug="quetiapine",
        interactions=[Interaction(agent="hydrocodone/acetaminophen", severity="moderate")],
        no_interactions=[Interaction(agent="acetaminophen", severity="none")],
    )
    alone = check_regimen(request(other_medications=["Tylenol"]), monograph)
    assert codes(alone) == []
    combined = check_regimen(request(other_medications=["Norco"]), monograph)
    assert codes(combined)


def test_a_depressant_listed_by_name_for_its_drowsiness_is_a_cns_interaction() -> None:
    def listed(effect: str) -> Monograph:
        item = Interaction(agent="diazepam", effect=effect, severity="moderate", sources=["x"])
        return Monograph(drug="fexofenadine", interactions=[item])

    ask = request(drug="fexofenadine", dose_mg=120, times_per_day=1, other_medications=["Valium"])
    drowsy = check_regimen(ask, listed("Taking it with diazepam can increase drowsiness."))
    assert codes(drowsy) == [AlertCode.INTERACTION_CNS_DEPRESSANT]
    other = check_regimen(ask, listed("The sources list diazepam as an interaction."))
    assert codes(other) == [AlertCode.INTERACTION_OTHER]


def test_check_regimen_one_ingredient_of_a_listed_combination_explained_by_its_class() -> None:
    listed = [
        Interaction(agent="opioids", agent_type="class", severity="major", sources=["x"]),
        Interaction(agent="co-codamol", severity="moderate", sources=["x"]),
    ]
    monograph = bare("methocarbamol").model_copy(update={"interactions": listed})
    assert (
        codes(
            check_regimen(
                request(drug="methocarbamol", other_medications=["paracetamol"]), monograph
            )
        )
        == []
    )
    assert AlertCode.INTERACTION_CNS_DEPRESSANT in codes(
        check_regimen(request(drug="methocarbamol", other_medications=["co-codamol"]), monograph)
    )


def test_check_regimen_one_ingredient_of_a_combination_listed_alone_still_alerts() -> None:
    listed = [Interaction(agent="co-codamol", severity="moderate", sources=["x"])]
    monograph = bare("methocarbamol").model_copy(update={"interactions": listed})
    assert codes(
        check_regimen(request(drug="methocarbamol", other_medications=["paracetamol"]), monograph)
    ) == [AlertCode.INTERACTION_OTHER]


def test_a_listed_interaction_whose_effect_names_the_qt_interval_is_a_qt_alert() -> None:
    listing = Monograph(
        drug="plainomab",
        interactions=[
            Interaction(
                agent="pimozide",
                severity="major",
                effect="Taking plainomab with pimozide can prolong the QT interval.",
                sources=["q3"],
            )
        ],
    )
    assert codes(check_regimen(request(other_medications=["pimozide"]), listing)) == [
        "INTERACTION_QT"
    ]
