"""History: every save to the team's database, who made it, when, from which article, and reverting one.

Listed only when the store is a PostgreSQL database (a data folder's history is its git log). Reading it
costs one query on this view alone; the other views never ask for it.
"""

import pandas as pd
import streamlit as st

from dashboard.curation.store import StoreError
from dashboard.ui import session_access
from dashboard.ui.safe_text import md
from dashboard.ui.state import context


def _table(history: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "Save": history["save_id"],
        "When (UTC)": pd.to_datetime(history["saved_at"], utc=True).dt.strftime("%Y-%m-%d %H:%M:%S"),
        "Who": history["editor"],
        "Kind": history["kind"],
        "Article": [f"{s}: {titles.get(s, '(not in the data now)')}" if s else "" for s in history["source_id"]],
        "Records": history["what"],
        "Reverts": history["reverts"].map(lambda v: "" if pd.isna(v) else f"save {int(v)}"),
        "Reverted": history["reverted"].map({True: "yes", False: ""}),
    })


ctx = context()
st.title("History")
st.caption(f"Every save to the team's database ({md(ctx.store.where)}), newest first: who saved, when, from which "
           "article, and which records. A revert withdraws one save's records and is itself listed.")
saved = st.session_state.pop("history_reverted", None)
if saved:
    st.success(saved, icon=":material/undo:")
try:
    history = ctx.store.history()
except StoreError as exc:
    st.error(f"{exc}. Try again in a minute.", icon=":material/cloud_off:")
    st.stop()
st.dataframe(_table(history, ctx.data.source_titles), hide_index=True, width="stretch")

access = session_access.current_access()
revertible = history[(history["kind"] == "save") & ~history["reverted"].astype(bool)]
if access.can_edit and not revertible.empty:
    st.subheader("Revert a save")
    labels = {int(r.save_id): f"save {int(r.save_id)} by {r.editor}: {r.what}" for r in revertible.itertuples()}
    chosen = st.selectbox("Save", list(labels), format_func=labels.get, key="history-revert")
    if st.button("Revert this save", key="history-revert-button", icon=":material/undo:"):
        try:
            revert_id = ctx.store.revert(chosen, editor=session_access.current_email() or "local")
        except StoreError as exc:
            st.error(md(str(exc)), icon=":material/error:")
            for problem in getattr(exc, "problems", [])[:20]:
                st.markdown(f"- {md(problem.file)} line {problem.line}, {md(problem.field)}: {md(problem.message)}")
        else:
            st.session_state["history_reverted"] = f"Save {chosen} reverted (recorded as save {revert_id})."
            st.rerun()
elif not access.can_edit:
    st.info(md(access.reason) + ". Editors can revert a save here.", icon=":material/lock:")
