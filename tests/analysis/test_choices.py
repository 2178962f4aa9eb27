"""Pickers narrowed by words, in a fixed order, a page at most (the Update-a-status view's event and article)."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis.choices import events_to_update, matching, sources_to_quote
from dashboard.dataset.loader import load_dataset


def test_every_word_must_match_in_some_column_any_case():
    frame = pd.DataFrame({"title": ["Talks in Port Amar", "Signing in Veldia", "Port visit"],
                          "venue": ["", "Port Amar", ""]})
    assert matching(frame, "port AMAR", ["title", "venue"]).tolist() == [True, True, False]
    assert matching(frame, "port AMAR", ["title"]).tolist() == [True, False, False]
    assert matching(frame, "port veldia", ["title", "venue"]).tolist() == [False, True, False]
    assert matching(frame, "", ["title"]).all()


def test_events_announced_first_then_newest_then_by_id_and_a_page_at_most():
    data = load_dataset()
    shown, matched = events_to_update(data["events"])
    assert matched == len(data["events"]) == len(shown)
    assert shown["status"].iloc[0] == "announced" and shown["status"].iloc[1:].ne("announced").all()
    held = shown[shown["status"].ne("announced")]
    starts = held["start"].tolist()
    assert starts == sorted(starts, reverse=True)
    ties = held[held["start"].duplicated(keep=False)]
    for _, group in ties.groupby("start"):
        assert group["event_id"].tolist() == sorted(group["event_id"])
    first, matched = events_to_update(data["events"], limit=3)
    assert len(first) == 3 and matched == len(data["events"]) and first["event_id"].tolist() == shown["event_id"][:3].tolist()
    istanbul, matched = events_to_update(data["events"], "istanbul")
    assert matched == len(istanbul) > 0 and istanbul["title"].str.contains("Istanbul").all()


def test_sources_newest_first_narrowed_by_words():
    sources = load_dataset()["sources"]
    shown, matched = sources_to_quote(sources)
    published = shown["published_value"].dropna().tolist()
    assert matched == len(sources) and published == sorted(published, reverse=True)
    unknown = shown["published_value"].isna().to_numpy()
    assert not unknown[: len(published)].any()  # an article of unknown date comes after every dated one
    grain, matched = sources_to_quote(sources, "GRAIN")
    assert matched == len(grain) >= 1 and grain["title"].str.casefold().str.contains("grain").all()
