"""Which data a view was drawn from: a short content hash of the data and the articles, and the git commit.

A copied link carries the version it was made from, so whoever opens it later
is told when the data has changed since. The hash covers every table and
article by name and content, so it is the same on any machine holding the same
files, and changes with any edit, whoever made it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from dashboard.dataset.package import DIGEST_DIGITS, read_folders

SHORT = DIGEST_DIGITS  # hex digits of a digest or commit shown


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


def content_digest(data_dir: Path, seeds_dir: Path) -> str:
    """The digest of the data package a data folder and its articles folder hold (dotfiles are not data)."""
    return read_folders(data_dir, seeds_dir).digest()


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


def data_version(data_dir: Path, seeds_dir: Path, digest: str | None = None) -> DataVersion:
    """The version of a data folder: its package's digest (`digest`, when the caller has read the package) and
    the git commit holding it."""
    commit, changed = git_commit(data_dir, seeds_dir)
    return DataVersion(digest or content_digest(data_dir, seeds_dir), commit, changed)
