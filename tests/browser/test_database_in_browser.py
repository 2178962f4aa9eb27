"""The app on a team's PostgreSQL database, in Chromium: two sessions saving at once, a save by another replica
showing on an open page, the database stopped and restarted under the running app, and the History view (the one
view only a database has) under the same accessibility rules as the others. Every view on the database renders
in AppTest (tests/views/test_history_page.py)."""

from __future__ import annotations

import pytest
from conftest import REPO, exceptions, open_view, screenshot
from test_every_view import theme_is, violations
from test_views_in_browser import save_from_two_sessions_at_once, timeline_rows

from dashboard.curation.change import Change
from dashboard.dataset.loader import load_dataset
from dashboard.db.store import DatabaseStore


@pytest.fixture
def team(database, start_server, tmp_path):
    """The app on a database holding the bundled data; its data folders are empty (nothing is read there)."""
    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    (tmp_path / "empty-data").mkdir()
    (tmp_path / "empty-seeds").mkdir()
    server = start_server(tmp_path / "empty-data", tmp_path / "empty-seeds", PARLEY_DATABASE_URL=database)
    yield server, store
    store.engine.dispose()


def test_two_sessions_saving_at_once_on_the_database_keep_both_records(browser, team):
    server, store = team
    save_from_two_sessions_at_once(browser, server.url, "Synthetic: database session")
    data, _ = store.load()
    assert not data.errors
    assert {"Synthetic: database session 0", "Synthetic: database session 1"} <= set(data["sources"]["title"])
    geneva = data["events"][data["events"]["title"] == "Talks round in Geneva"]
    assert len(geneva) == 2 and geneva["event_id"].is_unique
    history = store.history()
    assert list(history["kind"][:2]) == ["save", "save"] and set(history["editor"][:2]) == {"local"}


def test_a_save_by_another_replica_shows_on_an_open_page_within_seconds(page, team):
    server, store = team
    open_view(page, f"{server.url}/timeline", "14 events")
    assert "Synthetic replica call" not in timeline_rows(page)  # a title short enough to be a whole tick label
    data, _ = store.load()
    citation = data["citations"][data["citations"]["record_type"] == "event"].iloc[0]
    event = {"event_id": "synthetic-replica-call", "process_id": "russia-ukraine",
             "title": "Synthetic replica call", "type": "call", "status": "held",
             "start_date": "2025-05-20", "date_precision": "day", "actors": "russia:party; ukraine:party",
             "summary": "SYNTHETIC test record"}
    store.save(Change(rows={"events": [event], "citations": [{
        "citation_id": "cit-replica", "record_type": "event", "record_id": "synthetic-replica-call",
        "source_id": citation["source_id"], "quote": citation["quote"]}]}), editor="other-replica@example.org")
    page.get_by_text("Synthetic replica call").first.wait_for(timeout=40_000)  # no click, no reload
    assert exceptions(page) == 0


def test_the_database_stopped_and_restarted_under_a_running_app(page, team, postgres):
    server, _ = team
    open_view(page, f"{server.url}/", "Russia–Ukraine peace talks")
    postgres.stop()
    try:
        open_view(page, f"{server.url}/", "Parley cannot read its data just now")
        body = page.inner_text("body")
        assert "Traceback" not in body and "postgres@" not in body and exceptions(page) == 0
        screenshot(page, "database-down")
    finally:
        postgres.start()
    page.get_by_role("button", name="Try again").click()
    page.get_by_text("Russia–Ukraine peace talks").first.wait_for(timeout=60_000)
    assert exceptions(page) == 0
    assert load_dataset(REPO / "data", REPO / "seeds").problems == []


def test_the_history_view_meets_wcag_aa_in_both_themes(browser, team):
    """The one view that exists only on a database, under the same axe-core rules as the others."""
    server, _ = team
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme="light")
    try:
        page = open_view(context.new_page(), f"{server.url}/history", "Every save to the team")
        theme_is(page, light=True)
        light = violations(page)
        screenshot(page, "database-history")
        page.emulate_media(color_scheme="dark")
        theme_is(page, light=False)
        assert {"light": light, "dark": violations(page)} == {"light": [], "dark": []}
        assert exceptions(page) == 0
    finally:
        context.close()
