"""The review queue's contract, run against both stores: the data folder (data/intake/) and a PostgreSQL database
(parley_intake). Articles are SYNTHETIC, invented for the test."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from dashboard.curation import queue
from dashboard.curation.change import Change
from dashboard.curation.file_store import FileStore
from dashboard.curation.ingest import ArticleDraft, article_record, next_article_number
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import Dataset
from dashboard.db.store import DatabaseStore

REPO = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)
TEXT = ("SYNTHETIC TEST ARTICLE {n}, not a real report. Delegations of Armenia and Azerbaijan met in Doha on "
        "4 March to discuss the border, officials said.")
PROPOSALS = {"reference_date": "2024-03-05", "events": [{"type": "talks_round"}], "positions": [],
             "new_actors": [{"actor_id": "armenia"}, {"actor_id": "azerbaijan"}],
             "process": {"process_id": "armenia-azerbaijan-talks", "name": "Armenia–Azerbaijan talks", "new": True}}


@pytest.fixture(params=["files", "database"])
def store(request, folder):
    if request.param == "files":
        yield FileStore(folder.data, folder.seeds)
        return
    store = DatabaseStore.from_url(request.getfixturevalue("database"))
    store.import_package(REPO / "data", REPO / "seeds")
    yield store
    store.engine.dispose()


def articles(*numbers: int, published: str = "2024-03-05"):
    """An intake of SYNTHETIC articles, numbered under the store's lock as the real intake does."""

    def make(current: Dataset):
        number, change, queued = next_article_number(current), Change(rows={"sources": []}), []
        for n in numbers:
            draft = ArticleDraft(text=TEXT.format(n=n), title=f"Synthetic article {n}", published=published)
            source_id, name, text, row = article_record(draft, number)
            number += 1
            change.rows["sources"].append(row)
            change.articles[name] = text
            queued.append((queue.item_for(source_id, name, row["title"], published, PROPOSALS, "ana@example.org", T0),
                           PROPOSALS))
        return change, queued

    return make


def an_issue(issue_id: str) -> Change:
    return Change(rows={"issues": [{"issue_id": issue_id, "label": issue_id, "description": "a SYNTHETIC issue"}]})


def test_intake_stores_the_articles_and_queues_them_with_their_proposals(store):
    before = store.fingerprint()
    items = store.intake(articles(1, 2), editor="ana@example.org")
    assert [i.source_id for i in items] == ["src-009", "src-010"]
    assert store.fingerprint() != before  # the articles are data: every view reloads
    data, _ = store.load()
    assert not data.errors
    assert data["sources"].set_index("source_id").loc["src-010", "title"] == "Synthetic article 2"
    assert "met in Doha on 4 March" in data.articles["src-009"].text
    listed = store.queue()
    assert [(i.source_id, i.state, i.events, i.new_actors, i.process_new, i.date) for i in listed] == [
        ("src-009", "waiting", 1, 2, True, "2024-03-05"), ("src-010", "waiting", 1, 2, True, "2024-03-05")]
    assert listed[0].added_by == "ana@example.org" and listed[0].added_at == T0
    assert store.proposals("src-010") == PROPOSALS


def test_an_intake_that_validation_refuses_writes_nothing_and_queues_nothing(store):
    def bad(current):
        change, queued = articles(1)(current)
        change.rows["sources"][0]["language"] = ""  # a required field left empty
        return change, queued

    before = store.fingerprint()
    with pytest.raises(SaveError) as refused:
        store.intake(bad)
    assert any(p.field == "language" for p in refused.value.problems)
    assert store.fingerprint() == before and store.queue() == []


def test_opening_records_who_and_when_and_a_second_editor_sees_it_and_may_open_it(store):
    store.intake(articles(1))
    first = store.open_item("src-009", "ana@example.org", T0 + dt.timedelta(minutes=5))
    assert (first.state, first.opened_by, first.opened_at) == ("opened", "ana@example.org", T0 + dt.timedelta(minutes=5))
    shown = queue.find(store.queue(), "src-009")
    assert (shown.state, shown.opened_by) == ("opened", "ana@example.org")
    second = store.open_item("src-009", "ben@example.org", T0 + dt.timedelta(minutes=9))  # knowingly
    assert (second.opened_by, second.opened_at) == ("ben@example.org", T0 + dt.timedelta(minutes=9))
    with pytest.raises(queue.QueueError, match="not in the review queue"):
        store.open_item("src-404", "ana@example.org")


def test_finishing_a_review_saves_its_records_and_takes_it_off_the_queue_together(store):
    store.intake(articles(1, 2))
    store.open_item("src-009", "ana@example.org", T0)
    assert store.finish_review("src-009", an_issue("reviewed-issue"), "ana@example.org", T0) == {"issues": 1}
    assert "reviewed-issue" in set(store.load()[0]["issues"]["issue_id"])
    done = queue.find(store.queue(), "src-009")
    assert (done.state, done.finished_by, done.finished_at) == ("reviewed", "ana@example.org", T0)
    assert queue.find(store.queue(), "src-010").state == "waiting"
    # a second editor saving the same article afterwards is refused, and nothing of theirs is written
    with pytest.raises(queue.QueueError, match="already reviewed by ana@example.org"):
        store.finish_review("src-009", an_issue("twice"), "ben@example.org")
    assert "twice" not in set(store.load()[0]["issues"]["issue_id"])


