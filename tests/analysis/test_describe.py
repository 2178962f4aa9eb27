"""The readable columns added to the events on screen."""

import pandas as pd

from dashboard.analysis.describe import describe_events


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns).astype("str")


EVENT_ACTORS = frame([
    ("e1", "russia", "party", "Russia"), ("e1", "ukraine", "party", "Ukraine"),
    ("e1", "turkiye", "host", "Türkiye"), ("e1", "turkiye", "mediator", "Türkiye"),
    ("e1", "qatar", "facilitator", "Qatar"), ("e2", "israel", "party", "Israel"),
    ("e3", "usa", "observer", "United States"),
], ["event_id", "actor_id", "role", "name"])
CITATIONS = frame([
    ("c1", "event", "e1", "s1", "First article"), ("c2", "event", "e1", "s1", "First article"),
    ("c3", "event", "e1", "s2", "Second article"), ("c4", "position", "e2", "s3", "Not an event's source"),
], ["citation_id", "record_type", "record_id", "source_id", "source_title"])


def test_actors_by_role_in_the_order_written_and_third_parties_by_name():
    events = frame([("e1",), ("e2",), ("e4",)], ["event_id"])
    described = describe_events(events, EVENT_ACTORS, CITATIONS).set_index("event_id")
    assert described.loc["e1", "parties"] == "Russia, Ukraine"
    assert described.loc["e1", "hosts"] == "Türkiye" and described.loc["e1", "mediators"] == "Türkiye"
    assert described.loc["e1", "third_parties"] == "Qatar (facilitator); Türkiye (host, mediator)"
    assert described.loc["e2", "parties"] == "Israel" and described.loc["e2", "third_parties"] == ""
    assert (described.loc["e4", ["parties", "mediators", "third_parties", "sources"]] == "").all()


def test_sources_name_each_citing_article_once_and_only_for_events():
    events = frame([("e1",), ("e2",)], ["event_id"])
    described = describe_events(events, EVENT_ACTORS, CITATIONS).set_index("event_id")
    assert described.loc["e1", "sources"] == "First article; Second article"
    assert described.loc["e2", "sources"] == ""


def test_only_the_events_given_are_described_and_the_input_is_left_alone():
    events = frame([("e2",)], ["event_id"])
    described = describe_events(events, EVENT_ACTORS)
    assert list(described["event_id"]) == ["e2"] and "sources" not in described
    assert list(events.columns) == ["event_id"]
