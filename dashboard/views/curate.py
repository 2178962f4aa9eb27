"""Curate: the review queue, adding articles, reviewing the assistant's proposals, and saving the accepted records.

Saving is only offered where editing is allowed (see dashboard/curation/permissions.py); anyone
else can still run the assistant and download the proposed records for a curator.
"""

import datetime as dt
import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.curation.change import Change
from dashboard.curation.ingest import (
    ArticleDraft,
    IngestError,
    check_draft,
    draft_from_article,
    find_duplicate,
    plan_article,
    read_upload,
    uncurated_articles,
)
from dashboard.curation.prefill import prefilled
from dashboard.curation.review import build_change, change_as_zip, event_rows, new_actor_rows, position_rows
from dashboard.curation.store import Store, StoreError
from dashboard.dataset.loader import Dataset
from dashboard.dataset.problems import problems_frame
from dashboard.dataset.schema import ACTOR_KINDS, EVENT_STATUSES, EVENT_TYPES, LEVELS, PRECISIONS, STANCES
from dashboard.extract import extract_article
from dashboard.outputs.highlight import ARTICLE_STYLE, highlighted_html
from dashboard.ui import review_queue, session_access
from dashboard.ui.safe_text import md
from dashboard.ui.state import context

WORK = "curate_work"  # the article under review and the proposals, kept across reruns
NEW_PROCESS = "+ a new process"


def _metadata_form(prefix: str, draft: ArticleDraft) -> ArticleDraft:
    c1, c2, c3 = st.columns([3, 2, 2])
    draft.title = c1.text_input("Title", draft.title, key=f"{prefix}-title")
    draft.outlet = c2.text_input("Outlet", draft.outlet, key=f"{prefix}-outlet")
    draft.author = c3.text_input("Author", draft.author, key=f"{prefix}-author")
    c4, c5, c6 = st.columns([3, 2, 2])
    draft.url = c4.text_input("URL", draft.url, key=f"{prefix}-url")
    draft.published = c5.text_input("Published (YYYY-MM-DD, empty if unknown)", draft.published, key=f"{prefix}-published")
    draft.language = c6.text_input("Language", draft.language or "en", key=f"{prefix}-language")
    return draft


def _start(data: Dataset, text: str, published: str, source_id: str | None, draft: ArticleDraft | None) -> None:
    reference = dt.date.fromisoformat(published) if published else None
    result = extract_article(text, data["actors"], reference, data["processes"], data["events"], data["propositions"])
    _begin({"text": text, "source_id": source_id, "draft": draft, "result": result})


def _begin(work: dict) -> None:
    """Put an article and its proposals (made now, or kept in the review queue) under review."""
    st.session_state[WORK] = work
    # the process the assistant proposes is preselected, never the first in the list
    process = work["result"].get("process") or {}
    if process and not process.get("new"):
        st.session_state["curate-process"] = process["process_id"]
    else:
        st.session_state["curate-process"] = NEW_PROCESS
        for key, field in (("np-id", "process_id"), ("np-name", "name"), ("np-conflict", "conflict")):
            st.session_state[key] = process.get(field, "")


def _review_table(frame: pd.DataFrame, key: str, id_column: str, process_id: str,
                  columns: dict) -> pd.DataFrame:
    """An editable table of proposals; the columns every such table shares are configured here."""
    shared = {
        "accept": st.column_config.CheckboxColumn("accept", default=True),
        "date_precision": st.column_config.SelectboxColumn("precision", options=list(PRECISIONS), required=True),
        "quote": st.column_config.TextColumn("quote (verbatim)", width="large"),
        "construction": st.column_config.TextColumn(
            "why (construction: words)", width="large", disabled=True,
            help="The construction of English each proposal was read from, and its words: \"passive: facilitated by\", "
            "\"between A and B\", \"date line: the lead's own event\"."),
        id_column: st.column_config.TextColumn("id (blank: made for you)"),
    }
    return st.data_editor(frame.assign(process_id=process_id), key=key, num_rows="dynamic", hide_index=True,
                          width="stretch", column_config={**shared, **columns})


