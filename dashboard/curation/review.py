"""From extraction proposals to reviewed records: the tables a curator edits, and the change they save.

Proposals become rows with every required field filled with a sensible draft
(the curator is expected to edit them); only rows marked `accept` become
records. Each accepted event and position gets a citation with its quote, ids
are made unique against the dataset, and new actors the curator accepts are
added to the registry.
"""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd

from dashboard.curation.change import Change
from dashboard.dataset.ids import slug
from dashboard.dataset.loader import Dataset
from dashboard.dataset.schema import TABLES
from dashboard.extract.propositions import propose as propose_proposition


# The review tables are the schema's own fields, with an "accept" box in front and, after, the quote that
# becomes the record's citation and the construction each part was read from (or, for an actor, why the assistant
# proposed it). A curator's `note` is
# left for the Data view and `recorded` for the save, so neither is in the review tables. A position also
# has `new_proposition`: the statement of a proposition to add, when no existing one fits.
def _review_columns(table: str, *after: str) -> list[str]:
    return ["accept", *(c for c in TABLES[table].columns if c not in ("note", "recorded")), *after]


EVENT_COLUMNS = _review_columns("events", "quote", "construction")
POSITION_COLUMNS = _review_columns("positions", "new_proposition", "quote", "construction")
ACTOR_COLUMNS = _review_columns("actors", "why")
_FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def new_actor_rows(result: dict) -> pd.DataFrame:
    """New actors for the registry, each with the words that made the assistant propose it (`why`).

    An actor an event proposal names as a side or go-between is accepted by default (the event needs it to
    save), and so is a country; any other name is for the curator to confirm."""
    referenced = {a for e in result["events"] for a in e["parties"] + [t["actor"] for t in e["third_parties"]]}
    rows = [{"accept": a["kind"] == "state" or a["actor_id"] in referenced,
             "actor_id": a.get("actor_id") or slug(a["name"], 40), "name": a["name"], "kind": a["kind"],
             "aliases": a.get("aliases", ""), "affiliation": a.get("affiliation", ""), "title": a.get("title", ""),
             "country_code": a.get("country_code", ""), "why": a.get("cue", "")} for a in result["new_actors"]]
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def event_rows(result: dict, process_id: str) -> pd.DataFrame:
    rows = []
    for e in result["events"]:
        date = e["date"] or ""
        complete = bool(_FULL_DATE.match(date))
        kind_label = e["type"].replace("_", " ")
        title = kind_label.capitalize() + (f" in {e['venue_city']}" if e["venue_city"] else "")
        roles = [f"{p}:party" for p in e["parties"]]
        roles += [f"{t['actor']}:{t['role']}" for t in e["third_parties"]]  # every proposal carries an actor id
        rows.append({
            "accept": complete and bool(e["parties"]) and not e.get("background"),
            "event_id": "", "process_id": process_id, "title": title, "type": e["type"], "status": e["status"],
            "start_date": date if complete else "", "end_date": e.get("end_date") or "",
            "date_precision": e["precision"] or "day",
            "announced_date": "", "venue_city": e["venue_city"] or "", "venue_country": e["venue_country"] or "",
            "level": "", "actors": "; ".join(dict.fromkeys(roles)), "summary": e["evidence"]["text"],
            "quote": e["evidence"]["text"], "construction": event_why(e),
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def event_why(event: dict) -> str:
    """Why the assistant proposed each part of an event, construction then words: "mediator turkiye: passive:
    mediated by (“mediated by Türkiye”)"."""
    parts = [f"{t['role']} {t['actor']}: {t.get('construction') or 'cue'} (“{t['cue']}”)" for t in event["third_parties"]]
    seen = set()
    for c in event["party_cues"]:
        if (c["actor"], c.get("construction")) not in seen:
            seen.add((c["actor"], c.get("construction")))
            parts.append(f"party {c['actor']}: {c.get('construction') or 'cue'} (“{c['cue']}”)")
    if event.get("venue_cue"):
        parts.append(f"venue: {event.get('venue_construction') or 'cue'} (“{event['venue_cue']}”)")
    parts += [f"{r['about']}: {r['construction']}" for r in event.get("reasons", []) if r["about"] in ("date", "merged")]
    return "; ".join(dict.fromkeys(parts))


def position_rows(result: dict, process_id: str, propositions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Proposed positions, each with the existing proposition of `process_id` its words match, or a draft
    statement for a new one (the curator's process may differ from the one the assistant proposed)."""
    date = result.get("reference_date") or ""
    rows = []
    for p in result["positions"]:
        proposal = propose_proposition(p, process_id, propositions)
        existing = proposal["existing"]
        rows.append({
            "accept": bool(p["issue"]) and bool(date) and p["red_line"],
            "position_id": "", "process_id": process_id, "actor_id": p["actor"] or "", "speaker_id": p["speaker"] or "",
            "issue_id": p["issue"] or "", "proposition_id": existing["proposition_id"] if existing else "",
            "date": date, "date_precision": "day", "stance": p["stance"], "red_line": bool(p["red_line"]),
            "paraphrase": p["quote"], "new_proposition": "" if existing else proposal["draft"], "quote": p["quote"],
            "construction": f"stance: {p['cue']} (“{p['holder_alias']}”)",
        })
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


def _new_propositions(positions: pd.DataFrame, taken: set[str]) -> list[dict]:
    """A proposition for each distinct `new_proposition` statement of an accepted position that names none;
    the positions are pointed at it (the frame is changed in place)."""
    made: dict[tuple[str, str, str], str] = {}
    rows = []
    for index, r in positions.iterrows():
        statement = _clean(r.get("new_proposition"))
        if not statement or _clean(r.get("proposition_id")):
            continue
        key = (_clean(r["process_id"]), _clean(r["issue_id"]), statement)
        if key not in made:
            made[key] = _unique(slug(f"{key[0]}-{statement}", 80), taken)
            rows.append({"proposition_id": made[key], "process_id": key[0], "issue_id": key[1], "statement": statement,
                         "note": ""})
        positions.at[index, "proposition_id"] = made[key]
    return rows


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _clean(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def taken_ids(data: Dataset, name: str) -> set[str]:
    """The ids of a table in use, held-back records' included: a new record must not reuse one."""
    key = TABLES[name].key
    return set(data.tables[name][key]) | set(data.invalid[name].get(key, []))


def next_citation_number(taken: set[str]) -> int:
    """The number after the highest `cit-NNN` id in `taken`."""
    return max((int(m.group(1)) for c in taken if (m := re.match(r"cit-(\d+)$", c))), default=0) + 1


def build_change(data: Dataset, source_id: str, events: pd.DataFrame, positions: pd.DataFrame,
                 actors: pd.DataFrame, new_source: tuple[str, str | None, dict] | None = None,
                 new_process: dict | None = None) -> Change:
    """The records a curator accepted, with ids, citations and any new article, actors or process."""
    change = Change()
    taken = {name: taken_ids(data, name) for name in TABLES}
    if new_source is not None:
        name, text, row = new_source
        change.rows["sources"] = [row]
        if text is not None:  # None: the article file is already in the package
            change.articles[name] = text
    if new_process:
        change.rows["processes"] = [{k: _clean(v) for k, v in new_process.items()}]
    accepted_actors = actors[actors["accept"].fillna(False).astype(bool)] if not actors.empty else actors
    change.rows["actors"] = [{c: _clean(r[c]) for c in TABLES["actors"].columns if c in r}
                             for _, r in accepted_actors.iterrows()]
    if not positions.empty:
        positions = positions[positions["accept"].fillna(False).astype(bool)].copy()
        change.rows["propositions"] = _new_propositions(positions, taken["propositions"])
    next_citation = next_citation_number(taken["citations"])
    citations = []
    for kind, table, frame, id_base in (
        ("event", "events", events, lambda r: f"{r['process_id']}-{r['start_date']}-{slug(_clean(r['title']), 30)}"),
        ("position", "positions", positions,
         lambda r: f"pos-{r['actor_id']}-{r['issue_id']}-{r['date']}".replace("--", "-")),
    ):
        rows = []
        for _, r in frame[frame["accept"].fillna(False).astype(bool)].iterrows() if not frame.empty else []:
            record = {c: _clean(r.get(c)) for c in TABLES[table].columns}
            key = TABLES[table].key
            record[key] = _unique(record[key] or slug(id_base(r), 80), taken[table])
            rows.append(record)
            quote = _clean(r.get("quote"))
            citation_id = _unique(f"cit-{next_citation:03d}", taken["citations"])
            next_citation += 1
            citations.append({"citation_id": citation_id, "record_type": kind, "record_id": record[key],
                              "source_id": source_id, "quote": quote})
        change.rows[table] = rows
    change.rows["citations"] = citations
    return change


ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold


def change_as_zip(change: Change) -> bytes:
    """The proposed records as one CSV per table, for a curator to review and apply (read-only mode)."""
    buffer = io.BytesIO()

    def add(archive: zipfile.ZipFile, name: str, text: str) -> None:
        # a fixed date on every member: the same proposals make the same bytes, whenever they are zipped
        archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), text, compress_type=zipfile.ZIP_DEFLATED)

    with zipfile.ZipFile(buffer, "w") as archive:
        for name, rows in change.rows.items():
            if rows:
                add(archive, TABLES[name].filename, pd.DataFrame(rows, columns=TABLES[name].columns).to_csv(index=False))
        for name, text in sorted(change.articles.items()):
            add(archive, f"seeds/{name}", text)
    return buffer.getvalue()
