"""Where the data lives and how it changes: the protocol every view reads through, and the errors every store
raises.

Two stores keep Parley's data: the data folder (`file_store.FileStore`, one researcher's default, with no
server to run) and a team's PostgreSQL database (`dashboard.db.store.DatabaseStore`). Views and the command
line see only this protocol and these errors, so they never need to know which one they talk to. Each store also
keeps the review queue (`queue.py`), workflow state beside the data that the loader never reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from dashboard.curation.change import Change
from dashboard.dataset.loader import Dataset
from dashboard.dataset.problems import Problem
from dashboard.dataset.version import DataVersion

if TYPE_CHECKING:  # queue.py raises this module's errors
    from dashboard.curation.queue import QueueItem

# What an intake save adds: its articles' files and sources rows, and for each article its queue item with the
# assistant's proposals (built under the store's lock, against the data as it is then).
Intake = Callable[[Dataset], tuple[Change, "list[tuple[QueueItem, dict]]"]]


class StoreError(Exception):
    """Something a store could not do. Its message is safe to show to anyone: it names a folder or a server's
    host and port, never a credential."""


class SaveError(StoreError):
    """A save (or revert) that did not happen; nothing was written. `problems` says why, when validation
    refused it."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


class StoreUnavailable(StoreError):
    """The store cannot be read or written just now (the database is down); trying again later may work."""


class Store(Protocol):
    """The data folder or a team's database. Every view works the same on either."""

    kind: str  # "files" or "database"

    @property
    def where(self) -> str: ...  # for messages and the server log: a folder, or host:port/database

    def fingerprint(self) -> str: ...  # cheap; changes whenever the data does

    def load(self) -> tuple[Dataset, DataVersion]: ...

    def validate(self, change: Change, before: Dataset | None = None) -> list[Problem]: ...

    def save(self, change: Change | Callable[[Dataset], Change], editor: str = "local") -> dict[str, int]: ...

    # ---- the review queue: workflow state beside the data, never read by the loader (curation/queue.py) ----
    def queue(self) -> list[QueueItem]: ...  # every item, in the order they were added

    def proposals(self, source_id: str) -> dict: ...  # the assistant's JSON kept for an item

    def intake(self, make: Intake, editor: str = "local") -> list[QueueItem]: ...  # articles saved and queued together

    def open_item(self, source_id: str, editor: str, at: dt.datetime | None = None) -> QueueItem: ...

    def finish_review(self, source_id: str, change: Change | Callable[[Dataset], Change], editor: str = "local",
                      at: dt.datetime | None = None) -> dict[str, int]: ...  # its records saved, and it ends, together

    def set_aside(self, source_id: str, reason: str, editor: str = "local",
                  at: dt.datetime | None = None) -> QueueItem: ...
