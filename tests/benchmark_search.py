"""Search at 1,000 and 100,000 SYNTHETIC events: building the full-text index, and answering queries.

Run from the repository root:  python tests/benchmark_search.py [--sizes 1000 100000] [--database]

Writes a SYNTHETIC dataset with `dashboard.dataset.synthetic` into a temporary folder (never into data/), loads
it, builds the FTS5 index once (as the app does per dataset version) and times a phrase, a boolean, a prefix
and a no-match query (medians of five), beside the time the loader takes. With `--database` it also starts a
throw-away PostgreSQL server (tests/postgres_support.py), imports the same data, writes the passages of the
database back end's index once and times the same queries there.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dashboard.analysis.search import SearchIndex  # noqa: E402
from dashboard.dataset.loader import load_dataset  # noqa: E402
from dashboard.dataset.synthetic import write  # noqa: E402

QUERIES = {"phrase": '"talks round"', "boolean": "delegations AND (postponed OR cancelled) NOT held",
           "prefix": "deleg*", "no match": "zanzibar"}


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_queries(index) -> None:
    for name, query in QUERIES.items():
        times = [seconds(lambda q=query, i=index: i.search(q, 50)) for _ in range(5)]
        hits = len(index.search(query, 50))
        print(f"{name:>9} {query!r:>36}: {statistics.median(times) * 1000:7.1f} ms, {hits} hit(s) shown")


def on_database(root: Path, load: float) -> None:
    """The same data and queries on PostgreSQL's full-text search, on a server started and removed here."""
    sys.path.insert(0, str(REPO / "tests"))
    from postgres_support import PostgresServer

    from dashboard.db.search import DatabaseSearch
    from dashboard.db.store import DatabaseStore

    server = PostgresServer()
    try:
        store = DatabaseStore.from_url(server.url)
        store.init()
        store.import_package(root / "data", root / "seeds")
        data, version = store.load()
        start = time.perf_counter()
        index = DatabaseSearch(store, data, version.digest)
        build = time.perf_counter() - start
        print(f"-- PostgreSQL: {index.size:,} passages written in {build * 1000:.0f} ms ({build / load:.2f}x the "
              "load from files), once per dataset version --")
        time_queries(index)
        store.engine.dispose()
    finally:
        server.destroy()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--database", action="store_true", help="also time PostgreSQL's full-text search")
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="parley-search-") as tmp:
            root = write(Path(tmp) / "synthetic", size)
            load = seconds(lambda root=root: load_dataset(root / "data", root / "seeds"))
            data = load_dataset(root / "data", root / "seeds")
            start = time.perf_counter()
            index = SearchIndex.build(data)
            build = time.perf_counter() - start
            print(f"\n== {size:,} SYNTHETIC events: {index.size:,} passages indexed in {build * 1000:.0f} ms "
                  f"({build / load:.2f}x the load) ==")
            print("-- SQLite FTS5, in memory --")
            time_queries(index)
            if args.database:
                on_database(root, load)
    print("\nratios and times are from this one run; absolute times depend on the machine")


if __name__ == "__main__":
    main()
