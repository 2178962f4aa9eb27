"""Events from an article: talks, calls, signings and announced rounds, with their sides and go-betweens.

Each sentence that speaks of negotiations is read once into `SentenceFacts`: its dates (not those of
fighting), its venues, the third parties and their roles, and the sides. A date or a venue makes an
event; a call, signing or suspension reported without a date happened on the statement's day. Roles
and sides named in a sentence that has no event of its own ("We thank Chile for its leadership in
facilitating the talks") go to the nearest event. Every role and side carries the words that
gave it (`cue`), so a curator sees why it was proposed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.extract import cues
from dashboard.extract.mentions import ActorMatcher, Mention, Place
from dashboard.extract.sentences import Sentence
from dashboard.extract.temporal import DateMention, find_dates

_CLAUSE_BREAK = re.compile(r",\s+(?=(?:where|when|which|who|after|before|while|but|although|since|as|with)\b)|;\s+"
                           r"|\s+[—–]\s+|\s+-\s+")
_VENUE_BEFORE = re.compile(r"(?:\b(?:in|at|In|At)\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,3}?(?:capital|city|town|resort|port)"
                           r"(?:\s+of)?,?\s+|\b(?:in|In)\s+|\b(?:at|At)\s+(?:the\s+)?[A-Z][^,.;]{1,60}?,\s+|"
                           r"\b(?:at|At)\s+(?:the\s+)?[A-Z][^,.;]{1,60}?\s+in\s+)$")
_SEAT = re.compile(r"\b(?:authorities|government|officials|leadership|regime|embassy|administration)\s+in\s+$",
                   re.IGNORECASE)
_BOTH_SIDES = re.compile(r"\b(?:the two|both)\s+(?:sides|parties|countries|governments|delegations|leaders)\b",
                        re.IGNORECASE)
_HERE = re.compile(r"\b(?:here|in this city)\b", re.IGNORECASE)
_VENUE_LIST = re.compile(r"^\s*(?:,|,?\s*and)\s+(?:in\s+)?$")
_COUNTRY_VENUE = re.compile(r"(?:talks|negotiations?|meetings?|met|held|signed|reached|summit|agreement|rounds?)"
                            r"(?:\s+\w+){0,2}\s+(?:in|at)\s+$", re.IGNORECASE)
_MET = re.compile(r"^\s+(?:\w+\s+)?(?:met|meets|will meet|spoke with|talked with)\s+(?:with\s+)?(?:the\s+)?$")
_DASHED = re.compile(r"^\s*[-–—/]\s*$")
_DASH_NOUN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:talks|summit|dialogue|negotiations|meeting|agreement|deal|"
                        r"ceasefire|relations|war|conflict|process)\b", re.IGNORECASE)
_LOCATED = re.compile(r"\b(?:in|at|across|throughout|inside|within)\s+(?:the\s+)?$")
_EXAMPLES = re.compile(r"\b(?:like|such as|including)\s+(?:the\s+)?(?:[\w’'-]+,?\s+(?:and\s+)?(?:the\s+)?){0,12}$")
_THANKED = re.compile(r"\b(?:thank(?:s|ed|ful)?(?:\s+to)?|grateful\s+to|appreciat\w*)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$",
                      re.IGNORECASE)

# Events a statement usually reports on the day they happen.
SAME_DAY_TYPES = ("call", "agreement_signed", "agreement_suspended")
BACKGROUND_DAYS = 45  # a date this long before the article's own is history it recalls, not news it reports


@dataclass
class ArticleContext:
    text: str
    matcher: ActorMatcher
    mentions: list[Mention]
    places: list[Place]
    reference: dt.date | None
    frames: list[tuple[int, dt.date]] = field(default_factory=list)  # (offset, what "today" means from there on)
    dateline: Place | None = None  # the city a date line names ("NAIROBI, March 1 —"): a venue only where tied

    def reference_at(self, offset: int) -> dt.date | None:
        """The day "today" means at `offset`: a quoted speech dated "yesterday said:" shifts it."""
        today = self.reference
        for start, day in self.frames:
            if start <= offset:
                today = day
        return today


@dataclass
class Role:
    mention: Mention
    role: str
    cue: str


@dataclass
class SentenceFacts:
    index: int
    sentence: Sentence
    dates: list[DateMention]
    venues: list[tuple[Place, str]]
    roles: list[Role]
    explicit: list[tuple[str, str]]  # (actor id, cue): sides the text names as sides
    fallback: list[tuple[str, str]]  # states and groups in the sentence that no rule put elsewhere


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
    return [(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def clause_at(sentence: Sentence, offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in clauses(sentence) if a <= offset < b), (sentence.start, sentence.end))


def first_family(families: list[tuple[str, re.Pattern]], *texts: str, default: str) -> str:
    for text in texts:
        for name, pattern in families:
            if pattern.search(text):
                return name
    return default


def read_sentence(index: int, sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> SentenceFacts:
    """What one sentence about talks says; `mentions` are the actor mentions inside it."""
    reference = ctx.reference_at(sentence.start)
    dates = [d for d in find_dates(sentence.text, reference) if d.date and not _violent(sentence, d)]
    dates = [DateMention(d.text, sentence.start + d.start, sentence.start + d.end, d.date, d.precision, d.end_date)
             for d in dates]
    venues = _venues(sentence, mentions, ctx)
    venue_spans = [(p.start, p.end) for p, _ in venues]
    roles = _roles(sentence, mentions, ctx)
    third = {r.mention.actor_id for r in roles}
    # a venue, and the country written after it ("Jeddah, Saudi Arabia"), is where, not who
    sides = [m for m in mentions if not any(s <= m.start and m.end <= e or re.fullmatch(r",\s*", ctx.text[e:m.start])
                                            for s, e in venue_spans)]
    explicit = _explicit_parties(sentence, sides, ctx)
    fallback = _fallback_parties(sentence, sides, third, ctx)
    return SentenceFacts(index, sentence, dates, venues, roles, explicit, fallback)


def _violent(sentence: Sentence, date: DateMention) -> bool:
    """A date of fighting: 'the October 7th attack', 'its assault against Israel on October 7th'."""
    before = sentence.text[max(0, date.start - 60):date.start]
    after = sentence.text[date.end:date.end + 25]
    words_before = " ".join(before.split()[-6:])
    return bool(cues.VIOLENCE.search(words_before) or cues.VIOLENCE.match(after.strip()))


def _venues(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[tuple[Place, str]]:
    text = ctx.text
    people = [(m.start, m.end) for m in mentions if m.kind in ("person", "group")]
    found: list[tuple[Place, str]] = []
    for place in (p for p in ctx.places if sentence.start <= p.start and p.end <= sentence.end):
        if any(s < place.end and place.start < e for s, e in people):
            continue  # "Hamas" is not the town of Hamm, "Kim" not a village
        before = text[max(sentence.start, place.start - 70):place.start]
        cue = _VENUE_BEFORE.search(before)
        listed = found and _VENUE_LIST.match(text[found[-1][0].end:place.start])
        if found and re.fullmatch(r",\s*", text[found[-1][0].end:place.start]) and not place.city:
            continue  # "Jeddah, Saudi Arabia": the city's own country
        if not cue and not listed or _SEAT.search(before):
            continue  # "the authorities in Kiev": the government, not where talks meet
        if place.city:
            near = text[max(sentence.start, place.start - 90):min(sentence.end, place.end + 50)]
            if not cues.VENUE_CONTEXT.search(near):
                continue
        elif not (_COUNTRY_VENUE.search(text[max(sentence.start, place.start - 60):place.start]) or listed):
            continue
        found.append((place, (cue.group(0) if cue else text[found[-1][0].end:place.start]).strip()))
    here = _HERE.search(sentence.text)
    if not found and here and ctx.dateline is not None and cues.VENUE_CONTEXT.search(sentence.text):
        # "the talks held here": the text ties the meeting to the city of its date line
        found.append((ctx.dateline, f"{here.group(0)} (the date line's city)"))
    return found


def _coordinated(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Mentions joined by "and" or commas ("the United Nations and Turkey") share what follows them."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            gap = text[groups[-1][-1].end:m.start]
            listed = re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[\w.\-]+\s+){0,5}?", gap)
            titled = re.fullmatch(r"\s+(?:[A-Z][\w\-]*\s+){0,3}", gap)  # "South African Deputy President X"
            of = re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) and groups[-1][-1].kind == "person"  # "Sheikh X of Kuwait"
            if (listed or titled or of) and len(gap) < 60:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _roles(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[Role]:
    """Mediators, hosts, facilitators, guarantors, observers and witnesses, from the words around each actor."""
    text, gaz = ctx.text, ctx.matcher.gaz
    roles: list[Role] = []

    def add(m: Mention, role: str, cue: str) -> None:
        if m.actor_id and not any(r.mention.actor_id == m.actor_id and r.role == role for r in roles):
            roles.append(Role(m, role, cue))

    for group in _coordinated(mentions, text):
        last = group[-1]
        after = text[last.end:min(sentence.end, last.end + 90)]
        before = text[max(sentence.start, group[0].start - 60):group[0].start]
        for role, pattern in cues.ROLE_AFTER + cues.ROLE_OF_LIST:
            hit = pattern.search(after)
            if not hit:
                continue
            if role == "mediator" and cues.OWN_PROCESS.match(after) and last.alias in gaz.demonyms:
                continue  # "the Peruvian-led agreement": the parties' own
            for m in group:
                add(m, role, (last.alias + hit.group(0)).strip())
        head = [group[0]]  # "hosted by A and B": a cue before the names reaches those joined by "and"
        for prev, m in zip(group, group[1:]):
            if not re.fullmatch(r"\s+and\s+(?:the\s+)?", text[prev.end:m.start]):
                break
            head.append(m)
        for role, pattern in cues.ROLE_BEFORE:
            hit = pattern.search(before)
            if hit:
                for m in head:
                    add(m, role, (hit.group(0) + group[0].alias).strip())
    for m in mentions:  # "the UN Special Envoy, Jana Roe": an envoy mediates for whom they act
        title = _title_of(m, ctx)
        if m.kind == "person" and cues.ENVOY_TITLES.search(title):
            add(m, "mediator", f"{title} {m.alias}")
    return roles


def _title_of(m: Mention, ctx: ArticleContext) -> str:
    if m.actor_id in ctx.matcher.candidates:
        return ctx.matcher.candidates[m.actor_id].title
    if m.actor_id in ctx.matcher.registry.index:
        return str(ctx.matcher.registry.at[m.actor_id, "title"])
    return ""


def _side(m: Mention, ctx: ArticleContext) -> str:
    """The actor a mention stands for as a side: a person stands for the actor they speak for."""
    if m.kind == "person":
        return ctx.matcher.affiliation(m.actor_id) or ""
    return m.actor_id or ""


def _explicit_parties(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[tuple[str, str]]:
    text = ctx.text
    found: list[tuple[str, str]] = []

    def add(members: list[Mention], cue: str) -> None:
        for m in members:
            side = _side(m, ctx)
            if side and ctx.matcher.kind(side) != "international_organisation" and side not in {a for a, _ in found}:
                found.append((side, cue))

    groups = _coordinated(mentions, text)
    for group in groups:
        before = text[max(sentence.start, group[0].start - 60):group[0].start]
        between = re.search(r"\bbetween\s+(?:the\s+)?$", before, re.IGNORECASE)
        of = cues.PARTIES_OF.search(before)
        did = cues.PARTIES_DID.match(text[group[-1].end:group[-1].end + 30])
        if between and len(group) >= 2:
            add(group, text[group[0].start - len(between.group(0)):group[-1].end])
        elif of:
            add(group, text[group[0].start - len(of.group(0)):group[-1].end])
        elif did and len(group) >= 2:
            add(group, text[group[0].start:group[-1].end] + did.group(0))
        elif len(group) >= 2 and _DASH_NOUN.match(text[group[-1].end:group[-1].end + 40]):
            # "Russian and Ukraine direct negotiations"
            add(group, text[group[0].start:group[-1].end] + _DASH_NOUN.match(text[group[-1].end:group[-1].end + 40]).group(0))
    for a, b in zip(mentions, mentions[1:]):
        gap = text[a.end:b.start]
        if _MET.match(gap):
            add([a, b], text[a.start:b.end])
        elif _DASHED.match(gap) and _DASH_NOUN.match(text[b.end:b.end + 40]):
            add([a, b], text[a.start:b.end] + _DASH_NOUN.match(text[b.end:b.end + 40]).group(0))
    capitals = [p for p in ctx.places if sentence.start <= p.start and p.end <= sentence.end and p.capital_of]
    for a, b in zip(capitals, capitals[1:]):  # "the Lima-Quito dialogue": capitals stand for their states
        if _DASHED.match(text[a.end:b.start]) and _DASH_NOUN.match(text[b.end:b.end + 40]):
            for place in (a, b):
                resolved = ctx.matcher.resolve(place.country)
                if resolved and resolved[0] not in {x for x, _ in found}:
                    found.append((resolved[0], text[a.start:b.end] + _DASH_NOUN.match(text[b.end:b.end + 40]).group(0)))
    return found


def _fallback_parties(sentence: Sentence, mentions: list[Mention], third: set, ctx: ArticleContext) -> list[tuple[str, str]]:
    """States and armed groups the sentence names, less commentators, authors, destinations and third parties."""
    text, gaz = ctx.text, ctx.matcher.gaz
    authors = cues.AUTHORS.search(sentence.text)
    out: list[tuple[str, str]] = []
    for m in mentions:
        side = _side(m, ctx)
        if not side or side in third or m.actor_id in third or side in {a for a, _ in out}:
            continue
        kind = ctx.matcher.kind(side)
        if kind == "international_organisation" or (kind == "group" and not _armed(side, ctx)):
            continue
        after = text[m.end:m.end + 40]
        before = text[sentence.start:m.start]
        if cues.COMMENTATOR.match(after) or _THANKED.search(before[-60:]) or cues.DESTINATION.search(before):
            continue
        if authors and authors.start() + sentence.start < m.start:
            continue
        possessive = re.match(r"['’]s?\b", after)  # "at Peru's ports": the owner, not the place
        if _LOCATED.search(before[-40:]) and not possessive or _EXAMPLES.search(before[-120:]):
            continue  # "democracy in Peru", "regions like Haiti": places and examples, not sides
        if m.alias in gaz.demonyms and (cues.PEOPLE_NOUNS.match(after) or re.match(r"^(?:-\w+|\s+[A-Z])", after)):
            continue
        out.append((side, f"named in the sentence: {m.alias}"))
    return out


def _armed(actor_id: str, ctx: ArticleContext) -> bool:
    """A group that can be a side: one the registry knows, or one named as fighters, a movement or a plural people."""
    candidate = ctx.matcher.candidates.get(actor_id)
    if candidate is None:
        return True
    return not candidate.cue.startswith(("organisation-shaped", "acronym")) or any(
        candidate.name.endswith(h) for h in ("Front", "Movement", "Forces", "Army", "Militia", "Brigades"))


def events_from(facts: list[SentenceFacts], ctx: ArticleContext) -> list[dict]:
    """One proposal per date or venue, with roles and sides from its sentence and, failing those, its neighbours."""
    _both_sides(facts)
    events: list[dict] = []
    origin: list[int] = []  # the sentence each event came from
    for f in facts:
        made = _events_of(f, ctx)
        events.extend(made)
        origin.extend([f.index] * len(made))
    if not events:
        return []
    for f in facts:
        own = [i for i, o in enumerate(origin) if o == f.index]
        targets = own or [_nearest(origin, f.index)]
        for i in targets:
            for r in f.roles:
                _add_role(events[i], r)
            for actor, cue in f.explicit + (f.fallback if not own else []):
                _add_party(events[i], actor, cue)
    for i, event in enumerate(events):
        third = {t["actor"] for t in event["third_parties"]}
        if not event["parties"]:
            own = next((f for f in facts if f.index == origin[i]), None)
            pool = [own] if own else []
            pool += sorted(facts, key=lambda f: (abs(f.index - origin[i]), f.index > origin[i]))
            for f in pool:
                candidates = [(a, c) for a, c in f.fallback if a not in third]
                if candidates:
                    for actor, cue in candidates:
                        _add_party(event, actor, cue)
                    break
        event["parties"] = [p for p in event["parties"] if p not in third or p in event["_explicit"]]
        event["mediators"] = sorted({t["actor"] for t in event["third_parties"]})
        del event["_explicit"]
    return merge_events(events)


def _both_sides(facts: list[SentenceFacts]) -> None:
    """'The two sides', 'both parties': the sides the article names as sides elsewhere, when it names at least two."""
    named = list(dict.fromkeys(actor for f in facts for actor, _ in f.explicit))
    if len(named) < 2:
        return
    for f in facts:
        phrase = _BOTH_SIDES.search(f.sentence.text)
        if phrase and not f.explicit:
            f.explicit = [(actor, f"{phrase.group(0)}: the sides the article names") for actor in named]


def _nearest(origin: list[int], index: int) -> int:
    return min(range(len(origin)), key=lambda i: (abs(origin[i] - index), origin[i] > index))


def _add_role(event: dict, role: Role) -> None:
    entry = {"actor": role.mention.actor_id, "role": role.role, "alias": role.mention.alias, "cue": role.cue}
    if not any(t["actor"] == entry["actor"] and t["role"] == entry["role"] for t in event["third_parties"]):
        event["third_parties"].append(entry)


def _add_party(event: dict, actor: str, cue: str) -> None:
    if actor not in event["parties"]:
        event["parties"].append(actor)
        event["party_cues"].append({"actor": actor, "cue": cue})
    if not cue.startswith("named in the sentence"):
        event["_explicit"].add(actor)


def _events_of(f: SentenceFacts, ctx: ArticleContext) -> list[dict]:
    text, sentence = ctx.text, f.sentence
    reference = ctx.reference_at(sentence.start)
    used_venues: set[int] = set()
    out = []
    for date in f.dates:
        clause = clause_at(sentence, date.start)
        own, lead = text[clause[0]:clause[1]], text[sentence.start:clause[1]]
        venue = _nearest_venue(f.venues, date, clause)
        if venue is not None:
            used_venues.add(venue[0].start)
        out.append(_event(f, ctx, own, lead, date.date, date.precision, date.end_date, False, venue,
                          {"date_text": date.text, "date_start": date.start, "date_end": date.end}, reference))
    if not f.dates:
        kind = first_family(cues.EVENT_TYPES, sentence.text, default="talks_round")
        verb = dict(cues.EVENT_TYPES)[kind].search(sentence.text)
        around = sentence.text[max(0, verb.start() - 40):verb.end() + 30] if verb else sentence.text
        status = first_family(cues.STATUSES, around, default="held")
        if reference and kind in SAME_DAY_TYPES and status in ("held", "suspended") and not f.venues:
            out.append(_event(f, ctx, sentence.text, sentence.text, reference.isoformat(), "day", None, True, None,
                              {}, reference))
    for venue in f.venues:
        if venue[0].start in used_venues or (f.dates and not venue[0].city):
            continue
        if any(e["venue_city"] == venue[0].name or (not venue[0].city and e["venue_country"] == venue[0].country)
               for e in out):
            continue
        clause = clause_at(sentence, venue[0].start)
        out.append(_event(f, ctx, text[clause[0]:clause[1]], text[sentence.start:clause[1]], None, None, None, False,
                          venue, {}, reference))
    return out


def _nearest_venue(venues: list[tuple[Place, str]], date: DateMention, clause: tuple[int, int]):
    inside = [v for v in venues if clause[0] <= v[0].start < clause[1]] or venues
    return min(inside, key=lambda v: abs(v[0].start - date.start), default=None)


def _event(f: SentenceFacts, ctx: ArticleContext, own: str, lead: str, date: str | None, precision: str | None,
           end_date: str | None, inferred: bool, venue, date_evidence: dict, reference: dt.date | None) -> dict:
    sentence = f.sentence
    status = first_family(cues.STATUSES, own, lead, default="held")
    kind = first_family(cues.EVENT_TYPES, own, sentence.text, default="talks_round")
    place = venue[0] if venue else None
    background = bool(date and reference and precision in ("day", "month") and not date.startswith("--")
                      and (reference - _first_day(date)).days > BACKGROUND_DAYS)
    return {
        "date": date, "end_date": end_date, "precision": precision, "date_inferred": inferred,
        "background": background, "status": status, "type": kind,
        "venue_city": place.name if place and place.city else None,
        "venue_country": place.country if place else None,
        "venue_cue": f"{venue[1]} {place.alias}".strip() if place else None,
        "parties": [], "party_cues": [], "mediators": [], "third_parties": [], "_explicit": set(),
        "evidence": {"text": sentence.text, "start": sentence.start, "end": sentence.end, **date_evidence},
    }


def _first_day(iso: str) -> dt.date:
    parts = (iso.split("-") + ["01", "01"])[:3]
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def merge_events(events: list[dict]) -> list[dict]:
    """One proposal per day (or per venue, for undated ones): an article that repeats a meeting names one event."""
    out: list[dict] = []
    for event in events:
        kept = next((k for k in out if _same(k, event)), None)
        if kept is None:
            event["also_evidence"] = []
            out.append(event)
            continue
        for key in ("venue_city", "venue_country", "venue_cue", "end_date"):
            kept[key] = kept[key] or event[key]
        if kept["date"] is None and event["date"]:
            for key in ("date", "precision", "date_inferred", "background", "status", "type"):
                kept[key] = event[key]
        for actor in event["parties"]:
            if actor not in kept["parties"]:
                kept["parties"].append(actor)
        kept["party_cues"] += [c for c in event["party_cues"] if c not in kept["party_cues"]]
        kept["third_parties"] += [t for t in event["third_parties"] if t not in kept["third_parties"]]
        kept["mediators"] = sorted(set(kept["mediators"]) | set(event["mediators"]))
        kept["also_evidence"].append(event["evidence"])
    return out


def _same(a: dict, b: dict) -> bool:
    venues_agree = not a["venue_city"] or not b["venue_city"] or a["venue_city"] == b["venue_city"]
    if a["date"] and b["date"]:
        return a["date"] == b["date"] and venues_agree
    if a["date"] is None and b["date"] is None and (a["date_inferred"] or b["date_inferred"]):
        return False
    return bool(a["venue_city"] and a["venue_city"] == b["venue_city"]) or (
        not a["venue_city"] and not b["venue_city"] and bool(a["venue_country"])
        and a["venue_country"] == b["venue_country"] and (a["date"] is None or b["date"] is None))
