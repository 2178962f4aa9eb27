"""Agreements into one change: new records, or the records of an earlier import brought up to date.

Ids are stable (`pax-1234`, `cit-pax-1234`), so importing a newer version of a dataset updates the same events
and moves their citations to the new version's source rather than adding copies; the rows of each version stay
in dataset_rows.csv, a record of what each import took. An agreement whose day and process match a curated
signing is linked to it (`related_events`), never merged: the two stay side by side for a curator to judge.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.curation.change import Change
from dashboard.dataset.ids import slug
from dashboard.dataset.loader import Dataset
from dashboard.dataset.provenance import locator
from dashboard.importers.layout import Agreement, BadRow, Layout
from dashboard.importers.parties import PartyLinker
from dashboard.importers.reading import Table, date_order, read_dates
from dashboard.importers.report import ImportReport

EVENT_FIELDS = ("process_id", "title", "type", "start_date", "date_precision", "actors", "summary", "note",
                "related_events")  # what an import owns; status and the rest stay as a curator leaves them


def _plain(text: str) -> str:
    """A list as the dataset writes it, on one line: its line breaks become "; "."""
    return " ".join(re.sub(r"\s*\n\s*", "; ", text.strip()).split()).strip("; ")


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def source_id_of(layout: Layout, version: str) -> str:
    return slug(f"{layout.key}-v{version}", 60, layout.key)


def agreements_of(layout: Layout, table: Table, report: ImportReport) -> list[Agreement]:
    """The rows as agreements, with their dates read; the others reported as bad rows."""
    agreements, first_line = [], {}
    report.bad += table.bad
    for line, row in table.rows:
        read = layout.read_row(row, line, table.name)
        if isinstance(read, BadRow):
            report.bad.append(read)
        elif read.row_id in first_line:
            report.bad.append(BadRow(table.name, line, layout.id_column, read.row_id,
                                     f"this {layout.id_column} is used again; first on line {first_line[read.row_id]}"))
        else:
            first_line[read.row_id] = line
            agreements.append(read)
    date_column = next(c for c in layout.required if c in ("Dat", "pa_date"))
    order = date_order([a.date_text for a in agreements], layout.date_order)
    bad_dates = read_dates(agreements, order, table.name, date_column)
    report.bad += bad_dates
    dropped = {b.line for b in bad_dates}
    return [a for a in agreements if a.line not in dropped]


def plan_import(layout: Layout, version: str, table: Table, data: Dataset, mapping: dict[str, str],
                report: ImportReport) -> Change:
    """The change that records `table`'s agreements in `data`, and the report of what it does."""
    change = Change(rows={name: [] for name in ("sources", "actors", "processes", "events", "dataset_rows",
                                                "citations")})
    report.rows_read = len(table.rows) + len(table.bad)
    agreements = agreements_of(layout, table, report)
    source_id = report.source_id = source_id_of(layout, version)
    _source(layout, version, table, data, source_id, change)
    processes = _processes(layout, agreements, data, mapping, change, report, table.name)
    agreements = [a for a in agreements if a.process_key in processes]
    linker = PartyLinker(pd.concat([data["actors"], data.invalid["actors"]], ignore_index=True))
    events = _current(data, "events", "event_id")
    citations = _current(data, "citations", "citation_id")
    rows = _current(data, "dataset_rows", "dataset_row_id")
    curated = _curated_signings(data)
    used_new_actors: set[str] = set()
    for a in agreements:
        event_id, row_locator = f"{layout.key}-{a.row_id}", locator(layout.id_column, a.row_id)
        linked = linker.link(a.parties, a.third_parties)
        report.parties_linked += sum(role == "party" for _, role in linked.actors)
        report.third_parties_linked += sum(role != "party" for _, role in linked.actors)
        report.third_parties_without_role += len(linked.without_role)
        report.unrecognised += linked.unrecognised
        used_new_actors |= {actor_id for actor_id, _ in linked.actors if actor_id in linker.new_actors}
        process_id = processes[a.process_key]
        related = [e for e in curated.get((process_id, a.date), []) if a.precision == "day"]
        earlier = [e.strip() for e in str(events.get(event_id, {}).get("related_events", "")).split(";") if e.strip()]
        related_events = list(dict.fromkeys(earlier + related))
        report.links += [(event_id, e) for e in related if e not in earlier]
        event = {
            "event_id": event_id, "process_id": process_id, "title": a.name, "type": "agreement_signed",
            "status": "held", "start_date": a.date, "date_precision": a.precision,
            "actors": "; ".join(f"{actor_id}:{role}" for actor_id, role in linked.actors),
            "summary": _summary(layout, a, [linker.name(x) for x in linked.without_role]),
            "note": (f"Imported from {layout.name} version {version}, {row_locator} ({layout.process_label} "
                     f"{a.process_key}: {a.process_name or 'unnamed'}). Actors are linked only where the registry "
                     "or the gazetteer knows the name; the lists stay whole in the summary."),
            "related_events": "; ".join(related_events),
        }
        citation = {"citation_id": f"cit-{event_id}", "record_type": "event", "record_id": event_id,
                    "source_id": source_id, "quote": "", "locator": row_locator}
        row = {"dataset_row_id": slug(f"{source_id}-{row_locator}", 80, "row"), "source_id": source_id,
               "row_id": row_locator, "name": a.name, "date": a.date_text.strip(), "record_type": "event",
               "record_id": event_id}
        changed = False
        for table_name, record, current, key, owned in (
                ("events", event, events, "event_id", EVENT_FIELDS),
                ("citations", citation, citations, "citation_id", ("record_type", "record_id", "source_id", "quote",
                                                                   "locator")),
                ("dataset_rows", row, rows, "dataset_row_id", ("name", "date", "record_type", "record_id"))):
            if record[key] not in current:
                change.rows[table_name].append(record)
                continue
            differs = {f: record[f] for f in owned if str(current[record[key]].get(f, "")) != record[f]}
            if differs:
                change.updates.setdefault(table_name, {})[record[key]] = differs
                changed = True
        if event_id not in events:
            report.new.append(event_id)
        elif changed:
            report.updated.append(event_id)
        else:
            report.unchanged += 1
    for actor_id in sorted(used_new_actors):
        candidate = linker.new_actors[actor_id]
        change.rows["actors"].append({"actor_id": actor_id, "name": candidate.name, "kind": candidate.kind,
                                      "aliases": "; ".join(candidate.aliases), "country_code": candidate.country_code})
        report.actors_new.append((actor_id, candidate.name, candidate.kind))
    change.rows = {name: rows_ for name, rows_ in change.rows.items() if rows_}
    change.columns = _missing_columns(data, [*change.rows, *change.updates])
    return change


