"""Tests for a form a question asks about that none of the drug's forms is."""

from __future__ import annotations

from medinfo.domain.monograph import DoseSpec, Dosing, Monograph
from medinfo.services.qa import InMemoryMonographs, InMemoryPassages, answer_question
from medinfo.services.qa.asked_form import doses_of_asked_route, unheld_form, unheld_route
from medinfo.services.qa.vocabulary import term_key


def test_a_form_the_drug_does_not_come_as_is_unheld() -> None:
    tablets = Monograph(drug="naproxen", forms=["oral tablet"])
    assert unheld_form(tablets, "how do i rub in the naproxen gel") == "gel"
    assert unheld_form(tablets, "can i crush the tablet") is None


def test_a_form_held_under_a_longer_name_is_held() -> None:
    both = Monograph(drug="clotrimazole", forms=["vaginal cream", "vaginal tablet"])
    assert unheld_form(both, "how much cream do i use") is None


def test_with_no_forms_known_nothing_is_unheld() -> None:
    assert unheld_form(Monograph(drug="naproxen"), "how do i use the patch") is None


def test_a_how_to_question_about_a_form_not_held_is_declined(
    lookup: InMemoryMonographs,
) -> None:
    answer = answer_question("how do i use the tizanidine patch", lookup)
    assert not answer.answerable
    assert "patch" in answer.answer
    assert " mg" not in answer.answer


def _tablet_doses() -> Monograph:
    maximum = DoseSpec(amount=14, unit="mg", route="oral")
    return Monograph(drug="semaglutide", dosing=Dosing(max_daily=maximum))


def test_a_route_the_doses_are_not_for_is_unheld() -> None:
    assert unheld_route(_tablet_doses(), "most you can inject in a week") == "injection"
    assert unheld_route(_tablet_doses(), "max dose of the tablets") is None
    assert unheld_route(_tablet_doses(), "max dose") is None


def test_doses_of_an_unknown_route_hold_every_route() -> None:
    unknown = Monograph(drug="semaglutide", dosing=Dosing(max_daily=DoseSpec(amount=14, unit="mg")))
    assert unheld_route(unknown, "most you can inject") is None


def test_a_dose_question_for_a_route_the_doses_are_not_for_is_declined() -> None:
    lookup = InMemoryMonographs([_tablet_doses()])
    answer = answer_question("whats the most semaglutide you can inject per week", lookup)
    assert not answer.answerable
    assert "14 mg" not in answer.answer
    assert "injection" in answer.answer


def test_a_dose_question_for_another_route_quotes_only_what_a_source_says_of_it() -> None:
    lookup = InMemoryMonographs([_tablet_doses()])
    passages = InMemoryPassages()
    passages.add_text(
        "semaglutide",
        "sg1",
        "Semaglutide leaflet.\n\nThe tablets go up to 14 mg a day.\n\n"
        "The weekly injection goes up to a most of 2 mg once a week.\n",
    )
    answer = answer_question("most semaglutide you can inject a week", lookup, passages=passages)
    assert "2 mg once a week" in answer.answer
    assert "14 mg" not in answer.answer


def test_a_brand_sold_only_as_an_injection_names_that_route() -> None:
    # Drugs@FDA lists Ozempic as a subcutaneous solution only
    assert unheld_route(_tablet_doses(), "ozempic max dose") == "injection"


def _inhaler_and_tablets() -> Monograph:
    return Monograph(
        drug="terbutaline",
        dosing=Dosing(
            initial=DoseSpec(amount=2.5, unit="mg", frequency_per_day=3, route="oral"),
            max_daily=DoseSpec(amount=2, unit="mg", route="inhaled"),
        ),
    )


def test_a_dose_question_naming_one_route_keeps_only_that_routes_doses() -> None:
    both = _inhaler_and_tablets()
    puffs = doses_of_asked_route(both, term_key("how many puffs a day"))
    assert puffs.dosing.initial is None
    assert puffs.dosing.max_daily == both.dosing.max_daily
    assert doses_of_asked_route(both, term_key("tablets dose")).dosing.max_daily is None
    assert doses_of_asked_route(both, term_key("what dose")) is both
    answer = answer_question("terbutaline inhaler how many puffs", InMemoryMonographs([both]))
    assert "2.5 mg" not in answer.answer


def test_a_generic_product_name_is_no_brand_that_names_a_route() -> None:
    # Drugs@FDA lists "Hydroxyzine Hydrochloride" injections beside the tablets
    tablets = Monograph(
        drug="hydroxyzine",
        dosing=Dosing(max_daily=DoseSpec(amount=100, unit="mg", route="oral")),
    )
    assert unheld_route(tablets, term_key("how much hydroxyzine can he have a day")) is None


def test_directions_for_a_held_form_whose_doses_are_all_for_another_route_are_declined() -> None:
    clonidine = Monograph(
        drug="clonidine",
        forms=["oral tablet", "patch"],
        dosing=Dosing(initial=DoseSpec(amount=0.1, unit="mg", route="oral")),
    )
    answer = answer_question(
        "where on my body should i stick the clonidine patch", InMemoryMonographs([clonidine])
    )
    assert not answer.answerable
    assert "patch" in answer.answer
    assert "0.1 mg" not in answer.answer
