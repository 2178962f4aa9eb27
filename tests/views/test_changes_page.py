"""The What-changed view: the day in the address, the counts, the digest downloads."""

from __future__ import annotations

from test_view_pages import text_of

from dashboard.dataset.loader import load_dataset
from dashboard.ui.safe_text import md

PAGE = "views/changes.py"


def test_since_in_the_address_lists_every_record_added_after_it(app):
    data = load_dataset()
    at = app(query={"since": "2025-05-01"}, page=PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert str(at.date_input(key="since").value) == "2025-05-01"
    body = text_of(at)
    events, positions = len(data["events"]), len(data["positions"])
    assert md(f"Since 01 May 2025: {events} event(s), {positions} position(s)") in body
    for title in data["events"]["title"]:
        assert md(title) in body
    assert {b.proto.label for b in at.get("download_button")} >= {"Digest (Markdown, to paste into an e-mail)",
                                                                  "Digest (HTML, one page)"}
    assert f"Events added ({events})" in [s.value for s in at.subheader]


def test_a_day_after_every_record_shows_nothing_new(app, folder):
    for name in ("events", "positions", "propositions", "sources"):
        rows = folder.rows(name)
        for row in rows:
            row["recorded"] = "2025-01-01"
        folder.write(name, rows)
    at = app(folder, query={"since": "2025-06-01"}, page=PAGE)
    assert not at.exception
    assert md("0 event(s), 0 position(s), 0 proposition(s) and 0 source(s) added") in text_of(at)


def test_the_process_filter_applies(app):
    at = app(query={"since": "2025-05-01", "process": "Black Sea Grain Initiative"}, page=PAGE)
    body = text_of(at)
    assert md("Black Sea grain deal agreed") in body and md("Cessation of hostilities signed in Pretoria") not in body
