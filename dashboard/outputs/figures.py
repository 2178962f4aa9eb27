"""Plotly figures: DataFrames in, figures out.

Hover text comes from articles and curators, so every string is passed through
`html.escape` before plotly sees it (plotly renders a subset of HTML in hover
labels). Dates are drawn as honestly as they are known: a record known only to
the week, month or year is a window, never a made-up day.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.analysis.queries import PERIODS, describe_date
from dashboard.dataset.columns import largest_first
from dashboard.dataset.dates import format_partial
from dashboard.dataset.schema import EVENT_STATUSES, EVENT_TYPES, STANCES

# Colour-blind-safe (Okabe–Ito) colours per event type, readable on light and dark backgrounds.
TYPE_COLOURS = dict(zip(EVENT_TYPES, (
    "#56B4E9", "#0072B2", "#CC79A7", "#999999", "#E69F00", "#F0E442", "#009E73", "#D55E00", "#8C6BB1",
)))
TYPE_LABELS = {t: t.replace("_", " ") for t in EVENT_TYPES}
STATUS_SYMBOLS = {"held": "circle", "announced": "circle-open", "postponed": "triangle-right-open",
                  "cancelled": "x-thin-open", "suspended": "square"}
STANCE_COLOURS = [[0.0, "#e66101"], [0.25, "#fdb863"], [0.5, "#d9d9d9"], [0.75, "#b2abd2"], [1.0, "#5e3c99"]]
DAY_MS = 24 * 3600 * 1000
BOTTOM_LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "xanchor": "left"}


def esc(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def wrap(text: str, width: int = 70) -> str:
    """Break long hover text into lines (after escaping, so `<br>` is the only markup)."""
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def event_hover(events: pd.DataFrame) -> list[str]:
    """One escaped hover label per event: date, status, venue, parties, mediators, summary, source."""
    labels = []
    for _, e in events.iterrows():
        rows = [
            f"<b>{esc(e['title'])}</b>",
            f"{esc(describe_date(e))} · {esc(TYPE_LABELS.get(e['type'], e['type']))} · {esc(e['status'])}",
        ]
        if e["venue"]:
            rows.append(f"Venue: {esc(e['venue'])}")
        if e["parties"]:
            rows.append(f"Parties: {esc(e['parties'])}")
        if e["third_parties"]:
            rows.append(f"Mediators/hosts: {esc(e['third_parties'])}")
        rows.append(wrap(esc(e["summary"])))
        if e["sources"]:
            rows.append(wrap("Source: " + esc(e["sources"])))
        labels.append("<br>".join(rows))
    return labels


MAX_LABEL = 28  # characters of a tick label: on a 390-pixel phone the plot keeps half the width


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut).rstrip(" ,;:–-") + "…"


def _row_labels(events: pd.DataFrame) -> pd.Series:
    """Y-axis label per event: its title shortened (the hover and the table hold it whole), unique where
    shortened titles repeat, escaped (plotly reads tick labels as HTML)."""
    labels = events["title"].astype(str).map(shorten)
    dup = labels.duplicated(keep=False)
    labels = labels.where(~dup, labels + " (" + (labels.groupby(labels).cumcount() + 1).astype(str) + ")")
    return labels.map(esc)


def timeline_figure(events: pd.DataFrame, process_names: dict[str, str] | None = None) -> go.Figure:
    """Events as points (day known) or windows (week, month, year, or a span), one row each.

    One band per process, sharing the date axis. Colour is the event type, marker
    shape the status; a dotted line joins the announced date to the date the
    event happened, so slippage shows.
    """
    if events.empty:
        fig = go.Figure()
        fig.add_annotation(text="No events match the filters", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_layout(height=200, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    process_names = process_names or {}
    events = events.sort_values(["window_start", "event_id"]).copy()
    events["row"] = _row_labels(events)
    events["hover"] = event_hover(events)
    events["windowed"] = (events["date_precision"] != "day") | (events["window_end"] > events["window_start"])
    processes = list(dict.fromkeys(events["process_id"]))
    counts = events["process_id"].value_counts()
    fig = make_subplots(
        rows=len(processes), cols=1, shared_xaxes=True, vertical_spacing=min(0.08, 0.3 / len(processes)),
        row_heights=[int(counts[p]) for p in processes],
        subplot_titles=[wrap(esc(process_names.get(p, p)), 26) for p in processes],
    )
    in_legend: set[str] = set()
    for band, process_id in enumerate(processes, start=1):
        of_process = events[events["process_id"] == process_id]
        for etype in EVENT_TYPES:
            of_type = of_process[of_process["type"] == etype]
            if of_type.empty:
                continue
            for windowed, rows in of_type.groupby("windowed"):
                fig.add_trace(_event_trace(rows, etype, bool(windowed), etype not in in_legend), row=band, col=1)
                in_legend.add(etype)
        for _, e in of_process[of_process["announced"].notna() & (of_process["announced"] != of_process["start"])].iterrows():
            fig.add_trace(go.Scatter(
                x=[e["announced"], e["start"]], y=[e["row"], e["row"]], mode="lines+markers", name="announced → held",
                line={"dash": "dot", "color": "#888888"}, legendgroup="slip", showlegend="slip" not in in_legend,
                marker={"symbol": ["diamond-open", "circle"], "size": [11, 1], "color": "#888888"},
                hoverinfo="text", hovertext=esc(e["title"]) + "<br>" + esc(
                    f"announced for {format_partial(e['announced'], e['announced_precision'] or 'day')}, "
                    f"happened {format_partial(e['start'], e['date_precision'])}"),
            ), row=band, col=1)
            in_legend.add("slip")
        fig.update_yaxes(categoryorder="array", categoryarray=of_process["row"].tolist()[::-1], automargin=True,
                         row=band, col=1)
    for status in EVENT_STATUSES:
        if status in set(events["status"]):
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"status: {status}",
                                     marker={"symbol": STATUS_SYMBOLS[status], "color": "#888888", "size": 10},
                                     legendgroup="status"), row=1, col=1)
    fig.update_xaxes(type="date")
    fig.update_annotations(xanchor="left", x=0, align="left", font={"size": 13})
    fig.update_layout(
        barmode="overlay", height=260 + 34 * len(events) + 40 * len(processes),
        margin={"l": 10, "r": 10, "t": 60, "b": 10}, hoverlabel={"align": "left"},
        # under the chart, where it may wrap onto as many lines as a narrow screen needs without covering the
        # plot or the toolbar (a legend outside the plot area pushes the margin out)
        legend=BOTTOM_LEGEND,
    )
    return fig


def _event_trace(rows: pd.DataFrame, etype: str, windowed: bool, show_legend: bool) -> go.Bar | go.Scatter:
    """A window (bar from its earliest to latest day) or a point per event, coloured by type."""
    colour = TYPE_COLOURS[etype]
    common = {"name": TYPE_LABELS[etype], "legendgroup": etype, "y": rows["row"], "hovertext": rows["hover"],
              "hoverinfo": "text", "customdata": rows["event_id"], "showlegend": show_legend}
    if windowed:
        return go.Bar(orientation="h", base=rows["window_start"],
                      x=((rows["window_end"] - rows["window_start"]).dt.days + 1) * DAY_MS,
                      marker={"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 2}}, **common)
    return go.Scatter(mode="markers", x=rows["start"],
                      marker={"color": colour, "size": 13, "symbol": rows["status"].map(STATUS_SYMBOLS).tolist(),
                              "line": {"color": colour, "width": 2}}, **common)


def stance_matrix_figure(cells: pd.DataFrame) -> go.Figure:
    """Heatmap of actor × issue, coloured by stance; red lines outlined and labelled."""
    fig = go.Figure()
    if cells.empty:
        return fig
    actors = sorted(cells["actor"].unique())
    issues = list(dict.fromkeys(cells.sort_values("issue_id")["issue"]))
    z = cells.pivot(index="actor", columns="issue", values="stance_score").reindex(index=actors, columns=issues)
    labels = (cells["stance"] + cells["red_line"].map({True: " · RED LINE", False: ""}))
    text = cells.assign(t=labels).pivot(index="actor", columns="issue", values="t").reindex(index=actors, columns=issues)
    hover = cells.assign(h=[
        f"<b>{esc(a)}</b> on {esc(i)}<br>{esc(s)}{' · red line' if r else ''}<br>{wrap(esc(p))}"
        for a, i, s, r, p in zip(cells["actor"], cells["issue"], cells["stance"], cells["red_line"], cells["paraphrase"])
    ]).pivot(index="actor", columns="issue", values="h").reindex(index=actors, columns=issues)
    fig.add_trace(go.Heatmap(
        z=z.astype("float").values, x=[esc(i) for i in issues], y=[esc(a) for a in actors],
        text=text.fillna("").map(esc).values, texttemplate="%{text}",
        customdata=hover.fillna("").values, hovertemplate="%{customdata}<extra></extra>",
        zmin=min(STANCES.values()), zmax=max(STANCES.values()), colorscale=STANCE_COLOURS, xgap=3, ygap=3,
        # under the matrix, not beside it: on a phone the cells keep the width
        colorbar={"title": {"text": "stance", "side": "top"}, "tickvals": list(STANCES.values()),
                  "ticktext": list(STANCES), "orientation": "h", "yanchor": "top", "y": -0.04, "x": 0,
                  "xanchor": "left", "len": 1, "thickness": 12},
    ))
    for _, cell in cells[cells["red_line"]].iterrows():
        x, y = issues.index(cell["issue"]), actors.index(cell["actor"])
        fig.add_shape(type="rect", x0=x - 0.47, x1=x + 0.47, y0=y - 0.45, y1=y + 0.45, name="red line",
                      line={"color": "#d62728", "width": 4})
    fig.update_layout(height=220 + 60 * len(actors), margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      xaxis={"side": "top", "title": None}, yaxis={"autorange": "reversed", "title": None},
                      showlegend=False)
    return fig


def stance_history_figure(history: pd.DataFrame) -> go.Figure:
    """Each actor's stance on an issue over time; a window shows an imprecise date, a star a red line."""
    fig = go.Figure()
    for actor, rows in history.groupby("actor", sort=True):
        mid = rows["window_start"] + (rows["window_end"] - rows["window_start"]) / 2
        fig.add_trace(go.Scatter(
            x=mid, y=rows["stance_score"].astype(float), mode="lines+markers", name=esc(actor), line={"shape": "hv"},
            marker={"size": [18 if r else 11 for r in rows["red_line"]],
                    "symbol": ["star" if r else "circle" for r in rows["red_line"]]},
            error_x={"type": "data", "symmetric": True,
                     "array": ((rows["window_end"] - rows["window_start"]).dt.total_seconds() * 500).tolist(),
                     "thickness": 1.5, "width": 4},
            hovertext=[f"<b>{esc(a)}</b> · {esc(s)}{' · red line' if r else ''}<br>{wrap(esc(p))}"
                       for a, s, r, p in zip(rows["actor"], rows["stance"], rows["red_line"], rows["paraphrase"])],
            hoverinfo="text",
        ))
    fig.update_layout(
        height=360, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"tickvals": list(STANCES.values()), "ticktext": list(STANCES), "range": [-2.5, 2.5], "title": None},
        xaxis={"type": "date", "title": None}, legend=BOTTOM_LEGEND,
    )
    return fig


