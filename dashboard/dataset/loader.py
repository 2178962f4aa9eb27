"""Turn the data folder into pandas tables plus a list of problems.

`load_package(package)` is the one way in: it reads a data package in memory (tables as CSV bytes, articles
as text; `package.py`), which the data folder and a team's database both hand it, so the same checks run on
either; `load_dataset(data_dir, seeds_dir)` reads a folder's package. Each CSV is read with its line numbers;
every check runs on whole columns; a record that fails a check is moved to
`Dataset.invalid` with a `Problem` naming file, line, field and value, so it
stays out of the charts but is never silently dropped. Valid records gain
derived columns (date windows, stance scores, actor names by role) that the
views read.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard.dataset import dates, location
from dashboard.dataset.articles import Article, article_from_text
from dashboard.dataset.columns import codes, explode_list, first_position, isin, joined, lookup, partition, sort_order
from dashboard.dataset.package import ARTICLES_FOLDER, DataPackage, read_folders
from dashboard.dataset.problems import ERROR, WARNING, Problem, problems_frame
from dashboard.dataset.provenance import cited_row
from dashboard.dataset.schema import LOAD_ORDER, ROLES, STANCES, TABLES, Table

LINE = "_line"  # the line of the file a record starts on (the header is line 1)
LIST_SEPARATOR = ";"
# Valid records are kept in this order: by date (missing last), then id.
SORTED_BY = {"events": ["start_date__parsed", "event_id"], "positions": ["date__parsed", "position_id"]}


@dataclass
class Dataset:
    """Valid records per table, rejected records per table, and the problems found."""

    tables: dict[str, pd.DataFrame]
    invalid: dict[str, pd.DataFrame]
    problems: list[Problem]
    articles: dict[str, Article]  # source_id -> article
    event_actors: pd.DataFrame  # event_id, actor_id, role, name: one row per role an actor plays
    uncurated: dict[str, Article] = field(default_factory=dict)  # article file -> article no sources row names yet
    article_files: frozenset[str] = frozenset()  # every article file of the package, readable or not

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @cached_property
    def process_names(self) -> dict[str, str]:
        """process_id -> name, for labels and for the process filter."""
        return dict(zip(self.tables["processes"]["process_id"], self.tables["processes"]["name"]))

    @cached_property
    def issue_labels(self) -> dict[str, str]:
        """issue_id -> label ("Territory")."""
        return dict(zip(self.tables["issues"]["issue_id"], self.tables["issues"]["label"]))

    @cached_property
    def source_titles(self) -> dict[str, str]:
        """source_id -> the article's title."""
        return dict(zip(self.tables["sources"]["source_id"], self.tables["sources"]["title"]))

    @cached_property
    def proposition_statements(self) -> dict[str, str]:
        """proposition_id -> its statement."""
        return dict(zip(self.tables["propositions"]["proposition_id"], self.tables["propositions"]["statement"]))

    @property
    def problems_table(self) -> pd.DataFrame:
        return problems_frame(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]



class _Checker:
    """Collects problems for one table and remembers which rows failed."""

    def __init__(self, table: Table, frame: pd.DataFrame, problems: list[Problem]):
        self.table = table
        self.frame = frame
        self.problems = problems
        self.bad = pd.Series(False, index=frame.index)
        self.missing_columns: set[str] = set()  # reported once for the file, not once per row

    def report(self, code: str, mask: pd.Series, field: str, message, severity: str = ERROR,
               values: pd.Series | None = None):
        """Add a problem of kind `code` for every row in `mask`. `message` may be a string or a Series."""
        if not mask.any():
            return
        rows = self.frame.loc[mask]
        if values is not None:
            vals = values[mask]
        elif field in rows:
            vals = rows[field]
        else:
            vals = repeat("")
        msgs = message[mask] if isinstance(message, pd.Series) else repeat(message)
        keys = rows[self.table.key] if self.table.key in rows else repeat("")
        filename = self.table.filename
        self.problems.extend(
            Problem(code, filename, int(line), field, str(value), str(text), severity, str(key))
            for line, value, text, key in zip(rows[LINE], vals, msgs, keys)
        )
        if severity == ERROR:
            self.bad |= mask

    def file_problem(self, code: str, field: str, message: str, severity: str = ERROR, line: int | None = 1,
                     value: str = ""):
        self.problems.append(Problem(code, self.table.filename, line, field, value, message, severity))


