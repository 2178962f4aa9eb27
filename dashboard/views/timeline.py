"""Timeline: talks and related events, with honest dates and announced-versus-held slippage."""

import streamlit as st

from dashboard.analysis.describe import readable_events
from dashboard.analysis.queries import PERIODS, TIMELINE_DETAIL_LIMIT, describe_date, timeline_counts, timeline_period
from dashboard.dataset.schema import TABLES
from dashboard.outputs.chart_summaries import counts_summary, timeline_summary
from dashboard.outputs.figures import timeline_counts_figure, timeline_figure
from dashboard.ui import downloads
from dashboard.ui.paging import page_of
from dashboard.ui.safe_text import no_match
from dashboard.ui.share import cite_this_view
from dashboard.ui.state import context

ctx = context()
st.title("Timeline")

events = ctx.events
if events.empty:
    no_match("event", "Widen the date range or pick more event types or statuses")
    st.stop()

names = ctx.data.process_names
if len(events) <= TIMELINE_DETAIL_LIMIT:
    st.caption("Colour shows the event type, the marker its status. A bar is a date known only to the week, month "
               "or year (or a span): the event fell somewhere inside it. A dotted line joins the date a meeting was "
               "announced for to the date it happened. Hover for venue, parties, mediators, summary and source.")
    downloads.chart(timeline_figure(readable_events(ctx.data, events), names), "timeline", "events",
                    timeline_summary(events, names) + " Every event is in the table below.")
else:
    period = timeline_period(events)
    st.info(f"{len(events):,} events are too many to draw one by one, so the chart counts them per "
            f"{PERIODS[period]}. Narrow the filters (a process, a date range, an actor, a type) to "
            f"{TIMELINE_DETAIL_LIMIT:,} events or fewer to see each one with its details.",
            icon=":material/bar_chart:")
    counts = timeline_counts(events, period)
    downloads.chart(timeline_counts_figure(counts, period, names), "timeline", "counts",
                    counts_summary(counts, PERIODS[period], names),
                    table=counts.assign(process=counts["process_id"].map(names)))

st.subheader(f"{len(events):,} events")
shown = readable_events(ctx.data, page_of(events, key="timeline-page"))
table = shown.assign(
    when=shown.apply(describe_date, axis=1),
    process=shown["process_id"].map(names),
    type_label=shown["type"].str.replace("_", " "),
)[["when", "title", "process", "type_label", "status", "venue", "level", "parties", "third_parties", "summary",
   "sources", "related", "event_id"]]
st.dataframe(
    table, hide_index=True, width="stretch",
    column_config={
        "when": "Date", "title": "Event", "process": "Process", "type_label": "Type", "status": "Status",
        "venue": "Venue", "level": "Level", "parties": "Parties", "third_parties": "Mediators, hosts, facilitators",
        "summary": st.column_config.TextColumn("Summary", width="large"), "sources": "Sources",
        "related": "The same happening, recorded apart", "event_id": "ID",
    },
)
schema_events = events[TABLES["events"].columns]
downloads.table(schema_events, "timeline", "Download these events", key="download-timeline-events")
downloads.tables({"events": schema_events}, "timeline")
cite_this_view(ctx.data, events=events)
