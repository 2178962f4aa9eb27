"""A printable one-page brief for a process: next talks, last round, mediators, red lines with quotes, sources.

It is one self-contained HTML file (no script, no remote font or image) that
a browser prints cleanly on A4 or Letter. Every piece of text comes from the
records and articles and is HTML-escaped; quotes are verbatim.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import pandas as pd

from dashboard.analysis.queries import citations_for, describe_date, first_citations, latest_positions, process_overview
from dashboard.dataset.dates import format_partial
from dashboard.dataset.loader import Dataset
from dashboard.dataset.version import DataVersion
from dashboard.outputs.citations import as_text, cited_sources

MAX_RED_LINES = 12  # what fits one page; the rest are counted, not dropped silently

STYLE = """
@page { size: auto; margin: 14mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 10.5pt; color: #111;
       line-height: 1.35; max-width: 60rem; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 2pt; } h2 { font-size: 12pt; margin: 10pt 0 3pt; border-bottom: 1px solid #999; }
.meta { color: #444; font-size: 9pt; } .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
blockquote { margin: 2pt 0 2pt 8pt; padding-left: 6pt; border-left: 3px solid #d62728; font-style: italic; }
ul { margin: 2pt 0; padding-left: 14pt; } li { margin-bottom: 3pt; break-inside: avoid; }
.sources li { font-size: 9pt; } .none { color: #666; }
"""


def _event(event) -> str:
    if event is None:
        return '<p class="none">None recorded.</p>'
    parts = [f"<strong>{escape(event['title'])}</strong>", escape(describe_date(event))]
    if event.get("venue"):
        parts.append(escape(event["venue"]))
    if event.get("third_parties"):
        parts.append("Mediators/hosts: " + escape(event["third_parties"]))
    if event.get("sources"):
        parts.append("Source: " + escape(event["sources"]))
    return "<p>" + "<br>".join(parts) + "</p>"


def brief_html(data: Dataset, process_id: str, version: DataVersion, link: str = "",
               today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    process = data["processes"].set_index("process_id").loc[process_id]
    events = data["events"][data["events"]["process_id"] == process_id]
    positions = data["positions"][data["positions"]["process_id"] == process_id]
    summary = next(iter(process_overview(data["processes"][data["processes"]["process_id"] == process_id], events,
                                         positions, data.event_actors, pd.Timestamp(today),
                                         citations=data["citations"])), None)
    red = latest_positions(positions)
    red = red[red["red_line"]].sort_values(["actor", "issue_id", "position_id"])
    quote_of = first_citations(citations_for(data["citations"], "position", red["position_id"]), "position")
    issues = data.issue_labels
    shown_ids = [event["event_id"] for event in (summary.next, summary.last_held, summary.last_agreement)
                 if event is not None] if summary else []
    shown_events = events[events["event_id"].isin(shown_ids)]
    sources = cited_sources(data["sources"], data["citations"], shown_events, red.head(MAX_RED_LINES))

    lines = []
    for _, p in red.head(MAX_RED_LINES).iterrows():
        quote = quote_of.get(p["position_id"], {})
        who = p["actor"] + (f" ({p['speaker']})" if p["speaker"] else "")
        lines.append(
            f"<li><strong>{escape(who)}</strong> on {escape(issues.get(p['issue_id'], p['issue_id']))}: "
            f"{escape(p['stance'])}, {escape(format_partial(p['date_value'], p['date_precision']))}"
            + (f"<blockquote>{escape(quote.get('quote', ''))}</blockquote>" if quote.get("quote") or not
               quote.get("from_dataset") else f"<span class=\"meta\">{escape(quote['from_dataset'])}</span><br>")
            + f"<span class=\"meta\">{escape(quote.get('source_title', ''))}</span></li>")
    more = len(red) - MAX_RED_LINES
    if more > 0:
        lines.append(f'<li class="none">and {more} more red line(s): see the Positions view.</li>')
    third = summary.third_parties if summary else []
    body = f"""
<h1>{escape(process['name'])}</h1>
<div class="meta">{escape(process['conflict'])} · Parley brief of {today.isoformat()} · dataset version
{escape(version.label)}{(' · ' + escape(link)) if link else ''}</div>
<div class="grid">
 <section><h2>Next announced talks</h2>{_event(summary.next if summary else None)}</section>
 <section><h2>Last round held</h2>{_event(summary.last_held if summary else None)}</section>
 <section><h2>Agreements signed: {summary.agreements if summary else 0}</h2>
  {_event(summary.last_agreement if summary else None)}</section>
</div>
<h2>Mediators, hosts and facilitators</h2>
<p>{escape('; '.join(third)) if third else '<span class="none">None recorded.</span>'}</p>
<h2>Red lines, with the words of each party</h2>
<ul>{''.join(lines) or '<li class="none">No red line recorded.</li>'}</ul>
<h2>Sources</h2>
<ul class="sources">{''.join(f'<li>{escape(line)}</li>' for line in as_text(sources))}</ul>
"""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley brief: '
            f'{escape(process["name"])}</title><style>{STYLE}</style></head><body>{body}</body></html>')
