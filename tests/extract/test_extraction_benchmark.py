"""The assistant against the curated truth of every seed article (tests/extraction_truth/)."""

import json
import subprocess
import sys
from pathlib import Path

import benchmark_extraction as bench

REPO = Path(__file__).resolve().parents[2]


def test_every_seed_article_has_a_truth_file():
    truths = {json.loads(p.read_text(encoding="utf-8"))["article"] for p in bench.TRUTH.glob("*.json")}
    assert truths == {p.name for p in (REPO / "seeds").glob("*.txt")}


def test_recall_targets_and_verbatim_quotes():
    totals, _, (ok, n) = bench.run()
    for field in ("event_dates", "venues", "mediators", "red_line_quotes"):
        precision, recall = bench.precision_recall(totals[field])
        assert recall >= 0.8, f"{field}: recall {recall:.2f}"
        assert precision >= 0.5, f"{field}: precision {precision:.2f}"
    assert n > 0 and ok == n, f"{n - ok} proposed quotes are not verbatim"


# The floor on ../shared/corpus (26 real articles): the figures after issue 20, precision and recall per field, and the
# most events proposed per true one. Not a target (the targets belong to the benchmark and to the sealed set): a
# change that falls below any figure is a regression. Raise a figure here when the assistant improves on it; never
# lower one.
CORPUS_FLOOR = {  # field: (precision, recall), from `python tests/benchmark_extraction.py`, rounded down
    "event_dates": (0.90, 1.00),
    "venues": (0.95, 1.00),
    "mediators": (0.92, 0.89),
    "parties": (0.96, 0.91),
    "red_line_quotes": (1.00, 0.33),
}
MOST_EVENTS_PER_TRUE_ONE = 1.5


def test_corpus_no_worse_than_the_floor():
    """On ../shared/corpus, no field falls below its floor, no more than 1.5 events are proposed per true one, and
    every proposed quote and evidence span is verbatim."""
    totals, _, (ok, n), (proposed, true) = bench.run_corpus()
    below = []
    for field, (least_precision, least_recall) in CORPUS_FLOOR.items():
        precision, recall = bench.precision_recall(totals[field])
        if precision < least_precision or recall < least_recall:
            below.append(f"{field}: precision {precision:.2f} (floor {least_precision}), recall {recall:.2f} "
                         f"(floor {least_recall})")
    assert not below, "; ".join(below)
    assert proposed <= MOST_EVENTS_PER_TRUE_ONE * true, f"{proposed} events proposed for {true} true ones"
    assert n > 0 and ok == n, f"{n - ok} proposed quotes are not verbatim"


def test_benchmark_script_prints_precision_and_recall_per_field():
    out = subprocess.run([sys.executable, "tests/benchmark_extraction.py"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    for field in bench.FIELDS:
        assert field in out
    assert "precision" in out and "recall" in out and "pass the loader's quote check" in out
    assert "shaped on these too" in out and "proposed events per true one" in out
    assert "DEV half" in out and "HOLDOUT half" in out
    assert "-word article in" in out and "MB" in out  # the speed and memory figures


def test_command_line_prints_json_with_the_documented_fields():
    out = subprocess.run([sys.executable, "-m", "dashboard.extract", "seeds/001_putin-proposes-istanbul-talks.txt"],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result["published"] == "2025-05-11"
    event = next(e for e in result["events"] if e["date"] == "2025-05-15")
    assert {"date", "precision", "status", "venue_city", "parties", "mediators", "evidence"} <= set(event)
    assert event["venue_city"] == "Istanbul" and event["status"] == "announced"
    assert {"actor", "speaker", "issue", "red_line", "quote", "start", "end"} <= set(result["positions"][0])
    assert {"actor", "alias", "start", "end"} <= set(result["mentions"][0])
    override = json.loads(subprocess.run(
        [sys.executable, "-m", "dashboard.extract", "seeds/000_413ab4be917e9cfd.txt", "--published", "2025-05-12"],
        cwd=REPO, capture_output=True, text=True, check=True).stdout)
    assert "2025-05-15" in {e["date"] for e in override["events"]}


def test_command_line_reports_a_missing_file():
    done = subprocess.run([sys.executable, "-m", "dashboard.extract", "nope.txt"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 2 and "no such file" in done.stderr


def test_corpus_split_keeps_each_process_in_one_half():
    """The corpus's DEV and HOLDOUT halves: a rule fixed in the benchmark, each process whole in one half, about half of
    the articles in each (invented names: the rule reads only the file names' shape)."""
    names = ["a01_veldia-orvania_talks-2020.txt", "a02_veldia-orvania_truce-2021.txt", "b03_kessa-port-amar-2019.txt",
             "b04_kessa-accord-2020.txt", "c05_lorn-dialogue.txt", "c06_marra-summit.txt", "c07_us-dprk-summit.txt",
             "c08_sixparty-talks.txt"]
    assert bench.process_of(names[0]) == "veldia-orvania" and bench.process_of(names[2]) == "kessa"
    assert bench.process_of(names[6]) == bench.process_of(names[7])  # one process under two names
    half = bench.corpus_split(names)
    assert half == bench.corpus_split(list(reversed(names)))  # the order names come in changes nothing
    for process in {bench.process_of(n) for n in names}:
        assert len({half[n] for n in names if bench.process_of(n) == process}) == 1
    sizes = [sum(1 for n in names if half[n] == h) for h in ("dev", "holdout")]
    assert abs(sizes[0] - sizes[1]) <= 2


def test_holdout_prints_totals_only():
    if not (bench.CORPUS / "truth.json").is_file():
        return
    out = subprocess.run([sys.executable, "tests/benchmark_extraction.py", "--split", "holdout"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert "HOLDOUT" in out and "recall" in out
    assert ".txt" not in out and "article " not in out  # no article's name, no per-article table
