"""The questions the views ask of the data, one function each.

Every function takes DataFrames (already filtered) and returns a DataFrame or a
plain value; none draws anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.analysis.describe import describe_events
from dashboard.dataset.columns import explode_list, isin, joined, lookup
from dashboard.dataset.dates import format_partial
from dashboard.dataset.schema import THIRD_PARTY_ROLES

MEETING_TYPES = ("talks_round", "summit")
COMPARE_FIELDS = ("stance", "red_line", "quote", "from_dataset", "source", "source_id", "citation_id", "paraphrase",
                  "date")


def describe_date(row: pd.Series) -> str:
    """An event's date as precisely as it is known, with its announced date if it slipped."""
    text = format_partial(row["start"], row["date_precision"])
    if pd.notna(row.get("end")) and row["end"] != row["start"]:
        text += " – " + format_partial(row["end"], "day")
    if pd.notna(row.get("announced")) and row["announced"] != row["start"]:
        text += f" (announced for {format_partial(row['announced'], row['announced_precision'] or 'day')})"
    return text


def third_parties_by_process(events: pd.DataFrame, event_actors: pd.DataFrame) -> dict[str, list[str]]:
    """Per process, the mediators, hosts and facilitators of these events, each once with all its roles,
    by name: ["Türkiye (mediator, host)", …]."""
    rows = event_actors[isin(event_actors["role"], THIRD_PARTY_ROLES)
                        & isin(event_actors["event_id"], events["event_id"])]
    if rows.empty:
        return {}
    rows = rows.assign(process_id=lookup(rows["event_id"], events.set_index("event_id")["process_id"]),
                       rank=rows["role"].map({role: i for i, role in enumerate(THIRD_PARTY_ROLES)}))
    rows = rows.drop_duplicates(["process_id", "name", "role"]).sort_values(["process_id", "name", "actor_id", "rank"])
    roles = joined(rows["role"], [rows["process_id"], rows["name"]], ", ")
    labels = (roles.index.get_level_values("name") + " (" + roles.values + ")").to_series(index=roles.index)
    return {pid: list(group) for pid, group in labels.groupby(level="process_id")}


EventRow = dict[str, Any]  # one event's fields by column name, with the readable columns of describe_events


@dataclass(frozen=True)
class ProcessOverview:
    """One process at a glance, as the Overview view and the printable brief show it."""

    process_id: str
    name: str
    conflict: str
    next: EventRow | None  # the first announced round whose window has not passed
    overdue: EventRow | None  # the last announced round whose window passed with no outcome recorded
    last_held: EventRow | None  # the last talks round or summit held
    rounds_held: int
    agreements: int  # agreements signed (held), curated or imported; one recorded both ways and linked counts once
    last_agreement: EventRow | None  # the last of them
    postponed: int
    cancelled: int
    suspended: int
    third_parties: list[str] = field(default_factory=list)  # "Türkiye (mediator, host)"
    latest_positions: pd.DataFrame = field(default_factory=pd.DataFrame)  # up to three, newest first


def process_overview(processes: pd.DataFrame, events: pd.DataFrame, positions: pd.DataFrame,
                     event_actors: pd.DataFrame, today: pd.Timestamp, detailed: int | None = None,
                     citations: pd.DataFrame | None = None) -> list[ProcessOverview]:
    """The state of each process at a glance, in the order of the processes table.

    Counted and picked on narrow columns for all processes at once; only the
    rows shown (next, overdue and last round) are fetched whole. Mediators and
    latest statements are gathered for the first `detailed` processes only
    (all when None); the others get none. Given the citations, each picked
    event names its sources (an article's title, or the dataset row).
    """
    today = pd.Timestamp(today).normalize()
    narrow = events[["process_id", "type", "status", "window_start", "window_end"]].sort_values("window_start",
                                                                                                 kind="stable")
    held = narrow[narrow["type"].isin(MEETING_TYPES) & (narrow["status"] == "held")]
    signed = narrow[narrow["type"].eq("agreement_signed") & (narrow["status"] == "held")]
    announced = narrow[narrow["status"] == "announced"]
    pick = {
        "next": announced[announced["window_end"] >= today].groupby("process_id").head(1),
        "overdue": announced[announced["window_end"] < today].groupby("process_id").tail(1),
        "last_held": held.groupby("process_id").tail(1),
        "last_agreement": signed.groupby("process_id").tail(1),
    }
    whole = describe_events(events.loc[[i for rows in pick.values() for i in rows.index]], event_actors, citations)
    whole = whole.to_dict("index")  # one fetch for all
    picked = {name: {pid: whole[i] for pid, i in zip(rows["process_id"], rows.index)} for name, rows in pick.items()}
    rounds = held.groupby("process_id").size()
    agreements = signed.groupby("process_id").size().sub(_linked_signings(events, signed), fill_value=0)
    statuses = pd.crosstab(narrow["process_id"], narrow["status"])
    with_records = set(narrow["process_id"].unique()) | set(positions["process_id"].unique())
    listed = [pid for pid in processes["process_id"] if pid in with_records]
    in_detail = listed if detailed is None else listed[:detailed]
    positions = positions[isin(positions["process_id"], in_detail)]
    latest = (positions.sort_values("date_value", ascending=False, kind="stable")
              .groupby("process_id", sort=False).head(3))
    latest_of = dict(tuple(latest.groupby("process_id", sort=False)))
    third = third_parties_by_process(events[isin(events["process_id"], in_detail)], event_actors)

    def count(status: str, process_id: str) -> int:
        return int(statuses.at[process_id, status]) if status in statuses and process_id in statuses.index else 0

    summary = []
    for process in processes.itertuples():
        pid = process.process_id
        if pid not in with_records:
            continue
        summary.append(ProcessOverview(
            process_id=pid,
            name=process.name,
            conflict=process.conflict,
            **{name: rows.get(pid) for name, rows in picked.items()},
            rounds_held=int(rounds.get(pid, 0)),
            agreements=int(agreements.get(pid, 0)),
            postponed=count("postponed", pid),
            cancelled=count("cancelled", pid),
            suspended=count("suspended", pid),
            third_parties=third.get(pid, []),
            latest_positions=latest_of.get(pid, positions.iloc[:0]),
        ))
    return summary


