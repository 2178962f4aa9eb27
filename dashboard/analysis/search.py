"""Search the words: one full-text index over article sentences, quotes, summaries, paraphrases and titles.

The index is SQLite's FTS5 (in Python's own `sqlite3`), built in memory once per dataset version; a team's
database uses PostgreSQL's full-text search over the same passages (`dashboard/db/search.py`). Queries are
words (all must match), "a phrase", OR, NOT, AND, prefix* and parentheses, read once by `parse_query` and
written for either index; results are ranked by BM25 (FTS5) or ts_rank_cd (PostgreSQL). Each hit carries its
text with the matching words marked by `MARK_START`/`MARK_END` (characters that never occur in text, so a
view escapes the text first and then turns them into <mark>), and the records that rest on it: for an
article sentence, the citations whose quote lies in that sentence.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from html import escape

import pandas as pd

from dashboard.dataset.loader import Dataset

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in an article
KINDS = {"sentence": "Article sentence", "quote": "Quote", "event": "Event", "position": "Position",
         "source": "Source title", "dataset": "Dataset row"}
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


def passages(data: Dataset) -> list[tuple[str, str, str, str, str, str]]:
    """What is searched, on either back end: (text, kind, source_id, record_type, record_id, citations) for
    every article sentence (with the citations whose quote lies in it), quote, event, position and title."""
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
        if c.quote:
            rows.append((c.quote, "quote", c.source_id, c.record_type, c.record_id, c.citation_id))
        elif getattr(c, "from_dataset", ""):  # a dataset row has no words: the row it is can be found
            rows.append((c.from_dataset, "dataset", c.source_id, c.record_type, c.record_id, c.citation_id))
    for e in data["events"].itertuples():
        rows.append((f"{e.title}. {e.summary}", "event", "", "event", e.event_id, ""))
    for p in data["positions"].itertuples():
        rows.append((p.paraphrase, "position", "", "position", p.position_id, ""))
    for s in data["sources"].itertuples():
        rows.append((s.title, "source", s.source_id, "", "", ""))
    return rows


# ---- the query language, read once and written for FTS5 and for PostgreSQL --------------------------------

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_QUERY_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
OPERATORS = ("AND", "OR", "NOT")


def fold(text: str) -> str:
    """Text as the index compares it, like FTS5's unicode61 tokenizer with diacritics removed: lower case,
    accents dropped, every run of other characters one space ("Türkiye's 30-day" -> "turkiye s 30 day")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", plain).strip()


@dataclass(frozen=True)
class ParsedQuery:
    """A query read once and written for each index: SQLite's FTS5 (`fts5`) and PostgreSQL (`tsquery`), and
    what to mark in a hit: single words, word prefixes and phrases (marked only where their words stand
    together, as FTS5's highlight() does)."""

    fts5: str
    tsquery: str
    words: frozenset[str]
    prefixes: frozenset[str]
    phrases: tuple[tuple[str, ...], ...] = ()


_TSQUERY_OPERATORS = {"AND": "&", "OR": "|", "NOT": "& !"}