def _change_maker(work: dict, events: pd.DataFrame, positions: pd.DataFrame, new_actors: pd.DataFrame,
                  new_process: dict | None) -> Callable[[Dataset], Change]:
    """The accepted records as a change to a dataset: called on the data on screen to check it, and again
    under the save lock with the latest data."""

    def make_change(current: Dataset) -> Change:
        source_id, new_source = work["source_id"], None
        if work["draft"] is not None:
            source_id, name, text, row = plan_article(work["draft"], current)
            new_source = (name, text, row)
        return build_change(current, source_id, events, positions, new_actors, new_source, new_process or None)

    return make_change


def _problems_of(store: Store, change: Change, current: Dataset) -> list:
    """Validation of the proposed change, remembered until the change or the data changes (it takes a full
    load of the data, and a rerun that edits nothing should not pay for it again)."""
    key = hashlib.sha256(repr((store.fingerprint(), change.rows, sorted(change.articles.items())))
                         .encode("utf-8", "surrogatepass")).hexdigest()
    memo = st.session_state.get("curate_validation")
    if memo is None or memo[0] != key:
        memo = (key, store.validate(change, before=current))
        st.session_state["curate_validation"] = memo
    return memo[1]


ctx = context()
data = ctx.data
access = session_access.current_access()
st.title("Curate")
st.caption("Add an article, let the assistant propose the events, positions and actors it states, review them, "
           "and save the ones you accept. Every proposal points at the exact words it rests on.")
saved = st.session_state.pop("curate_saved", None)
if saved:
    st.success("Saved: " + ", ".join(f"{n} {name}" for name, n in saved.items()) + ". They now show on every view.",
               icon=":material/task_alt:")
if access.can_edit:
    st.success(access.reason, icon=":material/edit:")
else:
    st.info(md(access.reason) + ". You can still run the assistant and download its proposals for a curator.",
            icon=":material/lock:")
    if session_access.sign_in_configured() and session_access.editors() and not session_access.current_email():
        st.button("Sign in as an editor", on_click=st.login)
editor = session_access.current_email() or "local"
opened = review_queue.queue_panel(ctx.store, data, access.can_edit, editor, reviewing=bool(st.session_state.get(WORK)))
if opened:
    _begin(opened)
    st.rerun()


with st.container(border=True):
    st.subheader("1. The article")
    # a radio, not a segmented control: its chosen option is drawn in the primary colour as text, which cannot
    # reach WCAG contrast on the dark background and as a button colour under white text at once
    how = st.radio("Source", ["Paste text", "Upload a file", "An article in the dataset"], horizontal=True,
                   key="curate-source")
    try:
        if how == "Paste text":
            text = st.text_area("Article text", height=220, key="curate-text",
                                placeholder="Paste the article's text here, exactly as published.",
                                on_change=review_queue.prefill_form, args=("curate-text", "paste"))
            draft = _metadata_form("paste", ArticleDraft(text=text))
            if st.button("Propose records", type="primary", key="propose-paste"):
                draft.text = text.strip()
                draft = prefilled(draft)  # a header block split off; what the text states, where nothing was typed
                check_draft(draft)
                duplicate = find_duplicate(draft, data)
                if duplicate:
                    raise IngestError(f"this article is already in the dataset as {duplicate}: choose it under "
                                      "'An article in the dataset' instead")
                _start(data, draft.text, draft.published, None, draft)
        elif how == "Upload a file":
            uploads = st.file_uploader("A .txt, .md or .html file, or several (they go to the review queue)",
                                       type=["txt", "md", "markdown", "html", "htm"], key="curate-upload",
                                       accept_multiple_files=True)
            if len(uploads) > 1:
                review_queue.intake_uploads(ctx.store, uploads, access.can_edit, editor)
            elif uploads:
                upload = uploads[0]
                draft = _metadata_form("upload", prefilled(read_upload(upload.name, upload.getvalue())))
                st.text_area("Text found in the file", draft.text, height=160, disabled=True)
                if st.button("Propose records", type="primary", key="propose-upload"):
                    check_draft(draft)
                    duplicate = find_duplicate(draft, data)
                    if duplicate:
                        raise IngestError(f"this article is already in the dataset as {duplicate}")
                    _start(data, draft.text, draft.published, None, draft)
        else:
            titles = data.source_titles
            uncurated = {f"seeds/{name}": (name, article) for name, article in uncurated_articles(data).items()}
            labels = {**{s: f"{s}: {t}" for s, t in titles.items()},
                      **{k: f"{k} (not curated yet)" for k in uncurated}}
            choice = st.selectbox("Article", list(labels), format_func=labels.get, key="curate-existing")
            if choice in uncurated:
                draft = _metadata_form("seed", draft_from_article(*uncurated[choice]))
                if st.button("Propose records", type="primary", key="propose-existing"):
                    check_draft(draft)
                    _start(data, draft.text, draft.published, None, draft)
            elif choice and st.button("Propose records", type="primary", key="propose-existing"):
                source = data["sources"].set_index("source_id").loc[choice]
                _start(data, data.articles[choice].text, source["published"], choice, None)
    except IngestError as exc:
        st.error(md(str(exc)), icon=":material/error:")

