"""Pregnancy and breastfeeding: categories and flags, with negation and uncertainty."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.domain.facts import FactKind
from medinfo.extract.pregnancy import extract_pregnancy
from medinfo.extract.statements import Statement

StatementsOf = Callable[[str], list[Statement]]


def _by_kind(statements_of: StatementsOf, text: str) -> dict[FactKind, dict[str, object]]:
    facts = extract_pregnancy(statements_of(text), "s1")
    merged: dict[FactKind, dict[str, object]] = {}
    for fact in facts:
        merged.setdefault(fact.kind, {}).update(fact.attributes)
    return merged


def test_extract_pregnancy_category_from_table_row(statements_of: StatementsOf) -> None:
    facts = _by_kind(statements_of, "Pregnancy | Category D |")
    assert facts[FactKind.PREGNANCY]["category"] == "D"


def test_extract_pregnancy_negated_harm(statements_of: StatementsOf) -> None:
    facts = _by_kind(statements_of, "This medicine is not expected to harm an unborn baby.")
    assert facts[FactKind.PREGNANCY]["may_harm_fetus"] is False


def test_extract_pregnancy_milk_unknown_vs_stated(statements_of: StatementsOf) -> None:
    unknown = _by_kind(statements_of, "It is not known whether it passes into breast milk.")
    stated = _by_kind(statements_of, "It does not pass into breast milk.")
    assert unknown[FactKind.BREASTFEEDING]["excreted_in_milk"] is None
    assert stated[FactKind.BREASTFEEDING]["excreted_in_milk"] is False


def test_extract_pregnancy_mixed_sentences_split_by_topic(statements_of: StatementsOf) -> None:
    text = (
        "Pregnancy and breastfeeding\nAvoid this drug during pregnancy. "
        "Do not breastfeed while taking it."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY] == {"avoid": True}
    assert facts[FactKind.BREASTFEEDING] == {"avoid": True}


def test_extract_pregnancy_reads_what_the_advice_says(statements_of: StatementsOf) -> None:
    text = (
        "Pregnancy\nIt is not usually recommended in pregnancy because there is not enough "
        "information about its safety. Used regularly near the end of pregnancy, it can cause "
        "withdrawal in the newborn. Do not stop taking it suddenly."
    )
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags["avoid"] is True
    assert flags["limited_information"] is True
    assert flags["stage_specific"] is True
    assert flags["newborn_effects"] is True
    assert flags["do_not_stop"] is True


def test_extract_pregnancy_no_increase_shown_is_no_harm_claim(statements_of: StatementsOf) -> None:
    flags = _by_kind(
        statements_of,
        "Registry data have not shown an increase in birth defects during pregnancy.",
    )[FactKind.PREGNANCY]
    assert flags["no_defects_shown"] is True
    assert flags.get("may_harm_fetus") is not True


def test_extract_pregnancy_breastfeeding_advice_is_not_pregnancy_advice(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Pregnancy and breastfeeding\nThere is little information about it in pregnancy. "
        "It is not recommended while breastfeeding."
    )
    facts = _by_kind(statements_of, text)
    assert "avoid" not in facts[FactKind.PREGNANCY]
    assert facts[FactKind.PREGNANCY]["limited_information"] is True


def test_extract_breastfeeding_amounts_advice_and_signs_in_the_baby(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Breastfeeding\nSmall amounts pass into human breast milk and it is generally "
        "considered compatible with breastfeeding, but watch the baby for drowsiness."
    )
    flags = _by_kind(statements_of, text)[FactKind.BREASTFEEDING]
    assert flags["excreted_in_milk"] is True
    assert flags["small_amounts"] is True
    assert flags["compatible"] is True
    assert flags["watch_baby"] is True
    assert flags["infant_signs"] == "drowsiness"


def test_extract_breastfeeding_a_pause_after_a_dose_is_no_advice_to_avoid(
    statements_of: StatementsOf,
) -> None:
    flags = _by_kind(
        statements_of, "If you are breastfeeding, avoid breastfeeding for 12 hours after a dose."
    )[FactKind.BREASTFEEDING]
    assert flags["pause_after_dose"] is True
    assert flags["pause_hours"] == 12
    assert "avoid" not in flags


def test_extract_breastfeeding_signs_the_text_denies_are_not_named(
    statements_of: StatementsOf,
) -> None:
    flags = _by_kind(
        statements_of, "It passes into breast milk but does not cause drowsiness in the baby."
    )[FactKind.BREASTFEEDING]
    assert "infant_signs" not in flags


def test_extract_pregnancy_names_the_stage_the_statement_singles_out(
    statements_of: StatementsOf,
) -> None:
    late = _by_kind(
        statements_of, "It is not recommended in the second and third trimesters of pregnancy."
    )
    end = _by_kind(statements_of, "Do not take it in pregnancy at term or during labour.")
    assert late[FactKind.PREGNANCY]["stage"] == "later"
    assert end[FactKind.PREGNANCY]["stage"] == "end"


def test_extract_pregnancy_placenta_stopping_and_the_untreated_illness(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Pregnancy\nPhenytoin passes across the placenta. Uncontrolled epilepsy is itself a "
        "risk for mother and baby. Methotrexate must be discontinued if you become pregnant."
    )
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags["crosses_placenta"] is True
    assert flags["untreated_risk"] is True
    assert flags["stop_if_pregnant"] is True
    text = "Pregnancy\nIt crosses the placenta. If you become pregnant, do not stop taking it."
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags["crosses_placenta"] is True
    assert "stop_if_pregnant" not in flags


def test_extract_pregnancy_names_the_medicine_preferred_instead(
    statements_of: StatementsOf,
) -> None:
    text = "Pregnancy\nLabetalol is usually preferred in pregnancy; safer antibiotics exist too."
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags["alternative_preferred"] is True
    assert flags["alternatives"] == "labetalol"  # a class is no named medicine
    text = "Breastfeeding\nWhile breastfeeding, nifedipine may be better."
    assert _by_kind(statements_of, text)[FactKind.BREASTFEEDING]["alternatives"] == "nifedipine"


def test_extract_pregnancy_considered_safe_only_when_the_source_says_so(
    statements_of: StatementsOf,
) -> None:
    said = _by_kind(statements_of, "Pregnancy\nInsulin is considered safe in pregnancy.")
    assert said[FactKind.PREGNANCY]["considered_safe"] is True
    denied = _by_kind(statements_of, "Pregnancy\nIt is not considered safe in pregnancy.")
    assert denied[FactKind.PREGNANCY].get("considered_safe") is not True
    unknown = _by_kind(
        statements_of, "Pregnancy\nThere is not enough information to know it is safe."
    )
    assert unknown.get(FactKind.PREGNANCY, {}).get("considered_safe") is not True


def test_extract_pregnancy_a_paragraph_goes_on_about_pregnancy_until_breastfeeding(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Using it while expecting\nLittle is known about montelukast in pregnancy. Uncontrolled "
        "asthma is itself a risk for mother and child. Small amounts pass into breast milk."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY]["untreated_risk"] is True
    assert "small_amounts" not in facts[FactKind.PREGNANCY]
    text = "Pregnancy\nDoctors usually continue a preventer inhaler during pregnancy."
    assert _by_kind(statements_of, text)[FactKind.PREGNANCY]["used_when_needed"] is True


def test_extract_breastfeeding_short_use_acceptable_long_use_avoided(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Breastfeeding\nA single dose of codeine is unlikely to harm a breastfed baby, but "
        "regular use while breastfeeding is not recommended."
    )
    flags = _by_kind(statements_of, text)[FactKind.BREASTFEEDING]
    assert flags["short_use_acceptable"] is True
    assert flags["long_use_avoided"] is True


def test_extract_pregnancy_one_sentence_on_both_topics_gives_each_its_clause(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Taken for months in pregnancy it can cause withdrawal in the newborn baby, and it "
        "isn't recommended while breastfeeding because it gets into breast milk."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY]["newborn_effects"] is True
    assert "avoid" not in facts[FactKind.PREGNANCY]
    assert facts[FactKind.BREASTFEEDING]["avoid"] is True
    assert "infant_signs" not in facts[FactKind.BREASTFEEDING]


def test_extract_pregnancy_a_clause_naming_both_speaks_of_both(
    statements_of: StatementsOf,
) -> None:
    safe = _by_kind(
        statements_of, "Cefalexin is regarded as safe in pregnancy and while breastfeeding."
    )
    assert safe[FactKind.PREGNANCY]["considered_safe"] is True
    assert safe[FactKind.BREASTFEEDING]["compatible"] is True
    avoided = _by_kind(statements_of, "Apixaban should not be used in pregnancy or when nursing.")
    assert avoided[FactKind.PREGNANCY]["avoid"] is True
    assert avoided[FactKind.BREASTFEEDING]["avoid"] is True


def test_extract_pregnancy_everyday_words_for_acceptable_and_harm(
    statements_of: StatementsOf,
) -> None:
    acceptable = _by_kind(statements_of, "Hydrocortisone is thought to be acceptable in pregnancy.")
    assert acceptable[FactKind.PREGNANCY]["considered_safe"] is True
    harm = _by_kind(statements_of, "Medicines of this kind can damage or kill an unborn baby.")
    assert harm[FactKind.PREGNANCY]["may_harm_fetus"] is True
    stop = _by_kind(statements_of, "Stop it as soon as you know you are pregnant.")
    assert stop[FactKind.PREGNANCY]["stop_if_pregnant"] is True
    fine = _by_kind(statements_of, "It is fine to breastfeed while using the inhaler.")
    assert fine[FactKind.BREASTFEEDING]["compatible"] is True


def test_extract_pregnancy_a_label_naming_both_topics_names_neither_clause(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Pregnancy and breastfeeding: regular use late in pregnancy can cause breathing "
        "problems in the newborn, and it is fine to breastfeed while taking it."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY]["newborn_effects"] is True
    assert facts[FactKind.BREASTFEEDING]["compatible"] is True
    assert "infant_signs" not in facts[FactKind.BREASTFEEDING]


def test_extract_pregnancy_names_the_newborn_effects_and_contraception(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Taken near term, paroxetine can cause a feeding problem in the newborn known as "
        "poor feeding, and newborn babies may have withdrawal symptoms. "
        "Women who could become pregnant need to use effective contraception."
    )
    facts = _by_kind(statements_of, "Pregnancy\n" + text)
    pregnancy = facts[FactKind.PREGNANCY]
    assert pregnancy["newborn_signs"] == "poor feeding, withdrawal symptoms"
    assert pregnancy["contraception_advised"] is True
    interaction = _by_kind(statements_of, "It may make contraceptive pills less effective.")
    assert "contraception_advised" not in interaction.get(FactKind.PREGNANCY, {})


def test_extract_pregnancy_avoided_for_some_babies_is_its_own_flag(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Small amounts reach breast milk; avoid it if your baby was born early, otherwise it "
        "is usually fine."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.BREASTFEEDING]["avoid_for_some_babies"] is True
    assert "avoid" not in facts[FactKind.BREASTFEEDING]


def test_extract_pregnancy_permission_to_use_it_is_acceptable_unless_conditional(
    statements_of: StatementsOf,
) -> None:
    plain = _by_kind(statements_of, "Pregnancy\nYou can use this spray during pregnancy.")
    assert plain[FactKind.PREGNANCY]["considered_safe"] is True
    conditional = _by_kind(
        statements_of, "Pregnancy\nIt can be used in pregnancy only if your doctor agrees."
    )
    assert conditional.get(FactKind.PREGNANCY, {}).get("considered_safe") is not True


def test_extract_pregnancy_avoiding_one_dose_is_no_advice_to_avoid_the_drug(
    statements_of: StatementsOf,
) -> None:
    dose = _by_kind(statements_of, "Pregnancy\nDoctors avoid the large 3 g dose in pregnancy.")
    assert dose.get(FactKind.PREGNANCY, {}).get("avoid") is not True
    drug = _by_kind(statements_of, "Pregnancy\nDoctors avoid this tablet in pregnancy.")
    assert drug[FactKind.PREGNANCY]["avoid"] is True


def test_extract_breastfeeding_generally_considered_ok_is_compatible(
    statements_of: StatementsOf,
) -> None:
    said = _by_kind(statements_of, "Breastfeeding\nIt is generally considered OK when nursing.")
    assert said[FactKind.BREASTFEEDING]["compatible"] is True


def test_extract_pregnancy_contracted_denial_of_more_birth_defects(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Loratadine is often taken in pregnancy; surveys didn't find a clear rise in birth defects."
    )
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY]["no_defects_shown"] is True
    assert facts[FactKind.PREGNANCY]["may_harm_fetus"] is False


def test_extract_pregnancy_weighing_benefit_against_possible_risk_claims_no_harm(
    statements_of: StatementsOf,
) -> None:
    text = "In pregnancy it is given when the benefit outweighs the possible risk."
    facts = _by_kind(statements_of, text)
    assert facts[FactKind.PREGNANCY]["benefit_must_outweigh_risk"] is True
    assert "may_harm_fetus" not in facts[FactKind.PREGNANCY]
    warned = _by_kind(statements_of, "In pregnancy there is a possible risk to the unborn baby.")
    assert warned[FactKind.PREGNANCY]["may_harm_fetus"] is True


def test_extract_pregnancy_used_when_it_is_needed_in_other_wordings(
    statements_of: StatementsOf,
) -> None:
    for text in (
        "Labetalol is still used in pregnancy when it's genuinely needed.",
        "Midwives routinely prescribe it in pregnancy for heartburn.",
    ):
        assert _by_kind(statements_of, text)[FactKind.PREGNANCY]["used_when_needed"] is True


def test_a_stance_against_use_in_everyday_words_is_read(statements_of: StatementsOf) -> None:
    for text in (
        "Doctors don't normally prescribe it in pregnancy, least of all near the due date.",
        "It isn't routinely given to pregnant women.",
        "This inhaler is not generally used in pregnancy.",
    ):
        assert _by_kind(statements_of, text)[FactKind.PREGNANCY]["avoid"] is True, text


def test_use_kept_for_clear_need_is_benefit_over_risk(statements_of: StatementsOf) -> None:
    for text in (
        "In pregnancy it should not be used unless it is absolutely necessary.",
        "Pregnant women should not take it unless their specialist decides otherwise.",
    ):
        flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
        assert flags["benefit_must_outweigh_risk"] is True, text


def test_the_time_around_the_birth_is_a_stage_of_pregnancy(statements_of: StatementsOf) -> None:
    facts = _by_kind(statements_of, "Pregnancy: take extra care close to the delivery.")
    assert facts[FactKind.PREGNANCY]["stage_specific"] is True


def test_extract_pregnancy_do_not_take_it_if_you_are_breastfeeding_is_avoid(
    statements_of: StatementsOf,
) -> None:
    text = "Breastfeeding\n\nDon't take it if you're breastfeeding: it passes to the baby.\n"
    facts = extract_pregnancy(statements_of(text), "s1")
    assert [(f.kind, f.attributes.get("avoid")) for f in facts] == [(FactKind.BREASTFEEDING, True)]


def test_extract_pregnancy_hearsay_about_breastfeeding_sets_no_flag(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Breastfeeding\n\nI'd seen \"don't take if breastfeeding\" on some random website. "
        "It is considered compatible with breastfeeding.\n"
    )
    [fact] = extract_pregnancy(statements_of(text), "s1")
    assert fact.attributes.get("avoid") is None
    assert fact.attributes.get("compatible") is True


def test_a_use_in_pregnancy_no_longer_practised_is_no_stance_against_the_drug(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Pregnancy\nIt was once given in hospital to delay premature labour. This is no longer "
        "done, and the inhaler is not used to stop labour. The inhaler is considered safe in "
        "pregnancy."
    )
    assert "avoid" not in _by_kind(statements_of, text).get(FactKind.PREGNANCY, {})


def test_the_drug_called_one_of_the_safer_options_in_pregnancy_is_considered_safe(
    statements_of: StatementsOf,
) -> None:
    text = "Pregnancy\nIt is generally considered one of the safer options in pregnancy."
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags.get("considered_safe") is True
    assert "alternative_preferred" not in flags


def test_not_crossing_the_placenta_and_another_drugs_harm_are_no_harm_of_this_drug(
    statements_of: StatementsOf,
) -> None:
    text = (
        "Pregnancy\nIt does not cross the placenta, and it is the anticoagulant generally "
        "preferred in pregnancy, in contrast to warfarin, which can harm the developing baby."
    )
    flags = _by_kind(statements_of, text)[FactKind.PREGNANCY]
    assert flags.get("crosses_placenta") is not True
    assert flags.get("may_harm_fetus") is not True


def test_extract_pregnancy_should_be_avoided_and_advised_against(
    statements_of: StatementsOf,
) -> None:
    facts = _by_kind(
        statements_of,
        "Pregnancy\nIt should be avoided in pregnancy. Small amounts pass into breast milk. "
        "The product information advises against its use while breastfeeding.",
    )
    assert facts[FactKind.PREGNANCY]["avoid"] is True
    assert facts[FactKind.BREASTFEEDING]["avoid"] is True
