"""Hostile text and broken data in a real browser: no script runs, nothing remote loads, text shows as text,
every good record still renders and no exception reaches the user."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from bad_inputs import CASES
from conftest import REPO, exceptions, open_view, screenshot
from hostile_inputs import HOSTILE, TITLE, make_hostile

from dashboard.outputs.figures import shorten

PATHS = ["", "timeline", "positions", "standing", "mediators", "changes?since=2020-01-01", "sources", "data", "curate",
         "status"]


def copy_bundled(root):
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root / "data", root / "seeds"


class Guard:
    """Records every dialog (a script ran) and aborts every request that leaves the loopback address."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()


def test_hostile_text_is_shown_as_text_on_every_view(browser, start_server, tmp_path):
    data, seeds = copy_bundled(tmp_path)
    make_hostile(data, seeds)
    server = start_server(data, seeds)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    guard = Guard(page)
    try:
        for path in PATHS:
            hostile = "SYNTHETIC+%21%5Btracker%5D%28http%3A%2F%2F198.51.100.7%2Fpixel.png%29+process"
            open_view(page, f"{server.url}/{path}?process={hostile}"
                      if path in ("", "timeline") else f"{server.url}/{path}")
            page.wait_for_timeout(500)
            assert exceptions(page) == 0, path
            screenshot(page, f"hostile-{path.split('?')[0] or 'overview'}")
        open_view(page, f"{server.url}/sources?source=src-900%3A+SYNTHETIC+{HOSTILE['img']}")
        page.locator("mark.parley-quote").first.wait_for(timeout=30_000)
        page.get_by_text("SYNTHETIC TEST ARTICLE: hostile text").first.wait_for(timeout=30_000)
        body = page.locator("[data-testid=stMain]").inner_text()
        assert HOSTILE["script"] in body and "javascript:alert" in body  # shown, as text
        assert page.locator("[data-testid=stMain] img[src*='198.51.100.7']").count() == 0
        assert page.locator("[data-testid=stMain] a[href^='javascript:']").count() == 0
        open_view(page, f"{server.url}/timeline")
        page.wait_for_selector(".js-plotly-plot .yaxislayer-above text", timeout=30_000)
        ticks = page.locator(".js-plotly-plot .yaxislayer-above text").evaluate_all("els => els.map(e => e.textContent)")
        assert shorten(TITLE) in ticks  # shown as text (tick labels are shortened titles)
        open_view(page, f"{server.url}/search?q=SYNTHETIC")  # hits on hostile text, marked but still text
        page.locator(".parley-hit mark").first.wait_for(timeout=30_000)
        body = page.locator("[data-testid=stMain]").inner_text()
        assert HOSTILE["script"] in body and exceptions(page) == 0
        assert page.locator("[data-testid=stMain] img[src*='198.51.100.7']").count() == 0
    finally:
        context.close()
    assert guard.dialogs == [], guard.dialogs
    assert guard.remote == [], guard.remote


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_data_still_renders_every_view(browser, start_server, tmp_path, case):
    data, seeds = copy_bundled(tmp_path)
    case.breaks(data, seeds)
    server = start_server(data, seeds)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    try:
        for path in PATHS:
            open_view(page, f"{server.url}/{path}")
            assert exceptions(page) == 0, f"{case.name}: {path or 'overview'}"
        if case.still_shown:
            open_view(page, f"{server.url}/timeline")
            page.get_by_text(shorten("Russia–Ukraine direct talks in Istanbul")).first.wait_for(timeout=20_000)
        open_view(page, f"{server.url}/data")
        page.get_by_role("tab", name="Data health").click()
        page.wait_for_timeout(500)
        assert page.get_by_text("Data health (0 errors, 0 warnings)").count() == 0
        screenshot(page, f"bad-{case.name}")
    finally:
        context.close()
