"""What only the database store does: its schema, moving a data package in and out, who saved what, reverts,
and surviving a lost connection or a stopped server."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.curation.change import Change
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import load_dataset
from dashboard.dataset.schema import LOAD_ORDER, TABLES
from dashboard.db import tables
from dashboard.db.store import DatabaseStore, DatabaseUnavailable

REPO = Path(__file__).resolve().parents[2]
PROVENANCE = ["save_id", "reverted_by"]


@pytest.fixture
def store(database):
    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    yield store
    store.engine.dispose()


def issue(issue_id: str) -> dict:
    return {"issue_id": issue_id, "label": issue_id.title(), "description": "a test issue"}


def test_the_migrated_schema_has_every_field_of_the_data_contract(database):
    """Every field of every table, whatever migration added it (later migrations add columns at the end)."""
    inspector = sa.inspect(sa.create_engine(DatabaseStore.from_url(database).engine.url))
    for name in LOAD_ORDER:
        columns = [c["name"] for c in inspector.get_columns(f"parley_{name}")]
        assert sorted(columns) == sorted(["row_no", *TABLES[name].columns, *PROVENANCE]), name
        assert len(columns) == len(set(columns)), name
        assert sorted(columns) == sorted(c.name for c in tables.records[name].columns), name
    assert [c["name"] for c in inspector.get_columns("parley_saves")] == [c.name for c in tables.saves.columns]


def test_import_then_export_gives_back_the_bundled_package_byte_for_byte(database, tmp_path):
    """Through the command line, as a team would move its data in and out."""
    env = {**os.environ, "PARLEY_DATABASE_URL": database}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "dashboard.db", *args], cwd=REPO, env=env, capture_output=True,
                              text=True)

    assert cli("init").returncode == 0
    imported = cli("import", str(REPO / "data"), str(REPO / "seeds"))
    assert imported.returncode == 0, imported.stderr
    assert "14 events" in imported.stdout and "9 articles" in imported.stdout
    again = cli("import", str(REPO / "data"), str(REPO / "seeds"))
    assert again.returncode == 1 and "already holds data" in again.stderr
    assert cli("export", str(tmp_path / "out")).returncode == 0
    for name in [*(TABLES[n].filename for n in LOAD_ORDER), "datapackage.json"]:
        assert filecmp.cmp(REPO / "data" / name, tmp_path / "out" / "data" / name, shallow=False), name
    seeds = sorted(p.name for p in (REPO / "seeds").iterdir())
    assert sorted(p.name for p in (tmp_path / "out" / "seeds").iterdir()) == seeds
    assert all(filecmp.cmp(REPO / "seeds" / n, tmp_path / "out" / "seeds" / n, shallow=False) for n in seeds)
    assert load_dataset(tmp_path / "out" / "data", tmp_path / "out" / "seeds").problems == []


def test_history_says_who_saved_which_records_from_which_article_and_a_revert_is_recorded(store):
    store.save(Change(rows={"issues": [issue("water")]}), editor="ana@example.org")
    store.save(Change(rows={"issues": [issue("dams")]}), editor="ben@example.org")
    history = store.history()
    assert list(history["kind"]) == ["save", "save", "import"]
    assert list(history["editor"]) == ["ben@example.org", "ana@example.org", "import"]
    assert history.iloc[1]["records"] == {"issues": ["water"]} and history.iloc[1]["what"] == "1 issues"
    ana = int(history.iloc[1]["save_id"])

    revert = store.revert(ana, editor="ben@example.org")
    ids = set(store.load()[0]["issues"]["issue_id"])
    assert "water" not in ids and "dams" in ids
    history = store.history()
    assert history.iloc[0]["kind"] == "revert" and history.iloc[0]["reverts"] == ana
    assert int(history.iloc[0]["save_id"]) == revert and bool(history.set_index("save_id").loc[ana, "reverted"])
    with pytest.raises(SaveError, match="already reverted"):
        store.revert(ana, editor="ben@example.org")
    with pytest.raises(SaveError, match="only a curator's save"):
        store.revert(int(history.iloc[-1]["save_id"]), editor="ben@example.org")


def test_a_revert_that_would_break_later_records_is_refused(store):
    store.save(Change(rows={"issues": [issue("water")]}), editor="ana@example.org")
    first = int(store.history().iloc[0]["save_id"])
    position = {"position_id": "pos-water", "process_id": "russia-ukraine", "actor_id": "russia", "issue_id": "water",
                "date": "2025-05-16", "date_precision": "day", "stance": "demands", "red_line": "false",
                "paraphrase": "p"}
    data, _ = store.load()
    cited = data["citations"].iloc[0]
    citation = {"citation_id": "cit-water", "record_type": "position", "record_id": "pos-water",
                "source_id": cited["source_id"], "quote": cited["quote"]}
    store.save(Change(rows={"positions": [position], "citations": [citation]}), editor="ben@example.org")
    stamp = store.stamp()
    with pytest.raises(SaveError, match="later records depend") as refused:
        store.revert(first, editor="ana@example.org")
    assert any(p.field == "issue_id" for p in refused.value.problems)
    assert store.stamp() == stamp and "water" in set(store.load()[0]["issues"]["issue_id"])


def test_a_connection_killed_mid_save_loses_nothing_and_writes_nothing(store, postgres):
    """The server ends the saving backend while it holds the lock: the save fails, the database is as it was."""
    before_package, before_stamp = store.package(), store.stamp()
    admin = sa.create_engine(postgres.url, isolation_level="AUTOCOMMIT")

    def change_then_kill(current):
        with admin.connect() as conn:
            killed = conn.execute(sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": store.engine.url.database}).scalar()
        assert killed >= 1
        return Change(rows={"issues": [issue("lost")]})

    with pytest.raises(SaveError, match="connection to the database .* was lost"):
        store.save(change_then_kill, editor="ana@example.org")
    admin.dispose()
    assert store.stamp() == before_stamp and store.package() == before_package
    assert store.save(Change(rows={"issues": [issue("lost")]}), editor="ana@example.org") == {"issues": 1}


def test_a_stopped_server_gives_a_clear_message_without_the_password_and_the_store_recovers(postgres, database):
    url = sa.engine.make_url(database).set(password="s3cret-pass")
    store = DatabaseStore.from_url(url.render_as_string(hide_password=False))
    store.import_package(REPO / "data", REPO / "seeds")
    assert store.load()[0]["events"].shape[0] == 14
    postgres.stop()
    try:
        with pytest.raises(DatabaseUnavailable) as down:
            store.fingerprint()
        message = str(down.value)
        assert f"127.0.0.1:{postgres.port}/{url.database}" in message
        assert "s3cret" not in message and "postgres@" not in message
        with pytest.raises(DatabaseUnavailable):
            store.load()
    finally:
        postgres.start()
    assert store.load()[0]["events"].shape[0] == 14  # the same engine reconnects by itself
    store.engine.dispose()


def test_with_two_roles_reads_go_through_the_one_that_cannot_write(store, app, monkeypatch):
    """A deployment's viewers read as a role granted SELECT only; saves go through the editors' role."""
    with store.engine.begin() as conn:
        conn.execute(sa.text("CREATE ROLE parley_reader_test LOGIN"))
        conn.execute(sa.text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO parley_reader_test"))
    reader_url = store.engine.url.set(username="parley_reader_test")
    reader = sa.create_engine(reader_url)
    read_only = DatabaseStore(reader)
    assert read_only.load()[0]["events"].shape[0] == 14
    with pytest.raises(SaveError, match="may only read"):
        read_only.save(Change(rows={"issues": [issue("water")]}))
    both = DatabaseStore(reader, store.engine)
    assert both.save(Change(rows={"issues": [issue("water")]}), editor="ana@example.org") == {"issues": 1}
    assert "water" in set(both.load()[0]["issues"]["issue_id"])
    reader.dispose()  # from here on, a reader connection can only be the app's

    monkeypatch.setenv("PARLEY_DATABASE_READER_URL", reader_url.render_as_string(hide_password=False))
    at = app(database=store.engine.url.render_as_string(hide_password=False))
    assert not at.exception and at.title[0].value == "Overview"
    with store.engine.connect() as conn:  # the app's pool holds its reading connection, as the reader role
        active = set(conn.execute(sa.text("SELECT usename FROM pg_stat_activity WHERE datname = current_database()"
                                          " AND application_name = ''")).scalars())
    assert "parley_reader_test" in active


def test_a_bad_record_in_the_database_is_reported_like_a_bad_line_in_a_file(store):
    """The loader's rules apply to database content: a bad row is held back and named by file, line and field."""
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE parley_events SET start_date = '2022-07-41' WHERE event_id = :e"),
                     {"e": "ru-ua-2025-03-jeddah-meeting"})
        line = conn.execute(sa.text(
            "SELECT count(*) + 1 FROM parley_events WHERE row_no <= (SELECT row_no FROM parley_events "
            "WHERE event_id = :e)"), {"e": "ru-ua-2025-03-jeddah-meeting"}).scalar()
    data, _ = store.load()
    problem = next(p for p in data.problems if p.field == "start_date")
    assert (problem.file, problem.line, problem.value) == ("events.csv", line, "2022-07-41")
    assert "ru-ua-2025-03-jeddah-meeting" not in set(data["events"]["event_id"])
    assert "ru-ua-2025-03-jeddah-meeting" in set(data.invalid["events"]["event_id"])


