"""Search the words on the database back end: PostgreSQL's full-text search over the same passages as the
file back end's FTS5 index (`analysis/search.py`), with the same query language and the same results.

The passages of a dataset version are written once, by the first search of that version, into
`parley_search_passages` (a generated `tsvector` column with a GIN index), under an advisory lock so that
replicas do not write them twice; other versions' rows are removed then. Texts are folded (lower case, no
accents, other characters as spaces) before PostgreSQL's `simple` configuration reads them, so that a
word matches as it does in FTS5's unicode61 tokenizer; the query is translated by `parse_query`.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from dashboard.analysis.search import RESULT_COLUMNS, SearchError, fold, mark_words, parse_query, passages
from dashboard.dataset.loader import Dataset
from dashboard.db.store import DatabaseStore

SEARCH_LOCK = 0x70617261  # the advisory lock the first search of a version takes while writing its passages
TABLE = "parley_search_passages"


class SearchNotWritable(Exception):
    """The database connection may not write the passages (a read-only deployment): search in memory instead."""


class DatabaseSearch:
    """The full-text index of one dataset version in the team's database."""

    def __init__(self, store: DatabaseStore, data: Dataset, digest: str):
        self.store, self.digest = store, digest
        self.size = self._ensure(data)

    def _ensure(self, data: Dataset) -> int:
        with self.store.connect() as conn:
            count = conn.execute(sa.text(f"SELECT count(*) FROM {TABLE} WHERE digest = :d"), {"d": self.digest}).scalar()
        if count:
            return int(count)
        rows = passages(data)
        try:
            return self._write(rows)
        except sa.exc.ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", "") == "42501":  # insufficient privilege
                raise SearchNotWritable(f"the database at {self.store.where} may not be written by this app") from exc
            raise

    def _write(self, rows: list[tuple]) -> int:
        with self.store.connect(write=True) as conn, conn.begin():
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SEARCH_LOCK)))
            if conn.execute(sa.text(f"SELECT 1 FROM {TABLE} WHERE digest = :d LIMIT 1"), {"d": self.digest}).first():
                return len(rows)  # another session or replica wrote them while this one waited
            conn.execute(sa.text(f"DELETE FROM {TABLE} WHERE digest <> :d"), {"d": self.digest})
            cursor = conn.connection.driver_connection.cursor()
            with cursor.copy(f"COPY {TABLE} (digest, passage_no, text, search_text, kind, source_id, record_type, "
                             "record_id, citations) FROM STDIN") as copy:
                for number, row in enumerate(rows):
                    copy.write_row((self.digest, number, row[0], fold(row[0]), *row[1:]))
        return len(rows)

    def search(self, query: str, limit: int = 50) -> pd.DataFrame:
        """The best `limit` passages for `query`, best first (RESULT_COLUMNS; `rank` lower is better)."""
        if not query.strip():
            return pd.DataFrame(columns=RESULT_COLUMNS)
        parsed = parse_query(query)
        if not parsed.tsquery:
            return pd.DataFrame(columns=RESULT_COLUMNS)
        try:
            with self.store.connect() as conn:
                found = conn.execute(sa.text(
                    f"SELECT text, kind, source_id, record_type, record_id, citations, -ts_rank_cd(tsv, q) AS rank "
                    f"FROM {TABLE}, to_tsquery('simple', :q) AS q WHERE digest = :d AND tsv @@ q "
                    "ORDER BY rank, passage_no LIMIT :n"), {"q": parsed.tsquery, "d": self.digest, "n": limit}).all()
        except sa.exc.ProgrammingError as exc:  # a query the translation let through but PostgreSQL cannot read
            raise SearchError(f"the search cannot read {query!r}: put a phrase in double quotes, and write AND, OR "
                              "and NOT in capitals between words") from exc
        frame = pd.DataFrame(found, columns=RESULT_COLUMNS)
        frame["text"] = [mark_words(t, parsed) for t in frame["text"]]
        return frame
