"""The questions the views ask of the data, one function each.

Every function takes DataFrames (already filtered) and returns a DataFrame or a
plain value; none draws anything.
"""

from __future__ import annotations

import pandas as pd

from dashboard.dates import format_partial
from dashboard.schema import THIRD_PARTY_ROLES

MEETING_TYPES = ("talks_round", "summit")
COMPARE_FIELDS = ("stance", "red_line", "quote", "source", "source_id", "citation_id", "paraphrase", "date")


def describe_date(row: pd.Series) -> str:
    """An event's date as precisely as it is known, with its announced date if it slipped."""
    text = format_partial(row["start"], row["date_precision"])
    if pd.notna(row.get("end")) and row["end"] != row["start"]:
        text += " – " + format_partial(row["end"], "day")
    if pd.notna(row.get("announced")) and row["announced"] != row["start"]:
        text += f" (announced for {format_partial(row['announced'], row['announced_precision'] or 'day')})"
    return text


def third_parties(event_actors: pd.DataFrame, event_ids) -> list[str]:
    """Mediators, hosts and facilitators of these events, each once with all its roles: "Türkiye (mediator, host)"."""
    rows = event_actors[event_actors["event_id"].isin(list(event_ids)) & event_actors["role"].isin(THIRD_PARTY_ROLES)]
    roles = rows.groupby("name")["role"].agg(lambda r: ", ".join(x for x in THIRD_PARTY_ROLES if x in set(r)))
    return [f"{name} ({role})" for name, role in roles.items()]


def process_overview(processes: pd.DataFrame, events: pd.DataFrame, positions: pd.DataFrame,
                     event_actors: pd.DataFrame, today: pd.Timestamp) -> list[dict]:
    """The state of each process at a glance."""
    today = pd.Timestamp(today).normalize()
    summary = []
    for process in processes.itertuples():
        ev = events[events["process_id"] == process.process_id]
        pos = positions[positions["process_id"] == process.process_id]
        if ev.empty and pos.empty:
            continue
        meetings = ev[ev["type"].isin(MEETING_TYPES)]
        held = meetings[meetings["status"] == "held"].sort_values("window_start")
        announced = ev[ev["status"] == "announced"].sort_values("window_start")
        upcoming = announced[announced["window_end"] >= today]
        overdue = announced[announced["window_end"] < today]
        summary.append(
            {
                "process_id": process.process_id,
                "name": process.name,
                "conflict": process.conflict,
                "next": upcoming.iloc[0] if not upcoming.empty else None,
                "overdue": overdue.iloc[-1] if not overdue.empty else None,
                "last_held": held.iloc[-1] if not held.empty else None,
                "rounds_held": len(held),
                "postponed": int((ev["status"] == "postponed").sum()),
                "cancelled": int((ev["status"] == "cancelled").sum()),
                "suspended": int((ev["status"] == "suspended").sum()),
                "third_parties": third_parties(event_actors, ev["event_id"]),
                "latest_positions": pos.sort_values("date_value", ascending=False).head(3),
            }
        )
    return summary


def latest_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """Each actor's most recent position on each issue in each process (a red line wins a tie)."""
    if positions.empty:
        return positions
    ordered = positions.sort_values(["date_value", "red_line", "position_id"], ascending=[False, False, True])
    return ordered.drop_duplicates(["process_id", "actor_id", "issue_id"]).reset_index(drop=True)


def stance_matrix(latest: pd.DataFrame, issues: pd.DataFrame) -> pd.DataFrame:
    """Actor × issue table of the latest stance, with one row per cell that has a position.

    Within one process each actor is a row; across several, a row is an actor in a process.
    """
    labels = dict(zip(issues["issue_id"], issues["label"]))
    cells = latest[["process_id", "actor", "actor_id", "issue_id", "stance", "stance_score", "red_line", "paraphrase",
                    "date_value", "date_precision", "position_id"]].copy()
    if cells["process_id"].nunique() > 1:
        cells["actor"] = cells["actor"] + " · " + cells["process_id"]
    cells["issue"] = cells["issue_id"].map(labels).fillna(cells["issue_id"])
    return cells


