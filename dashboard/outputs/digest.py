"""The "what changed since" digest: one page, as Markdown and as HTML, to paste into an e-mail.

Both are built from the same list of sections, so they say the same things. Every piece of text from the
data is escaped for its format (Markdown punctuation backslash-escaped; HTML escaped); quotes are verbatim,
each with the title of its article. Nothing is fetched: the HTML has no script, font or image.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from dashboard.analysis.changes import Changes
from dashboard.analysis.describe import readable_events
from dashboard.analysis.queries import citations_for, describe_date, first_citations
from dashboard.dataset.dates import format_partial
from dashboard.dataset.loader import Dataset
from dashboard.dataset.version import DataVersion
from dashboard.outputs.markdown_text import escape_markdown

MAX_ITEMS = 50  # per section: a digest is read in an e-mail; the tables download holds every record

STYLE = """body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 11pt; color: #111;
 max-width: 48rem; margin: 1rem auto; line-height: 1.4; } h1 { font-size: 16pt; } h2 { font-size: 12.5pt;
 border-bottom: 1px solid #999; margin-top: 14pt; } li { margin-bottom: 4pt; } .meta, .none { color: #444; }
blockquote { margin: 2pt 0 2pt 8pt; padding-left: 6pt; border-left: 3px solid #555; font-style: italic; }"""


@dataclass
class Item:
    """One line of the digest: plain text parts, an optional verbatim quote and its article's title."""

    text: str
    quote: str = ""
    source: str = ""
    cited_row: str = ""  # for a record from a dataset, instead of a quote: "from PA-X v10, agreement 1234"


@dataclass
class Section:
    title: str
    items: list[Item]
    more: int = 0  # records beyond the ones listed
    empty: str = "None."

    @property
    def more_text(self) -> str:
        return f"… and {self.more:,} more: download the tables for every record." if self.more else ""


def sections(changes: Changes, data: Dataset, limit: int = MAX_ITEMS) -> list[Section]:
    """The digest's sections, in the order a reader asks: what happened, who moved, what is late, what is new;
    at most `limit` records listed in each (newest recorded first), the rest counted."""
    citations = data["citations"]  # only the listed records' quotes are looked up (a digest lists `limit` each)
    events, changed = changes.added("events", limit), changes.status_changed(limit)
    positions = changes.added("positions", limit)
    event_quotes = first_citations(citations_for(citations, "event", [*events["event_id"], *changed["event_id"]]),
                                   "event")
    position_quotes = first_citations(citations_for(citations, "position", positions["position_id"]), "position")
    statements = data.proposition_statements
    names = data.process_names
    counts = changes.counts()

    def event_item(e) -> Item:
        where = f" · {e['venue']}" if e.get("venue") else ""
        parties = f" · {e['parties']}" if e.get("parties") else ""
        third = f" · with {e['third_parties']}" if e.get("third_parties") else ""
        quote = event_quotes.get(e["event_id"], {})
        return Item(f"{describe_date(e)} · {e['title']} ({e['status']}){where}{parties}{third} · "
                    f"{names.get(e['process_id'], e['process_id'])}", quote.get("quote", ""), quote.get("source_title", ""),
                    quote.get("from_dataset", ""))

    def described(frame: pd.DataFrame) -> pd.DataFrame:
        return readable_events(data, frame) if len(frame) else frame

    def section(title: str, count: str, items: list[Item]) -> Section:
        return Section(f"{title} ({counts[count]:,})", items, max(0, counts[count] - limit))

    out = [
        section("Events added", "events", [event_item(e) for _, e in described(events).iterrows()]),
        section("Status changed", "status changed", [
            Item(f"{e['title']}: {e['previous_status']} → {e['status']} (changed {e['status_changed']}) · "
                 f"{describe_date(e)}") for _, e in described(changed).iterrows()]),
        section("Announced rounds now overdue", "overdue", [
            Item(f"{e['title']}: announced for {describe_date(e)}, with no later record of it · "
                 f"{names.get(e['process_id'], e['process_id'])}") for _, e in changes.overdue(limit).iterrows()]),
        section("Positions added", "positions", [
            Item(f"{p['actor']} {p['stance']}{' (red line)' if p['red_line'] else ''}"
                 f"{' on ' + statements[p['proposition_id']] if p['proposition_id'] in statements else ''}: "
                 f"{p['paraphrase']} · {format_partial(p['date_value'], p['date_precision'])}",
                 position_quotes.get(p["position_id"], {}).get("quote", ""),
                 position_quotes.get(p["position_id"], {}).get("source_title", ""),
                 position_quotes.get(p["position_id"], {}).get("from_dataset", ""))
            for _, p in positions.iterrows()]),
        section("Who moved", "shifts", [
            Item(f"{m['actor']} {m['direction']}{' · ' + m['red_line_change'] if m['red_line_change'] else ''} on "
                 f"{statements.get(m['proposition_id'], m['proposition_id'])}: {m['before_stance']} → "
                 f"{m['after_stance']} · {m['when']}") for _, m in changes.shifts.head(limit).iterrows()]),
        section("Propositions added", "propositions", [
            Item(f"{p['statement']} · {names.get(p['process_id'], p['process_id'])}")
            for _, p in changes.added("propositions", limit).iterrows()]),
        section("Sources added", "sources", [
            Item(f"{s['title']}" + (f" · {s['outlet']}" if s["outlet"] else "")
                 + (f" · published {s['published']}" if s["published"] else " · publication date unknown"))
            for _, s in changes.added("sources", limit).iterrows()]),
    ]
    return out


def _heading(changes: Changes) -> str:
    return f"What changed since {changes.since:%d %B %Y}"


def _meta(changes: Changes, version: DataVersion | None) -> str:
    undated = sum(changes.undated.values())
    parts = [f"As of {changes.today:%d %B %Y}. Added means recorded in the dataset on or after that day, "
             "whatever the date of what it reports."]
    if version is not None:
        parts.append(f"Dataset version {version.digest}.")
    if undated:
        parts.append(f"{undated} record(s) carry no recorded day and are not counted.")
    return " ".join(parts)


def digest_markdown(changes: Changes, data: Dataset, version: DataVersion | None = None) -> str:
    lines = [f"# {escape_markdown(_heading(changes))}", "", escape_markdown(_meta(changes, version)), ""]
    for section in sections(changes, data):
        lines += [f"## {escape_markdown(section.title)}", ""]
        if not section.items:
            lines += [escape_markdown(section.empty), ""]
            continue
        for item in section.items:
            lines.append(f"- {escape_markdown(item.text)}")
            if item.quote:
                lines.append(f"  > {escape_markdown(item.quote)} ({escape_markdown(item.source)})")
            elif item.cited_row:
                lines.append(f"  ({escape_markdown(item.cited_row)})")
        if section.more:
            lines += ["", escape_markdown(section.more_text)]
        lines.append("")
    return "\n".join(lines)


def digest_html(changes: Changes, data: Dataset, version: DataVersion | None = None) -> str:
    body = [f"<h1>{escape(_heading(changes))}</h1>", f'<p class="meta">{escape(_meta(changes, version))}</p>']
    for section in sections(changes, data):
        body.append(f"<h2>{escape(section.title)}</h2>")
        if not section.items:
            body.append(f'<p class="none">{escape(section.empty)}</p>')
            continue
        body.append("<ul>")
        for item in section.items:
            quote = (f"<blockquote>{escape(item.quote)}</blockquote><span class=\"meta\">{escape(item.source)}</span>"
                     if item.quote else f"<br><span class=\"meta\">{escape(item.cited_row)}</span>" if item.cited_row
                     else "")
            body.append(f"<li>{escape(item.text)}{quote}</li>")
        body.append("</ul>")
        if section.more:
            body.append(f'<p class="none">{escape(section.more_text)}</p>')
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>'
            f"{escape(_heading(changes))}</title><style>{STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def digest_frames(changes: Changes) -> dict[str, pd.DataFrame]:
    """The digest's records as tables, every one of them, for the Excel and JSON downloads (made on a click)."""
    return {**{f"{name} added": changes.added(name) for name in changes.added_rows},
            "status changed": changes.status_changed(), "overdue": changes.overdue(), "shifts": changes.shifts}
