"""Reading a dataset's download row by row: every row with its line, a malformed one reported, never dropped.

CSV files are read by the csv module (a field may span lines, as PA-X's signatory lists do), so each row keeps
the line it starts on; an Excel workbook (UCDP publishes one) by pandas' reader. Dates are read by pandas, in
the order the file's own dates prove (a day above 12 tells day from month), else in the dataset's documented
order.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.dataset.dates import parse_partial
from dashboard.importers.layout import Agreement, BadRow

_SLASHED = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


class FileError(ValueError):
    """A file that cannot be read as the dataset's table at all (the message names the file and why)."""


@dataclass
class Table:
    name: str  # the file's name, for messages
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line the row starts on, its fields by column)
    bad: list[BadRow]


def read_file(path: Path, required: tuple[str, ...]) -> Table:
    """The rows of a CSV file (UTF-8) or an Excel workbook's first sheet, or a FileError."""
    path = Path(path)
    if not path.is_file():
        raise FileError(f"{path}: no such file")
    table = _read_excel(path) if path.suffix.lower() in (".xlsx", ".xls") else _read_csv(path)
    missing = [c for c in required if c not in table.header]
    if missing:
        raise FileError(f"{table.name}: the header lacks the column(s) {', '.join(missing)}; is this the right "
                        f"dataset's file? It has: {', '.join(table.header[:30])}")
    return table


def _read_csv(path: Path) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileError(f"{path.name}, line {line}: the file is not UTF-8 text (byte {exc.start}); save it as "
                        "UTF-8 CSV") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise FileError(f"{path.name}: the file is empty") from exc
    rows, bad, start = [], [], reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) != len(header):
                    bad.append(BadRow(path.name, start, "", str(len(record)),
                                      f"this row has {len(record)} fields but the header has {len(header)}; "
                                      "check for a missing or extra comma or an unclosed quote"))
                else:
                    rows.append((start, dict(zip(header, record))))
            start = reader.line_num + 1
    except csv.Error as exc:
        bad.append(BadRow(path.name, start, "", "", f"the CSV cannot be read from here on ({exc})"))
    return Table(path.name, header, rows, bad)


def _read_excel(path: Path) -> Table:
    try:
        frame = pd.read_excel(path, dtype=object)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise FileError(f"{path.name}: not a readable Excel workbook ({exc.__class__.__name__})") from exc
    header = [str(c).strip() for c in frame.columns]
    rows = []
    for index, values in enumerate(frame.itertuples(index=False), start=2):
        row = {column: _cell(value) for column, value in zip(header, values)}
        if any(row.values()):
            rows.append((index, row))
    return Table(path.name, header, rows, [])


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, dt.datetime):  # pd.Timestamp too: a workbook's date cell
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def date_order(texts: list[str], default: str) -> str:
    """DMY or MDY for the file's d/m/yyyy dates: what a day above 12 proves, else the dataset's documented order."""
    firsts, seconds = set(), set()
    for text in texts:
        match = _SLASHED.match(text)
        if match:
            firsts.add(int(match[1]))
            seconds.add(int(match[2]))
    if any(d > 12 for d in firsts) and not any(d > 12 for d in seconds):
        return "DMY"
    if any(d > 12 for d in seconds) and not any(d > 12 for d in firsts):
        return "MDY"
    return default


def read_dates(agreements: list[Agreement], order: str, file: str, column: str) -> list[BadRow]:
    """Set each agreement's ISO date and precision from its date text; the rows whose date cannot be read."""
    texts = pd.Series([a.date_text.strip() for a in agreements], dtype="str")
    slashed = texts.str.match(_SLASHED.pattern)
    iso = parse_partial(texts.where(~slashed, ""))
    fmt = "%d/%m/%Y" if order == "DMY" else "%m/%d/%Y"
    other = pd.to_datetime(texts.where(slashed).str.replace(".", "/", regex=False), format=fmt, errors="coerce")
    bad = []
    for i, agreement in enumerate(agreements):
        if not texts[i]:
            bad.append(BadRow(file, agreement.line, column, "", "no date: the agreement cannot be placed in time"))
        elif slashed[i]:
            if order not in ("DMY", "MDY"):
                bad.append(BadRow(file, agreement.line, column, texts[i], "a d/m/y date whose order (day or month "
                                  "first) neither this dataset nor this file settles: write it YYYY-MM-DD"))
            elif pd.isna(other[i]):
                bad.append(BadRow(file, agreement.line, column, texts[i], f"not a real date read as {order}"))
            else:
                agreement.date, agreement.precision = other[i].date().isoformat(), "day"
        elif iso["error"][i]:
            bad.append(BadRow(file, agreement.line, column, texts[i], iso["error"][i]))
        else:
            agreement.date = texts[i]
            agreement.precision = {"year": "year", "month": "month"}.get(iso["granularity"][i], "day")
    return bad
