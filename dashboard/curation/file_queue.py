"""The review queue in a data folder: `data/intake/queue.csv` and each article's kept proposals as
`data/intake/proposals/<source_id>.json`.

A subfolder, so the loader and the dataset's fingerprint and version never see it (they read the folder's own
files only). It is written by `FileStore` under the data folder's lock and in the same atomic commit as the
tables and articles of a save (`file_store.commit`), so an intake or a review leaves the queue and the data in
step, or neither changed. Times are ISO 8601 in UTC.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import fields
from pathlib import Path

from dashboard.curation.queue import STATES, QueueError, QueueItem

FOLDER = "intake"
QUEUE_FILE = "queue.csv"
PROPOSALS_FOLDER = "proposals"
COLUMNS = [f.name for f in fields(QueueItem)]
_TIMES = {"added_at", "opened_at", "finished_at"}
_COUNTS = {"events", "positions", "new_actors"}
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


def intake_dir(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def proposals_path(folder: Path, source_id: str) -> Path:
    """Where an item's proposals are kept: by its source id, or a digest of it if it is no safe file name."""
    name = source_id if _SAFE_NAME.match(source_id) else hashlib.sha256(source_id.encode()).hexdigest()[:24]
    return folder / PROPOSALS_FOLDER / f"{name}.json"


def read_queue(folder: Path) -> list[QueueItem]:
    """The items of `folder/queue.csv` (none when there is no queue yet); a QueueError naming the file, line and
    field of anything that is not an item (a file edited by hand)."""
    path = folder / QUEUE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise QueueError(f"the review queue {path} cannot be read: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = set(COLUMNS) - set(reader.fieldnames or [])
    if missing:
        raise QueueError(f"{path} lacks the column(s) {', '.join(sorted(missing))}")
    items = []
    for row in reader:
        line = reader.line_num
        try:
            items.append(_item(row))
        except (ValueError, TypeError) as exc:
            raise QueueError(f"{path} line {line}: {exc}") from exc
    return items


def _item(row: dict[str, str]) -> QueueItem:
    values: dict = {}
    for name in COLUMNS:
        value = row.get(name) or ""
        if name in _TIMES:
            values[name] = _time(name, value)
        elif name in _COUNTS:
            if not value.isdigit():
                raise ValueError(f"{name} '{value}' is not a count")
            values[name] = int(value)
        elif name == "process_new":
            if value not in ("true", "false"):
                raise ValueError(f"process_new '{value}' is not true or false")
            values[name] = value == "true"
        else:
            values[name] = value
    if values["state"] not in STATES:
        raise ValueError(f"state '{values['state']}' is not one of {', '.join(STATES)}")
    if values["added_at"] is None:
        raise ValueError("added_at is empty")
    return QueueItem(**values)


def _time(name: str, value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name} '{value}' is not an ISO 8601 time") from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def queue_bytes(items: list[QueueItem]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([_text(getattr(item, name)) for name in COLUMNS])
    return out.getvalue().encode("utf-8")


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return "" if value is None else str(value)


def planned_writes(folder: Path, items: list[QueueItem], proposals: dict[str, dict] | None = None) -> dict[Path, bytes]:
    """The files a queue change writes: the whole queue (small: one line per article) and any new proposals.
    The folders are made here, before the commit writes into them."""
    (folder / PROPOSALS_FOLDER).mkdir(parents=True, exist_ok=True)
    writes = {folder / QUEUE_FILE: queue_bytes(items)}
    for source_id, result in (proposals or {}).items():
        writes[proposals_path(folder, source_id)] = json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8")
    return writes


def read_proposals(folder: Path, source_id: str) -> dict:
    path = proposals_path(folder, source_id)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise QueueError(f"no proposals are kept for {source_id} ({path} is missing)") from exc
    except (OSError, ValueError) as exc:
        raise QueueError(f"the proposals kept for {source_id} cannot be read ({path}: {exc})") from exc


def drop_orphans(folder: Path) -> None:
    """Temporaries of a commit that never reached its manifest (the lock is held, every manifest is finished)."""
    for sub in (folder, folder / PROPOSALS_FOLDER):
        for tmp in sub.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
