"""The cached dataset is shared, and loaded afresh when a file in the data folder changes."""

import os

import streamlit as st

from dashboard.ui import state


def test_dataset_is_cached_and_reloaded_when_a_file_changes(folder, monkeypatch):
    monkeypatch.setenv("PARLEY_DATA_DIR", str(folder.data))
    monkeypatch.setenv("PARLEY_SEEDS_DIR", str(folder.seeds))
    st.cache_resource.clear()
    first = state.dataset()
    assert state.dataset() is first, "a second call within the same data shares the loaded object"
    folder.set("processes", "process_id", "israel-hamas", name="Edited in a spreadsheet")
    path = folder.data / "processes.csv"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = state.dataset()
    assert second is not first
    assert "Edited in a spreadsheet" in set(second["processes"]["name"])
    st.cache_resource.clear()
