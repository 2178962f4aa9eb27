"""What every view needs: the dataset (loaded once for all sessions) and the filters.

The dataset is cached with `st.cache_resource`, so every session shares one
copy instead of unpickling its own; it is keyed on a fingerprint of the data and
seeds folders, so editing any file loads it afresh on the next rerun. Views must
treat it as read-only.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.analysis.filters import Filters, filter_events, filter_positions
from dashboard.dataset import location
from dashboard.dataset.loader import Dataset, load_dataset
from dashboard.dataset.version import DataVersion, data_version

CONTEXT_KEY = "_parley_context"


@st.cache_resource(max_entries=2, show_spinner="Loading the dataset…")
def _load(data_dir: str, seeds_dir: str, fingerprint: str) -> Dataset:
    data = load_dataset(Path(data_dir), Path(seeds_dir))
    # one line in the server log per load: with many viewers there should still be one per change of the data
    print(f"parley: loaded {data_dir}: {len(data['events'])} events, {len(data['positions'])} positions, "
          f"{len(data.problems)} problems", file=sys.stderr, flush=True)
    return data


@st.cache_resource(max_entries=2, show_spinner=False)
def _version(data_dir: str, seeds_dir: str, fingerprint: str) -> DataVersion:
    return data_version(Path(data_dir), Path(seeds_dir))


def dataset_and_version() -> tuple[Dataset, DataVersion]:
    """The data the views show and its version, both keyed on one fingerprint of the folders per rerun.

    Each is computed once per change of the files and shared by all sessions.
    """
    data_dir, seeds_dir = location.data_dir(), location.seeds_dir()
    key = (str(data_dir), str(seeds_dir), location.fingerprint(data_dir, seeds_dir))
    return _load(*key), _version(*key)


def dataset() -> Dataset:
    return dataset_and_version()[0]


@dataclass(frozen=True)
class ViewContext:
    """The dataset and the filtered records the views draw."""

    data: Dataset
    version: DataVersion
    filters: Filters
    events: pd.DataFrame
    positions: pd.DataFrame


def build_context(data: Dataset, version: DataVersion, filters: Filters) -> ViewContext:
    actors = data["actors"]
    return ViewContext(
        data=data,
        version=version,
        filters=filters,
        events=filter_events(data["events"], data.event_actors, actors, filters),
        positions=filter_positions(data["positions"], actors, filters),
    )


def set_context(context: ViewContext) -> None:
    st.session_state[CONTEXT_KEY] = context


def context() -> ViewContext:
    """The context the entry point built for this run (views are only run from it)."""
    return st.session_state[CONTEXT_KEY]
