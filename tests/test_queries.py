import pandas as pd
import pytest

from dashboard.loader import load_dataset
from dashboard.queries import (compare_parties, latest_positions, process_overview, quotes_in_source,
                               stance_history, stance_matrix)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_overview_reports_last_round_next_talks_and_mediators(ds):
    summary = {s["process_id"]: s for s in process_overview(ds["processes"], ds["events"], ds["positions"],
                                                              ds.event_actors, pd.Timestamp("2025-01-20"))}
    ru = summary["russia-ukraine"]
    assert ru["rounds_held"] == 2
    assert ru["last_held"]["event_id"] == "ru-ua-2025-05-istanbul-round"
    assert ru["third_parties"] == ["Saudi Arabia (host)", "Türkiye (mediator, host, facilitator)",
                                   "United States (mediator)"]
    assert summary["russia-ukraine"]["suspended"] == 1
    gaza = summary["israel-hamas"]
    assert gaza["next"]["event_id"] == "ih-2025-phase-two-talks"
    later = {s["process_id"]: s for s in process_overview(ds["processes"], ds["events"], ds["positions"],
                                                          ds.event_actors, pd.Timestamp("2026-01-01"))}
    assert later["israel-hamas"]["next"] is None
    assert later["israel-hamas"]["overdue"]["event_id"] == "ih-2025-phase-two-talks"


def test_latest_positions_take_the_most_recent_per_actor_and_issue(ds):
    latest = latest_positions(ds["positions"]).set_index(["process_id", "actor_id", "issue_id"])
    assert latest.loc[("russia-ukraine", "united-states", "ceasefire"), "position_id"] == "pos-us-ceasefire-2025-05-16"
    assert latest.loc[("israel-hamas", "united-states", "ceasefire"), "position_id"] == "pos-us-ceasefire-2025-01-15"
    assert latest.index.is_unique


def test_stance_matrix_rows_are_actors_in_processes_when_several_are_shown(ds):
    cells = stance_matrix(latest_positions(ds["positions"]), ds["issues"])
    assert "United States · israel-hamas" in set(cells["actor"])
    one = stance_matrix(latest_positions(ds["positions"][ds["positions"]["process_id"] == "russia-ukraine"]), ds["issues"])
    assert "United States" in set(one["actor"])


def test_compare_russia_and_ukraine_on_territory_shows_both_red_lines_with_quotes(ds):
    latest = latest_positions(ds["positions"])
    table = compare_parties(latest, ds["citations"], ds["issues"], "russia", "ukraine").set_index("issue")
    row = table.loc["Territory, sovereignty and borders"]
    assert (row["a_stance"], row["b_stance"]) == ("demands", "rejects")
    assert row["a_red_line"] == row["b_red_line"] == "red line"
    assert "the realities on the ground" in row["a_quote"]
    assert "will not include territorial concessions" in row["b_quote"]
    assert row["a_source_id"] == row["b_source_id"] == "src-000"
    assert table.loc["Ceasefire and end of hostilities", "a_stance"] == "open"


def test_history_is_in_date_order(ds):
    history = stance_history(ds["positions"], "united-states", "ceasefire")
    assert list(history["stance"]) == ["demands", "accepts", "accepts", "demands"]
    assert history["date_value"].is_monotonic_increasing


def test_quotes_in_source_name_the_records_citing_them(ds):
    quotes = quotes_in_source(ds["citations"], "src-002", ds["events"], ds["positions"], ds["issues"])
    assert "Russia–Ukraine direct talks in Istanbul" in set(quotes["record"])
    assert "United States demands, on ceasefire and end of hostilities" in set(quotes["record"])
    assert quotes["quote_start"].is_monotonic_increasing
