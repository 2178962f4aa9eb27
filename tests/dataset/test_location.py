"""The fingerprint that decides when the shared dataset is loaded afresh."""

import os

from dashboard.dataset.location import fingerprint


def test_fingerprint_changes_with_any_data_file_and_ignores_dotfiles(tmp_path):
    data, seeds = tmp_path / "data", tmp_path / "seeds"
    data.mkdir()
    seeds.mkdir()
    (data / "events.csv").write_text("a\n")
    (seeds / "001.txt").write_text("text")
    before = fingerprint(data, seeds)
    assert fingerprint(data, seeds) == before

    (data / ".lock").write_text("")  # a lock or a save temporary is not data
    assert fingerprint(data, seeds) == before

    (seeds / "001.txt").write_text("TEXT")  # same size: only the modification time tells
    os.utime(seeds / "001.txt", ns=(1, 1))
    changed = fingerprint(data, seeds)
    assert changed != before

    (seeds / "002.txt").write_text("new")
    assert fingerprint(data, seeds) != changed


def test_a_missing_folder_has_a_fingerprint_of_its_own(tmp_path):
    (tmp_path / "data").mkdir()
    missing = fingerprint(tmp_path / "data", tmp_path / "seeds")
    (tmp_path / "seeds").mkdir()
    assert fingerprint(tmp_path / "data", tmp_path / "seeds") != missing


def test_a_folder_of_many_files_is_rescanned_on_a_timer_but_sees_new_files_at_once(tmp_path, monkeypatch):
    from dashboard.dataset import location

    monkeypatch.setattr(location, "MANY_FILES", 3)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(5):
        (seeds / f"{i}.txt").write_text("text")
    clock = [1000.0]
    monkeypatch.setattr(location.time, "monotonic", lambda: clock[0])
    first = fingerprint(seeds)

    (seeds / "0.txt").write_text("TEXT")  # edited in place: the folder's own mtime does not change
    os.utime(seeds / "0.txt", ns=(5, 5))
    assert fingerprint(seeds) == first  # not scanned again yet
    clock[0] += location.FULL_SCAN_SECONDS
    edited = fingerprint(seeds)
    assert edited != first  # the timed full scan finds it

    (seeds / "new.txt").write_text("new")  # a new file changes the folder: seen at once
    assert fingerprint(seeds) != edited
