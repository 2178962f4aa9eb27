"""Citations for what a view shows: its articles, as a list, BibTeX and CSL-JSON, and the dataset itself.

Nothing is invented: a field the source record leaves empty (no author, no
outlet, no date) is left out of the citation, and an article with no date is
"n.d.". Dates are as precise as the record gives them.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd

from dashboard.dataset.columns import isin
from dashboard.dataset.version import DataVersion

DATASET_TITLE = "Parley negotiation tracker dataset"
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


def cited_sources(sources: pd.DataFrame, citations: pd.DataFrame, events: pd.DataFrame,
                  positions: pd.DataFrame) -> pd.DataFrame:
    """The articles quoted by these events and positions, each once, oldest first (undated last)."""
    cited = citations[((citations["record_type"] == "event") & isin(citations["record_id"], events["event_id"]))
                      | ((citations["record_type"] == "position")
                         & isin(citations["record_id"], positions["position_id"]))]
    chosen = sources[isin(sources["source_id"], cited["source_id"].drop_duplicates())]
    return chosen.sort_values(["published_value", "source_id"], na_position="last").reset_index(drop=True)


def dataset_reference(version: DataVersion, link: str = "", today: dt.date | None = None) -> str:
    """The dataset itself as a plain reference, with its version, link and access date."""
    today = today or dt.date.today()
    return f"{DATASET_TITLE}, version {version.label}.{' ' + link if link else ''} (accessed {today.isoformat()})."


def _date_parts(published: str) -> list[int]:
    """[2025, 5, 11], [2025, 5] or [2025] as written; [] when unknown."""
    return [int(part) for part in published.split("-")] if published else []


def _date_text(published: str) -> str:
    parts = _date_parts(published)
    if not parts:
        return "n.d."
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return {1: f"{day.year}", 2: day.strftime("%Y, %B"), 3: day.strftime("%Y, %B ") + str(day.day)}[len(parts)]


def as_text(sources: pd.DataFrame) -> list[str]:
    """One plain reference per article: Author (2025, May 11). Title. Outlet. URL"""
    lines = []
    for s in sources.itertuples():
        parts = [f"{s.author + ' ' if s.author else ''}({_date_text(s.published)}). {s.title}."]
        if s.outlet:
            parts.append(f"{s.outlet}.")
        if s.url:
            parts.append(s.url)
        lines.append(" ".join(parts))
    return lines


def _bibtex_value(text: str) -> str:
    return "{" + _BIBTEX_ESCAPE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], text) + "}"


def _bibtex_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:-]", "-", text) or "source"


def _bibtex_entry(key: str, fields: dict[str, str]) -> str:
    body = ",\n".join(f"  {name} = {value}" for name, value in fields.items() if value)
    return f"@misc{{{_bibtex_key(key)},\n{body}\n}}"


def as_bibtex(sources: pd.DataFrame, version: DataVersion | None = None, link: str = "",
              today: dt.date | None = None) -> str:
    """@misc entries, one per article, then (given a version) one for the dataset. Names are kept as written
    (in double braces), since a byline like "Embassy of Russia" is not a first and last name."""
    entries = []
    for s in sources.itertuples():
        parts = _date_parts(s.published)
        entries.append(_bibtex_entry(s.source_id, {
            "title": _bibtex_value(s.title),
            "author": "{" + _bibtex_value(s.author) + "}" if s.author else "",
            "howpublished": _bibtex_value(s.outlet) if s.outlet else "",
            "year": str(parts[0]) if parts else "",
            "month": str(parts[1]) if len(parts) > 1 else "",
            "day": str(parts[2]) if len(parts) > 2 else "",
            "url": _bibtex_value(s.url) if s.url else "",
            "language": _bibtex_value(s.language) if s.language else "",
        }))
    if version is not None:
        today = today or dt.date.today()
        entries.append(_bibtex_entry(f"parley-{version.digest}", {
            "title": _bibtex_value(DATASET_TITLE),
            "version": _bibtex_value(version.label),
            "year": str(today.year),
            "url": _bibtex_value(link) if link else "",
            "urldate": _bibtex_value(today.isoformat()),
        }))
    return "\n\n".join(entries) + "\n"


def as_csl_json(sources: pd.DataFrame, version: DataVersion | None = None, link: str = "",
                today: dt.date | None = None) -> str:
    """CSL-JSON, the format Zotero, Pandoc and most reference managers import."""
    items = []
    for s in sources.itertuples():
        kind = "dataset" if getattr(s, "kind", "") == "dataset" else "article-newspaper"
        item = {"id": s.source_id, "type": kind, "title": s.title}
        if s.author:
            item["author"] = [{"literal": s.author}]
        if s.outlet:
            item["publisher" if kind == "dataset" else "container-title"] = s.outlet
        if s.url:
            item["URL"] = s.url
        if s.published:
            item["issued"] = {"date-parts": [_date_parts(s.published)]}
        if s.language:
            item["language"] = s.language
        items.append(item)
    if version is not None:
        today = today or dt.date.today()
        dataset = {"id": f"parley-{version.digest}", "type": "dataset", "title": DATASET_TITLE,
                   "version": version.label, "accessed": {"date-parts": [[today.year, today.month, today.day]]}}
        if link:
            dataset["URL"] = link
        items.append(dataset)
    return json.dumps(items, ensure_ascii=False, indent=1)
