"""Adding an article: from pasted text or an uploaded .txt, .md or .html file to seeds/ and sources.csv.

HTML is reduced to its article text by trafilatura, which also offers the
title, author, site and date it finds. An article already in the dataset (the
same URL, or the same text once whitespace and quote marks are set aside) is
recognised and not added twice. The article file and its sources row are saved
together by the store's save, atomically.

Command line (many files, `intake.py`: each into the review queue with the assistant's proposals):
    python -m dashboard.curation.ingest FILE_OR_FOLDER [FILE_OR_FOLDER ...] [--data-dir DIR --seeds-dir DIR]
    python -m dashboard.curation.ingest FILE --title "..." [--outlet ...] [--url ...] [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dashboard.curation.change import Change
from dashboard.curation.file_store import FileStore
from dashboard.curation.store import StoreError
from dashboard.dataset import location
from dashboard.dataset.articles import Article, normalise, published_from_header
from dashboard.dataset.ids import slug
from dashboard.dataset.loader import Dataset, load_dataset

ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 2_000_000  # 2 MB: far more than any article; larger is almost surely not one
MIN_CHARACTERS = 40


class IngestError(ValueError):
    """An article that cannot be added, with a message saying why and what to do."""


@dataclass
class ArticleDraft:
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: str = ""  # ISO date, or empty when unknown
    language: str = "en"
    licence: str = ""
    note: str = ""
    found: dict[str, str] = field(default_factory=dict)  # metadata read from an HTML page, to pre-fill the form
    seed_file: str = ""  # set for an article already in seeds/ that has no sources row yet: it is used as it is


def draft_from_article(name: str, article: Article) -> ArticleDraft:
    """An uncurated article file (`name` in the dataset's articles) as a draft, its header pre-filling the metadata."""
    header = article.header
    published = published_from_header(header)
    first_line = next((line.strip() for line in article.text.split("\n") if line.strip()), "")
    return ArticleDraft(text=article.text, title=header.get("title", first_line[:200]), outlet=header.get("outlet", ""),
                        author=header.get("author", ""), url=header.get("source", "").split(" ")[0],
                        published=published.isoformat() if published else "", language=header.get("language", "en"),
                        licence=header.get("license", header.get("licence", "")), note=header.get("note", ""),
                        seed_file=name)


def uncurated_articles(data: Dataset) -> dict[str, Article]:
    """Article files that no sources row names yet (a held-back row's file counts as named), by file name."""
    named = set(data.invalid["sources"].get("seed_file", []))
    return {name: article for name, article in sorted(data.uncurated.items()) if name not in named}


def read_upload(name: str, data: bytes) -> ArticleDraft:
    """An uploaded file as a draft article, or an IngestError that says what is wrong with it."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise IngestError(f"{name}: only {', '.join(ALLOWED_SUFFIXES)} files can be added (this is '{suffix or 'no suffix'}')")
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and upload it again") from exc
    if suffix in (".html", ".htm"):
        return from_html(text)
    return ArticleDraft(text=clean_text(text))


def from_html(html: str) -> ArticleDraft:
    import trafilatura  # imported here: it is only needed for HTML, and takes a moment to load

    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text:
        raise IngestError("no article text could be found in this HTML page; paste the text instead")
    meta = trafilatura.extract_metadata(html)
    found = {}
    if meta is not None:
        found = {k: str(v) for k, v in {"title": meta.title, "author": meta.author, "outlet": meta.sitename,
                                         "url": meta.url, "published": meta.date}.items() if v}
    return ArticleDraft(text=clean_text(text), found=found, **{k: v for k, v in found.items()})


def clean_text(text: str) -> str:
    """Unix line ends, no trailing spaces, at most one blank line in a row; the words are untouched."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def check_draft(draft: ArticleDraft) -> None:
    if len(draft.text.strip()) < MIN_CHARACTERS:
        raise IngestError(f"the article text is too short ({len(draft.text.strip())} characters); paste the whole article")
    if len(draft.text.encode("utf-8")) > MAX_BYTES:
        raise IngestError(f"the article text is over the {MAX_BYTES / 1e6:.0f} MB limit")
    if not draft.title.strip():
        raise IngestError("give the article's title")
    if draft.published:
        try:
            dt.date.fromisoformat(draft.published)
        except ValueError as exc:
            raise IngestError(f"published date '{draft.published}' is not YYYY-MM-DD; leave it empty if unknown") from exc
    if draft.url and urlsplit(draft.url).scheme not in ("http", "https"):
        raise IngestError(f"the URL must start with http:// or https:// (got '{draft.url[:40]}')")
    if "\n---\n" in "\n" + draft.text and re.match(r"^[A-Za-z_ -]+:\s", draft.text):
        raise IngestError("the text starts with something that looks like a metadata header; paste only the article")


def url_key(url: str) -> str:
    """A URL compared loosely: no scheme, no www., no trailing slash, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith(("utm_", "fbclid", "gclid")))
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + query if query else ''}"


def text_key(text: str) -> str:
    return hashlib.sha256(normalise(text).casefold().encode("utf-8")).hexdigest()


def find_duplicate(draft: ArticleDraft, data: Dataset) -> str | None:
    """The source_id of an article already in the dataset with the same URL or the same text."""
    if draft.url:
        wanted = url_key(draft.url)
        for source_id, url in zip(data["sources"]["source_id"], data["sources"]["url"]):
            if url and url_key(url) == wanted:
                return source_id
    wanted_text = text_key(draft.text)
    for source_id, article in data.articles.items():
        if text_key(article.text) == wanted_text:
            return source_id
    return None




def plan_article(draft: ArticleDraft, data: Dataset) -> tuple[str, str, str | None, dict]:
    """The new source id, the article file's name and text, and the sources row, without writing anything.

    For a draft of a file already among the articles the text is None: the file is kept as it is.
    """
    check_draft(draft)
    duplicate = find_duplicate(draft, data)
    if duplicate:
        raise IngestError(f"this article is already in the dataset as {duplicate}; it was not added again")
    return article_record(draft, next_article_number(data))


def next_article_number(data: Dataset) -> int:
    """The number after every article file's and every `src-N` source id's: a new article's file and id use it."""
    used = {int(m.group(1)) for name in data.article_files if (m := re.match(r"(\d{3,})_", name))}
    used |= {int(m.group(1)) for s in data["sources"]["source_id"] if (m := re.match(r"src-(\d+)$", s))}
    return max(used, default=-1) + 1


def article_record(draft: ArticleDraft, number: int) -> tuple[str, str, str | None, dict]:
    """The source id, file name, file text (None for a file already among the articles) and sources row of a
    checked draft, numbered `number`."""
    source_id = f"src-{number:03d}"
    if draft.seed_file:
        row = _source_row(source_id, draft, draft.seed_file)
        return source_id, draft.seed_file, None, row
    name = f"{number:03d}_{slug(draft.title, 48, 'article')}.txt"
    header = {"source": draft.url, "outlet": draft.outlet, "author": draft.author, "published": draft.published,
              "language": draft.language, "license": draft.licence, "note": draft.note}
    lines = [f"{k}: {' '.join(v.split())}" for k, v in header.items() if v]
    text = ("\n".join(lines) + "\n---\n" if lines else "") + draft.text + "\n"
    return source_id, name, text, _source_row(source_id, draft, name)


def _source_row(source_id: str, draft: ArticleDraft, seed_file: str) -> dict:
    return {"source_id": source_id, "title": " ".join(draft.title.split()), "outlet": draft.outlet,
            "author": draft.author, "url": draft.url, "published": draft.published, "language": draft.language or "en",
            "seed_file": seed_file, "licence": draft.licence, "note": draft.note}


def add_article(draft: ArticleDraft, data_dir: Path | None = None, seeds_dir: Path | None = None) -> str:
    """Store the article in seeds/ with its sources row. Returns its source_id."""
    store = FileStore(data_dir or location.data_dir(), seeds_dir or location.seeds_dir())
    data = load_dataset(store.data_dir, store.seeds_dir)
    source_id, name, text, row = plan_article(draft, data)
    store.save(Change(rows={"sources": [row]}, articles={name: text} if text is not None else {}))
    return source_id


OVERRIDES = ("title", "outlet", "author", "url", "published", "licence", "note", "language")


def article_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files named and the article files (.txt, .md, .html) in the folders named, in order; and every other
    file of those folders, named as skipped (never silently)."""
    files, skipped = [], []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for found in sorted(p for p in path.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in found.relative_to(path).parts):
                continue  # hidden files and folders (.git, editors' backups)
            if found.suffix.lower() in ALLOWED_SUFFIXES:
                files.append(found)
            else:
                skipped.append(f"{found}: skipped, not a {', '.join(ALLOWED_SUFFIXES)} file")
    return files, skipped


def _reader(path: Path):
    def read() -> bytes:
        if not path.exists():
            raise IngestError(f"{path}: no such file or folder")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"{path}: {size / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
        return path.read_bytes()
    return read


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The intake's arguments, shared by this command (the data folder) and `python -m dashboard.db intake`."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER",
                        help=".txt, .md or .html files, or folders holding them")
    # dest "article_…": `python -m dashboard.db` has a --url of its own (the database's)
    parser.add_argument("--title", dest="article_title",
                        help="headline of the one article given (else read from its text or page)")
    for name in OVERRIDES[1:-1]:
        parser.add_argument(f"--{name}", dest=f"article_{name}", default=None, help="of the one article given")
    parser.add_argument("--language", dest="article_language", default=None,
                        help="BCP 47 code of the one article given (default: en)")
    parser.add_argument("--editor", default="local", help="who takes the articles in, for the queue (default: local)")


def run(args: argparse.Namespace, store, out=None, err=None) -> int:
    """Take in the files of `args` with `store`: progress on stderr, one line per file and a summary on stdout.
    Exit status 0 when every file went in, 1 when any was refused."""
    from dashboard.curation.intake import intake_files  # intake builds on this module

    out, err = out or sys.stdout, err or sys.stderr
    overrides = {name: getattr(args, f"article_{name}") for name in OVERRIDES
                 if getattr(args, f"article_{name}", None) is not None}
    files, skipped = article_paths(args.paths)
    if overrides and len(files) != 1:
        print(f"--{', --'.join(overrides)} describe one article: give one file, not {len(files)}", file=err)
        return 2
    for line in skipped:
        print(line, file=err)
    started = time.perf_counter()

    def progress(done: int, total: int, name: str) -> None:
        print(f"[{done}/{total}] {name}", file=err, flush=True)

    try:
        outcomes = intake_files(store, [(str(p), _reader(p)) for p in files], editor=args.editor, overrides=overrides,
                                progress=progress)
    except StoreError as exc:
        print(f"not added: {exc}", file=err)
        return 1
    for outcome in outcomes:
        if outcome.added:
            item = outcome.item
            process = f"{item.process_name or 'none'}{' (new)' if item.process_new else ''}"
            print(f"added {outcome.source_id} from {outcome.name}: {item.title!r}, dated {item.date or 'unknown'}; "
                  f"proposed: {item.events} event(s), {item.positions} position(s), {item.new_actors} new actor(s), "
                  f"process {process}" + ("; title from the file name" if outcome.title_from_name else ""), file=out)
        else:
            print(f"not added: {outcome.refused}", file=err)
            for problem in outcome.problems[:20]:
                print(f"  {problem}", file=err)
    refused = sum(not o.added for o in outcomes)
    print(f"{len(outcomes)} file(s) in {time.perf_counter() - started:.1f} s: {len(outcomes) - refused} added to the "
          f"review queue of {store.where}, {refused} refused" + (f", {len(skipped)} skipped" if skipped else ""),
          file=out)
    return 1 if refused else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.curation.ingest",
        description="Add articles to the data folder and its review queue: each file is checked (type, size, "
                    "duplicates), stored with its sources row, and run through the extraction assistant once; its "
                    "proposals wait in the Curate view's review queue. (A team's database: python -m dashboard.db "
                    "intake.)")
    add_arguments(parser)
    parser.add_argument("--data-dir", type=Path, default=None, help="the tables (default: $PARLEY_DATA_DIR or data/)")
    parser.add_argument("--seeds-dir", type=Path, default=None,
                        help="the article texts (default: $PARLEY_SEEDS_DIR or seeds/)")
    args = parser.parse_args(argv)
    if os.environ.get("PARLEY_DATABASE_URL"):
        print("note: PARLEY_DATABASE_URL is set, but this command adds to the data folder; "
              "python -m dashboard.db intake adds to the database", file=sys.stderr)
    store = FileStore(args.data_dir or location.data_dir(), args.seeds_dir or location.seeds_dir())
    return run(args, store)


if __name__ == "__main__":
    # run as the package's own module, not as __main__: intake.py catches this module's IngestError, which a
    # second copy of the module (__main__) would define apart
    from dashboard.curation import ingest

    raise SystemExit(ingest.main())
