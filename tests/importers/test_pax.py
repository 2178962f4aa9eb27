"""PA-X import: SYNTHETIC rows in PA-X's column layout into a copy of the bundled data, through the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from agreement_files import PAX_HEADER, pax_file, pax_row, write_rows

from dashboard.curation.file_store import FileStore
from dashboard.dataset.loader import load_dataset
from dashboard.importers.pax import PAX
from dashboard.importers.reading import FileError
from dashboard.importers.run import run_import

REPO = Path(__file__).resolve().parents[2]  # not `from conftest import`: under xdist another conftest may answer


def store_of(folder):
    return FileStore(folder.data, folder.seeds)


def load(folder):
    return load_dataset(folder.data, folder.seeds)


def test_agreements_become_cited_events_with_the_actors_the_registry_and_gazetteer_know(folder, tmp_path):
    path = pax_file(tmp_path / "pax.csv", [
        pax_row(1234, ThrdPart="Türkiye (mediator)\nSYNTHETIC Elders Council\nWitnessed:\nKenya"),
        pax_row(1235, Dat="05/11/2019", Stage="Pre", Part="Yemeni government and the SYNTHETIC movement",
                ThrdPart="Qatar"),
    ])
    report = run_import(PAX, path, "10", store_of(folder))
    assert report.saved and report.new == ["pax-1234", "pax-1235"] and report.bad == []
    ds = load(folder)
    assert ds.errors == [], [str(p) for p in ds.errors]
    events = ds["events"].set_index("event_id")
    first = events.loc["pax-1234"]
    assert (first["type"], first["status"], first["start_date"], first["date_precision"]) == (
        "agreement_signed", "held", "2021-03-04", "day")
    assert first["title"] == "SYNTHETIC Agreement 1234"
    assert first["actors"] == "russia:party; turkiye:mediator; kenya:witness"
    assert "SYNTHETIC Liberation Front" in first["summary"] and "SYNTHETIC Elders Council" in first["summary"]
    assert "Cea (ceasefire)" in first["summary"] and "SYNTHETIC Land" in first["summary"]
    assert events.loc["pax-1235", "start_date"] == "2019-11-05"  # d/m/y, as PeaceRep's spreadsheets write it
    assert events.loc["pax-1235", "actors"] == "yemen:party"  # "Yemeni government"; the movement stays in words
    assert "Recognised among them, with no role stated: Qatar" in events.loc["pax-1235", "summary"]
    process = ds["processes"].set_index("process_id").loc["pax-pp-9001"]
    assert (process["name"], process["conflict"]) == ("SYNTHETIC peace process", "SYNTHETIC Land")
    source = ds["sources"].set_index("source_id").loc["pax-v10"]
    assert (source["kind"], source["seed_file"], source["title"]) == (
        "dataset", "", "PA-X: Peace Agreements Database, version 10")
    citation = ds["citations"].set_index("citation_id").loc["cit-pax-1234"]
    assert (citation["locator"], citation["quote"], citation["from_dataset"]) == (
        "AgtId 1234", "", "from PA-X v10, agreement 1234")
    row = ds["dataset_rows"].set_index("dataset_row_id").loc["pax-v10-agtid-1234"]
    assert (row["row_id"], row["name"], row["date"], row["record_id"]) == (
        "AgtId 1234", "SYNTHETIC Agreement 1234", "2021-03-04", "pax-1234")
    assert {"yemen", "kenya"} <= set(ds["actors"]["actor_id"])
    assert "qatar" not in set(ds["actors"]["actor_id"])  # named, but in no role: not linked, so not added
    assert ds["actors"].set_index("actor_id").loc["kenya", "country_code"] == "KEN"
    assert report.parties_linked == 2 and report.third_parties_linked == 2 and report.third_parties_without_role == 1
    assert report.unrecognised >= 2  # the Liberation Front and the Elders Council


def test_a_bad_row_is_reported_by_line_and_field_and_the_rest_imported(folder, tmp_path):
    rows = [pax_row(1, Dat=""), pax_row(2, Dat="31/02/2020"), pax_row(3), pax_row(3), pax_row(4, AgtId=""),
            pax_row(5, PP=""), pax_row(6, Dat="2020-13"), pax_row(7)]
    path = write_rows(tmp_path / "pax.csv", PAX_HEADER, rows)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("SYNTHETIC Land,only,three fields\n")
    report = run_import(PAX, path, "10", store_of(folder))
    bad = {(b.line, b.field) for b in report.bad}  # each row takes two lines: its third parties hold a line break
    assert bad == {(2, "Dat"), (4, "Dat"), (8, "AgtId"), (10, "AgtId"), (12, "PP"), (14, "Dat"), (18, "")}
    assert all(b.file == "pax.csv" and b.message for b in report.bad)
    assert report.new == ["pax-3", "pax-7"]
    assert {"pax-3", "pax-7"} <= set(load(folder)["events"]["event_id"])
    assert "pax.csv, line 8, field 'AgtId': this AgtId is used again; first on line 6 (value: '3')" in {
        str(b) for b in report.bad}


def test_a_newer_version_updates_the_same_records_and_keeps_what_each_import_took(folder, tmp_path):
    run_import(PAX, pax_file(tmp_path / "v9.csv", [pax_row(1234), pax_row(1240)]), "9", store_of(folder))
    before = load(folder)
    report = run_import(PAX, pax_file(tmp_path / "v10.csv", [pax_row(1234, Agt="SYNTHETIC Agreement, renamed"),
                                                               pax_row(1240), pax_row(1250)]),
                        "10", store_of(folder))
    assert report.new == ["pax-1250"] and sorted(report.updated) == ["pax-1234", "pax-1240"]
    ds = load(folder)
    assert ds.errors == []
    assert len(ds["events"]) == len(before["events"]) + 1  # nothing duplicated
    assert ds["events"].set_index("event_id").loc["pax-1234", "title"] == "SYNTHETIC Agreement, renamed"
    citations = ds["citations"].set_index("citation_id")
    assert citations.loc["cit-pax-1240", "source_id"] == "pax-v10"
    assert citations.loc["cit-pax-1240", "from_dataset"] == "from PA-X v10, agreement 1240"
    assert (ds["citations"]["record_id"] == "pax-1240").sum() == 1
    rows = ds["dataset_rows"]
    assert sorted(rows.loc[rows["row_id"] == "AgtId 1240", "source_id"]) == ["pax-v10", "pax-v9"]
    assert ds["processes"]["process_id"].eq("pax-pp-9001").sum() == 1


def test_the_same_file_again_has_nothing_to_save(folder, tmp_path):
    path = pax_file(tmp_path / "pax.csv", [pax_row(1)])
    run_import(PAX, path, "10", store_of(folder))
    files = {p.name: p.read_bytes() for p in folder.data.iterdir()}
    report = run_import(PAX, path, "10", store_of(folder))
    assert report.nothing_to_save and not report.saved and report.unchanged == 1
    assert {p.name: p.read_bytes() for p in folder.data.iterdir()} == files


def test_a_process_named_the_same_is_reused_and_one_can_be_mapped(folder, tmp_path):
    names = dict(zip(load(folder)["processes"]["process_id"], load(folder)["processes"]["name"]))
    path = pax_file(tmp_path / "pax.csv", [pax_row(1, PP="1", PPName=names["russia-ukraine"]),
                                           pax_row(2, PP="2", PPName="SYNTHETIC grain talks"),
                                           pax_row(3, PP="3", PPName="SYNTHETIC other")])
    report = run_import(PAX, path, "10", store_of(folder), mapping={"2": "black-sea-grain", "3": "atlantis"})
    events = load(folder)["events"].set_index("event_id")
    assert events.loc["pax-1", "process_id"] == "russia-ukraine"
    assert events.loc["pax-2", "process_id"] == "black-sea-grain"
    assert "pax-3" not in events.index
    assert [(b.line, b.field, b.value) for b in report.bad] == [(6, "PP", "3")]  # two lines a row
    assert "atlantis" in report.bad[0].message
    assert ("1", "russia-ukraine", "named the same") in report.processes_found


def test_a_curated_signing_on_the_same_day_is_linked_not_merged(folder, tmp_path):
    path = pax_file(tmp_path / "pax.csv", [pax_row(77, PP="5", Dat="2022-07-21"), pax_row(78, PP="5",
                                                                                          Dat="2022-07-22")])
    report = run_import(PAX, path, "10", store_of(folder), mapping={"5": "black-sea-grain"})
    assert report.links == [("pax-77", "bsg-2022-07-deal")]
    events = load(folder)["events"].set_index("event_id")
    assert events.loc["pax-77", "related_events"] == "bsg-2022-07-deal"
    assert events.loc["pax-78", "related_events"] == ""
    assert "bsg-2022-07-deal" in events.index  # both kept
    assert "linked to a curated signing" in report.text()


def test_a_folder_from_before_datasets_gains_the_columns_it_needs(folder, tmp_path):
    (folder.data / "dataset_rows.csv").unlink()
    for name, column in (("sources", "kind"), ("citations", "locator"), ("events", "related_events")):
        rows = folder.rows(name)
        for row in rows:
            row.pop(column)
        folder.write(name, rows)
    old_first_lines = (folder.data / "events.csv").read_text(encoding="utf-8").splitlines()[1]
    report = run_import(PAX, pax_file(tmp_path / "pax.csv", [pax_row(1)]), "10", store_of(folder))
    assert report.saved
    ds = load(folder)
    assert ds.errors == [] and "pax-1" in set(ds["events"]["event_id"])
    assert (folder.data / "events.csv").read_text(encoding="utf-8").splitlines()[1] == old_first_lines + ","


@pytest.mark.parametrize(("content", "words"), [
    (b"AgtId,Agt\n1,SYNTHETIC\n", "lacks the column(s) Dat, PP"),
    (b"Con,PP\n" + "SYNTHETIC Länd".encode("latin-1"), "not UTF-8"),
    (b"", "empty"),
])
def test_a_file_that_is_not_pax_is_refused_and_nothing_written(folder, tmp_path, content, words):
    path = tmp_path / "pax.csv"
    path.write_bytes(content)
    files = {p.name: p.read_bytes() for p in folder.data.iterdir()}
    with pytest.raises(FileError, match=words.replace("(", r"\(").replace(")", r"\)")):
        run_import(PAX, path, "10", store_of(folder))
    assert {p.name: p.read_bytes() for p in folder.data.iterdir()} == files


def test_the_command_line_imports_into_the_configured_folder(folder, tmp_path):
    path = pax_file(tmp_path / "pax.csv", [pax_row(1), pax_row(2, Dat="")])
    env = {"PARLEY_DATA_DIR": str(folder.data), "PARLEY_SEEDS_DIR": str(folder.seeds), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "dashboard.importers", "pax", str(path), "--version", "10"],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 agreement(s) new" in done.stdout and "pax.csv, line 4, field 'Dat': no date" in done.stdout
    assert "pax-1" in set(load(folder)["events"]["event_id"])
    missing = subprocess.run([sys.executable, "-m", "dashboard.importers", "pax", str(tmp_path / "none.csv"),
                              "--version", "10"], cwd=REPO, env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "no such file" in missing.stderr