work = st.session_state.get(WORK)
if not work:
    st.stop()

result, text = work["result"], work["text"]
st.subheader("2. Review the proposals")
queued_title = None
if work.get("queue"):
    queued_title = review_queue.queued_review(ctx.store, work, editor, access.can_edit, done=lambda: (
        st.session_state.pop(WORK, None), st.session_state.pop("curate_tables", None)))
processes = data.process_names
left, right = st.columns([2, 3])
process_id = left.selectbox("Process for these records", [*processes, NEW_PROCESS], key="curate-process",
                            format_func=lambda p: processes.get(p, p))
proposed = result.get("process") or {}
if proposed:
    left.caption(f"Proposed: {'a new process, ' if proposed['new'] else ''}{proposed['name']} ({proposed['why']}).")
new_process = None
if process_id == NEW_PROCESS:
    c1, c2, c3 = right.columns(3)
    new_process = {"process_id": c1.text_input("Process id", key="np-id"), "name": c2.text_input("Name", key="np-name"),
                   "conflict": c3.text_input("Conflict", key="np-conflict"), "description": ""}
    process_id = new_process["process_id"]
right.caption(f"Dates resolved against {result['reference_date'] or 'no date (give the publication date)'}"
              f" ({result['reference']}). {len(result['events'])} event and {len(result['positions'])} position "
              f"proposal(s); {len(result['mentions'])} actor mention(s).")
for error in result.get("errors", []):
    st.warning(f"One rule of the assistant failed on this article ({error['rule']}); its proposals are missing, "
               f"the others are here: {error['error']}", icon=":material/warning:")

spans = [(e["evidence"]["start"], e["evidence"]["end"], f"event-{i + 1}") for i, e in enumerate(result["events"])]
spans += [(p["start"], p["end"], f"position-{i + 1}") for i, p in enumerate(result["positions"])]
with st.expander("The article, with the proposals' evidence highlighted", expanded=True):
    st.html(ARTICLE_STYLE + '<div class="parley-article">' + highlighted_html(text, spans) + "</div>")

issue_ids = list(data["issues"]["issue_id"])
propositions_here = data["propositions"][data["propositions"]["process_id"].eq(process_id)]
proposition_ids = list(propositions_here["proposition_id"])
tables = st.session_state.setdefault("curate_tables", {})
if tables.get("for") is not result:
    tables.clear()
    tables.update({"for": result, "events": event_rows(result, process_id),
                   "positions": position_rows(result, process_id, data["propositions"]),
                   "actors": new_actor_rows(result)})
# a position may be held by an actor the assistant proposes: the registry's ids and the proposed ones
actor_ids = sorted(set(data["actors"]["actor_id"]) | set(tables["actors"]["actor_id"]))


