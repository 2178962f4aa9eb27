"""The reader of relations, one family of constructions at a time, on INVENTED text.

Every article here is SYNTHETIC test input written for these tests. The people ("Ana Ruiz"), towns ("Port Amar")
and groups ("Northern Liberation Front") are invented; the states are real ones that no corpus or seed article
names, so that the gazetteer knows them and no test repeats a name the rules were measured on. Each test
checks a construction of English (issue 20), not a phrase of any article: the role table of `cues.py`
(compounds, passives, nominals, appositions, copulas, verbs in any tense, credits, titles, the issuer), the
side table (between, A and B + verb, delegations, A–B talks, the parties are, signed by, talks with), the
article's own event (date line, tense), venues (unknown towns, the venue table, named formats), dates (ranges,
durations, weekdays) and one event per happening.
"""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from dashboard.curation.review import event_rows
from dashboard.extract import extract_article
from dashboard.extract.gazetteer import VENUE_FILE, gazetteer

EMPTY = pd.DataFrame(columns=["actor_id", "name", "kind", "aliases", "affiliation", "title", "country_code"])


def run(text: str, published: str | None = "2023-05-04") -> dict:
    return extract_article(text, EMPTY, dt.date.fromisoformat(published) if published else None)


def name_of(result: dict) -> dict[str, str]:
    return {a["actor_id"]: a["name"] for a in result["new_actors"]}


def roles(result: dict) -> set[tuple[str, str]]:
    """(name, role) of every third party the result proposes."""
    names = name_of(result)
    return {(names.get(t["actor"], t["actor"]), t["role"]) for e in result["events"] for t in e["third_parties"]}


def constructions(result: dict) -> set[str]:
    return {t["construction"] for e in result["events"] for t in e["third_parties"]} | {
        c["construction"] for e in result["events"] for c in e["party_cues"]}


def sides(result: dict) -> set[str]:
    names = name_of(result)
    return {names.get(p, p) for e in result["events"] for p in e["parties"]}


def venues(result: dict) -> set[tuple]:
    return {(e["venue_city"], e["venue_country"]) for e in result["events"] if e["venue_city"] or e["venue_country"]}


