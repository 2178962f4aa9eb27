"""Timeline: talks and related events, with honest dates and announced-versus-held slippage."""

import streamlit as st

from dashboard.figures import timeline_figure
from dashboard.queries import describe_date
from dashboard.ui.state import context
from dashboard.ui.text import no_match

ctx = context()
st.title("Timeline")
st.caption("Colour shows the event type, the marker its status. A bar is a date known only to the week, month or "
           "year (or a span): the event fell somewhere inside it. A dotted line joins the date a meeting was "
           "announced for to the date it happened. Hover for venue, parties, mediators, summary and source.")

events = ctx.events
if events.empty:
    no_match("event", "Widen the date range or pick more event types or statuses")
    st.stop()

names = dict(zip(ctx.data["processes"]["process_id"], ctx.data["processes"]["name"]))
st.plotly_chart(timeline_figure(events, names), width="stretch", config={"displaylogo": False})

st.subheader(f"{len(events)} events")
table = events.assign(
    when=events.apply(describe_date, axis=1),
    process=events["process_id"].map(names),
    type_label=events["type"].str.replace("_", " "),
)[["when", "title", "process", "type_label", "status", "venue", "level", "parties", "third_parties", "summary",
   "sources", "event_id"]]
st.dataframe(
    table, hide_index=True, width="stretch",
    column_config={
        "when": "Date", "title": "Event", "process": "Process", "type_label": "Type", "status": "Status",
        "venue": "Venue", "level": "Level", "parties": "Parties", "third_parties": "Mediators, hosts, facilitators",
        "summary": st.column_config.TextColumn("Summary", width="large"), "sources": "Sources",
        "event_id": "ID",
    },
)
