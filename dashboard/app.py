"""Parley's entry point: the table of contents and the filters every view shares.

Run with `streamlit run dashboard/app.py`. Each view lives in `views/` (not
`pages/`, which Streamlit would auto-discover) and reads the context built here.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the repo root, and the README and
# Community Cloud install requirements.txt, not this package: the root goes on the path here.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard.ui import share, sidebar, state  # noqa: E402

# A local icon: a Material icon as page_icon makes every browser fetch it from a Google font server.
st.set_page_config(page_title="Parley", page_icon=str(Path(__file__).parent / "assets" / "parley.svg"), layout="wide")

store = state.current_store()  # the data folder, or a team's database: chosen once per run
pages = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("views/positions.py", title="Positions", icon=":material/compare_arrows:", url_path="positions"),
    st.Page("views/standing.py", title="Where talks stand", icon=":material/balance:", url_path="standing"),
    st.Page("views/mediators.py", title="Mediators and venues", icon=":material/hub:", url_path="mediators"),
    st.Page("views/changes.py", title="What changed", icon=":material/update:", url_path="changes"),
    st.Page("views/sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    st.Page("views/search.py", title="Search", icon=":material/search:", url_path="search"),
    st.Page("views/data.py", title="Data", icon=":material/table:", url_path="data"),
    st.Page("views/curate.py", title="Curate", icon=":material/edit_note:", url_path="curate"),
    st.Page("views/update_status.py", title="Update a status", icon=":material/event_repeat:", url_path="status"),
]
if store.kind == "database":  # a team's database keeps who saved what; a data folder's history is its git log
    pages.append(st.Page("views/history.py", title="History", icon=":material/history:", url_path="history"))
navigation = st.navigation(pages)

try:
    data, version = state.dataset_and_version(store)
except state.StoreUnavailable as exc:
    # the database is down: say so plainly (no stack trace, no credential); the next rerun tries again
    st.error(f"Parley cannot read its data just now: {exc}. Try again in a minute.", icon=":material/cloud_off:")
    st.button("Try again", icon=":material/refresh:")
    st.stop()
filters = sidebar.filter_sidebar(data)
context = state.build_context(data, version, filters, store)
state.set_context(context)
share.stale_link_notice(version)
errors = len(data.errors)
if errors:
    st.sidebar.warning(f"{errors} record(s) have problems and are left out of the charts. See **Data → Data health**.",
                       icon=":material/warning:")
st.sidebar.caption(f"{len(data['events']):,} events · {len(data['positions']):,} positions · "
                   f"{len(data['sources']):,} sources")
share.share_sidebar(version)
with st.sidebar:
    state.follow_changes(context.store)

navigation.run()
