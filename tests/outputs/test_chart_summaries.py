"""The sentence beside each chart says what it shows, from the data, for the filters in use."""

from __future__ import annotations

import pytest

from dashboard.analysis.network import third_party_links, venue_rounds
from dashboard.analysis.queries import latest_positions, stance_history, stance_matrix, timeline_counts
from dashboard.dataset.loader import load_dataset
from dashboard.outputs import chart_summaries as summary


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_timeline_and_counts(ds):
    text = summary.timeline_summary(ds["events"], ds.process_names)
    assert text.startswith("14 events in 4 process(es), from 1 March 2022 to ")
    assert "Busiest process: Russia–Ukraine peace talks." in text
    counts = timeline_counts(ds["events"], "M")
    assert summary.counts_summary(counts, "month", ds.process_names).startswith("14 events counted per month")
    assert summary.timeline_summary(ds["events"].iloc[:0], {}) == "No events match the filters."


def test_stances_name_their_red_lines_and_their_changes(ds):
    ru = ds["positions"][ds["positions"]["process_id"].eq("russia-ukraine")]
    text = summary.stance_matrix_summary(stance_matrix(latest_positions(ru), ds["issues"]))
    assert "2 red line(s): Russia demands on Territory, sovereignty and borders; Ukraine rejects on Territory" in text
    history = stance_history(ru, issue_id="ceasefire")
    text = summary.stance_history_summary(history, "Ceasefire")
    assert "United States: accepts (11 March 2025) → accepts (12 May 2025) → demands (week of 12 May 2025)" in text


def test_network_and_venues(ds):
    text = summary.network_summary(third_party_links(ds["events"], ds.event_actors), ds.process_names)
    assert text.startswith("8 third part(ies) across 3 process(es)") and "Türkiye (5 event(s))" in text
    text = summary.venue_summary(venue_rounds(ds["events"]))
    assert text.startswith("3 venue(s), 3 on the map") and "Istanbul (2)" in text
