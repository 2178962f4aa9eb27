"""The Curate view's review queue and batch intake, drawn with Streamlit (the rules: dashboard/curation/queue.py
and intake.py).

The view opens on the queue: every article taken in and not yet reviewed, with the assistant's proposed
process, its counts of proposals and its date, filtered and sorted. An editor opens one (who opened it, and
when, is shown to everyone, so a second editor sees it is taken); the view then reviews its kept proposals in
the usual tables, and its save takes it off the queue in the same store write. Several uploaded files go to
the queue in one go, with a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.curation import queue
from dashboard.curation.change import Change
from dashboard.curation.intake import intake_files, retitled
from dashboard.curation.prefill import read_metadata
from dashboard.curation.store import Store, StoreError
from dashboard.dataset.loader import Dataset
from dashboard.ui.safe_text import md

REPORT = "curate_queue_report"  # what the last intake or queue change did, shown once after the rerun
PREFILLED = "-prefilled"  # per form: the values the text stated last time, so a new paste may replace them
FORM_FIELDS = ("title", "outlet", "author", "url", "published")
COLUMNS = {"source_id": "Article", "title": "Title", "date": "Date", "process": "Proposed process",
           "events": "Events", "positions": "Positions", "new_actors": "New actors", "state": "State",
           "opened_by": "Opened by", "opened_at": "Opened at", "finished": "Finished"}


def prefill_form(text_key: str, prefix: str) -> None:
    """On a new paste: fill the form's fields from what the text states, where the curator typed nothing (or the
    value came from the text pasted before)."""
    found, _ = read_metadata(st.session_state.get(text_key) or "")
    before = st.session_state.get(prefix + PREFILLED, {})
    for name in FORM_FIELDS:
        key = f"{prefix}-{name}"
        current = st.session_state.get(key) or ""
        if not current or current == before.get(name):
            st.session_state[key] = found.get(name, "")
    st.session_state[prefix + PREFILLED] = found


def _label(item: queue.QueueItem, editor: str) -> str:
    taken = ""
    if item.state == queue.OPENED:
        who = "you" if item.opened_by == editor else item.opened_by
        taken = f" (opened by {who}, {queue.when_text(item.opened_at)})"
    return f"{item.source_id}: {item.title} · {item.date or 'undated'}{taken}"


def queue_panel(store: Store, data: Dataset, can_edit: bool, editor: str, reviewing: bool) -> dict | None:
    """The review queue. Returns the work of the article an editor opened in this run (its text, source and kept
    proposals, refreshed against the data now), or None."""
    report = st.session_state.pop(REPORT, None)
    try:
        items = store.queue()
    except StoreError as exc:
        st.error(f"The review queue cannot be read: {md(exc)}", icon=":material/error:")
        return None
    frame = queue.queue_frame(items)
    counts = frame["state"].value_counts()
    to_review = int(counts.get("waiting", 0) + counts.get("opened", 0))
    with st.expander(f"Review queue: {to_review} article(s) to review", expanded=not reviewing, icon=":material/inbox:"):
        if report:
            _show_report(report)
        if not items:
            # plain text: a caption's inline code falls short of WCAG AA contrast in both themes
            st.caption("No article waits for review. Upload several files below, or run python -m "
                       "dashboard.curation.ingest FOLDER: each article is stored and proposed once, and waits here.")
            return None
        st.caption(f"{to_review} to review, {int(counts.get('opened', 0))} of them opened by an editor; "
                   f"{int(counts.get('reviewed', 0))} reviewed, {int(counts.get('set aside', 0))} set aside. "
                   "Each keeps the assistant's proposals, made once when it was taken in.")
        names = dict(zip(frame["process_id"], frame["process"]))
        c1, c2, c3, c4 = st.columns([4, 2, 2, 2])
        processes = c1.multiselect("Proposed process", sorted(names, key=lambda p: names[p].casefold()),
                                   format_func=lambda p: names[p] or "(none proposed)", key="queue-process")
        start = c2.date_input("Dated from", value=None, key="queue-from")
        end = c3.date_input("Dated to", value=None, key="queue-to")
        order = c4.selectbox("Sort by", list(queue.ORDERS), key="queue-order")
        finished = st.checkbox("Show reviewed and set-aside articles too", key="queue-finished")
        states = queue.STATES if finished else queue.OPEN
        shown = queue.select(frame, processes, start, end, states, order)
        eligible = int(frame["state"].isin([queue.STATE_LABELS[s] for s in states]).sum())
        if len(shown) < eligible:
            st.caption(f"Showing {len(shown)} of {eligible}: the filters leave out {eligible - len(shown)}"
                       + (" (an undated article is left out by a date bound)" if start or end else "") + ".")
        columns = [c for c in COLUMNS if finished or c != "finished"]
        st.dataframe(shown[columns].rename(columns=COLUMNS), hide_index=True, width="stretch",
                     column_config={"Title": st.column_config.TextColumn(width="medium")}, key="queue-table")
        if not can_edit:
            st.caption("Editors open an article here to review it.")
            return None
        open_ids = [s for s, state in zip(shown["source_id"], shown["state"]) if state in ("waiting", "opened")]
        if not open_ids:
            return None
        by_id = {i.source_id: i for i in items}
        chosen = st.selectbox("Article to review", open_ids, format_func=lambda s: _label(by_id[s], editor),
                              key="queue-choice")
        item = by_id[chosen]
        taken = item.state == queue.OPENED and item.opened_by != editor
        if taken:
            st.warning(f"{md(item.opened_by)} opened this article at {queue.when_text(item.opened_at)} and may be "
                       "reviewing it now. Open it too only if you have agreed who saves it: the second save is refused.",
                       icon=":material/group:")
        if st.button("Open anyway" if taken else "Open for review", key="queue-open", icon=":material/open_in_new:"):
            return _open(store, data, item, editor)
    return None


def _open(store: Store, data: Dataset, item: queue.QueueItem, editor: str) -> dict | None:
    if item.source_id not in data.articles:
        st.error(f"{md(item.source_id)} is no longer an article of the dataset (its sources row or file is missing "
                 "or held back: see Data → Data health), so it cannot be reviewed.", icon=":material/error:")
        return None
    try:
        opened = store.open_item(item.source_id, editor)
        proposals = queue.refreshed(store.proposals(item.source_id), data)
    except StoreError as exc:
        st.error(md(exc), icon=":material/error:")
        return None
    return {"text": data.articles[item.source_id].text, "source_id": item.source_id, "draft": None,
            "result": proposals, "queue": opened}


def queued_review(store: Store, work: dict, editor: str, can_edit: bool, done: Callable[[], None]) -> str:
    """Above the review tables of an article opened from the queue: what it is, its title to correct, and setting
    it aside as no negotiation content. Returns the title to save (its sources row is corrected if it changed)."""
    item: queue.QueueItem = work["queue"]
    with st.container(border=True):
        st.markdown(f"**From the review queue: {md(item.source_id)}**, taken in by {md(item.added_by)} at "
                    f"{queue.when_text(item.added_at)} · opened by "
                    f"{md('you' if item.opened_by == editor else item.opened_by)} at {queue.when_text(item.opened_at)}. "
                    "Saving the records you accept takes it off the queue.")
        title = st.text_input("Title of the article (correct it if it was taken from the file's name)", item.title,
                              key=f"queue-title-{item.source_id}")
        if not can_edit:
            return title
        with st.expander("No negotiation content? Set it aside"):
            reason = st.text_input("Why it is set aside", key=f"queue-reason-{item.source_id}",
                                   placeholder="e.g. a sports report: no talks, no positions")
            if st.button("Set aside: no negotiation content", key="queue-set-aside", icon=":material/block:"):
                try:
                    store.set_aside(item.source_id, reason, editor)
                except StoreError as exc:
                    st.error(md(exc), icon=":material/error:")
                else:
                    st.session_state[REPORT] = {"note": f"{item.source_id} was set aside: {reason.strip()}"}
                    done()
                    st.rerun()
    return title


def save_review(store: Store, work: dict, make_change: Callable[[Dataset], Change], editor: str,
                title: str | None = None) -> dict[str, int]:
    """Save the accepted records: an article from the queue is taken off it by the same store write."""
    item: queue.QueueItem | None = work.get("queue")
    if item is None:
        return store.save(make_change, editor=editor)
    added = store.finish_review(item.source_id, lambda current: retitled(make_change(current), current,
                                                                         item.source_id, title or ""), editor=editor)
    st.session_state[REPORT] = {"note": f"{item.source_id} was reviewed and taken off the queue."}
    return added


def intake_uploads(store: Store, uploads: list, can_edit: bool, editor: str) -> None:
    """Several uploaded files: into the review queue, each checked, stored and proposed once."""
    st.markdown(f"{len(uploads)} files: each one is checked, stored as an article and run through the assistant "
                "once; its proposals then wait in the review queue above.")
    if not can_edit:
        st.info("Only an editor can add articles to the review queue.", icon=":material/lock:")
        return
    if st.button(f"Add {len(uploads)} articles to the review queue", type="primary", key="intake-uploads",
                 icon=":material/playlist_add:"):
        bar = st.progress(0.0, text="Reading the files…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=f"{done} of {total} read and proposed: {md(name)}")

        outcomes = intake_files(store, [(u.name, u.getvalue) for u in uploads], editor=editor, progress=progress)
        st.session_state[REPORT] = {
            "added": sum(o.added for o in outcomes),
            "refused": pd.DataFrame([{"File": o.name, "Why it was not added": o.refused} for o in outcomes
                                     if not o.added], columns=["File", "Why it was not added"]),
            "from_name": [o.source_id for o in outcomes if o.added and o.title_from_name]}
        st.rerun()


def _show_report(report: dict) -> None:
    if "note" in report:
        st.success(md(report["note"]), icon=":material/task_alt:")
        return
    st.success(f"{report['added']} article(s) added to the review queue.", icon=":material/task_alt:")
    if report["from_name"]:
        st.info(f"{len(report['from_name'])} state no headline ({md(', '.join(report['from_name']))}): their title "
                "is the file's name until you correct it in review.", icon=":material/title:")
    refused = report["refused"]
    if len(refused):
        st.error(f"{len(refused)} file(s) not added; the others went in:", icon=":material/error:")
        st.dataframe(refused, hide_index=True, width="stretch")
