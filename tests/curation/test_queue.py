"""The review queue's rules (queue.py) on their own: states, the table the view lists, and kept proposals made
current. Items are SYNTHETIC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.curation import queue
from dashboard.dataset.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)


def item(source_id: str, date: str, process: str = "p-1", events: int = 1) -> queue.QueueItem:
    proposals = {"events": [{}] * events, "positions": [], "new_actors": [],
                 "process": {"process_id": process, "name": f"Synthetic {process}", "new": False}}
    return queue.item_for(source_id, f"{source_id}.txt", f"Synthetic {source_id}", date, proposals, "ana", T0)


def test_an_item_moves_from_waiting_to_opened_to_reviewed_and_no_further():
    waiting = item("src-1", "2024-03-05")
    assert waiting.state == "waiting" and waiting.is_open
    opened = queue.opened(waiting, "ben", T0)
    done = queue.reviewed(opened, "ben", T0 + dt.timedelta(hours=1))
    assert (done.state, done.finished_by, done.is_open) == ("reviewed", "ben", False)
    for step in (lambda i: queue.opened(i, "cy"), lambda i: queue.reviewed(i, "cy"),
                 lambda i: queue.set_aside(i, "why", "cy")):
        with pytest.raises(queue.QueueError, match=r"already reviewed by ben \(2025-06-01 10:30 UTC\)"):
            step(done)


def test_times_show_in_utc_whatever_zone_a_server_gave():
    assert queue.when_text(dt.datetime(2025, 6, 1, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))) == \
        "2025-06-01 09:30 UTC"


def test_the_listed_table_filters_by_process_and_dates_and_sorts():
    items = [item("src-1", "2024-03-05", "p-1", 1), item("src-2", "", "p-2", 3), item("src-3", "2023-01-02", "p-2", 2),
             queue.set_aside(item("src-4", "2024-01-01"), "no talks", "ana")]
    frame = queue.queue_frame(items)
    assert list(queue.select(frame)["source_id"]) == ["src-1", "src-3", "src-2"]  # undated last, newest first
    assert list(queue.select(frame, order="most proposals")["source_id"]) == ["src-2", "src-3", "src-1"]
    assert list(queue.select(frame, processes=["p-2"])["source_id"]) == ["src-3", "src-2"]
    # a date bound leaves the undated article out; the set-aside one shows only when finished states are asked for
    assert list(queue.select(frame, start=dt.date(2023, 6, 1))["source_id"]) == ["src-1"]
    assert list(queue.select(frame, end=dt.date(2023, 6, 1))["source_id"]) == ["src-3"]
    assert list(queue.select(frame, states=queue.STATES, start=dt.date(2023, 6, 1))["source_id"]) == ["src-1", "src-4"]


def test_kept_proposals_no_longer_propose_as_new_what_another_review_has_recorded_since():
    data = load_dataset(REPO / "data", REPO / "seeds")
    kept = {"new_actors": [{"actor_id": "russia"}, {"actor_id": "synthetic-front"}],
            "process": {"process_id": "russia-ukraine", "name": "Russia–Ukraine talks", "new": True, "why": "its sides"}}
    now = queue.refreshed(kept, data)
    assert [a["actor_id"] for a in now["new_actors"]] == ["synthetic-front"]
    assert now["process"]["new"] is False and now["process"]["name"] == data.process_names["russia-ukraine"]
    assert kept["process"]["new"] is True  # the kept proposals themselves are unchanged
