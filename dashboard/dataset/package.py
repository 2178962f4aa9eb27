"""A data package in memory: what the loader reads, whichever store holds the data.

A package is each table's CSV bytes by file name ("events.csv") and each article's text by file name
("001_talks.txt"). The data folder (`read_folders`) and a team's database (`dashboard/db/store.py`) both
hand the loader one, so the same checks and the same problems come out of either; a save is checked by
loading the package as it would be after it (`replaced`), without writing anything.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.dataset.problems import WARNING, Problem
from dashboard.dataset.schema import TABLES

TABLES_FOLDER = "data"  # how problems and digests name the two halves of a package, wherever it lives
ARTICLES_FOLDER = "seeds"
INTERRUPTED_SAVE_GLOB = ".pending-save-*.json"  # a data folder's save manifest (dashboard/curation/file_store.py)
DIGEST_DIGITS = 12  # hex digits of a dataset version: enough to tell versions apart, short enough to read aloud


def package_digest(files: Iterable[tuple[str, str, bytes]]) -> str:
    """SHA-256 over (folder, name, bytes) of every table and article, in the order given (by folder, then name)."""
    digest = hashlib.sha256()
    for folder, name, content in files:
        digest.update(f"{folder}/{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:DIGEST_DIGITS]


class ArticleTexts(Mapping[str, str]):
    """Article texts by file name, and the files that could not be read as text (`unreadable`, with why).

    Given a `reader`, the texts are read on a second thread from the moment the package is made: the loader
    checks the tables meanwhile, and waits for the articles only when it needs them.
    """

    def __init__(self, texts: dict[str, str] | None = None, unreadable: dict[str, str] | None = None,
                 reader: Callable[[], tuple[dict[str, str], dict[str, str]]] | None = None):
        self._texts = texts or {}
        self._unreadable = unreadable or {}
        self._thread = None
        if reader is not None:
            self._thread = threading.Thread(target=self._read, args=(reader,), daemon=True)
            self._thread.start()

    def _read(self, reader) -> None:
        self._texts, self._unreadable = reader()

    def _ready(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def unreadable(self) -> dict[str, str]:
        self._ready()
        return self._unreadable

    def __getitem__(self, name: str) -> str:
        self._ready()
        return self._texts[name]

    def __iter__(self) -> Iterator[str]:
        self._ready()
        return iter(self._texts)

    def __len__(self) -> int:
        self._ready()
        return len(self._texts)

    def names(self) -> set[str]:
        """Every article file, readable or not."""
        return set(self) | set(self.unreadable)


@dataclass
class DataPackage:
    """Tables as CSV bytes and articles as text, by file name; `notes` are what the store found while reading
    (a save interrupted part-way). A table absent from `tables` is missing from the package."""

    tables: dict[str, bytes]
    articles: ArticleTexts
    notes: list[Problem] = field(default_factory=list)

    def replaced(self, tables: dict[str, bytes] | None = None, articles: dict[str, str] | None = None) -> DataPackage:
        """This package with some tables replaced and some articles added (or replaced); this one is unchanged."""
        texts = {**{name: self.articles[name] for name in self.articles}, **(articles or {})}
        unreadable = {n: why for n, why in self.articles.unreadable.items() if n not in (articles or {})}
        return DataPackage({**self.tables, **(tables or {})}, ArticleTexts(texts, unreadable), list(self.notes))

    def digest(self) -> str:
        """The dataset version's hash: the same for a data folder and a database holding the same files."""
        return package_digest([
            *((TABLES_FOLDER, name, content) for name, content in sorted(self.tables.items())),
            *((ARTICLES_FOLDER, name, self.articles[name].encode("utf-8", "surrogatepass")
               if name in self.articles else f"unreadable: {self.articles.unreadable[name]}".encode())
              for name in sorted(self.articles.names())),
        ])


def _files(folder: Path) -> list[str]:
    """The regular files of a folder, dotfiles (locks, save temporaries) left out; none when it is missing."""
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
    except OSError:
        return []


def read_article_texts(folder: Path, names: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The texts of the named files of a folder, and why any could not be read as UTF-8 text."""
    texts, unreadable = {}, {}
    base = os.fspath(folder)
    for name in names:
        try:
            with open(os.path.join(base, name), "rb") as fh:
                texts[name] = fh.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            unreadable[name] = f"not UTF-8 text (byte {exc.start})"
        except OSError as exc:
            unreadable[name] = exc.strerror or exc.__class__.__name__
    return texts, unreadable


def read_folders(data_dir: Path, seeds_dir: Path) -> DataPackage:
    """The package a data folder and its articles folder hold: the schema's tables, read now, and every article
    file, read on a second thread (see ArticleTexts)."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    present = set(_files(data_dir))
    tables = {t.filename: (data_dir / t.filename).read_bytes() for t in TABLES.values() if t.filename in present}
    articles = ArticleTexts(reader=lambda: read_article_texts(seeds_dir, _files(seeds_dir)))
    notes = [Problem("save-interrupted", manifest.name, None, "", "", "a save was interrupted part-way; the next save "
                     "completes it (the tables may be one save behind until then)", WARNING)
             for manifest in sorted(data_dir.glob(INTERRUPTED_SAVE_GLOB))]
    return DataPackage(tables, articles, notes)
