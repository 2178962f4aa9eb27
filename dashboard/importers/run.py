"""One import, as one save through the configured store: the data folder, or a team's database."""

from __future__ import annotations

import os
from pathlib import Path

from dashboard.curation.file_store import FileStore
from dashboard.curation.store import SaveError, Store
from dashboard.dataset import location
from dashboard.dataset.loader import Dataset
from dashboard.importers.layout import Layout
from dashboard.importers.plan import plan_import
from dashboard.importers.reading import read_file
from dashboard.importers.report import ImportReport


def configured_store(data_dir: Path | None = None, seeds_dir: Path | None = None, database_url: str = "") -> Store:
    """The store the app would use: PARLEY_DATABASE_URL's database, else the data folder (PARLEY_DATA_DIR and
    PARLEY_SEEDS_DIR, else the repository's)."""
    url = database_url or os.environ.get("PARLEY_DATABASE_URL", "").strip()
    if url:
        from dashboard.db.store import DatabaseStore  # only with a database: files need no SQLAlchemy

        return DatabaseStore.from_url(url)
    return FileStore(data_dir or location.data_dir(), seeds_dir or location.seeds_dir())


def run_import(layout: Layout, path: Path, version: str, store: Store, mapping: dict[str, str] | None = None,
               dry_run: bool = False) -> ImportReport:
    """Read the file, plan the change against the data as it is under the store's lock, and save it (unless a
    dry run). A bad row is reported and the rest imported; a refused save writes nothing (SaveError)."""
    table = read_file(path, layout.required)
    report = ImportReport(layout.name, version, table.name)

    def build(data: Dataset):
        report.__init__(layout.name, version, table.name)  # the store may build it again after waiting
        change = plan_import(layout, version, table, data, mapping or {}, report)
        report.nothing_to_save = change.is_empty()
        return change

    if dry_run:
        build(store.load()[0])
        return report
    try:
        store.save(build, editor="import")
    except SaveError:
        if report.nothing_to_save:
            return report
        raise
    report.saved = True
    return report
