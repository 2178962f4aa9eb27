"""The Mediators-and-venues view: the network, the map from the gazetteer, and their tables."""

from __future__ import annotations

import json

from test_view_pages import chart_spec, text_of

from dashboard.ui.safe_text import md

PAGE = "views/mediators.py"


def test_network_and_map_show_the_bundled_third_parties_and_venues(app):
    at = app(page=PAGE)
    assert not at.exception, [e.value for e in at.exception]
    network, venue_map = (json.loads(chart_spec(at, i)) for i in range(2))
    actors = next(t for t in network["data"] if t.get("name") == "mediator, host or facilitator")
    assert {"Türkiye", "United Nations", "African Union", "Saudi Arabia"} <= set(actors["text"])
    points = next(t for t in venue_map["data"] if t.get("name") == "venue")
    assert set(points["text"]) == {"Istanbul", "Jeddah", "Pretoria"}
    assert "geo" not in venue_map["layout"]
    body = text_of(at)
    assert md("Istanbul (2)") in body and "Not on the map" not in body
    tables = [df.value for df in at.dataframe]
    assert any("Türkiye" in set(t.get("name", [])) for t in tables)


def test_a_venue_the_gazetteer_does_not_know_is_listed_not_placed(app, folder):
    folder.set("events", "event_id", "ru-ua-2025-03-jeddah-meeting", venue_city="Nowhere-on-Sea",
               venue_country="Atlantis")
    at = app(folder, page=PAGE)
    assert not at.exception
    assert md("Nowhere-on-Sea, Atlantis") in text_of(at)
    points = next(t for t in json.loads(chart_spec(at, 1))["data"] if t.get("name") == "venue")
    assert "Nowhere-on-Sea" not in points["text"]


def test_the_process_filter_applies(app):
    at = app(query={"process": "AU-led Ethiopia–TPLF peace talks"}, page=PAGE)
    network = json.loads(chart_spec(at, 0))
    actors = next(t for t in network["data"] if t.get("name") == "mediator, host or facilitator")
    assert "Türkiye" not in actors["text"] and "African Union" in actors["text"]
