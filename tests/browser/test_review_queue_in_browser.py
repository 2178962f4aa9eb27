"""The review queue in Chromium, on the data folder and on PostgreSQL: the 26 real corpus articles
(../shared/corpus) go into a temporary copy of the bundled data with one command, the queue lists all 26 (and,
full, meets WCAG AA under axe-core in both themes), articles are opened, reviewed and saved, and they leave the
queue while their events show on the Timeline: three on the data folder, one on the database (the page is the same;
what differs is the store, whose saves of reviews tests/db/test_queue_contract.py checks on both back ends). The corpus
is read, never copied into the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from articles_to_try import CORPUS
from conftest import REPO, exceptions, navigate, open_view, screenshot, wait_ready
from playwright.sync_api import expect
from test_every_view import theme_is, violations
from test_views_in_browser import timeline_rows

from dashboard.curation.store import Store
from dashboard.outputs.figures import shorten
from dashboard.views.registry import BY_NAME

ARTICLES = CORPUS / "articles"
# Three articles of three different negotiations (Serbia–Kosovo, Libya's ceasefire, Libya's political dialogue)
REVIEWED = ("a11_serbia-kosovo_brussels-state-statement-2023-02-28.txt",
            "a12_libya_geneva-jmc-ceasefire-usembassy-2020-10-23.txt", "c08_libya-skhirat-dialogue-round.txt")


def take_in(*command: str, env: dict[str, str]) -> dict[str, str]:
    """The one command that takes the corpus folder in; the source id each file was added as, by file name."""
    done = subprocess.run([sys.executable, "-m", *command, str(ARTICLES)], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "26 file(s) in" in done.stdout and "26 added to the review queue" in done.stdout
    return {Path(path).name: source_id for source_id, path in re.findall(r"^added (src-\d+) from (.+?): ", done.stdout,
                                                                          re.MULTILINE)}


def review_and_see_them_on_the_timeline(page, url: str, store: Store, added: dict[str, str], reviewed: tuple[str, ...],
                                        accessibility: bool = False) -> None:
    """Open each of `reviewed` (file names) from the queue, review it as a curator does and save it."""
    assert len(store.queue()) == 26 and len(added) == 26
    chosen = [added[name] for name in reviewed]
    open_view(page, f"{url}/curate", "Review queue: 26 article(s) to review")
    screenshot(page, "curate-review-queue")
    if accessibility:  # the queue full, under the same axe-core rules as every view, in both themes
        theme_is(page, light=True)
        light = violations(page)
        page.emulate_media(color_scheme="dark")
        theme_is(page, light=False)
        assert {"light": light, "dark": violations(page)} == {"light": [], "dark": []}
        page.emulate_media(color_scheme="light")
    for done, source_id in enumerate(chosen, 1):
        page.get_by_role("combobox", name="Article to review").click()
        page.keyboard.type(source_id)
        page.get_by_role("option", name=re.compile(f"^{source_id}: ")).click()
        wait_ready(page)
        # the last review's panel, with a button of the same name, may still show until the rerun has replaced it
        opener = page.get_by_role("button", name="Open for review")
        expect(opener).to_have_count(1, timeout=60_000)
        opener.click()
        page.get_by_text(f"From the review queue: {source_id}").wait_for(timeout=60_000)
        page.get_by_text(re.compile(r"^Proposed: ")).wait_for(timeout=60_000)
        valid = page.get_by_text("Every accepted record passes validation.")
        # the review is drawn when it either asks for a new process's name or says every record is valid: a count
        # taken the moment "Proposed:" shows may come before the new-process form is drawn
        page.get_by_label("Process id").or_(valid).first.wait_for(timeout=60_000)
        if page.get_by_label("Process id").count():  # a new process: the curator names it, as the caption asks
            for label, value in (("Process id", f"synthetic-process-{source_id}"),
                                 ("Name", f"SYNTHETIC process of {source_id}"), ("Conflict", "SYNTHETIC")):
                field = page.get_by_label(label, exact=True)
                field.fill(value)
                field.press("Enter")  # a text input is committed on Enter (or blur): each one sent before the next
                wait_ready(page)
        valid.wait_for(timeout=60_000)
        page.get_by_role("button", name="Save accepted records").click()
        page.get_by_text(f"{source_id} was reviewed and taken off the queue.").wait_for(timeout=60_000)
        page.get_by_text(f"Review queue: {26 - done} article(s) to review").wait_for(timeout=60_000)
    assert exceptions(page) == 0
    data, _ = store.load()
    assert not data.errors
    assert {i.source_id for i in store.queue() if i.state == "reviewed"} == set(chosen)
    citations = data["citations"]
    cited = citations[citations["source_id"].isin(chosen) & citations["record_type"].eq("event")]
    titles = set(data["events"].set_index("event_id").loc[cited["record_id"], "title"])
    assert titles
    navigate(page, BY_NAME["timeline"], f"{len(data['events'])} events")
    ticks = timeline_rows(page)  # a title that repeats is told apart by " (n)"
    assert all(any(tick == shorten(t) or tick.startswith(f"{shorten(t)} (") for tick in ticks) for t in titles), ticks


@pytest.fixture
def folder_copy(tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    return tmp_path


def test_the_corpus_goes_into_the_queue_and_three_reviews_leave_it_and_show_on_the_timeline(page, start_server,
                                                                                             folder_copy):
    from dashboard.curation.file_store import FileStore

    added = take_in("dashboard.curation.ingest", "--data-dir", str(folder_copy / "data"), "--seeds-dir",
                    str(folder_copy / "seeds"), env={})
    server = start_server(folder_copy / "data", folder_copy / "seeds")
    review_and_see_them_on_the_timeline(page, server.url, FileStore(folder_copy / "data", folder_copy / "seeds"),
                                        added, REVIEWED, accessibility=True)


def test_the_same_on_a_team_database(page, start_server, database, tmp_path):
    from dashboard.db.store import DatabaseStore

    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    added = take_in("dashboard.db", "intake", env={"PARLEY_DATABASE_URL": database})
    (tmp_path / "empty-data").mkdir()
    (tmp_path / "empty-seeds").mkdir()
    server = start_server(tmp_path / "empty-data", tmp_path / "empty-seeds", PARLEY_DATABASE_URL=database)
    try:
        review_and_see_them_on_the_timeline(page, server.url, store, added, REVIEWED[:1])
        newest = store.history().iloc[0]  # the review's save, under the article it reviewed
        assert (newest["kind"], newest["source_id"]) == ("save", added[REVIEWED[0]])
    finally:
        store.engine.dispose()
