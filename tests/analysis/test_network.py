"""Who mediates, hosts or facilitates which process, and where rounds met."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis.network import third_party_links, venue_rounds
from dashboard.dataset.loader import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_links_count_the_events_each_third_party_served_in_per_process(ds):
    links = third_party_links(ds["events"], ds.event_actors).set_index(["process_id", "actor_id"])
    assert links.loc[("russia-ukraine", "turkiye"), "events"] == 3  # the 2022 talks, the offer, the 2025 round
    assert links.loc[("russia-ukraine", "turkiye"), "roles"] == "mediator, host, facilitator"
    assert links.loc[("black-sea-grain", "united-nations"), "roles"] == "mediator, facilitator"
    assert ("russia-ukraine", "united-states") not in links.index  # the proposer is a party, not a go-between
    assert set(links.reset_index()["actor_id"]) & {"russia", "ukraine", "israel", "hamas"} == set()


def test_links_follow_the_events_given(ds):
    grain = ds["events"][ds["events"]["process_id"].eq("black-sea-grain")]
    assert set(third_party_links(grain, ds.event_actors)["process_id"]) == {"black-sea-grain"}
    assert third_party_links(grain.iloc[:0], ds.event_actors).empty


def test_venues_count_rounds_that_met_and_every_event_there(ds):
    venues = venue_rounds(ds["events"]).set_index("venue_city")
    assert venues.loc["Istanbul", ["rounds", "events"]].tolist() == [2, 3]  # 2022 (suspended) and 2025 rounds
    assert venues.loc["Jeddah", "rounds"] == 1 and venues.loc["Pretoria", "rounds"] == 0  # a signing is no round
    assert list(venues.index[:1]) == ["Istanbul"]


def test_announced_postponed_and_cancelled_rounds_did_not_meet():
    events = pd.DataFrame({"event_id": list("abcd"), "process_id": "p", "type": "talks_round",
                           "status": ["announced", "postponed", "cancelled", "held"], "venue_city": "Geneva",
                           "venue_country": "Switzerland"})
    assert venue_rounds(events)[["rounds", "events"]].values.tolist() == [[1, 4]]
