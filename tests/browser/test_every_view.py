"""Every view in Chromium, in one pass each: what only a browser can tell.

Each view of the registry (dashboard/views/registry.py) is opened once, on a copy of the bundled data, and
checked for
- rendering: its key content drawn, its charts drawn, no exception;
- links: every link on it leads to a view of the registry or to an article's own web address, nothing else;
- URL state: the address still names the view and the query it was opened with;
- nothing fetched from anywhere but the app's own server;
- layout, at 1400 × 1000 and (for a view with charts) at 390 × 844, a common phone: every chart's tick labels
  inside its box, no legend over a plot area or the toolbar;
- accessibility: axe-core's WCAG 2 A/AA rules in the light and the dark theme (axe-core ships inside the
  `axe-playwright-python` package and is injected into the page; nothing is fetched). The theme follows the
  browser's colour scheme, switched here on the open page.
Screenshots of each state go to artifacts/screenshots/ (the light desktop one of the whole page).
"""

from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import REPO, OffHostGuard, charts_drawn, exceptions, next_frame, open_view, screenshot

from dashboard.views.registry import BY_NAME, views_for

# Each view's address (with the query it is opened with) and a text it must show on the bundled data.
KEY_CONTENT = {
    "overview": ("", "Russia–Ukraine peace talks"),
    "timeline": ("timeline", "14 events"),
    "positions": ("positions", "realities on the ground"),
    "standing": ("standing", "must be acknowledged"),
    "mediators": ("mediators", "Where talks meet"),
    "changes": ("changes?since=2025-05-01", "Events added (14)"),
    "sources": ("sources", "Official: Russia to push for recognition"),
    "search": ("search?q=%22realities+on+the+ground%22", "Read it in the article"),
    "data": ("data", "Data health"),
    "curate": ("curate", "The article"),
    "status": ("status", "Find the event"),
}
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "resultTypes": ["violations"]}
LIGHT_BACKGROUND = "rgb(255, 255, 255)"

MEASURE = """plot => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  return {
    chart: box(plot),
    labels: [...plot.querySelectorAll('.xtick text, .ytick text, .x2tick text, .y2tick text, .y3tick text, .y4tick text')]
      .filter(visible).map(e => [e.textContent, ...box(e)]),
    areas: [...plot.querySelectorAll('.nsewdrag')].map(box),
    legend: [...plot.querySelectorAll('.legend')].filter(visible).map(box),
    toolbar: [...plot.querySelectorAll('.modebar')].filter(visible).map(box),
  };
}"""


def test_every_view_of_the_registry_is_checked_here():
    assert set(KEY_CONTENT) == {view.name for view in views_for("files")}


def violations(page) -> list[str]:
    """Each violated rule with its count and first node, readable in a failure message."""
    found = Axe().run(page, options=RULES).response["violations"]
    return [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['html'][:120]} — {v['help']}" for v in found]


