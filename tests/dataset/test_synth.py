"""The synthetic dataset generator: valid, deterministic, marked synthetic, never written into data/."""

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.dataset.schema import EVENT_TYPES
from dashboard.dataset.synthetic import write

REPO = Path(__file__).resolve().parents[2]


def test_generated_dataset_validates_with_no_problems(tmp_path):
    out = write(tmp_path / "syn", events=600, seed=3)
    ds = load_dataset(out / "data", out / "seeds")
    assert ds.problems == [], [str(p) for p in ds.problems][:5]
    assert len(ds["events"]) == 600 and 200 < len(ds["positions"]) < 400
    assert set(ds["events"]["type"]) == set(EVENT_TYPES)
    assert set(ds["events"]["date_precision"]) == {"day", "week", "month", "year"}
    assert ds["events"]["slip_days"].notna().any() and ds["positions"]["red_line"].any()


def test_every_source_is_marked_synthetic_and_has_no_invented_url(tmp_path):
    out = write(tmp_path / "syn", events=100)
    ds = load_dataset(out / "data", out / "seeds")
    assert ds["sources"]["title"].str.startswith("SYNTHETIC").all()
    assert ds["sources"]["licence"].str.contains("SYNTHETIC").all() and (ds["sources"]["url"] == "").all()
    assert all(a.text.startswith("SYNTHETIC TEST ARTICLE") for a in ds.articles.values())


def test_same_seed_same_bytes(tmp_path):
    a, b = write(tmp_path / "a", 200, seed=5), write(tmp_path / "b", 200, seed=5)
    for name in ("events.csv", "positions.csv", "citations.csv"):
        assert (a / "data" / name).read_bytes() == (b / "data" / name).read_bytes()
    assert (write(tmp_path / "c", 200, seed=6) / "data" / "events.csv").read_bytes() != (a / "data" / "events.csv").read_bytes()


def test_refuses_to_write_into_the_repository_data(tmp_path):
    with pytest.raises(SystemExit, match="refusing"):
        write(REPO, 10)
    done = subprocess.run([sys.executable, "-m", "dashboard.dataset.synthetic", "--events", "20", "--out", str(tmp_path / "cli")],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and "SYNTHETIC dataset of 20 events" in done.stdout
