"""The extraction assistant: proposals of events, positions and actors from one article.

`extract_article(text, actors, published)` reads the text sentence by sentence
and proposes what a curator would record, each proposal tied to the exact
words (character offsets into `text`) that support it. It is rule-based and
transparent: every rule is a cue list in `cues.py`. A curator reviews every
proposal before anything is saved. `python -m dashboard.extract ARTICLE` prints
the same proposals as JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.extract import cues
from dashboard.extract.mentions import TITLES, ActorMatcher, Mention
from dashboard.extract.temporal import find_dates
from dashboard.extract.text import Sentence, sentences

_CLAUSE_BREAK = re.compile(r",\s+(?=(?:where|when|which|who|after|before|while|but|although|since|as)\b)|;\s+|\s+[—–]\s+")
_VENUE = re.compile(r"\b(?:in|at)\s+(?P<city>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
                    r"(?:,\s+(?P<country>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?))?")
_NOT_PLACES = re.compile(rf"^(?:{cues.words('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'This', 'That', 'Today', 'Phase', 'Office').pattern})")
_COMMENTATOR = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:welcom\w*|commend\w*|regret\w*|thank\w*|urg\w*|"
                          r"congratulat\w*|applaud\w*|condemn\w*|not\w*|remains?|is (?:thankful|committed|grateful)|"
                          r"emphasi[sz]\w*|deplor\w*)\b", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*(?P<date>.{4,40}?)(?:\s+\d{1,2}:\d{2}.*)?\s*$")
_QUOTE_SPEAKER = re.compile(rf"[\"”]\s*,?\s*(?:{cues.SAID})?\s*$|^\s*,?\s*(?:{cues.SAID})\b")
_TITLE_BEFORE = rf"\b({TITLES})\s+"
_DOUBLE_NEGATIVE = re.compile(r"\b(?:never|not|no longer)\s+(?:\w+\s+)?(?:refus\w*|reject\w*|opposed)\b", re.IGNORECASE)


# Events a statement usually reports on the day they happen.
SAME_DAY_TYPES = ("call", "agreement_signed", "agreement_suspended")


@dataclass
class Context:
    text: str
    matcher: ActorMatcher
    reference: dt.date | None


def reference_date(text: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    """The date "today" means: the earliest dateline in the article's first lines, else its publication date.

    A press statement carries its own date line ("May 11, 2025"); a republished copy
    may carry the later date it was posted, so the earliest date line wins.
    """
    datelines = []
    for line in text.split("\n")[:15]:
        match = _DATELINE.match(line)
        if not match or len(line.strip()) > 60:
            continue
        found = find_dates(match.group("date"), published)
        if len(found) == 1 and found[0].precision == "day" and found[0].date and not found[0].date.startswith("--") \
                and len(found[0].text) >= len(match.group("date").strip()) - 2:
            datelines.append(dt.date.fromisoformat(found[0].date))
    if datelines:
        return min(datelines), "dateline"
    if published:
        return published, "published"
    return None, "none"


def extract_article(text: str, actors: pd.DataFrame, published: dt.date | None = None) -> dict:
    """Proposals for one article. Offsets index into `text` exactly as given."""
    reference, reference_kind = reference_date(text, published)
    ctx = Context(text, ActorMatcher(actors), reference)
    all_mentions = ctx.matcher.find(text)
    events: list[dict] = []
    positions: list[dict] = []
    last_person: Mention | None = None
    for sentence in sentences(text):
        mentions = [m for m in all_mentions if sentence.start <= m.start and m.end <= sentence.end]
        if cues.TALKS.search(sentence.text):
            events.extend(_events_in(sentence, mentions, ctx))
        position = _position_in(sentence, mentions, last_person, ctx)
        if position:
            positions.append(position)
        people = [m for m in mentions if m.kind == "person"]
        if people:
            last_person = people[-1]
    return {
        "reference_date": reference.isoformat() if reference else None,
        "reference": reference_kind,
        "events": _merge_events(events),
        "positions": positions,
        "mentions": [_mention_json(m, ctx) for m in all_mentions],
        "new_actors": _new_actors(all_mentions, ctx),
    }


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets) within a sentence."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
    return [(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _clause_at(sentence: Sentence, offset: int) -> tuple[int, int]:
    """The clause (absolute offsets) that holds `offset`; the whole sentence if none does."""
    return next(((a, b) for a, b in _clauses(sentence) if a <= offset < b), (sentence.start, sentence.end))


def _first(families: list[tuple[str, re.Pattern]], *texts: str, default: str) -> str:
    for text in texts:
        for name, pattern in families:
            if pattern.search(text):
                return name
    return default


def _events_in(sentence: Sentence, mentions: list[Mention], ctx: Context) -> list[dict]:
    text = ctx.text
    dates = find_dates(sentence.text, ctx.reference)
    roles = _third_party_roles(sentence, mentions, ctx)
    third = {m.actor_id or m.alias for m, _ in roles}
    sentence_venue = _venue(sentence.text, ctx)
    in_venue = {m.start for m in mentions
                if sentence_venue and m.alias.startswith((sentence_venue[1] or "\0", sentence_venue[0]))}
    parties = _parties(sentence, [m for m in mentions if m.start not in in_venue], third, ctx)
    if not dates and not parties and not roles and not sentence_venue:
        return []  # nothing a curator could record
    anchors = dates or [None]
    found = []
    for date in anchors:
        clause = _clause_at(sentence, sentence.start + date.start) if date else (sentence.start, sentence.end)
        own = text[clause[0]:clause[1]]
        lead = text[sentence.start:clause[1]]
        status = _first(cues.STATUSES, own, lead, default="held")
        kind = _first(cues.EVENT_TYPES, own, sentence.text, default="talks_round")
        venue = _venue(own, ctx) or sentence_venue
        iso, precision, inferred = (date.date, date.precision, False) if date else (None, None, False)
        if date is None and ctx.reference and kind in SAME_DAY_TYPES and status in ("held", "suspended"):
            # a statement reporting a call, a deal or a suspension with no date of its own: the statement's date
            iso, precision, inferred = ctx.reference.isoformat(), "day", True
        found.append({
            "date": iso,
            "precision": precision,
            "date_inferred": inferred,
            "status": status,
            "type": kind,
            "venue_city": venue[0] if venue else None,
            "venue_country": venue[1] if venue else None,
            "parties": parties,
            "mediators": sorted({_actor_ref(m) for m, _ in roles}),
            "third_parties": [{"actor": _actor_ref(m), "role": role, "alias": m.alias} for m, role in roles],
            "evidence": {
                "text": sentence.text, "start": sentence.start, "end": sentence.end,
                **({"date_text": date.text, "date_start": sentence.start + date.start,
                    "date_end": sentence.start + date.end} if date else {}),
            },
        })
    return found


def _actor_ref(mention: Mention) -> str:
    return mention.actor_id or mention.alias


def _third_party_roles(sentence: Sentence, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, str]]:
    """Mediators, hosts and facilitators, from the words right after or before each actor."""
    text = ctx.text
    roles: list[tuple[Mention, str]] = []
    groups = _coordinated(mentions, text)
    for group in groups:
        last = group[-1]
        after = text[last.end:min(sentence.end, last.end + 70)]
        before = text[max(sentence.start, group[0].start - 45):group[0].start]
        found = [role for role, p in cues.ROLE_AFTER if p.search(after)]
        found += [role for role, p in cues.ROLE_OF_LIST if p.search(after)]
        for role in dict.fromkeys(found):
            roles.extend((m, role) for m in group)
        # "hosted by A and B": a cue before the names reaches only those joined to the first by "and"
        head = [group[0]]
        for prev, m in zip(group, group[1:]):
            if not re.fullmatch(r"\s+and\s+(?:the\s+)?", text[prev.end:m.start]):
                break
            head.append(m)
        for role in dict.fromkeys(role for role, p in cues.ROLE_BEFORE if p.search(before)):
            roles.extend((m, role) for m in head if (m, role) not in roles)
    return roles


def _coordinated(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Group mentions joined by "and" or commas ("the United Nations and Turkey"), which share what follows."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            gap = text[groups[-1][-1].end:m.start]
            listed = re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[\w.\-]+\s+){0,5}?", gap)
            titled = re.fullmatch(r"\s+(?:[A-Z][\w\-]*\s+){0,3}", gap)  # "South African Deputy President X"
            if (listed or titled) and len(gap) < 60:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _parties(sentence: Sentence, mentions: list[Mention], third: set[str], ctx: Context) -> list[str]:
    """The sides: actors after "between", else states, groups and the people's own states, minus commentators."""
    text = ctx.text
    between = cues.PARTIES_BETWEEN.search(sentence.text)
    pool = mentions
    if between:
        start = sentence.start + between.end()
        end = _clause_at(sentence, start)[1]
        pool = [m for m in mentions if start <= m.start < end]
    parties: list[str] = []
    for m in pool:
        if m.actor_id is None or m.actor_id in third:
            continue
        if _COMMENTATOR.match(text[m.end:m.end + 40]):
            continue
        actor = m.actor_id
        if m.kind == "person":
            actor = ctx.matcher.affiliation(actor) or ""
        elif m.kind == "international_organisation" and not between:
            continue
        if actor and actor not in parties and actor not in third:
            parties.append(actor)
    return parties


