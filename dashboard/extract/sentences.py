"""Sentences with their character offsets.

A plain rule-based splitter: a sentence ends at . ! or ? (optionally followed by
a closing quote or bracket) before whitespace and an upper-case letter, a digit
or an opening quote, unless the full stop ends a known abbreviation or an
initial (U.S., Mr., J.). A blank line always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "sen", "rep", "gov", "pres", "amb", "hon",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n""")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 40):dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in ABBREVIATIONS or len(token) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        end = match.end()
        out.extend(_trimmed(text, start, end))
        start = end
    out.extend(_trimmed(text, start, len(text)))
    return out


def _trimmed(text: str, start: int, end: int) -> list[Sentence]:
    """Split a span at single line breaks too (headlines, datelines), and strip whitespace."""
    found = []
    for part in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + part.start(), start + part.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            found.append(Sentence(s, e, text[s:e]))
    return found