def parse_query(query: str) -> ParsedQuery:
    """Words (all of which must match), "a phrase", AND, OR and NOT in capitals, prefix*, parentheses.
    NOT is binary, as in FTS5: `a NOT b` is a without b. Every word is folded as the index folds text, so
    "U.S." is the phrase "u s" and "Türkiye's" the words "turkiye s"."""
    parts: list[tuple[str, object]] = []  # ("term", (words, prefix)), ("op", "AND"), ("(", ""), (")", "")
    words: set[str] = set()
    prefixes: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def last() -> str | None:
        return None if not parts else parts[-1][0] if parts[-1][0] != "op" else str(parts[-1][1])

    def operand(terms: list[str], prefix: bool) -> None:
        if last() in ("term", ")"):
            parts.append(("op", "AND"))  # words side by side must all match
        parts.append(("term", (tuple(terms), prefix)))
        if len(terms) > 1:
            phrases.append(tuple(terms))
        elif prefix:
            prefixes.add(terms[0])
        else:
            words.add(terms[0])

    for token in _QUERY_TOKEN.findall(query):
        if token.startswith('"'):
            if len(token) < 2 or not token.endswith('"'):
                raise SearchError(f"the search cannot read {query!r}: a phrase needs its closing double quote")
            terms = fold(token[1:-1]).split()
            if terms:
                operand(terms, False)
        elif token in OPERATORS:
            if last() not in ("term", ")"):
                raise SearchError(f"the search cannot read {query!r}: {token} needs a word or phrase before it")
            parts.append(("op", token))
        elif token == "(":
            if last() in ("term", ")"):
                parts.append(("op", "AND"))
            parts.append(("(", ""))
        elif token == ")":
            if last() not in ("term", ")"):
                raise SearchError(f"the search cannot read {query!r}: a parenthesis closes nothing")
            parts.append((")", ""))
        else:
            terms = fold(token.rstrip("*")).split()
            if terms:
                operand(terms, token.endswith("*"))
    if last() in (*OPERATORS, "("):
        raise SearchError(f"the search cannot read {query!r}: it ends with an operator; put a word after it")
    if sum(k == "(" for k, _ in parts) != sum(k == ")" for k, _ in parts):
        raise SearchError(f"the search cannot read {query!r}: its parentheses do not pair up")
    fts5, tsquery = [], []
    for kind, value in parts:
        if kind == "term":
            terms, prefix = value
            fts5.append('"' + " ".join(terms) + '"' + ("*" if prefix else ""))
            rendered = [*terms[:-1], terms[-1] + (":*" if prefix else "")]
            tsquery.append(rendered[0] if len(rendered) == 1 else "(" + " <-> ".join(rendered) + ")")
        elif kind == "op":
            fts5.append(str(value))
            tsquery.append(_TSQUERY_OPERATORS[str(value)])
        else:
            fts5.append(kind)
            tsquery.append(kind)
    return ParsedQuery(" ".join(fts5), " ".join(tsquery), frozenset(words), frozenset(prefixes), tuple(phrases))


_WORD_IN_TEXT = re.compile(r"[^\W_]+", re.UNICODE)


def mark_words(text: str, parsed: ParsedQuery) -> str:
    """`text` with what matches the query between MARK_START and MARK_END, like FTS5's highlight(): each
    matching word, each word starting with a prefix, each run of words that spells a phrase."""
    tokens = [(m.start(), m.end(), w) for m in _WORD_IN_TEXT.finditer(text) for w in [fold(m.group(0))] if w]
    folded = [w for _, _, w in tokens]
    spans = [(a, b) for a, b, w in tokens if w in parsed.words or any(w.startswith(p) for p in parsed.prefixes)]
    for phrase in parsed.phrases:
        n = len(phrase)
        spans += [(tokens[i][0], tokens[i + n - 1][1]) for i in range(len(folded) - n + 1)
                  if tuple(folded[i:i + n]) == phrase]
    out, at = [], 0
    for a, b in sorted(spans):
        if a < at:  # inside a span already marked
            continue
        out += [text[at:a], MARK_START, text[a:b], MARK_END]
        at = b
    return "".join(out) + text[at:]


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
        rows = passages(data)
        connection.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)", rows)
        return cls(connection, len(rows))

    def search(self, query: str, limit: int = 50) -> pd.DataFrame:
        """The best `limit` passages for `query`, best first (RESULT_COLUMNS; `rank` lower is better)."""
        query = query.strip()
        if not query:
            return pd.DataFrame(columns=RESULT_COLUMNS)
        match = parse_query(query).fts5
        if not match:
            return pd.DataFrame(columns=RESULT_COLUMNS)
        try:
            with self.lock:
                found = self.connection.execute(
                    "SELECT highlight(passages, 0, ?, ?), kind, source_id, record_type, record_id, citations, "
                    "bm25(passages) FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?",
                    (MARK_START, MARK_END, match, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchError(f"the search cannot read {query!r} ({exc}): put a phrase in double quotes, and write "
                              "AND, OR and NOT in capitals between words") from exc
        return pd.DataFrame(found, columns=RESULT_COLUMNS)


def marked_html(text: str) -> str:
    """A hit's text as HTML: escaped, with its matches in <mark>."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