def read_table(table: Table, content: bytes | None, problems: list[Problem]) -> pd.DataFrame:
    """Read one CSV as strings stripped of surrounding whitespace, with each record's starting line in `_line`.

    A well-formed file (one record per line, every row as wide as the header,
    UTF-8) is read by pyarrow's CSV reader, which is fast and refuses ragged
    rows. Anything else goes through the csv module, line by line, so that a
    ragged row is reported with its line rather than dropped or silently
    shifted, and undecodable bytes are named.
    """
    columns = table.columns
    if content is None:
        if table.optional:
            problems.append(Problem("optional-table-missing", table.filename, None, "", "",
                                    f"table {table.filename} is not in the data folder: read as empty (add it to "
                                    f"curate {table.name})", WARNING))
        else:
            problems.append(Problem("table-missing", table.filename, None, "", "",
                                    f"table {table.filename} is missing from the data folder"))
        return pd.DataFrame(columns=[*columns, LINE])
    raw = content
    frame = _read_well_formed(raw)
    if frame is None:
        frame = _read_line_by_line(raw, table, problems)
    if frame is None:
        return pd.DataFrame(columns=[*columns, LINE])
    header = list(frame.columns[:-1])
    ragged = frame.attrs.get("ragged", [])
    repeated = pd.Index(header + [LINE]).duplicated()
    for name in sorted({h for h, dup in zip(header, repeated) if dup}):
        problems.append(Problem("column-repeated", table.filename, 1, name, name,
                                f"the header names column '{name}' more than once; only the first is read, rename or "
                                "remove the others", WARNING))
    frame = frame.loc[:, ~repeated]
    for position, count in ragged:
        problems.append(
            Problem("ragged-row", table.filename, int(frame[LINE].iloc[position]), "", str(count),
                    f"this row has {count} fields but the header has {len(header)}; check for a missing or extra comma",
                    record_id=str(frame.iloc[position].get(table.key, "")))
        )
    frame.attrs["ragged"] = [frame.index[p] for p, _ in ragged]
    return frame


def _header_of(text: str) -> list[str] | None:
    header = next(csv.reader(io.StringIO(text, newline="")), None)
    if not header or not any(h.strip() for h in header):
        return None
    return [h.strip() for h in header]