# --- Third parties: the role table --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor, role, construction", [
    # agentive compounds
    ("SYNTHETIC. The Senegal-brokered truce between Ghana and Togo held on 3 May.", "Senegal", "mediator",
     "agentive compound: -brokered"),
    ("SYNTHETIC. The Ghanaian-mediated talks between Benin and Togo resumed on 3 May.", "Ghana", "mediator",
     "agentive compound: -mediated"),
    ("SYNTHETIC. The Austria-hosted round between Armenia and Azerbaijan ended on 3 May.", "Austria", "host",
     "agentive compound: -hosted"),
    ("SYNTHETIC. The Uruguay-led talks between Bolivia and Paraguay resumed on 3 May.", "Uruguay", "mediator",
     "agentive compound: -led talks"),
    # passives
    ("SYNTHETIC. Talks between Ghana and Togo, facilitated by Senegal, resumed on 3 May.", "Senegal", "facilitator",
     "passive: facilitated by"),
    ("SYNTHETIC. The meeting of Ghana and Togo on 3 May was convened by Senegal.", "Senegal", "facilitator",
     "passive: convened by"),
    ("SYNTHETIC. The round between Armenia and Azerbaijan on 3 May was co-chaired by Austria.", "Austria", "mediator",
     "passive: co-chaired by"),
    ("SYNTHETIC. The accord between Ghana and Togo was signed on 3 May and witnessed by Senegal.", "Senegal",
     "witness", "passive: witnessed by"),
    # nominal forms
    ("SYNTHETIC. Ghana and Togo met on 3 May under the auspices of Senegal.", "Senegal", "mediator",
     "nominal: auspices of"),
    ("SYNTHETIC. Ghana and Togo agreed on 3 May, with the mediation of Senegal.", "Senegal", "mediator",
     "nominal: mediation of"),
    ("SYNTHETIC. Ghana and Togo met on 3 May thanks to the good offices of Senegal.", "Senegal", "mediator",
     "nominal: good offices of"),
    ("SYNTHETIC. Ghana and Togo signed the accord on 3 May in the presence of Senegal.", "Senegal", "witness",
     "nominal: in the presence of"),
    ("SYNTHETIC. Ghana and Togo met on 3 May at the invitation of Senegal.", "Senegal", "host",
     "nominal: at the invitation of"),
    ("SYNTHETIC. Ghana and Togo reached the deal on 3 May through Senegal's patient mediation.", "Senegal",
     "mediator", "possessive: 's patient mediation"),
    ("SYNTHETIC. Ghana and Togo signed an accord on 3 May. Senegal welcomed it and will continue its mediation.",
     "Senegal", "mediator", "possessive pronoun: welcomed it and will continue its mediation"),
    ("SYNTHETIC. Ghana and Togo signed an accord on 3 May; we commend the mediation efforts of Senegal.", "Senegal",
     "mediator", "nominal: mediation efforts of"),
    # appositions, "as", copulas, titles of a role
    ("SYNTHETIC. Ghana and Togo met on 3 May. Uganda and Rwanda, the guarantors of the process, attended.", "Rwanda",
     "guarantor", "apposition: the guarantors"),
    ("SYNTHETIC. Ghana and Togo met on 3 May, and Austria served as host.", "Austria", "host", "as: served as host"),
    ("SYNTHETIC. Ghana and Togo met on 3 May, with Austria and Spain as co-facilitators.", "Spain", "facilitator",
     "as: as co-facilitators"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The mediators are Senegal and Gabon.", "Gabon", "mediator",
     "copular: mediators are"),
    ("SYNTHETIC. Armenia and Azerbaijan met on 3 May. The co-chairs of the Vaalen Process, Spain and Italy, "
     "attended.", "Italy", "mediator", "title: co-chairs of the Vaalen Process"),
    # verbs in any tense, perfect and progressive
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal has been facilitating the talks since 2016.", "Senegal",
     "facilitator", "verb: has been facilitating"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal, which mediated the talks, welcomed the result.", "Senegal",
     "mediator", "verb: which mediated"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Austria will host the next round.", "Austria", "host",
     "verb: will host"),
    # credit
    ("SYNTHETIC. Ghana and Togo met on 3 May. We thank Benin for hosting the talks.", "Benin", "host",
     "credit: for hosting"),
])
def test_a_role_comes_from_the_construction_that_carries_it(text, actor, role, construction):
    result = run(text)
    assert (actor, role) in roles(result)
    assert construction in constructions(result)
    assert actor not in sides(result)  # a go-between is no side


def test_a_relative_clause_between_the_names_and_their_role_is_skipped():
    result = run("SYNTHETIC. Ghana and Togo met on 3 May. Chile and Peru, which back rival sides in the dispute, have "
                 "been invited as observers.")
    assert {("Chile", "observer"), ("Peru", "observer")} <= roles(result) and sides(result) == {"Ghana", "Togo"}


def test_a_person_takes_the_role_of_the_actor_they_act_for_and_both_are_proposed():
    result = run("SYNTHETIC. Talks between Ghana and Togo on 3 May were facilitated by Special Envoy Ana Ruiz of the "
                 "Government of Senegal.")
    people = {a["name"]: a for a in result["new_actors"] if a["kind"] == "person"}
    assert people["Ana Ruiz"]["affiliation"] == "senegal"
    assert {("Ana Ruiz", "facilitator"), ("Senegal", "facilitator")} <= roles(result)
    assert any(t["via"] == people["Ana Ruiz"]["actor_id"] for e in result["events"] for t in e["third_parties"]
               if t["actor"] == "senegal")


