"""A SYNTHETIC data folder whose text is hostile: HTML and script, javascript: and data: links, Markdown links and
images, a very long line, right-to-left and zero-width characters. Test input only; never shipped as data."""

from __future__ import annotations

import csv
from pathlib import Path

REMOTE_IMAGE = "http://198.51.100.7/pixel.png"  # TEST-NET-2: never routed; the browser test blocks it anyway
HOSTILE = {
    "script": "<script>alert('parley-xss-script')</script>",
    "img": f"<img src={REMOTE_IMAGE} onerror=alert('parley-xss-img')>",
    "js_link": "[click me](javascript:alert('parley-xss-link'))",
    "data_link": "<a href=\"data:text/html,<script>alert('parley-xss-data')</script>\">data link</a>",
    "md_image": f"![tracker]({REMOTE_IMAGE})",
    "directive": ":red[coloured] $x^2$ :smile:",
    "rtl": "\u202eevil\u202c and zero\u200bwidth\u200d joiners",
}
LONG_LINE = "SYNTHETIC long line " + "x" * 12_000
TITLE = f"SYNTHETIC {HOSTILE['script']} talks"
ACTOR = f"SYNTHETIC {HOSTILE['js_link']} Front"
ARTICLE = "\n".join(["SYNTHETIC TEST ARTICLE: hostile text for the browser tests.", *HOSTILE.values(), LONG_LINE])


def _append(path: Path, row: dict) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    with open(path, "a", newline="", encoding="utf-8") as fh:
        csv.DictWriter(fh, fieldnames=header, lineterminator="\n").writerow(row)


def make_hostile(data: Path, seeds: Path) -> None:
    (seeds / "900_synthetic-hostile.txt").write_text(f"source: javascript:alert('parley-xss-url')\n---\n{ARTICLE}\n",
                                                     encoding="utf-8")
    _append(data / "sources.csv", {"source_id": "src-900", "title": f"SYNTHETIC {HOSTILE['img']}",
                                   "outlet": HOSTILE["md_image"], "url": "javascript:alert('parley-xss-url')",
                                   "language": "en", "seed_file": "900_synthetic-hostile.txt",
                                   "note": HOSTILE["directive"]})
    _append(data / "processes.csv", {"process_id": "hostile", "name": f"SYNTHETIC {HOSTILE['md_image']} process",
                                     "conflict": HOSTILE["rtl"], "description": HOSTILE["data_link"]})
    _append(data / "actors.csv", {"actor_id": "hostile-front", "name": ACTOR, "kind": "group",
                                  "aliases": HOSTILE["directive"]})
    _append(data / "events.csv", {"event_id": "hostile-1", "process_id": "hostile", "title": TITLE,
                                  "type": "talks_round", "status": "held", "start_date": "2024-06-01",
                                  "date_precision": "day", "venue_city": HOSTILE["img"],
                                  "actors": "hostile-front:party; russia:mediator",
                                  "summary": f"{HOSTILE['data_link']} {LONG_LINE}"})
    _append(data / "positions.csv", {"position_id": "hostile-pos", "process_id": "hostile",
                                     "actor_id": "hostile-front", "issue_id": "territory", "date": "2024-06-01",
                                     "date_precision": "day", "stance": "demands", "red_line": "true",
                                     "paraphrase": f"{HOSTILE['script']} {HOSTILE['directive']}"})
    for n, (kind, record, quote) in enumerate([("event", "hostile-1", HOSTILE["script"]),
                                               ("position", "hostile-pos", HOSTILE["img"]),
                                               ("position", "hostile-pos", LONG_LINE[:300])]):
        _append(data / "citations.csv", {"citation_id": f"cit-hostile-{n}", "record_type": kind, "record_id": record,
                                         "source_id": "src-900", "quote": quote})
