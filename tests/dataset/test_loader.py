"""The loader and validator: each kind of bad value gives the right problem and keeps the good records."""

from __future__ import annotations

import pytest

from dashboard.analysis.describe import readable_events
from dashboard.dataset.loader import load_dataset
from dashboard.dataset.problems import ERROR, WARNING


def load(folder):
    return load_dataset(folder.data, folder.seeds)


def only_problem(ds, file, field, severity=ERROR):
    found = [p for p in ds.problems if p.file == file and p.field == field and p.severity == severity]
    assert len(found) == 1, [str(p) for p in ds.problems]
    return found[0]


def test_bundled_data_loads_with_no_errors(folder):
    ds = load(folder)
    assert ds.errors == [], [str(p) for p in ds.errors]
    assert all(len(frame) == 0 for frame in ds.invalid.values())
    assert len(ds["events"]) == len(folder.rows("events"))
    assert len(ds["positions"]) == len(folder.rows("positions"))


@pytest.mark.parametrize(
    ("table", "key", "record", "field", "value", "words"),
    [
        ("events", "event_id", "bsg-2022-07-deal", "type", "sanctions_imposed", "must be one of"),
        ("events", "event_id", "bsg-2022-07-deal", "status", "happened", "must be one of"),
        ("events", "event_id", "bsg-2022-07-deal", "level", "heads", "must be one of"),
        ("events", "event_id", "bsg-2022-07-deal", "title", "", "required but empty"),
        ("events", "event_id", "bsg-2022-07-deal", "start_date", "21/07/2022", "not a date"),
        ("events", "event_id", "bsg-2022-07-deal", "start_date", "2022-02-30", "no such day"),
        ("events", "event_id", "bsg-2022-07-deal", "start_date", "2022-07", "less precise"),
        ("events", "event_id", "bsg-2022-07-deal", "end_date", "2022-07-01", "before start_date"),
        ("events", "event_id", "bsg-2022-07-deal", "announced_date", "July 20", "not a date"),
        ("events", "event_id", "bsg-2022-07-deal", "process_id", "korea", "names no record in processes.csv"),
        ("events", "event_id", "bsg-2022-07-deal", "actors", "russia:party; atlantis:mediator", "names no record"),
        ("events", "event_id", "bsg-2022-07-deal", "actors", "russia:party; turkiye:referee", "unknown role"),
        ("events", "event_id", "bsg-2022-07-deal", "actors", "russia; turkiye:mediator", "needs a role"),
        ("positions", "position_id", "pos-ukraine-territory-2025-05", "stance", "furious", "must be one of"),
        ("positions", "position_id", "pos-ukraine-territory-2025-05", "red_line", "maybe", "must be one of"),
        ("positions", "position_id", "pos-ukraine-territory-2025-05", "actor_id", "kyiv", "names no record in actors.csv"),
        ("positions", "position_id", "pos-ukraine-territory-2025-05", "issue_id", "water", "names no record in issues.csv"),
        ("positions", "position_id", "pos-ukraine-territory-2025-05", "date_precision", "decade", "must be one of"),
        ("actors", "actor_id", "kenyatta", "kind", "celebrity", "must be one of"),
        ("actors", "actor_id", "kenyatta", "affiliation", "kenya", "names no record in actors.csv"),
        ("citations", "citation_id", "cit-001", "source_id", "src-999", "names no record in sources.csv"),
        ("citations", "citation_id", "cit-001", "quote", "Ukraine ceded Crimea for ever.", "does not appear"),
        ("citations", "citation_id", "cit-001", "record_type", "rumour", "must be one of"),
        ("sources", "source_id", "src-005", "published", "2022-13-01", "no such day"),
        ("sources", "source_id", "src-005", "seed_file", "missing.txt", "no such file"),
    ],
)
def test_bad_value_is_reported_with_file_line_field_and_value(folder, table, key, record, field, value, words):
    line = folder.set(table, key, record, **{field: value})
    ds = load(folder)
    problem = only_problem(ds, f"{table}.csv", field)
    assert problem.line == line
    assert words in problem.message
    if value:
        assert value in problem.value or problem.value in value
    assert record in set(ds.invalid[table][key])
    assert record not in set(ds[table][key])
    # every other record of the table still loads
    assert len(ds[table]) == len(folder.rows(table)) - 1


