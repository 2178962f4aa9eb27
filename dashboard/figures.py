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

from dashboard.queries import describe_date
from dashboard.schema import EVENT_STATUSES, EVENT_TYPES, STANCES

# Colour-blind-safe (Okabe–Ito) colours per event type, readable on light and dark backgrounds.
TYPE_COLOURS = dict(zip(EVENT_TYPES, (
    "#56B4E9", "#0072B2", "#CC79A7", "#999999", "#E69F00", "#F0E442", "#009E73", "#D55E00", "#8C6BB1",
)))
TYPE_LABELS = {t: t.replace("_", " ") for t in EVENT_TYPES}
STATUS_SYMBOLS = {"held": "circle", "announced": "circle-open", "postponed": "triangle-right-open",
                  "cancelled": "x-thin-open", "suspended": "square"}
STANCE_COLOURS = [[0.0, "#e66101"], [0.25, "#fdb863"], [0.5, "#d9d9d9"], [0.75, "#b2abd2"], [1.0, "#5e3c99"]]
DAY_MS = 24 * 3600 * 1000


def _esc(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def _wrap(text: str, width: int = 70) -> str:
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
            f"<b>{_esc(e['title'])}</b>",
            f"{_esc(describe_date(e))} · {_esc(TYPE_LABELS.get(e['type'], e['type']))} · {_esc(e['status'])}",
        ]
        if e["venue"]:
            rows.append(f"Venue: {_esc(e['venue'])}")
        if e["parties"]:
            rows.append(f"Parties: {_esc(e['parties'])}")
        if e["third_parties"]:
            rows.append(f"Mediators/hosts: {_esc(e['third_parties'])}")
        rows.append(_wrap(_esc(e["summary"])))
        if e["sources"]:
            rows.append(_wrap("Source: " + _esc(e["sources"])))
        labels.append("<br>".join(rows))
    return labels


def _row_labels(events: pd.DataFrame, process_names: dict[str, str]) -> pd.Series:
    """Y-axis label per event: its title, made unique where two events share one."""
    titles = events["title"].astype(str)
    dup = titles.duplicated(keep=False)
    return titles.where(~dup, titles + " (" + events["event_id"] + ")")


