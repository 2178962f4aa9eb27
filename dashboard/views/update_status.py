"""Update a status: an announced round held, postponed or cancelled, with the words of an article that say so.

Only editors save (dashboard/curation/permissions.py); the change keeps the status before and the day it
changed, so "What changed" lists it, and its quote is checked against the article like every other.
"""

from functools import partial

import streamlit as st

from dashboard.curation.status import status_change
from dashboard.curation.store import SaveError
from dashboard.dataset.problems import problems_frame
from dashboard.dataset.schema import EVENT_STATUSES
from dashboard.db.store import DatabaseUnavailable
from dashboard.ui import session_access
from dashboard.ui.safe_text import md, md_quote
from dashboard.ui.state import context

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

events = data["events"]
if events.empty:
    st.info("There is no event to update yet: add one on Curate.", icon=":material/info:")
    st.stop()
announced_first = events.iloc[events["status"].ne("announced").to_numpy().argsort(kind="stable")]
titles = dict(zip(announced_first["event_id"], announced_first["title"] + " · " + announced_first["status"]))
event_id = st.selectbox("Event", list(titles), format_func=titles.get, key="status-event",
                        help="Announced events are listed first.")
event = events.set_index("event_id").loc[event_id]
st.markdown(f"Now **{md(event['status'])}**" + (f" (was {md(event['previous_status'])} until "
                                                  f"{md(event['status_changed'])})" if event["previous_status"] else ""))
choices = [s for s in EVENT_STATUSES if s != event["status"]]
status = st.radio("New status", choices, horizontal=True, key="status-new")
sources = data.source_titles
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
    except (SaveError, DatabaseUnavailable) as exc:
        st.error(md(str(exc)), icon=":material/error:")
        if getattr(exc, "problems", None):
            st.dataframe(problems_frame(exc.problems), hide_index=True, width="stretch")
    else:
        st.session_state["status_saved"] = f"Saved: {event['title']} is now {status} (it was {event['status']})."
        st.session_state.pop("status-quote", None)
        st.rerun()
