"""Search: the words of every article, quote, summary, paraphrase and title, with the records behind each hit.

The query is in the URL (`?q=`), so a search can be shared. Article text is escaped before the matches are
marked; the only markup is <mark>.
"""

import pandas as pd
import streamlit as st

from dashboard.analysis.search import KINDS, SearchError, marked_html
from dashboard.curation.store import StoreUnavailable
from dashboard.ui.safe_text import md, source_label
from dashboard.ui.state import context, search_index

MAX_RESULTS = 50
# dark text on the yellow mark in either theme (inherited light text on yellow fails WCAG contrast in dark mode)
HIT_STYLE = "<style>.parley-hit mark { background: #ffe08a; color: #111111; padding: 0 .1em; }</style>"


def _hit(row: pd.Series, titles: dict[str, str]) -> None:
    with st.container(border=True):
        label = KINDS.get(row["kind"], row["kind"])
        where = f" · {md(titles.get(row['source_id'], row['source_id']))}" if row["source_id"] else ""
        st.caption(f"{label}{where}")
        st.html(HIT_STYLE + f'<div class="parley-hit">{marked_html(row["text"])}</div>')
        records = [f"{row['record_type']} {row['record_id']}"] if row["record_id"] else []
        citations = row["citations"].split()
        if citations:
            records.append("cited by " + ", ".join(citations))
        if records:
            st.markdown(md("; ".join(records)))
        if row["source_id"] in titles:
            st.page_link("views/sources.py", label="See the dataset's rows" if row["kind"] == "dataset"
                         else "Read it in the article", icon=":material/article:",
                         query_params={"source": source_label(row["source_id"], titles[row["source_id"]]),
                                       **({"quote": citations[0]} if citations else {})})


ctx = context()
st.title("Search")
st.caption('Words must all match; "a phrase" in double quotes; OR, NOT and AND in capitals; negotiat* for a '
           "prefix. Every article sentence, quote, event summary, position paraphrase and article title is searched.")
query = st.text_input("Search the words", key="q", bind="query-params", placeholder='"realities on the ground"')
if query.strip():
    try:
        hits = search_index(ctx.data, ctx.version, ctx.store).search(query, MAX_RESULTS)
    except SearchError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        st.stop()
    except StoreUnavailable as exc:
        st.error(f"The search cannot reach its index just now: {md(str(exc))}. Try again in a minute.",
                 icon=":material/cloud_off:")
        st.stop()
    if hits.empty:
        st.info("Nothing matches. Try fewer words, OR between alternatives, or a prefix such as negotiat*.",
                icon=":material/search_off:")
    else:
        more = f" (the best {MAX_RESULTS})" if len(hits) == MAX_RESULTS else ""
        st.markdown(f"**{len(hits)}** passage(s){more}, best first.")
        titles = ctx.data.source_titles
        for _, row in hits.iterrows():
            _hit(row, titles)
