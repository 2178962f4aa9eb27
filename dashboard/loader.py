"""Turn the data folder into pandas tables plus a list of problems.

`load_dataset()` is the one way in. Each CSV is read with its line numbers;
every check runs on whole columns; a record that fails a check is moved to
`Dataset.invalid` with a `Problem` naming file, line, field and value, so it
stays out of the charts but is never silently dropped. Valid records gain
derived columns (date windows, stance scores, actor names by role) that the
views read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import pandas as pd

from dashboard import config, dates
from dashboard.articles import Article, read_article
from dashboard.problems import ERROR, WARNING, Problem, problems_frame
from dashboard.schema import LOAD_ORDER, ROLES, STANCES, TABLES, THIRD_PARTY_ROLES, Table

LINE = "_line"  # the line of the file a record starts on (the header is line 1)
LIST_SEPARATOR = ";"
# Derived event columns holding the names of the actors in each role.
ROLE_COLUMNS = {role: ("parties" if role == "party" else role + ("es" if role.endswith("s") else "s")) for role in ROLES}


@dataclass
class Dataset:
    """Valid records per table, rejected records per table, and the problems found."""

    tables: dict[str, pd.DataFrame]
    invalid: dict[str, pd.DataFrame]
    problems: list[Problem]
    articles: dict[str, Article]  # source_id -> article
    event_actors: pd.DataFrame  # event_id, actor_id, role, name: one row per role an actor plays
    data_dir: Path = field(default_factory=config.data_dir)
    seeds_dir: Path = field(default_factory=config.seeds_dir)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

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

    def report(self, mask: pd.Series, field: str, message, severity: str = ERROR, values: pd.Series | None = None):
        """Add a problem for every row in `mask`. `message` may be a string or a Series."""
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
            Problem(filename, int(line), field, str(value), str(text), severity, str(key))
            for line, value, text, key in zip(rows[LINE], vals, msgs, keys)
        )
        if severity == ERROR:
            self.bad |= mask

    def file_problem(self, field: str, message: str, severity: str = ERROR, line: int | None = 1, value: str = ""):
        self.problems.append(Problem(self.table.filename, line, field, value, message, severity))


def read_table(path: Path, table: Table, problems: list[Problem]) -> pd.DataFrame:
    """Read one CSV as strings, with each record's starting line in `_line`.

    The csv module (not pandas' C reader) is used so that a ragged row is
    reported with its line rather than dropped or silently shifted.
    """
    columns = table.columns
    if not path.exists():
        problems.append(Problem(table.filename, None, "", "", f"table {table.filename} is missing from the data folder"))
        return pd.DataFrame(columns=[*columns, LINE])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(table.filename, line, "", raw[exc.start : exc.start + 4].hex(" "),
                    "the file is not UTF-8 text; save it as UTF-8 (undecodable bytes are shown as \ufffd)")
        )
        text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        problems.append(Problem(table.filename, 1, "", "", "the file is empty: it needs at least the header row"))
        return pd.DataFrame(columns=[*columns, LINE])
    header = [h.strip() for h in header]
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
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)
    repeated = pd.Index(header).duplicated()
    for name in sorted({h for h, dup in zip(header, repeated) if dup}):
        problems.append(Problem(table.filename, 1, name, name, f"the header names column '{name}' more than once; "
                                "only the first is read, rename or remove the others", WARNING))
    frame = frame.loc[:, ~repeated]
    frame[LINE] = pd.Series(lines, index=frame.index, dtype="int64")
    for position, count in ragged:
        problems.append(
            Problem(table.filename, lines[position], "", str(count),
                    f"this row has {count} fields but the header has {len(header)}; check for a missing or extra comma",
                    record_id=str(frame.iloc[position].get(table.key, "")))
        )
    frame.attrs["ragged"] = [frame.index[p] for p, _ in ragged]
    return frame


def _check_columns(check: _Checker) -> None:
    frame, table = check.frame, check.table
    present = set(frame.columns) - {LINE}
    for f in table.fields:
        if f.name not in present:
            severity = ERROR if f.required else WARNING
            check.file_problem(f.name, f"column '{f.name}' is missing from the header"
                               + ("; every row needs it" if f.required else "; treated as empty"), severity)
            frame[f.name] = ""
            check.missing_columns.add(f.name)
            if f.required:
                check.bad |= True
    for name in sorted(present - set(table.columns)):
        check.file_problem(name, f"unknown column '{name}' is ignored; the schema has {', '.join(table.columns)}",
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
            check.report(col.eq(""), f.name, f"'{f.name}' is required but empty")
        if f.enum:
            allowed = set(f.enum)
            values = col.str.lower() if f.type == "boolean" else col
            check.report(col.ne("") & ~values.isin(allowed), f.name,
                         f"'{f.name}' must be one of: {', '.join(f.enum)}")
        if f.type == "date":
            parsed = dates.parse_partial(col)
            check.report(parsed["error"].ne(""), f.name, parsed["error"])
            frame[f"{f.name}__parsed"] = parsed["date"]
            frame[f"{f.name}__granularity"] = parsed["granularity"]
    key = frame[table.key]
    duplicated = key.ne("") & key.duplicated(keep="first")
    if duplicated.any():
        first_line = frame.drop_duplicates(table.key).set_index(table.key)[LINE]
        message = "duplicate id; first used on line " + key.map(first_line).astype(str)
        check.report(duplicated, table.key, message)


def _check_references(check: _Checker, known: dict[str, set[str]]) -> None:
    frame = check.frame
    for f in check.table.fields:
        if not f.reference:
            continue
        target_table, _ = f.reference.split(".")
        col = frame[f.name]
        unknown = col.ne("") & ~col.isin(known[target_table])
        check.report(unknown, f.name, f"'{col.name}' names no record in {target_table}.csv")


def _check_precision(check: _Checker, date_field: str) -> None:
    frame = check.frame
    mismatch = dates.precision_mismatch(frame[f"{date_field}__granularity"], frame["date_precision"])
    check.report(mismatch, date_field, "the date is less precise than date_precision = " + frame["date_precision"])


def _check_end_after_start(check: _Checker) -> None:
    frame = check.frame
    before = frame["end_date__parsed"].notna() & (frame["end_date__parsed"] < frame["start_date__parsed"])
    check.report(before, "end_date", "end_date is before start_date")


def _parse_event_actors(check: _Checker, known_actors: set[str]) -> pd.DataFrame:
    """Explode `actors` ("russia:party; turkiye:mediator") into one row per role."""
    frame = check.frame
    items = frame["actors"].str.split(LIST_SEPARATOR).explode().str.strip()
    items = items[items.ne("") & items.notna()]
    pairs = items.str.partition(":").reindex(columns=[0, 1, 2], fill_value="")  # no items: no columns otherwise
    parsed = pd.DataFrame(
        {"event_id": frame.loc[items.index, "event_id"], "actor_id": pairs[0].str.strip(),
         "role": pairs[2].str.strip().str.lower(), "item": items}
    )
    no_role = pairs[1].eq("")
    bad_role = ~no_role & ~parsed["role"].isin(ROLES)
    bad_actor = ~parsed["actor_id"].isin(known_actors)
    for mask, message in (
        (no_role, "each actor needs a role, written actor_id:role"),
        (bad_role, f"unknown role; use one of: {', '.join(ROLES)}"),
        (bad_actor & ~no_role, "names no record in actors.csv"),
    ):
        if not mask.any():
            continue
        values = parsed.loc[mask, "item"].groupby(level=0).agg("; ".join)
        rows = pd.Series(frame.index.isin(values.index), index=frame.index)
        check.report(rows, "actors", message, values=values.reindex(frame.index, fill_value=""))
    no_party = ~frame["event_id"].isin(parsed.loc[parsed["role"].eq("party"), "event_id"])
    check.report(no_party, "actors", "no actor has the role 'party'; who is negotiating?", WARNING)
    return parsed.drop(columns="item").reset_index(drop=True)


def _check_citations(check: _Checker, tables: dict[str, pd.DataFrame], articles: dict[str, Article]) -> None:
    frame = check.frame
    events = set(tables["events"]["event_id"])
    positions = set(tables["positions"]["position_id"])
    unknown = (frame["record_type"].eq("event") & ~frame["record_id"].isin(events)) | (
        frame["record_type"].eq("position") & ~frame["record_id"].isin(positions)
    )
    check.report(unknown & frame["record_id"].ne(""), "record_id",
                 "names no " + frame["record_type"] + " in " + frame["record_type"] + "s.csv")
    starts, ends, missing_article, not_found = [], [], [], []
    for source_id, quote in zip(frame["source_id"], frame["quote"]):
        article = articles.get(source_id)
        span = article.find(quote) if article is not None and quote else None
        starts.append(span[0] if span else pd.NA)
        ends.append(span[1] if span else pd.NA)
        missing_article.append(article is None)
        not_found.append(article is not None and bool(quote) and span is None)
    frame["quote_start"] = pd.array(starts, dtype="Int64")
    frame["quote_end"] = pd.array(ends, dtype="Int64")
    known_source = frame["source_id"].isin(tables["sources"]["source_id"])
    check.report(pd.Series(missing_article, index=frame.index) & known_source, "source_id",
                 "the source's article file could not be read, so the quote cannot be checked")
    check.report(pd.Series(not_found, index=frame.index), "quote",
                 "this quote does not appear in the source article's text")


def _require_citations(check: _Checker, citations: pd.DataFrame, record_type: str) -> None:
    cited = set(citations.loc[citations["record_type"].eq(record_type), "record_id"])
    key = check.table.key
    check.report(~check.frame[key].isin(cited), "citations",
                 f"no valid citation: every {record_type} needs a verbatim quote in citations.csv",
                 values=check.frame[key])


def _load_articles(sources: _Checker, seeds_dir: Path, problems: list[Problem]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    frame = sources.frame
    missing = pd.Series(False, index=frame.index)
    unreadable_msg = pd.Series("", index=frame.index)
    for idx, source_id, name in zip(frame.index, frame["source_id"], frame["seed_file"]):
        if not name:
            continue
        path = seeds_dir / name
        if Path(name).name != name or not path.is_file():
            missing[idx] = True
            unreadable_msg[idx] = f"no such file in {seeds_dir.name}/"
            continue
        try:
            articles[source_id] = read_article(path)
        except (UnicodeDecodeError, OSError) as exc:
            missing[idx] = True
            unreadable_msg[idx] = f"the article file cannot be read as UTF-8 text ({exc.__class__.__name__})"
    sources.report(missing, "seed_file", unreadable_msg)
    if seeds_dir.is_dir():
        used = set(frame["seed_file"])
        for path in sorted(seeds_dir.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.name not in used:
                problems.append(Problem(f"{seeds_dir.name}/{path.name}", None, "", "",
                                        "article has no row in sources.csv yet: it is not curated", WARNING))
    return articles


def _lookup(keys: pd.Series, mapping: pd.Series) -> pd.Series:
    """`keys` mapped through `mapping`, with "" where there is no match."""
    mapped = keys.map(mapping)
    return mapped.astype(object).where(mapped.notna(), "")


def _derive_events(events: pd.DataFrame, event_actors: pd.DataFrame, sources_by_event: pd.Series) -> pd.DataFrame:
    events = events.copy()
    events["start"] = events["start_date__parsed"]
    events["end"] = events["end_date__parsed"]
    end_hi = dates.window(events["end"], events["end_date__granularity"].replace("", "day"))[1]
    events["window_start"], events["window_end"] = dates.window(events["start"], events["date_precision"], end_hi)
    events["announced"] = events["announced_date__parsed"]
    events["announced_precision"] = events["announced_date__granularity"].replace("", pd.NA)
    events["slip_days"] = (events["start"] - events["announced"]).dt.days.astype("Int64")
    events["venue"] = (events["venue_city"] + ", " + events["venue_country"]).str.strip(", ")
    by_role = event_actors.groupby(["event_id", "role"])["name"].agg(", ".join).unstack()
    for role in ROLES:
        column = by_role[role] if role in by_role else pd.Series(dtype=object)
        events[ROLE_COLUMNS[role]] = _lookup(events["event_id"], column)
    third = event_actors[event_actors["role"].isin(THIRD_PARTY_ROLES)]
    labels = pd.Series(dtype=object)
    if not third.empty:
        labelled = third.groupby(["event_id", "name"])["role"].agg(", ".join).reset_index()
        labelled["label"] = labelled["name"] + " (" + labelled["role"] + ")"
        labels = labelled.groupby("event_id")["label"].agg("; ".join)
    events["third_parties"] = _lookup(events["event_id"], labels)
    events["sources"] = _lookup(events["event_id"], sources_by_event)
    return events.sort_values(["start", "event_id"], kind="stable").reset_index(drop=True)


def _derive_positions(positions: pd.DataFrame, actor_names: dict[str, str], sources_by_position: pd.Series):
    positions = positions.copy()
    positions["date_value"] = positions["date__parsed"]
    positions["window_start"], positions["window_end"] = dates.window(positions["date_value"], positions["date_precision"])
    positions["stance_score"] = positions["stance"].map(STANCES).astype("Int64")
    positions["red_line"] = positions["red_line"].str.lower().eq("true")
    positions["actor"] = positions["actor_id"].map(actor_names)
    positions["speaker"] = _lookup(positions["speaker_id"], pd.Series(actor_names, dtype=object))
    positions["sources"] = _lookup(positions["position_id"], sources_by_position)
    return positions.sort_values(["date_value", "position_id"], kind="stable").reset_index(drop=True)


def _drop_work_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in frame.columns if "__" in c])


def load_dataset(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Dataset:
    """Load and validate every table. Never raises on bad data: it reports it."""
    data_dir = Path(data_dir or config.data_dir())
    seeds_dir = Path(seeds_dir or config.seeds_dir())
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    checks: dict[str, _Checker] = {}
    for name in LOAD_ORDER:
        table = TABLES[name]
        frame = read_table(data_dir / table.filename, table, problems)
        frame = frame.apply(lambda c: c.fillna("").astype(str).str.strip() if c.name != LINE else c)
        check = _Checker(table, frame, problems)
        _check_columns(check)
        _check_fields(check)
        frames[name], checks[name] = frame, check

    known = {name: set(frames[name][TABLES[name].key]) - {""} for name in LOAD_ORDER}
    for name in LOAD_ORDER:
        _check_references(checks[name], known)
    _check_precision(checks["events"], "start_date")
    _check_end_after_start(checks["events"])
    _check_precision(checks["positions"], "date")
    event_actors = _parse_event_actors(checks["events"], known["actors"])
    speakers = checks["positions"].frame["speaker_id"]
    kinds = frames["actors"].set_index("actor_id")["kind"] if known["actors"] else pd.Series(dtype=object)
    kinds = kinds[~kinds.index.duplicated()]
    check_speaker = speakers.ne("") & speakers.map(kinds).notna() & speakers.map(kinds).ne("person")
    checks["positions"].report(check_speaker, "speaker_id", "the speaker is not an actor of kind 'person'", WARNING)

    for manifest in sorted(data_dir.glob(".pending-save-*.json")):
        problems.append(Problem(manifest.name, None, "", "", "a save was interrupted part-way; the next save completes it "
                                "(the tables may be one save behind until then)", WARNING))
    articles = _load_articles(checks["sources"], seeds_dir, problems)
    _check_citations(checks["citations"], frames, articles)
    valid_citations = frames["citations"][~checks["citations"].bad]
    _require_citations(checks["events"], valid_citations, "event")
    _require_citations(checks["positions"], valid_citations, "position")

    tables: dict[str, pd.DataFrame] = {}
    invalid: dict[str, pd.DataFrame] = {}
    for name in LOAD_ORDER:
        bad = checks[name].bad
        invalid[name] = _drop_work_columns(frames[name][bad]).reset_index(drop=True)
        tables[name] = frames[name][~bad].reset_index(drop=True)

    names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    event_actors = event_actors[event_actors["event_id"].isin(tables["events"]["event_id"])].copy()
    event_actors["name"] = event_actors["actor_id"].map(names).fillna(event_actors["actor_id"]).astype(str)
    event_actors = event_actors.reset_index(drop=True)

    citations = tables["citations"]
    source_titles = dict(zip(tables["sources"]["source_id"], tables["sources"]["title"]))
    citations["source_title"] = citations["source_id"].map(source_titles).fillna("")
    per_record = citations.drop_duplicates(["record_type", "record_id", "source_id"]).groupby(["record_type", "record_id"])["source_title"].agg("; ".join)
    by_type = {kind: per_record.xs(kind, level=0) if kind in per_record.index.get_level_values(0) else pd.Series(dtype=object)
               for kind in ("event", "position")}
    tables["events"] = _drop_work_columns(_derive_events(tables["events"], event_actors, by_type["event"]))
    tables["positions"] = _drop_work_columns(_derive_positions(tables["positions"], names, by_type["position"]))
    sources = tables["sources"]
    sources["published_value"] = sources["published__parsed"]
    tables["sources"] = _drop_work_columns(sources)
    for name in ("actors", "processes", "issues", "citations"):
        tables[name] = _drop_work_columns(tables[name])
    valid_sources = set(tables["sources"]["source_id"])
    articles = {sid: art for sid, art in articles.items() if sid in valid_sources}
    return Dataset(tables, invalid, problems, articles, event_actors, data_dir, seeds_dir)