def _current(data: Dataset, table: str, key: str) -> dict[str, dict]:
    """The records of a table by id, valid or held back (an earlier import's record is updated either way)."""
    frames = [data.invalid[table], data[table]]
    frame = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[1]
    if frame.empty:
        return {}
    return frame.drop_duplicates(key, keep="last").set_index(key, drop=False).to_dict("index")


def _curated_signings(data: Dataset) -> dict[tuple[str, str], list[str]]:
    """(process_id, day) -> ids of the signings curated from articles on that day."""
    events, citations = data["events"], data["citations"]
    from_articles = set(citations.loc[citations["from_dataset"].eq(""), "record_id"])
    signed = events[events["type"].eq("agreement_signed") & events["date_precision"].eq("day")
                    & events["event_id"].isin(from_articles)]
    out: dict[tuple[str, str], list[str]] = {}
    for event_id, process_id, day in zip(signed["event_id"], signed["process_id"], signed["start_date"]):
        out.setdefault((process_id, day), []).append(event_id)
    return out


def _source(layout: Layout, version: str, table: Table, data: Dataset, source_id: str, change: Change) -> None:
    sources = _current(data, "sources", "source_id")
    if source_id in sources:
        if sources[source_id].get("kind") != "dataset":
            raise ValueError(f"sources.csv already has {source_id}, and it is not a dataset: rename one of them")
        return
    change.rows["sources"].append({
        "source_id": source_id, "title": f"{layout.title}, version {version}", "outlet": layout.publisher,
        "url": layout.url, "language": "en", "licence": layout.licence, "kind": "dataset",
        "note": f"Imported from the file {table.name} with python -m dashboard.importers {layout.key}. Parley "
                "ships none of this dataset: the rows recorded here are the ones this import took."})