def test_a_statements_issuer_takes_the_role_it_says_it_played():
    result = run("Statement by the Government of Iceland\n\nSYNTHETIC. Ghana and Togo signed an accord on 3 May. We "
                 "hosted the talks in Reykjavik.")
    assert ("Iceland", "host") in roles(result)
    assert any(c.startswith("issuer:") for c in constructions(result))


@pytest.mark.parametrize("statement", [
    "Joint Statement by Iceland and Malta\n\nSYNTHETIC. We, the facilitators of the talks between Ghana and Togo, "
    "welcome the accord signed on 3 May.",
    "Joint Statement by Iceland and Malta\n\nSYNTHETIC. As co-hosts of the talks between Ghana and Togo, we welcome the "
    "accord signed on 3 May.",
    "Statement by Iceland\n\nSYNTHETIC. The talks it convened between Ghana and Togo ended with an accord on 3 May.",
])
def test_a_joint_statement_of_go_betweens_gives_its_issuers_their_role(statement):
    result = run(statement)
    assert {"Iceland"} <= {name for name, _ in roles(result)} and sides(result) == {"Ghana", "Togo"}


@pytest.mark.parametrize("text", [
    "SYNTHETIC. Ghana and Togo met on 3 May. Portugal declined to mediate the talks.",
    "SYNTHETIC. Ghana and Togo met on 3 May. The two sides urged Portugal to host the talks.",
    "SYNTHETIC. Ghana and Togo met on 3 May. Portugal hosted a dinner for the press.",
    "SYNTHETIC. Ghana and Togo met on 3 May. We thank Portugal for hosting the talks.",  # Portugal hosted, not "we"
    "SYNTHETIC. Ghana and Togo met on 3 May. Portugal accepted their mediation.",
])
def test_no_role_where_the_verb_is_refused_asked_for_or_about_something_else(text):
    result = run(("Statement by the Government of Iceland\n\n" if "We" in text else "") + text)
    assert ("Portugal", "mediator") not in roles(result) and ("Iceland", "host") not in roles(result)
    if "declined" in text or "urged" in text or "dinner" in text:
        assert not {r for r in roles(result) if r[0] == "Portugal"}


def test_a_statements_first_person_red_line_is_its_issuers():
    result = run("Statement by the Government of Iceland\n\nSYNTHETIC. Talks between Ghana and Togo resumed on 3 May. "
                 "We will never accept any change of borders by force.")
    (red,) = [p for p in result["positions"] if p["red_line"]]
    assert red["actor"] == "iceland" and red["issue"] == "territory"


# --- Sides: the side table ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected, construction", [
    ("SYNTHETIC. Ghana and Togo are expected to resume talks on 3 May.", {"Ghana", "Togo"}, "A and B + verb"),
    ("SYNTHETIC. The delegations of Armenia and Azerbaijan met on 3 May.", {"Armenia", "Azerbaijan"},
     "delegation of A"),
    ("SYNTHETIC. The Armenian delegation met mediators on 3 May, and Azerbaijani negotiators joined them.",
     {"Armenia", "Azerbaijan"}, "A's delegation"),
    ("SYNTHETIC. The Ghana–Togo talks resumed on 3 May.", {"Ghana", "Togo"}, "A–B talks"),
    ("SYNTHETIC. The accord was signed on 3 May in Accra by Ghanaian Foreign Minister Kofi Mensah and the Northern "
     "Liberation Front.", {"Ghana", "Northern Liberation Front"}, "signed by A and B"),
    ("SYNTHETIC. An accord was signed on 3 May. The parties to the accord are the Republic of Ghana, the Volta "
     "Defence Force and the Coastal Coalition Team.", {"Ghana", "Volta Defence Force", "Coastal Coalition Team"},
     "the parties are A, B"),
    ("SYNTHETIC. Ghanaian President Kofi Mensah held talks with Togo on 3 May.", {"Ghana", "Togo"}, "A met B"),
])
def test_sides_come_from_constructions_that_name_them_as_sides(text, expected, construction):
    result = run(text)
    assert sides(result) == expected
    assert construction in constructions(result)


