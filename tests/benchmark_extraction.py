"""Precision and recall of the extraction assistant, on the articles its rules were shaped on, and on a sealed set.

Run from the repository root:  python tests/benchmark_extraction.py
Two sets, printed apart, both of which the rules were shaped on (they flatter the assistant):
- seeds/: the truth in tests/extraction_truth/*.json, by registry id. The rules were first written
  against these articles.
- the corpus (../shared/corpus, or PARLEY_CORPUS_DIR): 26 real articles about other negotiations,
  with a curator's truth by spelling (truth.json); the rules were developed against them (issue 20),
  each rule from a construction of English seen in two articles of different processes, or from
  grammar alone, and tested on invented text. A proposed actor
  matches a true one when any of its names (registry name and aliases, the words the article used
  for it, and for a person the actor they act for) equals any listed spelling, ignoring case. Event
  dates compare the days proposed (a date without a year, a month or a week is not a day); a
  venue is the city, or the country where no city is given. "Proposed events per true one" divides
  the events proposed by the true events, counted per article as the larger of its true days and
  venues (at least one).
The corpus is split by peace process into two halves (`corpus_split`, a rule fixed in this file, not chosen by
results): DEV, whose per-article figures a developer reads and shapes rules on, and HOLDOUT, printed in totals
only, like the sealed set. `--split dev` prints DEV per article; `--split holdout` prints HOLDOUT's totals only.
`--sealed DIR` scores a sealed set (../shared/corpus-sealed) and prints its totals only: no article name, no
per-article figure, so the set stays a measurement on text no rule was shaped by (its truth.json `_about`).
Only that set measures how the assistant reads articles it has never seen.
Fields scored: event dates, venues, mediators (mediators, hosts, facilitators, guarantors, observers),
parties, and red-line quotes (a proposed red line matches a true one when it covers at least half of
its words). Every proposed quote and evidence span is also checked against the article with the
loader's own quote check. The last lines time a 5,000-word article and measure the gazetteer's memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dashboard.dataset.articles import find_quote, published_from_header, read_article  # noqa: E402
from dashboard.dataset.loader import load_dataset  # noqa: E402
from dashboard.extract import extract_article  # noqa: E402

TRUTH = Path(__file__).resolve().parent / "extraction_truth"
CORPUS = Path(os.environ.get("PARLEY_CORPUS_DIR", REPO.parent / "shared" / "corpus"))
FIELDS = ("event_dates", "venues", "mediators", "parties", "red_line_quotes")


def predicted_sets(result: dict) -> dict[str, set]:
    events = result["events"]
    return {
        "event_dates": {e["date"] for e in events if e["date"]},
        "venues": {e["venue_city"] or e["venue_country"] for e in events if e["venue_city"] or e["venue_country"]},
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
    counts["red_line_quotes"] = red_line_counts(path, article, truth["red_line_quotes"], result)
    return counts, result


def red_line_counts(path: Path, article, quotes: list[str], result: dict) -> Counter:
    """A proposed red line matches a true one when it covers at least half of its words."""
    true_spans = [article.find(q) for q in quotes]
    assert all(true_spans), f"{path.name}: a truth quote is not in the article"
    red = [(p["start"], p["end"]) for p in result["positions"] if p["red_line"]]
    matched = {i for i, t in enumerate(true_spans) for r in red if _overlap(t, r) * 2 >= t[1] - t[0]}
    useful = [r for r in red if any(_overlap(t, r) * 2 >= t[1] - t[0] for t in true_spans)]
    return Counter(tp=len(matched), fp=len(red) - len(useful), fn=len(true_spans) - len(matched))


def verbatim_check(text: str, result: dict, normalised) -> tuple[int, int]:
    """How many proposed quotes and evidence spans are verbatim slices that pass the loader's quote check."""
    spans = [(p["quote"], p["start"], p["end"]) for p in result["positions"]]
    spans += [(e["evidence"]["text"], e["evidence"]["start"], e["evidence"]["end"]) for e in result["events"]]
    ok = sum(1 for quote, s, e in spans if text[s:e] == quote and find_quote(normalised, quote) is not None)
    return ok, len(spans)


