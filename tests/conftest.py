"""Shared fixtures: a private copy of the bundled data that a test may break, and AppTest runs on it."""

from __future__ import annotations

import csv
import shutil
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard" / "app.py")


class DataFolder:
    """A copy of data/ and seeds/ in a temporary folder, with helpers to damage it."""

    def __init__(self, root: Path):
        self.data = root / "data"
        self.seeds = root / "seeds"
        shutil.copytree(REPO / "data", self.data)
        shutil.copytree(REPO / "seeds", self.seeds)

    def rows(self, table: str) -> list[dict]:
        with open(self.data / f"{table}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    def write(self, table: str, rows: list[dict], fieldnames: list[str] | None = None) -> None:
        fieldnames = fieldnames or list(rows[0])
        with open(self.data / f"{table}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=fieldnames, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set(self, table: str, key: str, record_id: str, /, **changes) -> int:
        """Change fields of one record; returns the line it is on (header = line 1)."""
        rows = self.rows(table)
        for i, row in enumerate(rows):
            if row[key] == record_id:
                row.update(changes)
                self.write(table, rows)
                return i + 2
        raise KeyError(record_id)


@pytest.fixture
def folder(tmp_path) -> DataFolder:
    return DataFolder(tmp_path)


@pytest.fixture
def app(monkeypatch):
    """Build an AppTest of the whole app, on the bundled data or on a given folder."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def make(folder: DataFolder | None = None, query: dict | None = None, page: str | None = None,
             database: str | None = None) -> AppTest:
        st.cache_data.clear()
        st.cache_resource.clear()
        if database is None:
            monkeypatch.delenv("PARLEY_DATABASE_URL", raising=False)
        else:
            monkeypatch.setenv("PARLEY_DATABASE_URL", database)
        if folder is not None:
            monkeypatch.setenv("PARLEY_DATA_DIR", str(folder.data))
            monkeypatch.setenv("PARLEY_SEEDS_DIR", str(folder.seeds))
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(query or {})
        if page:  # the first run opens that view (Streamlit finds it by its file name, which is its address)
            at.switch_page(page)
        at.run()
        if page:  # now that the navigation is known: a view it does not offer raises ValueError, as for a viewer
            at.switch_page(page)
        return at

    yield make
    st.cache_data.clear()
    st.cache_resource.clear()


def pytest_collection_modifyitems(items):
    """Tests under tests/browser/ drive Chromium: `-m "not browser"` leaves them out for a quick run."""
    browser_dir = Path(__file__).parent / "browser"
    for item in items:
        if browser_dir in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def postgres():
    """One throw-away PostgreSQL server for the whole run (tests/postgres_support.py), stopped at the end."""
    from postgres_support import PostgresServer

    server = PostgresServer()
    yield server
    server.destroy()


def _create_database(postgres, name: str, template: str | None = None) -> str:
    import sqlalchemy as sa

    admin = sa.create_engine(postgres.url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    admin.dispose()
    return postgres.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def migrated_template(postgres) -> str:
    """The name of a database migrated to the newest schema once per run: each test's database is a copy of it
    (PostgreSQL copies a template's files), not a fresh run of every migration. The template itself is migrated
    from empty; tests/db/test_database_store.py downgrades and upgrades again."""
    from dashboard.db.store import DatabaseStore

    store = DatabaseStore.from_url(_create_database(postgres, "parley_template"))
    store.init()
    store.engine.dispose()  # a template cannot be copied while anyone is connected to it
    return "parley_template"


@pytest.fixture
def database(postgres, migrated_template) -> str:
    """The URL of a new, empty database with Parley's schema, on the throw-away server."""
    return _create_database(postgres, "t_" + uuid.uuid4().hex[:12], template=migrated_template)
