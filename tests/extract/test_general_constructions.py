"""The rule families of the generalisation pass (issue 20, held-out half), each on invented text: a body named by any
role noun of the table, the sides and go-betweens an article names outside the sentences of its dated events, and
the fallbacks that find sides where no explicit construction names them. Names are invented (Veldia, Orvania, Port
Amar) or real countries from the gazetteer."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.extract import extract_article

EMPTY = pd.DataFrame(columns=["actor_id", "name", "kind", "aliases", "affiliation", "title", "country_code"])


def run(text: str, published: str | None = "2023-05-04") -> dict:
    return extract_article(text, EMPTY, dt.date.fromisoformat(published) if published else None)


def roles(result: dict) -> set[tuple[str, str]]:
    names = {a["actor_id"]: a["name"] for a in result["new_actors"]}
    return {(names.get(t["actor"], t["actor"]), t["role"]) for e in result["events"] for t in e["third_parties"]}


def sides(result: dict) -> set[str]:
    names = {a["actor_id"]: a["name"] for a in result["new_actors"]}
    return {names.get(p, p) for e in result["events"] for p in e["parties"]}


@pytest.mark.parametrize("text, body, role", [
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Co-Chairs of the Port Amar Talks welcomed the progress.",
     "Co-Chairs of the Port Amar Talks", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Guarantors of the Veldia Accord attended the round.",
     "Guarantors of the Veldia Accord", "guarantor"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Co-Facilitators of the Orvania Dialogue opened the session.",
     "Co-Facilitators of the Orvania Dialogue", "facilitator"),
])
def test_a_body_named_by_any_role_noun_of_the_table_takes_that_role(text, body, role):
    result = run(text)
    assert (body, role) in roles(result)
    assert sides(result) == {"Ghana", "Togo"}


def test_an_article_with_no_day_and_no_place_still_proposes_its_talks_sides_and_go_betweens():
    result = run("SYNTHETIC. Talks between Ghana and Togo, mediated by Senegal, continue without a breakthrough.",
                 None)
    assert sides(result) == {"Ghana", "Togo"} and ("Senegal", "mediator") in roles(result)
    assert len(result["events"]) == 1 and result["events"][0]["date"] is None


@pytest.mark.parametrize("text, actor, role", [
    # a passive whose agent stands a few words after the participle
    ("SYNTHETIC. Ghana and Togo signed the accord on 3 May. The accord was brokered last year by Senegal.", "Senegal",
     "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May in talks hosted this year by Austria.", "Austria",
     "host"),
    # an organisation's envoy mediates; an intermediary is a go-between
    ("SYNTHETIC. Ghana and Togo met on 3 May. The AU special envoy said the talks went well.", "African Union",
     "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May, with Senegal as intermediary.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal, a trusted go-between, carried messages during the talks.", "Senegal",
     "mediator"),
    # a role played in the talks, shuttle diplomacy, the talks' host, a ceremony presided over, a team led by a person
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal has played a key role in the negotiations.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo signed the accord on 3 May. The deal was the result of Senegalese shuttle diplomacy.", "Senegal",
     "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal, the talks' host, said progress was made.", "Senegal", "host"),
    ("SYNTHETIC. Ghana and Togo signed the accord on 3 May at a ceremony presided over by Senegal.", "Senegal", "host"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The mediation team, led by former Senegalese President Awa Diop, was "
     "hopeful.", "Awa Diop", "mediator"),
    # names joined by hyphens share the compound; "helped arrange the talks"
    ("SYNTHETIC. Ghana and Togo agreed on 3 May to a Senegalese-Malian-Nigerien mediated truce.", "Mali", "mediator"),
    ("SYNTHETIC. Ghana and Togo agreed on 3 May to a Senegalese- and Malian-brokered truce.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo met in Dakar on 3 May. Senegal helped arrange the talks.", "Senegal", "facilitator"),
])
def test_go_betweens_in_the_general_constructions(text, actor, role):
    result = run(text)
    assert (actor, role) in roles(result)
    assert actor not in sides(result)


def test_a_passive_agent_is_not_read_across_another_name():
    result = run("SYNTHETIC. The talks mediated by Senegal on 3 May were attended by Ghana and Togo.")
    assert ("Ghana", "mediator") not in roles(result) and ("Senegal", "mediator") in roles(result)


def test_a_states_envoy_is_no_go_between_by_that_word_alone():
    result = run("SYNTHETIC. Ghana and Togo met on 3 May. The Ghanaian envoy said the talks went well.")
    assert not roles(result)


@pytest.mark.parametrize("text, expected", [
    ("SYNTHETIC. Talks among Ghana, Togo and Benin opened on 3 May.", {"Ghana", "Togo", "Benin"}),
    ("SYNTHETIC. On 3 May Senegal brought together Ghana and Togo for a first round.", {"Ghana", "Togo"}),
    ("SYNTHETIC. On 3 May Senegal brought together delegations of Ghana and Togo.", {"Ghana", "Togo"}),
    ("SYNTHETIC. Ghana and Togo clinched a deal on 3 May.", {"Ghana", "Togo"}),
    ("SYNTHETIC. Ghana and Togo sealed the accord on 3 May.", {"Ghana", "Togo"}),
    ("SYNTHETIC. The Ghanaian and Togolese delegations met on 3 May.", {"Ghana", "Togo"}),
])
def test_sides_in_the_general_constructions(text, expected):
    assert sides(run(text)) == expected


def test_one_name_as_the_subject_of_a_side_verb_is_a_side_where_fewer_than_two_are_named_firmly():
    result = run("SYNTHETIC. Ghana signed the ceasefire on 3 May. Talks with Togo resumed in Port Amar on 5 May.")
    assert sides(result) == {"Ghana", "Togo"}
    firm = run("SYNTHETIC. Talks between Ghana and Togo resumed on 3 May. Benin agreed the talks should go on.")
    assert sides(firm) == {"Ghana", "Togo"}  # a loose reading yields to two firm sides
    helper = run("SYNTHETIC. Talks with Ghana on 3 May were mediated by Senegal. Senegal met the delegations.")
    assert "Senegal" not in sides(helper)  # a go-between anywhere is no loose side


@pytest.mark.parametrize("text, actor, role", [
    # the observer's act is a noun of the role table: every nominal construction of the table reads it
    ("SYNTHETIC. Ghana and Togo met on 3 May, with the observer status of Senegal confirmed.", "Senegal", "observer"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal's observer role was welcomed by both.", "Senegal", "observer"),
    ("SYNTHETIC. Ghana and Togo met on 3 May under the observer mission of Senegal.", "Senegal", "observer"),
    # an offer of services is read by the verb it leads to
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal offered its services to organise the talks.", "Senegal",
     "facilitator"),
])
def test_roles_read_by_the_tables_general_rows(text, actor, role):
    result = run(text)
    assert (actor, role) in roles(result) and actor not in sides(result)


def test_a_third_states_proposal_to_end_the_war_makes_it_a_go_between():
    # kept by the audit: seen in a corpus article and a seed article of two different processes
    result = run("SYNTHETIC. Ghana and Togo met on 3 May to discuss Senegal's proposal to end the war.")
    assert ("Senegal", "mediator") in roles(result) and sides(result) == {"Ghana", "Togo"}


def test_a_lone_subject_of_a_side_verb_does_not_bar_the_states_named_near_the_talks():
    result = run("SYNTHETIC. On 3 May the first ship left under the deal. Ghana must meet its obligations under the "
                 "deal, and Togo must keep its ports open under the deal.")
    assert {"Ghana", "Togo"} <= sides(result)


@pytest.mark.parametrize("text, actor, role", [
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal is the main mediator of the talks.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Austria has been a guarantor of the process since 2016.", "Austria",
     "guarantor"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The AU's special envoy said the talks went well.", "African Union",
     "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Dakar hosted the talks.", "Senegal", "host"),
])
def test_copulas_an_organisations_envoy_and_a_capital_that_hosts(text, actor, role):
    result = run(text)
    assert (actor, role) in roles(result) and actor not in sides(result)


def test_a_copula_denied_gives_no_role():
    result = run("SYNTHETIC. Ghana and Togo met on 3 May. Senegal is not the mediator of the talks.")
    assert ("Senegal", "mediator") not in roles(result)


def test_agents_from_a_state_take_its_role():
    result = run("SYNTHETIC. Ghana and Togo met on 3 May, with mediators from Senegal and Gabon present.")
    assert {("Senegal", "mediator"), ("Gabon", "mediator")} <= roles(result) and sides(result) == {"Ghana", "Togo"}


@pytest.mark.parametrize("text", [
    "SYNTHETIC. Talks with Togo resumed on 3 May. Ghana's chief negotiator said the gap had narrowed.",
    "SYNTHETIC. Talks with Togo resumed on 3 May. Chief Negotiator Jana Roe of Ghana said the gap had narrowed.",
])
def test_a_sides_negotiator_names_that_side(text):
    assert sides(run(text)) == {"Ghana", "Togo"}


def test_a_deal_reached_by_two_sides_names_them_and_one_welcomed_by_a_third_does_not():
    assert sides(run("SYNTHETIC. The deal reached on 3 May by Ghana and Togo was welcomed.")) == {"Ghana", "Togo"}
    result = run("SYNTHETIC. Talks between Ghana and Togo ended on 3 May; the deal reached there was welcomed by Norway.")
    assert sides(result) == {"Ghana", "Togo"}


def test_monitors_are_observers():
    result = run("SYNTHETIC. Ghana and Togo agreed a truce on 3 May, to be monitored by the African Union.")
    assert ("African Union", "observer") in roles(result)


@pytest.mark.parametrize("text", [
    "SYNTHETIC. PORT AMAR, May 3 (Agency) - Ghana said on Wednesday it would resume talks with Togo next week.",
    "SYNTHETIC. PORT AMAR, May 3 (Agency) - Ghana's president hosted his Togolese counterpart on Wednesday for talks.",
    "SYNTHETIC. Togo's foreign minister arrived on 3 May for talks with his Ghanaian counterpart.",
])
def test_a_side_that_speaks_of_itself_or_meets_its_counterpart(text):
    assert sides(run(text)) == {"Ghana", "Togo"}


@pytest.mark.parametrize("text", [
    "SYNTHETIC. Talks resumed. Ghana's foreign minister Kofi Mensah and his Togolese counterpart Ama Dogbe met in "
    "Lome on 3 May.",
    "SYNTHETIC. Talks resumed. Ghanaian foreign minister Kofi Mensah held talks with his Togolese counterpart Ama "
    "Dogbe on 3 May.",
])
def test_people_named_after_a_title_in_lower_case_stand_for_their_states(text):
    result = run(text)
    assert sides(result) == {"Ghana", "Togo"}
    people = {a["name"]: a["affiliation"] for a in result["new_actors"] if a["kind"] == "person"}
    assert people == {"Kofi Mensah": "ghana", "Ama Dogbe": "togo"}


def test_a_commentator_that_says_others_will_meet_is_no_side():
    result = run("SYNTHETIC. Talks between Ghana and Togo resume on 3 May. Norway said they would meet in Port Amar.")
    assert sides(result) == {"Ghana", "Togo"}


@pytest.mark.parametrize("text, actor, role", [
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal's good offices were decisive.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Gabon and Senegal, the witnesses, stood by.", "Senegal", "witness"),
])
def test_a_sentence_with_a_role_word_alone_is_read_as_one_about_the_talks(text, actor, role):
    assert (actor, role) in roles(run(text))


@pytest.mark.parametrize("text, expected", [
    # no side named as one: the states named near the talks, a demonym only where it names the state's body
    ("SYNTHETIC. The talks resumed on 3 May. Ghanaian officials and Togolese leaders attended the talks.", {"Ghana", "Togo"}),
    ("SYNTHETIC. The talks resumed on 3 May. Ghanaian and Togolese hostages were discussed.", set()),
    ("SYNTHETIC. The talks resumed on 3 May. Ghanaian hostages were discussed, and the Togolese economy.", set()),
    ("SYNTHETIC. The Ghanaian political dialogue resumed on 3 May.", set()),
])
def test_a_demonym_names_a_side_only_before_a_body_or_office_of_its_state(text, expected):
    assert sides(run(text)) == expected


# --- Families kept by the audit that had no test of their own on invented text -------------------------------------

@pytest.mark.parametrize("text, actor, role", [
    ("SYNTHETIC. Ghana and Togo met on 3 May in talks led by Senegal.", "Senegal", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May with the support of Senegal.", "Senegal", "facilitator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. Senegal's mediators shuttled between the delegations.", "Senegal",
     "mediator"),
])
def test_talks_led_by_the_support_of_and_a_states_mediators(text, actor, role):
    result = run(text)
    assert (actor, role) in roles(result) and actor not in sides(result)


@pytest.mark.parametrize("text, expected", [
    ("SYNTHETIC. Talks with Togo resumed on 3 May. Ghana's commitment to the accord was reaffirmed.", {"Ghana", "Togo"}),
    ("SYNTHETIC. The accord was signed on 3 May on behalf of Ghana and on behalf of Togo.", {"Ghana", "Togo"}),
    ("SYNTHETIC. Talks between Ghana and Togo resumed on 3 May; the two countries sponsoring the talks, Gabon and "
     "Senegal, attended.", {"Ghana", "Togo"}),
])
def test_commitment_behalf_and_the_sponsors_who_are_no_sides(text, expected):
    assert sides(run(text)) == expected


def test_a_transcripts_head_names_its_issuer_and_a_byline_its_speaker():
    text = ("SYNTHETIC.\nJana Roe, Assistant Secretary for East Asian Affairs\nGhana Remarks on the Talks\n\nMay 3, 2023\n\n"
            "We have never refused dialogue with Togo, and we met Togo today.")
    result = run(text)
    people = {a["name"] for a in result["new_actors"] if a["kind"] == "person"}
    assert "Jana Roe" in people and not any("Asian" in p for p in people)  # a region's adjective is no name
    assert {"Ghana", "Togo"} <= sides(result)  # the head's issuer is the "we"


def test_a_leaders_administration_stands_for_the_state_and_an_envoys_brief_is_no_side():
    registry = pd.DataFrame([("jana-roe", "Jana Roe", "person", "Roe", "ghana", "President", ""),
                             ("ghana", "Ghana", "state", "", "", "", "GHA")], columns=EMPTY.columns)
    result = extract_article("SYNTHETIC. The Roe administration and Togo signed the accord on 3 May.", registry,
                             dt.date(2023, 5, 4))
    assert {p for e in result["events"] for p in e["parties"]} == {"ghana", "togo"}
    brief = run("SYNTHETIC. The talks resumed on 3 May. The Special Envoy for Benin, Ana Ruiz, attended; Ghana and "
                "Togo met.")
    assert "Benin" not in sides(brief)


@pytest.mark.parametrize("text", [
    "SYNTHETIC. Delegations of Ghana and Togo met in Accra on 3 May to discuss a ceasefire in Lome.",
    "SYNTHETIC. Delegations of Ghana and Togo met in Accra on 3 May on ending the war in Lome.",
])
def test_a_place_the_talks_are_about_is_no_venue(text):
    assert {e["venue_city"] for e in run(text)["events"]} == {"Accra"}


def test_a_go_between_meeting_one_side_is_no_side_but_a_calls_two_ends_are():
    met = run("SYNTHETIC. Senegal's envoy met the Ghanaian delegation in Dakar on 3 May. Senegal is mediating between "
              "Ghana and Togo.")
    assert sides(met) == {"Ghana", "Togo"} and ("Senegal", "mediator") in roles(met)
    call = run("SYNTHETIC. Ghana's president spoke by phone with Senegal's president on 3 May and thanked Senegal for "
               "hosting the talks between Ghana and Togo.")
    assert {"Ghana", "Senegal"} <= sides(call)


@pytest.mark.parametrize("text, venue", [
    ("SYNTHETIC. Senegal's minister held talks with Ghanaian and Togolese officials in Dakar on 3 May.", "Dakar"),
    ("SYNTHETIC. Ghana and Togo will meet on 3 May, officials in Dakar said.", None),  # a seat, no venue
])
def test_the_officials_a_meeting_was_held_with_are_met_where_they_are(text, venue):
    assert {e["venue_city"] for e in run(text)["events"]} == {venue}


def test_the_subject_of_a_long_predicate_about_talks_with_b_is_a_side():
    result = run("SYNTHETIC. Ghana's president said on Saturday that Accra would not cede territory in any peace talks "
                 "with Togo.")
    assert sides(result) == {"Ghana", "Togo"}


@pytest.mark.parametrize("text, side", [
    ("SYNTHETIC. Talks on 3 May between the government of Ghana and al-Kessan stalled.", "al-Kessan"),
    ("SYNTHETIC. Ghana and Marrabun agreed to a truce on 3 May.", "Marrabun"),
    ("SYNTHETIC. The army of Ghana and the KSF signed the accord in Accra on 3 May.", "KSF"),
    ("SYNTHETIC. Representatives of the Vedani and the Ghanaian government met in Accra on 3 May.", "Vedani"),
    ("SYNTHETIC. The Marrabis and the Ghanaian government agreed to a truce on 3 May.", "Marrabis"),
    ("SYNTHETIC. The accord was signed on 3 May between Togo and the ACF/K12.", "ACF/K12"),
])
def test_a_name_no_list_knows_is_a_side_where_a_sides_construction_holds_it(text, side):
    assert side in sides(run(text))


def test_a_capital_after_talks_with_stands_for_its_state():
    result = run("SYNTHETIC. The Marrabis said on 3 May that they would resume talks with Accra.")
    assert "Ghana" in sides(result)


def test_an_actor_inside_an_aside_does_not_stop_the_subject_taking_its_role():
    result = run("SYNTHETIC. Ghana and Togo signed the accord in Accra on 3 May. Senegal, which has hosted Togo's liaison "
                 "office since 2013, facilitated the negotiations.")
    assert ("Senegal", "facilitator") in roles(result) and ("Togo", "facilitator") not in roles(result)


def test_a_sides_own_envoy_and_witness_do_not_make_it_a_go_between():
    result = run("SYNTHETIC. Ghana and Togo signed the accord in Accra on 3 May. Ghana's envoy Kofi Mensah and Togo's "
                 "chief negotiator Ama Lawson signed the deal, witnessed by Ghana's foreign minister Yaw Boateng.")
    assert sides(result) == {"Ghana", "Togo"}
    assert not {actor for actor, _ in roles(result)} & {"Ghana", "Kofi Mensah", "Yaw Boateng"}, roles(result)
    # a third state's witness still witnesses
    other = run("SYNTHETIC. Ghana and Togo signed the accord in Accra on 3 May, witnessed by Senegal's foreign minister "
                "Awa Diop.")
    assert ("Senegal", "witness") in roles(other)


def test_a_states_own_body_before_and_keeps_the_list_of_sides_and_chairing_a_mediation_is_mediating():
    result = run("SYNTHETIC. Ghana's army and the paramilitary Marrabun Front resumed talks in Accra on 3 May. Senegal's "
                 "President Macky Ndiaye, who chairs a regional mediation committee, welcomed the resumption. Benin's "
                 "foreign minister also welcomed it.")
    assert sides(result) == {"Ghana", "Marrabun Front"}  # two sides named firmly: Benin, merely named, is none
    assert ("Senegal", "mediator") in roles(result)


def test_a_truce_signed_in_a_city_was_signed_there():
    assert {e["venue_city"] for e in run("SYNTHETIC. Ghana and Togo signed a six-month ceasefire in Dakar on 3 May.")
            ["events"]} == {"Dakar"}


def test_a_passive_reaches_every_titled_person_of_its_list_and_a_former_office_is_no_longer_acted_for():
    result = run("SYNTHETIC. Ghana and Togo opened talks in Accra on 3 May. The talks are being facilitated by former "
                 "Beninese President Kofi Mensah, former Nigerien President Ama Lawson and former Malian deputy president "
                 "Awa Diop.")
    assert roles(result) == {("Kofi Mensah", "facilitator"), ("Ama Lawson", "facilitator"), ("Awa Diop", "facilitator")}
    serving = run("SYNTHETIC. Ghana and Togo opened talks in Accra on 3 May. The talks are being facilitated by "
                  "Beninese President Kofi Mensah.")
    assert ("Benin", "facilitator") in roles(serving)


def test_the_day_a_war_broke_out_is_no_round_of_talks():
    result = run("SYNTHETIC. Ghana and Togo opened talks in Accra on 3 May, the first since war broke out two years ago.")
    assert [e["date"] for e in result["events"]] == ["2023-05-03"]


def test_a_date_line_with_its_country_and_agency_places_the_leads_own_signing():
    result = run("ACCRA, Ghana (SYNTHETIC) — Ghana and Togo signed a peace accord on Monday, ending ten years of "
                 "border clashes.", "2023-05-02")  # a long line: the date line is the head of a paragraph
    assert [(e["date"], e["venue_city"]) for e in result["events"]] == [("2023-05-01", "Accra")]


def test_a_ceremony_overseen_by_a_third_party():
    result = run("SYNTHETIC. Ghana and Togo signed the accord on 3 May in a ceremony in Dakar overseen by Senegalese "
                 "President Macky Ndiaye.")
    assert {("Macky Ndiaye", "facilitator"), ("Senegal", "facilitator")} <= roles(result)


def test_a_signing_by_the_sides_ministers_is_the_signing_by_the_sides():
    result = run("SYNTHETIC. Ghana and Togo signed the accord in Dakar on 3 May. It was signed by Ghanaian "
                 "Infrastructure Minister Kofi Mensah and Togolese Energy Minister Ama Lawson.")
    names = {a["actor_id"]: a for a in result["new_actors"]}
    assert {names[a]["affiliation"] for a in names if names[a]["kind"] == "person"} == {"ghana", "togo"}
    assert len(result["events"]) == 1 and sides(result) >= {"Ghana", "Togo"}


def test_a_country_named_without_the_article_of_its_long_name_is_that_country():
    result = run("SYNTHETIC. Delegations of the Democratic Republic of Congo and Rwanda met in Luanda on 3 May.")
    assert sides(result) == {"Democratic Republic of the Congo", "Rwanda"}


def test_a_new_name_that_opened_talks_with_a_side_in_a_countrys_capital():
    result = run("SYNTHETIC. Negotiators for the Ghanaian government and the Marrabun opened peace talks on 3 May in "
                 "Senegal's capital.")
    assert "Marrabun" in sides(result)
    assert [e["venue_city"] for e in result["events"]] == ["Dakar"]
