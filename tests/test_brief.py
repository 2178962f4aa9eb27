"""The printable brief: what it holds, escaped, and that Chromium prints it to a PDF whose text reads back."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from dashboard.brief import brief_html
from dashboard.loader import load_dataset
from dashboard.version import DataVersion

VERSION = DataVersion("3f9a1c2e5b7d", "8c1e4f2a9b3d")
TODAY = dt.date(2025, 5, 14)  # before the Istanbul round of 16 May 2025: it is still the next announced talks
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def russia_ukraine():
    return brief_html(load_dataset(), "russia-ukraine", VERSION, "https://parley.example.org/?v=3f9a1c2e5b7d", TODAY)


def test_brief_holds_next_talks_mediators_red_lines_with_quotes_and_sources(russia_ukraine):
    page = russia_ukraine
    assert "<h1>Russia–Ukraine peace talks</h1>" in page
    assert "Russia–Ukraine direct talks in Istanbul" in page and "Mediators/hosts: Türkiye (mediator, host, facilitator)" in page
    assert "will not include territorial concessions" in page  # Ukraine's red line, verbatim
    assert "3f9a1c2e5b7d (commit 8c1e4f2a9b3d)" in page and "2025-05-14" in page
    assert not any(tag in page for tag in ("<script", " src=", "<link", "@import", "url("))  # nothing loads


def test_brief_escapes_curator_and_article_text(tmp_path, folder):
    folder.set("processes", "process_id", "russia-ukraine", name="<img src=x onerror=alert(1)> talks")
    page = brief_html(load_dataset(folder.data, folder.seeds), "russia-ukraine", VERSION, today=TODAY)
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt; talks" in page


def test_chromium_prints_the_brief_to_a_pdf_that_reads_back(tmp_path, russia_ukraine):
    from playwright.sync_api import sync_playwright

    html = tmp_path / "brief.html"
    html.write_text(russia_ukraine, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(html.as_uri())
            pdf = page.pdf(format="A4", print_background=True)
        finally:
            browser.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1  # one page
    assert "Russia–Ukraine peace talks" in text and "Next announced talks" in text
    assert "will not include territorial concessions" in text
