"""Loading what the first visitor would wait for, the moment the server starts.

`streamlit run dashboard/app.py` serves the app as an `st.App` (see app.py) whose lifespan is
`warming(view_files)`: a thread then imports every module a view imports, loads the dataset into the cache all
sessions share and reads the gazetteer, while the server already answers. The search index is not built here:
at 100,000 events it takes 13 s and 300 MB, which would hold that memory on every server, searched or not
(tests/benchmark_scale.py measured the peak past 1 GB); the first search builds it, once for all sessions. A
visitor who arrives during the warm-up waits only for what is left of it (Streamlit's cache lets one
computation of a value run at a time and hands its result to everyone waiting). Anything that fails here
is only logged: the first visitor then does the same work and sees the error as usual.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
import threading
import time
import traceback
from contextlib import asynccontextmanager
from pathlib import Path

from dashboard.ui import state

WARM_UP_THREAD = "parley-warm-up"


def imported_by(scripts: list[Path]) -> list[str]:
    """Every module the scripts import, read from their source (the scripts themselves are not run)."""
    names: set[str] = set()
    for script in scripts:
        tree = ast.parse(Path(script).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return sorted(names)


def _not_warm_up(record: logging.LogRecord) -> bool:
    """Streamlit warns of every cache call made outside a page run: the warm-up's are meant to be."""
    return threading.current_thread().name != WARM_UP_THREAD


def warm_up(view_files: list[Path]) -> dict[str, float]:
    """Import what the views import, load the dataset, read the gazetteer. Returns the
    seconds each step took; logs one line to the server's log."""
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_not_warm_up)
    took: dict[str, float] = {}
    steps = [("imports", lambda: [importlib.import_module(name) for name in imported_by(view_files)]),
             ("dataset", lambda: state.shared_dataset(state.current_store())),
             ("gazetteer", lambda: importlib.import_module("dashboard.extract.gazetteer").gazetteer())]
    for name, step in steps:
        start = time.perf_counter()
        try:
            step()
        except Exception:  # noqa: BLE001 - best effort: the first visitor meets the same error, shown as usual
            print(f"parley: warm-up step '{name}' failed; the first visitor will retry it:\n{traceback.format_exc()}",
                  file=sys.stderr, flush=True)
            break
        took[name] = time.perf_counter() - start
    print("parley: warmed up at start: " + ", ".join(f"{n} {s:.1f} s" for n, s in took.items()), file=sys.stderr,
          flush=True)
    return took


def warming(view_files: list[Path]):
    """An st.App lifespan that starts the warm-up on a thread of its own and lets the server answer at once."""

    @asynccontextmanager
    async def lifespan(_app):
        threading.Thread(target=warm_up, args=(view_files,), name=WARM_UP_THREAD, daemon=True).start()
        yield

    return lifespan
