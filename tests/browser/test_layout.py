"""Every chart reads on a phone and on a desktop: no tick label cut off, no legend over the plot or its toolbar.

Each view is opened at 390 × 844 (a common phone) and 1400 × 1000 in Chromium, and every plotly chart on it
is measured from the page geometry: each axis label must lie inside the chart's own box (plotly clips what
does not), and the legend must not overlap any plot area or the toolbar. Screenshots of both sizes are kept
in artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from conftest import exceptions, open_view, screenshot

SIZES = {"phone": (390, 844), "desktop": (1400, 1000)}
PATHS = ["", "timeline", "positions", "standing", "mediators", "changes?since=2025-05-01", "sources", "data"]

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


def overlaps(a, b, slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def problems_of(geometry: dict) -> list[str]:
    left, top, right, bottom = geometry["chart"]
    found = [f"label {text!r} cut off ({x0:.0f}–{x1:.0f} outside {left:.0f}–{right:.0f})"
             for text, x0, _, x1, _ in geometry["labels"] if x0 < left - 1 or x1 > right + 1]
    for legend in geometry["legend"]:
        found += [f"legend {legend} over plot area {area}" for area in geometry["areas"] if overlaps(legend, area)]
        found += [f"legend {legend} over the toolbar {bar}" for bar in geometry["toolbar"] if overlaps(legend, bar)]
    return found


@pytest.mark.parametrize("size", list(SIZES))
def test_charts_keep_their_labels_and_legends_clear_on_a_phone_and_a_desktop(browser, bundled, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    found: dict[str, list[str]] = {}
    try:
        for path in PATHS:
            open_view(page, f"{bundled.url}/{path}")
            page.wait_for_timeout(1200)
            assert exceptions(page) == 0, path
            view = path.split("?")[0] or "overview"
            plots = page.locator(".js-plotly-plot")
            for i in range(plots.count()):
                plots.nth(i).scroll_into_view_if_needed()
                page.mouse.move(0, 0)  # the toolbar shows on hover: measure it as a reader first sees it
                page.wait_for_timeout(200)
                problems = problems_of(plots.nth(i).evaluate(MEASURE))
                if problems:
                    found[f"{view} chart {i + 1}"] = problems
            screenshot(page, f"layout-{size}-{view}")
    finally:
        context.close()
    assert found == {}


def test_the_sidebar_filters_stay_reachable_on_a_phone(browser, bundled):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        open_view(page, f"{bundled.url}/timeline")
        process = page.get_by_role("combobox", name="Process")
        page.get_by_test_id("stExpandSidebarButton").click()  # the sidebar starts folded away on a phone
        page.wait_for_timeout(800)
        box = process.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        process.click()
        page.get_by_role("option", name="Black Sea Grain Initiative").click()
        page.wait_for_timeout(1500)
        assert "process=Black+Sea+Grain+Initiative" in page.url or "process=Black%20Sea" in page.url, page.url
        screenshot(page, "layout-phone-sidebar")
    finally:
        context.close()
