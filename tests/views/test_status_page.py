"""The Update-a-status view: an editor changes an announced round's status with a quote; others cannot."""

from __future__ import annotations

from test_view_pages import text_of

from dashboard.dataset.loader import load_dataset
from dashboard.ui.safe_text import md

PAGE = "views/status.py"
QUOTE = "if negotiations take longer than 6 weeks, the cease-fire will continue"


def test_an_editor_saves_a_status_change_that_what_changed_then_lists(app, folder, editing):
    folder.set("events", "event_id", "ih-2025-phase-two-talks", recorded="2025-01-20")  # SYNTHETIC: recorded then
    at = app(folder, page=PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="status-event").value == "ih-2025-phase-two-talks"  # the announced round comes first
    at.radio(key="status-new").set_value("postponed")
    at.selectbox(key="status-source").set_value("src-008")
    at.text_area(key="status-quote").input(QUOTE).run()
    at.button(key="status-save").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(md("is now postponed (it was announced)") in s.value for s in at.success)
    event = load_dataset(folder.data, folder.seeds)["events"].set_index("event_id").loc["ih-2025-phase-two-talks"]
    assert (event["status"], event["previous_status"]) == ("postponed", "announced")
    at.query_params["since"] = "2025-06-01"
    at.switch_page("views/changes.py").run()
    assert "Status changed (1)" in [s.value for s in at.subheader]


def test_a_quote_that_is_not_in_the_article_is_refused_with_its_problem(app, folder, editing):
    before = (folder.data / "events.csv").read_bytes()
    at = app(folder, page=PAGE)
    at.selectbox(key="status-source").set_value("src-008")
    at.text_area(key="status-quote").input("SYNTHETIC words the article never wrote").run()
    at.button(key="status-save").click().run()
    assert any("problem" in e.value for e in at.error)
    assert (folder.data / "events.csv").read_bytes() == before


def test_a_viewer_on_a_hosted_link_cannot_save(app, folder, monkeypatch):
    monkeypatch.setenv("PARLEY_READ_ONLY", "1")
    at = app(folder, page=PAGE)
    assert not at.exception
    assert not [b for b in at.button if b.key == "status-save"]
    assert "Only an editor can change the data" in text_of(at)