def _processes(layout: Layout, agreements: list[Agreement], data: Dataset, mapping: dict[str, str],
               change: Change, report: ImportReport, file: str) -> dict[str, str]:
    """The dataset's process keys -> process ids: mapped by the researcher, named the same as a recorded
    process, made by an earlier import, or new. A mapping to a process the data lacks makes its rows bad."""
    recorded = data["processes"]
    ids = set(recorded["process_id"]) | set(data.invalid["processes"]["process_id"])
    by_name = {_norm(n): p for p, n in zip(recorded["process_id"], recorded["name"])}
    out: dict[str, str] = {}
    keys = list(dict.fromkeys(a.process_key for a in agreements))
    report.unused_map = sorted(set(mapping) - set(keys))
    for key in keys:
        first = next(a for a in agreements if a.process_key == key)
        own_id = slug(f"{layout.process_prefix}-{key}", 60, layout.process_prefix)
        if key in mapping:
            if mapping[key] not in ids:
                report.bad += [BadRow(file, a.line, layout.process_label, key,
                                      f"--map {key}={mapping[key]} names a process processes.csv does not hold")
                               for a in agreements if a.process_key == key]
                continue
            out[key] = mapping[key]
            report.processes_found.append((key, mapping[key], "mapped with --map"))
        elif _norm(first.process_name) in by_name:
            out[key] = by_name[_norm(first.process_name)]
            report.processes_found.append((key, out[key], "named the same"))
        elif own_id in ids:
            out[key] = own_id
            report.processes_found.append((key, own_id, "made by an earlier import"))
        else:
            out[key] = own_id
            name = first.process_name or f"{layout.name} {layout.process_label} {key}"
            change.rows["processes"].append({
                "process_id": own_id, "name": name, "conflict": first.conflict or name,
                "description": f"{layout.name}'s {layout.process_label} {key}, made by an import; map it to a "
                               f"curated process with --map {key}=PROCESS_ID."})
            report.processes_new.append((own_id, name))
    return out


def _summary(layout: Layout, a: Agreement, without_role: list[str]) -> str:
    facts = "; ".join(f"{label}: {value}" for label, value in a.facts)
    parts = [f"{a.name}. {layout.name} files it under {a.conflict or 'no country'}, dated {a.date_text.strip()}"
             + (f" ({facts})." if facts else ".")]
    parts.append(f"Signatories as {layout.name} lists them: {_plain(a.parties) or 'none listed'}.")
    if a.third_parties.strip():
        parts.append(f"Third parties as {layout.name} lists them: {_plain(a.third_parties)}.")
    if without_role:
        parts.append(f"Recognised among them, with no role stated: {', '.join(without_role)}.")
    return " ".join(parts)


def _missing_columns(data: Dataset, tables: list[str]) -> dict[str, list[str]]:
    """Columns of the schema the data folder's files lack, for the tables this change writes (a folder from
    before them: the loader reported each as missing)."""
    out: dict[str, list[str]] = {}
    for p in data.problems:
        name = p.file.removesuffix(".csv")
        if p.code == "column-missing" and name in tables:
            out.setdefault(name, []).append(p.field)
    return out
