"""Where the talks stand: the deadlock map (propositions × pairs of actors) and who moved, and which way."""

import pandas as pd
import streamlit as st

from dashboard.analysis import standing
from dashboard.dataset.columns import counts_by_size
from dashboard.dataset.dates import format_partial
from dashboard.outputs.standing_figures import CLASS_SYMBOLS, deadlock_figure
from dashboard.ui import downloads
from dashboard.ui.safe_text import md, md_evidence, no_match, source_label
from dashboard.ui.share import cite_this_view
from dashboard.ui.state import context

MAX_ACTORS = 8  # 28 pairs: more than that is no longer a map one can read
MAX_SHIFTS = 25  # shown with their quotes; the download holds every one


def _quotes(position_id: str, quotes: dict) -> None:
    """Every quote behind a position, each linked to its place in the article."""
    for q in quotes.get(position_id, pd.DataFrame()).itertuples():
        st.markdown(md_evidence(q.quote, getattr(q, "from_dataset", "")))
        st.page_link("views/sources.py", label="Source: " + md(q.source_title), icon=":material/article:",
                     query_params={"source": source_label(q.source_id, q.source_title), "quote": q.citation_id})


def _side(cell, side: str, quotes: dict) -> None:
    st.markdown(f"#### {md(cell[f'{side}_actor'])}")
    position_id = cell[f"{side}_position_id"]
    if not isinstance(position_id, str):
        st.markdown("No stated position on this proposition.")
        return
    badge = " :red-badge[red line]" if cell[f"{side}_red_line"] else ""
    when = format_partial(cell[f"{side}_date_value"], cell[f"{side}_date_precision"])
    st.markdown(f"**{md(cell[f'{side}_stance'])}**{badge} · {md(when)}")
    st.markdown(md(cell[f"{side}_paraphrase"]))
    _quotes(position_id, quotes)


def _cell_name(cell) -> str:
    return f"{cell['a_actor']} · {cell['b_actor']} on {cell['issue']}: {cell['statement']} ({cell['cell']})"


def _shift(row, quotes: dict, statements: dict[str, str]) -> None:
    change = f" · {row['red_line_change']}" if row["red_line_change"] else ""
    st.markdown(f"**{md(row['actor'])}** {md(row['direction'])}{md(change)} · {md(row['when'])}")
    st.caption(md(statements.get(row["proposition_id"], row["proposition_id"])))
    before, after = st.columns(2)
    for column, side, label in ((before, "before", "Before"), (after, "after", "After")):
        with column:
            red = " · red line" if row[f"{side}_red_line"] else ""
            when = format_partial(row[f"{side}_date_value"], row[f"{side}_date_precision"])
            st.markdown(f"{label}: **{md(row[f'{side}_stance'])}**{md(red)} · {md(when)}")
            _quotes(row[f"{side}_position_id"], quotes)


ctx = context()
data = ctx.data
st.title("Where talks stand")
st.caption("Pairs of actors compared on the same proposition, from each one's latest quoted position: "
           + "; ".join(f"{CLASS_SYMBOLS[c]} **{c}**: {m}" for c, m in standing.CLASS_MEANINGS.items())
           + ". Red lines follow the rule in data/README.md.")

positions = ctx.positions
if positions.empty:
    no_match("position", "Widen the date range or choose other actors or processes")
    st.stop()
tied = positions[positions["proposition_id"].ne("")]
process_names = data.process_names
by_count = counts_by_size((tied if not tied.empty else positions)["process_id"])
process_id = st.selectbox("Process", list(by_count.index), format_func=process_names.get, key="standing_process",
                          bind="query-params", help="Stances are compared within one negotiation process.")
positions = positions[positions["process_id"] == process_id]
statements = data.proposition_statements
untied = int(positions["proposition_id"].eq("").sum())
if untied:
    st.caption(f"{untied} position(s) in this process have no proposition yet, so they are not compared here; "
               "they are on the Positions view.")

