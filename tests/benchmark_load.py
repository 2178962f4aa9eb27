"""Many viewers at once: time to first render and the server's peak memory at 1, 5 and 20 browser sessions.

Run from the repository root:  python tests/benchmark_load.py [--sessions 1 5 20]
Each level starts a fresh server in the hosted configuration (read-only, headless, bound to 127.0.0.1) on a
copy of the bundled data, opens that many Chromium sessions at once, and waits in each for the overview and
then, reached from the navigation as a reader reaches it, the timeline to render. Traffic goes only to
127.0.0.1; every run is bounded in count and time.
Figures are printed as ratios to the one-session run, since absolute times depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_support import CHROMIUM, CHROMIUM_ARGS, READY, REPO, Server  # noqa: E402

TIMEOUT_MS = 180_000
HOSTED = {"PARLEY_READ_ONLY": "1"}


async def _one_session(browser, url: str) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)  # navigation too: 20 pages loading at once on 2 cores take a while
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = await context.new_page()
    try:
        started = time.perf_counter()
        await page.goto(url)
        await page.wait_for_selector(READY, timeout=TIMEOUT_MS)
        await page.get_by_text("Russia–Ukraine peace talks").first.wait_for(timeout=TIMEOUT_MS)
        first_render = time.perf_counter() - started
        await page.locator("[data-testid=stSidebarNavLink][href$='/timeline']").click()
        await page.wait_for_selector(".js-plotly-plot .yaxislayer-above text", timeout=TIMEOUT_MS)
        failed = await page.locator("[data-testid=stException]").count()
        return {"first_render": first_render, "timeline": True, "exceptions": failed}
    finally:
        await context.close()


async def _sessions(url: str, count: int) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(_one_session(browser, url) for _ in range(count)))
        finally:
            await browser.close()


def measure(count: int) -> dict:
    """Open `count` sessions at once against a fresh hosted-configuration server; return the figures."""
    with tempfile.TemporaryDirectory(prefix="parley-load-") as root:
        root = Path(root)
        shutil.copytree(REPO / "data", root / "data")
        shutil.copytree(REPO / "seeds", root / "seeds")
        log = root / "server.log"
        server = Server(root / "data", root / "seeds", HOSTED, log=log)
        try:
            idle = server.memory_kb()["VmRSS"]
            results = asyncio.run(_sessions(server.url, count))
            memory = server.memory_kb()
        finally:
            server.stop()
        loads = log.read_text(errors="replace").count("parley: loaded")
    renders = [r["first_render"] for r in results]
    return {"sessions": count, "rendered": sum(r["timeline"] for r in results),
            "exceptions": sum(r["exceptions"] for r in results), "median_s": statistics.median(renders),
            "max_s": max(renders), "idle_rss_mb": idle / 1024, "peak_rss_mb": memory["VmHWM"] / 1024,
            "dataset_loads": loads}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON, one object per level")
    options = parser.parse_args()
    rows = [measure(n) for n in options.sessions]
    if options.json:
        print(json.dumps(rows))
        return
    base = rows[0]
    print(f"{'sessions':>8} {'rendered':>8} {'first render median':>20} {'max':>8} {'ratio (median)':>15} "
          f"{'server peak RSS':>16} {'ratio':>6} {'dataset loads':>14}")
    for r in rows:
        print(f"{r['sessions']:>8} {r['rendered']:>8} {r['median_s']:>19.2f}s {r['max_s']:>7.2f}s "
              f"{r['median_s'] / base['median_s']:>14.1f}x {r['peak_rss_mb']:>13.0f} MB "
              f"{r['peak_rss_mb'] / base['peak_rss_mb']:>5.2f}x {r['dataset_loads']:>14}")
    print("\nratios are to the first row; absolute times depend on the machine")


if __name__ == "__main__":
    main()
