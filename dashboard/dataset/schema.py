"""The data contract: every table, field, type and vocabulary Parley reads.

This module is the single source of truth. `data/datapackage.json` (the
Frictionless description researchers know) is generated from it with
`python -m dashboard.dataset.schema > data/datapackage.json`, and a test fails when the
two drift apart. `data/README.md` documents the same fields for people.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field

# --- Vocabularies -----------------------------------------------------------

ACTOR_KINDS = ("state", "international_organisation", "person", "group")

# Event types, each with its nearest CAMEO code (see reference/ontology.md).
EVENT_TYPES = {
    "talks_announced": "036",  # announcement of talks / intent to meet
    "talks_round": "046",  # a round of negotiations
    "summit": "043",  # leaders meet
    "call": "040",  # phone or video call
    "mediation_offer": "039",  # offer to mediate or host
    "proposal": "036",  # a proposal put to the other side
    "agreement_signed": "057",  # agreement signed or reached
    "agreement_suspended": "164",  # agreement suspended or collapsed
    "statement": "010",  # a public statement on the process
}

# Whether the event took place. For a meeting: announced (scheduled, not yet
# held), held, postponed, cancelled; "suspended" is a process or agreement that
# began and was halted. A call, proposal or signing that happened is "held".
EVENT_STATUSES = ("announced", "held", "postponed", "cancelled", "suspended")

LEVELS = ("leaders", "ministers", "delegations", "technical")

# Roles follow PA-X's third-party roles (ontology.md, "Third parties").
ROLES = ("party", "mediator", "host", "facilitator", "guarantor", "observer", "witness")
THIRD_PARTY_ROLES = ("mediator", "host", "facilitator")

PRECISIONS = ("day", "week", "month", "year")

# The ordinal stance scale, from rejecting outright to demanding. The number is
# the position on the scale, used to draw and sort; the label is what curators
# write. PLOVER's scores map as: reject -2, request 0, agree/concede/support +1.
STANCES = {
    "rejects": -2,  # refuses outright
    "opposes": -1,  # against, but leaves room
    "open": 0,  # willing to discuss, no commitment
    "accepts": 1,  # agrees or supports
    "demands": 2,  # insists on it, makes it a condition
}

RECORD_TYPES = ("event", "position")

# What a source is: an article (its text in seeds/, cited by verbatim quotes) or a version of a dataset such as
# PA-X (no text; cited by the row it holds). An empty `kind` is an article, as every source was before datasets.
SOURCE_KINDS = ("article", "dataset")

# --- Tables -------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, date, boolean, list, integer
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    reference: str | None = None  # "table.field" this value must exist in
    example: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    key: str
    fields: tuple[Field, ...] = field(default_factory=tuple)
    optional: bool = False  # a data folder without this file still loads (the table came after the first release)

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def required_columns(self) -> list[str]:
        return [f.name for f in self.fields if f.required]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


RECORDED_HELP = ("Day the record entered the dataset, YYYY-MM-DD: filled in by the save that added it (not the "
                 "day of what it reports); empty when unknown")
DATE_HELP = "ISO date: YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source allows"
LIST_HELP = "list; items separated by a semicolon"

_TABLES = (
    Table(
        "sources",
        "The articles (one row per article in seeds/) and the dataset versions the records are drawn from.",
        "source_id",
        (
            Field("source_id", "string", "Stable identifier of the article or dataset version", True,
                  example="src-001"),
            Field("title", "string", "Headline as published; for a dataset, its name and version", True,
                  example="PA-X: Peace Agreements Database, version 10"),
            Field("outlet", "string", "Who published this copy (empty when the article does not say)"),
            Field("author", "string", "Byline, if any"),
            Field("url", "string", "Where this copy was published (empty when unknown); for a dataset, its home page"),
            Field("published", "date", "Publication date; empty when unknown. " + DATE_HELP),
            Field("language", "string", "BCP 47 language code of the text", True, example="en"),
            Field("seed_file", "string",
                  "File name of the article text in seeds/; required for an article, empty for a dataset"),
            Field("licence", "string", "Licence or status of the text; for a dataset, its terms of use"),
            Field("note", "string", "Curator's note on the copy or the metadata"),
            Field("kind", "string",
                  "What the source is: an article (empty means article) or a dataset version, cited by its rows "
                  "(`dataset_rows.csv`)", enum=SOURCE_KINDS),
        ),
    ),
    Table(
        "actors",
        "States, international organisations, people and armed or political groups.",
        "actor_id",
        (
            Field("actor_id", "string", "Stable identifier", True, example="russia"),
            Field("name", "string", "Name as used in the dashboard", True),
            Field("kind", "string", "What sort of actor", True, enum=ACTOR_KINDS),
            Field("aliases", "list", "Other names, capitals or adjectives that stand for it; " + LIST_HELP,
                  example="Russian Federation; Moscow; Kremlin"),
            Field("affiliation", "string", "The actor this one belongs to (a minister's state)",
                  reference="actors.actor_id"),
            Field("title", "string", "Office held, as the sources give it", example="Foreign Minister"),
            Field("country_code", "string", "ISO 3166-1 alpha-3 code for a state, to join UCDP/ACLED data"),
        ),
    ),
    Table(
        "processes",
        "Negotiation tracks; several conflicts live in one dataset.",
        "process_id",
        (
            Field("process_id", "string", "Stable identifier", True, example="russia-ukraine"),
            Field("name", "string", "Name of the track", True),
            Field("conflict", "string", "The conflict it seeks to settle", True),
            Field("description", "string", "What the track covers"),
        ),
    ),
    Table(
        "issues",
        "What positions are about (after PLOVER contexts and PA-X provision groups).",
        "issue_id",
        (
            Field("issue_id", "string", "Stable identifier", True, example="territory"),
            Field("label", "string", "Short label", True),
            Field("description", "string", "What falls under it", True),
        ),
    ),
    Table(
        "propositions",
        "What exactly is negotiated: a short statement inside an issue that positions take a stance toward, "
        "so that two actors' stances on it can be compared.",
        "proposition_id",
        (
            Field("proposition_id", "string", "Stable identifier", True, example="ru-ua-ceded-territory-recognised"),
            Field("process_id", "string", "The negotiation track", True, reference="processes.process_id"),
            Field("issue_id", "string", "The issue it falls under", True, reference="issues.issue_id"),
            Field("statement", "string",
                  "The matter as one short statement that a side can demand, accept, oppose or reject, "
                  "in the curator's words", True,
                  example="The territories Russia claims are recognised as Russian"),
            Field("note", "string", "Curator's note: what the statement covers and what it leaves out"),
        ),
        optional=True,
    ),
    Table(
        "events",
        "Talks and related events: announcements, rounds, calls, offers, agreements.",
        "event_id",
        (
            Field("event_id", "string", "Stable identifier", True, example="ru-ua-2025-istanbul-round"),
            Field("process_id", "string", "The negotiation track", True, reference="processes.process_id"),
            Field("title", "string", "Short title", True),
            Field("type", "string", "What kind of event", True, enum=tuple(EVENT_TYPES)),
            Field("status", "string", "Whether it took place", True, enum=EVENT_STATUSES),
            Field("previous_status", "string",
                  "The status before the last change (an announced round later held, postponed or cancelled); "
                  "empty if it never changed", enum=EVENT_STATUSES),
            Field("status_changed", "date",
                  "Day the status was last changed in the dataset, YYYY-MM-DD (like `recorded`, the day of the "
                  "change, not of the event); empty if it never changed"),
            Field("start_date", "date", "When it happened (or is expected). " + DATE_HELP, True),
            Field("end_date", "date",
                  "Last day it ran, or the latest day it can have happened when the sources leave a span "
                  "(UCDP's date_end). " + DATE_HELP),
            Field("date_precision", "string", "How exactly start_date is known", True, enum=PRECISIONS),
            Field("announced_date", "date",
                  "The date it was announced for, where that differs from start_date. " + DATE_HELP),
            Field("venue_city", "string", "City where it met"),
            Field("venue_country", "string", "Country where it met"),
            Field("level", "string", "Who met", enum=LEVELS),
            Field("actors", "list",
                  "Actors with their role, as actor_id:role; " + LIST_HELP + f"; roles: {', '.join(ROLES)}",
                  example="russia:party; ukraine:party; turkiye:mediator"),
            Field("summary", "string", "One or two sentences, in the curator's words", True),
            Field("note", "string", "Curator's note, e.g. how an imprecise date was established"),
            Field("related_events", "list",
                  "Other events of the same happening, kept apart rather than merged (an agreement a dataset "
                  "records and the signing an article reports); " + LIST_HELP, reference="events.event_id",
                  example="pax-2121"),
        ),
    ),
    Table(
        "positions",
        "What an actor states on an issue on a date, with its stance and whether it is a red line.",
        "position_id",
        (
            Field("position_id", "string", "Stable identifier", True, example="pos-russia-territory-2025-05"),
            Field("process_id", "string", "The negotiation track", True, reference="processes.process_id"),
            Field("actor_id", "string", "Whose position", True, reference="actors.actor_id"),
            Field("speaker_id", "string", "Who said it, when a person is named", reference="actors.actor_id"),
            Field("issue_id", "string", "What it is about", True, reference="issues.issue_id"),
            Field("proposition_id", "string",
                  "The proposition the stance is toward, when one is curated; it must belong to the same "
                  "process and issue. Positions on one proposition are comparable across actors",
                  reference="propositions.proposition_id"),
            Field("date", "date", "When it was stated. " + DATE_HELP, True),
            Field("date_precision", "string", "How exactly the date is known", True, enum=PRECISIONS),
            Field("stance", "string", "Place on the stance scale", True, enum=tuple(STANCES)),
            Field("red_line", "boolean",
                  "true when the actor itself declares it non-negotiable, in words it is quoted or reported as "
                  "saying (data/README.md, Red line); a reporter's verb such as 'insists' is not enough",
                  True, enum=("true", "false")),
            Field("paraphrase", "string", "The position in a short sentence, in the curator's words", True),
            Field("note", "string", "Curator's note"),
        ),
    ),
    Table(
        "dataset_rows",
        "What each import from a dataset took: one row of the dataset per record it became, as the dataset "
        "gives it. Citations of a dataset source name one of these rows by its `locator`.",
        "dataset_row_id",
        (
            Field("dataset_row_id", "string", "Stable identifier: the source and the row", True,
                  example="pax-v10-agtid-1234"),
            Field("source_id", "string", "The dataset version the row was read from", True,
                  reference="sources.source_id"),
            Field("row_id", "string", "The row, as citations locate it: the dataset's id column and value", True,
                  example="AgtId 1234"),
            Field("name", "string", "The row's name as the dataset gives it (an agreement's title)"),
            Field("date", "string", "The row's date as the dataset gives it, unchanged"),
            Field("record_type", "string", "The record it became", True, enum=RECORD_TYPES),
            Field("record_id", "string", "The event_id or position_id it became", True),
        ),
        optional=True,
    ),
    Table(
        "citations",
        "Verbatim quotes tying each event and position to its source articles, or the dataset row it comes from.",
        "citation_id",
        (
            Field("citation_id", "string", "Stable identifier", True, example="cit-001"),
            Field("record_type", "string", "What is cited", True, enum=RECORD_TYPES),
            Field("record_id", "string", "The event_id or position_id", True),
            Field("source_id", "string", "The article or dataset version", True, reference="sources.source_id"),
            Field("quote", "string", "Exact words from the article (whitespace and quote marks may differ); "
                  "required for an article, empty for a dataset"),
            Field("locator", "string", "For a dataset source, the row cited, as `dataset_rows.csv` records it; "
                  "empty for an article", example="AgtId 1234"),
        ),
    ),
)

# Every table ends with the day each record was recorded, the field "what changed since" reads.
TABLES: dict[str, Table] = {
    t.name: Table(t.name, t.description, t.key, (*t.fields, Field("recorded", "date", RECORDED_HELP)), t.optional)
    for t in _TABLES
}

# Tables in the order they are loaded: referenced tables first.
LOAD_ORDER = ("sources", "actors", "processes", "issues", "propositions", "events", "positions", "dataset_rows",
              "citations")

_FRICTIONLESS_TYPES = {"string": "string", "date": "string", "boolean": "string", "list": "string"}


def datapackage() -> dict:
    """The Frictionless Data Package descriptor of the data folder."""
    resources = []
    for name in LOAD_ORDER:
        table = TABLES[name]
        fields = []
        for f in table.fields:
            spec: dict = {"name": f.name, "type": _FRICTIONLESS_TYPES[f.type], "description": f.description}
            if f.type == "date":
                spec["constraints"] = {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}
            if f.required:
                spec.setdefault("constraints", {})["required"] = True
            if f.enum:
                spec.setdefault("constraints", {})["enum"] = list(f.enum)
            if f.example:
                spec["example"] = f.example
            fields.append(spec)
        schema: dict = {"fields": fields, "primaryKey": [table.key]}
        foreign_keys = [
            {"fields": [f.name], "reference": {"resource": f.reference.split(".")[0], "fields": [f.reference.split(".")[1]]}}
            for f in table.fields
            if f.reference and f.type != "list"  # a list of ids is checked item by item by the loader, not a key
        ]
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": name,
                "path": table.filename,
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": schema,
            }
        )
    return {
        "name": "parley",
        "title": "Parley: curated diplomatic negotiation events and positions",
        "profile": "tabular-data-package",
        "resources": resources,
    }


def readme_tables() -> str:
    """The "Tables" section of data/README.md, one Markdown table per CSV (a test keeps the two equal)."""
    out = ["## Tables", ""]
    for name in LOAD_ORDER:
        table = TABLES[name]
        out += [f"### `{table.filename}`", "", f"{table.description} Key: `{table.key}`.", "",
                "| field | type | required | meaning | allowed values / refers to |", "|---|---|---|---|---|"]
        for f in table.fields:
            if f.enum:
                allowed = ", ".join(f"`{v}`" for v in f.enum)
            elif f.reference:
                allowed = f"→ `{f.reference}`"
            else:
                allowed = f"e.g. `{f.example}`" if f.example else ""
            out.append(f"| `{f.name}` | {f.type} | {'yes' if f.required else ''} | {f.description} | {allowed} |")
        out.append("")
    return "\n".join(out)


def datapackage_json() -> str:
    return json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(readme_tables() + "\n" if sys.argv[1:] == ["--readme"] else datapackage_json())
