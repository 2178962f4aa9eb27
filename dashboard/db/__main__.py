"""python -m dashboard.db init | import DATA_DIR SEEDS_DIR | export OUT_DIR | history | revert SAVE_ID |
intake FILE_OR_FOLDER [...]

The database is named by `--url` or the PARLEY_DATABASE_URL environment variable (the app reads the same
variable, or `[connections.parley] url` in Streamlit's secrets). Messages name the server, never a password.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard.curation import ingest
from dashboard.curation.store import SaveError, StoreUnavailable
from dashboard.db.store import DatabaseStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.db", description="Parley's PostgreSQL store.")
    parser.add_argument("--url", default=os.environ.get("PARLEY_DATABASE_URL", ""),
                        help="SQLAlchemy URL (default: $PARLEY_DATABASE_URL)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="create or upgrade the schema (Alembic migrations)")
    load = commands.add_parser("import", help="load a data folder and its articles into an empty database")
    load.add_argument("data_dir", type=Path)
    load.add_argument("seeds_dir", type=Path)
    dump = commands.add_parser("export", help="write the database as a data package: OUT/data and OUT/seeds")
    dump.add_argument("out_dir", type=Path)
    commands.add_parser("history", help="list the saves, newest first")
    undo = commands.add_parser("revert", help="withdraw the records one save added (recorded as a save)")
    undo.add_argument("save_id", type=int)
    undo.add_argument("--editor", default="local")
    intake = commands.add_parser("intake", help="add articles and queue them for review, with the assistant's "
                                 "proposals (as python -m dashboard.curation.ingest does for a data folder)")
    ingest.add_arguments(intake)
    options = parser.parse_args(argv)
    if not options.url:
        parser.error("no database: give --url or set PARLEY_DATABASE_URL")
    store = DatabaseStore.from_url(options.url)
    try:
        if options.command == "init":
            store.init()
            print(f"schema ready at {store.where}")
        elif options.command == "import":
            counts = store.import_package(options.data_dir, options.seeds_dir)
            print("imported " + ", ".join(f"{n} {name}" for name, n in counts.items()) + f" into {store.where}")
        elif options.command == "export":
            out = store.export_package(options.out_dir)
            print(f"wrote {out}/data and {out}/seeds from {store.where}")
        elif options.command == "history":
            frame = store.history()
            print(frame[["save_id", "kind", "editor", "saved_at", "source_id", "what", "reverts", "reverted"]]
                  .to_string(index=False) if len(frame) else "no saves yet")
        elif options.command == "revert":
            print(f"save {options.save_id} reverted by save {store.revert(options.save_id, options.editor)}")
        elif options.command == "intake":
            return ingest.run(options, store)
    except StoreUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in exc.problems[:20]:
            print(f"  {problem.file} line {problem.line} {problem.field}: {problem.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
