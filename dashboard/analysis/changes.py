"""What changed since a day: the records added to the dataset on or after it, rounds now overdue, and shifts.

"Added" means recorded in the dataset (each record's `recorded` day, stamped by the save that added it), not
the day of what it reports: an article about 2022 curated today is news to a reader who looked yesterday.
An event whose status a save changed counts as changed on the day of that save (`status_changed`).
Records with no recorded day (data from before the field) are counted apart, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.analysis.standing import shifts

KINDS = ("events", "positions", "propositions", "sources")


def recorded_days(frame: pd.DataFrame, column: str = "recorded") -> pd.Series:
    """The column as dates (NaT where empty or not a whole day)."""
    if column not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")


@dataclass
class Changes:
    """Everything new on or after `since`; each frame holds the full records, newest recorded first."""

    since: dt.date
    today: dt.date
    added: dict[str, pd.DataFrame]  # table name -> records recorded on or after `since`
    status_changed: pd.DataFrame  # events recorded earlier whose status a save changed on or after `since`
    overdue: pd.DataFrame  # announced events whose latest possible day is before `today`
    shifts: pd.DataFrame  # shifts (analysis/standing.py) whose later position was recorded on or after `since`
    undated: dict[str, int]  # table name -> records with no recorded day

    @property
    def total(self) -> int:
        return sum(len(f) for f in self.added.values()) + len(self.status_changed)


def changes_since(tables: dict[str, pd.DataFrame], since: dt.date, today: dt.date | None = None) -> Changes:
    """The changes in `tables` (a Dataset's tables, or filtered ones with the same columns) since `since`."""
    today = today or dt.date.today()
    start = pd.Timestamp(since)
    added, undated = {}, {}
    for name in KINDS:
        frame = tables[name]
        days = recorded_days(frame)
        undated[name] = int(days.isna().sum())
        recent = frame[days.ge(start).to_numpy()].assign(recorded_day=days[days.ge(start)])
        added[name] = recent.sort_values("recorded_day", ascending=False, kind="stable").reset_index(drop=True)
    events = tables["events"]
    changed_on = recorded_days(events, "status_changed")
    recorded_on = recorded_days(events)
    status_changed = events[(changed_on.ge(start) & ~recorded_on.ge(start)).to_numpy()]
    overdue = events[events["status"].eq("announced").to_numpy() & (events["window_end"] < pd.Timestamp(today)).to_numpy()]
    positions = tables["positions"]
    moves = shifts(positions)
    recorded = pd.Series(recorded_days(positions).to_numpy(), index=positions["position_id"])
    moves = moves[moves["after_position_id"].map(recorded).ge(start).to_numpy()]
    return Changes(since, today, added, status_changed.reset_index(drop=True),
                   overdue.sort_values("window_end").reset_index(drop=True), moves.reset_index(drop=True), undated)