PERIOD_FORMATS = {"W": "week of %d %b %Y", "M": "%B %Y", "Y": "%Y"}
PERIOD_WIDTHS = {"W": 7 * DAY_MS, "M": "M1", "Y": "M12"}  # plotly's xperiod: bars span their period
MAX_HEATMAP_PROCESSES = 60


def timeline_counts_figure(counts: pd.DataFrame, period: str, process_names: dict[str, str] | None = None) -> go.Figure:
    """Too many events to draw one by one: how many there were per period, by type, and per process.

    Top, stacked bars per event type; events whose date is less precise than
    the period are a hatched grey bar of their own, at the period their window
    starts in. Below, a process × period heatmap of counts (the most active
    processes when there are very many). Only counts are sent, never one
    label per event.
    """
    process_names = process_names or {}
    per_process = largest_first(counts.groupby("process_id")["events"].sum())
    shown = list(per_process.index[:MAX_HEATMAP_PROCESSES])
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=[0.45, 0.55], subplot_titles=["Events per " + PERIODS[period] + ", by type",
                                                                  "Events per process"])
    fmt = PERIOD_FORMATS[period]
    precise = counts[counts["precise"]]
    for etype in EVENT_TYPES:
        of_type = precise[precise["type"] == etype].groupby("period_start")["events"].sum()
        if of_type.empty:
            continue
        fig.add_trace(go.Bar(
            x=of_type.index, y=of_type.values, name=TYPE_LABELS[etype], marker={"color": TYPE_COLOURS[etype]},
            hovertext=[f"{ts.strftime(fmt)}: {n:,} {esc(TYPE_LABELS[etype])}" for ts, n in of_type.items()],
            hoverinfo="text", xperiod=PERIOD_WIDTHS[period], xperiodalignment="start",
        ), row=1, col=1)
    vague = counts[~counts["precise"]].groupby("period_start")["events"].sum()
    if not vague.empty:
        label = f"date less precise than a {PERIODS[period]}"
        fig.add_trace(go.Bar(
            x=vague.index, y=vague.values, name=label,
            marker={"color": "#bbbbbb", "pattern": {"shape": "/"}},
            hovertext=[f"{n:,} events dated only to a wider window starting in {ts.strftime(fmt)}"
                       for ts, n in vague.items()],
            hoverinfo="text", xperiod=PERIOD_WIDTHS[period], xperiodalignment="start",
        ), row=1, col=1)
    grid = (counts[counts["process_id"].isin(shown)]
            .pivot_table(index="process_id", columns="period_start", values="events", aggfunc="sum", fill_value=0)
            .reindex(index=shown))
    names = [esc(process_names.get(p, p)) for p in grid.index]
    fig.add_trace(go.Heatmap(
        z=grid.values, x=grid.columns, y=names, colorscale="Blues", showscale=False, xgap=1, ygap=1,
        hovertemplate="%{y}<br>%{x}: %{z:,} events<extra></extra>",
    ), row=2, col=1)
    fig.update_yaxes(autorange="reversed", automargin=True, row=2, col=1)
    fig.update_layout(barmode="stack", height=440 + 18 * len(shown), margin={"l": 10, "r": 10, "t": 60, "b": 10},
                      legend=BOTTOM_LEGEND)
    fig.update_annotations(xanchor="left", x=0, align="left", font={"size": 13})
    return fig