def test_bad_source_makes_its_citations_unverifiable_but_keeps_other_records(folder):
    folder.set("sources", "source_id", "src-007", seed_file="gone.txt")
    ds = load(folder)
    cit_problems = [p for p in ds.problems if p.file == "citations.csv" and p.field == "source_id"]
    assert cit_problems and all("cannot be checked" in p.message for p in cit_problems)
    # the Ethiopia event cites only src-007, so it has no valid citation left and is held back, with a reason
    assert "eth-2022-11-pretoria-cessation" in set(ds.invalid["events"]["event_id"])
    uncited = only_problem(ds, "events.csv", "citations")
    assert uncited.record_id == "eth-2022-11-pretoria-cessation"
    assert "ru-ua-2025-05-istanbul-round" in set(ds["events"]["event_id"])


def test_duplicate_id_names_the_first_line(folder):
    rows = folder.rows("issues")
    rows.append(dict(rows[0], label="Copy"))
    folder.write("issues", rows)
    ds = load(folder)
    problem = only_problem(ds, "issues.csv", "issue_id")
    assert problem.line == len(rows) + 1
    assert "first used on line 2" in problem.message
    assert list(ds["issues"]["issue_id"]).count(rows[0]["issue_id"]) == 1


def test_quote_check_ignores_whitespace_and_typographic_quotes(folder):
    # src-000 writes Türkiye’s with a typographic apostrophe; a straight one and extra spaces still match
    folder.set("citations", "citation_id", "cit-001",
               record_type="event", record_id="ru-ua-2022-istanbul-talks", source_id="src-000",
               quote="as it did in hosting   the initial 2022\ntalks that led to the now-defunct Black Sea grain deal")
    rows = folder.rows("citations")
    rows[1]["quote"] = "revive Türkiye's role as a mediator"
    rows[1]["source_id"] = "src-000"
    folder.write("citations", rows)
    ds = load(folder)
    assert ds.errors == [], [str(p) for p in ds.errors]
    cited = ds["citations"].set_index("citation_id")
    text = ds.articles["src-000"].text
    start, end = cited.loc["cit-002", ["quote_start", "quote_end"]]
    assert text[start:end] == "revive Türkiye’s role as a mediator"


def test_ragged_row_is_reported_and_held_back(folder):
    path = folder.data / "issues.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = load(folder)
    problem = [p for p in ds.problems if p.file == "issues.csv"]
    assert {p.line for p in problem} == {3}
    assert "this row has 5 fields but the header has 4" in problem[0].message
    # the surplus is kept, as written, in the last column, where it is reported too: nothing silently dropped
    assert [(p.field, p.value) for p in problem[1:]] == [("recorded", lines[2].split(",")[-2] + ",surplus")]
    assert len(ds["issues"]) == len(lines) - 2


def test_file_that_is_not_utf8_is_reported_and_still_read(folder):
    path = folder.data / "processes.csv"
    raw = path.read_bytes().replace("Russia–Ukraine peace talks".encode(), "Russia–Ukraine peace talks".encode("cp1252"))
    path.write_bytes(raw)
    ds = load(folder)
    problem = [p for p in ds.problems if p.file == "processes.csv"]
    assert len(problem) == 1 and "not UTF-8" in problem[0].message and problem[0].line == 2
    assert len(ds["processes"]) + len(ds.invalid["processes"]) == 4


def test_missing_required_column_holds_back_every_row_with_one_problem(folder):
    rows = folder.rows("positions")
    for r in rows:
        del r["stance"]
    folder.write("positions", rows)
    ds = load(folder)
    problem = only_problem(ds, "positions.csv", "stance")
    assert problem.line == 1 and "missing from the header" in problem.message
    assert ds["positions"].empty and len(ds.invalid["positions"]) == len(rows)
    assert len(ds["events"]) == len(folder.rows("events"))


