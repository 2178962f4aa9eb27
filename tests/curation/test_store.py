"""Saves are atomic, serialised by a lock, validated, and lose nothing when interrupted."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dashboard.curation import file_store
from dashboard.curation.change import Change
from dashboard.curation.file_store import FileStore
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]


def new_issue(n: int) -> dict:
    return {"issue_id": f"test-issue-{n}", "label": f"Test issue {n}", "description": "Added by a test."}


def test_save_appends_rows_and_keeps_existing_bytes(folder):
    before = (folder.data / "issues.csv").read_bytes()
    added = FileStore(folder.data, folder.seeds).save(Change(rows={"issues": [new_issue(1)]}))
    after = (folder.data / "issues.csv").read_bytes()
    assert added == {"issues": 1}
    today = dt.date.today().isoformat().encode()
    assert after.startswith(before) and after.endswith(b"test-issue-1,Test issue 1,Added by a test.," + today + b"\n")
    assert "test-issue-1" in set(load_dataset(folder.data, folder.seeds)["issues"]["issue_id"])
    assert not list(folder.data.glob(".pending-save-*")) and not list(folder.data.glob(".*.tmp"))


def test_save_that_fails_validation_writes_nothing_and_says_why(folder):
    snapshot = {p.name: p.read_bytes() for p in folder.data.iterdir()}
    bad_event = {"event_id": "bad-1", "process_id": "russia-ukraine", "title": "Bad", "type": "talks_round",
                 "status": "held", "start_date": "2025-13-45", "date_precision": "day", "summary": "x",
                 "actors": "russia:party"}
    with pytest.raises(SaveError) as caught:
        FileStore(folder.data, folder.seeds).save(Change(rows={"events": [bad_event]}))
    fields = {(p.file, p.field) for p in caught.value.problems}
    assert ("events.csv", "start_date") in fields and ("events.csv", "citations") in fields
    assert {p.name: p.read_bytes() for p in folder.data.iterdir() if p.name != file_store.LOCK_NAME} == {
        k: v for k, v in snapshot.items()}


def test_duplicate_id_is_refused(folder):
    with pytest.raises(SaveError) as caught:
        FileStore(folder.data, folder.seeds).save(Change(rows={"issues": [dict(new_issue(1), issue_id="territory")]}))
    assert [p.code for p in caught.value.problems] == ["duplicate-id"]


def test_existing_article_file_is_never_overwritten(folder):
    target = folder.seeds / "000_413ab4be917e9cfd.txt"
    with pytest.raises(SaveError):
        FileStore(folder.data, folder.seeds).save(Change(articles={target.name: "replaced"}))
    assert target.read_bytes() != b"replaced"


def test_failure_while_writing_leaves_old_files_and_no_temporaries(folder, monkeypatch):
    before = (folder.data / "issues.csv").read_bytes()
    real_fsync = file_store.os.fsync

    def failing_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(file_store.os, "fsync", failing_fsync)
    with pytest.raises(SaveError, match="No space left on device"):
        FileStore(folder.data, folder.seeds).save(Change(rows={"issues": [new_issue(1)]}))
    monkeypatch.setattr(file_store.os, "fsync", real_fsync)
    assert (folder.data / "issues.csv").read_bytes() == before
    assert not list(folder.data.glob(".*.tmp")) and not list(folder.data.glob(".pending-save-*"))


KILL_AFTER_FIRST_RENAME = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from dashboard.curation import file_store
    from dashboard.curation.change import Change
    real_replace = os.replace
    calls = []
    def replace_then_die(src, dst):
        real_replace(src, dst)
        calls.append(dst)
        if str(dst).endswith(".csv"):
            os._exit(9)  # the process dies here, mid-save
    file_store.os.replace = replace_then_die
    rows = {{"issues": [{{"issue_id": "killed-1", "label": "L", "description": "D"}}],
             "processes": [{{"process_id": "killed-p", "name": "N", "conflict": "C", "description": ""}}]}}
    file_store.FileStore(Path({data!r}), Path({seeds!r})).save(Change(rows=rows))
""")


def test_save_killed_half_way_loses_nothing_and_is_completed_by_the_next_save(folder):
    issues_before = (folder.data / "issues.csv").read_bytes()
    processes_before = (folder.data / "processes.csv").read_bytes()
    script = KILL_AFTER_FIRST_RENAME.format(repo=str(REPO), data=str(folder.data), seeds=str(folder.seeds))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    # one table is renamed, the other still waits as a temporary named in the manifest
    assert len(list(folder.data.glob(".pending-save-*.json"))) == 1
    ds = load_dataset(folder.data, folder.seeds)
    assert not ds.errors, [str(p) for p in ds.errors]  # every table is whole and loadable
    assert [p.code for p in ds.problems] == ["save-interrupted"]
    current = {"issues": (folder.data / "issues.csv").read_bytes(),
               "processes": (folder.data / "processes.csv").read_bytes()}
    assert current["issues"].startswith(issues_before) and current["processes"].startswith(processes_before)
    # the next save rolls the interrupted one forward, then adds its own row
    FileStore(folder.data, folder.seeds).save(Change(rows={"issues": [new_issue(2)]}))
    ds = load_dataset(folder.data, folder.seeds)
    assert {"killed-1", "test-issue-2"} <= set(ds["issues"]["issue_id"])
    assert "killed-p" in set(ds["processes"]["process_id"])
    assert not list(folder.data.glob(".pending-save-*")) and not list(folder.data.glob(".*.tmp"))


