"""The store contract, run against both back ends: the data folder and a PostgreSQL database.

Each test gets the bundled data in a store of its own: a copy of data/ and seeds/, or a new database on
the throw-away server with the bundled package imported.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from dashboard.curation.change import Change
from dashboard.curation.file_store import FileStore
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import Dataset, load_dataset
from dashboard.db.store import DatabaseStore

REPO = Path(__file__).resolve().parents[2]
WATER = {"issue_id": "water", "label": "Water", "description": "Sharing of rivers and dams"}


@pytest.fixture(params=["files", "database"])
def store(request, folder):
    if request.param == "files":
        yield FileStore(folder.data, folder.seeds)
        return
    store = DatabaseStore.from_url(request.getfixturevalue("database"))
    store.import_package(REPO / "data", REPO / "seeds")
    yield store
    store.engine.dispose()


def test_the_same_dataset_comes_out_of_either_store(store):
    data, version = store.load()
    bundled = load_dataset(REPO / "data", REPO / "seeds")
    for name, frame in bundled.tables.items():
        pd.testing.assert_frame_equal(data[name], frame, check_dtype=True, obj=name)
    assert data.problems == bundled.problems == []
    assert set(data.articles) == set(bundled.articles)
    assert {s: a.text for s, a in data.articles.items()} == {s: a.text for s, a in bundled.articles.items()}
    assert len(version.digest) == 12


def test_a_save_shows_on_the_next_load_and_changes_the_fingerprint(store):
    before = store.fingerprint()
    assert store.save(Change(rows={"issues": [WATER]}), editor="ana@example.org") == {"issues": 1}
    assert store.fingerprint() != before
    data, _ = store.load()
    assert data["issues"].set_index("issue_id").loc["water", "label"] == "Water"


def test_a_change_that_fails_validation_writes_nothing(store):
    before_print, (before, _) = store.fingerprint(), store.load()
    event = {"event_id": "bad-1", "process_id": "russia-ukraine", "title": "Talks", "type": "talks_round",
             "status": "held", "start_date": "2025-06-03", "date_precision": "day",
             "actors": "nobody-knows:party", "summary": "x"}
    change = Change(rows={"events": [event]})
    problems = store.validate(change, before)
    assert any(p.field == "actors" for p in problems)
    with pytest.raises(SaveError) as refused:
        store.save(change)
    assert refused.value.problems and store.fingerprint() == before_print
    assert "bad-1" not in set(store.load()[0]["events"]["event_id"])


def test_an_article_is_never_overwritten(store):
    data, _ = store.load()
    name = next(iter(data["sources"]["seed_file"]))
    with pytest.raises(SaveError, match="already exists"):
        store.save(Change(articles={name: "replaced"}))


def test_editors_saving_at_once_all_keep_their_records(store):
    """Four saves at once, each choosing its id against the data as it is when its turn comes."""

    def next_issue(current: Dataset) -> Change:
        taken = {i for i in current["issues"]["issue_id"] if i.startswith("extra-")}
        return Change(rows={"issues": [{"issue_id": f"extra-{len(taken) + 1}", "label": "Extra",
                                        "description": "added at once"}]})

    errors: list[Exception] = []

    def work():
        try:
            store.save(next_issue, editor="someone@example.org")
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    ids = sorted(i for i in store.load()[0]["issues"]["issue_id"] if i.startswith("extra-"))
    assert ids == ["extra-1", "extra-2", "extra-3", "extra-4"]
