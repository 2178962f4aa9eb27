"""Every download is produced and read back: CSV, Excel and JSON tables, the chart as HTML, and its name."""

import datetime as dt
import io
import json
from html.parser import HTMLParser

import pandas as pd
import pytest

from dashboard.analysis.describe import readable_events
from dashboard.analysis.filters import Filters, filter_events
from dashboard.dataset.loader import load_dataset
from dashboard.dataset.schema import TABLES
from dashboard.dataset.version import DataVersion
from dashboard.outputs.exports import JSON_FORMAT, chart_html, csv_bytes, excel_bytes, export_name, json_bytes
from dashboard.outputs.figures import timeline_figure

TODAY = dt.date(2026, 11, 26)
CALLS = Filters(event_types=("call",))


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.fixture(scope="module")
def calls(ds):
    return filter_events(ds["events"], ds.event_actors, ds["actors"], CALLS)


def test_names_say_view_filters_and_day():
    assert export_name("timeline", CALLS, "csv", TODAY) == "parley-timeline-type-call-2026-11-26.csv"
    both = Filters(processes=("russia-ukraine",), start=dt.date(2025, 5, 1), event_types=("call", "talks_round"))
    assert (export_name("data", both, "xlsx", TODAY)
            == "parley-data-process-russia-ukraine-type-call-talks-round-from-2025-05-01-2026-11-26.xlsx")
    assert export_name("positions", Filters(), "json", TODAY) == "parley-positions-2026-11-26.json"
    long = Filters(actors=tuple(f"actor-{i}" for i in range(100)))
    assert len(export_name("data", long, "csv", TODAY)) <= 120 + len("-2026-11-26.csv")


def test_csv_has_the_filtered_rows(calls):
    frame = calls[TABLES["events"].columns]
    back = pd.read_csv(io.BytesIO(csv_bytes(frame)), dtype=str, keep_default_na=False)
    assert list(back["event_id"]) == list(frame["event_id"]) and len(back) == 2


def test_excel_has_a_sheet_per_table_with_the_filtered_rows(ds, calls):
    workbook = excel_bytes({"events": calls[TABLES["events"].columns], "actors": ds["actors"]})
    sheets = pd.read_excel(io.BytesIO(workbook), sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == ["events", "actors"]
    assert sorted(sheets["events"]["event_id"]) == ["ru-ua-2025-05-rubio-fidan-call", "ru-ua-2025-05-rubio-lavrov-call"]
    assert len(sheets["actors"]) == len(ds["actors"])


def test_json_carries_version_filters_and_records_with_iso_dates(calls):
    version = DataVersion("3f9a1c2e5b7d", "8c1e4f2a9b3d")
    document = json.loads(json_bytes({"events": calls}, CALLS, version, "timeline"))
    assert document["format"] == JSON_FORMAT and document["view"] == "timeline"
    assert document["dataset_version"] == "3f9a1c2e5b7d" and document["dataset_commit"] == "8c1e4f2a9b3d"
    assert document["filters"]["type"] == ["call"] and document["filters"]["from"] is None
    records = document["tables"]["events"]
    assert len(records) == 2 and {r["start"] for r in records} == {"2025-05-12", "2025-05-16"}


def test_chart_html_is_a_standalone_page_with_the_chart(ds):
    events = readable_events(ds, ds["events"])
    page = chart_html(timeline_figure(events), "Parley: timeline <all>").decode("utf-8")

    class Collect(HTMLParser):
        scripts, titles, div = 0, [], False

        def handle_starttag(self, tag, attrs):
            self.scripts += tag == "script"
            self.div |= tag == "div" and ("id", "parley-chart") in attrs

        def handle_data(self, data):
            if self.lasttag == "title":
                self.titles.append(data)

    parsed = Collect()
    parsed.feed(page)
    assert parsed.div and parsed.scripts >= 2  # plotly.js itself is inside: it opens offline
    assert "".join(parsed.titles).strip() == "Parley: timeline <all>"  # escaped in the file, read back as written
    assert '<script src="http' not in page and "direct talks in Istanbul" in page
