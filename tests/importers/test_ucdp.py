"""UCDP Peace Agreement Dataset import: SYNTHETIC rows in its layout, as CSV and as the Excel workbook UCDP
publishes, into a copy of the bundled data; and an import into a team's database."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from agreement_files import UCDP_HEADER, pax_file, pax_row, ucdp_file, ucdp_row

from dashboard.curation.file_store import FileStore
from dashboard.dataset.loader import load_dataset
from dashboard.importers.pax import PAX
from dashboard.importers.reading import FileError
from dashboard.importers.run import configured_store, run_import
from dashboard.importers.ucdp import UCDP


def test_ucdp_agreements_become_cited_events_under_their_conflict(folder, tmp_path):
    path = ucdp_file(tmp_path / "ucdp.csv", [
        ucdp_row(501), ucdp_row(502, conflict_id="7002, 7003", pa_date="", location=""),
        ucdp_row(503, pa_3rd="United Nations (guarantor)"),
    ])
    report = run_import(UCDP, path, "22.1", FileStore(folder.data, folder.seeds))
    assert report.new == ["ucdp-501", "ucdp-503"]
    assert [(b.line, b.field) for b in report.bad] == [(3, "pa_date")]
    ds = load_dataset(folder.data, folder.seeds)
    assert ds.errors == [], [str(p) for p in ds.errors]
    event = ds["events"].set_index("event_id").loc["ucdp-501"]
    assert (event["title"], event["start_date"], event["process_id"]) == (
        "SYNTHETIC UCDP accord 501", "2019-06-07", "ucdp-conflict-7001")
    assert event["actors"] == "russia:party"
    assert "Norway" in event["summary"] and "SYNTHETIC Movement" in event["summary"]
    assert ds["events"].set_index("event_id").loc["ucdp-503", "actors"] == "russia:party; united-nations:guarantor"
    assert ds["processes"].set_index("process_id").loc["ucdp-conflict-7001", "name"] == "Russia: UCDP conflict 7001"
    citation = ds["citations"].set_index("citation_id").loc["cit-ucdp-501"]
    assert citation["from_dataset"] == "from UCDP Peace Agreement Dataset v22.1, agreement 501"
    source = ds["sources"].set_index("source_id").loc["ucdp-v22-1"]
    assert source["licence"].startswith("CC BY 4.0") and source["kind"] == "dataset"


def test_the_excel_workbook_ucdp_publishes_is_read_like_its_csv(folder, tmp_path):
    rows = [ucdp_row(601), ucdp_row(602, pa_date="2020-02-29")]
    frame = pd.DataFrame(rows, columns=UCDP_HEADER)
    frame["pa_date"] = pd.to_datetime(frame["pa_date"])  # a workbook holds real dates
    frame["paid"] = frame["paid"].astype(int)
    path = tmp_path / "ucdp-peace-agreements-221.xlsx"
    frame.to_excel(path, index=False)
    report = run_import(UCDP, path, "22.1", FileStore(folder.data, folder.seeds))
    assert report.new == ["ucdp-601", "ucdp-602"] and report.bad == []
    events = load_dataset(folder.data, folder.seeds)["events"].set_index("event_id")
    assert events.loc["ucdp-602", "start_date"] == "2020-02-29"


def test_a_file_without_ucdp_columns_is_refused(folder, tmp_path):
    with pytest.raises(FileError, match="lacks the column"):
        run_import(UCDP, pax_file(tmp_path / "pax.csv", [pax_row(1)]), "22.1", FileStore(folder.data, folder.seeds))


def test_an_import_into_a_teams_database_is_one_save_of_the_importer(database, tmp_path, monkeypatch):
    from dashboard.db.store import DatabaseStore

    repo = Path(__file__).resolve().parents[2]  # not `from conftest import`: under xdist another conftest may answer

    DatabaseStore.from_url(database).import_package(repo / "data", repo / "seeds")
    monkeypatch.setenv("PARLEY_DATABASE_URL", database)
    store = configured_store()
    assert store.kind == "database"
    report = run_import(PAX, pax_file(tmp_path / "pax.csv", [pax_row(1), pax_row(2, Dat="")]), "10", store)
    assert report.saved and report.new == ["pax-1"]
    history = store.history()
    assert history.iloc[0]["editor"] == "import" and "1 events" in history.iloc[0]["what"]
    data, _ = store.load()
    assert data.errors == [] and "pax-1" in set(data["events"]["event_id"])
    again = run_import(PAX, pax_file(tmp_path / "pax.csv", [pax_row(1)]), "10", store)
    assert again.nothing_to_save and len(store.history()) == len(history)
    store.engine.dispose()
