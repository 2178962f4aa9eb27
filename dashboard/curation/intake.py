"""Batch intake: many article files checked, stored and run through the assistant once, into the review queue.

Each file is read and checked as one upload is (type, size, UTF-8, `ingest.py`), its metadata pre-filled from
its own text (`prefill.py`), refused if it repeats an article of the dataset or of the batch (by URL or text),
and proposed by the assistant once. The articles are then saved in batches through the store, each with its
queue item and kept proposals in the same save (`Store.intake`), numbered under the store's lock against the
data as it is then. A file that cannot go in is reported by name with why; the others go in. A batch that
validation refuses is saved again one article at a time, so the one bad article is named and the rest go in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.curation.change import Change
from dashboard.curation.ingest import (
    ArticleDraft,
    IngestError,
    article_record,
    check_draft,
    next_article_number,
    read_upload,
    text_key,
    url_key,
)
from dashboard.curation.prefill import prefilled
from dashboard.curation.queue import QueueItem, item_for, now
from dashboard.curation.store import SaveError, Store, StoreError
from dashboard.dataset.loader import Dataset
from dashboard.extract import extract_article

TITLE_FROM_NAME = "title: the file's name (the text states no headline)"  # said in the note of such an article
BATCH = 50  # articles per save: each save re-reads and validates the whole dataset, so not one per article
Progress = Callable[[int, int, str], None]  # files done, files in all, the file just done


@dataclass
class Outcome:
    """What became of one file: its source id and queue item, or why it was refused."""

    name: str
    source_id: str = ""
    item: QueueItem | None = None
    refused: str = ""
    problems: list = dataclasses.field(default_factory=list)
    title_from_name: bool = False  # the text states no headline: the title is the file's name, to correct in review

    @property
    def added(self) -> bool:
        return not self.refused


@dataclass
class _Ready:
    outcome: Outcome
    draft: ArticleDraft
    proposals: dict


def read_article_file(name: str, content: bytes, overrides: dict[str, str] | None = None) -> tuple[ArticleDraft, bool]:
    """A file as a checked draft, its metadata from the command line (`overrides`), its text and its page, and
    whether its title had to be taken from the file's name (no headline stated). An IngestError, naming the
    file, says why not."""
    try:
        draft = prefilled(read_upload(name, content))
        draft = dataclasses.replace(draft, **{k: v for k, v in (overrides or {}).items() if v is not None})
        from_name = not draft.title.strip()
        if from_name:
            draft.title = Path(name).stem
            draft.note = "; ".join(filter(None, [draft.note, TITLE_FROM_NAME]))
        check_draft(draft)
    except IngestError as exc:
        raise exc if str(exc).startswith(f"{name}: ") else IngestError(f"{name}: {exc}") from exc
    return draft, from_name


class Seen:
    """The URLs and texts of the dataset's articles and of the files taken so far (each hashed once), to refuse
    a repeat: the same URL, or the same text once whitespace and quote marks are set aside."""

    def __init__(self, data: Dataset):
        self.urls = {url_key(u): f"already in the dataset as {s}"
                     for s, u in zip(data["sources"]["source_id"], data["sources"]["url"]) if u}
        self.texts = {text_key(a.text): f"already in the dataset as {s}" for s, a in data.articles.items()}
        self.texts.update({text_key(a.text): f"already among the articles as seeds/{n}, not curated yet"
                           for n, a in data.uncurated.items()})

    def repeat_of(self, draft: ArticleDraft) -> str | None:
        """Why `draft` repeats an article seen, or None."""
        return (self.urls.get(url_key(draft.url)) if draft.url else None) or self.texts.get(text_key(draft.text))

    def add(self, draft: ArticleDraft, name: str) -> None:
        if draft.url:
            self.urls.setdefault(url_key(draft.url), f"the same URL as {name}, earlier in this batch")
        self.texts.setdefault(text_key(draft.text), f"the same text as {name}, earlier in this batch")


def intake_files(store: Store, files: Iterable[tuple[str, bytes | Callable[[], bytes]]], editor: str = "local",
                 overrides: dict[str, str] | None = None, progress: Progress | None = None,
                 batch: int = BATCH) -> list[Outcome]:
    """Take in `files` (name and bytes, or a function reading them): one Outcome per file, in their order."""
    files = list(files)
    data, _ = store.load()
    seen = Seen(data)
    outcomes: list[Outcome] = []
    ready: list[_Ready] = []
    for done, (name, content) in enumerate(files, 1):
        outcome = Outcome(name)
        outcomes.append(outcome)
        try:
            draft, outcome.title_from_name = read_article_file(name, content() if callable(content) else content,
                                                               overrides)
            repeat = seen.repeat_of(draft)
            if repeat:
                raise IngestError(f"{name}: {repeat}; not added again")
            seen.add(draft, name)
            published = dt.date.fromisoformat(draft.published) if draft.published else None
            proposals = extract_article(draft.text, data["actors"], published, data["processes"], data["events"],
                                        data["propositions"])
            ready.append(_Ready(outcome, draft, proposals))
        except (IngestError, OSError) as exc:
            outcome.refused = str(exc) if isinstance(exc, IngestError) else f"{name}: cannot be read ({exc})"
        if len(ready) >= batch:
            _store(store, ready, editor)
            ready = []
        if progress:
            progress(done, len(files), name)
    if ready:
        _store(store, ready, editor)
    return outcomes


def _store(store: Store, ready: list[_Ready], editor: str) -> None:
    """Save one batch with its queue items; if the store refuses it, each article alone, so that only the bad
    one stays out (with why)."""
    try:
        _save(store, ready, editor)
    except (SaveError, IngestError) as exc:
        if len(ready) == 1:
            ready[0].outcome.refused = f"{ready[0].outcome.name}: {exc}"
            ready[0].outcome.problems = list(getattr(exc, "problems", []))
            return
        for one in ready:
            _store(store, [one], editor)
    except StoreError as exc:  # the store cannot be written at all: every article of the batch says so
        for one in ready:
            one.outcome.refused = f"{one.outcome.name}: {exc}"


def _save(store: Store, ready: list[_Ready], editor: str) -> None:
    at = now()

    def make(current: Dataset) -> tuple[Change, list[tuple[QueueItem, dict]]]:
        """The batch as a change to the data as it is under the store's lock: numbered after its last article,
        and any article another save has added meanwhile refused."""
        seen, number = Seen(current), next_article_number(current)
        change, queued = Change(rows={"sources": []}), []
        for one in ready:
            repeat = seen.repeat_of(one.draft)
            if repeat:
                raise IngestError(f"{repeat}; not added again")
            source_id, file_name, text, row = article_record(one.draft, number)
            number += 1
            change.rows["sources"].append(row)
            change.articles[file_name] = text
            queued.append((item_for(source_id, file_name, row["title"], one.draft.published, one.proposals, editor,
                                    at), one.proposals))
        return change, queued

    items = store.intake(make, editor=editor)
    for one, item in zip(ready, items):
        one.outcome.source_id, one.outcome.item = item.source_id, item


def retitled(change: Change, current: Dataset, source_id: str, title: str) -> Change:
    """`change` with the article's title corrected in its sources row, if `title` differs (and the note that the
    title was the file's name dropped): a reviewer's correction of a title taken in from a file's name."""
    title = " ".join(title.split())
    sources = current["sources"].set_index("source_id")
    if not title or source_id not in sources.index or title == sources.at[source_id, "title"]:
        return change
    fields = {"title": title}
    note = sources.at[source_id, "note"]
    if TITLE_FROM_NAME in note:
        fields["note"] = "; ".join(part for part in note.split("; ") if part != TITLE_FROM_NAME)
    change.updates.setdefault("sources", {}).setdefault(source_id, {}).update(fields)
    return change
