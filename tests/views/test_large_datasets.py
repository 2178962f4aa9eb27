"""The views on a synthetic dataset too large to show record by record: counts, pages, small payloads."""

import base64
from types import SimpleNamespace

import numpy as np
import plotly.io
import pytest
from test_share import open_citations

from dashboard.analysis.queries import TIMELINE_DETAIL_LIMIT
from dashboard.dataset.schema import EVENT_TYPES
from dashboard.dataset.synthetic import write
from dashboard.ui.paging import PAGE_SIZE
from dashboard.views.registry import views_for

EVENTS = 3_000  # unpaged, the Data view alone would send over 2 MB


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    out = write(tmp_path_factory.mktemp("large"), events=EVENTS, seed=11)
    return SimpleNamespace(data=out / "data", seeds=out / "seeds")


def figure(at, index=0):
    return plotly.io.from_json(at.get("plotly_chart")[index].proto.spec)


def numbers(value) -> np.ndarray:
    """A plotly array as sent: a list, or a base64 typed array {"dtype", "bdata", "shape"}."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        return array.reshape([int(n) for n in str(shape).split(",")]) if shape else array
    return np.asarray(value)


def test_timeline_counts_events_when_there_are_too_many_to_draw(app, large):
    at = app(large, page="views/timeline.py")
    assert not at.exception
    assert any(f"{EVENTS:,} events are too many to draw one by one" in i.value for i in at.info)
    traces = figure(at).data
    bars = [t for t in traces if t.type == "bar"]
    assert sum(numbers(t.y).sum() for t in bars) == EVENTS  # every event counted once, precise or not
    assert any("less precise" in t.name for t in bars)
    heatmap = next(t for t in traces if t.type == "heatmap")
    assert numbers(heatmap.z).sum() == EVENTS
    hover = [h for t in bars for h in t.hovertext]
    # one label per bar (at most ~180 periods x (types + 1)), never one per event: no event title is sent
    assert len(hover) <= 180 * (len(EVENT_TYPES) + 1)
    assert not any("SYNTHETIC" in label for label in hover)


def test_timeline_draws_each_event_once_filtered_below_the_limit(app, large):
    at = app(large, query={"process": "SYNTHETIC process 1", "type": "call"}, page="views/timeline.py")
    assert not at.exception
    shown = len(at.dataframe[0].value)
    assert 0 < shown <= TIMELINE_DETAIL_LIMIT and not at.info
    ids = {i for t in figure(at).data if t.customdata is not None for i in t.customdata}
    assert len(ids) == shown


def test_timeline_table_is_paged_and_the_next_page_shows_the_next_rows(app, large):
    at = app(large, page="views/timeline.py")
    first = at.dataframe[-1].value  # the events table, after the counts chart's own table
    assert len(first) == PAGE_SIZE
    at.number_input(key="timeline-page").set_value(2).run()
    second = at.dataframe[-1].value
    assert len(second) == PAGE_SIZE and not set(first["event_id"]) & set(second["event_id"])


def test_data_view_pages_each_table(app, large):
    at = app(large, page="views/data.py")
    assert not at.exception
    assert len(at.dataframe[0].value) == PAGE_SIZE  # events
    assert at.number_input(key="page-events").label == f"Page (of {EVENTS // PAGE_SIZE})"
    assert any(f"of {EVENTS:,}; the download below holds them all" in c.value for c in at.caption)


@pytest.mark.parametrize("page", [view.file for view in views_for("files")])
def test_every_view_stays_small_on_large_data(app, large, page):
    """The bytes a view sends grow with what is on screen, not with the dataset: far below 2 MB here."""
    from benchmark_scale import payload_bytes

    at = app(large, page=page)
    assert not at.exception
    assert payload_bytes(at) < 1_000_000


def test_cite_this_view_writes_out_the_first_articles_and_downloads_all(app, large):
    from dashboard.ui.share import MAX_SHOWN

    at = app(large, page="views/data.py")
    assert not [c for c in at.get("code") if c.value.lstrip().startswith("@misc")]  # closed: nothing drawn
    at = open_citations(at)
    assert any(f"The first {MAX_SHOWN} of " in c.value and "the downloads hold them all" in c.value for c in at.caption)
    bibtex = next(c.value for c in at.get("code") if c.value.lstrip().startswith("@misc"))
    assert bibtex.count("@misc{") == MAX_SHOWN + 1  # the articles shown, then the dataset
    assert {"cite-txt", "cite-bib", "cite-json"} <= {b.key for b in at.get("download_button")}
