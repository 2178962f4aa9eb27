"""Hostile text in a real browser, where only a browser can tell: no script runs, no request leaves the app's
server, and the text shows as text. Every view is opened on a SYNTHETIC folder of hostile text (HTML and
script, javascript: and data: links, Markdown images of a remote address, directives, right-to-left and
zero-width characters, a 12,000-character line). Every view on every broken folder, and on this one, also runs
through AppTest: tests/views/test_bad_and_hostile_data.py."""

from __future__ import annotations

import shutil

from conftest import REPO, OffHostGuard, exceptions, navigate, screenshot, view_drawn
from hostile_inputs import HOSTILE, TITLE, make_hostile

from dashboard.outputs.figures import shorten
from dashboard.views.registry import views_for

HOSTILE_PROCESS = "SYNTHETIC+%21%5Btracker%5D%28http%3A%2F%2F198.51.100.7%2Fpixel.png%29+process"


# Views opened with a query that puts the hostile records on screen: the Sources view on the hostile article, the
# Search view on hits in hostile text. Every other view is reached as a reader reaches it, from the navigation (the
# page is loaded once: Chromium spends seconds of CPU on each full load), with the process filter the first view was
# opened with kept by the sidebar.
QUERIES = {"overview": f"?process={HOSTILE_PROCESS}",
           "sources": f"?source=src-900%3A+SYNTHETIC+{HOSTILE['img']}",
           "search": "?q=SYNTHETIC"}


def go_to(page, base: str, view) -> None:
    """Open `view`: by its address when it has a query of its own (or is the first), else by its navigation link."""
    if view.name not in QUERIES:
        navigate(page, view)
        return
    page.goto(f"{base}/{view.url_path}{QUERIES[view.name]}")
    view_drawn(page, view)


def test_hostile_text_is_shown_as_text_on_every_view(browser, start_server, tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    make_hostile(tmp_path / "data", tmp_path / "seeds")
    server = start_server(tmp_path / "data", tmp_path / "seeds")
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    guard = OffHostGuard(page)
    seen = set()
    try:
        for view in views_for("files"):
            go_to(page, server.url, view)
            assert exceptions(page) == 0, view.name
            screenshot(page, f"hostile-{view.name}")
            main = page.locator("[data-testid=stMain]")
            assert main.locator("img[src*='198.51.100.7']").count() == 0, view.name
            assert main.locator("a[href^='javascript:']").count() == 0, view.name
            if view.name == "timeline":  # tick labels are shortened titles, drawn by Plotly as text
                page.wait_for_selector(".js-plotly-plot .yaxislayer-above text", timeout=30_000)
                ticks = page.locator(".js-plotly-plot .yaxislayer-above text").evaluate_all(
                    "els => els.map(e => e.textContent)")
                assert shorten(TITLE) in ticks, ticks
                seen.add(view.name)
            elif view.name in ("sources", "search"):  # the article's passages and the search's hits, marked as text
                page.locator("mark.parley-quote" if view.name == "sources" else ".parley-hit mark").first.wait_for(
                    timeout=30_000)
                body = main.inner_text()
                assert HOSTILE["script"] in body, view.name  # shown, as text
                assert view.name == "search" or "javascript:alert" in body
                seen.add(view.name)
    finally:
        context.close()
    assert seen == {"timeline", "sources", "search"}
    assert guard.dialogs == [], guard.dialogs
    assert guard.remote == [], guard.remote