def _venue(clause: str, ctx: Context) -> tuple[str, str | None] | None:
    for match in _VENUE.finditer(clause):
        city, country = match.group("city"), match.group("country")
        if _NOT_PLACES.match(city):
            continue
        near = clause[max(0, match.start() - 60):match.start()] + " " + clause[match.end():match.end() + 30]
        if not cues.VENUE_CONTEXT.search(near):
            continue
        actor_id = ctx.matcher.surface.get(city)
        if actor_id is not None:
            actor = ctx.matcher.actors.loc[actor_id]
            if actor["kind"] != "state" or actor["name"] == city:
                continue  # a country, organisation or person is not a meeting place
            country = country or actor["name"]  # a capital standing for its state ("Moscow")
        if country in ctx.matcher.surface:  # "Turkiye" as written, "Türkiye" as the registry names it
            country = ctx.matcher.actors.at[ctx.matcher.surface[country], "name"]
        return city, country
    return None


def _merge_events(events: list[dict]) -> list[dict]:
    """One proposal per date and venue: an article that repeats a meeting's date names one event."""
    merged: dict[tuple, dict] = {}
    out = []
    for event in events:
        key = (event["date"], event["venue_city"]) if event["date"] else None
        if key is None or key not in merged:
            if key is not None:
                merged[key] = event
            event["also_evidence"] = []
            out.append(event)
            continue
        kept = merged[key]
        kept["parties"] = list(dict.fromkeys(kept["parties"] + event["parties"]))
        kept["mediators"] = sorted(set(kept["mediators"]) | set(event["mediators"]))
        kept["third_parties"] += [t for t in event["third_parties"] if t not in kept["third_parties"]]
        kept["also_evidence"].append(event["evidence"])
    return out