def test_a_review_save_that_validation_refuses_leaves_the_item_open_and_the_data_as_it_was(store):
    store.intake(articles(1))
    store.open_item("src-009", "ana@example.org", T0)
    before = store.fingerprint()
    bad = Change(rows={"issues": [{"issue_id": "x", "label": "", "description": "no label"}]})
    with pytest.raises(SaveError):
        store.finish_review("src-009", bad, "ana@example.org")
    assert store.fingerprint() == before
    item = queue.find(store.queue(), "src-009")
    assert (item.state, item.opened_by) == ("opened", "ana@example.org")


def test_set_aside_needs_a_reason_and_ends_the_item(store):
    store.intake(articles(1))
    with pytest.raises(queue.QueueError, match="give a reason"):
        store.set_aside("src-009", "  ", "ana@example.org")
    assert queue.find(store.queue(), "src-009").state == "waiting"
    aside = store.set_aside("src-009", "a sports report:\n no talks", "ana@example.org", T0)
    assert (aside.state, aside.reason, aside.finished_by) == ("set_aside", "a sports report: no talks", "ana@example.org")
    assert queue.find(store.queue(), "src-009") == aside
    with pytest.raises(queue.QueueError, match="already set aside"):
        store.open_item("src-009", "ben@example.org")
    assert "src-009" in set(store.load()[0]["sources"]["source_id"])  # the article stays in the dataset


def test_two_intakes_at_once_number_their_articles_apart(store):
    errors: list[Exception] = []

    def work(n: int):
        try:
            store.intake(articles(n, n + 10))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert sorted(i.source_id for i in store.queue()) == ["src-009", "src-010", "src-011", "src-012"]
    data, _ = store.load()
    assert not data.errors and len(data["sources"]) == 13


def test_the_migrated_queue_table_is_the_one_the_store_reads(database):
    """Migration 0005 and dashboard/db/tables.py describe the same parley_intake (names, types, nullability)."""
    import sqlalchemy as sa

    from dashboard.db import tables

    engine = sa.create_engine(DatabaseStore.from_url(database).engine.url)
    migrated = {c["name"]: (type(c["type"]).__name__, c["nullable"]) for c in sa.inspect(engine).get_columns("parley_intake")}
    described = {c.name: (type(c.type.dialect_impl(engine.dialect)).__name__, c.nullable) for c in tables.intake.columns}
    engine.dispose()
    assert set(migrated) == set(described)
    assert {n: v[1] for n, v in migrated.items()} == {n: v[1] for n, v in described.items()}
    assert {n for n, v in migrated.items() if v[0] == "TIMESTAMP"} == {"added_at", "opened_at", "finished_at"}


def test_the_database_takes_a_folder_in_from_the_command_line(database, tmp_path):
    import os
    import subprocess
    import sys

    db = DatabaseStore.from_url(database)
    db.import_package(REPO / "data", REPO / "seeds")
    for n in (1, 2):
        (tmp_path / f"a{n}.txt").write_text(f"Synthetic talks round {n}\n\n" + TEXT.format(n=n), encoding="utf-8")
    (tmp_path / "a3.txt").write_text("SYNTHETIC. Too short.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dashboard.db", "intake", str(tmp_path), "--editor", "ana@example.org"],
                          cwd=REPO, capture_output=True, text=True, env={**os.environ, "PARLEY_DATABASE_URL": database})
    assert done.returncode == 1  # one file refused
    assert f"not added: {tmp_path / 'a3.txt'}: the article text is too short" in done.stderr
    assert "3 file(s) in" in done.stdout and "2 added to the review queue" in done.stdout
    assert [(i.source_id, i.title, i.added_by) for i in db.queue()] == [
        ("src-009", "Synthetic talks round 1", "ana@example.org"), ("src-010", "Synthetic talks round 2", "ana@example.org")]
    assert db.history().iloc[0]["what"] == "2 sources, 2 articles"
    db.engine.dispose()


def test_a_viewers_role_granted_before_the_queue_existed_gets_a_message_not_a_crash(database):
    import sqlalchemy as sa

    db = DatabaseStore.from_url(database)
    db.import_package(REPO / "data", REPO / "seeds")
    with db.engine.begin() as conn:
        conn.execute(sa.text("CREATE ROLE parley_queue_reader_test LOGIN"))
        conn.execute(sa.text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO parley_queue_reader_test"))
        conn.execute(sa.text("REVOKE SELECT ON parley_intake FROM parley_queue_reader_test"))
    reader = sa.create_engine(db.engine.url.set(username="parley_queue_reader_test"))
    try:
        assert DatabaseStore(reader).load()[0]["events"].shape[0] == 14
        with pytest.raises(queue.QueueError, match="grant its role SELECT on parley_intake"):
            DatabaseStore(reader).queue()
        with db.engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE parley_intake"))
        with pytest.raises(queue.QueueError, match="no review queue yet: upgrade its schema"):
            db.queue()
    finally:
        reader.dispose()
        db.engine.dispose()
