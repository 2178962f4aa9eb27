"""Saving curated records to the data folder without ever corrupting it.

Every save:
1. takes a lock on the data folder (`filelock`), so two curators saving at once
   are served one after the other and neither loses a row;
2. re-reads the current tables and appends the new rows to their exact bytes
   (existing rows are never rewritten, so git diffs stay clean);
3. validates the result with the loader's own rules, reading the planned contents
   in place of the files (nothing is copied or written yet); a save
   that would add an error writes nothing and says why;
4. commits all files at once: each is written to a temporary file beside its
   target, a manifest listing them is written, then each is renamed over its
   target and the manifest removed. A crash before the manifest leaves the old
   files untouched; a crash after it is rolled forward by the next save
   (`recover`). A rename is atomic, so no reader ever sees half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

from dashboard.dataset import location
from dashboard.dataset.loader import Dataset, load_dataset
from dashboard.dataset.problems import Problem
from dashboard.dataset.schema import TABLES
from dashboard.dataset.version import DataVersion, data_version

LOCK_NAME = ".parley.lock"
MANIFEST_GLOB = ".pending-save-*.json"


class SaveError(Exception):
    """A save that did not happen; nothing was written. `problems` says why, when validation refused it."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Change:
    """What one save does: rows added per table, new files (article texts) by path, and fields changed in
    existing records (`updates`: table -> record id -> {field: new value}, e.g. an event's status)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    files: dict[Path, bytes] = field(default_factory=dict)
    updates: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(self.rows.values()) and not self.files and not any(self.updates.values())

    def table_bytes(self, name: str, existing: bytes) -> bytes:
        """A table's bytes after this change: its records updated in place, then its new rows appended."""
        return append_rows(update_rows(existing, name, self.updates.get(name, {})), name, self.rows.get(name, []))

    def tables(self) -> list[str]:
        return [name for name in TABLES if self.rows.get(name) or self.updates.get(name)]


def append_rows(existing: bytes, table: str, rows: list[dict]) -> bytes:
    """A table's bytes with `rows` appended, in the file's own column order (a header first if it is empty)."""
    text = existing.decode("utf-8-sig") if existing else ""
    if text.strip():
        header = next(csv.reader(io.StringIO(text)))
        header = [h.strip() for h in header]
    else:
        header, text = TABLES[table].columns, ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    if not text:
        writer.writeheader()
    elif not text.endswith("\n"):
        out.write("\n")
    for row in rows:
        unknown = set(row) - set(header)
        if unknown:
            raise SaveError(f"{TABLES[table].filename} has no column {', '.join(sorted(unknown))}; add it to the header first")
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    prefix = existing[3:] if existing.startswith(b"\xef\xbb\xbf") else existing
    return prefix + out.getvalue().encode("utf-8")


def update_rows(existing: bytes, table: str, updates: dict[str, dict[str, str]]) -> bytes:
    """A table's bytes with the fields of some records changed; every other line keeps its bytes.

    Each updated record's lines are written again (in the file's column order, quoted only where needed);
    a record id that is not in the file, or a field the file has no column for, is a SaveError."""
    if not updates:
        return existing
    text = existing.decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    key = TABLES[table].key
    unknown = {f for fields in updates.values() for f in fields} - set(header)
    if unknown:
        raise SaveError(f"{TABLES[table].filename} has no column {', '.join(sorted(unknown))}; add it to the header first")
    spans: dict[str, tuple[int, int, list[str]]] = {}
    start = reader.line_num
    for record in reader:
        row_id = record[header.index(key)].strip() if len(record) > header.index(key) else ""
        if row_id in updates and row_id not in spans:
            spans[row_id] = (start, reader.line_num, record)
        start = reader.line_num
    missing = set(updates) - set(spans)
    if missing:
        raise SaveError(f"not saved: {TABLES[table].filename} has no record {', '.join(sorted(missing))}")
    for row_id, (first, last, record) in sorted(spans.items(), key=lambda item: -item[1][0]):
        values = dict(zip(header, record))
        values.update(updates[row_id])
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([values.get(h, "") for h in header])
        old_end = lines[last - 1]
        ending = old_end[len(old_end.rstrip("\r\n")):]  # the line ending the record had (none at the end of file)
        lines[first:last] = [out.getvalue().removesuffix("\n") + ending]
    prefix = b"\xef\xbb\xbf" if existing.startswith(b"\xef\xbb\xbf") else b""
    return prefix + "".join(lines).encode("utf-8")


def _problem_key(p: Problem) -> tuple:
    return (p.file, p.field, p.message, p.record_id, p.value)


def planned_writes(data_dir: Path, change: Change) -> dict[Path, bytes]:
    writes = {}
    for name in change.tables():
        path = data_dir / TABLES[name].filename
        writes[path] = change.table_bytes(name, path.read_bytes() if path.exists() else b"")
    writes.update(change.files)
    return writes


