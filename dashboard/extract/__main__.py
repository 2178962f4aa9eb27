"""python -m dashboard.extract ARTICLE [--published YYYY-MM-DD]: print the proposals for one article as JSON.

ARTICLE is a seed file (its `published:` header is used unless --published is
given). Actors are matched against the registry in the data folder
(PARLEY_DATA_DIR, default data/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from dashboard.dataset.articles import published_from_header, read_article
from dashboard.dataset.loader import load_dataset
from dashboard.extract import extract_article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.extract", description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path, help="the article file (UTF-8 text, optional header above ---)")
    parser.add_argument("--published", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    if not args.article.is_file():
        parser.error(f"{args.article}: no such file")
    try:
        article = read_article(args.article)
    except UnicodeDecodeError:
        parser.error(f"{args.article}: not UTF-8 text")
    published = args.published or published_from_header(article.header)
    data = load_dataset()
    result = {"article": str(args.article), "published": published.isoformat() if published else None,
              **extract_article(article.text, data["actors"], published, data["processes"], data["events"],
                                 data["propositions"])}
    try:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=_plain)
        sys.stdout.write("\n")
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early
        sys.stderr.close()
    return 0


def _plain(value):
    """A number or date from pandas or numpy as plain JSON; anything else as its text, never an exception."""
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


if __name__ == "__main__":
    raise SystemExit(main())
