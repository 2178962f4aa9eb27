"""python -m dashboard.importers {pax,ucdp} FILE --version N [--map KEY=PROCESS_ID ...] [--dry-run]

The store is the data folder (`--data-dir`/`--seeds-dir`, or PARLEY_DATA_DIR/PARLEY_SEEDS_DIR) or, when
PARLEY_DATABASE_URL (or `--database-url`) is set, a team's database. Exit status: 0 when the import was saved
or had nothing to save (bad rows are reported, the rest imported), 1 when the save was refused (nothing
written), 2 when the file or the store cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.curation.store import SaveError, StoreUnavailable
from dashboard.importers.pax import PAX
from dashboard.importers.reading import FileError
from dashboard.importers.run import configured_store, run_import
from dashboard.importers.ucdp import UCDP

LAYOUTS = {PAX.key: PAX, UCDP.key: UCDP}


def _mapping(pairs: list[str], parser: argparse.ArgumentParser) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, process_id = pair.partition("=")
        if not sep or not key.strip() or not process_id.strip():
            parser.error(f"--map takes KEY=PROCESS_ID (e.g. --map 138=yemen), not {pair!r}")
        out[key.strip()] = process_id.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.importers",
                                     description="Import agreements from PA-X or the UCDP Peace Agreement Dataset.")
    parser.add_argument("dataset", choices=sorted(LAYOUTS), help="pax (PA-X) or ucdp (UCDP Peace Agreement Dataset)")
    parser.add_argument("file", type=Path, help="the dataset's download: CSV (UTF-8), or the UCDP Excel workbook")
    parser.add_argument("--version", required=True, help="the dataset's version, as its publisher numbers it (10)")
    parser.add_argument("--map", action="append", default=[], metavar="KEY=PROCESS_ID",
                        help="file a dataset process (PA-X's PP, UCDP's conflict_id) under a recorded process")
    parser.add_argument("--data-dir", type=Path, help="the data folder (default: PARLEY_DATA_DIR or data/)")
    parser.add_argument("--seeds-dir", type=Path, help="the articles folder (default: PARLEY_SEEDS_DIR or seeds/)")
    parser.add_argument("--database-url", default="", help="a team's database (default: PARLEY_DATABASE_URL)")
    parser.add_argument("--dry-run", action="store_true", help="report what the import would do; write nothing")
    options = parser.parse_args(argv)
    layout = LAYOUTS[options.dataset]
    try:
        store = configured_store(options.data_dir, options.seeds_dir, options.database_url)
        report = run_import(layout, options.file, options.version.strip(), store,
                            _mapping(options.map, parser), options.dry_run)
    except (FileError, StoreUnavailable, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in exc.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(report.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
