"""Download controls: each chart as interactive HTML (and SVG from its toolbar), tables as Excel and JSON.

Files are made when a button is pressed, not on every rerun, and named after
the view, its filters and the day (dashboard/outputs/exports.py).
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.outputs.exports import chart_html, excel_bytes, export_name, json_bytes
from dashboard.ui.state import context


def chart(figure: go.Figure, view: str, what: str) -> None:
    """A plotly chart whose camera button saves an SVG, with a download of it as standalone HTML below."""
    filters = context().filters
    stem = export_name(f"{view}-{what}", filters, "svg").removesuffix(".svg")
    st.plotly_chart(figure, width="stretch", key=f"chart-{view}-{what}",
                    config={"displaylogo": False, "toImageButtonOptions": {"format": "svg", "filename": stem}})
    st.download_button(f"Download the {what.replace('-', ' ')} chart (interactive HTML)",
                       partial(chart_html, figure, f"Parley: {view}, {what.replace('-', ' ')}"),
                       file_name=f"{stem}.html", mime="text/html", icon=":material/download:",
                       key=f"download-chart-{view}-{what}")


def tables(frames: dict[str, pd.DataFrame], view: str) -> None:
    """Excel (one sheet per table) and JSON downloads of the tables a view shows, side by side."""
    ctx = context()
    filters = ctx.filters
    excel_col, json_col = st.columns(2)
    excel_col.download_button(
        "Download as Excel", partial(excel_bytes, frames), file_name=export_name(view, filters, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:",
        key=f"download-{view}-xlsx")
    json_col.download_button(
        "Download as JSON", partial(json_bytes, frames, filters, ctx.version, view),
        file_name=export_name(view, filters, "json"), mime="application/json", icon=":material/download:",
        key=f"download-{view}-json")
