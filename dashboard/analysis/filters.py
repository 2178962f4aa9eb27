"""The filters every view shares: process, date range, actors, event types, status.

An empty selection means "all". A date range keeps every record whose date
window overlaps it, so an event known only to the month stays in view for any
range that touches that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.dataset.columns import isin

# Each filter's name in a view's address (`?process=…&type=…`) and in the names of exported files.
URL_KEYS = {"processes": "process", "actors": "actor", "event_types": "type", "statuses": "status", "start": "from",
            "end": "to"}


@dataclass(frozen=True)
class Filters:
    processes: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return any((self.processes, self.start, self.end, self.actors, self.event_types, self.statuses))


def expand_actors(selected: tuple[str, ...], actors: pd.DataFrame) -> set[str]:
    """The selected actors plus the people who belong to them (Russia brings in Putin)."""
    chosen = set(selected)
    if not chosen:
        return chosen
    members = actors.loc[actors["affiliation"].isin(chosen), "actor_id"]
    return chosen | set(members)


def _kept(frame: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """The rows kept; the frame itself, uncopied, when every row is (the tables are never changed in place)."""
    return frame if keep.all() else frame[keep]


def _overlaps(frame: pd.DataFrame, f: Filters) -> pd.Series:
    keep = pd.Series(True, index=frame.index)
    if f.start is not None:
        keep &= frame["window_end"] >= pd.Timestamp(f.start)
    if f.end is not None:
        keep &= frame["window_start"] <= pd.Timestamp(f.end)
    return keep


def filter_events(events: pd.DataFrame, event_actors: pd.DataFrame, actors: pd.DataFrame, f: Filters) -> pd.DataFrame:
    keep = _overlaps(events, f)
    if f.processes:
        keep &= events["process_id"].isin(f.processes)
    if f.event_types:
        keep &= events["type"].isin(f.event_types)
    if f.statuses:
        keep &= events["status"].isin(f.statuses)
    if f.actors:
        wanted = expand_actors(f.actors, actors)
        involved = event_actors.loc[isin(event_actors["actor_id"], wanted), "event_id"]
        keep &= isin(events["event_id"], involved)
    return _kept(events, keep)


def filter_positions(positions: pd.DataFrame, actors: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Positions follow the process, date and actor filters; event types and status do not apply."""
    keep = _overlaps(positions, f)
    if f.processes:
        keep &= positions["process_id"].isin(f.processes)
    if f.actors:
        wanted = expand_actors(f.actors, actors)
        keep &= isin(positions["actor_id"], wanted) | isin(positions["speaker_id"], wanted)
    return _kept(positions, keep)