def timeline_figure(events: pd.DataFrame, process_names: dict[str, str] | None = None) -> go.Figure:
    """Events as points (day known) or windows (week, month, year, or a span), one row each.

    Colour is the event type, marker shape the status; a dashed line joins the
    announced date to the date the event happened, so slippage shows.
    """
    process_names = process_names or {}
    fig = go.Figure()
    if events.empty:
        fig.add_annotation(text="No events match the filters", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_layout(height=200, xaxis={"visible": False}, yaxis={"visible": False})
        return fig
    events = events.sort_values(["process_id", "window_start", "event_id"]).copy()
    events["row"] = _row_labels(events, process_names)
    events["hover"] = event_hover(events)
    windowed = (events["date_precision"] != "day") | (events["window_end"] > events["window_start"])

    for etype in EVENT_TYPES:
        of_type = events[events["type"] == etype]
        if of_type.empty:
            continue
        colour = TYPE_COLOURS[etype]
        win = of_type[windowed.loc[of_type.index]]
        if not win.empty:
            fig.add_trace(go.Bar(
                name=TYPE_LABELS[etype], legendgroup=etype, orientation="h", y=win["row"],
                base=win["window_start"], x=((win["window_end"] - win["window_start"]).dt.days + 1) * DAY_MS,
                marker={"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 2}},
                hovertext=win["hover"], hoverinfo="text", customdata=win["event_id"],
                showlegend=True,
            ))
        day = of_type[~windowed.loc[of_type.index]]
        if not day.empty:
            fig.add_trace(go.Scatter(
                name=TYPE_LABELS[etype], legendgroup=etype, mode="markers", y=day["row"], x=day["start"],
                marker={"color": colour, "size": 13, "symbol": day["status"].map(STATUS_SYMBOLS).tolist(),
                        "line": {"color": colour, "width": 2}},
                hovertext=day["hover"], hoverinfo="text", customdata=day["event_id"],
                showlegend=win.empty,
            ))

    slipped = events[events["announced"].notna() & (events["announced"] != events["start"])]
    for _, e in slipped.iterrows():
        fig.add_trace(go.Scatter(
            x=[e["announced"], e["start"]], y=[e["row"], e["row"]], mode="lines+markers",
            line={"dash": "dot", "color": "#888888"}, marker={"symbol": ["diamond-open", "circle"], "size": [11, 1],
                                                                 "color": "#888888"},
            name="announced → held", legendgroup="slip", showlegend=False, hoverinfo="text",
            hovertext=f"{_esc(e['title'])}<br>announced for {_esc(describe_date(e))}",
        ))
    if not slipped.empty:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines+markers", name="announced → held",
                                 line={"dash": "dot", "color": "#888888"}, marker={"symbol": "diamond-open"}))
    for status in EVENT_STATUSES:
        if status in set(events["status"]):
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"status: {status}",
                                     marker={"symbol": STATUS_SYMBOLS[status], "color": "#888888", "size": 10},
                                     legendgroup="status"))

    order = events["row"].tolist()
    fig.update_layout(
        barmode="overlay",
        height=160 + 34 * len(order),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"align": "left"},
        xaxis={"type": "date", "title": None},
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "title": None, "automargin": True},
    )
    return fig


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
        f"<b>{_esc(a)}</b> on {_esc(i)}<br>{_esc(s)}{' · red line' if r else ''}<br>{_wrap(_esc(p))}"
        for a, i, s, r, p in zip(cells["actor"], cells["issue"], cells["stance"], cells["red_line"], cells["paraphrase"])
    ]).pivot(index="actor", columns="issue", values="h").reindex(index=actors, columns=issues)
    fig.add_trace(go.Heatmap(
        z=z.astype("float").values, x=[_esc(i) for i in issues], y=[_esc(a) for a in actors],
        text=text.fillna("").map(_esc).values, texttemplate="%{text}",
        customdata=hover.fillna("").values, hovertemplate="%{customdata}<extra></extra>",
        zmin=min(STANCES.values()), zmax=max(STANCES.values()), colorscale=STANCE_COLOURS, xgap=3, ygap=3,
        colorbar={"title": {"text": "stance"}, "tickvals": list(STANCES.values()), "ticktext": list(STANCES)},
    ))
    red = cells[cells["red_line"]]
    if not red.empty:
        fig.add_trace(go.Scatter(
            x=[_esc(i) for i in red["issue"]], y=[_esc(a) for a in red["actor"]], mode="markers", name="red line",
            marker={"symbol": "square-open", "size": 46, "color": "#d62728", "line": {"width": 3}}, hoverinfo="skip",
        ))
    fig.update_layout(height=140 + 60 * len(actors), margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      xaxis={"side": "top", "title": None}, yaxis={"autorange": "reversed", "title": None},
                      showlegend=False)
    return fig


def stance_history_figure(history: pd.DataFrame) -> go.Figure:
    """Each actor's stance on an issue over time; a window shows an imprecise date, a star a red line."""
    fig = go.Figure()
    for actor, rows in history.groupby("actor", sort=True):
        mid = rows["window_start"] + (rows["window_end"] - rows["window_start"]) / 2
        fig.add_trace(go.Scatter(
            x=mid, y=rows["stance_score"].astype(float), mode="lines+markers", name=_esc(actor), line={"shape": "hv"},
            marker={"size": [18 if r else 11 for r in rows["red_line"]],
                    "symbol": ["star" if r else "circle" for r in rows["red_line"]]},
            error_x={"type": "data", "symmetric": True,
                     "array": ((rows["window_end"] - rows["window_start"]).dt.total_seconds() * 500).tolist(),
                     "thickness": 1.5, "width": 4},
            hovertext=[f"<b>{_esc(a)}</b> · {_esc(s)}{' · red line' if r else ''}<br>{_wrap(_esc(p))}"
                       for a, s, r, p in zip(rows["actor"], rows["stance"], rows["red_line"], rows["paraphrase"])],
            hoverinfo="text",
        ))
    fig.update_layout(
        height=360, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"tickvals": list(STANCES.values()), "ticktext": list(STANCES), "range": [-2.5, 2.5], "title": None},
        xaxis={"type": "date", "title": None}, legend={"orientation": "h", "y": 1.1},
    )
    return fig
