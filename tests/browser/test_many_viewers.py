"""Eight viewers at once on the hosted configuration: each renders the overview and the timeline, the data is
loaded once and shared, and the server's memory stays bounded. Loopback only, bounded in count and time.
(`python tests/benchmark_load.py` measures 1, 5 and 20 at once; eight show the same sharing in a third of the
time the suite spent on twenty.)

The sessions are driven by tests/benchmark_load.py in its own process (it uses Playwright's async API, which
cannot run inside this test session's sync one).
"""

import json
import subprocess
import sys

from browser_support import REPO

PEAK_RSS_LIMIT_MB = 1024


def test_eight_sessions_render_with_data_loaded_once_and_bounded_memory():
    done = subprocess.run([sys.executable, "tests/benchmark_load.py", "--sessions", "8", "--json"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (figures,) = json.loads(done.stdout)
    assert figures["rendered"] == 8 and figures["exceptions"] == 0
    assert figures["dataset_loads"] == 1, "every session must share the one loaded dataset"
    assert figures["peak_rss_mb"] < PEAK_RSS_LIMIT_MB, figures
    assert figures["peak_rss_mb"] < figures["idle_rss_mb"] + 500, figures  # each session costs little
