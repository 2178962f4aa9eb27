"""The data folder as the store: saving curated records without ever corrupting it.

Every save:
1. takes a lock on the data folder (`filelock`), so two curators saving at once
   are served one after the other and neither loses a row;
2. re-reads the current tables and appends the new rows to their exact bytes
   (existing rows are never rewritten, so git diffs stay clean; `change.py`);
3. validates the result with the loader's own rules, on the data package as it
   would be after the save (nothing is copied or written yet; `validation.py`);
   a save that would add an error writes nothing and says why;
4. commits all files at once: each is written to a temporary file beside its
   target, a manifest listing them is written, then each is renamed over its
   target and the manifest removed. A crash before the manifest leaves the old
   files untouched; a crash after it is rolled forward by the next save
   (`recover`). A rename is atomic, so no reader ever sees half a file.

The review queue lives in `data/intake/` (`file_queue.py`): an intake or a review writes its queue change in the
same commit as its tables and articles, under the same lock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from dashboard.curation import file_queue, queue
from dashboard.curation.change import Change, change_counts
from dashboard.curation.store import Intake, SaveError
from dashboard.curation.validation import checked_change, errors_of_change
from dashboard.dataset import location
from dashboard.dataset.loader import Dataset, load_package
from dashboard.dataset.package import INTERRUPTED_SAVE_GLOB, DataPackage, read_folders
from dashboard.dataset.problems import Problem
from dashboard.dataset.schema import TABLES
from dashboard.dataset.version import DataVersion, data_version

LOCK_NAME = ".parley.lock"


@dataclass
class FileStore:
    """The data folder and its articles folder: one researcher's default, with no server to run.

    `dashboard/db/store.py` is the other store, with the same methods, for a team's PostgreSQL database.
    Files keep no record of who saved: git does, when the folder is committed.
    """

    data_dir: Path
    seeds_dir: Path
    kind: str = field(default="files", init=False)

    def __post_init__(self):
        self.data_dir, self.seeds_dir = Path(self.data_dir), Path(self.seeds_dir)

    @property
    def where(self) -> str:
        return str(self.data_dir)

    def fingerprint(self) -> str:
        """Changes whenever a file in either folder changes: checked on every rerun."""
        return location.fingerprint(self.data_dir, self.seeds_dir)

    def package(self) -> DataPackage:
        return read_folders(self.data_dir, self.seeds_dir)

    def load(self) -> tuple[Dataset, DataVersion]:
        package = self.package()
        data = load_package(package)
        return data, data_version(self.data_dir, self.seeds_dir, package.digest())

    def validate(self, change: Change, before: Dataset | None = None) -> list[Problem]:
        """The errors `change` would add; nothing is written."""
        return errors_of_change(self.package(), change, before)

    def save(self, change: Change | Callable[[Dataset], Change], editor: str = "local",
             lock_timeout: float = 30) -> dict[str, int]:
        """Add the change's rows and articles atomically. Returns the number of rows added per table.

        `change` may be a function of the dataset: it is then called under the lock with the data as it
        is at that moment, so ids and numbers are chosen against what other curators have just saved.
        """
        with self._locked(lock_timeout):
            package = self.package()
            change = checked_change(package, change)
            commit(self.data_dir, self.planned_writes(package, change))
        return change_counts(change)

    @contextmanager
    def _locked(self, lock_timeout: float = 30) -> Iterator[None]:
        """Hold the data folder's lock, with any interrupted save completed first; a lock held too long or a
        folder that cannot be written is a SaveError."""
        try:
            with FileLock(str(self.data_dir / LOCK_NAME), timeout=lock_timeout):
                recover(self.data_dir)
                file_queue.drop_orphans(file_queue.intake_dir(self.data_dir))
                yield
        except Timeout as exc:
            raise SaveError("not saved: another save has held the data folder for too long; try again") from exc
        except PermissionError as exc:
            raise SaveError(f"not saved: the data folder cannot be written ({exc.strerror}: {exc.filename})") from exc

    def planned_writes(self, package: DataPackage, change: Change) -> dict[Path, bytes]:
        """Every file the change writes, with its new bytes."""
        writes = {self.data_dir / TABLES[name].filename:
                  change.table_bytes(name, package.tables.get(TABLES[name].filename, b"")) for name in change.tables()}
        writes.update({self.seeds_dir / name: text.encode("utf-8") for name, text in change.articles.items()})
        return writes

    # ---- the review queue: data/intake/, under the same lock and in the same commit as a save -----------
    @property
    def intake_dir(self) -> Path:
        return file_queue.intake_dir(self.data_dir)

    def queue(self) -> list[queue.QueueItem]:
        return file_queue.read_queue(self.intake_dir)

    def proposals(self, source_id: str) -> dict:
        return file_queue.read_proposals(self.intake_dir, source_id)

    def intake(self, make: Intake, editor: str = "local", lock_timeout: float = 30) -> list[queue.QueueItem]:
        """Save the articles `make` plans against the data of the moment and queue them, in one commit."""
        made: list[tuple[queue.QueueItem, dict]] = []

        def change_of(current: Dataset) -> Change:
            change, made[:] = make(current)
            return change

        with self._locked(lock_timeout):
            package = self.package()
            change = checked_change(package, change_of)
            items = self.queue()
            taken = {i.source_id for i in items} & {i.source_id for i, _ in made}
            if taken:
                raise SaveError(f"not saved: {', '.join(sorted(taken))} already in the review queue")
            writes = self.planned_writes(package, change)
            writes.update(file_queue.planned_writes(self.intake_dir, items + [i for i, _ in made],
                                                    {i.source_id: p for i, p in made}))
            commit(self.data_dir, writes)
        return [i for i, _ in made]

    def open_item(self, source_id: str, editor: str, at: dt.datetime | None = None) -> queue.QueueItem:
        return self._queue_change(source_id, lambda item: queue.opened(item, editor, at))

    def set_aside(self, source_id: str, reason: str, editor: str = "local",
                  at: dt.datetime | None = None) -> queue.QueueItem:
        return self._queue_change(source_id, lambda item: queue.set_aside(item, reason, editor, at))

    def finish_review(self, source_id: str, change: Change | Callable[[Dataset], Change], editor: str = "local",
                      at: dt.datetime | None = None, lock_timeout: float = 30) -> dict[str, int]:
        """Save the reviewed records and take the article off the queue, in one commit; or neither."""
        with self._locked(lock_timeout):
            items = self.queue()
            done = queue.reviewed(queue.find(items, source_id), editor, at)
            package = self.package()
            change = checked_change(package, change)
            writes = self.planned_writes(package, change)
            writes.update(file_queue.planned_writes(self.intake_dir, _replaced(items, done)))
            commit(self.data_dir, writes)
        return change_counts(change)

    def _queue_change(self, source_id: str, step: Callable[[queue.QueueItem], queue.QueueItem]) -> queue.QueueItem:
        with self._locked():
            items = self.queue()
            changed = step(queue.find(items, source_id))
            commit(self.data_dir, file_queue.planned_writes(self.intake_dir, _replaced(items, changed)))
        return changed


def _replaced(items: list[queue.QueueItem], changed: queue.QueueItem) -> list[queue.QueueItem]:
    return [changed if i.source_id == changed.source_id else i for i in items]


def commit(data_dir: Path, writes: dict[Path, bytes]) -> None:
    """Replace or create every file in `writes`, all or nothing (see the module docstring)."""
    token = uuid.uuid4().hex[:12]
    temps: dict[Path, Path] = {}
    try:
        for target, content in writes.items():
            tmp = target.with_name(f".{target.name}.{token}.tmp")
            temps[target] = tmp
            _write_durably(tmp, content)
        manifest = data_dir / f".pending-save-{token}.json"
        _write_synced(manifest, json.dumps({str(t): str(tmp) for t, tmp in temps.items()}).encode())
        _sync_dirs({p.parent for p in writes} | {data_dir})
    except OSError as exc:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        (data_dir / f".pending-save-{token}.json").unlink(missing_ok=True)
        raise SaveError(f"not saved, nothing changed: {exc.strerror or exc} ({getattr(exc, 'filename', '')})") from exc
    _roll_forward(manifest)


def _roll_forward(manifest: Path) -> None:
    pairs = json.loads(manifest.read_text())
    for target, tmp in pairs.items():
        if Path(tmp).exists():
            os.replace(tmp, target)
    _sync_dirs({Path(t).parent for t in pairs})
    manifest.unlink()


def recover(data_dir: Path) -> int:
    """Finish saves that were interrupted after their manifest was written; drop orphaned temporaries."""
    data_dir = Path(data_dir)
    finished = 0
    for manifest in sorted(data_dir.glob(INTERRUPTED_SAVE_GLOB)):
        try:
            _roll_forward(manifest)
            finished += 1
        except (ValueError, OSError):
            manifest.unlink(missing_ok=True)  # an unreadable manifest was never complete: its temporaries are orphans
    # every manifest is now finished or dropped, and the lock is held: what temporaries remain are orphans
    for tmp in [*data_dir.glob(".*.tmp"), *data_dir.glob(".pending-save-*.writing")]:
        tmp.unlink(missing_ok=True)
    return finished


def _write_durably(path: Path, content: bytes) -> None:
    """Write `path` and wait until its bytes are on disk."""
    with open(path, "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())


def _write_synced(path: Path, content: bytes) -> None:
    """Write `path` atomically: durably to a temporary beside it, then renamed over it."""
    tmp = path.with_name(path.name + ".writing")
    _write_durably(tmp, content)
    os.replace(tmp, path)


def _sync_dirs(folders: set[Path]) -> None:
    for folder in folders:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)
