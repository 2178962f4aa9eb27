"""Metadata read from an article's own text (prefill.py): general rules, tried on invented SYNTHETIC text."""

from __future__ import annotations

from dashboard.curation.ingest import ArticleDraft, read_upload
from dashboard.curation.prefill import prefilled, read_metadata

BODY = ("SYNTHETIC TEST ARTICLE, not a real report. Delegations of Armenia and Azerbaijan met in Doha on 4 March "
        "to discuss the border, officials said.")


def test_a_header_block_fills_the_form_and_is_split_off_the_text():
    text = ("source: https://example.org/synthetic/doha?ref=x\noutlet: Synthetic Gazette\npublished: 2024-03-05\n"
            "license: SYNTHETIC test text\nnote: invented for a test\nretrieved_via: a test\n---\n" + BODY)
    found, body = read_metadata(text)
    assert body == BODY
    assert found["url"] == "https://example.org/synthetic/doha?ref=x" and found["outlet"] == "Synthetic Gazette"
    assert found["published"] == "2024-03-05" and found["licence"] == "SYNTHETIC test text"
    assert found["note"] == "invented for a test; retrieved_via: a test"  # an unknown key is kept, not dropped


def test_a_header_date_with_how_it_was_established_keeps_the_explanation_and_unknown_gives_no_date():
    found, _ = read_metadata("published: 2024-03-05 (from the URL path)\n---\n" + BODY)
    assert found["published"] == "2024-03-05" and found["note"] == "published: 2024-03-05 (from the URL path)"
    found, _ = read_metadata("published: unknown (the statement says it was issued Monday 2024-03-04)\n---\n" + BODY)
    assert "published" not in found  # the header says it is unknown: no date is made up from its words
    assert found["note"].startswith("published: unknown")


def test_the_headline_is_the_first_short_line_before_the_body_past_date_time_and_byline_lines():
    text = f"March 5, 2024 / 10:42 AM\n\nSynthetic talks resume in Doha, envoys say\n\nBy A. Reporter\n\n{BODY}"
    found, body = read_metadata(text)
    assert found["title"] == "Synthetic talks resume in Doha, envoys say"
    assert found["author"] == "A. Reporter" and body == text  # no header block: the text is kept whole


def test_no_headline_is_made_from_the_first_sentence_or_a_lead_in():
    assert "title" not in read_metadata(BODY + "\n\nThe next round is due in April.")[0]
    lead_in = "The Synthetic Minister of Foreign Affairs today issued the following statement on the talks:\n\n" + BODY
    assert "title" not in read_metadata(lead_in)[0]
    assert "title" not in read_metadata("Garden Room\n\n" + BODY)[0]  # two words: a place, not a headline


def test_a_date_line_gives_the_date_and_a_wire_date_line_the_outlet():
    found, _ = read_metadata(f"Synthetic accord signed\n\nNAIROBI, March 1, 2024 — {BODY}")
    assert found["published"] == "2024-03-01"
    found, _ = read_metadata(f"GENEVA (Synthetic Wire) - {BODY}")
    assert found["outlet"] == "Synthetic Wire"


def test_what_the_curator_or_the_web_page_gave_is_never_overwritten():
    draft = prefilled(ArticleDraft(text=f"A synthetic headline of the text\n\n{BODY}", title="Typed by the curator"))
    assert draft.title == "Typed by the curator" and draft.text.startswith("A synthetic headline")
    page = (b"<html><head><title>Synthetic page title</title></head><body><article><h1>Synthetic page title</h1>"
            b"<p>NAIROBI, March 1, 2024 - " + BODY.encode() + b"</p></article></body></html>")
    draft = prefilled(read_upload("page.html", page))
    assert draft.title == "Synthetic page title" and draft.published == "2024-03-01"


def test_the_language_of_a_header_replaces_the_default_only():
    assert prefilled(ArticleDraft(text="language: fr\n---\n" + BODY)).language == "fr"
    assert prefilled(ArticleDraft(text="language: fr\n---\n" + BODY, language="de")).language == "de"
