"""The fingerprint that decides when the shared dataset is loaded afresh."""

import os

from dashboard.config import fingerprint


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
