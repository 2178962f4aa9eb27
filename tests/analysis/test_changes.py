"""What changed since a day: added means recorded in the dataset; status changes, overdue rounds, shifts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.analysis.changes import changes_since
from dashboard.dataset.loader import load_dataset
from dashboard.outputs.digest import digest_html, digest_markdown
from dashboard.outputs.markdown_text import escape_markdown

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def last_seed_day(ds) -> dt.date:
    return max(pd.to_datetime(ds["sources"]["published"], errors="coerce").dropna()).date()


def test_a_digest_since_before_the_last_seed_names_every_event_and_position_recorded_after_it(ds):
    since = last_seed_day(ds) - dt.timedelta(days=1)
    changes = changes_since(ds.tables, since, TODAY)
    recorded = {name: set(ds[name].loc[pd.to_datetime(ds[name]["recorded"]) >= pd.Timestamp(since), key])
                for name, key in (("events", "event_id"), ("positions", "position_id"))}
    assert recorded["events"] and recorded["positions"]  # the bundled records were recorded after the seeds appeared
    assert set(changes.added("events")["event_id"]) == recorded["events"]
    assert set(changes.added("positions")["position_id"]) == recorded["positions"]
    markdown, html = digest_markdown(changes, ds), digest_html(changes, ds)
    for title in ds["events"]["title"]:
        assert escape_markdown(title) in markdown and title.replace("'", "&#x27;") in html
    for paraphrase in ds["positions"]["paraphrase"]:
        assert escape_markdown(paraphrase) in markdown
    assert f"Events added ({len(recorded['events'])})" in html
    assert f"Positions added \\({len(recorded['positions'])}\\)" in markdown
    # the one announced round of the bundled data, phase two of the Gaza deal, was due by 26 February 2025
    assert list(changes.overdue()["event_id"]) == ["ih-2025-phase-two-talks"]
    assert "Negotiations on phase two: announced for 15 January 2025 – 26 February 2025" in html
    # and the one real shift: the United States on an immediate ceasefire
    assert list(changes.shifts["actor_id"]) == ["united-states"]


def test_nothing_recorded_after_today_means_an_empty_digest_that_says_so(ds):
    changes = changes_since(ds.tables, TODAY + dt.timedelta(days=1), TODAY)
    assert changes.total == 0 and changes.shifts.empty
    assert "## Events added \\(0\\)\n\nNone\\." in digest_markdown(changes, ds)


def _with_recorded(ds, days: dict[str, str], **event_fields) -> dict[str, pd.DataFrame]:
    """The bundled tables with some records' recorded day (and event fields) changed: SYNTHETIC history."""
    tables = {name: frame.copy() for name, frame in ds.tables.items()}
    for name in ("events", "positions", "propositions", "sources"):
        tables[name]["recorded"] = "2025-01-01"
    for record_id, day in days.items():
        for name, key in (("events", "event_id"), ("positions", "position_id"), ("sources", "source_id")):
            tables[name].loc[tables[name][key].eq(record_id), "recorded"] = day
    for event_id, fields in event_fields.items():
        for field, value in fields.items():
            tables["events"].loc[tables["events"]["event_id"].eq(event_id), field] = value
    return tables


def test_only_records_recorded_on_or_after_the_day_count_newest_first(ds):
    tables = _with_recorded(ds, {"ru-ua-2025-05-istanbul-round": "2025-06-02", "bsg-2022-07-deal": "2025-06-01",
                                 "pos-ukraine-territory-2025-05": "2025-06-01", "src-003": "2025-05-31"})
    changes = changes_since(tables, dt.date(2025, 6, 1), TODAY)
    assert list(changes.added("events")["event_id"]) == ["ru-ua-2025-05-istanbul-round", "bsg-2022-07-deal"]
    assert list(changes.added("positions")["position_id"]) == ["pos-ukraine-territory-2025-05"]
    assert changes.added("sources").empty and changes.shifts.empty  # the shift's later position is older


def test_a_status_change_counts_on_the_day_it_was_made_with_the_status_before(ds):
    tables = _with_recorded(ds, {}, **{"ih-2025-phase-two-talks": {
        "status": "postponed", "previous_status": "announced", "status_changed": "2025-03-03"}})
    changes = changes_since(tables, dt.date(2025, 3, 1), TODAY)
    assert list(changes.status_changed()["event_id"]) == ["ih-2025-phase-two-talks"] and changes.added("events").empty
    assert changes.overdue().empty  # postponed, so no longer an announced round overdue
    assert "Negotiations on phase two: announced → postponed (changed 2025-03-03)" in digest_html(changes, ds)


def test_text_from_the_data_is_escaped_in_both_digests(ds):
    hostile = '<script>alert("x")</script> **bold** [link](http://example.invalid)'
    tables = _with_recorded(ds, {"ru-ua-2025-05-istanbul-round": "2025-06-02"},
                            **{"ru-ua-2025-05-istanbul-round": {"title": hostile}})
    changes = changes_since(tables, dt.date(2025, 6, 1), TODAY)
    html, markdown = digest_html(changes, ds), digest_markdown(changes, ds)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "**bold**" not in markdown and "\\*\\*bold\\*\\*" in markdown and "\\[link\\]\\(http" in markdown


def test_records_without_a_recorded_day_are_counted_apart(ds):
    tables = _with_recorded(ds, {})
    tables["events"].loc[:2, "recorded"] = ""
    changes = changes_since(tables, dt.date(2000, 1, 1), TODAY)
    assert changes.undated["events"] == 3 and len(changes.added("events")) == len(tables["events"]) - 3
    assert "3 record(s) carry no recorded day" in digest_html(changes, ds)


def test_the_tables_download_holds_every_changed_record_in_excel_and_json(ds):
    import io
    import json

    from openpyxl import load_workbook

    from dashboard.analysis.filters import Filters
    from dashboard.dataset.version import DataVersion
    from dashboard.outputs.digest import digest_frames
    from dashboard.outputs.exports import TABLE_FORMATS, ExportRequest

    changes = changes_since(ds.tables, dt.date(2025, 5, 1), TODAY)
    frames = digest_frames(changes)
    assert len(frames["events added"]) == len(ds["events"]) and len(frames["overdue"]) == 1
    request = ExportRequest("changes", Filters(), DataVersion("abc"))
    document = json.loads(TABLE_FORMATS["json"].write(frames, request))
    assert json.dumps(document, ensure_ascii=False).count("ru-ua-2025-05-istanbul-round") >= 1
    sheets = load_workbook(io.BytesIO(TABLE_FORMATS["xlsx"].write(frames, request))).sheetnames
    assert any("events added" in name for name in sheets)


def test_no_positions_at_all_is_no_shift_not_an_error(ds):
    tables = {name: frame.copy() for name, frame in ds.tables.items()}
    tables["positions"] = tables["positions"].iloc[:0]  # every position held back, as a broken file leaves it
    changes = changes_since(tables, dt.date(2025, 1, 1), TODAY)
    assert changes.shifts.empty and changes.counts()["positions"] == 0 and changes.counts()["events"] == 14
