"""Download controls: each chart as interactive HTML (and SVG from its toolbar), tables as Excel and JSON.

Files are made when a button is pressed, not on every rerun, and named after
the view, its filters and the day (dashboard/outputs/exports.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.outputs.exports import TABLE_FORMATS, ExportRequest, chart_html, export_name
from dashboard.ui.paging import page_of
from dashboard.ui.safe_text import md
from dashboard.ui.state import context


def chart(figure: go.Figure, view: str, what: str, summary: str, table: pd.DataFrame | None = None,
          select: bool = False):
    """A plotly chart with its text summary beside it (also its `alt` text, for a screen reader), its data as a
    table one click away (`table`, when the view does not already show one below), a camera button that
    saves an SVG and a download of it as standalone HTML.

    With `select`, a click on a point reruns the page and the chart's selection event is returned."""
    filters = context().filters
    stem = export_name(f"{view}-{what}", filters, "svg").removesuffix(".svg")
    selection = {"on_select": "rerun", "selection_mode": "points"} if select else {}
    st.caption(md(summary))
    event = st.plotly_chart(figure, width="stretch", key=f"chart-{view}-{what}", **selection, alt=summary,
                            config={"displaylogo": False, "responsive": True,
                                    "toImageButtonOptions": {"format": "svg", "filename": stem}})
    if table is not None:
        with st.expander(f"The {what.replace('-', ' ')} chart's data as a table"):
            st.dataframe(page_of(table, f"chart-table-{view}-{what}"), hide_index=True, width="stretch")
    st.download_button(f"Download the {what.replace('-', ' ')} chart (interactive HTML)",
                       partial(chart_html, figure, f"Parley: {view}, {what.replace('-', ' ')}"),
                       file_name=f"{stem}.html", mime="text/html", icon=":material/download:",
                       key=f"download-chart-{view}-{what}")
    return event


Frames = dict[str, pd.DataFrame] | Callable[[], dict[str, pd.DataFrame]]


def _write(fmt_key: str, frames: Frames, request: ExportRequest) -> bytes:
    return TABLE_FORMATS[fmt_key].write(frames() if callable(frames) else frames, request)


def _button(container, fmt_key: str, frames: Frames, view: str, label: str, key: str) -> None:
    ctx = context()
    fmt = TABLE_FORMATS[fmt_key]
    container.download_button(
        label, partial(_write, fmt_key, frames, ExportRequest(view, ctx.filters, ctx.version)),
        file_name=export_name(view, ctx.filters, fmt.extension), mime=fmt.mime, icon=":material/download:", key=key)


def tables(frames: Frames, view: str) -> None:
    """The tables a view shows in every format that holds several (Excel, one sheet per table; JSON), side by side.
    `frames` may be a function that makes them: it is called only when a button is pressed."""
    formats = [k for k, f in TABLE_FORMATS.items() if not f.one_table]
    for column, fmt_key in zip(st.columns(len(formats)), formats):
        _button(column, fmt_key, frames, view, f"Download as {TABLE_FORMATS[fmt_key].label}", f"download-{view}-{fmt_key}")


def table(frame: pd.DataFrame, view: str, label: str, key: str) -> None:
    """One table in each one-table format (CSV)."""
    for fmt_key, fmt in TABLE_FORMATS.items():
        if fmt.one_table:
            _button(st, fmt_key, {view: frame}, view, f"{label} ({fmt.label})", key if fmt_key == "csv" else f"{key}-{fmt_key}")
