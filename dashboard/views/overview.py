"""Overview: the state of each negotiation process at a glance."""

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from dashboard.analysis.queries import EventRow, ProcessOverview, describe_date, process_overview
from dashboard.dataset.dates import format_partial
from dashboard.outputs.brief import brief_html
from dashboard.ui.safe_text import md, no_match
from dashboard.ui.share import cite_this_view, view_link
from dashboard.ui.state import ViewContext, context

MAX_CARDS = 10  # processes shown in full; beyond, a one-line table of all of them comes first


def _one_line(event: EventRow | None) -> str:
    return "" if event is None else f"{event['title']} ({describe_date(event)})"


def _event_line(event: EventRow) -> str:
    parts = [f"**{md(event['title'])}**", md(describe_date(event))]
    if event["venue"]:
        parts.append(md(event["venue"]))
    return "  \n".join(parts)


def _brief_bytes(ctx: ViewContext, process_id: str, name: str) -> bytes:
    link = view_link(ctx.version, {"process": name})  # the overview of this process
    return brief_html(ctx.data, process_id, ctx.version, link).encode("utf-8")


def _card(ctx: ViewContext, summary: ProcessOverview) -> None:
    with st.container(border=True):
        st.subheader(md(summary.name))
        st.caption(md(summary.conflict))
        st.download_button("Printable brief (HTML: open it and print, or save as PDF)",
                           partial(_brief_bytes, ctx, summary.process_id, summary.name),
                           file_name=f"parley-brief-{summary.process_id}-{dt.date.today().isoformat()}.html",
                           mime="text/html", icon=":material/print:", key=f"brief-{summary.process_id}")
        next_col, last_col, rounds_col, signed_col, slipped_col = st.columns([3, 3, 1, 1, 1.4])
        with next_col:
            st.markdown("**Next announced talks**")
            if summary.next is not None:
                st.markdown(_event_line(summary.next))
                if summary.next["third_parties"]:
                    st.markdown("Mediators/hosts: " + md(summary.next["third_parties"]))
            else:
                st.markdown("None announced.")
                if summary.overdue is not None:
                    st.caption("Last announced: " + md(summary.overdue["title"]) + ", "
                               + md(describe_date(summary.overdue)) + " (date passed; no outcome recorded)")
        with last_col:
            st.markdown("**Last round held**")
            if summary.last_held is not None:
                st.markdown(_event_line(summary.last_held))
            elif summary.agreements:  # a process known only from its agreements (a dataset's) reads as such
                st.markdown(f"No rounds recorded; {summary.agreements:,} agreement(s) signed.")
            else:
                st.markdown("None recorded.")
            if summary.last_agreement is not None:
                st.markdown("**Last agreement signed**  \n" + _event_line(summary.last_agreement))
                if summary.last_agreement.get("sources"):
                    st.caption(md(summary.last_agreement["sources"]))
        rounds_col.metric("Rounds held", summary.rounds_held)
        signed_col.metric("Agreements signed", summary.agreements)
        slipped_col.metric("Postponed/cancelled", f"{summary.postponed} / {summary.cancelled}",
                           help=f"{summary.suspended} suspended")
        if summary.third_parties:
            st.markdown("**Mediators, hosts and facilitators:** " + md("; ".join(summary.third_parties)))
        if not summary.latest_positions.empty:
            st.markdown("**Latest statements**")
            for _, p in summary.latest_positions.iterrows():
                who = p["actor"] + (f" ({p['speaker']})" if p["speaker"] else "")
                red = " · :red-badge[red line]" if p["red_line"] else ""
                st.markdown(f"- {md(format_partial(p['date_value'], p['date_precision']))} · **{md(who)}** "
                            f"{md(p['stance'])}{red}: {md(p['paraphrase'])}")


ctx = context()
st.title("Overview")
st.caption("Each negotiation process within the current filters: the next talks announced, the last round held, "
           "and the latest stated positions.")

summaries = process_overview(ctx.data["processes"], ctx.events, ctx.positions, ctx.data.event_actors,
                             pd.Timestamp.now(), detailed=MAX_CARDS, citations=ctx.data["citations"])
if not summaries:
    no_match("event or position")

if len(summaries) > MAX_CARDS:
    st.markdown(f"**{len(summaries)} processes** match the filters: one line each below, and the details of the "
                f"first {MAX_CARDS} after. Pick processes in the sidebar to see the details of others.")
    st.dataframe(pd.DataFrame({
        "Process": [s.name for s in summaries],
        "Next announced talks": [_one_line(s.next) for s in summaries],
        "Last round held": [_one_line(s.last_held) for s in summaries],
        "Rounds held": [s.rounds_held for s in summaries],
        "Agreements signed": [s.agreements for s in summaries],
        "Postponed": [s.postponed for s in summaries],
        "Cancelled": [s.cancelled for s in summaries],
    }), hide_index=True, width="stretch")

for summary in summaries[:MAX_CARDS]:
    _card(ctx, summary)
cite_this_view(ctx.data, events=ctx.events, positions=ctx.positions)
