"""Search the words: one full-text index over article sentences, quotes, summaries, paraphrases and titles.

The index is SQLite's FTS5 (in Python's own `sqlite3`), built in memory once per dataset version. Queries use
FTS5's syntax: words (all must match), "a phrase", OR, NOT, AND, prefix* and parentheses; results are ranked
by BM25. Each hit carries its text with the matching words marked by `MARK_START`/`MARK_END` (characters
that never occur in text, so a view escapes the text first and then turns them into <mark>), and the
records that rest on it: for an article sentence, the citations whose quote lies in that sentence.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, field
from html import escape

import pandas as pd

from dashboard.dataset.loader import Dataset

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in an article
KINDS = {"sentence": "Article sentence", "quote": "Quote", "event": "Event", "position": "Position",
         "source": "Article title"}
RESULT_COLUMNS = ["text", "kind", "source_id", "record_type", "record_id", "citations", "rank"]
# A sentence ends at . ! or ? (and any closing quote) before a space and a capital, digit or opening quote,
# or at a blank line.
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n""")


class SearchError(ValueError):
    """A query the index cannot read (an unclosed quote, a lone operator); the message says how to write it."""


def sentences_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, stripped of surrounding space."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


@dataclass
class SearchIndex:
    """An FTS5 index of one dataset version, shared by all sessions: reads only, one at a time on its one
    connection (Streamlit runs each session's script on a thread of its own)."""

    connection: sqlite3.Connection
    size: int
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, data: Dataset) -> SearchIndex:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.execute("CREATE VIRTUAL TABLE passages USING fts5(text, kind UNINDEXED, source_id UNINDEXED, "
                           "record_type UNINDEXED, record_id UNINDEXED, citations UNINDEXED, "
                           "tokenize = 'unicode61 remove_diacritics 2')")
        rows: list[tuple] = []
        citations = data["citations"]
        by_source = {sid: list(zip(group["quote"], group["citation_id"]))
                     for sid, group in citations.groupby("source_id", sort=False)} if len(citations) else {}
        for source_id, article in data.articles.items():
            places = [(article.find(q), cid) for q, cid in by_source.get(source_id, [])]
            for start, end in sentences_of(article.text):
                inside = [cid for span, cid in places if span and span[0] < end and span[1] > start]
                rows.append((article.text[start:end], "sentence", source_id, "", "", " ".join(inside)))
        for c in citations.itertuples():
            rows.append((c.quote, "quote", c.source_id, c.record_type, c.record_id, c.citation_id))
        events = data["events"]
        for e in events.itertuples():
            rows.append((f"{e.title}. {e.summary}", "event", "", "event", e.event_id, ""))
        for p in data["positions"].itertuples():
            rows.append((p.paraphrase, "position", "", "position", p.position_id, ""))
        for s in data["sources"].itertuples():
            rows.append((s.title, "source", s.source_id, "", "", ""))
        connection.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)", rows)
        return cls(connection, len(rows))

    def search(self, query: str, limit: int = 50) -> pd.DataFrame:
        """The best `limit` passages for `query`, best first (RESULT_COLUMNS; `rank` lower is better)."""
        query = query.strip()
        if not query:
            return pd.DataFrame(columns=RESULT_COLUMNS)
        try:
            with self.lock:
                found = self.connection.execute(
                    "SELECT highlight(passages, 0, ?, ?), kind, source_id, record_type, record_id, citations, "
                    "bm25(passages) FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?",
                    (MARK_START, MARK_END, query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchError(f"the search cannot read {query!r} ({exc}): put a phrase in double quotes, and write "
                              "AND, OR and NOT in capitals between words") from exc
        return pd.DataFrame(found, columns=RESULT_COLUMNS)


def marked_html(text: str) -> str:
    """A hit's text as HTML: escaped, with its matches in <mark>."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
