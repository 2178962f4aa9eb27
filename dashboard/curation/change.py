"""What one save does to the data, and the same change written into a table's CSV bytes.

Rows are appended to a table's exact bytes and changed records rewritten in place, every other line kept
byte for byte, so a data folder's git diff shows only what a curator did. Both stores apply a change the
same way: the file store to its files, the database store to the package it rebuilds from its rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from dashboard.dataset.package import DataPackage
from dashboard.dataset.schema import TABLES


class ChangeError(ValueError):
    """A change that cannot be written into a table (a column its header lacks, a record it does not hold)."""


@dataclass
class Change:
    """What one save does: rows added per table, new article files (text by file name), fields changed in
    existing records (`updates`: table -> record id -> {field: new value}, e.g. an event's status), and columns
    of the schema a table's header lacks that the change writes (`columns`: a data folder from before them)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    updates: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(self.rows.values()) and not self.articles and not any(self.updates.values())

    def table_bytes(self, name: str, existing: bytes) -> bytes:
        """A table's bytes after this change: missing columns added, its records updated in place, then its new
        rows appended."""
        widened = add_columns(existing, name, self.columns.get(name, []))
        return append_rows(update_rows(widened, name, self.updates.get(name, {})), name, self.rows.get(name, []))

    def tables(self) -> list[str]:
        return [name for name in TABLES if self.rows.get(name) or self.updates.get(name) or self.columns.get(name)]

    def applied_to(self, package: DataPackage) -> DataPackage:
        """The package as it would be after this change (the package itself is unchanged)."""
        tables = {TABLES[name].filename: self.table_bytes(name, package.tables.get(TABLES[name].filename, b""))
                  for name in self.tables()}
        return package.replaced(tables, self.articles)


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
            raise ChangeError(f"{TABLES[table].filename} has no column {', '.join(sorted(unknown))}; add it to the header first")
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    prefix = existing[3:] if existing.startswith(b"\xef\xbb\xbf") else existing
    return prefix + out.getvalue().encode("utf-8")


def add_columns(existing: bytes, table: str, names: list[str]) -> bytes:
    """A table's bytes with columns of the schema added at the end of its header, each record empty in them.

    Only the header line and each record's last line gain the new separators; every other byte is kept. A
    column the header has already, or an empty file, is left as it is."""
    text = existing.decode("utf-8-sig") if existing else ""
    if not text.strip() or not names:
        return existing
    unknown = set(names) - set(TABLES[table].columns)
    if unknown:
        raise ChangeError(f"the schema of {TABLES[table].filename} has no column {', '.join(sorted(unknown))}")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    names = list(dict.fromkeys(n for n in names if n not in header))
    if not names:
        return existing
    ends = [0] + [reader.line_num - 1 for record in reader if any(cell.strip() for cell in record)]
    lines = text.splitlines(keepends=True)
    for index in ends:
        line = lines[index]
        body = line.rstrip("\r\n")
        extra = "," + ",".join(names) if index == 0 else "," * len(names)
        lines[index] = body + extra + line[len(body):]
    prefix = b"\xef\xbb\xbf" if existing.startswith(b"\xef\xbb\xbf") else b""
    return prefix + "".join(lines).encode("utf-8")


def update_rows(existing: bytes, table: str, updates: dict[str, dict[str, str]]) -> bytes:
    """A table's bytes with the fields of some records changed; every other line keeps its bytes.

    Each updated record's lines are written again (in the file's column order, quoted only where needed);
    a record id that is not in the file, or a field the file has no column for, is a ChangeError."""
    if not updates:
        return existing
    text = existing.decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    key = TABLES[table].key
    unknown = {f for fields in updates.values() for f in fields} - set(header)
    if unknown:
        raise ChangeError(f"{TABLES[table].filename} has no column {', '.join(sorted(unknown))}; add it to the header first")
    spans: dict[str, tuple[int, int, list[str]]] = {}
    start = reader.line_num
    for record in reader:
        row_id = record[header.index(key)].strip() if len(record) > header.index(key) else ""
        if row_id in updates and row_id not in spans:
            spans[row_id] = (start, reader.line_num, record)
        start = reader.line_num
    missing = set(updates) - set(spans)
    if missing:
        raise ChangeError(f"{TABLES[table].filename} has no record {', '.join(sorted(missing))}")
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


def stamp_recorded(change: Change, day: dt.date | None = None) -> None:
    """Give every new row the day it is recorded (today, unless the curator wrote one): "what changed since" reads it."""
    day_text = (day or dt.date.today()).isoformat()
    for rows in change.rows.values():
        for row in rows:
            if not row.get("recorded"):
                row["recorded"] = day_text


def change_counts(change: Change) -> dict[str, int]:
    """Rows added per table, and records changed as "<table> changed"."""
    return {**{name: len(rows) for name, rows in change.rows.items() if rows},
            **{f"{name} changed": len(ids) for name, ids in change.updates.items() if ids}}
