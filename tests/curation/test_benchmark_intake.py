"""The intake benchmark run small, so that it cannot rot: `python tests/benchmark_intake.py` prints its table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_benchmark_takes_corpus_and_synthetic_articles_in_and_prints_time_and_memory():
    before = sorted(p.name for p in (REPO / "seeds").iterdir())
    done = subprocess.run([sys.executable, "tests/benchmark_intake.py", "--corpus", "2", "--synthetic", "3"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| corpus") or line.startswith("| SYNTHETIC")]
    assert [r.split(" | ")[0] for r in rows] == ["| corpus (2)", "| SYNTHETIC (3)"]
    assert "| 2 (queued 2) |" in rows[0] and "| 3 (queued 3) |" in rows[1]
    for row in rows:
        assert re.search(r"\| \d+ ms \(\d+\.\d s in all\) \| \d+% \| \d+ MB \(\d+ MB\) \|$", row), row
    # into temporary folders only: the repository's articles and data folder are as they were
    assert sorted(p.name for p in (REPO / "seeds").iterdir()) == before and not (REPO / "data" / "intake").exists()
