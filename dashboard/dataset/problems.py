"""A problem found in the data: where it is, what is wrong, and how bad it is."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

ERROR = "error"  # the record is kept out of the charts and listed on the data-health view
WARNING = "warning"  # the record is used; the curator should look at it


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    value: str
    message: str
    severity: str = ERROR
    record_id: str = ""

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        field = f", field '{self.field}'" if self.field else ""
        value = f" (value: {self.value!r})" if self.value else ""
        return f"{where}{field}: {self.message}{value}"


PROBLEM_COLUMNS = ["severity", "file", "line", "field", "value", "message", "record_id"]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table, errors first, in file and line order."""
    if not problems:
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    frame = pd.DataFrame([asdict(p) for p in problems])[PROBLEM_COLUMNS]
    frame["line"] = frame["line"].astype("Int64")
    order = frame["severity"].map({ERROR: 0, WARNING: 1})
    return frame.assign(_o=order).sort_values(["_o", "file", "line"], kind="stable").drop(columns="_o").reset_index(drop=True)
