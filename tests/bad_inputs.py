"""The corpus of broken data folders: each case breaks a copy of the bundled data in one way.

Each case names the problem the loader must report (its code, its file, and
its field where there is one) and a record that must still show. The loader tests and the
real-browser tests both run every case. The 50 MB table is generated here,
marked synthetic, and never written into data/.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path, Path], None]  # (data_dir, seeds_dir) -> None
    file: str  # the file the main problem names
    field: str  # the field it names ("" for a problem of the whole row or file)
    code: str  # the problem's kind (dashboard/dataset/problems.py CODES)
    still_shown: str = "ru-ua-2025-05-istanbul-round"  # an event that must still be charted


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edit(table: str, key: str, record: str, **changes: str) -> Callable[[Path, Path], None]:
    def apply(data: Path, seeds: Path) -> None:
        header, rows = _rows(data / f"{table}.csv")
        for row in rows:
            if row[key] == record:
                row.update(changes)
        _write(data / f"{table}.csv", header, rows)
    return apply


def not_utf8(data: Path, seeds: Path) -> None:
    path = data / "processes.csv"
    path.write_bytes(path.read_bytes().replace("Israel–Hamas".encode(), "Israel–Hamas".encode("cp1252")))


def ragged_rows(data: Path, seeds: Path) -> None:
    path = data / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("bsg-2022-07-deal,"))
    lines[i] = lines[i] + ",one too many"
    path.write_text("\n".join(lines), encoding="utf-8")


def missing_column(data: Path, seeds: Path) -> None:
    header, rows = _rows(data / "positions.csv")
    header.remove("stance")
    _write(data / "positions.csv", header, [{k: v for k, v in r.items() if k != "stance"} for r in rows])


def unknown_column(data: Path, seeds: Path) -> None:
    header, rows = _rows(data / "actors.csv")
    _write(data / "actors.csv", [*header, "twitter"], [dict(r, twitter="@handle") for r in rows])


def empty_table(data: Path, seeds: Path) -> None:
    (data / "issues.csv").write_text("", encoding="utf-8")


def missing_table(data: Path, seeds: Path) -> None:
    (data / "processes.csv").unlink()


def duplicate_ids(data: Path, seeds: Path) -> None:
    header, rows = _rows(data / "events.csv")
    copy = dict(next(r for r in rows if r["event_id"] == "bsg-2022-07-deal"), title="A second record, same id")
    _write(data / "events.csv", header, [*rows, copy])


def missing_article_file(data: Path, seeds: Path) -> None:
    (seeds / "007_ethiopia-tplf-pretoria-blinken.txt").unlink()


def huge_table(data: Path, seeds: Path, megabytes: int = 50) -> None:
    """SYNTHETIC: the bundled events plus junk rows (unknown process, no citation) up to `megabytes` MB."""
    header, rows = _rows(data / "events.csv")
    path = data / "events.csv"
    _write(path, header, rows)
    filler = "synthetic filler for a load test " * 6
    with open(path, "a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        n = 0
        while fh.tell() < megabytes * 1_000_000:
            writer.writerow({"event_id": f"synthetic-{n}", "process_id": "no-such-process", "title": "SYNTHETIC row",
                             "type": "talks_round", "status": "held", "start_date": "2024-01-01",
                             "date_precision": "day", "summary": filler, "actors": "russia:party"})
            n += 1


CASES = [
    Case("not_utf8", not_utf8, "processes.csv", "", "not-utf8"),
    Case("ragged_rows", ragged_rows, "events.csv", "", "ragged-row"),
    Case("missing_column", missing_column, "positions.csv", "stance", "column-missing"),
    Case("unknown_column", unknown_column, "actors.csv", "twitter", "column-unknown"),
    Case("empty_table", empty_table, "issues.csv", "", "file-empty"),
    Case("missing_table", missing_table, "processes.csv", "", "table-missing", still_shown=""),
    Case("duplicate_ids", duplicate_ids, "events.csv", "event_id", "duplicate-id"),
    Case("unknown_actor", _edit("events", "event_id", "bsg-2022-07-deal", actors="russia:party; atlantis:mediator"),
         "events.csv", "actors", "unknown-reference"),
    Case("unknown_issue", _edit("positions", "position_id", "pos-us-sanctions-2023-07-17", issue_id="water"),
         "positions.csv", "issue_id", "unknown-reference"),
    Case("unknown_source", _edit("citations", "citation_id", "cit-001", source_id="src-404"), "citations.csv",
         "source_id", "unknown-reference"),
    Case("impossible_date", _edit("events", "event_id", "bsg-2022-07-deal", start_date="2022-02-30"), "events.csv",
         "start_date", "bad-date"),
    Case("ambiguous_date", _edit("events", "event_id", "bsg-2022-07-deal", start_date="05/06/2022"), "events.csv",
         "start_date", "bad-date"),
    Case("end_before_start", _edit("events", "event_id", "bsg-2022-07-deal", end_date="2022-07-01"), "events.csv",
         "end_date", "end-before-start"),
    Case("stance_off_scale", _edit("positions", "position_id", "pos-us-sanctions-2023-07-17", stance="furious"),
         "positions.csv", "stance", "not-in-vocabulary"),
    Case("quote_not_in_article", _edit("citations", "citation_id", "cit-001", quote="Words nobody wrote."),
         "citations.csv", "quote", "quote-not-in-article"),
    Case("missing_article_file", missing_article_file, "sources.csv", "seed_file", "article-missing"),
    Case("huge_table", huge_table, "events.csv", "process_id", "unknown-reference"),
]
