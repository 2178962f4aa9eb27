import pandas as pd
import pytest

from dashboard.analysis.queries import (
    compare_parties,
    latest_positions,
    process_overview,
    quotes_in_source,
    stance_history,
    stance_matrix,
)
from dashboard.dataset.loader import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_overview_reports_last_round_next_talks_and_mediators(ds):
    summary = {s.process_id: s for s in process_overview(ds["processes"], ds["events"], ds["positions"],
                                                              ds.event_actors, pd.Timestamp("2025-01-20"))}
    ru = summary["russia-ukraine"]
    assert ru.rounds_held == 2
    assert ru.last_held["event_id"] == "ru-ua-2025-05-istanbul-round"
    # the United States proposed the 30-day ceasefire and carried it to Russia: a party to it, not a mediator
    assert ru.third_parties == ["Saudi Arabia (host)", "Türkiye (mediator, host, facilitator)"]
    assert summary["russia-ukraine"].suspended == 1
    gaza = summary["israel-hamas"]
    assert gaza.next["event_id"] == "ih-2025-phase-two-talks"
    later = {s.process_id: s for s in process_overview(ds["processes"], ds["events"], ds["positions"],
                                                          ds.event_actors, pd.Timestamp("2026-01-01"))}
    assert later["israel-hamas"].next is None
    assert later["israel-hamas"].overdue["event_id"] == "ih-2025-phase-two-talks"


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
    assert list(history["stance"]) == ["accepts", "accepts", "accepts", "demands"]
    assert history["date_value"].is_monotonic_increasing


def test_quotes_in_source_name_the_records_citing_them(ds):
    quotes = quotes_in_source(ds["citations"], "src-002", ds["events"], ds["positions"], ds["issues"])
    assert "Russia–Ukraine direct talks in Istanbul" in set(quotes["record"])
    assert "United States demands, on ceasefire and end of hostilities" in set(quotes["record"])
    assert quotes["quote_start"].is_monotonic_increasing


def _events(rows):
    frame = pd.DataFrame(rows, columns=["event_id", "process_id", "type", "window_start", "window_end"])
    frame["window_start"] = pd.to_datetime(frame["window_start"])
    frame["window_end"] = pd.to_datetime(frame["window_end"])
    return frame


def test_timeline_counts_put_each_event_in_its_period_and_vague_dates_apart():
    from dashboard.analysis.queries import timeline_counts, timeline_period

    events = _events([
        ("a", "p1", "call", "2025-05-16", "2025-05-16"),
        ("b", "p1", "call", "2025-05-20", "2025-05-20"),
        ("c", "p2", "talks_round", "2025-05-01", "2025-05-31"),  # known to the month
        ("d", "p1", "call", "2025-06-02", "2025-06-02"),
    ])
    assert timeline_period(events) == "W"
    weeks = timeline_counts(events, "W")
    assert weeks["events"].sum() == 4
    vague = weeks[~weeks["precise"]]
    assert vague[["process_id", "type", "events"]].values.tolist() == [["p2", "talks_round", 1]]
    assert vague["period_start"].iloc[0] == pd.Timestamp("2025-04-28")  # the Monday of the week May 1 falls in
    months = timeline_counts(events, "M").set_index(["period_start", "process_id", "type"])
    assert months["precise"].all()  # a month-precise date fits its month
    assert months.loc[(pd.Timestamp("2025-05-01"), "p1", "call"), "events"] == 2


def test_timeline_period_grows_with_the_span():
    from dashboard.analysis.queries import timeline_period

    assert timeline_period(_events([("a", "p", "call", "2020-01-01", "2020-01-01"),
                                    ("b", "p", "call", "2029-01-01", "2029-01-01")])) == "M"
    assert timeline_period(_events([("a", "p", "call", "1990-01-01", "1990-01-01"),
                                    ("b", "p", "call", "2025-01-01", "2025-01-01")])) == "Y"
