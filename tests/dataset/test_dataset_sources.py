"""A dataset version as a source: its rows cited by locator, checked like quotes are checked against articles.

Every record here is SYNTHETIC, written by the test into a copy of the bundled data.
"""

from __future__ import annotations

import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.dataset.problems import ERROR, WARNING
from dashboard.dataset.provenance import cited_row, short_name

SOURCE = {"source_id": "syn-v3", "title": "SYNTHETIC: Agreements Dataset, version 3", "url": "https://example.org/syn",
          "language": "en", "licence": "SYNTHETIC terms", "kind": "dataset", "recorded": "2026-01-05"}
ROW = {"dataset_row_id": "syn-v3-agtid-7", "source_id": "syn-v3", "row_id": "AgtId 7",
       "name": "SYNTHETIC accord", "date": "2020-02-03", "record_type": "event", "record_id": "syn-7",
       "recorded": "2026-01-05"}
EVENT = {"event_id": "syn-7", "process_id": "black-sea-grain", "title": "SYNTHETIC accord", "type": "agreement_signed",
         "status": "held", "start_date": "2020-02-03", "date_precision": "day", "actors": "russia:party",
         "summary": "SYNTHETIC agreement row.", "recorded": "2026-01-05"}
CITATION = {"citation_id": "cit-syn-7", "record_type": "event", "record_id": "syn-7", "source_id": "syn-v3",
            "quote": "", "locator": "AgtId 7", "recorded": "2026-01-05"}


def add(folder, table, row):
    rows = folder.rows(table)
    header = list(rows[0]) if rows else None
    folder.write(table, rows + [{**dict.fromkeys(header or row, ""), **row}], header)


@pytest.fixture
def with_dataset(folder):
    for table, row in (("sources", SOURCE), ("dataset_rows", ROW), ("events", EVENT), ("citations", CITATION)):
        add(folder, table, row)
    return folder


def problems(ds, code):
    return [p for p in ds.problems if p.code == code]


def test_a_dataset_source_and_its_cited_row_load_without_problems(with_dataset):
    ds = load_dataset(with_dataset.data, with_dataset.seeds)
    assert ds.problems == [], [str(p) for p in ds.problems]
    assert "syn-7" in set(ds["events"]["event_id"])
    cited = ds["citations"].set_index("citation_id").loc["cit-syn-7"]
    assert cited["from_dataset"] == "from SYNTHETIC v3, agreement 7"
    assert ds["citations"].set_index("citation_id").loc["cit-001", "from_dataset"] == ""
    assert "syn-v3" not in ds.articles  # a dataset has no text


