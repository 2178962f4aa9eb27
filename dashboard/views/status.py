"""Update a status: an announced round held, postponed or cancelled, with the words of an article that say so.

Only editors save (dashboard/curation/permissions.py); the change keeps the status before and the day it
changed, so "What changed" lists it, and its quote is checked against the article like every other.
"""

from functools import partial

import streamlit as st

from dashboard.analysis.choices import events_to_update, sources_to_quote
from dashboard.curation.status import status_change
from dashboard.curation.store import StoreError
from dashboard.dataset.problems import problems_frame
from dashboard.dataset.schema import EVENT_STATUSES
from dashboard.ui import session_access
from dashboard.ui.safe_text import md, md_quote, no_match
from dashboard.ui.state import context

PICKER_LIMIT = 100  # events or articles a picker lists at most: a large dataset is narrowed, never sent whole

ctx = context()
data = ctx.data
access = session_access.current_access()
st.title("Update a status")
st.caption("When an article reports that a round announced earlier was held, postponed or cancelled, change the "
           "event's status here and quote the words that say so. The event keeps the status it had and the day it "
           "changed, for What changed.")
done = st.session_state.pop("status_saved", None)
if done:
    st.success(md(done), icon=":material/task_alt:")

if data["events"].empty:
    st.info("There is no event to update yet: add one on Curate.", icon=":material/info:")
    st.stop()
# the picker offers a page of events at most: the sidebar's filters (process, dates, …) and words narrow it
find = st.text_input("Find the event", key="status-find", placeholder="words of its title, its venue or its id",
                     help="The sidebar's process and date filters narrow the list too.")
shown, matched = events_to_update(ctx.events, find, PICKER_LIMIT)
if shown.empty:
    no_match("event", "Change the words, or widen the sidebar's filters")
    st.stop()
if matched > len(shown):
    st.caption(f"The first {len(shown)} of {matched:,} events that match, announced ones first: narrow them with "
               "words above or with the sidebar's process and dates.")
titles = dict(zip(shown["event_id"], shown["title"] + " · " + shown["status"]))
event_id = st.selectbox("Event", list(titles), format_func=titles.get, key="status-event",
                        help="Announced events are listed first, then the newest.")
event = shown.set_index("event_id").loc[event_id]
st.markdown(f"Now **{md(event['status'])}**" + (f" (was {md(event['previous_status'])} until "
                                                  f"{md(event['status_changed'])})" if event["previous_status"] else ""))
choices = [s for s in EVENT_STATUSES if s != event["status"]]
status = st.radio("New status", choices, horizontal=True, key="status-new")
find_source = st.text_input("Find the article that reports it", key="status-find-source",
                            placeholder="words of its title or outlet, or its id")
articles, articles_matched = sources_to_quote(data["sources"], find_source, PICKER_LIMIT)
if articles.empty:
    st.info("No article matches these words.", icon=":material/search_off:")
    st.stop()
if articles_matched > len(articles):
    st.caption(f"The newest {len(articles)} of {articles_matched:,} articles that match: narrow them with words.")
sources = dict(zip(articles["source_id"], articles["title"]))
source_id = st.selectbox("The article that reports it", list(sources), format_func=lambda s: f"{s}: {sources[s]}",
                         key="status-source")
quote = st.text_area("Its words, exactly as the article writes them", key="status-quote", height=90)
if quote.strip():
    st.markdown(md_quote(quote))

if not access.can_edit:
    st.info(md(access.reason) + ". Only an editor can change the data.", icon=":material/lock:")
    st.stop()
if st.button("Save the new status", type="primary", disabled=not (status and quote.strip()), key="status-save"):
    try:
        ctx.store.save(partial(status_change, event_id=event_id, status=status, source_id=source_id, quote=quote),
                       editor=session_access.current_email() or "local")
    except StoreError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        if getattr(exc, "problems", None):
            st.dataframe(problems_frame(exc.problems), hide_index=True, width="stretch")
    else:
        st.session_state["status_saved"] = f"Saved: {event['title']} is now {status} (it was {event['status']})."
        st.session_state.pop("status-quote", None)
        st.rerun()