def test_a_side_no_list_knows_is_proposed_from_the_slot_it_stands_in():
    result = run("SYNTHETIC. The government of Ghana resumed talks with the Volta Brigade on 3 May.")
    assert "Volta Brigade" in {a["name"] for a in result["new_actors"]}
    assert sides(result) == {"Ghana", "Volta Brigade"}


def test_a_side_named_only_by_what_it_is_beside_a_named_one_is_proposed():
    result = run("SYNTHETIC. The accord was signed on 3 May by the government of Ghana and loyalist militias.")
    assert sides(result) == {"Ghana", "loyalist militias"}
    assert sides(run("SYNTHETIC. Talks between Ghana and rebel groups resumed on 3 May.")) >= {"Ghana", "rebel groups"}
    one = run("SYNTHETIC. The Volta Liberation Army fought on. Talks between Ghana and the rebels resumed on 3 May.")
    assert sides(one) == {"Ghana", "Volta Liberation Army"}  # the rebels: the one armed group the text names


def test_an_offer_to_mediate_is_proposed_on_the_day_it_is_reported_and_those_who_call_for_calm_are_no_sides():
    result = run("SYNTHETIC. Fighting broke out in the border region. Chile and Peru called for restraint in the talks, "
                 "and Senegal said it was ready to mediate.")
    (event,) = result["events"]
    assert event["type"] == "mediation_offer" and event["date"] == "2023-05-04" and event["date_inferred"]
    assert ("Senegal", "mediator") in roles(result) and sides(result) == set()
    assert {"Chile", "Peru"} <= {m["name"] for m in result["mentioned"]}


def test_with_one_side_named_as_one_the_states_merely_named_beside_it_are_no_sides():
    result = run("SYNTHETIC. Delegates of Ghana met in Lomé on 3 May. Togo's president opened the meeting, and Chile "
                 "sent a message.")
    assert sides(result) == {"Ghana"}


def test_commentators_places_and_states_named_in_passing_are_mentioned_not_sides():
    result = run("SYNTHETIC. Talks between Ghana and Togo resumed in Accra on 3 May. Chile welcomed the talks, and "
                 "Peru said Spain would send observers to Lisbon.")
    assert sides(result) == {"Ghana", "Togo"}
    mentioned = {m["name"] for m in result["mentioned"]}
    assert {"Chile", "Peru"} <= mentioned and not mentioned & {"Ghana", "Togo"}


def test_meeting_a_go_between_makes_no_side_and_a_loose_reading_needs_a_firm_one():
    result = run("SYNTHETIC. Talks between Ghana and Togo resumed on 3 May. Peru's minister met the UN Special Envoy, "
                 "Ana Ruiz, and held discussions with Chile.")
    assert sides(result) == {"Ghana", "Togo"}


def test_a_third_party_that_talks_with_both_sides_is_no_side():
    result = run("SYNTHETIC. Ghana and Togo signed a truce on 3 May. Chile and Peru, which have held their own talks "
                 "with both sides, welcomed it.")
    assert sides(result) == {"Ghana", "Togo"}


def test_the_government_is_the_state_named_as_one_or_the_date_lines_country():
    result = run("ACCRA, 3 May 2023 — SYNTHETIC. Talks between the government and the Volta Liberation Army resumed "
                 "today.", None)
    assert sides(result) == {"Ghana", "Volta Liberation Army"}
    government = next(m for m in result["mentions"] if m["alias"] == "government")
    assert government["actor"] == "ghana" and "date line" in government["cue"]


def test_a_date_line_from_a_third_country_does_not_name_the_government():
    result = run("LISBON (Agency) — SYNTHETIC. Talks between the government and the Volta Front resumed today in "
                 "Lisbon; Ghanaian officials said the government was hopeful.", None)
    government = next(m for m in result["mentions"] if m["alias"] == "government")
    assert government["actor"] == "ghana"  # the state the text names, not Portugal, where the talks met


