"""Three viewers at once on the hosted configuration: each renders the overview and the timeline, the data is
loaded once and shared, and the server's memory stays bounded. Loopback only, bounded in count and time.
(`python tests/benchmark_load.py` measures 1, 5 and 20 at once; three show the same sharing in a fraction of the
time: every page load costs Chromium 3 to 8 CPU-seconds on this 2-core machine.)

The sessions are driven by tests/benchmark_load.py in its own process (it uses Playwright's async API, which
cannot run inside this test session's sync one).
"""

import json
import subprocess
import sys

from browser_support import REPO

PEAK_RSS_LIMIT_MB = 1024
SESSIONS = 3


def test_three_sessions_render_with_data_loaded_once_and_bounded_memory():
    done = subprocess.run([sys.executable, "tests/benchmark_load.py", "--sessions", str(SESSIONS), "--json"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (figures,) = json.loads(done.stdout)
    assert figures["rendered"] == SESSIONS and figures["exceptions"] == 0
    assert figures["dataset_loads"] == 1, "every session must share the one loaded dataset"
    assert figures["peak_rss_mb"] < PEAK_RSS_LIMIT_MB, figures
    assert figures["peak_rss_mb"] < figures["idle_rss_mb"] + 500, figures  # each session costs little
