"""What changed since a day: the records added to the dataset on or after it, rounds now overdue, and shifts.

"Added" means recorded in the dataset (each record's `recorded` day, stamped by the save that added it), not
the day of what it reports: an article about 2022 curated today is news to a reader who looked yesterday.
An event whose status a save changed counts as changed on the day of that save (`status_changed`).
Records with no recorded day (data from before the field) are counted apart, never guessed.

The result keeps row positions, not copies: at 100,000 events a digest "since the beginning" would otherwise
copy every table once per viewer; the few rows a page lists are taken when asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.standing import shifts

KINDS = ("events", "positions", "propositions", "sources")


def recorded_days(frame: pd.DataFrame, column: str = "recorded") -> pd.Series:
    """The column as dates (NaT where empty or not a whole day)."""
    if column not in frame:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    return pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")


def _newest_first(days: pd.Series, keep: np.ndarray) -> np.ndarray:
    """Positions of the rows in `keep`, the most recently recorded first (file order among equals)."""
    rows = np.flatnonzero(keep)
    order = np.argsort(-days.to_numpy(dtype="datetime64[ns]")[rows].astype("int64"), kind="stable")
    return rows[order]


@dataclass
class Changes:
    """Everything new on or after `since`, as row positions into `tables`, newest recorded first."""

    since: dt.date
    today: dt.date
    tables: dict[str, pd.DataFrame]
    added_rows: dict[str, np.ndarray]  # table name -> rows recorded on or after `since`
    status_rows: np.ndarray  # events recorded earlier whose status a save changed on or after `since`
    overdue_rows: np.ndarray  # announced events whose latest possible day is before `today`, earliest first
    shifts: pd.DataFrame  # shifts (analysis/standing.py) whose later position was recorded on or after `since`
    undated: dict[str, int]  # table name -> records with no recorded day

    def added(self, name: str, limit: int | None = None) -> pd.DataFrame:
        return self.tables[name].take(self.added_rows[name][:limit])

    def status_changed(self, limit: int | None = None) -> pd.DataFrame:
        return self.tables["events"].take(self.status_rows[:limit])

    def overdue(self, limit: int | None = None) -> pd.DataFrame:
        return self.tables["events"].take(self.overdue_rows[:limit])

    def counts(self) -> dict[str, int]:
        return {**{name: len(rows) for name, rows in self.added_rows.items()},
                "status changed": len(self.status_rows), "overdue": len(self.overdue_rows), "shifts": len(self.shifts)}

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.added_rows.values()) + len(self.status_rows)


def changes_since(tables: dict[str, pd.DataFrame], since: dt.date, today: dt.date | None = None) -> Changes:
    """The changes in `tables` (a Dataset's tables, or filtered ones with the same columns) since `since`."""
    today = today or dt.date.today()
    start = pd.Timestamp(since)
    added, undated = {}, {}
    for name in KINDS:
        days = recorded_days(tables[name])
        undated[name] = int(days.isna().sum())
        added[name] = _newest_first(days, days.ge(start).to_numpy())
    events = tables["events"]
    changed_on = recorded_days(events, "status_changed")
    status = _newest_first(changed_on, (changed_on.ge(start) & ~recorded_days(events).ge(start)).to_numpy())
    late = events["status"].eq("announced").to_numpy() & (events["window_end"] < pd.Timestamp(today)).to_numpy()
    late_rows = np.flatnonzero(late)
    late_rows = late_rows[np.argsort(events["window_end"].to_numpy()[late_rows], kind="stable")]
    positions = tables["positions"]
    moves = shifts(positions)
    days = recorded_days(positions).to_numpy(dtype="datetime64[ns]")
    where = pd.Index(positions["position_id"]).get_indexer(moves["after_position_id"])  # valid ids are unique
    later = np.zeros(len(moves), dtype=bool)
    later[where >= 0] = days[where[where >= 0]] >= start.to_datetime64()
    moves = moves[later].reset_index(drop=True)
    return Changes(since, today, tables, added, status, late_rows, moves, undated)
