"""Sources: each article with its metadata and the passages the dataset quotes, highlighted; a dataset version
with its terms and the rows its records come from (no text: Parley holds none of a dataset).

The article text is escaped before it is shown; the only markup is the highlight.
"""

import streamlit as st

from dashboard.analysis.queries import quotes_in_source
from dashboard.dataset.dates import format_partial
from dashboard.outputs.highlight import ARTICLE_STYLE, highlighted_html
from dashboard.ui.safe_text import md, md_quote, source_label
from dashboard.ui.share import cite_this_view
from dashboard.ui.state import context

RECORD_VIEWS = {"event": "views/timeline.py", "position": "views/positions.py"}
MAX_ROWS_SHOWN = 500  # a dataset's cited rows listed on the page


ctx = context()
data = ctx.data
st.title("Sources")
sources = data["sources"]
if sources.empty:
    st.info("No sources yet. Add an article to `seeds/` and a row for it to `data/sources.csv` (see the README).")
    st.stop()

titles = data.source_titles
source_id = st.selectbox("Article", list(titles), format_func=lambda s: source_label(s, titles[s]), key="source",
                         bind="query-params")
source = sources.set_index("source_id").loc[source_id]
article = data.articles.get(source_id)

st.markdown(f"### {md(source['title'])}")
is_dataset = source["kind"] == "dataset"
published = format_partial(source["published_value"], "day") if source["published"] else "unknown"
facts = [("Outlet", source["outlet"] or "unknown"), ("Author", source["author"] or "unknown"),
         ("Published", published), ("Language", source["language"]), ("Licence", source["licence"] or "unknown"),
         ("File", f"seeds/{source['seed_file']}")]
if is_dataset:
    facts = [("Dataset", "a version of a dataset: its records cite its rows, not words"),
             ("Publisher", source["outlet"] or "unknown"), ("Terms of use", source["licence"] or "unknown")]
st.markdown(" · ".join(f"**{label}:** {md(value)}" for label, value in facts))
url = source["url"]
if url.startswith(("https://", "http://")):
    st.link_button("Open the published copy", url, icon=":material/open_in_new:")
elif url:
    st.markdown("**URL:** " + md(url))
if source["note"]:
    st.caption(md(source["note"]))

quotes = quotes_in_source(data["citations"], source_id, data["events"], data["positions"], data["issues"])
if is_dataset:  # no article text to show: the rows its records come from, each with the record it became
    st.markdown(f"#### {len(quotes):,} record(s) come from this dataset")
    st.caption("Parley holds no copy of the dataset: each record cites the row it was imported from "
               "(dataset_rows.csv keeps what each import took).")
    shown = quotes.head(MAX_ROWS_SHOWN)
    st.dataframe(shown.assign(record_type=shown["record_type"], record=shown["record"])[
        ["from_dataset", "record_type", "record", "record_id"]], hide_index=True, width="stretch",
        column_config={"from_dataset": "Row", "record_type": "Record", "record": "Title", "record_id": "ID"})
    if len(quotes) > MAX_ROWS_SHOWN:
        st.caption(f"The first {MAX_ROWS_SHOWN:,}; the Data view holds every citation.")
    cite_this_view(data, sources=sources[sources["source_id"] == source_id])
    st.stop()
selected = st.query_params.get("quote", "")
text_col, quote_col = st.columns([3, 2])
with text_col:
    st.markdown("#### Article text")
    if article is None:
        st.warning("The article file could not be read; see Data → Data health.")
    else:
        spans = [(int(s), int(e), c) for s, e, c in zip(quotes["quote_start"], quotes["quote_end"], quotes["citation_id"])]
        st.html(ARTICLE_STYLE + '<div class="parley-article">' + highlighted_html(article.text, spans, selected=selected)
                + "</div>")
with quote_col:
    st.markdown(f"#### {len(quotes)} quoted passage(s)")
    if quotes.empty:
        st.caption("No record cites this article yet.")
    for _, q in quotes.iterrows():
        with st.container(border=True):
            marker = " :orange-badge[linked]" if q["citation_id"] == selected else ""
            st.markdown(md_quote(q["quote"]) + marker)
            st.page_link(RECORD_VIEWS[q["record_type"]], label=f"{q['record_type']}: {md(q['record'])}",
                         icon=":material/link:")
cite_this_view(data, sources=sources[sources["source_id"] == source_id])
