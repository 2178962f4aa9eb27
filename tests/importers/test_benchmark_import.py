"""The import benchmark runs (on a small size), so the script cannot rot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]  # not `from conftest import`: under xdist another conftest may answer


def test_the_import_benchmark_runs_and_reports_each_import():
    done = subprocess.run([sys.executable, "tests/benchmark_import.py", "--rows", "30"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "30 SYNTHETIC rows" in lines[0]
    assert "30 agreement(s) new" in lines[1] and "peak memory" in lines[1]
    assert "0 agreement(s) new, 0 updated, 30 unchanged" in lines[2]
    assert "0 agreement(s) new, 30 updated" in lines[3]
    assert "target: first import under 60 s: met" in lines[4]
