"""Which data a view was drawn from: a short content hash of the data and the articles, and the git commit.

A copied link carries the version it was made from, so whoever opens it later
is told when the data has changed since. The hash covers every table and
article by name and content, so it is the same on any machine holding the same
files, and changes with any edit, whoever made it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHORT = 12  # hex digits shown: enough to tell versions apart, short enough to read aloud


@dataclass(frozen=True)
class DataVersion:
    digest: str  # SHORT hex digits of the content hash
    commit: str = ""  # the git commit holding the data folder, "" where there is none
    changed_since_commit: bool = False  # the data differs from that commit (curated since)

    @property
    def label(self) -> str:
        """"3f9a1c2e5b7d (commit 8c1e4f2a9b3d)", with "+ local changes" when the files differ from it."""
        if not self.commit:
            return self.digest
        return f"{self.digest} (commit {self.commit}{' + local changes' if self.changed_since_commit else ''})"


def package_digest(files: Iterable[tuple[str, str, bytes]]) -> str:
    """SHA-256 over (folder, name, bytes) of every data file and article, in the order given (by folder, then
    name): the same for a data folder and for a database holding the same files."""
    digest = hashlib.sha256()
    for folder, name, content in files:
        digest.update(f"{folder}/{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:SHORT]


def content_digest(data_dir: Path, seeds_dir: Path) -> str:
    """The package digest of the files in the data and seeds folders (dotfiles are not data)."""

    def files():
        for folder in (Path(data_dir), Path(seeds_dir)):
            try:
                names = sorted(e.name for e in os.scandir(folder) if e.is_file() and not e.name.startswith("."))
            except OSError:
                names = []
            for name in names:
                yield folder.name, name, (folder / name).read_bytes()

    return package_digest(files())


def git_commit(data_dir: Path, seeds_dir: Path) -> tuple[str, bool]:
    """The commit checked out where the data lives, and whether the data or articles differ from it.

    ("", False) outside a git repository or where git is not installed.
    """
    try:
        commit = subprocess.run(["git", "rev-parse", f"--short={SHORT}", "HEAD"], cwd=data_dir, capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--", str(data_dir), str(seeds_dir)], cwd=data_dir,
                                capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return "", False
    return commit, bool(status.strip())


def data_version(data_dir: Path, seeds_dir: Path) -> DataVersion:
    commit, changed = git_commit(data_dir, seeds_dir)
    return DataVersion(content_digest(data_dir, seeds_dir), commit, changed)
