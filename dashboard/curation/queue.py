"""The review queue: articles taken in and run through the assistant once, waiting for a curator.

The queue is workflow state, not curated data: the loader never reads it and the dataset's version does not
cover it. Each item is one stored article with a summary of the proposals kept for it (the assistant's JSON,
kept apart and read only when the item is opened). An item is `waiting`, then `opened` (by whom, when: a
second editor sees it is taken and may still open it knowingly), and ends `reviewed` (its records saved, in
the same save that ends it) or `set_aside` (no negotiation content, with a reason). Both stores keep it: the
data folder in `data/intake/` (`file_queue.py`), a team's database in `parley_intake`. The rules of the
states live here, so both stores apply them alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.curation.store import StoreError
from dashboard.dataset.loader import Dataset

WAITING, OPENED, REVIEWED, SET_ASIDE = "waiting", "opened", "reviewed", "set_aside"
STATES = (WAITING, OPENED, REVIEWED, SET_ASIDE)
OPEN = (WAITING, OPENED)  # still to review
STATE_LABELS = {WAITING: "waiting", OPENED: "opened", REVIEWED: "reviewed", SET_ASIDE: "set aside"}


class QueueError(StoreError):
    """A queue change that cannot be made (an item that is not there, or already finished); nothing changed."""


@dataclass(frozen=True)
class QueueItem:
    source_id: str
    seed_file: str
    title: str
    date: str  # the article's date: its publication date, else the date its proposals were read against; "" if none
    process_id: str  # the process the assistant proposed ("" when it proposed none)
    process_name: str
    process_new: bool  # the assistant proposed a process the registry lacked
    events: int  # how many proposals of each kind are kept
    positions: int
    new_actors: int
    added_by: str
    added_at: dt.datetime
    state: str = WAITING
    opened_by: str = ""
    opened_at: dt.datetime | None = None
    finished_by: str = ""
    finished_at: dt.datetime | None = None
    reason: str = ""  # why it was set aside

    @property
    def is_open(self) -> bool:
        return self.state in OPEN


def now() -> dt.datetime:
    """The time a queue change is stamped with: UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def item_for(source_id: str, seed_file: str, title: str, published: str, proposals: dict, editor: str,
             at: dt.datetime | None = None) -> QueueItem:
    """A new waiting item for an article and the assistant's proposals for it."""
    process = proposals.get("process") or {}
    return QueueItem(
        source_id=source_id, seed_file=seed_file, title=title, date=published or proposals.get("reference_date") or "",
        process_id=process.get("process_id", ""), process_name=process.get("name", ""),
        process_new=bool(process.get("new")), events=len(proposals.get("events", [])),
        positions=len(proposals.get("positions", [])), new_actors=len(proposals.get("new_actors", [])),
        added_by=editor, added_at=at or now())


def find(items: list[QueueItem], source_id: str) -> QueueItem:
    for item in items:
        if item.source_id == source_id:
            return item
    raise QueueError(f"{source_id} is not in the review queue")


def _open_or_refuse(item: QueueItem) -> None:
    if not item.is_open:
        raise QueueError(f"{item.source_id} was already {STATE_LABELS[item.state]} by {item.finished_by} "
                         f"({when_text(item.finished_at) or 'earlier'}); "
                         "nothing was changed")


def opened(item: QueueItem, editor: str, at: dt.datetime | None = None) -> QueueItem:
    """The item opened by `editor`: whoever opened it before is replaced, knowingly (the queue showed them)."""
    _open_or_refuse(item)
    return dataclasses.replace(item, state=OPENED, opened_by=editor, opened_at=at or now())


def reviewed(item: QueueItem, editor: str, at: dt.datetime | None = None) -> QueueItem:
    """The item ended by the save of its records."""
    _open_or_refuse(item)
    return dataclasses.replace(item, state=REVIEWED, finished_by=editor, finished_at=at or now())


def set_aside(item: QueueItem, reason: str, editor: str, at: dt.datetime | None = None) -> QueueItem:
    """The item ended without records: the article holds no negotiation content, for the reason given."""
    _open_or_refuse(item)
    if not reason.strip():
        raise QueueError("give a reason for setting the article aside (e.g. 'a sports report: no talks')")
    return dataclasses.replace(item, state=SET_ASIDE, finished_by=editor, finished_at=at or now(),
                               reason=" ".join(reason.split()))


def refreshed(proposals: dict, data: Dataset) -> dict:
    """Kept proposals as they stand against the data now: a new actor or process that another review has added
    since is no longer proposed as new (saving it again would repeat its id)."""
    known_actors = set(data["actors"]["actor_id"])
    out = {**proposals, "new_actors": [a for a in proposals.get("new_actors", []) if a.get("actor_id") not in known_actors]}
    process = proposals.get("process")
    if process and process.get("new") and process.get("process_id") in data.process_names:
        out["process"] = {**process, "new": False, "name": data.process_names[process["process_id"]],
                          "why": f"{process.get('why', '')}; recorded since these proposals were made".lstrip("; ")}
    return out


# ---- the queue as a table, for the Curate view ----------------------------------------------------------
ORDERS = {"date, newest first": (["date", "source_id"], [False, True]),
          "date, oldest first": (["date", "source_id"], [True, True]),
          "process": (["process", "date", "source_id"], [True, True, True]),
          "most proposals": (["proposals", "source_id"], [False, True]),
          "added": (["added", "source_id"], [True, True])}


def when_text(value: dt.datetime | None) -> str:
    """A queue time as shown: in UTC, whatever time zone a database server gave it in."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC") if value else ""


def queue_frame(items: list[QueueItem]) -> pd.DataFrame:
    """One row per item, the columns the Curate view lists."""
    rows = [{"source_id": i.source_id, "title": i.title, "date": i.date,
             "process": (i.process_name or i.process_id) + (" (new)" if i.process_new else ""),
             "process_id": i.process_id, "events": i.events, "positions": i.positions, "new_actors": i.new_actors,
             "proposals": i.events + i.positions, "state": STATE_LABELS[i.state], "opened_by": i.opened_by,
             "opened_at": when_text(i.opened_at), "finished": " ".join(filter(None, [i.finished_by, when_text(i.finished_at),
                                                                                  i.reason and f"({i.reason})"])),
             "added": when_text(i.added_at)} for i in items]
    columns = ["source_id", "title", "date", "process", "process_id", "events", "positions", "new_actors", "proposals",
               "state", "opened_by", "opened_at", "finished", "added"]
    return pd.DataFrame(rows, columns=columns)


def select(frame: pd.DataFrame, processes: list[str] | None = None, start: dt.date | None = None,
           end: dt.date | None = None, states: tuple[str, ...] = OPEN, order: str = "date, newest first") -> pd.DataFrame:
    """The rows of the chosen states and processes (ids; none chosen: all) dated between `start` and `end`
    (an undated article is left out only by a date bound), in the chosen order."""
    keep = frame["state"].isin([STATE_LABELS[s] for s in states])
    if processes:
        keep &= frame["process_id"].isin(processes)
    if start or end:
        days = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce").dt.date
        if start:
            keep &= days.notna() & (days >= start)
        if end:
            keep &= days.notna() & (days <= end)
    columns, ascending = ORDERS[order]
    return frame[keep].sort_values(columns, ascending=ascending, kind="stable")
