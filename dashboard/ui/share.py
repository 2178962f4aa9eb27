"""Sharing a view: the dataset version it was drawn from, a link that reopens it, and how to cite it.

The link carries the filters (already in the address) and `v`, the dataset
version; opening a link made from other data says so above the view.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.dataset.loader import Dataset
from dashboard.dataset.version import DataVersion
from dashboard.outputs.citations import as_bibtex, as_csl_json, as_text, cited_sources, dataset_reference
from dashboard.ui import state

VERSION_PARAM = "v"
MAX_SHOWN = 100  # articles written out on screen; a filter that selects thousands gets them in the downloads


def view_link(version: DataVersion, params: dict[str, str] | None = None) -> str:
    """This page's address with the dataset version and its query parameters (or `params` instead)."""
    if params is None:
        pairs = [(key, value) for key in st.query_params if key != VERSION_PARAM
                 for value in st.query_params.get_all(key)]
    else:
        pairs = list(params.items())
    return f"{st.context.url or ''}?{urlencode([*pairs, (VERSION_PARAM, version.digest)])}"


def stale_link_notice(version: DataVersion) -> None:
    """Above the view: the link was made from other data than is shown now."""
    linked = st.query_params.get(VERSION_PARAM)
    if linked and linked != version.digest:
        st.warning(f"This link was made from dataset version {linked}; the data has changed since (now "
                   f"{version.digest}). The view shows the current data with the link's filters.",
                   icon=":material/history:")


def share_sidebar(version: DataVersion) -> None:
    with st.sidebar:
        st.divider()
        st.caption(f"Dataset version {version.label}")
        st.markdown("**Link to this view**", help="The filters and this view, with the dataset version. "
                    "Copy it with the button at the right of the box.")
        st.code(view_link(version), language=None, wrap_lines=True)


CITE_KEY = "cite"  # the "Cite this view" expander: open (True) or not, in the session


def cite_this_view(data: Dataset, events: pd.DataFrame | None = None, positions: pd.DataFrame | None = None,
                   sources: pd.DataFrame | None = None) -> None:
    """At the foot of a view: the articles behind the records it shows (or the `sources` given), and the dataset,
    as references, BibTeX and CSL-JSON."""
    if sources is None:
        none = data["events"].iloc[:0]
        sources = cited_sources(data["sources"], data["citations"], none if events is None else events,
                                data["positions"].iloc[:0] if positions is None else positions)
    version = state.context().version
    link = view_link(version)
    today = dt.date.today()
    # drawn only while open: a reference list of 50 articles in three formats is thousands of page elements
    cite = st.expander(f"Cite this view ({len(sources):,} article(s) and the dataset)", icon=":material/format_quote:",
                       key=CITE_KEY, on_change="rerun")
    with cite:
        if cite.open:
            _citations(sources, version, link, today)


def _citations(sources: pd.DataFrame, version: DataVersion, link: str, today: dt.date) -> None:
    shown = sources.head(MAX_SHOWN)
    if len(sources) > MAX_SHOWN:
        st.caption(f"The first {MAX_SHOWN} of {len(sources):,} articles are shown here; the downloads hold them all, "
                   "then the dataset.")
    else:
        st.caption("The articles quoted by the records this view shows, then the dataset with its version and link.")
    references, bibtex, csl = st.tabs(["References", "BibTeX", "CSL-JSON"])
    with references:
        st.code(_references(shown, version, link, today), language=None, wrap_lines=True)
        _download("Download references (.txt)", _references, sources, version, link, today, "txt", "text/plain")
    with bibtex:
        st.code(as_bibtex(shown, version, link, today), language="bibtex", wrap_lines=True)
        _download("Download .bib", as_bibtex, sources, version, link, today, "bib", "application/x-bibtex")
    with csl:
        st.code(as_csl_json(shown, version, link, today), language="json", wrap_lines=True)
        _download("Download CSL-JSON", as_csl_json, sources, version, link, today, "json",
                  "application/vnd.citationstyles.csl+json")


def _references(sources: pd.DataFrame, version: DataVersion, link: str, today: dt.date) -> str:
    return "\n\n".join([*as_text(sources), dataset_reference(version, link, today)])


def _download(label: str, render, sources, version, link, today, extension: str, mime: str) -> None:
    """Made on click, with every article (the blocks above may show only the first MAX_SHOWN)."""
    st.download_button(label, partial(_encoded, render, sources, version, link, today),
                       file_name=f"parley-citations-{version.digest}.{extension}", mime=mime,
                       key=f"cite-{extension}", icon=":material/download:")


def _encoded(render, *args) -> bytes:
    return render(*args).encode("utf-8")
