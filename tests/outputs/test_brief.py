"""The printable brief: what it holds, and that it is escaped (tests/browser/test_brief_pdf.py prints it)."""

import datetime as dt

import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.dataset.version import DataVersion
from dashboard.outputs.brief import brief_html

VERSION = DataVersion("3f9a1c2e5b7d", "8c1e4f2a9b3d")
TODAY = dt.date(2025, 5, 14)  # before the Istanbul round of 16 May 2025: it is still the next announced talks


def brief_of_russia_ukraine() -> str:
    return brief_html(load_dataset(), "russia-ukraine", VERSION, "https://parley.example.org/?v=3f9a1c2e5b7d", TODAY)


@pytest.fixture(scope="module")
def russia_ukraine():
    return brief_of_russia_ukraine()


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
