"""Where the talks stand: a deadlock map of party pairs and a list of who moved, from quoted positions.

Only stances toward the same proposition are compared (data/README.md, Propositions): "demands recognition
of the realities on the ground" and "rejects territorial concessions" are opposite words about one matter
only once a curator has tied both to one proposition. The rules that class a cell and a shift are written
in data/README.md ("Deadlock map" and "Shifts") and tested class by class in tests/analysis/test_standing.py.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from dashboard.dataset.dates import format_dates

# The cell classes, from most to least stuck; the order is the legend's and the summary's.
CLASHING = "clashing red lines"
OPPOSED = "opposed"
ROOM = "room to move"
AGREED = "agreed"
UNKNOWN = "unknown"
CLASSES = (CLASHING, OPPOSED, ROOM, AGREED, UNKNOWN)
CLASS_MEANINGS = {
    CLASHING: "on opposite sides and both declare a red line: neither can move without dropping one",
    OPPOSED: "on opposite sides (one for, one against), at most one of them with a red line",
    ROOM: "at least one side is open (willing to discuss, committed to nothing)",
    AGREED: "on the same side: both for it, or both against it",
    UNKNOWN: "one side (or both) has stated no position on it",
}

# Shift directions.
HARDENED, SOFTENED, REVERSED, SHIFTED = "hardened", "softened", "reversed", "shifted"

SIDE_FIELDS = ("position_id", "stance", "stance_score", "red_line", "paraphrase", "date_value", "date_precision")


def latest_on_propositions(positions: pd.DataFrame) -> pd.DataFrame:
    """Each actor's most recent position on each proposition (a red line wins a tie); positions with no
    proposition are left out, as they cannot be compared."""
    tied = positions[positions["proposition_id"].ne("")]
    ordered = tied.sort_values(["date_value", "red_line", "position_id"], ascending=[False, False, True])
    return ordered.drop_duplicates(["process_id", "proposition_id", "actor_id"]).reset_index(drop=True)


DEFAULT_PAIRED = 4  # actors paired at first: 6 pairs, a map that still reads on a phone


def pairing_order(positions: pd.DataFrame) -> dict[str, str]:
    """actor_id -> name of the actors with a position on a proposition, those who said most first (then by
    name): the map pairs the first DEFAULT_PAIRED by default."""
    tied = positions[positions["proposition_id"].ne("")]
    counts = tied.groupby(["actor_id", "actor"]).size().reset_index(name="n")
    counts = counts.sort_values(["n", "actor", "actor_id"], ascending=[False, True, True], kind="stable")
    return dict(zip(counts["actor_id"], counts["actor"]))


def classify(a_score, a_red: bool, b_score, b_red: bool) -> str:
    """The class of one cell from the two sides' latest stance scores (None: no position) and red lines."""
    if a_score is None or b_score is None or pd.isna(a_score) or pd.isna(b_score):
        return UNKNOWN
    if a_score * b_score > 0:
        return AGREED
    if a_score * b_score < 0:
        return CLASHING if a_red and b_red else OPPOSED
    return ROOM


def deadlock_cells(positions: pd.DataFrame, propositions: pd.DataFrame, issue_labels: dict[str, str],
                   process_id: str, actors: list[str] | None = None) -> pd.DataFrame:
    """One row per proposition of the process × pair of actors holding positions on its propositions.

    Columns: issue_id, issue, proposition_id, statement, a_actor_id, a_actor, b_actor_id, b_actor, cell
    (the class), and for each side `a_…`/`b_…` the latest position's SIDE_FIELDS (empty when it has none).
    Pairs are every two of `actors` (default: the actors with a position on a proposition of the process),
    named in alphabetical order.
    """
    latest = latest_on_propositions(positions[positions["process_id"].eq(process_id)])
    props = propositions[propositions["process_id"].eq(process_id)]
    props = props[props["proposition_id"].isin(latest["proposition_id"])] if actors is None else props
    if actors is None:
        actors = latest["actor_id"].unique().tolist()
    names = dict(zip(latest["actor_id"], latest["actor"]))
    actors = sorted(actors, key=lambda a: (names.get(a) or a).casefold())
    pairs = list(combinations(actors, 2))
    if props.empty or not pairs:
        return pd.DataFrame(columns=_columns())
    by_key = latest.set_index(["proposition_id", "actor_id"])
    rows = []
    for prop in props.itertuples(index=False):
        for a, b in pairs:
            row = {"issue_id": prop.issue_id, "issue": issue_labels.get(prop.issue_id, prop.issue_id),
                   "proposition_id": prop.proposition_id, "statement": prop.statement,
                   "a_actor_id": a, "a_actor": names.get(a, a), "b_actor_id": b, "b_actor": names.get(b, b)}
            for side, actor in (("a", a), ("b", b)):
                found = by_key.loc[(prop.proposition_id, actor)] if (prop.proposition_id, actor) in by_key.index else None
                for f in SIDE_FIELDS:
                    row[f"{side}_{f}"] = None if found is None else found[f]
            row["cell"] = classify(row["a_stance_score"], bool(row["a_red_line"]), row["b_stance_score"],
                                   bool(row["b_red_line"]))
            rows.append(row)
    return pd.DataFrame(rows, columns=_columns())


