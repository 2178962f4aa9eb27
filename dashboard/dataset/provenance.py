"""How a record drawn from a dataset names where it comes from: "from PA-X v10, agreement 1234".

A dataset source's title names the dataset and its version ("PA-X: Peace Agreements Database, version 10");
a citation of it names the row by its locator, the dataset's id column and the row's value ("AgtId 1234").
Views, briefs and digests show this phrase where an article's record shows its quote, so one rule, here,
says how it reads.
"""

from __future__ import annotations

import re

# A dataset's id column -> what one of its rows is, for readers.
LOCATOR_NOUNS = {"AgtId": "agreement", "paid": "agreement"}
_VERSIONED = re.compile(r"^(?P<name>.+?),?\s+version\s+(?P<version>\S+)\s*$", re.IGNORECASE)


def locator(column: str, value: object) -> str:
    """The locator of one row: its id column and value, "AgtId 1234"."""
    return f"{column} {str(value).strip()}"


def short_name(title: str) -> str:
    """"PA-X: Peace Agreements Database, version 10" -> "PA-X v10"; a title without a version is kept whole."""
    match = _VERSIONED.match(title.strip())
    if not match:
        return title.strip()
    name = match["name"].split(":")[0].strip()
    return f"{name} v{match['version']}"


def row_phrase(row_locator: str) -> str:
    """"AgtId 1234" -> "agreement 1234"; a locator of an unknown column is kept as written."""
    column, _, value = row_locator.strip().partition(" ")
    noun = LOCATOR_NOUNS.get(column)
    return f"{noun} {value.strip()}" if noun and value.strip() else row_locator.strip()


def cited_row(source_title: str, row_locator: str) -> str:
    """What a view shows for a dataset citation instead of a quote: "from PA-X v10, agreement 1234"."""
    return f"from {short_name(source_title)}, {row_phrase(row_locator)}"
