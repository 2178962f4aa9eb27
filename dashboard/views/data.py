"""Data: the filtered tables with CSV downloads, and the data-health list of every problem found."""

import pandas as pd
import streamlit as st

from dashboard.dataset.columns import isin
from dashboard.dataset.problems import CODES
from dashboard.dataset.schema import TABLES
from dashboard.ui import downloads
from dashboard.ui.paging import page_of
from dashboard.ui.share import cite_this_view
from dashboard.ui.state import context

MAX_LISTED = 1_000  # rows of problems sent to the browser; the download holds them all


ctx = context()
data = ctx.data
st.title("Data")

shown_ids = pd.concat([ctx.events["event_id"], ctx.positions["position_id"]])
citations = data["citations"][isin(data["citations"]["record_id"], shown_ids)]
tables = {
    "events": ctx.events,
    "positions": ctx.positions,
    "citations": citations,
    "sources": data["sources"],
    "actors": data["actors"],
    "processes": data["processes"],
    "issues": data["issues"],
}
problems = data.problems_table
n_errors = int((problems["severity"] == "error").sum())
n_warnings = int((problems["severity"] == "warning").sum())
health_label = f"Data health ({n_errors} errors, {n_warnings} warnings)"
downloads.tables({name: frame[TABLES[name].columns] for name, frame in tables.items()}, "data")
tabs = st.tabs([*(f"{name.capitalize()} ({len(frame):,})" for name, frame in tables.items()), health_label])

for tab, (name, frame) in zip(tabs, tables.items()):
    with tab:
        schema_columns = TABLES[name].columns
        if frame.empty:
            st.info(f"No {name} match the filters. Press **Clear filters** in the sidebar to see them all.")
            continue
        st.dataframe(page_of(frame[schema_columns], key=f"page-{name}"), hide_index=True, width="stretch")
        downloads.table(frame[schema_columns], f"data-{name}", f"Download {name}", key=f"download-{name}")

with tabs[-1]:
    st.caption("Every problem the loader found. A record with an error is left out of the charts until it is "
               "fixed; a warning is worth a look but the record is used. Lines count from the header (line 1).")
    if problems.empty:
        st.success("No problems found: every record passed validation.", icon=":material/check_circle:")
    else:
        if n_errors:
            st.error(f"{n_errors} problem(s) keep records out of the charts.", icon=":material/error:")
        if len(problems) > MAX_LISTED:
            st.markdown("**Problems by kind**")
            kinds = problems.groupby(["severity", "code", "file", "field"], dropna=False).size().rename("count")
            kinds = kinds.reset_index().sort_values(["count", "severity", "code", "file", "field"],
                                                    ascending=[False, True, True, True, True])
            st.dataframe(kinds.assign(meaning=kinds["code"].map(CODES)), hide_index=True, width="stretch")
            st.caption(f"The first {MAX_LISTED:,} of {len(problems):,} problems; download them all below.")
        st.dataframe(problems.head(MAX_LISTED), hide_index=True, width="stretch",
                     column_config={"severity": "Severity", "code": "Kind", "file": "File", "line": "Line", "field": "Field",
                                    "value": "Value", "message": st.column_config.TextColumn("Problem", width="large"),
                                    "record_id": "Record"})
        downloads.table(problems, "data-problems", "Download every problem", key="download-problems")
        for name, frame in data.invalid.items():
            if not frame.empty:
                shown = f" (the first {MAX_LISTED:,} of {len(frame):,})" if len(frame) > MAX_LISTED else ""
                st.markdown(f"**Records held back from {TABLES[name].filename}**{shown}")
                st.dataframe(frame.head(MAX_LISTED), hide_index=True, width="stretch")
cite_this_view(data, events=ctx.events, positions=ctx.positions)
