"""Taking what a view shows into a document: tables as CSV, Excel and JSON, charts as standalone HTML.

`TABLE_FORMATS` is the one list of table formats: the download controls
(dashboard/ui/downloads.py) offer what it holds, so a new format is one entry
here. Every file is named after the view, its filters and the day it was made
(`parley-timeline-type-call-2026-11-26.xlsx`), so a folder of downloads says
what each one holds. The JSON layout is documented in data/README.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.filters import URL_KEYS, Filters
from dashboard.dataset.ids import slug
from dashboard.dataset.version import DataVersion

MAX_NAME = 120  # characters of a file name before the date and extension
JSON_FORMAT = "parley-export/1"


def export_name(view: str, filters: Filters, extension: str, today: dt.date | None = None) -> str:
    """`parley-<view>[-<filter>-<value>…]-<date>.<extension>`, the filters in their URL names."""
    parts = [f"parley-{slug(view, MAX_NAME)}"]
    for field, key in URL_KEYS.items():
        value = getattr(filters, field)
        values = value if isinstance(value, tuple) else (value,) if value else ()
        if values:
            parts.append(f"{key}-" + "-".join(slug(v, MAX_NAME) for v in values))
    stem = "-".join(parts)[:MAX_NAME].rstrip("-")
    return f"{stem}-{(today or dt.date.today()).isoformat()}.{extension}"


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text, missing values as empty: what a spreadsheet or a JSON reader should get."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d").fillna("")
        elif out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].fillna("").astype(str)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")


def excel_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table (sheet names are at most 31 characters in Excel)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables.items():
            _plain(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def json_bytes(tables: dict[str, pd.DataFrame], filters: Filters, version: DataVersion, view: str) -> bytes:
    """{"format", "view", "dataset_version", "filters", "tables": {name: [record, …]}}; see data/README.md."""
    document = {
        "format": JSON_FORMAT,
        "view": view,
        "dataset_version": version.digest,
        "dataset_commit": version.commit,
        "filters": {URL_KEYS[f.name]: _json_value(getattr(filters, f.name)) for f in dataclasses.fields(filters)},
        "tables": {name: _plain(frame).to_dict("records") for name, frame in tables.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _json_value(value):
    if isinstance(value, tuple):
        return list(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def chart_html(figure: go.Figure, title: str) -> bytes:
    """The chart as one HTML file that opens offline in any browser, still interactive (plotly.js inside)."""
    return figure.to_html(full_html=True, include_plotlyjs=True, div_id="parley-chart",
                          config={"displaylogo": False}).replace("<head>", f"<head><title>{html.escape(title)}</title>",
                                                                 1).encode("utf-8")


@dataclass(frozen=True)
class ExportRequest:
    """What a table file says about itself: the view it came from, its filters and the dataset version."""

    view: str
    filters: Filters
    version: DataVersion


@dataclass(frozen=True)
class TableFormat:
    """A file format for the tables a view shows."""

    label: str  # on the button: "Download as Excel"
    extension: str
    mime: str
    write: Callable[[dict[str, pd.DataFrame], ExportRequest], bytes]
    one_table: bool = False  # the format holds one table (CSV): offered per table, not for a view's set


TABLE_FORMATS: dict[str, TableFormat] = {
    "csv": TableFormat("CSV", "csv", "text/csv", lambda tables, _: csv_bytes(next(iter(tables.values()))),
                       one_table=True),
    "xlsx": TableFormat("Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        lambda tables, _: excel_bytes(tables)),
    "json": TableFormat("JSON", "json", "application/json",
                        lambda tables, r: json_bytes(tables, r.filters, r.version, r.view)),
}
