"""The network and the venue map draw from the data alone: escaped labels, coastlines shipped, nothing fetched."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.analysis.network import third_party_links, venue_rounds
from dashboard.dataset.loader import load_dataset
from dashboard.extract.gazetteer import gazetteer
from dashboard.outputs.network_figures import coastline, mediators_figure, venue_map_figure

HOSTILE = '<img src=x onerror=alert(1)>'


def test_the_network_links_each_process_to_its_third_parties_with_escaped_names():
    ds = load_dataset()
    links = third_party_links(ds["events"], ds.event_actors)
    links.loc[links["actor_id"].eq("saudi-arabia"), "name"] = HOSTILE
    fig = mediators_figure(links, ds.process_names)
    actors = next(t for t in fig.data if t.name == "mediator, host or facilitator")
    assert "Türkiye" in actors.text and HOSTILE not in json.dumps(fig.to_plotly_json(), ensure_ascii=False)
    assert "&lt;img src=x onerror=alert(1)&gt;" in actors.text
    processes = next(t for t in fig.data if t.name == "process")
    assert set(processes.text) == {ds.process_names[p] for p in links["process_id"]}
    segments = sum(sum(1 for x in t.x if x is None) for t in fig.data if t.mode == "lines")
    assert segments == len(links)  # one line per link


def test_the_venue_map_places_venues_with_the_gazetteer_over_shipped_coastlines():
    ds = load_dataset()
    venues = venue_rounds(ds["events"])
    gaz = gazetteer()
    codes = dict(zip(ds["actors"]["name"], ds["actors"]["country_code"]))  # "Türkiye" -> TUR, from the registry
    places = [gaz.locate(c, k, codes.get(k, "")) for c, k in zip(venues["venue_city"], venues["venue_country"])]
    venues = venues.assign(latitude=[p.latitude for p in places], longitude=[p.longitude for p in places])
    fig = venue_map_figure(venues, ds.process_names)
    coast, points = fig.data
    assert len(coast.x) == len(coastline()[0]) > 5000
    istanbul = list(points.text).index("Istanbul")
    assert abs(points.y[istanbul] - 41.0) < 0.2 and abs(points.x[istanbul] - 28.9) < 0.2
    spec = json.dumps(fig.to_plotly_json())
    assert "geo" not in fig.layout.to_plotly_json() and "topojson" not in spec  # no plotly geo map, nothing to fetch
    assert not any(t.type in ("scattergeo", "choropleth", "scattermap", "scattermapbox") for t in fig.data)


def test_an_unplaced_venue_is_not_drawn():
    venues = pd.DataFrame({"venue_city": ["Nowhere"], "venue_country": ["Atlantis"], "rounds": [1], "events": [1],
                           "processes": ["p"], "latitude": [None], "longitude": [None]})
    assert len(venue_map_figure(venues, {}).data) == 1  # the coastlines only
    assert gazetteer().locate("Nowhere", "Atlantis") is None