names = standing.pairing_order(positions)
chosen = st.multiselect("Actors to pair", list(names), default=list(names)[:standing.DEFAULT_PAIRED], format_func=names.get,
                        key=f"standing_actors-{process_id}", max_selections=MAX_ACTORS,
                        help=f"Every two of these are a column of the map (up to {MAX_ACTORS} actors).")
cells = standing.deadlock_cells(positions, data["propositions"], data.issue_labels, process_id, chosen or None)

st.subheader("Deadlock map")
if cells.empty:
    st.info("No two of the chosen actors have stated positions on a proposition of this process.",
            icon=":material/info:")
else:
    counts = standing.cell_counts(cells)
    pairs = len(cells[["a_actor_id", "b_actor_id"]].drop_duplicates())
    tally = ", ".join(f"{n} {c}" for c, n in counts.items() if n)
    summary = f"{cells['proposition_id'].nunique()} proposition(s) × {pairs} pair(s): {tally}."
    event = downloads.chart(deadlock_figure(cells), "standing", "deadlock-map",
                            summary + " Every cell is in the table below the map.", select=True)
    clicked = [p.get("customdata") for p in (event.selection.points if event else [])]
    clicked = [c[0] if isinstance(c, list) else c for c in clicked if c is not None]
    order = sorted(cells.index, key=lambda i: (standing.CLASSES.index(cells.at[i, "cell"]), i))
    if clicked and int(clicked[0]) in cells.index:
        st.session_state["standing_cell"] = int(clicked[0])
    if st.session_state.get("standing_cell") not in cells.index:
        st.session_state["standing_cell"] = order[0]
    index = st.selectbox("Open a cell (or click one on the map)", order, key="standing_cell",
                         format_func=lambda i: _cell_name(cells.loc[i]))
    cell = cells.loc[index]
    quotes = standing.quotes_of(data["citations"], [cell["a_position_id"], cell["b_position_id"]])
    with st.container(border=True):
        st.markdown(f"**{md(cell['issue'])}: {md(cell['statement'])}** · {md(cell['cell'])}")
        left, right = st.columns(2)
        with left:
            _side(cell, "a", quotes)
        with right:
            _side(cell, "b", quotes)
    with st.expander("The map as a table"):
        table = cells[["issue", "statement", "a_actor", "a_stance", "a_red_line", "b_actor", "b_stance", "b_red_line",
                       "cell"]]
        st.dataframe(table, hide_index=True, width="stretch",
                     column_config={"issue": "Issue", "statement": "Proposition", "a_actor": "Actor",
                                    "a_stance": "Stance", "a_red_line": st.column_config.CheckboxColumn("Red line"),
                                    "b_actor": "Other actor", "b_stance": "Its stance",
                                    "b_red_line": st.column_config.CheckboxColumn("Its red line"), "cell": "Class"})
        downloads.table(table, "standing", "Download the map", "download-deadlock-map")

st.subheader("Who moved, and which way")
moves = standing.shifts(positions)
if moves.empty:
    st.info("No actor in this process has changed its stance or red line on a proposition in the positions shown.",
            icon=":material/info:")
else:
    st.caption("Newest first. Firmness is the distance from *open* plus one for a red line: more is hardened, less "
               "softened; crossing from for to against (or back) is reversed.")
    shown = moves.head(MAX_SHIFTS)
    quotes = standing.quotes_of(data["citations"], [*shown["before_position_id"], *shown["after_position_id"]])
    for _, row in shown.iterrows():
        with st.container(border=True):
            _shift(row, quotes, statements)
    if len(moves) > MAX_SHIFTS:
        st.caption(f"The {MAX_SHIFTS} newest of {len(moves):,} shifts; the download holds them all.")
    table = moves[["when", "actor", "proposition_id", "direction", "red_line_change", "before_stance", "after_stance",
                   "before_position_id", "after_position_id"]]
    downloads.table(table, "shifts", "Download every shift", "download-shifts")
cite_this_view(data, positions=positions)
