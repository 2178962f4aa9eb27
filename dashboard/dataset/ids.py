"""How ids and file names are made from words: one slug rule for records, articles and downloads."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015]")  # a dash between words ("Chile–Peru") still parts them


def slug(text: object, max_length: int = 48, empty: str = "x") -> str:
    """Lower-case ASCII words joined by "-": "Türkiye–Russia talks" -> "turkiye-russia-talks".

    Longer than `max_length`, it is cut at a word's end ("international-bank-for-reconstruction"), or
    at `max_length` when the first word alone is longer; `empty` stands in when no letter or digit is left.
    """
    spaced = _DASHES.sub(" ", str(text))
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    whole = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(whole) > max_length:
        cut = whole[:max_length + 1].rsplit("-", 1)[0]
        whole = (cut if "-" in whole[:max_length + 1] else whole[:max_length]).rstrip("-")
    return whole or empty
