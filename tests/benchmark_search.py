"""Search at 1,000 and 100,000 SYNTHETIC events: building the full-text index, and answering queries.

Run from the repository root:  python tests/benchmark_search.py [--sizes 1000 100000]

Writes a SYNTHETIC dataset with `dashboard.dataset.synthetic` into a temporary folder (never into data/), loads
it, builds the FTS5 index once (as the app does per dataset version) and times a phrase, a boolean, a prefix
and a no-match query (medians of five), beside the time the loader takes.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    for size in parser.parse_args().sizes:
        with tempfile.TemporaryDirectory(prefix="parley-search-") as tmp:
            root = write(Path(tmp) / "synthetic", size)
            load = seconds(lambda root=root: load_dataset(root / "data", root / "seeds"))
            data = load_dataset(root / "data", root / "seeds")
            start = time.perf_counter()
            index = SearchIndex.build(data)
            build = time.perf_counter() - start
            print(f"\n== {size:,} SYNTHETIC events: {index.size:,} passages indexed in {build * 1000:.0f} ms "
                  f"({build / load:.2f}x the load) ==")
            for name, query in QUERIES.items():
                times = [seconds(lambda q=query, i=index: i.search(q, 50)) for _ in range(5)]
                hits = len(index.search(query, 50))
                print(f"{name:>9} {query!r:>36}: {statistics.median(times) * 1000:7.1f} ms, {hits} hit(s) shown")
    print("\nratios and times are from this one run; absolute times depend on the machine")


if __name__ == "__main__":
    main()
