"""The warm-up a server runs as it starts: what the first visitor would otherwise wait for, loaded once."""

import streamlit as st

from dashboard.ui import state, warm_up
from dashboard.views.registry import VIEWS

VIEW_FILES = [warm_up.Path(state.__file__).parents[1] / view.file for view in VIEWS]


def test_imported_by_reads_every_module_a_view_imports():
    names = warm_up.imported_by(VIEW_FILES)
    assert "streamlit" in names and "dashboard.ui.state" in names
    assert all(not name.startswith(".") for name in names)


def test_the_warm_up_loads_the_shared_dataset_and_the_gazetteer_once(folder, monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_DATA_DIR", str(folder.data))
    monkeypatch.setenv("PARLEY_SEEDS_DIR", str(folder.seeds))
    monkeypatch.delenv("PARLEY_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    took = warm_up.warm_up(VIEW_FILES)
    assert list(took) == ["imports", "dataset", "gazetteer"]  # no search index: the first search builds it
    data, _ = state.shared_dataset(state.current_store())  # what a visitor's run asks for: already loaded
    assert len(data["events"]) > 0
    out = capsys.readouterr()
    log = out.err + out.out
    assert "parley: warmed up at start: imports" in log
    assert log.count("parley: loaded") == 1, "the visitor's run found the dataset the warm-up loaded"
    st.cache_resource.clear()
    st.cache_data.clear()


def test_a_failing_step_is_logged_and_the_rest_left_to_the_first_visitor(monkeypatch, capsys):
    def broken(store):
        raise OSError("SYNTHETIC: the data folder is unreadable")

    monkeypatch.setattr(state, "shared_dataset", broken)
    took = warm_up.warm_up(VIEW_FILES)
    assert list(took) == ["imports"]
    err = capsys.readouterr().err
    assert "warm-up step 'dataset' failed" in err and "SYNTHETIC: the data folder is unreadable" in err