def overlaps(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def layout_problems(page) -> list[str]:
    """Every tick label outside its chart's box and every legend over a plot area or the toolbar, on the page."""
    found = []
    plots = page.locator(".js-plotly-plot")
    for i in range(plots.count()):
        plots.nth(i).scroll_into_view_if_needed()
        page.mouse.move(0, 0)  # the toolbar shows on hover: measure it as a reader first sees it
        next_frame(page)
        geometry = plots.nth(i).evaluate(MEASURE)
        left, _, right, _ = geometry["chart"]
        found += [f"chart {i + 1}: label {text!r} cut off ({x0:.0f}–{x1:.0f} outside {left:.0f}–{right:.0f})"
                  for text, x0, _, x1, _ in geometry["labels"] if x0 < left - 1 or x1 > right + 1]
        for legend in geometry["legend"]:
            found += [f"chart {i + 1}: legend over plot area {area}" for area in geometry["areas"] if overlaps(legend, area)]
            found += [f"chart {i + 1}: legend over the toolbar" for bar in geometry["toolbar"] if overlaps(legend, bar)]
    return found


def link_problems(page, base: str) -> list[str]:
    """Links that lead neither to a view of the registry nor to an article's own address."""
    with open(REPO / "data" / "sources.csv", newline="", encoding="utf-8") as fh:
        articles = {row["url"] for row in csv.DictReader(fh) if row["url"]}
    views = {view.url_path for view in views_for("files")}
    found = []
    for href in page.locator("a[href]").evaluate_all("links => links.map(a => a.href)"):
        if href.startswith(base):
            if urlsplit(href).path.strip("/").split("/")[0] not in views:
                found.append(f"{href}: no such view")
        elif href not in articles:
            found.append(f"{href}: not an article's address")
    return found


def theme_is(page, light: bool) -> None:
    """Wait until the page shows the theme: the app's background switched and every colour transition it started is
    over (axe measures contrast on the colours of the moment: mid-transition text can fail it at random)."""
    test = "===" if light else "!=="
    page.wait_for_function(f"() => getComputedStyle(document.querySelector('.stApp')).backgroundColor {test} "
                           f"'{LIGHT_BACKGROUND}'", timeout=10_000)
    page.wait_for_function("() => !document.getAnimations().some(a => a instanceof CSSTransition && "
                           "a.playState === 'running')", timeout=10_000)
    next_frame(page)


@pytest.mark.parametrize("name", list(KEY_CONTENT))
def test_every_view_renders_links_keeps_its_address_fits_and_meets_wcag_aa(browser, bundled, name):
    path, expected = KEY_CONTENT[name]
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    guard = OffHostGuard(page)
    found: dict[str, list[str]] = {}
    try:
        open_view(page, f"{bundled.url}/{path}", expected)
        assert exceptions(page) == 0
        address, opened = urlsplit(page.url), urlsplit(f"{bundled.url}/{path}")
        assert address.path.rstrip("/") == opened.path.rstrip("/"), page.url
        assert {k: v for k, v in parse_qs(address.query).items() if k in parse_qs(opened.query)} == parse_qs(opened.query)
        found["links"] = link_problems(page, bundled.url)
        theme_is(page, light=True)
        found["desktop layout"] = layout_problems(page)
        found["light theme"] = violations(page)
        screenshot(page, f"{name}", whole=True)
        page.emulate_media(color_scheme="dark")
        theme_is(page, light=False)
        found["dark theme"] = violations(page)
        screenshot(page, f"{name}-dark")
        if name == "data":  # the tab a reader opens most on this view, in both themes
            page.get_by_role("tab", name="Data health").click()
            page.get_by_text("No problems found").wait_for()
            found["data health, dark"] = violations(page)
            page.emulate_media(color_scheme="light")
            theme_is(page, light=True)
            found["data health, light"] = violations(page)
        page.emulate_media(color_scheme="light")
        if page.locator(".js-plotly-plot").count():  # the layout check measures charts: a view without one has none
            page.set_viewport_size(PHONE)
            page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')]"
                                   f".every(p => p.getBoundingClientRect().width <= {PHONE['width']})", timeout=20_000)
            charts_drawn(page)
            found["phone layout"] = layout_problems(page)
            screenshot(page, f"{name}-phone")
        assert exceptions(page) == 0
    finally:
        context.close()
    assert {check: problems for check, problems in found.items() if problems} == {}
    assert guard.dialogs == [] and guard.remote == [], (guard.dialogs, guard.remote)
    assert BY_NAME[name].title  # the registry names it


def test_the_sidebar_filters_stay_reachable_on_a_phone(browser, bundled):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        open_view(page, f"{bundled.url}/timeline", "14 events")
        process = page.get_by_role("combobox", name="Process")
        page.get_by_test_id("stExpandSidebarButton").click()  # the sidebar starts folded away on a phone
        page.wait_for_function("([x, w]) => { const r = document.querySelector('[data-testid=stSidebar]')"
                               ".getBoundingClientRect(); return r.left >= x && r.right <= w; }", arg=[0, PHONE["width"]])
        box = process.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        process.click()
        page.get_by_role("option", name="Black Sea Grain Initiative").click()
        page.wait_for_url("**process=Black*", timeout=30_000)
        screenshot(page, "phone-sidebar")
    finally:
        context.close()
