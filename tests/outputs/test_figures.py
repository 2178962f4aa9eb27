import json

import pandas as pd
import pytest

from dashboard.analysis.describe import readable_events
from dashboard.analysis.queries import latest_positions, stance_history, stance_matrix
from dashboard.dataset.loader import load_dataset
from dashboard.outputs.figures import stance_history_figure, stance_matrix_figure, timeline_figure

DAY_MS = 86_400_000


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def described(ds):
    """The events as a view passes them to the timeline: with actors by role and sources."""
    return readable_events(ds, ds["events"])


def test_month_precision_event_is_a_window_not_a_day(ds):
    events = described(ds)[described(ds)["event_id"] == "ru-ua-2022-istanbul-talks"]
    fig = timeline_figure(events)
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 1 and not [t for t in fig.data if t.type == "scatter" and t.x and t.x[0] is not None]
    assert pd.Timestamp(bars[0].base[0]) == pd.Timestamp("2022-03-01")
    assert bars[0].x[0] == 31 * DAY_MS


def test_day_precision_event_is_a_point_and_hover_names_venue_parties_and_mediators(ds):
    events = described(ds)[described(ds)["event_id"] == "ru-ua-2025-05-istanbul-round"]
    fig = timeline_figure(events)
    points = [t for t in fig.data if t.type == "scatter" and t.customdata is not None]
    assert len(points) == 1 and pd.Timestamp(points[0].x[0]) == pd.Timestamp("2025-05-16")
    hover = points[0].hovertext[0]
    assert "Istanbul, Türkiye" in hover and "Russia, Ukraine" in hover
    assert "Mediators/hosts: Türkiye (mediator, host, facilitator)" in hover
    assert "announced for 15 May 2025" in hover


def test_slippage_is_drawn_from_announced_to_held(ds):
    fig = timeline_figure(described(ds))
    slips = [t for t in fig.data if t.name == "announced → held" and t.x[0] is not None]
    assert len(slips) == 1
    assert [pd.Timestamp(x) for x in slips[0].x] == [pd.Timestamp("2025-05-15"), pd.Timestamp("2025-05-16")]
    assert "announced for 15 May 2025, happened 16 May 2025" in slips[0].hovertext


def test_every_event_is_drawn_once(ds):
    fig = timeline_figure(described(ds))
    drawn = [e for t in fig.data if t.customdata is not None for e in t.customdata]
    assert sorted(drawn) == sorted(described(ds)["event_id"])


def test_hover_text_is_escaped(ds):
    events = described(ds).head(1).copy()
    events["title"] = "<img src=x onerror=alert(1)>"
    events["summary"] = "<script>alert(1)</script>"
    spec = json.dumps(timeline_figure(events).to_plotly_json(), default=str)
    assert "<script>" not in spec and "<img" not in spec
    assert "&lt;script&gt;" in spec


def test_empty_timeline_says_so():
    fig = timeline_figure(pd.DataFrame(columns=["event_id"]))
    assert "No events match" in fig.layout.annotations[0].text


def test_stance_matrix_marks_red_lines(ds):
    ru_ua = ds["positions"][ds["positions"]["process_id"] == "russia-ukraine"]
    fig = stance_matrix_figure(stance_matrix(latest_positions(ru_ua), ds["issues"]))
    heat = fig.data[0]
    actors, issues = list(heat.y), list(heat.x)
    ru, ua = actors.index("Russia"), actors.index("Ukraine")
    territory = issues.index("Territory, sovereignty and borders")
    assert heat.z[ru][territory] == 2 and heat.z[ua][territory] == -2
    assert "RED LINE" in heat.text[ru][territory]
    outlined = {(round((s.x0 + s.x1) / 2), round((s.y0 + s.y1) / 2)) for s in fig.layout.shapes}
    assert outlined == {(territory, ru), (territory, ua)}


def test_stance_history_has_a_line_per_actor_and_windows_for_imprecise_dates(ds):
    fig = stance_history_figure(stance_history(ds["positions"], issue_id="territory"))
    assert {t.name for t in fig.data} == {"Russia", "Ukraine"}
    # month precision: the error bar spans half of May either side of the midpoint
    assert fig.data[0].error_x.array[0] == pytest.approx(15 * DAY_MS, rel=0.01)
    assert list(fig.data[0].marker.symbol) == ["star"]