def test_unknown_and_missing_optional_columns_are_warnings(folder):
    rows = folder.rows("actors")
    for r in rows:
        r["twitter"] = "@x"
        del r["country_code"]
    folder.write("actors", rows)
    ds = load(folder)
    assert only_problem(ds, "actors.csv", "twitter", WARNING).line == 1
    assert only_problem(ds, "actors.csv", "country_code", WARNING)
    assert len(ds["actors"]) == len(rows)


def test_missing_and_empty_tables_are_reported(folder):
    (folder.data / "issues.csv").unlink()
    (folder.data / "processes.csv").write_text("", encoding="utf-8")
    ds = load(folder)
    assert any(p.file == "issues.csv" and "missing" in p.message for p in ds.problems)
    assert any(p.file == "processes.csv" and "empty" in p.message for p in ds.problems)
    # positions and events now point at nothing: held back with reasons, never dropped silently
    assert len(ds["positions"]) == 0
    assert len(ds.invalid["positions"]) == len(folder.rows("positions"))


def test_uncurated_article_in_seeds_is_a_warning(folder):
    (folder.seeds / "999_new.txt").write_text("Fresh article.", encoding="utf-8")
    ds = load(folder)
    assert only_problem(ds, "seeds/999_new.txt", "", WARNING)


def test_environment_variables_choose_the_folders(folder, monkeypatch):
    folder.set("processes", "process_id", "israel-hamas", name="Renamed for this test")
    monkeypatch.setenv("PARLEY_DATA_DIR", str(folder.data))
    monkeypatch.setenv("PARLEY_SEEDS_DIR", str(folder.seeds))
    ds = load_dataset()
    assert "Renamed for this test" in set(ds["processes"]["name"])


def test_derived_event_columns(folder):
    ds = load(folder)
    events = readable_events(ds, ds["events"]).set_index("event_id")
    istanbul = events.loc["ru-ua-2025-05-istanbul-round"]
    assert istanbul["slip_days"] == 1
    assert istanbul["parties"] == "Russia, Ukraine"
    assert istanbul["third_parties"] == "Türkiye (mediator, host, facilitator)"
    talks_2022 = events.loc["ru-ua-2022-istanbul-talks"]
    assert str(talks_2022["window_start"].date()) == "2022-03-01"
    assert str(talks_2022["window_end"].date()) == "2022-03-31"


def test_repeated_header_column_is_reported(folder):
    path = folder.data / "issues.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line + ",extra" for line in lines]
    lines[0] = lines[0].rsplit(",", 1)[0] + ",label"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = load(folder)
    problem = only_problem(ds, "issues.csv", "label", WARNING)
    assert "more than once" in problem.message and problem.line == 1
    assert len(ds["issues"]) == len(lines) - 1


def test_actors_of_a_rejected_duplicate_event_are_not_credited_to_the_kept_one(folder):
    rows = folder.rows("events")
    first = rows[0]
    rows.append(dict(first, actors="israel:party; igad:mediator", title="A second record with the same id"))
    folder.write("events", rows)
    ds = load(folder)
    assert only_problem(ds, "events.csv", "event_id").line == len(rows) + 1
    kept = readable_events(ds, ds["events"]).set_index("event_id").loc[first["event_id"]]
    assert kept["parties"] == "Russia, Ukraine"
    assert kept["mediators"] == "" and kept["third_parties"] == "Türkiye (host)"
    credited = ds.event_actors.loc[ds.event_actors["event_id"].eq(first["event_id"]), "actor_id"]
    assert sorted(credited) == ["russia", "turkiye", "ukraine"]


WELL_FORMED = 'id,text,note\na,"quoted, with comma",x\nb,  padded  ,\n,,\nc,"say ""no""",z\n'


