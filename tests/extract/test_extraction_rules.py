"""The extraction rules on text the assistant was not tuned on.

Every article here is SYNTHETIC test input, written for these tests and marked
as such; none of it is data and none of it is shipped in data/ or seeds/.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.dataset.articles import find_quote, normalise_with_offsets
from dashboard.extract import extract_article, reference_date
from dashboard.extract.temporal import find_dates

ACTORS = pd.DataFrame([
    # a synthetic registry for synthetic articles
    ("armenia", "Armenia", "state", "Yerevan; Armenian", "", ""),
    ("azerbaijan", "Azerbaijan", "state", "Baku; Azerbaijani", "", ""),
    ("qatar", "Qatar", "state", "Qatari", "", ""),
    ("norway", "Norway", "state", "Oslo; Norwegian", "", ""),
    ("osce", "OSCE", "international_organisation", "", "", ""),
    ("ann-vale", "Ann Vale", "person", "Vale", "armenia", "Foreign Minister"),
], columns=["actor_id", "name", "kind", "aliases", "affiliation", "title"])


def run(text, published="2024-03-04"):
    return extract_article(text, ACTORS, dt.date.fromisoformat(published) if published else None)


def test_dates_are_resolved_against_the_publication_date():
    found = {d.text: (d.date, d.precision) for d in find_dates(
        "They meet next Thursday, then on 3 June and on April 9, 2025; talks began in 2019 and in March 2023.",
        dt.date(2024, 3, 4))}
    assert found["next Thursday"] == ("2024-03-07", "day")
    assert found["3 June"] == ("2024-06-03", "day")
    assert found["April 9, 2025"] == ("2025-04-09", "day")
    assert found["2019"] == ("2019", "year")
    assert found["March 2023"] == ("2023-03", "month")


def test_year_less_date_takes_the_nearest_year_and_stays_yearless_without_a_reference():
    assert find_dates("on 20 December", dt.date(2024, 1, 10))[0].date == "2023-12-20"
    assert find_dates("on 20 December", None)[0].date == "--12-20"
    # a weekday counted from "now" with no "now" to count from: the words are kept (a curator sees them), no day
    assert [(m.text, m.date) for m in find_dates("next Thursday", None)] == [("next Thursday", None)]


@pytest.mark.parametrize("text, expected", [
    ("A new round will open on 21 November.", "2024-11-21"),  # the future: the coming one, though May is nearer
    ("The accord was signed on 21 November.", "2023-11-21"),  # the past: the last one
    ("The round closed on 20 September.", "2023-09-20"),  # the past, though the coming one is nearer
    ("Talks on 21 November.", "2023-11-21"),  # no tense: the nearest
    ("They will meet again on 8 May.", "2024-05-08"),  # a day just before the reference stays in its year
])
def test_a_year_less_day_takes_its_year_from_the_tense_of_its_clause(text, expected):
    assert find_dates(text, dt.date(2024, 5, 10))[0].date == expected


@pytest.mark.parametrize("text", ["The next round is scheduled for mid-March.", "They will meet in late-March.",
                                  "They will meet in early March."])
def test_part_of_a_month_is_that_month(text):
    assert [(m.date, m.precision) for m in find_dates(text, dt.date(2024, 2, 20))] == [("2024-03", "month")]


def test_modal_may_is_not_a_date():
    assert find_dates("Delegations may meet again.", dt.date(2024, 3, 4)) == []


def test_event_with_date_venue_parties_and_mediator():
    result = run("SYNTHETIC. Armenia and Azerbaijan will hold talks in Muscat on 12 March, mediated by Qatar.")
    (event,) = result["events"]
    assert (event["date"], event["precision"], event["status"]) == ("2024-03-12", "day", "announced")
    assert event["venue_city"] == "Muscat"
    assert event["parties"] == ["armenia", "azerbaijan"]
    assert event["mediators"] == ["qatar"]


def test_postponed_and_hosted_rounds():
    result = run("SYNTHETIC. The round between Armenian and Azerbaijani delegations in Oslo was postponed to "
                 "20 April. Norway, which hosted the previous round, said it was ready to host again.")
    statuses = {e["status"] for e in result["events"]}
    assert "postponed" in statuses
    hosts = {t["actor"] for e in result["events"] for t in e["third_parties"] if t["role"] == "host"}
    assert "norway" in hosts


def test_facilitator_and_capital_as_metonym():
    result = run("SYNTHETIC. Talks facilitated by the OSCE resumed in Vienna on 2 February, Baku said.")
    event = result["events"][0]
    assert event["mediators"] == ["osce"] and event["venue_city"] == "Vienna"
    assert "azerbaijan" in {m["actor"] for m in result["mentions"]}  # Baku stands for Azerbaijan


def test_red_line_and_quote_attribution():
    text = ('SYNTHETIC. "We will never give up a metre of our land," Vale said on Monday. '
            "Azerbaijan welcomed the proposal on the border.")
    result = run(text)
    red = [p for p in result["positions"] if p["red_line"]]
    assert len(red) == 1
    assert red[0]["actor"] == "armenia" and red[0]["speaker"] == "ann-vale"
    assert red[0]["issue"] == "territory" and red[0]["stance"] == "rejects"
    welcomed = [p for p in result["positions"] if p["actor"] == "azerbaijan"]
    assert welcomed and not welcomed[0]["red_line"] and welcomed[0]["stance"] == "accepts"


@pytest.mark.parametrize("text, stance", [
    ('SYNTHETIC. "Any change to the border is unacceptable," Vale said on Monday.', "rejects"),
    ("SYNTHETIC. Vale said on Monday the status of the border was not up for negotiation.", "rejects"),
    ("SYNTHETIC. Vale said on Monday that a withdrawal from the border was a precondition for any settlement.",
     "demands"),
])
def test_categorical_words_alone_state_a_red_line(text, stance):
    [position] = run(text)["positions"]
    assert position["actor"] == "armenia" and position["red_line"] and position["stance"] == stance


def test_pronoun_takes_the_last_named_speaker():
    result = run("SYNTHETIC. Foreign Minister Ann Vale spoke to reporters. She insisted that the border must be "
                 "respected.")
    (position,) = [p for p in result["positions"] if p["issue"] == "territory"]
    assert position["speaker"] == "ann-vale" and position["red_line"]


def test_double_negative_is_not_a_red_line():
    result = run("SYNTHETIC. Azerbaijan has never refused dialogue.")
    assert not any(p["red_line"] for p in result["positions"])


def test_unknown_titled_name_is_proposed_as_a_new_actor():
    result = run("SYNTHETIC. Special Envoy Maria Lund met Armenian officials in Yerevan on 1 March.")
    assert [a["name"] for a in result["new_actors"]] == ["Maria Lund"]
    assert result["new_actors"][0]["title"] == "Special Envoy"


def test_possessives_and_demonyms_are_matched_with_their_alias():
    result = run("SYNTHETIC. Armenia’s delegation and Azerbaijani officials met Norway's envoy.")
    aliases = {m["alias"]: m["actor"] for m in result["mentions"]}
    assert aliases == {"Armenia": "armenia", "Azerbaijani": "azerbaijan", "Norway": "norway"}  # the name, not "’s"


def test_dateline_sets_what_today_means():
    text = "SYNTHETIC STATEMENT\n\nMarch 1, 2024\n\nToday the parties signed a ceasefire in Muscat."
    assert reference_date(text, dt.date(2024, 3, 5)) == (dt.date(2024, 3, 1), "dateline")
    (event,) = extract_article(text, ACTORS, dt.date(2024, 3, 5))["events"]
    assert event["date"] == "2024-03-01" and event["type"] == "agreement_signed"


@pytest.mark.parametrize("text", [
    "SYNTHETIC. Armenia and  Azerbaijan\nmet in Muscat on 3 May. “We will not yield,” Vale said.",
    "SYNTHETIC.\u00a0Qatar’s envoy said talks in Muscat on 9 May would go ahead; Baku insisted on its borders.",
])
def test_offsets_point_at_the_exact_text_and_quotes_pass_the_loader_check(text):
    result = run(text)
    normalised = normalise_with_offsets(text)
    for p in result["positions"]:
        assert text[p["start"]:p["end"]] == p["quote"] and find_quote(normalised, p["quote"])
    for e in result["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        if "date_text" in ev:
            assert text[ev["date_start"]:ev["date_end"]] == ev["date_text"]
    for m in result["mentions"]:
        assert text[m["start"]:m["end"]] == m["alias"]


def test_countries_missing_from_the_registry_are_proposed_with_their_iso_code():
    registry = ACTORS[ACTORS["actor_id"].isin(["qatar"])].assign(country_code="QAT")
    result = extract_article("SYNTHETIC. Talks between Serbia and Montenegro resumed in Vienna on 5 May; Moldova "
                             "will never accept the plan, its president said.", registry, dt.date(2024, 5, 6))
    new = {a["actor_id"]: a for a in result["new_actors"]}
    assert new["serbia"]["country_code"] == "SRB" and new["serbia"]["kind"] == "state"
    assert result["events"][0]["parties"] == ["serbia", "montenegro"]
    assert any(p["actor"] == "moldova" and p["red_line"] for p in result["positions"])
    assert "qatar" not in new  # the registry's own actors are never proposed again
