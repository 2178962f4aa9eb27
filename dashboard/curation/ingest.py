"""Adding an article: from pasted text or an uploaded .txt, .md or .html file to seeds/ and sources.csv.

HTML is reduced to its article text by trafilatura, which also offers the
title, author, site and date it finds. An article already in the dataset (the
same URL, or the same text once whitespace and quote marks are set aside) is
recognised and not added twice. The article file and its sources row are saved
together by the store's save, atomically.

Command line:  python -m dashboard.curation.ingest FILE --title "..." [--outlet ...] [--url ...] [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
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
    used = {int(m.group(1)) for name in data.article_files if (m := re.match(r"(\d{3,})_", name))}
    used |= {int(m.group(1)) for s in data["sources"]["source_id"] if (m := re.match(r"src-(\d+)$", s))}
    number = max(used, default=-1) + 1
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.curation.ingest",
                                     description="Add an article to seeds/ and sources.csv.")
    parser.add_argument("file", type=Path, help="a .txt, .md or .html file")
    parser.add_argument("--title", help="headline (taken from the HTML page if not given)")
    for name in ("outlet", "author", "url", "published", "licence", "note"):
        parser.add_argument(f"--{name}", default=None)
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    try:
        draft = read_upload(args.file.name, args.file.read_bytes())
        for name in ("title", "outlet", "author", "url", "published", "licence", "note", "language"):
            value = getattr(args, name)
            if value is not None:
                setattr(draft, name, value)
        source_id = add_article(draft)
    except (IngestError, StoreError, OSError) as exc:
        print(f"not added: {exc}", file=sys.stderr)
        for problem in getattr(exc, "problems", []):
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"added {source_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