@pytest.mark.parametrize("text, fast", [
    (WELL_FORMED, True),
    ("\ufeff" + WELL_FORMED.replace("\n", "\r\n"), True),                  # BOM and CRLF
    (WELL_FORMED + "\n\n", True),                                             # trailing blank lines
    (WELL_FORMED.replace('"say ""no"""', '"two\nlines"'), False),            # a field spanning lines
    (WELL_FORMED.replace("b,  padded  ,", "b,  padded  "), False),           # a short row
    (WELL_FORMED.replace("c,", "c,extra,"), False),                          # a long row
])
def test_fast_and_careful_csv_readers_agree(text, fast):
    """The pyarrow path is only a shortcut: on any file it takes, it must read what the csv module reads."""
    from dashboard.dataset import loader
    from dashboard.dataset.schema import Field, Table

    table = Table("t", "a test table", "id", tuple(Field(name, "string", name) for name in ("id", "text", "note")))
    raw = text.encode("utf-8")
    careful_problems, fast_problems = [], []
    careful = loader._read_line_by_line(raw, table, careful_problems)
    took = loader._read_well_formed(raw)
    assert (took is not None) == fast
    read = loader.read_table(table, raw, fast_problems)
    assert read.drop(columns=loader.LINE).astype(object).values.tolist() == careful.drop(columns=loader.LINE).values.tolist()
    assert read[loader.LINE].tolist() == careful[loader.LINE].tolist()
    assert [p.line for p in fast_problems] == [line for _, line in sorted(
        (pos, int(careful[loader.LINE].iloc[pos])) for pos, _ in careful.attrs["ragged"])]


def test_a_data_folder_from_before_propositions_and_recorded_days_still_loads(folder):
    """Existing records keep loading: no propositions.csv, no proposition_id or recorded columns."""
    (folder.data / "propositions.csv").unlink()
    for name in ("events", "positions", "citations"):
        rows = folder.rows(name)
        for row in rows:
            row.pop("recorded")
            row.pop("proposition_id", None)
        folder.write(name, rows)
    ds = load(folder)
    assert ds.errors == [], [str(p) for p in ds.errors]
    assert len(ds["positions"]) == len(folder.rows("positions")) and len(ds["events"]) == len(folder.rows("events"))
    assert only_problem(ds, "propositions.csv", "", WARNING)
    assert only_problem(ds, "positions.csv", "proposition_id", WARNING).line == 1
    assert ds["positions"]["proposition_id"].eq("").all()


def test_a_proposition_from_another_issue_or_process_holds_the_position_back(folder):
    rows = folder.rows("positions")
    territory = next(r for r in rows if r["proposition_id"] == "ru-ua-claimed-territory-recognised")
    territory["issue_id"] = "ceasefire"
    other = next(r for r in rows if r["process_id"] == "black-sea-grain")
    other["proposition_id"] = "ru-ua-immediate-ceasefire"
    unknown = next(r for r in rows if r["process_id"] == "ethiopia-tigray")
    unknown["proposition_id"] = "no-such-proposition"
    folder.write("positions", rows)
    ds = load(folder)
    issue = [p for p in ds.errors if p.record_id == territory["position_id"]]
    assert [(p.field, p.message) for p in issue] == [
        ("proposition_id", "the proposition belongs to issue_id 'territory', this position to 'ceasefire'")]
    process = [p for p in ds.errors if p.record_id == other["position_id"]]
    assert {(p.field, p.value) for p in process} == {("proposition_id", "ru-ua-immediate-ceasefire")}
    assert any("process_id 'russia-ukraine', this position to 'black-sea-grain'" in p.message for p in process)
    missing = [p for p in ds.errors if p.record_id == unknown["position_id"]]
    assert [(p.field, p.message) for p in missing] == [("proposition_id", "'proposition_id' names no record in propositions.csv")]
    held_back = set(ds.invalid["positions"]["position_id"])
    assert {territory["position_id"], other["position_id"], unknown["position_id"]} <= held_back


def test_recorded_must_be_a_whole_day(folder):
    folder.set("events", "event_id", "ih-2025-01-ceasefire-deal", recorded="2025-01")
    folder.set("sources", "source_id", "src-001", recorded="yesterday")
    ds = load(folder)
    assert only_problem(ds, "events.csv", "recorded", WARNING).value == "2025-01"
    bad = only_problem(ds, "sources.csv", "recorded")
    assert bad.value == "yesterday" and "not a date" in bad.message