def compare_parties(latest: pd.DataFrame, citations: pd.DataFrame, issues: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Side by side, per issue: each party's stance, red line, quote, source and date.

    Columns are `issue` and, for each side `a` and `b`, `{side}_{field}` for every field in COMPARE_FIELDS.
    """
    labels = dict(zip(issues["issue_id"], issues["label"]))
    first_quote = _first_citation(citations, "position")
    rows = []
    chosen = latest[latest["actor_id"].isin([a, b])]
    for issue_id in sorted(chosen["issue_id"].unique(), key=lambda i: list(labels).index(i) if i in labels else 99):
        row = {"issue": labels.get(issue_id, issue_id)}
        for side, actor_id in (("a", a), ("b", b)):
            match = chosen[(chosen["actor_id"] == actor_id) & (chosen["issue_id"] == issue_id)]
            if match.empty:
                row.update({f"{side}_{k}": "" for k in COMPARE_FIELDS})
                row[f"{side}_stance"] = "—"
                continue
            p = match.iloc[0]
            quote = first_quote.get(p["position_id"], {})
            row.update(
                {
                    f"{side}_stance": p["stance"],
                    f"{side}_red_line": "red line" if p["red_line"] else "",
                    f"{side}_quote": quote.get("quote", ""),
                    f"{side}_source": quote.get("source_title", ""),
                    f"{side}_source_id": quote.get("source_id", ""),
                    f"{side}_citation_id": quote.get("citation_id", ""),
                    f"{side}_paraphrase": p["paraphrase"],
                    f"{side}_date": format_partial(p["date_value"], p["date_precision"]),
                }
            )
        rows.append(row)
    return pd.DataFrame(rows)


def stance_history(positions: pd.DataFrame, actor_id: str | None = None, issue_id: str | None = None) -> pd.DataFrame:
    """Positions over time, oldest first, for one actor and/or issue."""
    keep = pd.Series(True, index=positions.index)
    if actor_id:
        keep &= positions["actor_id"] == actor_id
    if issue_id:
        keep &= positions["issue_id"] == issue_id
    return positions[keep].sort_values(["date_value", "position_id"]).reset_index(drop=True)


def _first_citation(citations: pd.DataFrame, record_type: str) -> dict[str, dict]:
    subset = citations[citations["record_type"] == record_type].drop_duplicates("record_id")
    return subset.set_index("record_id")[["quote", "source_id", "source_title", "citation_id"]].to_dict("index")


def citations_for(citations: pd.DataFrame, record_type: str, record_ids) -> pd.DataFrame:
    return citations[(citations["record_type"] == record_type) & citations["record_id"].isin(list(record_ids))]


def record_titles(events: pd.DataFrame, positions: pd.DataFrame, issues: pd.DataFrame) -> dict[tuple[str, str], str]:
    """A readable name for every event and position, keyed by (record_type, record_id)."""
    labels = dict(zip(issues["issue_id"], issues["label"]))
    titles = {("event", e): t for e, t in zip(events["event_id"], events["title"])}
    titles.update(
        {("position", p): f"{a} {s}, on {labels.get(i, i).lower()}" for p, a, s, i in
         zip(positions["position_id"], positions["actor"], positions["stance"], positions["issue_id"])}
    )
    return titles


def quotes_in_source(citations: pd.DataFrame, source_id: str, titles: dict[tuple[str, str], str]) -> pd.DataFrame:
    """The passages of one article that the dataset quotes, in reading order, with the records citing each."""
    quotes = citations[citations["source_id"] == source_id].copy()
    quotes["record"] = [titles.get((t, r), r) for t, r in zip(quotes["record_type"], quotes["record_id"])]
    return quotes.sort_values(["quote_start", "citation_id"]).reset_index(drop=True)
