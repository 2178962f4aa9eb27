"""What every view needs: the store, the dataset (loaded once for all sessions) and the filters.

The store is the data folder, or the team's PostgreSQL database when one is
configured. The dataset is cached with `st.cache_resource`, so every session
shares one copy instead of unpickling its own; it is keyed on the store's
fingerprint (the folders' file times, or the newest save's id), so a change by
anyone loads it afresh on the next rerun. Views must treat it as read-only.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.analysis.filters import Filters, filter_events, filter_positions
from dashboard.analysis.search import SearchIndex
from dashboard.curation.file_store import FileStore
from dashboard.curation.store import Store, StoreUnavailable
from dashboard.dataset import location
from dashboard.dataset.loader import Dataset
from dashboard.dataset.version import DataVersion
from dashboard.db.search import DatabaseSearch, SearchNotWritable
from dashboard.db.store import DatabaseStore, engine_url
from dashboard.ui.session_access import secrets_section

CONTEXT_KEY = "_parley_context"
SEEN_KEY = "_parley_seen_fingerprint"  # the store's fingerprint this session's page was drawn from
FOLLOW_SECONDS = 10


def database_url(role: str = "parley") -> str:
    """A database URL: for the editors' role `parley`, PARLEY_DATABASE_URL or `[connections.parley] url`; for
    the viewers' read-only role `parley_reader`, PARLEY_DATABASE_READER_URL or `[connections.parley_reader]
    url`. "" when not configured."""
    url = os.environ.get("PARLEY_DATABASE_URL" if role == "parley" else "PARLEY_DATABASE_READER_URL", "").strip()
    if url:
        return url
    connections = secrets_section("connections")
    section = connections.get(role) if connections is not None else None
    return str(section.get("url", "")) if section is not None else ""


def _engine(role: str, url: str):
    # st.connection keeps one engine (and its pool) for all sessions; pre-ping replaces connections a
    # restarted server dropped, so the app recovers by itself when the database is back
    return st.connection(role, type="sql", url=engine_url(url).render_as_string(hide_password=False),
                         pool_pre_ping=True, connect_args={"connect_timeout": 5}).engine


def current_store() -> Store:
    """The data folder, or the team's PostgreSQL database when one is configured. Where the deployment gives
    a read-only role too, every read goes through it and only saves use the editors' role."""
    url = database_url()
    if not url:
        return FileStore(location.data_dir(), location.seeds_dir())
    writer = _engine("parley", url)
    reader_url = database_url("parley_reader")
    return DatabaseStore(_engine("parley_reader", reader_url), writer) if reader_url else DatabaseStore(writer)


@st.cache_resource(max_entries=2, show_spinner="Loading the dataset…")
def _load(_store: Store, where: str, fingerprint: str) -> tuple[Dataset, DataVersion]:
    data, version = _store.load()
    # one line in the server log per load: with many viewers there should still be one per change of the data
    print(f"parley: loaded {where}: {len(data['events'])} events, {len(data['positions'])} positions, "
          f"{len(data.problems)} problems", file=sys.stderr, flush=True)
    return data, version


def shared_dataset(store: Store, fingerprint: str | None = None) -> tuple[Dataset, DataVersion]:
    """The data of `store` as of `fingerprint` (asked now when not given), loaded once and shared by every
    session; a StoreUnavailable when the database is down."""
    fingerprint = store.fingerprint() if fingerprint is None else fingerprint
    return _load(store, f"{store.kind}:{store.where}", fingerprint)


def dataset_and_version(store: Store | None = None) -> tuple[Dataset, DataVersion]:
    """The data the views show and its version, keyed on the store's fingerprint, asked once per rerun (a stat
    of the folders, or one indexed query of the database). Loaded once per change and shared by all sessions.
    """
    store = store or current_store()
    fingerprint = store.fingerprint()  # a StoreUnavailable when the database is down: the entry point says so
    loaded = shared_dataset(store, fingerprint)
    st.session_state[SEEN_KEY] = fingerprint
    return loaded


def follow_changes(store: Store) -> None:
    """On a team's database, check every few seconds whether anyone saved, and redraw the view if so: a
    save on one replica shows on every open page without a click. One indexed query per check."""
    if store.kind != "database":
        return  # a data folder changes under one researcher's hands: the next click shows it

    @st.fragment(run_every=FOLLOW_SECONDS)
    def check() -> None:
        try:
            changed = store.fingerprint() != st.session_state.get(SEEN_KEY)
        except StoreUnavailable:
            return  # the next full run says so
        if changed:
            st.rerun()

    check()


def dataset() -> Dataset:
    return dataset_and_version()[0]


@dataclass(frozen=True)
class ViewContext:
    """The dataset and the filtered records the views draw."""

    data: Dataset
    version: DataVersion
    store: Store
    filters: Filters
    events: pd.DataFrame
    positions: pd.DataFrame


def build_context(data: Dataset, version: DataVersion, filters: Filters, store: Store) -> ViewContext:
    actors = data["actors"]
    return ViewContext(
        data=data,
        version=version,
        store=store,
        filters=filters,
        events=filter_events(data["events"], data.event_actors, actors, filters),
        positions=filter_positions(data["positions"], actors, filters),
    )


def set_context(context: ViewContext) -> None:
    st.session_state[CONTEXT_KEY] = context


def context() -> ViewContext:
    """The context the entry point built for this run (views are only run from it)."""
    return st.session_state[CONTEXT_KEY]


@st.cache_resource(max_entries=2, show_spinner="Indexing the words…")
def _search_index(_data: Dataset, digest: str, _store: Store, where: str) -> SearchIndex | DatabaseSearch:
    if _store.kind == "database":
        try:
            return DatabaseSearch(_store, _data, digest)
        except SearchNotWritable:  # a viewers-only deployment: its index lives in memory, as for a data folder
            pass
    return SearchIndex.build(_data)


def search_index(data: Dataset, version: DataVersion, store: Store) -> SearchIndex | DatabaseSearch:
    """The full-text index of this dataset version, built once and shared by all sessions: FTS5 in memory
    for a data folder, PostgreSQL's full-text search for a team's database."""
    return _search_index(data, version.digest, store, f"{store.kind}:{store.where}")
