"""Starting Parley's server and Debian's Chromium for tests and benchmarks (shared by tests/browser/ and
tests/benchmark_load.py). Servers listen on 127.0.0.1 only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic"]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
READY = "[data-testid=stApp][data-test-connection-state=CONNECTED][data-test-script-state=notRunning]"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run dashboard/app.py` on a free loopback port, started in the repository root so that it runs
    with the repository's own .streamlit/config.toml (the production settings)."""

    def __init__(self, data_dir: Path, seeds_dir: Path, env: dict[str, str] | None = None, log: Path | None = None,
                 args: list[str] | None = None, app: Path | None = None, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
        environment.update({"PARLEY_DATA_DIR": str(data_dir), "PARLEY_SEEDS_DIR": str(seeds_dir)}, **(env or {}))
        self.log = open(log or os.devnull, "wb")  # noqa: SIM115 - the server writes to it until stop() closes it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app or REPO / "dashboard" / "app.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *(args or [])],
            cwd=REPO, env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"streamlit did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()



    def memory_kb(self) -> dict[str, int]:
        """The server's resident memory now (VmRSS) and at its peak (VmHWM), from /proc."""
        fields = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0])
        return fields
