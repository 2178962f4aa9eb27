"""Where the data lives. `PARLEY_DATA_DIR` and `PARLEY_SEEDS_DIR` point elsewhere."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return Path(os.environ.get("PARLEY_DATA_DIR") or REPO_ROOT / "data")


def seeds_dir() -> Path:
    return Path(os.environ.get("PARLEY_SEEDS_DIR") or REPO_ROOT / "seeds")


# A folder of many files (12,500 articles) is fully re-scanned at most this often; between scans a file
# added, removed or renamed into it still shows at once, through the folder's own modification time.
FULL_SCAN_SECONDS = 10.0
MANY_FILES = 500
_scans: dict[str, tuple[float, int, str]] = {}  # folder -> (when fully scanned, folder mtime, digest)


def _folder_digest(folder: Path) -> tuple[str, int]:
    """The digest of every file's name, size and modification time, and how many files there are."""
    try:
        with os.scandir(folder) as entries:
            files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                           for e in entries if not e.name.startswith(".") and e.is_file())
    except OSError:
        files = None  # a missing folder is a state too
    digest = hashlib.blake2b(repr((str(folder), files)).encode("utf-8"), digest_size=16).hexdigest()
    return digest, len(files or ())


def _folder_fingerprint(folder: Path, now: float) -> str:
    try:
        folder_mtime = folder.stat().st_mtime_ns
    except OSError:
        folder_mtime = -1
    scanned = _scans.get(str(folder))
    if scanned and scanned[1] == folder_mtime and now - scanned[0] < FULL_SCAN_SECONDS:
        return scanned[2]
    digest, count = _folder_digest(folder)
    if count > MANY_FILES:
        _scans[str(folder)] = (now, folder_mtime, digest)
    else:
        _scans.pop(str(folder), None)
    return digest


def fingerprint(*folders: Path) -> str:
    """A digest of the names, sizes and modification times of every file in the folders.

    Computed on every rerun; when a file changes, so does this, and the cached
    dataset keyed on it is loaded afresh. Dotfiles (locks, save temporaries)
    are not data and are left out. A folder of a few files (the tables) is
    checked file by file each time. A folder of many (thousands of articles,
    where that costs 0.05 s a rerun) is checked by its own modification time,
    which any added, removed or renamed file changes, and fully re-scanned
    every FULL_SCAN_SECONDS for a file edited in place.
    """
    now = time.monotonic()
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        digest.update(_folder_fingerprint(Path(folder), now).encode())
    return digest.hexdigest()
