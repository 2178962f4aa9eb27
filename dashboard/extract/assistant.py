"""The extraction assistant: proposals of events, positions, actors and a process from one article.

`extract(text, actors, published)` reads the text sentence by sentence and proposes what a curator would record,
as typed records (`result.py`), each tied to the exact words (character offsets into `text`) that support it
and to the construction that read them; `extract_article` gives the same as plain JSON. It is rule-based and
transparent: the words it looks for are in `cues.py`, the names it knows come from the registry and the
gazetteer (`gazetteer.py`). The modules, in the order they run:

- `dateline.py`: what "today" means, the date line's city, the statement's issuers, the lead;
- `mentions.py`: the actors and places named;
- `events.py`, which reads each sentence about talks with `venues.py` (where), `relations.py` (the
  third parties' roles) and `sides.py` (the sides), then merges what reports one happening;
- `positions.py` and `propositions.py`: stances and red lines; `process.py`: the negotiation process.

A failure inside one rule costs that rule's proposals, not the article: it is listed under `errors`.
"""

from __future__ import annotations

import datetime as dt
import traceback
from functools import partial

import pandas as pd

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.dateline import dateline_city, dateline_end, issuers, reference_date, speech_frames
from dashboard.extract.events import events_from, read_sentence
from dashboard.extract.mentions import ActorMatcher, Mention
from dashboard.extract.positions import position_in
from dashboard.extract.process import propose_process
from dashboard.extract.propositions import propose as propose_proposition
from dashboard.extract.result import Mentioned, MentionRecord, Proposals
from dashboard.extract.sentences import sentences

__all__ = ["extract", "extract_article", "reference_date"]


def extract_article(text: str, actors: pd.DataFrame, published: dt.date | None = None,
                    processes: pd.DataFrame | None = None, recorded_events: pd.DataFrame | None = None,
                    propositions: pd.DataFrame | None = None) -> dict:
    """Proposals for one article, as the JSON documented in data/README.md. Offsets index into `text` as given."""
    return extract(text, actors, published, processes, recorded_events, propositions).to_json()


def extract(text: str, actors: pd.DataFrame, published: dt.date | None = None,
            processes: pd.DataFrame | None = None, recorded_events: pd.DataFrame | None = None,
            propositions: pd.DataFrame | None = None) -> Proposals:
    """Proposals for one article, as typed records."""
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
    parts = guarded("sentences", lambda: sentences(text), [])
    dateline = guarded("date line", lambda: dateline_city(text, matcher), None)
    mentions = guarded("actor mentions", lambda: matcher.find(text, dateline), [])
    places = guarded("places", lambda: matcher.places(text), [])
    ctx = ArticleContext(text, matcher, mentions, places, reference)
    ctx.frames = guarded("quoted speech", lambda: speech_frames(parts, reference), [])
    ctx.dateline = dateline
    ctx.dateline_end = dateline_end(text, dateline)
    ctx.issuers = guarded("issuers", lambda: issuers(text, parts, mentions), [])
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
        if position and (position.issue or position.red_line):  # a stance on nothing named is no position to record
            positions.append(position)
        people = [m for m in in_sentence if m.kind == "person"]
        if people:
            last_person = people[-1]
    events = guarded("events", lambda: events_from(facts, ctx, parts), [])
    names = {a: matcher.name(a) for a in {m.actor_id for m in mentions if m.actor_id}}
    process = guarded("process", lambda: propose_process(events, names, processes, recorded_events), None)
    process_id = process["process_id"] if process and not process["new"] else None
    for position in positions:
        position.proposition = guarded("propositions", partial(propose_proposition, position.to_json(), process_id,
                                                               propositions), None, position.start)
    return Proposals(
        reference_date=reference.isoformat() if reference else None,
        reference=reference_kind,
        events=events,
        positions=positions,
        mentions=[MentionRecord(m.actor_id, matcher.name(m.actor_id), m.alias, m.start, m.end, m.new, m.kind, m.cue)
                  for m in mentions],
        places=[{"name": p.name, "alias": p.alias, "country": p.country, "city": p.city, "start": p.start,
                 "end": p.end} for p in places],
        new_actors=_new_actors(mentions, matcher),
        mentioned=guarded("mentioned", lambda: _mentioned(facts, events, matcher), []),
        process=process,
        errors=[{k: v for k, v in e.items() if k != "trace"} for e in errors],
    )


def _mentioned(facts, events, matcher: ActorMatcher) -> list[Mentioned]:
    """Actors named in sentences about the talks that no construction made a side or a go-between."""
    proposed = {p for e in events for p in e.parties} | {t.actor for e in events for t in e.third_parties}
    out: dict[str, Mentioned] = {}
    for f in facts:
        for m in f.mentions:
            actor = m.actor_id
            if not actor or actor in proposed or actor in out:
                continue
            if m.kind == "person" and matcher.affiliation(actor) in proposed:
                continue
            out[actor] = Mentioned(actor, matcher.name(actor), m.alias, m.kind,
                                   "named near the talks, in no side or go-between construction")
    return list(out.values())


def _new_actors(mentions: list[Mention], matcher: ActorMatcher) -> list[dict]:
    """Actors to add to the registry, with their kind and the words that made them: those the text names, and those
    a named person acts for ("Veldian leader X": the state, named only in the person's description)."""
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
