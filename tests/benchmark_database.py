"""The PostgreSQL store beside the data folder, at 1,000 and 100,000 SYNTHETIC events: load, rerun, views, save.

Run from the repository root:  python tests/benchmark_database.py [--sizes 1000 100000]

For each size it writes a SYNTHETIC dataset with `dashboard.dataset.synthetic` into a temporary folder (never
into data/), starts a throw-away PostgreSQL server (tests/postgres_support.py), imports the dataset into a new
database, and measures in one run, as ratios of the database to the files:
- load: building the Dataset from the store, validation included (what a change of the data costs, once for
  all sessions);
- rerun check: the store's fingerprint, asked on every rerun of every session (a stat of the folders, or one
  indexed query);
- views: a full AppTest run of each view with the dataset cached (what a viewer waits for);
- save: one accepted record saved, validation of the whole result included.
Medians of three runs (one at 100,000 events for load and save). Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postgres_support import PostgresServer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dashboard.curation.change import Change  # noqa: E402
from dashboard.curation.file_store import FileStore  # noqa: E402
from dashboard.dataset.synthetic import write  # noqa: E402
from dashboard.db.store import DatabaseStore  # noqa: E402

VIEWS = {"overview": "views/overview.py", "timeline": "views/timeline.py", "positions": "views/positions.py",
         "sources": "views/sources.py", "data": "views/data.py", "curate": "views/curate.py"}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(fn, rounds: int) -> float:
    return statistics.median(timed(fn) for _ in range(rounds))


def view_times(root: Path, database: str | None) -> dict[str, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["PARLEY_DATA_DIR"], os.environ["PARLEY_SEEDS_DIR"] = str(root / "data"), str(root / "seeds")
    if database:
        os.environ["PARLEY_DATABASE_URL"] = database
    else:
        os.environ.pop("PARLEY_DATABASE_URL", None)
    st.cache_data.clear()
    st.cache_resource.clear()
    out = {}
    for name, page in VIEWS.items():
        at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=900)
        at.run()
        at.switch_page(page)
        at.run()  # warm-up
        out[name] = median_of(at.run, 3)
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].message}")
    st.cache_resource.clear()
    return out


def measure(store, root: Path, database: str | None, rounds: int) -> dict:
    figures = {"load": median_of(store.load, rounds), "rerun check": median_of(store.fingerprint, 20)}
    for name, seconds in view_times(root, database).items():
        figures[f"view {name}"] = seconds
    counter = iter(range(1000))

    def save_one():
        n = next(counter)
        store.save(Change(rows={"issues": [{"issue_id": f"bench-{n}", "label": "Benchmark", "description": "x"}]}))

    figures["save"] = median_of(save_one, rounds)
    return figures


def bench(server: PostgresServer, size: int) -> None:
    import sqlalchemy as sa

    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        root = write(Path(tmp) / "synthetic", size)
        database = server.url.rsplit("/", 1)[0] + f"/bench_{size}"
        admin = sa.create_engine(server.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE bench_{size}"))
        admin.dispose()
        db = DatabaseStore.from_url(database)
        db.init()
        start = time.perf_counter()
        db.import_package(root / "data", root / "seeds", editor="benchmark")  # before the file saves below
        imported = time.perf_counter() - start
        rounds = 3 if size <= 10_000 else 1
        on_files = measure(FileStore(root / "data", root / "seeds"), root, None, rounds)
        on_database = measure(db, root, database, rounds)
        db.engine.dispose()
    print(f"\n== {size:,} SYNTHETIC events (imported into PostgreSQL in {imported:.1f} s) ==")
    print(f"{'':>16} {'files':>11} {'database':>11} {'database / files':>17}")
    for key in on_files:
        ratio = on_database[key] / on_files[key] if on_files[key] else float("nan")
        print(f"{key:>16} {on_files[key] * 1000:>9.1f}ms {on_database[key] * 1000:>9.1f}ms {ratio:>16.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    sizes = parser.parse_args().sizes
    server = PostgresServer()
    try:
        for size in sizes:
            bench(server, size)
    finally:
        server.destroy()
    print("\nratios are measured in this one run; absolute times depend on the machine")


if __name__ == "__main__":
    main()
