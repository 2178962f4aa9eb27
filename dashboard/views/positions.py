"""Positions: each actor's latest stance per issue, two parties side by side, and how stances changed."""

import streamlit as st

from dashboard.analysis.queries import citations_for, compare_parties, latest_positions, stance_history, stance_matrix
from dashboard.dataset.columns import counts_by_size
from dashboard.dataset.dates import format_partial
from dashboard.dataset.schema import STANCES
from dashboard.outputs.chart_summaries import stance_history_summary, stance_matrix_summary
from dashboard.outputs.figures import stance_history_figure, stance_matrix_figure
from dashboard.ui import downloads
from dashboard.ui.safe_text import md, md_evidence, no_match, source_label
from dashboard.ui.share import cite_this_view
from dashboard.ui.state import context


def _side(row, side: str) -> None:
    if row[f"{side}_stance"] == "—":
        st.caption("No stated position.")
        return
    badge = " :red-badge[red line]" if row[f"{side}_red_line"] else ""
    st.markdown(f"**{md(row[f'{side}_stance'])}**{badge} · {md(row[f'{side}_date'])}")
    st.markdown(md(row[f"{side}_paraphrase"]))
    st.markdown(md_evidence(row[f"{side}_quote"], row.get(f"{side}_from_dataset", "")))
    st.page_link("views/sources.py", label="Source: " + md(row[f"{side}_source"]), icon=":material/article:",
                 query_params={"source": source_label(row[f"{side}_source_id"], row[f"{side}_source"]),
                               "quote": row[f"{side}_citation_id"]})


ctx = context()
data = ctx.data
st.title("Positions")
st.caption("Stances run from " + " → ".join(STANCES) + ". A red line is a position the actor declares "
           "non-negotiable. Every position is backed by a verbatim quote; follow a quote to its article.")

positions = ctx.positions
if positions.empty:
    no_match("position", "Widen the date range or choose other actors or processes")
    st.stop()

# Stances compare within one negotiation: the same actor may hold different ones in different processes.
process_names = data.process_names
by_count = counts_by_size(positions["process_id"])
process_id = st.selectbox("Process", list(by_count.index), format_func=process_names.get, key="positions_process",
                          bind="query-params", help="Positions are compared within one negotiation process.")
positions = positions[positions["process_id"] == process_id]

issues = data["issues"]
issue_labels = data.issue_labels
latest = latest_positions(positions)

st.subheader("Latest stance by actor and issue")
cells = stance_matrix(latest, issues)
downloads.chart(stance_matrix_figure(cells), "positions", "stance-matrix", stance_matrix_summary(cells),
                table=cells[["actor", "issue", "stance", "red_line", "paraphrase"]])

st.subheader("Compare two parties")
counts = latest.groupby(["actor_id", "actor"]).agg(red=("red_line", "sum"), n=("position_id", "size")).reset_index()
counts = counts.sort_values(["red", "n", "actor", "actor_id"], ascending=[False, False, True, True])
names = dict(zip(counts["actor_id"], counts["actor"]))
options = list(counts["actor_id"])
left, right = st.columns(2)
party_a = left.selectbox("First party", options, index=0, format_func=names.get, key="party_a", bind="query-params")
party_b = right.selectbox("Second party", options, index=min(1, len(options) - 1), format_func=names.get,
                          key="party_b", bind="query-params")
comparison = compare_parties(latest, data["citations"], issues, party_a, party_b)


head_issue, head_a, head_b = st.columns([1, 2, 2])
head_a.markdown(f"#### {md(names[party_a])}")
head_b.markdown(f"#### {md(names[party_b])}")
for _, row in comparison.iterrows():
    with st.container(border=True):
        issue_col, a_col, b_col = st.columns([1, 2, 2])
        issue_col.markdown(f"**{md(row['issue'])}**")
        with a_col:
            _side(row, "a")
        with b_col:
            _side(row, "b")

st.subheader("How stances changed")
issue_options = [i for i in issue_labels if i in set(positions["issue_id"])]
issue_id = st.selectbox("Issue", issue_options, format_func=issue_labels.get, key="issue", bind="query-params")
history = stance_history(positions, issue_id=issue_id)
downloads.chart(stance_history_figure(history), "positions", "stance-history",
                stance_history_summary(history, issue_labels.get(issue_id, issue_id)) + " Every position is in the table below.")
quotes = citations_for(data["citations"], "position", history["position_id"]).drop_duplicates("record_id")
quotes = quotes.assign(quote=quotes["quote"].where(quotes["quote"].ne(""), quotes["from_dataset"]))
history = history.merge(quotes[["record_id", "quote", "source_title"]], left_on="position_id", right_on="record_id",
                        how="left")
history["when"] = [format_partial(d, p) for d, p in zip(history["date_value"], history["date_precision"])]
st.dataframe(
    history[["when", "actor", "speaker", "stance", "red_line", "paraphrase", "quote", "source_title", "position_id"]],
    hide_index=True, width="stretch",
    column_config={"when": "Date", "actor": "Actor", "speaker": "Speaker", "stance": "Stance",
                   "red_line": st.column_config.CheckboxColumn("Red line"), "paraphrase": "Position",
                   "quote": st.column_config.TextColumn("Quote", width="large"), "source_title": "Source",
                   "position_id": "ID"},
)
cite_this_view(data, positions=positions)