def _save_in_process(data, seeds, n, barrier):
    barrier.wait()
    FileStore(Path(data), Path(seeds)).save(Change(rows={"issues": [new_issue(n)]}))


def _save_next_number_in_process(data, seeds, barrier):
    """Each process takes 'the next free number' as its id: only right if chosen against the data under the lock."""
    barrier.wait()
    FileStore(Path(data), Path(seeds)).save(lambda current: Change(rows={"issues": [new_issue(len(current["issues"]))]}))


def _run_at_once(target, args_per_process: list[tuple]) -> None:
    """Start one process per argument tuple; a barrier makes them all reach `target` at the same moment. The
    processes fork from a server process that has imported the store once (not each its own interpreter that
    imports pandas again), and none inherits this process's threads."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["dashboard.curation.file_store", "dashboard.dataset.loader"])
    barrier = ctx.Barrier(len(args_per_process))
    workers = [ctx.Process(target=target, args=(*args, barrier)) for args in args_per_process]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert all(w.exitcode == 0 for w in workers)


def test_concurrent_saves_keep_every_row(folder):
    count = 4
    _run_at_once(_save_in_process, [(str(folder.data), str(folder.seeds), n) for n in range(count)])
    ids = set(load_dataset(folder.data, folder.seeds)["issues"]["issue_id"])
    assert {f"test-issue-{n}" for n in range(count)} <= ids


def test_an_empty_change_is_refused(folder):
    with pytest.raises(SaveError, match="nothing to save"):
        FileStore(folder.data, folder.seeds).save(Change())


def test_read_only_folder_gives_a_clear_message_and_writes_nothing(folder, monkeypatch):
    """The folder refuses writes (as a read-only mount would; root ignores chmod, so the refusal is simulated)."""
    before = {p.name: p.read_bytes() for p in folder.data.iterdir() if not p.name.startswith(".")}
    real_open = open

    def refusing_open(path, mode="r", *args, **kwargs):
        if "w" in mode and Path(path).parent == folder.data and Path(path).name != file_store.LOCK_NAME:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    with pytest.raises(SaveError, match="Permission denied"):
        FileStore(folder.data, folder.seeds).save(Change(rows={"issues": [new_issue(1)]}))
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.data.iterdir() if not p.name.startswith(".")} == before
    assert not list(folder.data.glob(".*.tmp"))


def test_disk_full_part_way_through_writing_leaves_nothing_half_written(folder, monkeypatch):
    before = {p.name: p.read_bytes() for p in folder.data.iterdir() if not p.name.startswith(".")}
    real_open = open
    opened = []

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def write(self, content):
            self.fh.write(content[: len(content) // 2])
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    def filling_open(path, mode="r", *args, **kwargs):
        fh = real_open(path, mode, *args, **kwargs)
        if "w" in mode and str(path).endswith(".tmp"):
            opened.append(path)
            if len(opened) == 2:  # the second table's temporary file hits a full disk
                return FullDisk(fh)
        return fh

    monkeypatch.setattr("builtins.open", filling_open)
    with pytest.raises(SaveError, match="No space left on device"):
        FileStore(folder.data, folder.seeds).save(Change(rows={
            "issues": [new_issue(1)],
            "processes": [{"process_id": "p-new", "name": "N", "conflict": "C", "description": ""}]}))
    monkeypatch.undo()
    assert len(opened) == 2
    assert {p.name: p.read_bytes() for p in folder.data.iterdir() if not p.name.startswith(".")} == before
    assert not list(folder.data.glob(".*.tmp")) and not list(folder.data.glob(".pending-save-*"))


def test_concurrent_saves_choose_ids_against_the_latest_data(folder):
    count = 4
    _run_at_once(_save_next_number_in_process, [(str(folder.data), str(folder.seeds))] * count)
    ds = load_dataset(folder.data, folder.seeds)
    assert not ds.errors
    assert len([i for i in ds["issues"]["issue_id"] if i.startswith("test-issue-")]) == count


def test_validation_reads_the_planned_files_in_place_and_writes_nothing(folder, tmp_path):
    """A new article and the rows citing it are checked together, before either exists on disk."""
    article = folder.seeds / "900_new-article.txt"
    text = "title: A new article\n---\nThe envoy said the talks would resume in Doha next week.\n"
    rows = folder.rows("sources")
    source = dict(rows[-1], source_id="src-900", seed_file=article.name, title="A new article", url="")
    citation = {"citation_id": "cit-900", "record_type": "event", "record_id": "ru-ua-2025-05-istanbul-round",
                "source_id": "src-900", "quote": "the talks would resume in Doha next week"}
    before = sorted(p.name for p in tmp_path.rglob("*"))
    good = Change(rows={"sources": [source], "citations": [citation]}, articles={article.name: text})
    assert FileStore(folder.data, folder.seeds).validate(good) == []
    misquoted = Change(rows={"sources": [source], "citations": [dict(citation, quote="the talks are over")]},
                       articles={article.name: text})
    problems = FileStore(folder.data, folder.seeds).validate(misquoted)
    assert [(p.file, p.field) for p in problems] == [("citations.csv", "quote")]
    assert not article.exists() and sorted(p.name for p in tmp_path.rglob("*")) == before
