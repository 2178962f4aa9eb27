"""Batch intake's time per article and peak memory: the 26 real corpus articles, and 500 SYNTHETIC ones.

Run from the repository root:  python tests/benchmark_intake.py [--corpus 26] [--synthetic 500]

Each case takes its articles into a fresh temporary copy of the bundled data (never into data/ or seeds/) with
`intake_files`, what `python -m dashboard.curation.ingest FOLDER` runs, in a process of its own, and prints:
the process's start (imports, the dataset, and the assistant's gazetteer, read once per process), then the
intake's time per article (reading, checks, pre-fill, the assistant, the saves in batches of 50 with the
queue) and the assistant's share of it, and the process's peak memory (VmHWM) before and after the intake.
The SYNTHETIC articles are written by `dashboard.dataset.synthetic` (marked SYNTHETIC in their header and
headline), each with a headline line added, into the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def peak_mb() -> float:
    """This process's peak resident memory so far (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(folder: Path, root: Path) -> dict:
    """Take every article of `folder` into `root`/data and `root`/seeds; the figures as a dict."""
    started = time.perf_counter()
    from dashboard.curation import intake
    from dashboard.curation.file_store import FileStore
    from dashboard.extract import extract_article

    store = FileStore(root / "data", root / "seeds")
    data, _ = store.load()
    # what the assistant reads once per process (its gazetteer, its date tables), as a server's warm-up does:
    # measured apart from the articles
    extract_article("SYNTHETIC warm-up. Delegations met in Geneva on 3 June.", data["actors"])
    start_seconds, start_peak = time.perf_counter() - started, peak_mb()
    assistant = [0.0]

    def timed_extract(*args, **kwargs):
        began = time.perf_counter()
        try:
            return extract_article(*args, **kwargs)
        finally:
            assistant[0] += time.perf_counter() - began

    intake.extract_article = timed_extract
    files = sorted(p for p in folder.iterdir() if p.is_file())
    began = time.perf_counter()
    outcomes = intake.intake_files(store, [(str(p), p.read_bytes) for p in files])
    seconds = time.perf_counter() - began
    return {"articles": len(files), "added": sum(o.added for o in outcomes), "start_s": start_seconds,
            "intake_s": seconds, "assistant_s": assistant[0], "start_peak_mb": start_peak, "peak_mb": peak_mb(),
            "queued": len(store.queue())}


def synthetic_articles(folder: Path, count: int) -> None:
    """`count` SYNTHETIC articles from dashboard.dataset.synthetic, each given a headline line."""
    from dashboard.dataset.synthetic import EVENTS_PER_ARTICLE, MARK, generate

    _, articles = generate(count * EVENTS_PER_ARTICLE, seed=11)
    folder.mkdir(parents=True)
    for n, (name, text) in enumerate(sorted(articles.items())):
        header, body = text.split("\n---\n", 1)
        (folder / name).write_text(f"{header}\n---\n{MARK} article {n}: a generated report of talks\n\n{body}",
                                   encoding="utf-8")


def measure(name: str, folder: Path, work: Path) -> dict:
    root = work / name
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    done = subprocess.run([sys.executable, __file__, "--child", str(folder), str(root)], cwd=REPO, capture_output=True,
                          text=True)
    if done.returncode:
        raise SystemExit(f"the intake of {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=int, default=26, help="how many corpus articles (0: none)")
    parser.add_argument("--synthetic", type=int, default=500, help="how many SYNTHETIC articles (0: none)")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    from articles_to_try import CORPUS

    rows = []
    with tempfile.TemporaryDirectory(prefix="parley-intake-bench-") as tmp:
        work = Path(tmp)
        if args.corpus:
            corpus = work / "corpus"
            corpus.mkdir()
            for path in sorted((CORPUS / "articles").glob("*.txt"))[:args.corpus]:
                shutil.copy(path, corpus / path.name)  # read from ../shared/corpus, into the temporary folder only
            rows.append((f"corpus ({args.corpus})", measure("corpus", corpus, work)))
        if args.synthetic:
            synthetic_articles(work / "synthetic", args.synthetic)
            rows.append((f"SYNTHETIC ({args.synthetic})", measure("synthetic", work / "synthetic", work)))
    print("| articles | added | process start | intake per article | of which the assistant | peak memory "
          "(before the intake) |")
    print("|---|---|---|---|---|---|")
    for label, r in rows:
        per = r["intake_s"] / max(r["articles"], 1)
        print(f"| {label} | {r['added']} (queued {r['queued']}) | {r['start_s']:.1f} s | {per * 1000:.0f} ms "
              f"({r['intake_s']:.1f} s in all) | {r['assistant_s'] / max(r['intake_s'], 1e-9):.0%} | "
              f"{r['peak_mb']:.0f} MB ({r['start_peak_mb']:.0f} MB) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