def _columns() -> list[str]:
    sides = [f"{side}_{f}" for side in ("a", "b") for f in SIDE_FIELDS]
    return ["issue_id", "issue", "proposition_id", "statement", "a_actor_id", "a_actor", "b_actor_id", "b_actor",
            "cell", *sides]


def cell_counts(cells: pd.DataFrame) -> dict[str, int]:
    """How many cells fall in each class, in CLASSES order (zeros included)."""
    counts = cells["cell"].value_counts()
    return {c: int(counts.get(c, 0)) for c in CLASSES}


def shift_directions(before_score, before_red, after_score, after_red) -> np.ndarray:
    """Which way each stance moved toward one proposition (arrays in, an array of directions out).

    Firmness is the distance from "open" on the stance scale plus one for a red line. A move across "open"
    (for it → against it, or the reverse) is `reversed`; otherwise more firmness is `hardened`, less is
    `softened`, and a change that keeps the same firmness (a red line traded for a weaker stance) `shifted`.
    """
    b_score, a_score = np.asarray(before_score, dtype=float), np.asarray(after_score, dtype=float)
    b_red, a_red = np.asarray(before_red, dtype=bool), np.asarray(after_red, dtype=bool)
    firm_b, firm_a = np.abs(b_score) + b_red, np.abs(a_score) + a_red
    return np.select([b_score * a_score < 0, firm_a > firm_b, firm_a < firm_b], [REVERSED, HARDENED, SOFTENED],
                     SHIFTED)


def red_line_changes(before_red, after_red) -> np.ndarray:
    b_red, a_red = np.asarray(before_red, dtype=bool), np.asarray(after_red, dtype=bool)
    return np.select([a_red & ~b_red, b_red & ~a_red], ["red line drawn", "red line dropped"], "")


def shift_direction(before_score: int, before_red: bool, after_score: int, after_red: bool) -> str:
    """One shift's direction (the rule is `shift_directions`)."""
    return str(shift_directions([before_score], [before_red], [after_score], [after_red])[0])


def red_line_change(before_red: bool, after_red: bool) -> str:
    return str(red_line_changes([before_red], [after_red])[0])


def shifts(positions: pd.DataFrame) -> pd.DataFrame:
    """Every change of an actor's stance or red line toward a proposition, newest first.

    Consecutive positions of one actor on one proposition, in date order, are compared; a position that
    repeats the stance and red line of the one before is not a shift. Columns: process_id, actor_id, actor,
    proposition_id, direction, red_line_change, before_/after_ (position_id, stance, red_line, paraphrase,
    date_value, date_precision), when (the later position's date, as precisely as known). Vectorised: at
    100,000 events there are tens of thousands of shifts among random SYNTHETIC stances.
    """
    fields = ("position_id", "stance", "stance_score", "red_line", "paraphrase", "date_value", "date_precision")
    keys = ["process_id", "actor_id", "proposition_id"]
    tied = positions.loc[positions["proposition_id"].ne(""), [*keys, "actor", *fields]]
    tied = tied.sort_values([*keys, "date_value", "position_id"])
    previous = tied.groupby(keys, sort=False)[list(fields)].shift(1)
    changed = (previous["position_id"].notna() & (previous["stance"].ne(tied["stance"])
                                                  | previous["red_line"].ne(tied["red_line"]))).to_numpy()
    after, before = tied[changed], previous[changed]
    out = pd.DataFrame({
        "process_id": after["process_id"], "actor_id": after["actor_id"], "actor": after["actor"],
        "proposition_id": after["proposition_id"],
        **{f"before_{f}": before[f] for f in fields if f != "stance_score"},
        **{f"after_{f}": after[f] for f in fields if f != "stance_score"},
    })
    b_red, a_red = before["red_line"].astype(bool), after["red_line"].astype(bool)
    out["direction"] = shift_directions(before["stance_score"].astype(float), b_red, after["stance_score"].astype(float),
                                        a_red)
    out["red_line_change"] = red_line_changes(b_red, a_red)
    out["when"] = format_dates(out["after_date_value"], out["after_date_precision"])
    out = out.sort_values(["after_date_value", "after_position_id"], ascending=[False, True], na_position="last")
    return out.reset_index(drop=True)


def quotes_of(citations: pd.DataFrame, position_ids) -> dict[str, pd.DataFrame]:
    """Per position id, its citations (quote, source_id, source_title, citation_id), in citation order."""
    ids = [p for p in position_ids if isinstance(p, str) and p]
    cited = citations[citations["record_type"].eq("position") & citations["record_id"].isin(ids)]
    columns = ["citation_id", "quote", "source_id", "source_title", *(["from_dataset"] if "from_dataset" in cited
                                                                       else [])]
    return {pid: rows[columns].reset_index(drop=True)
            for pid, rows in cited.groupby("record_id", sort=False)}


def side_label(stance, red_line) -> str:
    """"demands · red line", or "no stated position"."""
    if stance is None or (not isinstance(stance, str) and np.isnan(stance)):
        return "no stated position"
    return f"{stance} · red line" if red_line else str(stance)
