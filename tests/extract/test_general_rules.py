"""The assistant's general rules (gazetteer, names' shapes, roles, dates, process) on text no rule was written from.

Every article here is SYNTHETIC test input, written for these tests; the groups and people in it are
invented, and none names a place, group or person from ../shared/corpus. None of it is data. The
gazetteer test checks facts of the shipped lists themselves (GeoNames covers Kosovo, the IGO list
knows "IMF"), which is why the packages were chosen.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.extract import extract_article
from dashboard.extract.gazetteer import gazetteer
from dashboard.extract.temporal import find_dates

EMPTY = pd.DataFrame(columns=["actor_id", "name", "kind", "aliases", "affiliation", "title", "country_code"])


def run(text: str, published: str | None = "2024-03-04", actors: pd.DataFrame = EMPTY) -> dict:
    return extract_article(text, actors, dt.date.fromisoformat(published) if published else None)


def venues(result: dict) -> set[tuple]:
    return {(e["venue_city"], e["venue_country"]) for e in result["events"] if e["venue_city"] or e["venue_country"]}


def names(result: dict, role: str | None = None) -> set[str]:
    by_id = {a["actor_id"]: a["name"] for a in result["new_actors"]}
    if role == "party":
        return {by_id.get(p, p) for e in result["events"] for p in e["parties"]}
    return {by_id.get(t["actor"], t["actor"]) for e in result["events"] for t in e["third_parties"]
            if role is None or t["role"] == role}


def test_gazetteer_knows_cities_countries_demonyms_and_organisations():
    gaz = gazetteer()
    assert gaz.city("Lima").country == "PE" and gaz.city("Nairobi").country == "KE"
    assert gaz.city("Kingston").country == "JM"  # the largest namesake, not the English or Canadian town
    assert gaz.country_of("Kosovo").name == "Kosovo"  # GeoNames has it; ISO 3166 does not
    assert gaz.country_of("Peruvian").name == "Peru" and gaz.country_of("Peruvians").name == "Peru"
    assert gaz.organisations["ECOWAS"].name == "Economic Community of West African States"
    assert gaz.organisations["IMF"].name == "International Monetary Fund"
    assert gaz.city("March") is None and gaz.city("May") is None  # a month is never a place
    assert gaz.country_of("Serbia and Montenegro") is None  # a dissolved union is two countries
    assert gazetteer() is gaz  # built once per process


@pytest.mark.parametrize("sentence, city, country", [
    ("SYNTHETIC. The two sides held talks in Oslo on 3 March.", "Oslo", "Norway"),
    ("SYNTHETIC. Delegates met on March 3 in Lima, Peru, for a new round.", "Lima", "Peru"),
    ("SYNTHETIC. The round was held at the Bella Center, Copenhagen, on 3 March.", "Copenhagen", "Denmark"),
    ("SYNTHETIC. The talks were hosted in Bogota on 3 March.", "Bogotá", "Colombia"),
    ("SYNTHETIC. Negotiators met in the Kenyan capital, Nairobi, on 3 March.", "Nairobi", "Kenya"),
])
def test_venue_is_a_city_from_the_gazetteer_with_its_country_apart(sentence, city, country):
    assert venues(run(sentence)) == {(city, country)}


def test_a_country_is_a_venue_only_next_to_a_meeting_and_never_as_the_seat_of_a_government():
    assert venues(run("SYNTHETIC. The agreement reached today in Malta ends the dispute.")) == {(None, "Malta")}
    assert venues(run("SYNTHETIC. The deal signed today restores democracy in Malta.")) == set()
    assert venues(run("SYNTHETIC. The authorities in Lima must return to the talks on 3 March.")) == set()


def test_dateline_city_is_the_venue_of_the_leads_own_event_not_of_a_comment_on_it():
    result = run("NAIROBI, March 1, 2024 — SYNTHETIC. The two governments signed a ceasefire today.", None)
    assert result["reference_date"] == "2024-03-01" and result["reference"] == "dateline"
    assert [e["date"] for e in result["events"]] == ["2024-03-01"] and venues(result) == {("Nairobi", "Kenya")}
    assert result["events"][0]["venue_construction"].startswith("date line")
    comment = run("NAIROBI, March 1, 2024 — SYNTHETIC. Chile welcomes the ceasefire the two governments signed today.",
                  None)
    assert [e["date"] for e in comment["events"]] == ["2024-03-01"] and venues(comment) == set()
    tied = run("NAIROBI, March 1, 2024 — SYNTHETIC. Chile and Bolivia held talks here today.", None)
    assert venues(tied) == {("Nairobi", "Kenya")}
    assert tied["events"][0]["venue_cue"].startswith("here (the date line's city)")


def test_the_two_sides_are_the_sides_the_article_names():
    result = run("SYNTHETIC. Talks between Chile and Bolivia began last year. Peru welcomed the accord the two sides "
                 "signed in Lima on 3 March.")
    signed = next(e for e in result["events"] if e["date"] == "2024-03-03")
    assert signed["parties"] == ["chile", "bolivia"]  # not Peru, which comments
    assert all(c["cue"].startswith("the two sides") for c in signed["party_cues"])


def test_a_demonym_that_describes_a_person_is_their_affiliation_not_another_actor():
    result = run("SYNTHETIC. Peruvian leader Tomas Vela and former Kenyan President Ruth Ama met in Lima on 3 March, "
                 "with Chile and Bolivia, whose facilitation helped.")
    assert "Kenya" not in names(result, "facilitator")
    assert {"Peru", "Kenya"} <= {a["name"] for a in result["new_actors"]}  # named only in the people's titles
    assert names(result, "party") >= {"Peru", "Kenya"}


def test_a_possessive_names_an_owner_not_a_place():
    result = run("SYNTHETIC. The deal signed on 3 March frees grain stuck at Peru's ports and in Chile.")
    assert names(result, "party") == {"Peru"}


def test_acronym_definitions_propose_an_organisation_and_catch_the_acronym_alone():
    result = run("SYNTHETIC. The Karenni Salvation Front (KSF) and the government met in Nairobi on 3 March. "
                 "KSF negotiators said talks would continue.")
    new = {a["name"]: a for a in result["new_actors"]}
    assert new["Karenni Salvation Front"]["kind"] == "group" and "KSF" in new["Karenni Salvation Front"]["aliases"]
    assert "acronym defined in the text" in new["Karenni Salvation Front"]["cue"]
    assert {m["alias"] for m in result["mentions"] if m["actor"] == new["Karenni Salvation Front"]["actor_id"]} \
        == {"Karenni Salvation Front", "KSF"}


def test_organisation_shaped_plural_and_described_groups_are_proposed():
    result = run("SYNTHETIC. Talks between the Upper Valley People's Movement and the Zandi Army resumed on 3 March. "
                 "The Marrans rejected the plan, and Marran fighters left the town. The militant group Tazor "
                 "welcomed the truce.")
    new = {a["name"]: a for a in result["new_actors"]}
    assert new["Upper Valley People's Movement"]["kind"] == "group"
    assert new["Zandi Army"]["kind"] == "group"
    assert new["Marrans"]["kind"] == "group" and "Marran" in new["Marrans"]["aliases"]
    assert new["Tazor"]["kind"] == "group" and "described as a group" in new["Tazor"]["cue"]
    assert names(result, "party") >= {"Upper Valley People's Movement", "Zandi Army"}


def test_a_side_named_only_by_between_is_proposed():
    result = run("SYNTHETIC. The deal between Peru and Sendaro was signed on 3 March.")
    assert "Sendaro" in {a["name"] for a in result["new_actors"]}
    assert names(result, "party") == {"Peru", "Sendaro"}


def test_people_introduced_by_a_title_are_linked_to_the_actor_they_act_for():
    result = run("SYNTHETIC. UN Special Envoy for the Region Jana Roe met the delegations in Lima on 3 March. "
                 "Peruvian Foreign Minister Tomas Vela and Sheikh Omar bin Khalid Al-Rami of Kuwait attended.")
    people = {a["name"]: a for a in result["new_actors"] if a["kind"] == "person"}
    assert people["Jana Roe"]["affiliation"] == "united-nations" and people["Jana Roe"]["title"] == "Special Envoy"
    assert people["Tomas Vela"]["affiliation"] == "peru"
    assert people["Omar bin Khalid Al-Rami"]["affiliation"] == "kuwait"
    assert "Jana Roe" in names(result, "mediator")  # an envoy mediates for whom they act


@pytest.mark.parametrize("sentence, role, actor", [
    ("SYNTHETIC. The ceasefire was brokered by Kuwait on 3 March.", "mediator", "Kuwait"),
    ("SYNTHETIC. Talks under the auspices of the African Union opened on 3 March.", "mediator", "African Union"),
    ("SYNTHETIC. The round on 3 March was co-hosted by Finland and Switzerland.", "host", "Switzerland"),
    ("SYNTHETIC. The accord signed on 3 March names Tunisia as guarantor.", "guarantor", "Tunisia"),
    ("SYNTHETIC. The accord was signed on 3 March and witnessed by the Arab Monetary Fund.", "witness",
     "Arab Monetary Fund"),
    ("SYNTHETIC. We thank Chile for its leadership in facilitating the talks on 3 March.", "facilitator", "Chile"),
    ("SYNTHETIC. We thank Ghana for its partnership in reaching the deal signed on 3 March.", "mediator", "Ghana"),
    ("SYNTHETIC. We thank Ghana for its work to extend the truce signed on 3 March.", "mediator", "Ghana"),
    ("SYNTHETIC. The ECOWAS-led talks resumed on 3 March.", "mediator", "Economic Community of West African States"),
])
def test_roles_come_from_the_words_that_carry_them_and_say_which(sentence, role, actor):
    result = run(sentence)
    assert actor in names(result, role)
    cue = next(t["cue"] for e in result["events"] for t in e["third_parties"] if t["role"] == role)
    assert cue and cue in sentence  # the words that made it, as written


def test_a_process_the_parties_lead_themselves_has_no_mediator():
    assert names(run("SYNTHETIC. We welcome the Peruvian-led agreement reached on 3 March.")) == set()


def test_commentators_destinations_and_examples_are_not_sides():
    result = run("SYNTHETIC. Peru welcomes the truce signed on 3 March between Chile and Bolivia. "
                 "Its envoy will travel to Ecuador and Brazil. Aid reaches regions like Haiti and Cuba.")
    assert names(result, "party") == {"Chile", "Bolivia"}


def test_dates_ranges_weekdays_and_relative_days():
    reference = dt.date(2024, 3, 4)  # a Monday
    found = {d.text: (d.date, d.end_date) for d in find_dates(
        "Talks ran 12–14 March 2019 and April 3-5; they met on Saturday and yesterday; they will meet on Friday.",
        reference)}
    assert found["12–14 March 2019"] == ("2019-03-12", "2019-03-14")
    assert found["April 3-5"] == ("2024-04-03", "2024-04-05")
    assert found["Saturday"][0] == "2024-03-02" and found["yesterday"][0] == "2024-03-03"
    assert found["Friday"][0] == "2024-03-08"
    assert find_dates("Lima, 07/09/2020", dt.date(2020, 9, 7))[0].date == "2020-09-07"  # day first, by the date


def test_a_range_is_one_event_with_an_end_date_and_past_agreements_stay_apart():
    result = run("SYNTHETIC. Chile and Bolivia held talks in Lima on 12–14 March 2024, building on the accord "
                 "they signed on 3 June 2019. Peru's attack on 1 March was condemned.", "2024-03-15")
    by_date = {e["date"]: e for e in result["events"]}
    assert by_date["2024-03-12"]["end_date"] == "2024-03-14" and not by_date["2024-03-12"]["background"]
    assert by_date["2019-06-03"]["background"]  # history the article recalls, kept apart for the curator
    assert "2024-03-01" not in by_date  # the date of an attack is not a round of talks


def test_quoted_speech_dates_its_own_today():
    result = run("SYNTHETIC. The minister yesterday said:\n\nToday's agreement in Lima between Chile and Bolivia "
                 "is a step forward.", "2024-03-04")
    assert [e["date"] for e in result["events"]] == ["2024-03-03"]


def test_a_statement_about_another_conflict_proposes_a_new_process_not_the_first():
    data = load_dataset()
    result = extract_article("SYNTHETIC. Chile and Bolivia signed a ceasefire in Lima today.", data["actors"],
                             dt.date(2024, 3, 4), data["processes"], data["events"])
    process = result["process"]
    assert process["new"] and process["process_id"] not in set(data["processes"]["process_id"])
    assert process["name"] == "Bolivia–Chile talks" and process["conflict"] == "Bolivia–Chile conflict"
    assert process["process_id"] == "bolivia-chile-talks"  # the dash parts the words in the id too
    again = extract_article("SYNTHETIC. Russia and Ukraine will meet in Vienna on 3 June, mediated by Türkiye.",
                            data["actors"], dt.date(2025, 5, 20), data["processes"], data["events"])["process"]
    assert not again["new"] and again["process_id"] == "russia-ukraine" and "shared sides" in again["why"]


def test_a_failing_rule_costs_its_proposals_not_the_article(monkeypatch):
    import dashboard.extract.assistant as assistant

    def broken(*args, **kwargs):
        raise RuntimeError("SYNTHETIC failure")

    monkeypatch.setattr(assistant, "position_in", broken)
    result = run("SYNTHETIC. Chile and Bolivia will never accept the plan; they met in Lima on 3 March.")
    assert result["events"] and result["positions"] == []
    assert {e["rule"] for e in result["errors"]} == {"positions"}
    assert "SYNTHETIC failure" in result["errors"][0]["error"]
