"""The extraction assistant: proposals of events, positions, actors and a process from one article.

`extract_article(text, actors, published)` reads the text sentence by sentence and proposes what a
curator would record, each proposal tied to the exact words (character offsets into `text`) that
support it and to the cue that made it. It is rule-based and transparent: the words it looks for are
in `cues.py`, the names it knows come from the registry and the gazetteer (`gazetteer.py`). A failure
inside one rule costs that rule's proposals, not the article: it is listed under `errors`.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from functools import partial

import pandas as pd

from dashboard.extract import cues
from dashboard.extract.events import ArticleContext, events_from, read_sentence
from dashboard.extract.mentions import ActorMatcher, Mention, Place
from dashboard.extract.positions import position_in
from dashboard.extract.process import propose_process
from dashboard.extract.propositions import propose as propose_proposition
from dashboard.extract.sentences import sentences
from dashboard.extract.temporal import find_dates

_DATELINE = re.compile(r"^\s*(?:[A-Z][\w.’' ]{1,40},\s*|\(?[A-Z]{2,}[\w ]*\)?\s*[–—-]\s*)?(?P<date>.{4,40}?)"
                       r"(?:\s*[–—/-]\s*\d{1,2}:\d{2}.*|\s+\d{1,2}:\d{2}.*|\s*/.*|\s+[–—-]\s+.*)?\s*$")
_STATEMENT_DATE = re.compile(r"\b(?:statement|remarks|readout|communiqu\w+)\b[^.]{0,200}?\b(?:released|issued|delivered|"
                             r"made|published)\b", re.IGNORECASE)
_SPEECH_FRAME = re.compile(rf"\b(?:{cues.SAID})\s*:\s*$|:\s*$")


def reference_date(text: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    """The date "today" means: the statement's own date line, else its publication date.

    A press statement carries its date line ("May 11, 2025", "NAIROBI, March 1, 2024 —",
    "Lima, 07/09/2020 - 11:54") or says when it was released; a republished copy may carry the
    later date it was posted, so the earliest such date wins.
    """
    datelines = []
    for line in text.split("\n")[:20]:
        if len(line.strip()) > 100:
            continue
        prefixed = _DATELINE.match(line)
        for candidate in (line.strip(), prefixed.group("date") if prefixed else ""):  # the date alone, or after a place
            found = find_dates(candidate, published)
            if candidate and found and found[0].precision == "day" and found[0].date \
                    and not found[0].date.startswith("--") and len(found[0].text) >= len(candidate.strip()) - 2:
                datelines.append(dt.date.fromisoformat(found[0].date))
                break
    if datelines:
        return min(datelines), "dateline"
    lead = text[:1500]
    statement = _STATEMENT_DATE.search(lead)
    if statement:
        sentence = next((s for s in sentences(lead) if s.start <= statement.start() < s.end), None)
        days = [d for d in find_dates(sentence.text, published) if d.precision == "day" and d.date
                and not d.date.startswith("--")] if sentence else []
        if days:
            return dt.date.fromisoformat(days[0].date), "statement date"
    if published:
        return published, "published"
    return None, "none"


def extract_article(text: str, actors: pd.DataFrame, published: dt.date | None = None,
                    processes: pd.DataFrame | None = None, recorded_events: pd.DataFrame | None = None,
                    propositions: pd.DataFrame | None = None) -> dict:
    """Proposals for one article. Offsets index into `text` exactly as given."""
    errors: list[dict] = []

    def guarded(rule: str, run, default, where: int | None = None):
        try:
            return run()
        except Exception as exc:  # noqa: BLE001 - one rule's failure must not cost the article
            errors.append({"rule": rule, "at": where, "error": f"{type(exc).__name__}: {exc}",
                           "trace": traceback.format_exc(limit=3)})
            return default

    reference, reference_kind = guarded("reference date", lambda: reference_date(text, published), (published, "published"))
    matcher = ActorMatcher(actors)
    mentions = guarded("actor mentions", lambda: matcher.find(text), [])
    places = guarded("places", lambda: matcher.places(text), [])
    ctx = ArticleContext(text, matcher, mentions, places, reference)
    parts = guarded("sentences", lambda: sentences(text), [])
    ctx.frames = guarded("quoted speech", lambda: _speech_frames(parts, reference), [])
    ctx.dateline = guarded("date line", lambda: dateline_city(text, matcher), None)
    facts, positions = [], []
    last_person: Mention | None = None
    for index, sentence in enumerate(parts):
        in_sentence = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        if cues.TALKS.search(sentence.text):
            fact = guarded("events", partial(read_sentence, index, sentence, in_sentence, ctx), None, sentence.start)
            if fact is not None:
                facts.append(fact)
        position = guarded("positions", partial(position_in, sentence, in_sentence, last_person, ctx), None,
                           sentence.start)
        if position:
            positions.append(position)
        people = [m for m in in_sentence if m.kind == "person"]
        if people:
            last_person = people[-1]
    events = guarded("events", lambda: events_from(facts, ctx), [])
    names = {a: matcher.name(a) for a in {m.actor_id for m in mentions if m.actor_id}}
    process = guarded("process", lambda: propose_process(events, names, processes, recorded_events), None)
    process_id = process["process_id"] if process and not process["new"] else None
    for position in positions:
        position["proposition"] = guarded("propositions", partial(propose_proposition, position, process_id,
                                                                  propositions), None, position["start"])
    return {
        "reference_date": reference.isoformat() if reference else None,
        "reference": reference_kind,
        "events": events,
        "positions": positions,
        "mentions": [_mention_json(m, matcher) for m in mentions],
        "places": [{"name": p.name, "alias": p.alias, "country": p.country, "city": p.city, "start": p.start,
                    "end": p.end} for p in places],
        "new_actors": _new_actors(mentions, matcher),
        "process": process,
        "errors": [{k: v for k, v in e.items() if k != "trace"} for e in errors],
    }


_DATELINE_PLACE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{2,40}?)\s*(?:,|\s[–—-])", re.MULTILINE)


def dateline_city(text: str, matcher: ActorMatcher) -> Place | None:
    """The city a date line opens with ("NAIROBI, March 1, 2024 —", "Lima, 07/09/2020 - 11:54", "GENEVA –")."""
    head = "\n".join(text.split("\n")[:20])
    for m in _DATELINE_PLACE.finditer(head):
        written = m.group("place").strip()
        place = matcher.place(written.title() if written.isupper() else written)
        if place is not None and place[3]:  # a city, not a country
            return Place(place[0], written, m.start("place"), m.start("place") + len(written), *place[1:])
    return None


def _speech_frames(parts, reference: dt.date | None) -> list[tuple[int, dt.date]]:
    """'The minister yesterday said:' dates the words quoted after it: their 'today' is yesterday."""
    frames = []
    for sentence, following in zip(parts, parts[1:]):
        if not _SPEECH_FRAME.search(sentence.text) or not re.search(cues.SAID, sentence.text):
            continue
        days = [d for d in find_dates(sentence.text, reference) if d.precision == "day" and d.date
                and not d.date.startswith("--")]
        if days:
            frames.append((following.start, dt.date.fromisoformat(days[-1].date)))
    return frames


def _mention_json(m: Mention, matcher: ActorMatcher) -> dict:
    return {"actor": m.actor_id, "name": matcher.name(m.actor_id), "alias": m.alias, "start": m.start, "end": m.end,
            "new": m.new, "kind": m.kind, "cue": m.cue}


def _new_actors(mentions: list[Mention], matcher: ActorMatcher) -> list[dict]:
    """Actors to add to the registry, with their kind and the words that made them: those the text names, and those
    a named person acts for ("North Korean leader X": the state, named only in the person's description)."""
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.new:
            first.setdefault(m.actor_id, m)
    for m in mentions:
        if m.kind == "person":
            first.setdefault(matcher.affiliation(m.actor_id), m)
    out = []
    for candidate in matcher.candidates.values():
        if candidate.actor_id not in first:
            continue
        mention = first[candidate.actor_id]
        out.append({"actor_id": candidate.actor_id, "name": candidate.name, "kind": candidate.kind,
                    "title": candidate.title, "affiliation": candidate.affiliation,
                    "country_code": candidate.country_code, "aliases": "; ".join(candidate.aliases),
                    "cue": candidate.cue, "start": mention.start, "end": mention.end})
    return out