def _linked_signings(events: pd.DataFrame, signed: pd.DataFrame) -> pd.Series:
    """Per process, the signings that name another signing of it in `related_events`: the same signing recorded
    twice (an imported agreement and the curated one), so counted once."""
    if "related_events" not in events:
        return pd.Series(dtype="int64")
    linking = events.loc[signed.index]
    linking = linking[linking["related_events"].ne("")]
    if linking.empty:
        return pd.Series(dtype="int64")
    items = explode_list(linking["related_events"], ";").str.strip()
    ids = set(events.loc[signed.index, "event_id"])
    names_one = pd.Series(isin(items, pd.Series(sorted(ids), dtype="str")).to_numpy(), index=items.index)
    linked = linking.loc[names_one[names_one].index.unique()]
    return linked.groupby("process_id").size()


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
    chosen = latest[latest["actor_id"].isin([a, b])]
    first_quote = first_citations(citations_for(citations, "position", chosen["position_id"]), "position")
    rows = []
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
                    f"{side}_from_dataset": quote.get("from_dataset", ""),
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


def first_citations(citations: pd.DataFrame, record_type: str) -> dict[str, dict]:
    """Per record id, its first citation's quote, source_id, source_title and citation_id."""
    subset = citations[citations["record_type"] == record_type].drop_duplicates("record_id")
    columns = ["quote", "source_id", "source_title", "citation_id", *(["from_dataset"] if "from_dataset" in subset
                                                                     else [])]
    return subset.set_index("record_id")[columns].to_dict("index")


def citations_for(citations: pd.DataFrame, record_type: str, record_ids) -> pd.DataFrame:
    ids = record_ids if isinstance(record_ids, pd.Series) else list(record_ids)
    return citations[(citations["record_type"] == record_type) & isin(citations["record_id"], ids)]


def record_titles(citations: pd.DataFrame, events: pd.DataFrame, positions: pd.DataFrame,
                  issues: pd.DataFrame) -> pd.Series:
    """A readable name for the record each citation supports ("Russia rejects, on territory"), else its id.

    Only the cited records are looked up, so naming one article's quotes costs
    the same with 100 events or 100,000.
    """
    events = events[isin(events["event_id"], citations.loc[citations["record_type"] == "event", "record_id"])]
    positions = positions[isin(positions["position_id"],
                               citations.loc[citations["record_type"] == "position", "record_id"])]
    labels = dict(zip(issues["issue_id"], issues["label"]))
    titles = {("event", e): t for e, t in zip(events["event_id"], events["title"])}
    titles.update(
        {("position", p): f"{a} {s}, on {labels.get(i, i).lower()}" for p, a, s, i in
         zip(positions["position_id"], positions["actor"], positions["stance"], positions["issue_id"])}
    )
    return pd.Series([titles.get((t, r), r) for t, r in zip(citations["record_type"], citations["record_id"])],
                     index=citations.index, dtype=object)


def quotes_in_source(citations: pd.DataFrame, source_id: str, events: pd.DataFrame, positions: pd.DataFrame,
                     issues: pd.DataFrame) -> pd.DataFrame:
    """The passages of one article that the dataset quotes, in reading order, with the record citing each."""
    quotes = citations[citations["source_id"] == source_id].copy()
    quotes["record"] = record_titles(quotes, events, positions, issues)
    return quotes.sort_values(["quote_start", "citation_id"]).reset_index(drop=True)


# How many events the timeline draws one by one; beyond this it draws counts per period.
TIMELINE_DETAIL_LIMIT = 400
PERIODS = {"W": "week", "M": "month", "Y": "year"}


def timeline_period(events: pd.DataFrame) -> str:
    """The period to count events in, so the chart has at most about 180 bars: weeks for up to two years of
    events, months for up to fifteen, else years."""
    span = (events["window_end"].max() - events["window_start"].min()).days
    return "W" if span <= 2 * 366 else "M" if span <= 15 * 366 else "Y"


def timeline_counts(events: pd.DataFrame, period: str) -> pd.DataFrame:
    """Events per period, process and type: one row per (period_start, process_id, type, precise).

    An event counts in the period holding its date. One whose date window is
    wider than a period (a month-precise date counted in weeks, a year-precise
    one in months, a span) is counted at the period its window starts in, with
    `precise` False, so the chart can show it apart instead of inventing a day.
    """
    columns = ["period_start", "process_id", "type", "precise", "events"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    first = events["window_start"].dt.to_period(period)
    last = events["window_end"].dt.to_period(period)
    counts = (events.assign(period_start=first.dt.start_time, precise=first == last)
              .groupby(["period_start", "process_id", "type", "precise"], observed=True).size()
              .rename("events").reset_index())
    return counts[columns]
