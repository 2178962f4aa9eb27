"""Parley's entry point: the table of contents and the filters every view shares.

Run with `streamlit run dashboard/app.py`. Each view lives in `views/` (not `pages/`, which Streamlit would
auto-discover), is listed in `views/registry.py`, and reads the context built here.

Streamlit reads this file in two ways. `streamlit run` first imports it as a module and finds `app`, an
`st.App` whose lifespan starts loading the data, the search index and the gazetteer the moment the server
starts (`ui/warm_up.py`), so the first visitor does not wait for them. Then every page run executes it as
the script (`__name__ == "__main__"`, as AppTest does too), which calls `main()`.
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
from dashboard.views.registry import VIEWS, views_for  # noqa: E402

HERE = Path(__file__).parent


def main() -> None:
    # A local icon: a Material icon as page_icon makes every browser fetch it from a Google font server.
    st.set_page_config(page_title="Parley", page_icon=str(HERE / "assets" / "parley.svg"), layout="wide")

    store = state.current_store()  # the data folder, or a team's database: chosen once per run
    # the views of views/registry.py; a team's database adds History (a data folder's history is its git log)
    pages = [st.Page(view.file, title=view.title, icon=view.icon, default=view.default, url_path=view.url_path or None)
             for view in views_for(store.kind)]
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
        st.sidebar.warning(f"{errors} record(s) have problems and are left out of the charts. See **Data → Data "
                           "health**.", icon=":material/warning:")
    st.sidebar.caption(f"{len(data['events']):,} events · {len(data['positions']):,} positions · "
                       f"{len(data['sources']):,} sources")
    share.share_sidebar(version)
    with st.sidebar:
        state.follow_changes(context.store)

    navigation.run()


if __name__ == "__main__":
    main()
else:  # imported by `streamlit run` to serve the app: warm up at start (see the docstring)
    from streamlit.starlette import App

    from dashboard.ui.warm_up import warming

    app = App(__file__, lifespan=warming([HERE / view.file for view in VIEWS]))
