"""Precision and recall of the extraction assistant against the curated truth for each seed article.

Run from the repository root:  python tests/benchmark_extraction.py
The truth (tests/extraction_truth/*.json) is what a careful curator records from
each article alone. Fields scored: event dates, venues, mediators (mediators,
hosts, facilitators), parties, and red-line quotes (a proposed red line matches
a true one when it covers at least half of its words). Every proposed quote and
evidence span is also checked against the article with the loader's own quote
check.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dashboard.articles import find_quote, published_from_header, read_article  # noqa: E402
from dashboard.extract import extract_article  # noqa: E402
from dashboard.loader import load_dataset  # noqa: E402

TRUTH = Path(__file__).resolve().parent / "extraction_truth"
FIELDS = ("event_dates", "venues", "mediators", "parties", "red_line_quotes")


def predicted_sets(result: dict) -> dict[str, set]:
    events = result["events"]
    return {
        "event_dates": {e["date"] for e in events if e["date"]},
        "venues": {e["venue_city"] for e in events if e["venue_city"]},
        "mediators": {m for e in events for m in e["mediators"]},
        "parties": {p for e in events for p in e["parties"]},
    }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(path: Path, truth: dict, actors) -> tuple[dict[str, Counter], dict]:
    article = read_article(path)
    result = extract_article(article.text, actors, published_from_header(article.header))
    affiliation = dict(zip(actors["actor_id"], actors["affiliation"]))
    counts: dict[str, Counter] = {}
    predicted = predicted_sets(result)
    for field in ("event_dates", "venues", "parties"):
        true = set(truth[field])
        counts[field] = Counter(tp=len(predicted[field] & true), fp=len(predicted[field] - true),
                                fn=len(true - predicted[field]))
    # a person counts as the state or organisation they belong to ("hospitality of Crown Prince X" = host Saudi Arabia)
    true_mediators = set(truth["mediators"])
    found = {m if m in true_mediators else affiliation.get(m) or m for m in predicted["mediators"]}
    counts["mediators"] = Counter(tp=len(found & true_mediators), fp=len(found - true_mediators),
                                  fn=len(true_mediators - found))
    true_spans = [article.find(q) for q in truth["red_line_quotes"]]
    assert all(true_spans), f"{path.name}: a truth quote is not in the article"
    red = [(p["start"], p["end"]) for p in result["positions"] if p["red_line"]]
    matched = {i for i, t in enumerate(true_spans) for r in red if _overlap(t, r) * 2 >= t[1] - t[0]}
    useful = [r for r in red if any(_overlap(t, r) * 2 >= t[1] - t[0] for t in true_spans)]
    counts["red_line_quotes"] = Counter(tp=len(matched), fp=len(red) - len(useful), fn=len(true_spans) - len(matched))
    return counts, result


def verbatim_check(text: str, result: dict, normalised) -> tuple[int, int]:
    """How many proposed quotes and evidence spans are verbatim slices that pass the loader's quote check."""
    spans = [(p["quote"], p["start"], p["end"]) for p in result["positions"]]
    spans += [(e["evidence"]["text"], e["evidence"]["start"], e["evidence"]["end"]) for e in result["events"]]
    ok = sum(1 for quote, s, e in spans if text[s:e] == quote and find_quote(normalised, quote) is not None)
    return ok, len(spans)


def run() -> tuple[dict[str, Counter], dict[str, dict[str, Counter]], tuple[int, int]]:
    actors = load_dataset()["actors"]
    totals = {f: Counter() for f in FIELDS}
    per_article: dict[str, dict[str, Counter]] = {}
    verbatim = [0, 0]
    for truth_file in sorted(TRUTH.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        path = REPO / "seeds" / truth["article"]
        counts, result = score_article(path, truth, actors)
        per_article[truth["article"]] = counts
        for field in FIELDS:
            totals[field] += counts[field]
        article = read_article(path)
        ok, n = verbatim_check(article.text, result, article.normalised)
        verbatim[0] += ok
        verbatim[1] += n
    return totals, per_article, (verbatim[0], verbatim[1])


def precision_recall(c: Counter) -> tuple[float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def main() -> None:
    totals, per_article, (ok, n) = run()
    print(f"{'article':48} " + " ".join(f"{f:>16}" for f in FIELDS))
    for name, counts in per_article.items():
        cells = []
        for f in FIELDS:
            c = counts[f]
            cells.append(f"{c['tp']}/{c['tp'] + c['fn']} +{c['fp']}".rjust(16))
        print(f"{name[:48]:48} " + " ".join(cells))
    print("\n(cells: found/true, +false proposals)\n")
    print(f"{'field':18} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for f in FIELDS:
        p, r = precision_recall(totals[f])
        c = totals[f]
        print(f"{f:18} {p:9.2f} {r:7.2f} {c['tp']:4} {c['fp']:4} {c['fn']:4}")
    print(f"\nverbatim quotes and evidence spans: {ok}/{n} pass the loader's quote check")


if __name__ == "__main__":
    main()
