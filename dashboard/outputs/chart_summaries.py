"""A sentence or two beside each chart saying what it shows for the filters in use.

A screen reader announces it (it is also the chart's `alt` text) and every reader gets the gist without
reading the picture; the chart's data is one click away as a table. Plain text: the view escapes it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.dataset.columns import counts_by_size, largest_first
from dashboard.dataset.dates import format_partial

TOP = 3  # the few largest groups named in a summary


def _top(counts: pd.Series, label=str) -> str:
    return ", ".join(f"{n:,} {label(k)}" for k, n in counts.head(TOP).items())


def timeline_summary(events: pd.DataFrame, process_names: dict[str, str]) -> str:
    """`events` as loaded (window_start, window_end, type, status, process_id)."""
    if events.empty:
        return "No events match the filters."
    first, last = events["window_start"].min(), events["window_end"].max()
    processes = events["process_id"].nunique()
    kinds = counts_by_size(events["type"].str.replace("_", " "))
    statuses = counts_by_size(events["status"])
    return (f"{len(events):,} events in {processes} process(es), from {format_partial(first, 'day')} to "
            f"{format_partial(last, 'day')}. Most are {_top(kinds)}; by status {_top(statuses)}. "
            f"Busiest process: {process_names.get(events['process_id'].mode()[0], events['process_id'].mode()[0])}.")


def counts_summary(counts: pd.DataFrame, period_name: str, process_names: dict[str, str]) -> str:
    """`counts` from analysis.queries.timeline_counts."""
    if counts.empty:
        return "No events match the filters."
    per_period = counts.groupby("period_start")["events"].sum()
    busiest = per_period.idxmax()
    per_process = largest_first(counts.groupby("process_id")["events"].sum())
    return (f"{int(counts['events'].sum()):,} events counted per {period_name} over {len(per_period):,} "
            f"{period_name}s; the busiest {period_name} began {format_partial(busiest, 'day')} "
            f"({int(per_period.max()):,} events). Most events: "
            + _top(per_process, lambda p: f"in {process_names.get(p, p)}") + ".")


def stance_matrix_summary(cells: pd.DataFrame) -> str:
    """`cells` from analysis.queries.stance_matrix."""
    if cells.empty:
        return "No positions match the filters."
    red = cells[cells["red_line"]]
    reds = "; ".join(f"{a} {s} on {i}" for a, s, i in zip(red["actor"], red["stance"], red["issue"]))
    return (f"The latest stance of {cells['actor'].nunique()} actor(s) on {cells['issue'].nunique()} issue(s), "
            f"{len(cells)} in all. " + (f"{len(red)} red line(s): {reds}." if len(red) else "No red line."))


def stance_history_summary(history: pd.DataFrame, issue: str) -> str:
    """`history` from analysis.queries.stance_history, oldest first."""
    if history.empty:
        return f"No positions on {issue} match the filters."
    steps = []
    for actor, rows in history.groupby("actor", sort=True):
        path = " → ".join(f"{s}{' (red line)' if r else ''} ({format_partial(d, p)})" for s, r, d, p in
                          zip(rows["stance"], rows["red_line"], rows["date_value"], rows["date_precision"]))
        steps.append(f"{actor}: {path}")
    return f"Stances on {issue} over time. " + "; ".join(steps[:6]) + ("; …" if len(steps) > 6 else "") + "."


def network_summary(links: pd.DataFrame, process_names: dict[str, str]) -> str:
    """`links` from analysis.network.third_party_links."""
    if links.empty:
        return "No event in view names a mediator, host or facilitator."
    busiest = largest_first(links.groupby("name")["events"].sum())
    return (f"{links['actor_id'].nunique()} third part(ies) across {links['process_id'].nunique()} process(es), "
            "a line for each that served a process, as thick as the events it served in. The busiest: "
            + ", ".join(f"{n} ({e} event(s))" for n, e in busiest.head(TOP).items()) + ".")


def venue_summary(venues: pd.DataFrame) -> str:
    """`venues` from analysis.network.venue_rounds, with latitude where placed."""
    if venues.empty:
        return "No event in view names the city it met in."
    placed = int(venues["latitude"].notna().sum()) if "latitude" in venues else len(venues)
    return (f"{len(venues)} venue(s), {placed} on the map, each as large as the rounds that met there. Most rounds: "
            + ", ".join(f"{c} ({r})" for c, r in zip(venues["venue_city"].head(TOP), venues["rounds"].head(TOP))) + ".")
