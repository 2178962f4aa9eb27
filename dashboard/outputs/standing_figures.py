"""The deadlock map: propositions × pairs of actors, each cell coloured by its class (analysis/standing.py).

Drawn as square markers rather than a heatmap so that a click selects one cell (Streamlit passes the point
back), and each class is its own trace: the legend names the classes, and a symbol inside each square
repeats the class for readers who cannot tell the colours apart. Every label is escaped.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.standing import AGREED, CLASHING, CLASSES, OPPOSED, ROOM, UNKNOWN, side_label
from dashboard.outputs.figures import esc, shorten, wrap

# Okabe–Ito colours, readable on light and dark backgrounds; a symbol for each class as well.
CLASS_COLOURS = {CLASHING: "#D55E00", OPPOSED: "#E69F00", ROOM: "#56B4E9", AGREED: "#009E73", UNKNOWN: "#BBBBBB"}
CLASS_SYMBOLS = {CLASHING: "✕✕", OPPOSED: "✕", ROOM: "~", AGREED: "=", UNKNOWN: "?"}


def pair_label(cells: pd.DataFrame) -> pd.Series:
    return cells["a_actor"].astype(str) + " · " + cells["b_actor"].astype(str)


def proposition_label(cells: pd.DataFrame, width: int = 20) -> pd.Series:
    """The proposition's statement shortened to a few lines of about `width` characters (the hover, the cell list
    and the table hold it whole), escaped: on a phone the map keeps most of the width."""
    return cells["statement"].astype(str).map(lambda t: wrap(esc(shorten(t, 2 * width)), width))


def deadlock_figure(cells: pd.DataFrame) -> go.Figure:
    """One square per cell; `customdata` holds the cell's row number in `cells`, for the view to open."""
    fig = go.Figure()
    if cells.empty:
        return fig
    x, y = pair_label(cells).map(esc), proposition_label(cells)
    for cls in CLASSES:
        mask = cells["cell"].eq(cls).to_numpy()
        if not mask.any():
            continue
        rows = cells[mask]
        hover = [
            f"<b>{esc(a)}</b>: {esc(side_label(sa, ra))}<br><b>{esc(b)}</b>: {esc(side_label(sb, rb))}"
            f"<br>{wrap(esc(st), 40)}<br><i>{esc(cls)}</i>"
            for a, sa, ra, b, sb, rb, st in zip(rows["a_actor"], rows["a_stance"], rows["a_red_line"], rows["b_actor"],
                                                 rows["b_stance"], rows["b_red_line"], rows["statement"])
        ]
        fig.add_trace(go.Scatter(
            x=x[mask], y=y[mask], mode="markers+text", name=esc(cls), text=[CLASS_SYMBOLS[cls]] * int(mask.sum()),
            textfont={"color": "#000000", "size": 12}, customdata=[int(i) for i in rows.index],
            marker={"symbol": "square", "size": 26, "color": CLASS_COLOURS[cls], "line": {"color": "#555555", "width": 1}},
            hovertext=hover, hoverinfo="text", unselected={"marker": {"opacity": 0.55}},
            selected={"marker": {"opacity": 1}},
        ))
    propositions = y.nunique()
    fig.update_layout(
        height=220 + 56 * propositions, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        # pair labels upright: slanted ones run past the right edge of a phone's screen
        xaxis={"type": "category", "side": "top", "title": None, "tickangle": -90, "automargin": True,
               "categoryorder": "array", "categoryarray": list(dict.fromkeys(x))},
        yaxis={"type": "category", "autorange": "reversed", "title": None, "automargin": True,
               "categoryorder": "array", "categoryarray": list(dict.fromkeys(y))},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "title": {"text": "cell"}},
        clickmode="event+select", dragmode=False,
    )
    return fig
