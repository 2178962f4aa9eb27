"""Where the data lives. `PARLEY_DATA_DIR` and `PARLEY_SEEDS_DIR` point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("PARLEY_DATA_DIR") or REPO_ROOT / "data")


def seeds_dir() -> Path:
    return Path(os.environ.get("PARLEY_SEEDS_DIR") or REPO_ROOT / "seeds")


def fingerprint(*folders: Path) -> tuple:
    """Names, sizes and modification times of every file in the folders.

    Cheap to compute on each rerun; when any file changes, so does this, and the
    cached dataset keyed on it is loaded afresh.
    """
    entries = []
    for folder in folders:
        if not folder.is_dir():
            entries.append((str(folder), -1, -1))
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):  # locks and save temporaries are not data
                stat = path.stat()
                entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)