def test_names_keep_their_particles_and_hyphens_and_acronyms_follow_them():
    result = run("SYNTHETIC. The Front for the Liberation of the Coast, or FLC, and Togo signed an accord on 3 May. "
                 "FLC leader Omar al-Rashid and Commander Jean-Marc Nze-Bekale attended.")
    people = {a["name"] for a in result["new_actors"] if a["kind"] == "person"}
    assert {"Omar al-Rashid", "Jean-Marc Nze-Bekale"} <= people
    front = next(a for a in result["new_actors"] if a["name"] == "Front for the Liberation of the Coast")
    assert "FLC" in front["aliases"] and sides(result) == {"Front for the Liberation of the Coast", "Togo"}


@pytest.mark.parametrize("text, person, affiliation", [
    ("SYNTHETIC. Ghana and Togo met on 3 May. Ana Ruiz, the UN special envoy, said the talks went well.", "Ana Ruiz",
     "united-nations"),
    ("SYNTHETIC. Uruguay's foreign minister, Elena Costa, mediated the talks between Chile and Peru on 3 May.",
     "Elena Costa", "uruguay"),
    ("SYNTHETIC. The deal between Chile and Peru was brokered on 3 May by Uruguay, whose foreign minister, Elena "
     "Costa, shuttled between them.", "Elena Costa", "uruguay"),
])
def test_people_in_appositions_with_a_lower_case_title_act_for_the_actor_named_with_it(text, person, affiliation):
    people = {a["name"]: a for a in run(text)["new_actors"] if a["kind"] == "person"}
    assert people[person]["affiliation"] == affiliation


def test_a_capital_standing_for_its_state_is_a_side_and_one_where_talks_meet_a_venue():
    result = run("SYNTHETIC. Accra and Lomé signed a border accord on 3 May in the Beninese capital.")
    assert sides(result) == {"Ghana", "Togo"}
    assert venues(result) == {("Porto-Novo", "Benin")}  # the capital the gazetteer gives Benin
    assert sides(run("SYNTHETIC. The delegates flew to Lomé on 3 May for talks with Ghana.")) == {"Ghana"}


# --- The article's own event and its venue ---------------------------------------------------------------------------

def test_the_lead_under_a_date_line_takes_its_day_and_city():
    result = run("ACCRA, March 4, 2019 (Agency) — SYNTHETIC. Leaders of Togo and Benin met on Monday for a two-day "
                 "summit. The talks are expected to end on Tuesday.", None)
    (event,) = result["events"]
    assert (event["date"], event["end_date"]) == ("2019-03-04", "2019-03-05")  # one event, with its end date
    assert (event["venue_city"], event["venue_construction"]) == ("Accra", "date line: the lead's own event")


@pytest.mark.parametrize("head", ["PORT AMAR, March 4 (Agency) — ", "March 4, 2019, Port Amar — "])
def test_a_date_line_names_its_town_by_its_shape_though_no_list_knows_it(head):
    result = run(head + "SYNTHETIC. Leaders of Ghana and Togo met today for a summit on their border.", "2019-03-05")
    assert [(e["date"], e["venue_city"]) for e in result["events"]] == [("2019-03-04", "Port Amar")]


def test_a_lead_reporting_in_the_perfect_takes_the_date_lines_day():
    result = run("LUSAKA, 12 June 2021 — SYNTHETIC. Negotiators from Zambia and Malawi have concluded a new round of "
                 "talks.", None)
    assert [(e["date"], e["venue_city"]) for e in result["events"]] == [("2021-06-12", "Lusaka")]
    assert result["events"][0]["date_inferred"]


