"""Citations of what a view shows, and the dataset version a link carries."""

import datetime as dt
import json
import shutil
import subprocess

import bibtexparser
import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.dataset.version import DataVersion, content_digest, data_version
from dashboard.outputs.citations import as_bibtex, as_csl_json, as_text, cited_sources

TODAY = dt.date(2026, 11, 26)
VERSION = DataVersion("3f9a1c2e5b7d", "8c1e4f2a9b3d", False)


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def istanbul_sources(ds):
    events = ds["events"][ds["events"]["event_id"] == "ru-ua-2025-05-istanbul-round"]
    return cited_sources(ds["sources"], ds["citations"], events, ds["positions"].iloc[:0])


def test_the_sources_behind_an_event_each_once_dated_first(ds):
    sources = istanbul_sources(ds)
    # published 11, 12 and 17 May 2025; src-000 has no date
    assert list(sources["source_id"]) == ["src-001", "src-003", "src-002", "src-000"]


def test_text_citations_leave_out_what_the_record_does_not_say(ds):
    lines = as_text(istanbul_sources(ds))
    undated = lines[-1]
    assert undated.startswith("Aghakazim Guliyev (n.d.). Official: Russia to push for recognition")
    assert "https://" not in undated  # src-000 has no URL: none is made up
    assert lines[0].startswith("(2025, May 11). Press statement by the President of Russia")
    assert lines[0].endswith("https://guyana.mid.ru/en/embassy/news/press_statement_by_the_president_of_russia_"
                             "vladimir_putin_following_festive_events_dedicated_to_the_")


def test_bibtex_parses_back_with_every_article_and_the_dataset(ds):
    text = as_bibtex(istanbul_sources(ds), VERSION, "https://parley.example.org/timeline?process=x&v=3f9a1c2e5b7d",
                     TODAY)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    entries = {e.key: e.fields_dict for e in library.entries}
    assert set(entries) == {"src-000", "src-001", "src-002", "src-003", "parley-3f9a1c2e5b7d"}
    assert entries["src-001"]["year"].value == "2025" and entries["src-001"]["month"].value == "5"
    assert "year" not in entries["src-000"] and "url" not in entries["src-000"]
    assert entries["parley-3f9a1c2e5b7d"]["version"].value == "3f9a1c2e5b7d (commit 8c1e4f2a9b3d)"
    assert entries["parley-3f9a1c2e5b7d"]["urldate"].value == "2026-11-26"


def test_bibtex_escapes_what_would_break_it(ds):
    sources = istanbul_sources(ds).head(1).assign(title="Talks {100%} & more_#1 \\ end }", author="A & B")
    library = bibtexparser.parse_string(as_bibtex(sources))
    assert not library.failed_blocks and len(library.entries) == 1
    assert library.entries[0].fields_dict["title"].value == r"Talks \{100\%\} \& more\_\#1 \textbackslash{} end \}"


def test_csl_json_parses_back_with_dates_as_precise_as_written(ds):
    items = json.loads(as_csl_json(istanbul_sources(ds), VERSION, "https://parley.example.org/", TODAY))
    by_id = {item["id"]: item for item in items}
    assert by_id["src-001"]["issued"] == {"date-parts": [[2025, 5, 11]]}
    assert by_id["src-001"]["type"] == "article-newspaper" and by_id["src-001"]["URL"].startswith("https://")
    assert "issued" not in by_id["src-000"] and by_id["src-000"]["author"] == [{"literal": "Aghakazim Guliyev"}]
    dataset = by_id["parley-3f9a1c2e5b7d"]
    assert dataset["type"] == "dataset" and dataset["accessed"] == {"date-parts": [[2026, 11, 26]]}


def test_content_digest_follows_the_files_not_the_folder(folder, tmp_path):
    before = content_digest(folder.data, folder.seeds)
    copy = tmp_path / "copy"
    shutil.copytree(folder.data, copy / "data")
    shutil.copytree(folder.seeds, copy / "seeds")
    assert content_digest(copy / "data", copy / "seeds") == before  # same files elsewhere: same version
    (folder.data / ".lock").write_text("")
    assert content_digest(folder.data, folder.seeds) == before  # a lock file is not data
    rows = folder.rows("issues")
    rows[0]["label"] = rows[0]["label"] + " (edited)"
    folder.write("issues", rows)
    assert content_digest(folder.data, folder.seeds) != before


def test_version_names_the_commit_and_local_changes(folder):
    run = lambda *args: subprocess.run(["git", *args], cwd=folder.data.parent, check=True, capture_output=True)  # noqa: E731
    assert data_version(folder.data, folder.seeds).commit == ""  # not a repository
    run("init", "-q")
    run("-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    run("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "data")
    clean = data_version(folder.data, folder.seeds)
    assert len(clean.commit) == 12 and not clean.changed_since_commit
    assert clean.label == f"{clean.digest} (commit {clean.commit})"
    (folder.seeds / "999_new.txt").write_text("An uncurated article.")
    changed = data_version(folder.data, folder.seeds)
    assert changed.changed_since_commit and changed.label.endswith("+ local changes)")
