"""Article files in seeds/: their metadata header, their text, and quote lookup.

A seed file may start with a header of `key: value` lines closed by a line
`---`; the article text is what follows. A file without such a header is all
text. Quotes are matched ignoring differences of whitespace and of typographic
quote marks, and every match is mapped back to exact offsets in the text so the
Sources view can highlight the very characters quoted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# One regex pass per article: lines that are blank or `key: value`, lazily, up to the first `---` line.
_HEADER_BLOCK = re.compile(r"(?:(?:[^\S\n]*|[A-Za-z_][A-Za-z0-9_ -]*:[^\S\n][^\n]*)\n)*?[^\S\n]*---[^\S\n]*(?:\n|\Z)")
_HEADER_ITEM = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]*):[^\S\n]([^\n]*)$", re.MULTILINE)
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_WHITESPACE = re.compile(r"\s+")

# Typographic marks read as their plain equivalents when matching quotes.
_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    }
)

_PLAIN = {**_QUOTE_MARKS, **dict.fromkeys(map(ord, _ZERO_WIDTH))}


@dataclass
class Article:
    path: str  # where it was read from (a plain string: 12,500 Path objects cost a tenth of the load)
    text: str
    header: dict[str, str] = field(default_factory=dict)
    _normalised: str | None = field(default=None, repr=False)
    _offsets: tuple[str, list[int]] | None = field(default=None, repr=False)

    @property
    def normalised(self) -> tuple[str, list[int]]:
        """The normalised text and, per character, its offset in `text` (built on first use)."""
        if self._offsets is None:
            self._offsets = normalise_with_offsets(self.text)
        return self._offsets

    def find(self, quote: str) -> tuple[int, int] | None:
        """Offsets (start, end) of `quote` in the text, or None when it is not there.

        A quote copied verbatim is found by plain search. Only a quote that
        differs in whitespace or quote marks needs the normalised text, and only
        one that is really there needs the offset map back to the original.
        """
        if quote and quote == quote.strip():
            at = self.text.find(quote)
            if at >= 0:
                return at, at + len(quote)
        if self._normalised is None:
            self._normalised = normalise(self.text)
        needle = normalise(quote)
        if not needle or needle not in self._normalised:
            return None
        return find_quote(self.normalised, quote)


def read_article(path: Path | str, content: bytes | None = None) -> Article:
    """Read an article file (or `content` given for it), splitting off its metadata header when it has one."""
    if content is None:
        with open(path, "rb") as fh:
            content = fh.read()
    return article_from_text(os.fspath(path), content.decode("utf-8"))


def article_from_text(path: str, text: str) -> Article:
    """An article from the text of its file: a byte-order mark dropped, line ends made Unix, the header split off."""
    raw = text.removeprefix("\ufeff")
    if "\r" in raw:  # universal newlines, as text-mode reading gives
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    header, body = split_header(raw)
    return Article(path=path, text=body, header=header)


def published_from_header(header: dict[str, str]) -> dt.date | None:
    """The date a `published:` header line starts with ("2025-05-17 (MENAFN timestamp ...)"), if any."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", header.get("published", ""))
    return dt.date.fromisoformat(match.group(1)) if match else None


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """The `key: value` lines before a `---` line (blank lines allowed among them), and the text after it.

    Without such a block, or with an empty one, the whole of `raw` is text.
    """
    block = _HEADER_BLOCK.match(raw)
    if block is None:
        return {}, raw.strip("\n")
    header = {key.strip().lower(): value.strip() for key, value in _HEADER_ITEM.findall(block.group(0))}
    if not header:
        return {}, raw.strip("\n")
    return header, raw[block.end():].strip("\n")


def normalise(text: str) -> str:
    """`text` with quote marks plained, zero-width characters dropped and whitespace runs collapsed.

    The same string as `normalise_with_offsets(text)[0]`, by C-speed string
    operations (`\\s` in a str pattern is exactly `str.isspace`).
    """
    return _WHITESPACE.sub(" ", text.translate(_PLAIN)).strip(" ")


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space and plain the quote marks.

    Returns the normalised string and, for each of its characters, the offset of
    the character it came from in `text`.
    """
    out: list[str] = []
    offsets: list[int] = []
    translated = text.translate(_QUOTE_MARKS)
    in_space = False
    for i, ch in enumerate(translated):
        if ch in _ZERO_WIDTH:
            continue
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch)
        offsets.append(i)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


def find_quote(normalised_text: tuple[str, list[int]], quote: str) -> tuple[int, int] | None:
    norm, offsets = normalised_text
    needle = normalise(quote)
    if not needle:
        return None
    at = norm.find(needle)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(needle) - 1] + 1
