"""What changed since a day: records added to the dataset since then, status changes, overdue rounds, shifts.

The day is in the address (`?since=2025-05-01`), so "everything since last Monday" is a link to share; the
digest downloads as Markdown or HTML to paste into an e-mail.
"""

import datetime as dt
from functools import partial

import streamlit as st

from dashboard.analysis.changes import changes_since
from dashboard.outputs.digest import digest_frames, digest_html, digest_markdown, sections
from dashboard.ui import downloads
from dashboard.ui.safe_text import md, md_quote
from dashboard.ui.state import context

ctx = context()
data = ctx.data
today = dt.date.today()
st.title("What changed")
st.caption("Everything recorded in the dataset on or after the day you choose: *added* means recorded here, "
           "whatever the date of what it reports. The day is in the address (?since=YYYY-MM-DD): copy it to share "
           "\"everything since last Monday\". The sidebar's process and actor filters apply.")

last_monday = today - dt.timedelta(days=today.weekday() + 7)
since = st.date_input("Changes since", value=last_monday, max_value=today, key="since", bind="query-params",
                      format="YYYY-MM-DD", help="Records recorded on or after this day.")
tables = {**data.tables, "events": ctx.events, "positions": ctx.positions}
if ctx.filters.processes:
    tables["propositions"] = data["propositions"][data["propositions"]["process_id"].isin(ctx.filters.processes)]
changes = changes_since(tables, since, today)

counts = changes.counts()
summary = (f"Since {since:%d %B %Y}: {counts['events']:,} event(s), {counts['positions']:,} position(s), "
           f"{counts['propositions']:,} proposition(s) and {counts['sources']:,} source(s) added; "
           f"{counts['status changed']:,} status change(s); {counts['overdue']:,} announced round(s) now overdue; "
           f"{counts['shifts']:,} shift(s) of stance.")
st.markdown(md(summary))
undated = sum(changes.undated.values())
if undated:
    st.caption(f"{undated} record(s) carry no recorded day (curated before Parley kept it) and are not counted.")

stem = f"parley-changes-since-{since.isoformat()}"
left, right = st.columns(2)
left.download_button("Digest (Markdown, to paste into an e-mail)", partial(digest_markdown, changes, data, ctx.version),
                     file_name=f"{stem}.md", mime="text/markdown", icon=":material/download:", key="digest-md")
right.download_button("Digest (HTML, one page)", partial(digest_html, changes, data, ctx.version),
                      file_name=f"{stem}.html", mime="text/html", icon=":material/download:", key="digest-html")

for section in sections(changes, data):
    st.subheader(section.title)
    if not section.items:
        st.caption(section.empty)
        continue
    for item in section.items:
        with st.container(border=True):
            st.markdown(md(item.text))
            if item.quote:
                st.markdown(md_quote(item.quote))
                st.caption("Source: " + md(item.source))
            elif item.cited_row:
                st.caption(md(item.cited_row))
    if section.more:
        st.caption(md(section.more_text))

with st.expander("These changes as tables"):
    downloads.tables(partial(digest_frames, changes), "changes")
