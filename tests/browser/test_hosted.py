"""The hosted configuration: production settings, read-only viewers, no stack traces, links that reopen a view."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from browser_support import Server
from conftest import REPO, choose, exceptions, open_view
from playwright.sync_api import expect
from test_views_in_browser import events_heading, timeline_rows

from dashboard.outputs.figures import shorten

HOSTED = {"PARLEY_READ_ONLY": "1"}


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """One read-only server for this file's tests: none of them can change its data (that is what they check)."""
    root = tmp_path_factory.mktemp("hosted")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    server = Server(root / "data", root / "seeds", HOSTED, log=root / "streamlit.log")
    yield server
    server.stop()


def test_a_failure_shows_viewers_no_stack_trace_or_message(page, tmp_path):
    server = Server(tmp_path, tmp_path, HOSTED, log=tmp_path / "server.log", app=REPO / "tests" / "browser" / "failing_app.py")
    try:
        page.goto(server.url)
        page.wait_for_selector("[data-testid=stException]", timeout=60_000)
        shown = page.inner_text("body")
        assert "error message is redacted" in shown
        assert "secret detail" not in page.content() and "Traceback" not in shown and "RuntimeError" not in shown
    finally:
        server.stop()
    assert "secret detail" in (tmp_path / "server.log").read_text(errors="replace")  # where whoever runs it looks


def test_hosted_viewers_get_no_editing_or_developer_controls(page, hosted):
    open_view(page, f"{hosted.url}/curate")
    page.get_by_text("read-only", exact=False).first.wait_for(timeout=20_000)
    assert page.get_by_role("button", name="Save accepted records").count() == 0
    assert page.get_by_text("Deploy", exact=True).count() == 0
    assert exceptions(page) == 0


def test_a_copied_link_reopens_the_same_view_with_the_same_dataset_version(browser, page, hosted):
    open_view(page, f"{hosted.url}/timeline", "14 events")
    choose(page, "Event types", "call")
    expect(events_heading(page)).to_have_text("2 events", timeout=30_000)
    expect(page.locator(".js-plotly-plot .yaxislayer-above text")).to_have_count(2, timeout=30_000)
    rows = timeline_rows(page)
    sidebar = page.locator("[data-testid=stSidebar]")
    version = sidebar.get_by_text(re.compile(r"^Dataset version ")).inner_text()
    link = sidebar.locator("[data-testid=stCode]").first.inner_text().strip()
    assert link.startswith(f"{hosted.url}/timeline?") and "type=call" in link and "v=" in link
    fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        other = open_view(fresh.new_page(), link, "2 events")
        assert timeline_rows(other) == rows
        assert other.locator("[data-testid=stSidebar]").get_by_text(re.compile(r"^Dataset version ")).inner_text() == version
        assert other.get_by_text("the data has changed since").count() == 0
    finally:
        fresh.close()


def test_downloads_from_the_hosted_views_open_as_what_they_claim(page, hosted, tmp_path):
    import io

    import pandas as pd

    open_view(page, f"{hosted.url}/data?type=call")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download as Excel").click()
    download = caught.value
    assert download.suggested_filename.startswith("parley-data-type-call-") and download.suggested_filename.endswith(".xlsx")
    sheets = pd.read_excel(io.BytesIO(Path(download.path()).read_bytes()), sheet_name=None, dtype=str)
    assert sorted(sheets["events"]["event_id"]) == ["ru-ua-2025-05-rubio-fidan-call", "ru-ua-2025-05-rubio-lavrov-call"]

    open_view(page, hosted.url)
    with page.expect_download() as caught:
        page.get_by_role("button", name=re.compile("Printable brief")).first.click()
    brief = Path(caught.value.path()).read_text(encoding="utf-8")
    assert brief.startswith("<!doctype html>") and "Next announced talks" in brief and "Red lines" in brief
    assert exceptions(page) == 0


def test_a_chart_downloads_as_svg_from_its_toolbar_and_as_html_that_opens_offline(browser, page, hosted, tmp_path):
    from xml.etree import ElementTree

    open_view(page, f"{hosted.url}/timeline?type=call")
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    with page.expect_download() as caught:
        page.locator(".modebar-btn[data-title^='Download plot']").first.click()
    svg = caught.value
    assert svg.suggested_filename.startswith("parley-timeline-events-type-call-") and svg.suggested_filename.endswith(".svg")
    root = ElementTree.parse(svg.path()).getroot()
    label = shorten("Rubio–Lavrov call after the Istanbul talks")  # the tick label (hover and table hold it whole)
    assert root.tag.endswith("svg") and label in ElementTree.tostring(root, encoding="unicode")

    with page.expect_download() as caught:
        page.get_by_role("button", name=re.compile("chart \\(interactive HTML\\)")).first.click()
    html = tmp_path / caught.value.suggested_filename
    caught.value.save_as(html)
    offline = browser.new_context(offline=True)  # plotly.js is inside the file: it draws with no network at all
    try:
        chart_page = offline.new_page()
        chart_page.goto(html.as_uri())
        chart_page.wait_for_selector("#parley-chart .main-svg", timeout=30_000)
        assert label in chart_page.inner_text("#parley-chart")
    finally:
        offline.close()