@pytest.mark.parametrize("text, city, country, construction", [
    ("SYNTHETIC. The accord was signed on 3 May in Port Amar, Zambia, by Zambia and Malawi.", "Port Amar", "Zambia",
     "in <place>, <country>: a place the gazetteer lacks"),
    ("SYNTHETIC. Ghana and Togo met on 3 May at the Itamaraty Palace.", "Brasília", "Brazil",
     "venue table: Itamaraty Palace is in Brasília"),
    ("SYNTHETIC. Ghana and Togo met on 3 May at the Lima Convention Centre.", "Lima", "Peru",
     "building named for its city"),
    ("SYNTHETIC. The Montevideo talks between Ghana and Togo resumed on 3 May.", "Montevideo", "Uruguay",
     "named format: the <place> talks"),
    ("SYNTHETIC. Ghana and Togo signed the Lisbon Declaration on 3 May.", "Lisbon", "Portugal",
     "named format: the <place> declaration"),
])
def test_venues_from_unknown_towns_the_venue_table_buildings_and_named_formats(text, city, country, construction):
    result = run(text)
    assert venues(result) == {(city, country)}
    assert result["events"][0]["venue_construction"] == construction


def test_a_town_no_list_holds_right_after_a_meeting_word_is_a_venue_and_an_institution_is_not():
    result = run("SYNTHETIC. Ghana and Togo met in Port Amar on 3 May.")
    assert venues(result) == {("Port Amar", None)}
    assert result["events"][0]["venue_construction"] == "<meeting> in <place>: a place the gazetteer lacks"
    assert venues(run("SYNTHETIC. Ghana and Togo held talks in Parliament on 3 May.")) == set()
    assert venues(run("SYNTHETIC. Ghana and Togo held talks in May.")) == set()


def test_a_date_line_is_no_venue_where_another_sentence_names_where_that_days_talks_met():
    result = run("ACCRA, 3 May 2023 (Agency) — SYNTHETIC. Ghana and Togo signed a truce today. The accord was signed "
                 "today in Lomé.", None)
    assert venues(result) == {("Lomé", "Togo")}


def test_a_document_named_for_a_place_is_no_venue_unless_adopted_and_speaking_somewhere_is_no_venue():
    assert venues(run("SYNTHETIC. Ghana and Togo met on 3 May; the Lisbon Declaration aims at peace.")) == set()
    assert venues(run("SYNTHETIC. Ghana and Togo met on 3 May, the minister said in Dakar.")) == set()


def test_the_venue_table_is_small_sourced_and_placed_in_its_cities():
    with VENUE_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert 20 <= len(rows) <= 100
    gaz = gazetteer()
    for row in rows:
        assert row["source"].startswith("https://") and row["city"] and row["country_code"] in gaz.countries
    assert gaz.venues["Camp David"].city == "Thurmont"


# --- Dates and one event per happening -------------------------------------------------------------------------------

def test_dates_ranges_relative_days_and_what_is_no_meeting():
    result = run("SYNTHETIC. Ghana and Togo held talks in Accra from 15 to 18 July. They agreed a ceasefire from 1 "
                 "August and set a 30 September deadline for a final accord. A truce has held since 2 April.",
                 "2023-07-20")
    assert [(e["date"], e["end_date"]) for e in result["events"] if e["date"]] == [("2023-07-15", "2023-07-18")]
    years_ago = run("SYNTHETIC. Talks between Ghana and Togo opened 20 years ago today.", "2023-05-04")
    assert "2003-05-04" in {e["date"] for e in years_ago["events"]}


def test_a_date_the_nearest_verb_puts_in_the_past_is_held_though_talks_to_come_are_named():
    result = run("SYNTHETIC. Ghana and Togo agreed on 1 May to resume talks on their border.")
    assert [(e["date"], e["status"]) for e in result["events"]] == [("2023-05-01", "held")]
    coming = run("SYNTHETIC. Ghana and Togo agreed to resume talks on their border on 9 May.")
    assert [(e["date"], e["status"]) for e in coming["events"]] == [("2023-05-09", "announced")]


