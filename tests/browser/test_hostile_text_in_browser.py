"""Hostile text in a real browser, where only a browser can tell: no script runs, no request leaves the app's
server, and the text shows as text. Every view is opened on a SYNTHETIC folder of hostile text (HTML and
script, javascript: and data: links, Markdown images of a remote address, directives, right-to-left and
zero-width characters, a 12,000-character line). Every view on every broken folder, and on this one, also runs
through AppTest: tests/views/test_bad_and_hostile_data.py."""

from __future__ import annotations

import shutil

from conftest import REPO, OffHostGuard, exceptions, open_view, screenshot
from hostile_inputs import HOSTILE, TITLE, make_hostile

from dashboard.outputs.figures import shorten
from dashboard.views.registry import views_for

HOSTILE_PROCESS = "SYNTHETIC+%21%5Btracker%5D%28http%3A%2F%2F198.51.100.7%2Fpixel.png%29+process"


def test_hostile_text_is_shown_as_text_on_every_view(browser, start_server, tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    make_hostile(tmp_path / "data", tmp_path / "seeds")
    server = start_server(tmp_path / "data", tmp_path / "seeds")
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    guard = OffHostGuard(page)
    try:
        for view in views_for("files"):
            query = f"?process={HOSTILE_PROCESS}" if view.name in ("overview", "timeline") else ""
            open_view(page, f"{server.url}/{view.url_path}{query}")
            assert exceptions(page) == 0, view.name
            screenshot(page, f"hostile-{view.name}")
        open_view(page, f"{server.url}/sources?source=src-900%3A+SYNTHETIC+{HOSTILE['img']}",
                  "SYNTHETIC TEST ARTICLE: hostile text")
        page.locator("mark.parley-quote").first.wait_for(timeout=30_000)
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