@pytest.mark.parametrize(("table", "key", "record", "changes", "code", "field", "severity"), [
    ("citations", "citation_id", "cit-syn-7", {"locator": ""}, "locator-missing", "locator", ERROR),
    ("citations", "citation_id", "cit-syn-7", {"locator": "AgtId 8"}, "locator-unknown", "locator", ERROR),
    ("citations", "citation_id", "cit-syn-7", {"quote": "SYNTHETIC words"}, "quote-on-dataset", "quote", ERROR),
    ("citations", "citation_id", "cit-001", {"locator": "AgtId 7"}, "locator-on-article", "locator", WARNING),
    ("citations", "citation_id", "cit-001", {"quote": ""}, "required-empty", "quote", ERROR),
    ("sources", "source_id", "syn-v3", {"seed_file": "001_putin-proposes-istanbul-talks.txt"},
     "dataset-source-file", "seed_file", ERROR),
    ("sources", "source_id", "src-005", {"seed_file": ""}, "required-empty", "seed_file", ERROR),
    ("sources", "source_id", "syn-v3", {"kind": "spreadsheet"}, "not-in-vocabulary", "kind", ERROR),
    ("dataset_rows", "dataset_row_id", "syn-v3-agtid-7", {"source_id": "src-005"}, "not-a-dataset", "source_id",
     ERROR),
    ("dataset_rows", "dataset_row_id", "syn-v3-agtid-7", {"record_id": "syn-8"}, "dataset-row-target-unknown",
     "record_id", WARNING),
    ("events", "event_id", "syn-7", {"related_events": "bsg-2022-07-deal; syn-99"}, "unknown-reference",
     "related_events", ERROR),
])
def test_each_broken_dataset_record_is_reported_by_file_line_and_field(with_dataset, table, key, record, changes,
                                                                       code, field, severity):
    line = with_dataset.set(table, key, record, **changes)
    ds = load_dataset(with_dataset.data, with_dataset.seeds)
    found = [p for p in problems(ds, code) if p.file == f"{table}.csv"]
    assert len(found) == 1, [str(p) for p in ds.problems]
    assert (found[0].line, found[0].field, found[0].severity) == (line, field, severity)
    if code == "unknown-reference":
        assert found[0].value == "syn-99"  # the one unknown item, not the whole list
    # what follows from the one fault: an article without its file cannot have its quotes checked; a row moved to
    # another source is no longer the row the citation names
    follows = {"quote-unchecked", "uncited", "locator-unknown" if code == "not-a-dataset" else code}
    if code == "not-in-vocabulary":  # an unknown kind is read as an article, which needs its file and quotes
        follows |= {"required-empty", "not-a-dataset"}
    others = [p for p in ds.errors if p.code != code and p.code not in follows]
    assert others == [], [str(p) for p in others]


def test_an_event_whose_only_citation_names_an_unrecorded_row_is_held_back(with_dataset):
    with_dataset.write("dataset_rows", [], list(ROW))
    ds = load_dataset(with_dataset.data, with_dataset.seeds)
    assert problems(ds, "locator-unknown") and problems(ds, "uncited")
    assert "syn-7" not in set(ds["events"]["event_id"])
    assert "syn-7" in set(ds.invalid["events"]["event_id"])


def test_related_events_name_existing_events(with_dataset):
    with_dataset.set("events", "event_id", "syn-7", related_events="bsg-2022-07-deal")
    ds = load_dataset(with_dataset.data, with_dataset.seeds)
    assert ds.errors == []
    assert ds["events"].set_index("event_id").loc["syn-7", "related_events"] == "bsg-2022-07-deal"


def test_a_folder_without_the_new_columns_and_table_loads_as_articles(folder):
    """Data from before datasets: no kind, locator or related_events column, no dataset_rows.csv."""
    (folder.data / "dataset_rows.csv").unlink()
    for name, column in (("sources", "kind"), ("citations", "locator"), ("events", "related_events")):
        rows = folder.rows(name)
        for row in rows:
            row.pop(column)
        folder.write(name, rows)
    ds = load_dataset(folder.data, folder.seeds)
    assert ds.errors == [], [str(p) for p in ds.errors]
    assert {p.code for p in ds.problems} == {"column-missing", "optional-table-missing"}
    assert len(ds["events"]) == len(folder.rows("events"))
    assert ds["citations"]["from_dataset"].eq("").all()


@pytest.mark.parametrize(("title", "short"), [
    ("PA-X: Peace Agreements Database, version 10", "PA-X v10"),
    ("UCDP Peace Agreement Dataset, version 22.1", "UCDP Peace Agreement Dataset v22.1"),
    ("A dataset with no version", "A dataset with no version"),
])
def test_a_dataset_title_gives_its_short_name(title, short):
    assert short_name(title) == short


def test_the_phrase_shown_instead_of_a_quote():
    assert cited_row("PA-X: Peace Agreements Database, version 10", "AgtId 1234") == "from PA-X v10, agreement 1234"
    assert cited_row("UCDP Peace Agreement Dataset, version 22.1", "paid 501") == (
        "from UCDP Peace Agreement Dataset v22.1, agreement 501")
    assert cited_row("Some data, version 2", "row 9") == "from Some data v2, row 9"
