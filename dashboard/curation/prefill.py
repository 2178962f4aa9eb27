"""The metadata an article's own text states, to pre-fill the form so that a curator types less.

Read in this order, each filling only what is still empty (what the curator typed, or a web page's metadata
read by trafilatura, comes first):
- a header block of `key: value` lines closed by `---`, as the corpus files and seed files carry
  (`source`/`url`, `outlet`, `author`, `published`, `title`, `language`, `license`, `note`; any other key is
  kept in the note), split off the article text;
- a headline: the first short line before the body that is not a date, a time or a byline;
- a date line ("May 4, 2016" on its own, or "NAIROBI, March 1, 2024 —" opening the first paragraph), read
  by the assistant's own reader (`dashboard.extract.assistant.reference_date`);
- a wire-service date line's outlet ("HAVANA (Reuters) -") and a byline ("By A Reporter").
Nothing is made up: a text that states no headline leaves the title empty.
"""

from __future__ import annotations

import dataclasses
import re

from dashboard.curation.ingest import ArticleDraft
from dashboard.dataset.articles import published_from_header, split_header
from dashboard.extract.assistant import reference_date

HEADER_FIELDS = {"title": "title", "headline": "title", "source": "url", "url": "url", "link": "url",
                 "outlet": "outlet", "publisher": "outlet", "site": "outlet", "author": "author", "byline": "author",
                 "published": "published", "date": "published", "language": "language", "lang": "language",
                 "license": "licence", "licence": "licence", "note": "note"}
LEAD_LINES = 8  # a headline, a date line and a byline come before the body
HEADLINE_WORDS = (3, 30)
HEADLINE_CHARACTERS = 200
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")  # a time of day: a date or time line ("3:38 P.M. EST", "May 4 / 4:18 PM")
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’ -]{1,60})$")
_WIRE = re.compile(r"^\s*[A-Z][A-Za-z.'’ ,/-]{1,40}?\s+\((?P<outlet>[A-Z][^()\n]{1,40})\)\s*[-–—]")
_OPENING = re.compile(r"^(.{6,60}?)\s+[-–—]\s")  # a paragraph's opening words, up to its first dash
_URL = re.compile(r"^https?://\S+$")


def read_metadata(text: str) -> tuple[dict[str, str], str]:
    """What the text states about itself (by draft field name) and the article text without its header block."""
    header, body = split_header(text)
    found: dict[str, str] = {}
    extra = []
    for key, value in header.items():
        name = HEADER_FIELDS.get(key)
        if name is None or not value:
            extra.append(f"{key}: {value}")
        elif name == "published":
            day = _date_of(value)
            if day:
                found["published"] = day
            if value != day:  # "unknown (…)", or a date with how it was established: kept in the note
                extra.append(f"published: {value}")
        elif name == "url":
            if _URL.match(value.split(" ")[0]):
                found["url"] = value.split(" ")[0]
            else:
                extra.append(f"{key}: {value}")
        else:
            found.setdefault(name, value)
    if extra:
        found["note"] = "; ".join([found["note"], *extra] if found.get("note") else extra)
    lead = [line.strip() for line in body.split("\n")[:40] if line.strip()][:LEAD_LINES]
    headline = _headline(lead)
    if headline:
        found.setdefault("title", headline)
    if "published" not in found:
        day = _dateline_day(body, lead)
        if day:
            found["published"] = day
    for line in lead:
        wire, byline = _WIRE.match(line), _BYLINE.match(line)
        if wire and "outlet" not in found:
            found["outlet"] = wire.group("outlet").strip()
        if byline and "author" not in found:
            found["author"] = byline.group("name").strip()
    return found, body


def prefilled(draft: ArticleDraft) -> ArticleDraft:
    """The draft with its text's header block split off and every empty field the text states filled in."""
    found, body = read_metadata(draft.text)
    values = {name: value for name, value in found.items() if not getattr(draft, name)}
    if draft.language == "en" and found.get("language"):  # "en" is the form's default, not a curator's choice
        values["language"] = found["language"]
    return dataclasses.replace(draft, text=body, found={**found, **draft.found}, **values)


def _date_of(value: str) -> str:
    """An ISO day from a header value that is a date ("2025-05-17 (MENAFN timestamp …)", "May 4, 2016"), else ""."""
    day = published_from_header({"published": value})
    if day:
        return day.isoformat()
    if len(value) <= 40:
        parsed, kind = reference_date(value, None)
        if parsed and kind == "dateline":
            return parsed.isoformat()
    return ""


def _headline(lead: list[str]) -> str:
    """The first line before the body shaped like a headline: a few words, not a sentence or a lead-in, not a
    date, a line with a time of day or a byline. Scanning stops at the first paragraph of the body."""
    for line in lead:
        words = line.split()
        if len(line) > HEADLINE_CHARACTERS or line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
            return ""  # the body has begun
        if _TIME.search(line) or _BYLINE.match(line) or _is_dateline(line):
            continue
        if HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] and (line[0].isupper() or line[0].isdigit()
                                                                     or line[0] in "\"“‘'"):
            return " ".join(words)
    return ""


def _dateline_day(body: str, lead: list[str]) -> str:
    """The day of the text's date line: a line of its own (the assistant's rule), or the date line that opens
    the first paragraph, before its dash ("NAIROBI, March 1, 2024 — The talks …")."""
    day, kind = reference_date(body, None)
    if day and kind == "dateline":
        return day.isoformat()
    for line in lead:
        opening = _OPENING.match(line)
        if opening and _is_dateline(opening.group(1)):
            return reference_date(opening.group(1), None)[0].isoformat()
    return ""


def _is_dateline(line: str) -> bool:
    day, kind = reference_date(line, None)
    return day is not None and kind == "dateline"
