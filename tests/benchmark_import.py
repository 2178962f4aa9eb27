"""How long a PA-X import takes, and how much memory: `python tests/benchmark_import.py [--rows 2500]`.

Writes SYNTHETIC rows in PA-X's column layout (tests/agreement_files.py) and a copy of the bundled data into a
temporary folder (never into data/), then runs `python -m dashboard.importers pax` on it three times, each in
its own process: the first import, the same file again (nothing to save), and a newer version (every record
updated, its citation moved). Prints each one's wall time and peak memory (the child process's maximum
resident set). Target: the first import under a minute on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from agreement_files import many_pax_rows, pax_file  # noqa: E402

TARGET_SECONDS = 60


def _run(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dashboard.importers", *args], cwd=REPO, env=env,
                          capture_output=True, text=True)
    return time.perf_counter() - start, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2500)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="parley-import-bench-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "data", root / "data")
        shutil.copytree(REPO / "seeds", root / "seeds")
        rows = many_pax_rows(options.rows)
        first = pax_file(root / "pax-synthetic.csv", rows)
        newer = pax_file(root / "pax-synthetic-newer.csv",
                         [{**row, "Agt": row["Agt"] + " (SYNTHETIC revision)"} for row in rows])
        env = {**os.environ, "PARLEY_DATA_DIR": str(root / "data"), "PARLEY_SEEDS_DIR": str(root / "seeds")}
        env.pop("PARLEY_DATABASE_URL", None)
        print(f"PA-X import benchmark: {options.rows:,} SYNTHETIC rows, on a copy of the bundled data")
        worst = 0.0
        for label, path, version in (("first import", first, "1"), ("same file again", first, "1"),
                                     ("newer version", newer, "2")):
            seconds, done = _run(["pax", str(path), "--version", version], env)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest child so far, in MB
            if done.returncode != 0:
                print(done.stdout, done.stderr, file=sys.stderr)
                return done.returncode
            summary = next((line.strip() for line in done.stdout.splitlines() if "agreement(s) new" in line), "")
            print(f"  {label:16} {seconds:6.1f} s   peak memory {peak:5.0f} MB (largest run so far)   {summary}")
            if label == "first import":
                worst = seconds
        print(f"  target: first import under {TARGET_SECONDS} s: {'met' if worst < TARGET_SECONDS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