def validate(data_dir: Path, seeds_dir: Path, change: Change, before: Dataset | None = None) -> list[Problem]:
    """The errors the change would add: the loader's own checks on the data as it would be after it.

    Nothing is copied or written: the loader reads the planned contents in
    place of the files. `before` is the data as it is now, when the caller has
    it already loaded.
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    before = before if before is not None else load_dataset(data_dir, seeds_dir)
    return new_errors(before, load_dataset(data_dir, seeds_dir, pending=planned_writes(data_dir, change)))


def new_errors(before: Dataset, after: Dataset) -> list[Problem]:
    """The errors `after` has that `before` did not: what a change would add."""
    known = {_problem_key(p) for p in before.errors}
    return [p for p in after.errors if _problem_key(p) not in known]


def stamp_recorded(change: Change, day: dt.date | None = None) -> None:
    """Give every new row the day it is recorded (today, unless the curator wrote one): "what changed since" reads it."""
    day_text = (day or dt.date.today()).isoformat()
    for rows in change.rows.values():
        for row in rows:
            if not row.get("recorded"):
                row["recorded"] = day_text


def checked_change(current: Dataset, change: Change | Callable[[Dataset], Change],
                   article_exists: Callable[[Path], bool], after: Callable[[Change], Dataset]) -> Change:
    """The change a save will write, built against `current` if it is a function of the data, or a SaveError
    that says why nothing will be: no record, an article file that exists already, or new errors in `after`
    (the data as it would be). Every store runs these checks under its lock."""
    if callable(change):
        change = change(current)
    if change.is_empty():
        raise SaveError("nothing to save: no record was accepted")
    stamp_recorded(change)
    for path in change.files:
        if article_exists(path):
            raise SaveError(f"{path.name} already exists; an article file is never overwritten")
    errors = new_errors(current, after(change))
    if errors:
        raise SaveError(f"not saved: {len(errors)} problem(s) in the new records", errors)
    return change


def save(data_dir: Path, seeds_dir: Path, change: Change | Callable[[Dataset], Change],
         lock_timeout: float = 30) -> dict[str, int]:
    """Append the change's rows and files atomically. Returns the number of rows added per table.

    `change` may be a function of the dataset: it is then called under the lock with the data as it
    is at that moment, so ids and numbers are chosen against what other curators have just saved.
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    try:
        with FileLock(str(data_dir / LOCK_NAME), timeout=lock_timeout):
            recover(data_dir)
            change = checked_change(
                load_dataset(data_dir, seeds_dir), change, Path.exists,
                lambda c: load_dataset(data_dir, seeds_dir, pending=planned_writes(data_dir, c)))
            commit(data_dir, planned_writes(data_dir, change))
    except Timeout as exc:
        raise SaveError("not saved: another save has held the data folder for too long; try again") from exc
    except PermissionError as exc:
        raise SaveError(f"not saved: the data folder cannot be written ({exc.strerror}: {exc.filename})") from exc
    return change_counts(change)


def change_counts(change: Change) -> dict[str, int]:
    """Rows added per table, and records changed as "<table> changed"."""
    return {**{name: len(rows) for name, rows in change.rows.items() if rows},
            **{f"{name} changed": len(ids) for name, ids in change.updates.items() if ids}}


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
    for manifest in sorted(data_dir.glob(MANIFEST_GLOB)):
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


class Store(Protocol):
    """Where the data lives and how it changes: the data folder (`FileStore`) or a team's PostgreSQL database
    (`dashboard.db.store.DatabaseStore`). Every view works the same on either."""

    kind: str  # "files" or "database"

    @property
    def where(self) -> str: ...  # for messages and the server log: a folder, or host:port/database

    def fingerprint(self) -> str: ...  # cheap; changes whenever the data does

    def load(self) -> tuple[Dataset, DataVersion]: ...

    def validate(self, change: Change, before: Dataset | None = None) -> list[Problem]: ...

    def save(self, change: Change | Callable[[Dataset], Change], editor: str = "local") -> dict[str, int]: ...


@dataclass
class FileStore:
    """The data folder as the store: one researcher's default, with no server to run.

    `dashboard/db/store.py` is the other store, with the same methods, for a team's PostgreSQL database.
    Files keep no record of who saved: git does, when the folder is committed.
    """

    data_dir: Path
    seeds_dir: Path
    kind: str = field(default="files", init=False)

    @property
    def where(self) -> str:
        return str(self.data_dir)

    def fingerprint(self) -> str:
        """Changes whenever a file in either folder changes: checked on every rerun."""
        return location.fingerprint(self.data_dir, self.seeds_dir)

    def load(self) -> tuple[Dataset, DataVersion]:
        return load_dataset(self.data_dir, self.seeds_dir), data_version(self.data_dir, self.seeds_dir)

    def validate(self, change: Change, before: Dataset | None = None) -> list[Problem]:
        return validate(self.data_dir, self.seeds_dir, change, before)

    def save(self, change: Change | Callable[[Dataset], Change], editor: str = "local") -> dict[str, int]:
        return save(self.data_dir, self.seeds_dir, change)