def test_a_database_made_before_propositions_upgrades_and_keeps_its_records(database):
    """Migration 0002 on a database at 0001 with a record in it: the record loads, with an empty recorded day."""
    from alembic import command
    from alembic.config import Config

    from dashboard.db.store import MIGRATIONS

    store = DatabaseStore.from_url(database)
    with store.engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
        conn.commit()
        assert "parley_propositions" not in sa.inspect(conn).get_table_names()
        save = conn.execute(sa.text("INSERT INTO parley_saves (kind, editor, records) VALUES ('import', 'local', '{}') "
                                    "RETURNING save_id")).scalar()
        conn.execute(sa.text("INSERT INTO parley_issues (issue_id, label, description, save_id) "
                             "VALUES ('old-issue', 'Old issue', 'Recorded before 0002.', :save)"), {"save": save})
        conn.commit()
    store.init()
    data, _ = store.load()
    issues = data["issues"].set_index("issue_id")
    assert issues.loc["old-issue", "label"] == "Old issue" and issues.loc["old-issue", "recorded"] == ""
    assert data["propositions"].empty
    store.save(Change(rows={"issues": [issue("new-issue")]}))
    data, _ = store.load()
    assert data["issues"].set_index("issue_id").loc["new-issue", "recorded"] != ""
    store.engine.dispose()


