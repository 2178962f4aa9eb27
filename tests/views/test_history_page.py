"""The app on a PostgreSQL database: every view as on files, the History view, and a database that is down."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.curation.change import Change
from dashboard.db.store import DatabaseStore
from dashboard.views.registry import views_for

REPO = Path(__file__).resolve().parents[2]
VIEWS = [view.file for view in views_for("files")]  # every view a data folder offers, now on a database


@pytest.fixture
def team_database(database):
    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    store.save(Change(rows={"issues": [{"issue_id": "water", "label": "Water", "description": "rivers"}]}),
               editor="ana@example.org")
    store.engine.dispose()
    return database


def text_of(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "caption", "title", "subheader", "info", "success", "error")
                     for e in getattr(at, kind))


@pytest.mark.parametrize("page", VIEWS)
def test_every_view_works_unchanged_on_the_database(app, team_database, page):
    on_files = app(page=page)
    on_database = app(page=page, database=team_database)
    assert not on_database.exception, [e.value for e in on_database.exception]
    assert [t.value for t in on_database.title] == [t.value for t in on_files.title]
    assert [s.value for s in on_database.subheader] == [s.value for s in on_files.subheader]
    assert len(on_database.get("plotly_chart")) == len(on_files.get("plotly_chart"))


def test_search_on_the_database_uses_postgresql_and_finds_the_seed_phrase(app, team_database):
    import sqlalchemy as sa

    query = {"q": '"realities on the ground"'}
    on_files = app(query=query, page="views/search.py")
    on_database = app(query=query, page="views/search.py", database=team_database)
    assert not on_database.exception, [e.value for e in on_database.exception]
    # the same passages (BM25 and ts_rank_cd may order ties differently)
    assert sorted(m.value for m in on_database.markdown) == sorted(m.value for m in on_files.markdown)
    assert any("<mark>realities on the ground</mark>" in h.proto.body for h in on_database.get("html"))
    engine = sa.create_engine(DatabaseStore.from_url(team_database).engine.url)
    with engine.connect() as conn:  # the hits came from PostgreSQL's index, written by this first search
        assert conn.execute(sa.text("SELECT count(*) FROM parley_search_passages")).scalar() > 0
    engine.dispose()


def test_the_history_view_lists_saves_and_an_editor_reverts_one(app, team_database, monkeypatch):
    from dashboard.curation.permissions import Access
    from dashboard.ui import session_access

    viewer = app(page="views/history.py", database=team_database)
    assert not viewer.exception, [e.value for e in viewer.exception]
    table = viewer.dataframe[0].value
    assert list(table["Who"]) == ["ana@example.org", "import"]
    assert list(table["Kind"]) == ["save", "import"] and table.iloc[0]["Records"] == "1 issues"
    assert not [b for b in viewer.button if b.key == "history-revert-button"], "a viewer cannot revert"
    assert any("Editors can revert" in i.value for i in viewer.info)

    monkeypatch.setattr(session_access, "current_access", lambda: Access(True, "editing is on (test)"))
    at = app(page="views/history.py", database=team_database)
    at.button(key="history-revert-button").click().run()
    assert not at.exception
    assert any("reverted (recorded as save 3)" in s.value for s in at.success)
    assert list(at.dataframe[0].value["Kind"]) == ["revert", "save", "import"]
    data, _ = DatabaseStore.from_url(team_database).load()
    assert "water" not in set(data["issues"]["issue_id"])


def test_no_history_view_on_the_data_folder(app, team_database):
    app(page="views/history.py", database=team_database)  # registered on a database
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app(page="views/history.py")


def test_a_database_that_is_down_gives_viewers_a_clear_message(app, postgres, team_database):
    postgres.stop()
    try:
        at = app(database=team_database.replace("postgres@", "postgres:hunter2@"))
        assert not at.exception, [e.value for e in at.exception]
        message = " ".join(e.value for e in at.error)
        assert "cannot read its data just now" in message and f"127.0.0.1:{postgres.port}" in message
        assert "hunter2" not in text_of(at) + message
    finally:
        postgres.start()
    again = app(database=team_database)
    assert not again.exception and not again.error


def signed_in(email: str, database: str, monkeypatch):
    """The Curate view for a user signed in (st.login) as `email`, with ana and ben on the editors' list."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    monkeypatch.setenv("PARLEY_DATABASE_URL", database)
    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=60)
    at.user = {"is_logged_in": True, "email": email}
    at.secrets["parley"] = {"editors": ["ana@example.org", "ben@example.org"]}
    at.run()
    at.switch_page("views/curate.py").run()
    return at


def test_signed_in_editors_each_save_under_their_own_name_and_others_only_read(team_database, monkeypatch):
    from test_curate_page import SYNTHETIC, paste

    for n, email in enumerate(["ana@example.org", "ben@example.org"]):
        at = signed_in(email, team_database, monkeypatch)
        assert any(f"signed in as {email}" in s.value for s in at.success)
        paste(at, text=SYNTHETIC + f" Copy {n}.", title=f"Synthetic: saved by {email}")
        at.button(key="curate-save").click().run()
        assert not at.exception and any("Saved:" in s.value for s in at.success)
    eve = signed_in("eve@example.org", team_database, monkeypatch)
    assert not [b for b in eve.button if b.key == "curate-save"]
    history = DatabaseStore.from_url(team_database).history()
    assert list(history["editor"][:3]) == ["ben@example.org", "ana@example.org", "ana@example.org"]
    assert history.iloc[0]["source_id"] != history.iloc[1]["source_id"] != ""
