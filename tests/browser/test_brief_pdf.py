"""The printable brief prints to a one-page PDF in headless Chromium, and its text reads back."""

import io

from outputs.test_brief import brief_of_russia_ukraine
from pypdf import PdfReader


def test_chromium_prints_the_brief_to_a_pdf_that_reads_back(browser, tmp_path):
    html = tmp_path / "brief.html"
    html.write_text(brief_of_russia_ukraine(), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(html.as_uri())
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        context.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1  # one page
    assert "Russia–Ukraine peace talks" in text and "Next announced talks" in text
    assert "will not include territorial concessions" in text