def test_leaders_who_spoke_or_visited_on_a_day_met_that_day():
    result = run("SYNTHETIC. The presidents of Ghana and Togo spoke on Monday. Ghana's minister visited Lomé on 28 April.",
                 "2023-05-03")
    assert {e["date"] for e in result["events"]} == {"2023-05-01", "2023-04-28"}


def test_an_agency_date_line_with_a_short_month_and_what_takes_effect_is_no_meeting():
    result = run("ACCRA, Nov 14 (Agency) - SYNTHETIC. Ghana and Togo agreed a truce on Tuesday after talks that began in "
                 "late October. The truce will take effect on Thursday.", "2022-11-15")
    assert result["reference"] == "dateline" and result["reference_date"] == "2022-11-14"
    assert {e["date"] for e in result["events"] if e["precision"] == "day"} == {"2022-11-08"}


def test_a_call_meets_nowhere_and_a_leaders_administration_stands_for_the_state():
    call = run("SYNTHETIC. Foreign Minister Ana Ruiz of Chile spoke today with Peru about the talks Bolivia hosts in La "
               "Paz.")
    assert [(e["type"], e["venue_city"]) for e in call["events"]] == [("call", None)]
    result = run("SYNTHETIC. Ghana and Togo met on 3 May. President Ana Ruiz of Benin mediated, and the Ruiz "
                 "administration hosted the talks.")
    administration = next(m for m in result["mentions"] if m["alias"] == "Ruiz administration")
    assert administration["actor"] == "benin" and ("Benin", "host") in roles(result)


def test_a_weekday_takes_the_tense_of_its_own_clause_and_a_quote_its_speakers_day():
    result = run("SYNTHETIC. Talks between Ghana and Togo will resume on Friday after they were suspended on Monday "
                 "in protest.", "2023-05-03")  # a Wednesday
    assert {e["date"] for e in result["events"]} >= {"2023-05-05", "2023-05-01"}
    quoted = run('SYNTHETIC. "Ghana and Togo will meet tomorrow," the envoy said on Monday.', "2023-05-03")
    assert "2023-05-02" in {e["date"] for e in quoted["events"]}


def test_reports_of_one_meeting_with_and_without_a_day_merge_and_bare_history_is_dropped():
    result = run("Ghana and Togo to meet in Zambia\n\nSYNTHETIC. Talks between Ghana and Togo are planned to start on "
                 "Tuesday 9 May. The talks will be held in Zambia the day after tomorrow, the minister said. The two "
                 "sides fell out 21 months ago.", "2023-05-07")
    assert [(e["date"], e["venue_country"]) for e in result["events"]] == [("2023-05-09", "Zambia")]


def test_one_signing_reported_in_several_sentences_is_one_event_and_the_old_accord_background():
    text = ("Ghana and Togo sign fisheries accord\n\nACCRA, 14 June 2022 — SYNTHETIC. Ghana and Togo signed a "
            "fisheries agreement on Tuesday at a ceremony in the Ghanaian capital.\n\nThe agreement was signed by "
            "Ghanaian Foreign Minister Kofi Mensah and Togolese Foreign Minister Ama Dossou, whose government had asked "
            "for the talks. It builds on the 2009 Lomé accord, which both sides signed but never applied.\n\nThe signing "
            "was witnessed by Senegal. The two ministers signed the document after three days of talks.")
    result = run(text, None)
    current = [e for e in result["events"] if not e["background"]]
    assert len(current) == 1 and current[0]["type"] == "agreement_signed" and current[0]["date"] == "2022-06-14"
    assert len(current[0]["also_evidence"]) >= 2 and ("Senegal", "witness") in roles(result)
    assert [e["date"] for e in result["events"] if e["background"]] == ["2009"]
    rows = event_rows(result, "ghana-togo")
    assert rows["accept"].sum() == 1  # one proposal ticked: the signing the article reports