st.markdown("**Events**: tick *accept* for each one to keep; edit any cell; add rows by hand at the bottom.")
events = _review_table(tables["events"], "curate-events", "event_id", process_id, {
    "type": st.column_config.SelectboxColumn("type", options=list(EVENT_TYPES), required=True),
    "status": st.column_config.SelectboxColumn("status", options=list(EVENT_STATUSES), required=True),
    "level": st.column_config.SelectboxColumn("level", options=list(LEVELS)),
    "actors": st.column_config.TextColumn("actors (id:role; …)", width="medium"),
    "summary": st.column_config.TextColumn("summary", width="large"),
})
st.markdown("**Positions**")
positions = _review_table(tables["positions"], "curate-positions", "position_id", process_id, {
    "actor_id": st.column_config.SelectboxColumn("actor", options=actor_ids),
    "speaker_id": st.column_config.SelectboxColumn("speaker", options=actor_ids),
    "issue_id": st.column_config.SelectboxColumn("issue", options=issue_ids),
    "proposition_id": st.column_config.SelectboxColumn(
        "proposition", options=proposition_ids, help="An existing proposition of this process whose words match is "
        "proposed; the stance is toward it. None fits? Leave it empty and word a new one in the next column."),
    "stance": st.column_config.SelectboxColumn("stance", options=list(STANCES), required=True),
    "red_line": st.column_config.CheckboxColumn(
        "red line", help="Only when the actor itself declares it non-negotiable, in words it is quoted or reported as "
        "saying (\"will not\", \"never\", \"must be acknowledged\"); a reporter's \"insists\" is not enough."),
    "new_proposition": st.column_config.TextColumn(
        "new proposition (if none fits)", width="medium",
        help="A short statement a side can demand, accept, oppose or reject; the assistant drafts it from the "
        "words the stance governs. Saved as a new proposition of this process and issue."),
    "paraphrase": st.column_config.TextColumn("paraphrase (your words)", width="large"),
})
mentions = pd.DataFrame(result["mentions"], columns=["actor", "name", "alias", "start", "end", "new", "kind", "cue"])
known = mentions[~mentions["new"].astype(bool)]["actor"].nunique()
with st.expander(f"Actors: {known} matched in the registry, {len(tables['actors'])} new",
                 expanded=not tables["actors"].empty):
    st.markdown("New actors the assistant proposes, with the words that made it propose each; accept one to add "
                "it to the registry when you save.")
    new_actors = st.data_editor(
        tables["actors"], key="curate-actors", num_rows="dynamic", hide_index=True, width="stretch",
        column_config={"accept": st.column_config.CheckboxColumn("accept", default=True),
                       "kind": st.column_config.SelectboxColumn("kind", options=list(ACTOR_KINDS), required=True),
                       "affiliation": st.column_config.TextColumn("affiliation (actor id)"),
                       "why": st.column_config.TextColumn("why proposed", disabled=True, width="large")},
    )
    mentioned = result.get("mentioned") or []
    if mentioned:
        st.markdown("Named near the talks, but in no construction that makes a side or a go-between (not proposed as "
                    "either): " + md(", ".join(f"{m['name']} ({m['alias']})" for m in mentioned)))
    st.markdown("Every name found in the article, as written:")
    st.dataframe(mentions.drop_duplicates(["actor", "alias"])[["alias", "actor", "name", "kind", "cue"]],
                 hide_index=True, width="stretch",
                 column_config={"alias": "As written", "actor": "Actor id", "name": "Name", "kind": "Kind",
                                "cue": "Found by"})

st.subheader("3. Check and save")


make_change = _change_maker(work, events, positions, new_actors, new_process)
try:
    change = make_change(data)
except IngestError as exc:
    st.error(md(str(exc)), icon=":material/error:")
    st.stop()
source_id = change.rows["sources"][0]["source_id"] if change.rows.get("sources") else work["source_id"]

counts = {name: len(rows) for name, rows in change.rows.items() if rows}
st.markdown("To be added: " + (", ".join(f"{n} {name}" for name, n in counts.items()) or "nothing yet"))
problems = _problems_of(ctx.store, change, data) if counts else []
if problems:
    st.error(f"{len(problems)} problem(s) to fix before saving (the same checks the loader runs):",
             icon=":material/error:")
    st.dataframe(problems_frame(problems), hide_index=True, width="stretch")
elif counts:
    st.success("Every accepted record passes validation.", icon=":material/check_circle:")

if access.can_edit:
    if st.button("Save accepted records", type="primary", disabled=bool(problems) or not counts, key="curate-save"):
        try:
            added = review_queue.save_review(ctx.store, work, make_change, editor, queued_title)
        except (StoreError, IngestError) as exc:
            st.error(md(str(exc)), icon=":material/error:")
            if getattr(exc, "problems", None):
                st.dataframe(problems_frame(exc.problems), hide_index=True, width="stretch")
        else:
            st.session_state.pop(WORK, None)
            st.session_state.pop("curate_tables", None)
            st.session_state["curate_saved"] = added
            st.rerun()
else:
    st.download_button("Download the proposed records (CSV files, zipped)", change_as_zip(change),
                       file_name=f"parley-proposals-{source_id}.zip", mime="application/zip",
                       disabled=not counts, icon=":material/download:")
