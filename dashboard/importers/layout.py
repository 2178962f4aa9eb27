"""What an agreement dataset's file holds, read into one shape every importer shares.

A layout names the dataset (as its source record and its citations show it), the columns its file must have,
and how one row becomes an `Agreement`; everything after that (processes, parties, events, citations) is the
same for every dataset (`plan.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BadRow:
    """A row that was not imported, and why: file, line, field and value, as the loader's problems say it."""

    file: str
    line: int
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        value = f" (value: {self.value!r})" if self.value else ""
        return f"{self.file}, line {self.line}, field '{self.field}': {self.message}{value}"


@dataclass
class Agreement:
    """One dataset row, as the dataset gives it (text, unchanged), with its date read."""

    line: int  # the file's line the row starts on (the header is line 1)
    row_id: str  # the value of the dataset's id column: "1234"
    name: str
    date_text: str  # the date exactly as written
    date: str = ""  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str = "day"
    process_key: str = ""  # the dataset's own process (PA-X's PP, UCDP's conflict_id)
    process_name: str = ""
    conflict: str = ""  # the country or entity the dataset files it under
    parties: str = ""  # the signatories, as the dataset writes them
    third_parties: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)  # other columns worth a reader's eye, (label, value)


@dataclass(frozen=True)
class Layout:
    """One dataset's file: its columns and how a row reads."""

    key: str  # the command's name and the prefix of every id it makes: "pax" -> pax-1234, pax-v10
    name: str  # "PA-X": what views call it
    title: str  # the dataset's full name; the source's title adds ", version N"
    publisher: str
    url: str  # its home page, the source's url
    licence: str  # its terms of use, the source's licence
    id_column: str  # the column whose value identifies a row; the locator is "<id_column> <value>"
    required: tuple[str, ...]  # columns the file must have
    read_row: Callable[[dict[str, str], int, str], Agreement | BadRow]  # (row, line, file name)
    process_label: str  # the dataset's process column, for messages and the --map option: "PP"
    process_prefix: str  # the id of a process an import creates: "pax-pp" -> pax-pp-138
    date_order: str = "DMY"  # how d/m/y dates read when the file's own dates do not tell