def test_a_database_made_before_datasets_upgrades_and_keeps_its_records(database):
    """Migration 0004 on a database at 0003 with a record in it: the article source loads as an article, and a
    dataset source, its row and a citation by locator can then be saved."""
    from alembic import command
    from alembic.config import Config

    from dashboard.db.store import MIGRATIONS

    store = DatabaseStore.from_url(database)
    with store.engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        conn.commit()
        assert "parley_dataset_rows" not in sa.inspect(conn).get_table_names()
        assert "kind" not in [c["name"] for c in sa.inspect(conn).get_columns("parley_sources")]
        save = conn.execute(sa.text("INSERT INTO parley_saves (kind, editor, records) VALUES ('import', 'local', '{}') "
                                    "RETURNING save_id")).scalar()
        conn.execute(sa.text("INSERT INTO parley_issues (issue_id, label, description, save_id) "
                             "VALUES ('old-issue', 'Old issue', 'Recorded before 0004.', :save)"), {"save": save})
        conn.commit()
    store.init()
    with store.engine.connect() as conn:
        assert [c["name"] for c in sa.inspect(conn).get_columns("parley_sources")][-1] == "kind"
    data, _ = store.load()
    assert data["issues"].set_index("issue_id").loc["old-issue", "label"] == "Old issue"
    assert data["dataset_rows"].empty and data.errors == []
    store.save(Change(rows={
        "sources": [{"source_id": "syn-v1", "title": "SYNTHETIC data, version 1", "language": "en",
                     "kind": "dataset"}],
        "dataset_rows": [{"dataset_row_id": "syn-v1-agtid-1", "source_id": "syn-v1", "row_id": "AgtId 1",
                          "record_type": "event", "record_id": "syn-1"}],
        "processes": [{"process_id": "syn", "name": "SYNTHETIC process", "conflict": "SYNTHETIC"}],
        "events": [{"event_id": "syn-1", "process_id": "syn", "title": "SYNTHETIC accord", "type": "agreement_signed",
                    "status": "held", "start_date": "2020-01-02", "date_precision": "day", "summary": "SYNTHETIC."}],
        "citations": [{"citation_id": "cit-syn-1", "record_type": "event", "record_id": "syn-1",
                       "source_id": "syn-v1", "locator": "AgtId 1"}],
    }))
    data, _ = store.load()
    assert data["citations"].set_index("citation_id").loc["cit-syn-1", "from_dataset"] == (
        "from SYNTHETIC data v1, agreement 1")
    store.engine.dispose()


def test_a_status_change_replaces_the_row_and_a_revert_brings_the_old_one_back(database):
    from dashboard.curation.status import status_change

    quote = "if negotiations take longer than 6 weeks, the cease-fire will continue"
    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    before = store.package().tables["events.csv"]
    added = store.save(lambda d: status_change(d, "ih-2025-phase-two-talks", "postponed", "src-008", quote),
                       editor="ana@example.org")
    assert added == {"citations": 1, "events changed": 1}
    data, _ = store.load()
    event = data["events"].set_index("event_id").loc["ih-2025-phase-two-talks"]
    assert (event["status"], event["previous_status"]) == ("postponed", "announced") and data.errors == []
    history = store.history()
    save_id = int(history.iloc[0]["save_id"])
    assert "ih-2025-phase-two-talks" in str(history.iloc[0]["records"])
    with store.engine.connect() as conn:  # both rows kept: the old one withdrawn by the save
        rows = conn.execute(sa.text("SELECT status, reverted_by FROM parley_events WHERE event_id = "
                                    "'ih-2025-phase-two-talks' ORDER BY row_no")).all()
    assert rows == [("announced", save_id), ("postponed", None)]
    store.revert(save_id, editor="ben@example.org")
    data, _ = store.load()
    assert data["events"].set_index("event_id").loc["ih-2025-phase-two-talks", "status"] == "announced"
    assert len(data["citations"]) == len(load_dataset()["citations"])  # the change's citation is withdrawn too
    assert sorted(store.package().tables["events.csv"].splitlines()) == sorted(before.splitlines())
    store.engine.dispose()