def _read_well_formed(raw: bytes) -> pd.DataFrame | None:
    """The fast path: the table, or None when the file is not simple enough for it.

    Simple means UTF-8, every row exactly as wide as the header, and no field
    spanning lines, so that record i starts on line i + 2. pyarrow raises on
    the first two; the line count catches the third.
    """
    raw = raw.removeprefix(codecs.BOM_UTF8)
    end = raw.find(b"\n")
    first_line = raw if end < 0 else raw[:end]
    try:
        header = _header_of(first_line.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    if header is None:
        return None
    names = [f"c{i}" for i in range(len(header))]
    try:
        parsed = pacsv.read_csv(
            pa.py_buffer(raw),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.large_string()),  # pandas' own
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    if parsed.num_rows != lines - 1:
        return None
    # every cell stripped of surrounding whitespace, in one chunk per column (row takes on many chunks are slow)
    parsed = pa.table([pc.utf8_trim_whitespace(column.combine_chunks()) for column in parsed.columns], names=names)
    frame = parsed.to_pandas()
    frame.columns = header
    frame[LINE] = pd.RangeIndex(2, parsed.num_rows + 2, dtype="int64")
    blank = frame.iloc[:, 0].eq("")  # a row of empty cells (",,,") is not a record
    for i in range(1, len(header)):
        if not blank.any():
            break
        blank &= frame.iloc[:, i].eq("")
    return frame[~blank].reset_index(drop=True) if blank.any() else frame


def _read_line_by_line(raw: bytes, table: Table, problems: list[Problem]) -> pd.DataFrame | None:
    """The careful path, for a file the fast one refuses: names bad bytes and ragged rows."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem("not-utf8", table.filename, line, "", raw[exc.start : exc.start + 4].hex(" "),
                    "the file is not UTF-8 text; save it as UTF-8 (undecodable bytes are shown as \ufffd)")
        )
        text = raw.decode("utf-8-sig", errors="replace")
    header = _header_of(text)
    if header is None:
        problems.append(Problem("file-empty", table.filename, 1, "", "", "the file is empty: it needs at least the header row"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    rows: list[list[str]] = []
    lines: list[int] = []
    ragged: list[tuple[int, int]] = []
    start = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if len(row) != len(header):
                ragged.append((len(rows), len(row)))
                if len(row) < len(header):
                    row = row + [""] * (len(header) - len(row))
                else:  # keep the surplus, as written, in the last column of the held-back record
                    row = row[: len(header) - 1] + [",".join(row[len(header) - 1 :])]
            rows.append(row)
            lines.append(start)
        start = reader.line_num + 1
    rows = [[cell.strip() for cell in row] for row in rows]
    frame = pd.DataFrame(rows, columns=header, dtype="str") if rows else pd.DataFrame(columns=header, dtype="str")
    frame[LINE] = pd.Series(lines, index=frame.index, dtype="int64")
    frame.attrs["ragged"] = ragged
    return frame


def _check_columns(check: _Checker) -> None:
    frame, table = check.frame, check.table
    present = set(frame.columns) - {LINE}
    for f in table.fields:
        if f.name not in present:
            severity = ERROR if f.required else WARNING
            check.file_problem("column-missing", f.name, f"column '{f.name}' is missing from the header"
                               + ("; every row needs it" if f.required else "; treated as empty"), severity)
            frame[f.name] = ""
            check.missing_columns.add(f.name)
            if f.required:
                check.bad |= True
    for name in sorted(present - set(table.columns)):
        check.file_problem("column-unknown", name,
                           f"unknown column '{name}' is ignored; the schema has {', '.join(table.columns)}",
                           WARNING)
    ragged = frame.attrs.get("ragged", [])
    if ragged:
        check.bad |= frame.index.isin(ragged)


def _check_fields(check: _Checker) -> None:
    """Required fields, vocabularies, dates, booleans, duplicate ids."""
    frame, table = check.frame, check.table
    for f in table.fields:
        col = frame[f.name]
        if f.required and f.name not in check.missing_columns:
            check.report("required-empty", col.eq(""), f.name, f"'{f.name}' is required but empty")
        if f.enum:
            allowed = set(f.enum)
            values = col.str.lower() if f.type == "boolean" else col
            check.report("not-in-vocabulary", col.ne("") & ~isin(values, allowed), f.name,
                         f"'{f.name}' must be one of: {', '.join(f.enum)}")
        if f.type == "date":
            parsed = dates.parse_partial(col)
            check.report("bad-date", parsed["error"].ne(""), f.name, parsed["error"])
            frame[f"{f.name}__parsed"] = parsed["date"]
            frame[f"{f.name}__granularity"] = parsed["granularity"]
    key = frame[table.key]
    first = first_position(key)
    duplicated = key.ne("") & (first != np.arange(len(key)))
    if duplicated.any():
        message = "duplicate id; first used on line " + frame[LINE].iloc[first].astype(str).set_axis(frame.index)
        check.report("duplicate-id", duplicated, table.key, message)


def _check_references(check: _Checker, known: dict[str, pd.Series]) -> None:
    frame = check.frame
    for f in check.table.fields:
        if not f.reference:
            continue
        target_table, _ = f.reference.split(".")
        col = frame[f.name]
        if f.type == "list":  # each item of "a; b" names a record; the unknown ones are the value reported
            items = explode_list(col, LIST_SEPARATOR).str.strip()
            items = items[items.ne("")]
            bad = items[~isin(items, known[target_table])]
            if len(bad):
                values = joined(bad, bad.index, "; ").reindex(frame.index, fill_value="")
                check.report("unknown-reference", values.ne(""), f.name,
                             f"'{col.name}' names no record in {target_table}.csv", values=values)
            continue
        unknown = col.ne("") & ~isin(col, known[target_table])
        check.report("unknown-reference", unknown, f.name, f"'{col.name}' names no record in {target_table}.csv")


def _check_precision(check: _Checker, date_field: str) -> None:
    frame = check.frame
    mismatch = dates.precision_mismatch(frame[f"{date_field}__granularity"], frame["date_precision"])
    if mismatch.any():  # the message is a column: build it only when some row needs it
        check.report("less-precise-than-stated", mismatch, date_field,
                     "the date is less precise than date_precision = " + frame["date_precision"])


def _check_propositions_match(check: _Checker, propositions: pd.DataFrame) -> None:
    """A position's proposition lies inside the position's own process and issue, or the comparison is void."""
    frame = check.frame
    by_id = propositions.drop_duplicates("proposition_id").set_index("proposition_id")
    for column in ("process_id", "issue_id"):
        theirs = lookup(frame["proposition_id"], by_id[column], default=None)
        differs = frame["proposition_id"].ne("") & theirs.notna() & theirs.ne(frame[column])
        if differs.any():
            check.report("proposition-elsewhere", differs, "proposition_id",
                         f"the proposition belongs to {column} '" + theirs.fillna("") + "', this position to '"
                         + frame[column] + "'")


def _check_source_kinds(check: _Checker) -> None:
    """An article needs its file in seeds/; a dataset version has none (its rows are in dataset_rows.csv)."""
    frame = check.frame
    dataset = frame["kind"].eq("dataset")
    if "seed_file" not in check.missing_columns:
        check.report("required-empty", ~dataset & frame["seed_file"].eq(""), "seed_file",
                     "'seed_file' is required for an article (set kind to 'dataset' for a dataset version)")
    check.report("dataset-source-file", dataset & frame["seed_file"].ne(""), "seed_file",
                 "a dataset source has no article file: leave seed_file empty")


def _check_dataset_rows(check: _Checker, frames: dict[str, pd.DataFrame]) -> None:
    """A dataset row belongs to a dataset source and names the record it became."""
    frame = check.frame
    kinds = frames["sources"].drop_duplicates("source_id").set_index("source_id")["kind"]
    kind = lookup(frame["source_id"], kinds, default=None)
    check.report("not-a-dataset", kind.notna() & kind.ne("dataset"), "source_id",
                 "this source is an article, not a dataset (its kind is not 'dataset')")
    targets = {"event": frames["events"]["event_id"], "position": frames["positions"]["position_id"]}
    unknown = pd.Series(False, index=frame.index)
    for record_type, ids in targets.items():
        unknown |= frame["record_type"].eq(record_type) & ~isin(frame["record_id"], ids)
    check.report("dataset-row-target-unknown", unknown & frame["record_id"].ne(""), "record_id",
                 "names no " + frame["record_type"] + " in " + frame["record_type"] + "s.csv", WARNING)


def _check_recorded_day(check: _Checker) -> None:
    """`recorded` (and an event's `status_changed`) name the day of a change to the data: a whole day."""
    frame = check.frame
    for name in ("recorded", "status_changed"):
        if f"{name}__granularity" not in frame:
            continue
        partial = frame[f"{name}__granularity"].ne("") & frame[f"{name}__granularity"].ne("day")
        check.report("recorded-not-a-day", partial, name,
                     f"'{name}' is the day of a change to the data: write it as YYYY-MM-DD", WARNING)


def _check_status_change(check: _Checker) -> None:
    """A status change names both its sides: the status before and the day it changed."""
    frame = check.frame
    check.report("status-change-incomplete", frame["previous_status"].ne("") & frame["status_changed"].eq(""),
                 "status_changed",
                 "previous_status is set, so status_changed needs the day the status changed (YYYY-MM-DD)")
    check.report("status-change-incomplete", frame["status_changed"].ne("") & frame["previous_status"].eq(""),
                 "previous_status",
                 "status_changed is set, so previous_status needs the status before the change")
    check.report("status-unchanged", frame["previous_status"].ne("") & frame["previous_status"].eq(frame["status"]),
                 "previous_status",
                 "previous_status is the same as status: nothing changed")


def _check_end_after_start(check: _Checker) -> None:
    frame = check.frame
    before = frame["end_date__parsed"].notna() & (frame["end_date__parsed"] < frame["start_date__parsed"])
    check.report("end-before-start", before, "end_date", "end_date is before start_date")


def _parse_event_actors(check: _Checker, known_actors: pd.Series) -> pd.DataFrame:
    """Explode `actors` ("russia:party; turkiye:mediator") into one row per role."""
    frame = check.frame
    items = explode_list(frame["actors"], LIST_SEPARATOR)
    pairs = partition(items, ":")
    parsed = pd.DataFrame(
        {"event_id": frame.loc[items.index, "event_id"], "actor_id": pairs["before"].str.strip(),
         "role": pairs["after"].str.strip().str.lower(), "item": items}
    )
    no_role = pairs["sep"].eq("")
    bad_role = ~no_role & ~isin(parsed["role"], ROLES)
    bad_actor = ~isin(parsed["actor_id"], known_actors)
    for code, mask, message in (
        ("actor-without-role", no_role, "each actor needs a role, written actor_id:role"),
        ("unknown-role", bad_role, f"unknown role; use one of: {', '.join(ROLES)}"),
        ("unknown-reference", bad_actor & ~no_role, "names no record in actors.csv"),
    ):
        if not mask.any():
            continue
        values = joined(parsed.loc[mask, "item"], parsed.index[mask], "; ")
        rows = pd.Series(frame.index.isin(values.index), index=frame.index)
        check.report(code, rows, "actors", message, values=values.reindex(frame.index, fill_value=""))
    has_party = np.zeros(len(frame), dtype=bool)  # by the row each item came from: no id hashing needed
    has_party[frame.index.get_indexer(parsed.index[parsed["role"].eq("party").to_numpy()])] = True
    no_party = pd.Series(~has_party, index=frame.index)
    check.report("no-party", no_party, "actors", "no actor has the role 'party'; who is negotiating?", WARNING)
    parsed["row"] = parsed.index  # the events.csv record it came from, by position
    return parsed.drop(columns="item").reset_index(drop=True)


def _check_dataset_citations(check: _Checker, tables: dict[str, pd.DataFrame]) -> pd.Series:
    """An article is cited by its words, a dataset by the row it holds: a dataset citation has a locator that
    dataset_rows.csv records for its source, and no quote. Returns which citations cite a dataset."""
    frame = check.frame
    kinds = tables["sources"].drop_duplicates("source_id").set_index("source_id")["kind"]
    dataset = lookup(frame["source_id"], kinds, default=None).eq("dataset").fillna(False).astype(bool)
    known_source = isin(frame["source_id"], tables["sources"]["source_id"])
    article = known_source & ~dataset
    if "quote" not in check.missing_columns:
        check.report("required-empty", article & frame["quote"].eq(""), "quote",
                     "'quote' is required: the exact words of the article")
    check.report("quote-on-dataset", dataset & frame["quote"].ne(""), "quote",
                 "a dataset is cited by its row (locator), not by a quote: leave quote empty")
    check.report("locator-missing", dataset & frame["locator"].eq(""), "locator",
                 "a citation of a dataset needs the row it cites, as dataset_rows.csv records it (e.g. 'AgtId 1234')")
    rows = tables["dataset_rows"]
    recorded = pd.Series(True, index=pd.MultiIndex.from_arrays([rows["source_id"], rows["row_id"]]))
    recorded = recorded[~recorded.index.duplicated()]
    pairs = pd.MultiIndex.from_arrays([frame["source_id"], frame["locator"]])
    found = pd.Series(pairs.isin(recorded.index), index=frame.index)
    check.report("locator-unknown", dataset & frame["locator"].ne("") & ~found, "locator",
                 "no row of dataset_rows.csv has this source and row_id: the import that took it is not recorded")
    check.report("locator-on-article", article & frame["locator"].ne(""), "locator",
                 "an article is cited by its words: this locator is ignored", WARNING)
    return dataset


def _check_citations(check: _Checker, tables: dict[str, pd.DataFrame], articles: dict[str, Article]) -> None:
    frame = check.frame
    dataset = _check_dataset_citations(check, tables).to_numpy()
    events = tables["events"]["event_id"]
    positions = tables["positions"]["position_id"]
    unknown = (frame["record_type"].eq("event") & ~isin(frame["record_id"], events)) | (
        frame["record_type"].eq("position") & ~isin(frame["record_id"], positions)
    )
    unknown &= frame["record_id"].ne("")
    if unknown.any():
        check.report("citation-target-unknown", unknown, "record_id",
                     "names no " + frame["record_type"] + " in " + frame["record_type"] + "s.csv")
    # Each quote is searched in its own article: a verbatim quote (nearly all of them) by one str.find, mapped
    # over the two columns in C; Article.find tries the few others again ignoring whitespace and quote marks.
    texts = {source_id: article.text for source_id, article in articles.items()}
    source_ids, quotes = frame["source_id"].tolist(), frame["quote"].tolist()
    haystacks = map(texts.get, source_ids, repeat(""))
    starts = np.fromiter(map(str.find, haystacks, quotes), np.int64, len(quotes))
    lengths = frame["quote"].str.len().to_numpy(dtype=np.int64, copy=True)
    no_article = ~isin(frame["source_id"], pd.Series(list(texts), dtype="str")).to_numpy() & ~dataset
    starts[no_article | dataset | (lengths == 0)] = -1
    for i in np.flatnonzero((starts < 0) & ~no_article & ~dataset & (lengths > 0)):
        span = articles[source_ids[i]].find(quotes[i])
        if span is not None:
            starts[i], lengths[i] = span[0], span[1] - span[0]
    found = starts >= 0
    frame["quote_start"] = pd.arrays.IntegerArray(starts, ~found)
    frame["quote_end"] = pd.arrays.IntegerArray(starts + lengths, ~found)
    known_source = isin(frame["source_id"], tables["sources"]["source_id"])
    check.report("quote-unchecked", pd.Series(no_article, index=frame.index) & known_source, "source_id",
                 "the source's article file could not be read, so the quote cannot be checked")
    not_found = ~no_article & ~dataset & (lengths > 0) & ~found
    check.report("quote-not-in-article", pd.Series(not_found, index=frame.index), "quote",
                 "this quote does not appear in the source article's text")


def _require_citations(check: _Checker, citations: pd.DataFrame, record_type: str) -> None:
    cited = citations.loc[citations["record_type"].eq(record_type), "record_id"]
    key = check.table.key
    check.report("uncited", ~isin(check.frame[key], cited), "citations",
                 f"no valid citation: every {record_type} needs a verbatim quote, or the dataset row it comes from, "
                 "in citations.csv",
                 values=check.frame[key])


def _load_articles(sources: _Checker, package: DataPackage, problems: list[Problem]) -> tuple[dict[str, Article],
                                                                                        dict[str, Article]]:
    """Each source's article (by source_id), and the articles no source names yet (by file name)."""
    articles: dict[str, Article] = {}
    frame = sources.frame
    texts, unreadable = package.articles, package.articles.unreadable
    missing: dict[int, tuple[str, str]] = {}  # row index -> (code, why its article could not be read)
    for idx, source_id, name in zip(frame.index, frame["source_id"].tolist(), frame["seed_file"].tolist()):
        if not name:
            continue
        if name in unreadable:
            missing[idx] = ("article-unreadable", f"the article file cannot be read as UTF-8 text ({unreadable[name]})")
        elif name not in texts:
            missing[idx] = ("article-missing", f"no such file in {ARTICLES_FOLDER}/")
        else:
            articles[source_id] = article_from_text(f"{ARTICLES_FOLDER}/{name}", texts[name])
    for code in ("article-missing", "article-unreadable"):
        messages = pd.Series({i: why for i, (c, why) in missing.items() if c == code}, index=frame.index,
                             dtype=object).fillna("")
        sources.report(code, messages.ne(""), "seed_file", messages)
    named = set(frame["seed_file"].tolist())
    uncurated = {}
    for name in sorted(package.articles.names() - named):
        problems.append(Problem("article-uncurated", f"{ARTICLES_FOLDER}/{name}", None, "", "",
                                "article has no row in sources.csv yet: it is not curated", WARNING))
        if name in texts:
            uncurated[name] = article_from_text(f"{ARTICLES_FOLDER}/{name}", texts[name])
    return articles, uncurated


def _derive_events(events: pd.DataFrame) -> pd.DataFrame:
    """Dates as windows and slippage. The actors and sources shown beside an event are added for the rows on
    screen only (dashboard/analysis/describe.py)."""
    events = events.copy(deep=False)  # new columns only; the values are never changed in place
    events["start"] = events["start_date__parsed"]
    events["end"] = events["end_date__parsed"]
    end_hi = dates.window(events["end"], events["end_date__granularity"].replace("", "day"))[1]
    events["window_start"], events["window_end"] = dates.window(events["start"], events["date_precision"], end_hi)
    events["announced"] = events["announced_date__parsed"]
    events["announced_precision"] = events["announced_date__granularity"].replace("", pd.NA)
    events["slip_days"] = (events["start"] - events["announced"]).dt.days.astype("Int64")
    events["venue"] = (events["venue_city"] + ", " + events["venue_country"]).str.strip(", ")
    return events


def _derive_positions(positions: pd.DataFrame, actor_names: pd.Series):
    positions = positions.copy(deep=False)
    positions["date_value"] = positions["date__parsed"]
    positions["window_start"], positions["window_end"] = dates.window(positions["date_value"], positions["date_precision"])
    stance = codes(positions["stance"], list(STANCES))
    positions["stance_score"] = pd.arrays.IntegerArray(np.array(list(STANCES.values()))[stance], stance < 0)
    positions["red_line"] = positions["red_line"].str.lower().eq("true")
    positions["actor"] = lookup(positions["actor_id"], actor_names, default=None)
    positions["speaker"] = lookup(positions["speaker_id"], actor_names)
    return positions


def _cited_rows(citations: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Per citation, what is shown instead of a quote when it cites a dataset ("from PA-X v10, agreement 1234");
    empty for an article's citation."""
    dataset_ids = set(sources.loc[sources["kind"].eq("dataset"), "source_id"])
    out = pd.Series("", index=citations.index, dtype="str")
    if dataset_ids:
        mask = isin(citations["source_id"], pd.Series(sorted(dataset_ids), dtype="str"))
        out[mask] = [cited_row(title, loc) for title, loc in
                     zip(citations.loc[mask, "source_title"], citations.loc[mask, "locator"])]
    return out


def _drop_work_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in frame.columns if "__" in c])


def load_package(package: DataPackage) -> Dataset:
    """Load and validate every table of a data package. Never raises on bad data: it reports it.

    Five phases, each below: read each table and check its fields; check references between tables; check
    the citations against the articles; set aside the records that failed; derive the columns the views read.
    """
    problems: list[Problem] = list(package.notes)
    checks = _read_tables(package, problems)
    event_actors = _check_references_between_tables(checks)
    articles, uncurated = _check_against_articles(package, checks, problems)
    tables, invalid = _set_aside_invalid(checks)
    tables, event_actors, articles = _derive_columns(tables, checks, event_actors, articles)
    return Dataset(tables, invalid, problems, articles, event_actors, uncurated, frozenset(package.articles.names()))


def load_dataset(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Dataset:
    """Load the data package a data folder and its articles folder hold (by default the configured ones)."""
    return load_package(read_folders(Path(data_dir or location.data_dir()), Path(seeds_dir or location.seeds_dir())))


def _read_tables(package: DataPackage, problems: list[Problem]) -> dict[str, _Checker]:
    """Phase 1: every table read and its columns and fields checked (the package reads its articles meanwhile)."""
    checks: dict[str, _Checker] = {}
    for name in LOAD_ORDER:
        table = TABLES[name]
        frame = read_table(table, package.tables.get(table.filename), problems)
        check = _Checker(table, frame, problems)
        _check_columns(check)
        _check_fields(check)
        checks[name] = check
    return checks


def _check_references_between_tables(checks: dict[str, _Checker]) -> pd.DataFrame:
    """Phase 2: ids that name records of other tables, dates against their precision, speakers; the event actors."""
    frames = {name: check.frame for name, check in checks.items()}
    known = {name: frames[name][TABLES[name].key] for name in LOAD_ORDER}
    known = {name: key[key.ne("")] for name, key in known.items()}
    for name in LOAD_ORDER:
        _check_references(checks[name], known)
    _check_precision(checks["events"], "start_date")
    _check_end_after_start(checks["events"])
    _check_status_change(checks["events"])
    _check_precision(checks["positions"], "date")
    _check_propositions_match(checks["positions"], frames["propositions"])
    _check_source_kinds(checks["sources"])
    _check_dataset_rows(checks["dataset_rows"], frames)
    for check in checks.values():
        _check_recorded_day(check)
    event_actors = _parse_event_actors(checks["events"], known["actors"])
    speakers = frames["positions"]["speaker_id"]
    kind = lookup(speakers, frames["actors"].set_index("actor_id")["kind"], default=None)
    check_speaker = speakers.ne("") & kind.notna() & kind.ne("person")
    checks["positions"].report("speaker-not-person", check_speaker, "speaker_id",
                               "the speaker is not an actor of kind 'person'", WARNING)
    return event_actors


def _check_against_articles(package: DataPackage, checks: dict[str, _Checker], problems: list[Problem]):
    """Phase 3: each source's article read, each quote found in it, each event and position cited."""
    frames = {name: check.frame for name, check in checks.items()}
    articles, uncurated = _load_articles(checks["sources"], package, problems)
    _check_citations(checks["citations"], frames, articles)
    valid_citations = frames["citations"][~checks["citations"].bad]
    _require_citations(checks["events"], valid_citations, "event")
    _require_citations(checks["positions"], valid_citations, "position")
    return articles, uncurated


def _set_aside_invalid(checks: dict[str, _Checker]) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Phase 4: per table, the valid records (sorted) and the records held back for the data-health view."""
    tables: dict[str, pd.DataFrame] = {}
    invalid: dict[str, pd.DataFrame] = {}
    for name in LOAD_ORDER:
        frame, bad = checks[name].frame, checks[name].bad.to_numpy()
        invalid[name] = _drop_work_columns(frame[bad]).reset_index(drop=True)
        keep = np.flatnonzero(~bad)
        if name in SORTED_BY:  # select and sort in one take
            keep = keep[sort_order(frame[SORTED_BY[name]].take(keep), SORTED_BY[name])]
        unchanged = len(keep) == len(bad) and (keep == np.arange(len(keep))).all()
        tables[name] = frame if unchanged else frame.take(keep).reset_index(drop=True)
    return tables, invalid


def _derive_columns(tables: dict[str, pd.DataFrame], checks: dict[str, _Checker], event_actors: pd.DataFrame,
                    articles: dict[str, Article]):
    """Phase 5: the columns the views read (names, date windows, titles), work columns dropped."""
    names = tables["actors"].set_index("actor_id")["name"]
    valid_event = ~checks["events"].bad.to_numpy()
    event_actors = event_actors[valid_event[event_actors["row"].to_numpy()]]  # actors of rejected events go too
    event_actors = event_actors.reset_index(drop=True)
    event_actors["name"] = lookup(event_actors["actor_id"], names, default=None).fillna(event_actors["actor_id"])

    citations = tables["citations"]
    citations["source_title"] = lookup(citations["source_id"], tables["sources"].set_index("source_id")["title"])
    citations["from_dataset"] = _cited_rows(citations, tables["sources"])
    tables["events"] = _drop_work_columns(_derive_events(tables["events"]))
    tables["positions"] = _drop_work_columns(_derive_positions(tables["positions"], names))
    sources = tables["sources"]
    sources["published_value"] = sources["published__parsed"]
    tables["sources"] = _drop_work_columns(sources)
    for name in ("actors", "processes", "issues", "propositions", "dataset_rows", "citations"):
        tables[name] = _drop_work_columns(tables[name])
    valid_sources = set(tables["sources"]["source_id"])
    articles = {sid: art for sid, art in articles.items() if sid in valid_sources}
    return tables, event_actors.drop(columns="row"), articles