def tally(scored) -> tuple[dict[str, Counter], dict[str, dict[str, Counter]], tuple[int, int]]:
    """Totals per field, counts per article, and (verbatim, all) quotes and spans, over (name, path, counts, result)."""
    totals = {f: Counter() for f in FIELDS}
    per_article: dict[str, dict[str, Counter]] = {}
    verbatim = [0, 0]
    for name, path, counts, result in scored:
        per_article[name] = counts
        for field in FIELDS:
            totals[field] += counts[field]
        article = read_article(path)
        ok, n = verbatim_check(article.text, result, article.normalised)
        verbatim[0] += ok
        verbatim[1] += n
    return totals, per_article, (verbatim[0], verbatim[1])


def run() -> tuple[dict[str, Counter], dict[str, dict[str, Counter]], tuple[int, int]]:
    actors = load_dataset()["actors"]
    scored = []
    for truth_file in sorted(TRUTH.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        path = REPO / "seeds" / truth["article"]
        scored.append((truth["article"], path, *score_article(path, truth, actors)))
    return tally(scored)


def precision_recall(c: Counter) -> tuple[float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def _spelling(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def actor_spellings(result: dict, actors) -> dict[str, set[str]]:
    """Every name a proposed actor goes by: registry name and aliases, proposed aliases, the words used for it."""
    registry = {r.actor_id: {r.name, *(a.strip() for a in str(r.aliases).split(";") if a.strip())}
                for r in actors.fillna("").itertuples()}
    affiliation = dict(zip(actors["actor_id"], actors["affiliation"].fillna("")))
    names: dict[str, set[str]] = {}
    for m in result["mentions"]:
        if m["actor"]:
            names.setdefault(m["actor"], set()).update({m["name"], m["alias"]}, registry.get(m["actor"], set()))
    for a in result["new_actors"]:
        names.setdefault(a["actor_id"], set()).update({a["name"], *(x for x in a["aliases"].split("; ") if x)})
        affiliation.setdefault(a["actor_id"], a.get("affiliation", ""))
    out = {}
    for actor, spellings in names.items():
        spellings = set(spellings) | names.get(affiliation.get(actor, ""), set())
        out[actor] = {_spelling(x) for x in spellings if x}
    return out


def _match_entities(predicted: set[str], true: list[list[str]], spellings: dict[str, set[str]]) -> Counter:
    entities = [{_spelling(x) for x in entity} for entity in true]
    matched = {i for i, entity in enumerate(entities) for p in predicted if spellings.get(p, {_spelling(p)}) & entity}
    useless = [p for p in predicted if not any(spellings.get(p, {_spelling(p)}) & entity for entity in entities)]
    return Counter(tp=len(matched), fp=len(useless), fn=len(entities) - len(matched))


def score_corpus_article(path: Path, truth: dict, actors) -> tuple[dict[str, Counter], dict, int, int]:
    article = read_article(path)
    published = dt.date.fromisoformat(truth["published"]) if truth.get("published") else None
    result = extract_article(article.text, actors, published)
    events = result["events"]
    spellings = actor_spellings(result, actors)
    days = {e["date"] for e in events if e["date"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"])}
    true_days = set(truth["event_dates"])
    venues = {e["venue_city"] or e["venue_country"] for e in events if e["venue_city"] or e["venue_country"]}
    venue_spellings = {v: {_spelling(v)} for v in venues}
    counts = {
        "event_dates": Counter(tp=len(days & true_days), fp=len(days - true_days), fn=len(true_days - days)),
        "venues": _match_entities(venues, truth["venues"], venue_spellings),
        "mediators": _match_entities({m for e in events for m in e["mediators"]}, truth["mediators"], spellings),
        "parties": _match_entities({p for e in events for p in e["parties"]}, truth["parties"], spellings),
    }
    counts["red_line_quotes"] = red_line_counts(path, article, truth["quotes"], result)
    true_events = max(len(true_days), len(truth["venues"]), 1)
    return counts, result, len(events), true_events


def run_corpus(corpus: Path = CORPUS, half: str | None = None) -> tuple[dict[str, Counter], dict[str, dict[str, Counter]],
                                                                     tuple[int, int], tuple[int, int]]:
    """Scores on a corpus: totals, per article, (verbatim ok, spans), (proposed events, true events). `half`: only the
    articles of that half of `corpus_split` ("dev" or "holdout")."""
    actors = load_dataset()["actors"]
    truth_all = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    halves = corpus_split([n for n in truth_all if not n.startswith("_")])
    scored, event_counts = [], [0, 0]
    for name, truth in sorted(truth_all.items()):
        if name.startswith("_") or (half is not None and halves[name] != half):
            continue
        path = corpus / "articles" / name
        counts, result, proposed, true_events = score_corpus_article(path, truth, actors)
        scored.append((name, path, counts, result))
        event_counts[0] += proposed
        event_counts[1] += true_events
    return (*tally(scored), (event_counts[0], event_counts[1]))


# Processes whose articles are written under more than one name: talks between the same two main sides, counted as
# one process so that no side's spelling or construction is shaped on in one half and measured in the other.
SAME_PROCESS = {"sixparty": "korean-peninsula", "us-dprk": "korean-peninsula"}
# Process names of two words in the corpus's file names ("b08_us-dprk-singapore-summit-2018.txt"); any other name's
# process is its first word ("c09_yemen-kuwait-talks-resume.txt": yemen).
TWO_WORD_PROCESSES = ("israel-lebanon", "israel-hamas", "serbia-kosovo", "us-dprk", "mozambique-renamo")


def process_of(name: str) -> str:
    """The peace process an article of the corpus is about, from its file name: the words after the article's code up
    to an underscore ("a04_yemen_stockholm-…": yemen), else a two-word process name it starts with, else its first
    word; processes known under two names are one (SAME_PROCESS)."""
    rest = re.sub(r"^[a-z]\d+_", "", name)
    if "_" in rest:
        process = rest.split("_", 1)[0]
    else:
        process = next((p for p in TWO_WORD_PROCESSES if rest.startswith(p + "-")), rest.split("-", 1)[0])
    return SAME_PROCESS.get(process, process)


def corpus_split(names: list[str]) -> dict[str, str]:
    """Each article's half, "dev" or "holdout", by a fixed rule blind to results: the processes in the order of the
    SHA-256 of their names, each in turn going whole to the half that holds fewer articles so far (DEV on a tie). No
    process is in both halves; the halves differ by at most the largest process's size."""
    by_process: dict[str, list[str]] = {}
    for name in sorted(names):
        by_process.setdefault(process_of(name), []).append(name)
    half: dict[str, str] = {}
    sizes = {"dev": 0, "holdout": 0}
    for process in sorted(by_process, key=lambda p: hashlib.sha256(p.encode()).hexdigest()):
        side = "dev" if sizes["dev"] <= sizes["holdout"] else "holdout"
        sizes[side] += len(by_process[process])
        for name in by_process[process]:
            half[name] = side
    return half


def speed_and_memory() -> dict[str, float]:
    """Seconds for a 5,000-word article (seed articles joined, SYNTHETIC as a whole) after the gazetteer is loaded,
    the seconds to load the gazetteer once, and the process's peak memory after both."""
    from dashboard.extract.gazetteer import gazetteer

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - start
    texts = [read_article(p).text for p in sorted((REPO / "seeds").glob("*.txt"))]
    text, words = "", 0
    while words < 5000:
        for t in texts:
            text += t + "\n\n"
        words = len(text.split())
    actors = load_dataset()["actors"]
    start = time.perf_counter()
    extract_article(text, actors, dt.date(2025, 5, 16))
    seconds = time.perf_counter() - start
    return {"words": float(len(text.split())), "seconds": seconds, "load_seconds": load,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "before_mb": before}


def print_table(title: str, totals: dict[str, Counter], per_article: dict[str, dict[str, Counter]]) -> None:
    print(f"\n## {title}\n")
    print(f"{'article':48} " + " ".join(f"{f:>16}" for f in FIELDS))
    for name, counts in per_article.items():
        cells = []
        for f in FIELDS:
            c = counts[f]
            cells.append(f"{c['tp']}/{c['tp'] + c['fn']} +{c['fp']}".rjust(16))
        print(f"{name[:48]:48} " + " ".join(cells))
    print("\n(cells: found/true, +false proposals)")
    print_totals("totals", totals)


def print_totals(title: str, totals: dict[str, Counter]) -> None:
    print(f"\n## {title}\n")
    print(f"{'field':18} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for f in FIELDS:
        p, r = precision_recall(totals[f])
        c = totals[f]
        print(f"{f:18} {p:9.2f} {r:7.2f} {c['tp']:4} {c['fp']:4} {c['fn']:4}")


def sealed(folder: Path) -> None:
    """Totals only, on a sealed set: what it says is whether the assistant holds on text it was never shaped by."""
    totals, _, (ok, n), (proposed, true) = run_corpus(folder)
    print_totals(f"{folder} (SEALED: totals only)", totals)
    print(f"\nverbatim quotes and evidence spans: {ok}/{n} pass the loader's quote check")
    print(f"proposed events per true one: {proposed}/{true} = {proposed / true:.2f}")


def split(half: str) -> None:
    """DEV per article (the half rules are shaped on); HOLDOUT in totals only, the way the sealed set is printed."""
    totals, per_article, (ok, n), (proposed, true) = run_corpus(CORPUS, half)
    if half == "dev":
        print_table(f"{CORPUS}: DEV half ({len(per_article)} articles, shaped on)", totals, per_article)
    else:
        print_totals(f"{CORPUS}: HOLDOUT half ({len(per_article)} articles, totals only)", totals)
    print(f"\nverbatim quotes and evidence spans: {ok}/{n} pass the loader's quote check")
    print(f"proposed events per true one: {proposed}/{true} = {proposed / true:.2f}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--sealed":
        sealed(Path(sys.argv[2]))
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--split" and sys.argv[2] in ("dev", "holdout"):
        split(sys.argv[2])
        return
    figures = speed_and_memory()  # first, so that the gazetteer's load and memory are this run's own
    totals, per_article, (ok, n) = run()
    print_table("seeds/ (the rules were written against these)", totals, per_article)
    print(f"\nverbatim quotes and evidence spans: {ok}/{n} pass the loader's quote check")
    if (CORPUS / "truth.json").is_file():
        split("dev")
        split("holdout")
        totals, _, (ok, n), (proposed, true) = run_corpus()
        print_totals(f"{CORPUS}: all {sum(1 for _ in (CORPUS / 'articles').glob('*.txt'))} articles (the rules were "
                     f"shaped on these too), totals only", totals)
        print(f"\nverbatim quotes and evidence spans: {ok}/{n} pass the loader's quote check")
        print(f"proposed events per true one: {proposed}/{true} = {proposed / true:.2f}")
    else:
        print(f"\n(no corpus at {CORPUS}: set PARLEY_CORPUS_DIR)")
    print(f"\nspeed: a {figures['words']:,.0f}-word article in {figures['seconds']:.2f} s once the gazetteer is "
          f"loaded ({figures['load_seconds']:.2f} s, once per process); peak memory of this process "
          f"{figures['before_mb']:.0f} MB before the gazetteer, {figures['peak_mb']:.0f} MB after "
          f"(the gazetteer and the article: {figures['peak_mb'] - figures['before_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