def _position_in(sentence: Sentence, mentions: list[Mention], last_person: Mention | None, ctx: Context) -> dict | None:
    stance = _first(cues.STANCES, sentence.text, default="")
    if not stance:
        return None
    speaker = _speaker(sentence, mentions, last_person, ctx)
    holder: Mention | None = speaker
    if holder is None:
        cue_at = sentence.start + min((p.search(sentence.text).start() for _, p in cues.STANCES
                                       if p.search(sentence.text)), default=len(sentence.text))
        clause_start = _clause_at(sentence, cue_at)[0]
        # the holder is the subject of the clause that states the stance ("...; Moldova will never accept ...")
        in_clause = [m for m in mentions if clause_start <= m.start < cue_at and m.actor_id]
        before = [m for m in mentions if m.start < cue_at and m.actor_id]
        holder = (in_clause or before or [m for m in mentions if m.actor_id] or [None])[0]
    if holder is None:
        return None
    actor, speaker_id = holder.actor_id, None
    if holder.kind == "person":
        speaker_id = holder.actor_id
        actor = ctx.matcher.affiliation(holder.actor_id) or holder.actor_id
    red_line = bool(cues.RED_LINE.search(sentence.text))
    if _DOUBLE_NEGATIVE.search(sentence.text):
        red_line = False
        if stance == "rejects":
            stance = "open"
    return {
        "actor": actor,
        "speaker": speaker_id,
        "issue": _first(cues.ISSUES, sentence.text, default="") or None,
        "stance": stance,
        "red_line": red_line,
        "quote": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
    }


def _speaker(sentence: Sentence, mentions: list[Mention], last_person: Mention | None, ctx: Context) -> Mention | None:
    """Who is quoted: '"...," Ryabkov said', 'Ryabkov said ...', or "He ..." after a named person."""
    text = ctx.text
    people = [m for m in mentions if m.kind == "person" and m.actor_id]
    for m in people:
        before, after = text[max(sentence.start, m.start - 6):m.start], text[m.end:m.end + 12]
        if re.search(r"[\"”]\s*,?\s*$", before) or re.match(rf"\s+(?:{cues.SAID})\b", after):
            return m
    if cues.PRONOUN_SUBJECT.match(sentence.text) and last_person is not None and last_person.actor_id:
        return last_person
    return None


def _mention_json(m: Mention, ctx: Context) -> dict:
    name = ctx.matcher.actors.at[m.actor_id, "name"] if m.actor_id else m.alias
    return {"actor": m.actor_id, "name": name, "alias": m.alias, "start": m.start, "end": m.end, "new": m.new}


def _new_actors(mentions: list[Mention], ctx: Context) -> list[dict]:
    """Actors to add to the registry: countries it lacks (with their ISO code) and people a title introduces."""
    seen: dict[str, dict] = {}
    for m in mentions:
        if not m.new:
            continue
        if m.actor_id:  # a country from the gazetteer
            row = ctx.matcher.actors.loc[m.actor_id]
            seen.setdefault(m.actor_id, {"actor_id": m.actor_id, "name": row["name"], "kind": "state", "title": "",
                                         "country_code": row["country_code"], "start": m.start, "end": m.end})
        elif m.alias not in seen:
            title = re.search(rf"{_TITLE_BEFORE}$", ctx.text[max(0, m.start - 40):m.start])
            seen[m.alias] = {"actor_id": None, "name": m.alias, "kind": "person",
                             "title": title.group(1) if title else "", "country_code": "",
                             "start": m.start, "end": m.end}
    return list(seen.values())
