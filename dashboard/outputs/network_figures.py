"""The mediators network (processes × third parties) and the venue map, drawn with nothing from outside.

The network is bipartite: processes in a column on the left, the actors who mediate, host or facilitate
them on the right, a line for each link as thick as the number of events behind it. The map is a plain
longitude × latitude plot over Natural Earth's coastlines shipped in `data/` (no tiles, no topojson from a
CDN, which plotly's geo maps would fetch). Every label is escaped.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard.outputs.figures import esc

COASTLINE = Path(__file__).with_name("data") / "coastline_110m.json"
MAX_ACTORS = 40  # beyond this the network is a hairball: the view says how many are left out
WIDTH_STEPS = (1, 2, 4, 7)  # line widths for links of 1, 2–3, 4–9 and 10 or more events
LINK_COLOUR, PROCESS_COLOUR, ACTOR_COLOUR = "#7f7f7f", "#0072B2", "#D55E00"


def _step(events: int) -> int:
    return 0 if events <= 1 else 1 if events <= 3 else 2 if events <= 9 else 3


def mediators_figure(links: pd.DataFrame, process_names: dict[str, str]) -> go.Figure:
    """`links` from analysis.network.third_party_links (at most MAX_ACTORS actors are drawn, the busiest)."""
    fig = go.Figure()
    if links.empty:
        return fig
    totals = links.groupby("actor_id")["events"].sum().sort_values(ascending=False, kind="stable")
    links = links[links["actor_id"].isin(totals.index[:MAX_ACTORS])]
    processes = list(dict.fromkeys(links["process_id"]))
    actors = list(dict.fromkeys(links.sort_values("name")["actor_id"]))
    names = dict(zip(links["actor_id"], links["name"]))
    rows = max(len(processes), len(actors))
    y_process = {p: (i + 0.5) * rows / len(processes) for i, p in enumerate(processes)}
    y_actor = {a: (i + 0.5) * rows / len(actors) for i, a in enumerate(actors)}
    for step, width in enumerate(WIDTH_STEPS):  # one trace per line width, segments separated by gaps
        chosen = links[links["events"].map(_step).eq(step)]
        if chosen.empty:
            continue
        xs, ys = [], []
        for link in chosen.itertuples(index=False):
            xs += [0, 1, None]
            ys += [y_process[link.process_id], y_actor[link.actor_id], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": width, "color": LINK_COLOUR},
                                 hoverinfo="skip", showlegend=False))
    by_process = links.groupby("process_id")
    fig.add_trace(go.Scatter(
        x=[0] * len(processes), y=[y_process[p] for p in processes], mode="markers+text", name="process",
        text=[esc(process_names.get(p, p)) for p in processes], textposition="middle left",
        marker={"size": 14, "color": PROCESS_COLOUR, "symbol": "square"},
        hovertext=[f"<b>{esc(process_names.get(p, p))}</b><br>" + "<br>".join(
            f"{esc(r.name)}: {esc(r.roles)} in {r.events} event(s)" for r in by_process.get_group(p).itertuples())
            for p in processes], hoverinfo="text",
    ))
    by_actor = links.groupby("actor_id")
    fig.add_trace(go.Scatter(
        x=[1] * len(actors), y=[y_actor[a] for a in actors], mode="markers+text", name="mediator, host or facilitator",
        text=[esc(names[a]) for a in actors], textposition="middle right",
        marker={"size": [10 + 4 * math.sqrt(totals[a]) for a in actors], "color": ACTOR_COLOUR},
        hovertext=[f"<b>{esc(names[a])}</b><br>" + "<br>".join(
            f"{esc(process_names.get(r.process_id, r.process_id))}: {esc(r.roles)} in {r.events} event(s)"
            for r in by_actor.get_group(a).itertuples()) for a in actors], hoverinfo="text",
    ))
    fig.update_layout(
        height=120 + 34 * rows, margin={"l": 10, "r": 10, "t": 10, "b": 10}, dragmode=False,
        xaxis={"visible": False, "range": [-1.6, 2.6], "fixedrange": True},
        yaxis={"visible": False, "autorange": "reversed", "fixedrange": True},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0},
    )
    return fig


@lru_cache(maxsize=1)
def coastline() -> tuple[list, list]:
    """The coastlines as one x list and one y list, lines separated by None (read once per process)."""
    lines = json.loads(COASTLINE.read_text(encoding="utf-8"))["lines"]
    xs, ys = [], []
    for line in lines:
        xs += [p[0] for p in line] + [None]
        ys += [p[1] for p in line] + [None]
    return xs, ys


def venue_map_figure(venues: pd.DataFrame, process_names: dict[str, str]) -> go.Figure:
    """`venues` from analysis.network.venue_rounds with `latitude` and `longitude` (rows without are skipped):
    a point per venue, as large as the rounds that met there, over the coastlines."""
    fig = go.Figure()
    xs, ys = coastline()
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 0.7, "color": "#9a9a9a"}, hoverinfo="skip",
                             showlegend=False, name="coastline"))
    placed = venues.dropna(subset=["latitude", "longitude"])
    if not placed.empty:
        fig.add_trace(go.Scatter(
            x=placed["longitude"], y=placed["latitude"], mode="markers+text", name="venue",
            text=[esc(c) for c in placed["venue_city"]], textposition="top center",
            marker={"size": [9 + 9 * math.sqrt(r) for r in placed["rounds"]], "color": "#0072B2", "opacity": 0.8,
                    "line": {"color": "#ffffff", "width": 1}},
            hovertext=[f"<b>{esc(c)}, {esc(k)}</b><br>{r} round(s) met here; {e} event(s) in all<br>"
                       + esc(", ".join(process_names.get(i, i) for i in p.split(", ")))
                       for c, k, r, e, p in zip(placed["venue_city"], placed["venue_country"], placed["rounds"],
                                                placed["events"], placed["processes"])],
            hoverinfo="text", showlegend=False,
        ))
        pad = 12
        x_range = [max(-180, placed["longitude"].min() - 3 * pad), min(180, placed["longitude"].max() + 3 * pad)]
        y_range = [max(-90, placed["latitude"].min() - pad), min(90, placed["latitude"].max() + pad)]
    else:
        x_range, y_range = [-180, 180], [-60, 85]
    fig.update_layout(
        height=460, margin={"l": 10, "r": 10, "t": 10, "b": 10}, showlegend=False,
        xaxis={"range": x_range, "title": None, "showgrid": True, "zeroline": False, "ticksuffix": "°"},
        yaxis={"range": y_range, "title": None, "showgrid": True, "zeroline": False, "ticksuffix": "°",
               "scaleanchor": "x", "scaleratio": 1},
    )
    return fig
