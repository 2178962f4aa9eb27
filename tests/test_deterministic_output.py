"""Every table and list a view shows comes out in the same order whatever the process's hash seed.

Python salts the hash of every string with a seed chosen at each start (PYTHONHASHSEED), so anything that
iterates a set of strings can come out in another order after a server restart. tests/view_snapshot.py
prints what every view shows (and the assistant's proposals); it runs here under two seeds, at once, and the
two outputs must be equal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_view_shows_the_same_under_two_hash_seeds(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    runs = []
    for seed in ("1", "2"):
        out = open(tmp_path / f"seed-{seed}.txt", "wb")  # noqa: SIM115 - closed below, once the process ends
        runs.append((out, subprocess.Popen([sys.executable, str(REPO / "tests" / "view_snapshot.py")], cwd=REPO,
                                           env={**environment, "PYTHONHASHSEED": seed}, stdout=out,
                                           stderr=subprocess.PIPE)))
    for out, process in runs:
        _, errors = process.communicate(timeout=600)
        out.close()
        assert process.returncode == 0, errors.decode()[-2000:]
    first, second = ((tmp_path / f"seed-{seed}.txt").read_text().splitlines() for seed in ("1", "2"))
    assert len(first) > 1000 and any(line.startswith("== assistant on") for line in first)
    differing = [(a, b) for a, b in zip(first, second) if a != b]
    assert len(first) == len(second) and not differing, differing[:5]
