"""A problem found in the data: what kind it is, where it is, what is wrong, and how bad it is.

Every problem carries a stable `code` from CODES. Code that reacts to a problem (a save deciding whether a
change adds an error, the data-health view grouping problems) reads the code; the message is for people
and may be reworded without breaking anything.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

ERROR = "error"  # the record is kept out of the charts and listed on the data-health view
WARNING = "warning"  # the record is used; the curator should look at it

# code -> what it means, for the data-health view and data/README.md
CODES = {
    # a file as a whole
    "table-missing": "a table the dataset needs is not in the data folder",
    "optional-table-missing": "an optional table is not in the data folder; read as empty",
    "file-empty": "a table file has no header row",
    "not-utf8": "a file holds bytes that are not UTF-8 text",
    "column-missing": "a column of the schema is missing from a table's header",
    "column-unknown": "a table's header names a column the schema does not have; it is ignored",
    "column-repeated": "a table's header names a column twice; only the first is read",
    # one record
    "ragged-row": "a row has more or fewer fields than the header",
    "required-empty": "a required field is empty",
    "not-in-vocabulary": "a field's value is not one of the values its vocabulary allows",
    "bad-date": "a date is not a real date written YYYY, YYYY-MM or YYYY-MM-DD",
    "duplicate-id": "a record's id is used by an earlier record of the same table",
    "unknown-reference": "an id names no record of the table it refers to",
    "less-precise-than-stated": "a date is written less precisely than its date_precision says",
    "proposition-elsewhere": "a position's proposition belongs to another process or issue",
    "recorded-not-a-day": "the day a record was recorded or changed is not a whole day",
    "status-change-incomplete": "a status change lacks the status before it or the day it changed",
    "status-unchanged": "previous_status is the same as status",
    "end-before-start": "an event ends before it starts",
    "actor-without-role": "an event's actor is written without its role",
    "unknown-role": "an event's actor has a role the schema does not know",
    "no-party": "no actor of an event is a party",
    "speaker-not-person": "a position's speaker is not an actor of kind person",
    "citation-target-unknown": "a citation names an event or position that does not exist",
    "quote-unchecked": "a citation's article could not be read, so its quote cannot be checked",
    "quote-not-in-article": "a quote does not appear in its source article",
    "uncited": "an event or position has no valid citation",
    "article-missing": "a source's article file is not in the articles folder",
    "article-unreadable": "a source's article file cannot be read as UTF-8 text",
    "article-uncurated": "an article file has no row in sources.csv yet",
    # datasets as sources
    "dataset-source-file": "a dataset source names an article file; a dataset has no text in seeds/",
    "quote-on-dataset": "a citation of a dataset source carries a quote; a dataset row is cited by its locator",
    "locator-missing": "a citation of a dataset source does not say which row it cites (locator)",
    "locator-unknown": "a citation's locator names no row that dataset_rows.csv records for its source",
    "locator-on-article": "a citation of an article has a locator; an article is cited by its words, so it is ignored",
    "not-a-dataset": "a dataset row names a source that is not a dataset",
    "dataset-row-target-unknown": "a dataset row names an event or position that does not exist",
    "save-interrupted": "a save was interrupted part-way; the next save completes it",
}

# Codes that hold back every record of their file at once (there is no record line to point at).
WHOLE_FILE_CODES = frozenset({"column-missing"})


@dataclass(frozen=True)
class Problem:
    code: str  # one of CODES
    file: str
    line: int | None
    field: str
    value: str
    message: str
    severity: str = ERROR
    record_id: str = ""

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}; add it to CODES with what it means")

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        field = f", field '{self.field}'" if self.field else ""
        value = f" (value: {self.value!r})" if self.value else ""
        return f"{where}{field}: {self.message}{value}"


PROBLEM_COLUMNS = ["severity", "code", "file", "line", "field", "value", "message", "record_id"]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table: errors first, then by file, line, field, code and record (a total order)."""
    if not problems:
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    frame = pd.DataFrame([asdict(p) for p in problems])[PROBLEM_COLUMNS]
    frame["line"] = frame["line"].astype("Int64")
    order = frame["severity"].map({ERROR: 0, WARNING: 1})
    keys = ["_o", "file", "line", "field", "code", "record_id", "value", "message"]
    return frame.assign(_o=order).sort_values(keys, kind="stable").drop(columns="_o").reset_index(drop=True)
