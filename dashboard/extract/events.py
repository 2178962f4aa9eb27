"""Events from an article: talks, calls, signings and announced rounds, with their sides and go-betweens.

Each sentence that speaks of negotiations is read once into `SentenceFacts`: its dates (not those of fighting,
deadlines or spans), its venues (`venues.py`), the roles its words give third parties (`relations.py`) and
the sides it names (`sides.py`). A date or a venue makes an event; a call, signing or suspension reported
without a date happened on the statement's day. The lead's own event takes the date line's day and city when
it names neither. Roles and sides named in a sentence with no event of its own go to the nearest event.

One event per happening: sentences that report the same meeting or signing (the same day or no day, the same
sides, the same place) merge into one proposal with all their evidence, and an agreement recalled from long
before is background, not a second signing. Every role, side, venue and date keeps its words and the
construction that read them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.dateline import lead_sentence, reports_its_own_event
from dashboard.extract.grammar import clause_at, clauses, first_family
from dashboard.extract.mentions import Mention
from dashboard.extract.relations import RoleClaim, roles_in
from dashboard.extract.result import Event, Evidence, ProposalReason, Role, Side
from dashboard.extract.sentences import Sentence
from dashboard.extract.sides import SideClaim, armed_groups_in, belligerents_in, named_in, sides_in
from dashboard.extract.temporal import DateMention, duration_days, find_dates, tense_before
from dashboard.extract.venues import VenueClaim, venues_in

BACKGROUND_DAYS = 45  # a date this long before the article's own is history it recalls, not news it reports
NEAR_WORDS = 25  # a date makes an event when a word about talks stands this near it, or in its clause
MERGE_INFERRED_DAYS = BACKGROUND_DAYS  # a signing reported without a day is the one the article dates, if not history
_PRENOMINAL = re.compile(r"\b(?:the|a|an|its|their|this|that)\s+$", re.IGNORECASE)  # "the 2012 accord"
_SUBORDINATE = re.compile(r"\s*(?:where|when|which|after|before|while|since|as|with)\b", re.IGNORECASE)
# "'The participants will convene tomorrow,' the envoy said late on Tuesday": the quote's today is Tuesday.
_ATTRIBUTED = re.compile(rf"[\"”]\s*,?\s*[^\"“”]{{0,160}}?\b(?:{cues.SAID})\b[^\"“”]{{0,30}}$")
# Side constructions strong enough to keep an actor a side of an event it is also a go-between of.
_EXPLICIT = {r.family for r in cues.SIDE_CONSTRUCTIONS if r.strong} | {"A–B talks", "A–B talks (capitals)",
                                                                      "issuer: we … with B", "the two sides"}


@dataclass
class SentenceFacts:
    index: int
    sentence: Sentence
    dates: list[DateMention]
    venues: list[VenueClaim]
    roles: list[RoleClaim]
    sides: list[SideClaim]
    mentions: list[Mention]
    belligerents: list[SideClaim] = field(default_factory=list)
    armed: list[SideClaim] = field(default_factory=list)
    named: list[SideClaim] = field(default_factory=list)


def read_sentence(index: int, sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> SentenceFacts:
    """What one sentence about talks says; `mentions` are the actor mentions inside it."""
    reference = ctx.reference_at(sentence.start)
    found = find_dates(sentence.text, reference)
    spoken = _speech_day(sentence, found)
    if spoken is not None:  # the words quoted before "X said on Tuesday" take Tuesday as their today
        quoted = find_dates(sentence.text[:spoken[0]], spoken[1])
        found = quoted + [d for d in found if d.start >= spoken[0]]
    dates = [DateMention(d.text, sentence.start + d.start, sentence.start + d.end, d.date, d.precision, d.end_date)
             for d in found if d.date]
    dates = [d for d in dates if not _violent(sentence, d, ctx) and not _not_a_meeting(sentence, d, ctx)
             and _about_talks(sentence, d, ctx)]
    venues = venues_in(sentence, mentions, ctx)
    # a venue, and the country written after it ("Jeddah, Saudi Arabia"), is where, not who
    spans = [(v.place.start, v.place.end) for v in venues]
    # any city written with its country after it ("Port Amar, Veldia, 27 August"): the country is where, not who
    cities = [p.end for p in ctx.places if p.city and sentence.start <= p.start < sentence.end
              and not any(m.start < p.end and p.start < m.end for m in mentions)]
    if ctx.dateline is not None:
        cities.append(ctx.dateline.end)
    who = [m for m in mentions if not any(s <= m.start and m.end <= e or re.fullmatch(r",\s*", ctx.text[e:m.start])
                                          for s, e in spans)
           and not (m.kind == "state" and any(re.fullmatch(r",\s*", ctx.text[e:m.start]) for e in cities))]
    roles = roles_in(sentence, who, ctx)
    sides = sides_in(sentence, who, ctx)
    return SentenceFacts(index, sentence, dates, venues, roles, sides, who, belligerents_in(sentence, who, ctx),
                         armed_groups_in(who, ctx), named_in(sentence, who, ctx))


def _speech_day(sentence: Sentence, found: list[DateMention]) -> tuple[int, dt.date] | None:
    """(where the quote ends, the day it was said) for '"…," X said on Tuesday.'"""
    for d in reversed(found):
        if d.precision != "day" or not d.date or d.date.startswith("--"):
            continue
        close = max(sentence.text.rfind("”", 0, d.start), sentence.text.rfind('"', 0, d.start))
        if close > 0 and _ATTRIBUTED.search(sentence.text[:d.start]):
            return close, dt.date.fromisoformat(d.date)
    return None


def _words_before(text: str, n: int) -> str:
    return " ".join(text.split()[-n:])


def _violent(sentence: Sentence, date: DateMention, ctx: ArticleContext) -> bool:
    """A date of fighting: 'the October 7th attack', 'an assault on a base in the capital on Sunday'."""
    before = _words_before(ctx.text[sentence.start:date.start], NEAR_WORDS)
    after = ctx.text[date.end:date.end + 25]
    if cues.VIOLENCE.match(after.strip()):
        return True
    violence = [m.end() for m in cues.VIOLENCE.finditer(before)]
    talks = [m.end() for m in cues.TALKS.finditer(before)]
    return bool(violence) and (not talks or max(violence) > max(talks))


def _not_a_meeting(sentence: Sentence, date: DateMention, ctx: ArticleContext) -> bool:
    """A deadline or a span: 'the March 23 deadline', 'holding since April 10', 'by the end of May'."""
    before = ctx.text[max(sentence.start, date.start - 40):date.start]
    return bool(cues.NOT_A_MEETING_DATE.search(before) or cues.NOT_A_MEETING_AFTER.match(ctx.text[date.end:date.end + 30]))


def _about_talks(sentence: Sentence, date: DateMention, ctx: ArticleContext) -> bool:
    """A word about talks stands near the date in its clause ("the talks resumed on Monday"), or the date's clause
    hangs on a clause about talks ("the talks resume in Istanbul, where they were disrupted in March 2022")."""
    parts = clauses(sentence)
    at = next((i for i, (a, b) in enumerate(parts) if a <= date.start < b), 0)
    a, b = parts[at]
    near = _words_before(ctx.text[a:date.start], NEAR_WORDS) + " " + " ".join(ctx.text[date.end:b].split()[:NEAR_WORDS])
    if cues.TALKS.search(near):
        return True
    subordinate = _SUBORDINATE.match(ctx.text[a:b])
    return bool(subordinate and at > 0 and cues.TALKS.search(ctx.text[parts[at - 1][0]:parts[at - 1][1]]))


def events_from(facts: list[SentenceFacts], ctx: ArticleContext, parts: list[Sentence]) -> list[Event]:
    """One proposal per happening, with its sides and go-betweens."""
    _settle(facts)
    _both_sides(facts)
    if len({s.actor for f in facts for s in f.sides}) < 2:
        _fallback_sides(facts)
    events: list[Event] = []
    origin: list[int] = []  # the sentence each event came from
    lead = lead_sentence(parts, ctx.dateline_end)
    # the lead's own event takes the date line's city only when no other sentence names where that day's talks met
    lead_days = {d.date for f in facts if lead is not None and f.sentence.start == lead.start for d in f.dates}
    placed_elsewhere = any(f.venues and {d.date for d in f.dates} & lead_days for f in facts
                           if lead is None or f.sentence.start != lead.start)
    for f in facts:
        made = _events_of(f, ctx, lead is not None and f.sentence.start == lead.start and not placed_elsewhere)
        events.extend(made)
        origin.extend([f.index] * len(made))
    if not events:  # no day, no place: the article's talks, when its sentences name their sides or go-betweens
        first = next((f for f in facts if f.roles or f.sides), None)
        if first is None:
            return []
        events = [_event(first, ctx, first.sentence.text, first.sentence.text, None, None, None, False, None,
                         Evidence(first.sentence.text, first.sentence.start, first.sentence.end), ctx.reference,
                         [ProposalReason("date", "the article's talks: no day named", "")])]
        origin = [first.index]
    for f in facts:
        own = [i for i, o in enumerate(origin) if o == f.index]
        for claim in [*f.roles, *f.sides]:
            for i in _targets(claim.start, f, own, events, origin, ctx):
                if isinstance(claim, RoleClaim):
                    events[i].add_role(Role(claim.actor, claim.role, claim.mention.alias, claim.cue, claim.construction,
                                            claim.via))
                else:
                    events[i].add_side(Side(claim.actor, claim.cue, claim.construction, claim.alias))
    for event in events:
        _drop_go_betweens(event)
    merged = merge_events(events, {p: ctx.matcher.affiliation(p) for e in events for p in e.parties})
    for event in merged:
        if event.type == "call" and event.venue_city:  # a call meets nowhere: the place named is the talks' it spoke of
            event.venue_city = event.venue_country = event.venue_cue = event.venue_construction = None
            event.reasons = [r for r in event.reasons if r.about != "venue"]
    return merged


def _close(text: str, a: int, b: int, words: int = 3) -> bool:
    """No more than `words` words stand between two offsets ("the UN-mediated 2008 agreement", "the 1998 accord
    brokered by X"): one noun phrase."""
    lo, hi = sorted((a, b))
    return len(re.findall(r"[\w’'-]+", text[lo:hi])) <= words + 1


def _recalls(sentence: Sentence, text: str, at: int, date_start: int) -> bool:
    """The words at `at` speak of the recalled date's event: in its noun phrase when the date modifies a noun ("the
    Tunisian-brokered deal builds on the 2012 accord": not the 2012 accord's), else in its clause ("talks between
    A and B began last year")."""
    if _PRENOMINAL.search(text[max(sentence.start, date_start - 8):date_start]):
        return _close(text, at, date_start)
    return clause_at(sentence, at) == clause_at(sentence, date_start)


def _targets(at: int, f: SentenceFacts, own: list[int], events: list[Event], origin: list[int],
             ctx: ArticleContext) -> list[int]:
    """The events a role or side read at `at` belongs to: its sentence's own, but not an agreement the sentence recalls
    from long before unless the words stand in that date's clause ("the Tunisian-brokered deal builds on the 2012
    accord": the deal of the article, not the 2012 accord)."""
    current = [i for i in own if not events[i].background]
    recalled = [i for i in own if events[i].background and events[i].evidence.date_start is not None
                and _recalls(f.sentence, ctx.text, at, events[i].evidence.date_start)]
    if current or recalled:
        return current + recalled
    if own and not any(events[i].background for i in own):
        return own
    others = [i for i in range(len(events)) if not events[i].background] or list(range(len(events)))
    # a sentence in the past ("the talks took place under the auspices of X") speaks of talks held, one in the
    # future of talks announced: the nearest event of its own tense first
    announced = bool(cues.FUTURE_WORDS.search(f.sentence.text))
    return [min(others, key=lambda i: ((events[i].status == "announced") != announced, abs(origin[i] - f.index),
                                       origin[i] > f.index))]


# A go-between meets each side in turn: "A met B" names no side of the talks when A or B holds a go-between's role
# (a call is the exception: "Secretary X spoke with Minister Y", whose state hosts other talks, is a call of two sides).
_MEETING_ONE_SIDE = {"A met B", "A met B's counterpart", "A met B (A said it …)", "talks with A"}


def _drop_go_betweens(event: Event) -> None:
    """A go-between of the event is no side of it, unless a construction names it as one (a call's other end); meeting
    a side ("the mediator met the rebels' delegation") does not."""
    third = {t.actor for t in event.third_parties}
    firm = _EXPLICIT if event.type == "call" else _EXPLICIT - _MEETING_ONE_SIDE  # a call's two ends are its sides
    explicit = {c.actor for c in event.party_cues if c.construction in firm}
    event.parties = [p for p in event.parties if p not in third or p in explicit]
    event.party_cues = [c for c in event.party_cues if c.actor in event.parties]
    # a side's own official does not make the side a third party: its envoy (a title, the weakest reading of a
    # role) negotiates for it, and its minister who witnesses or observes its signing is there for it
    weak = [t for t in event.third_parties if t.role in ("witness", "observer") or t.construction.startswith("title:")]
    own = {t.via for t in weak if t.actor in explicit and t.via} | {t.actor for t in weak if t.actor in explicit}
    event.third_parties = [t for t in event.third_parties if not (t in weak and (t.actor in own or t.via in own))]


def _settle(facts: list[SentenceFacts]) -> None:
    """An actor a sentence names both as a side and as a go-between is one of them: a host yields to a side (a side
    hosting a round on its own soil), every other role wins over a side; a weak side claim ("the ministers of A")
    yields to a role the article gives that actor anywhere."""
    for f in facts:
        sides = {s.actor for s in f.sides}
        f.roles = [r for r in f.roles if not (r.role == "host" and r.actor in sides)]
        roles = {r.actor for r in f.roles}
        # "X met the UN envoy": meeting a go-between makes X no side of the talks
        f.sides = [s for s in f.sides if s.actor not in roles and not (s.partners and set(s.partners) <= roles | {s.actor})]
    anywhere = {r.actor for f in facts for r in f.roles}
    strong = {s.actor for f in facts for s in f.sides if s.strong}
    for f in facts:
        f.sides = [s for s in f.sides if s.strong or (s.actor not in anywhere and _weak_holds(s, f.sides, strong))]


def _weak_holds(claim: SideClaim, claims: list[SideClaim], strong: set[str]) -> bool:
    """A loose reading of a side ("the leaders of A and B", "discussions with A") holds while the article names fewer
    than two sides firmly, or when the same words name a firm side beside it ("the prime minister of A and B")."""
    if len(strong) < 2:
        return True
    return any(o is not claim and (o.start, o.end) == (claim.start, claim.end) and o.actor in strong for o in claims)


def _both_sides(facts: list[SentenceFacts]) -> None:
    """'The two sides', 'both parties': the sides the article names as sides elsewhere, when it names at least two."""
    named: dict[str, SideClaim] = {}
    for f in facts:
        for s in f.sides:
            named.setdefault(s.actor, s)
    if len(named) < 2:
        return
    for f in facts:
        phrase = cues.BOTH_SIDES.search(f.sentence.text)
        if phrase and not f.sides:
            at = f.sentence.start + phrase.start()
            f.sides = [SideClaim(a, s.alias, f"{phrase.group(0)}: the sides the article names", "the two sides", True,
                                 at, at + len(phrase.group(0))) for a, s in named.items()]


def _fallback_sides(facts: list[SentenceFacts]) -> None:
    """Fewer than two sides named as sides: the belligerents the fighting names, then the armed groups named near
    the talks (each only while two sides are still missing), then, where no side at all is named as one, the states
    and armed groups those sentences name."""
    third = {r.actor for f in facts for r in f.roles}
    # a lone subject of a side verb ("Veldia must meet its obligations") names no side firmly enough to bar the rest
    firm = len({s.actor for f in facts for s in f.sides if s.construction != "A + verb"})
    for pool in ("belligerents", "armed", "named"):
        if pool == "named" and firm:
            return  # one side named as one: the states merely named beside it are no better guess for the other
        for f in facts:
            f.sides += [s for s in getattr(f, pool) if s.actor not in third and not any(x.actor == s.actor for x in f.sides)]
        if len({s.actor for f in facts for s in f.sides}) >= 2:
            return


def _nearest(origin: list[int], index: int) -> int:
    return min(range(len(origin)), key=lambda i: (abs(origin[i] - index), origin[i] > index))


def _events_of(f: SentenceFacts, ctx: ArticleContext, is_lead: bool) -> list[Event]:
    text, sentence = ctx.text, f.sentence
    reference = ctx.reference_at(sentence.start)
    own_event = is_lead and reports_its_own_event(sentence)
    venues = list(f.venues)
    if own_event and not venues and ctx.dateline is not None:
        venues = [VenueClaim(ctx.dateline, f"{ctx.dateline.alias} (the date line)", "date line: the lead's own event")]
    used_venues: set[int] = set()
    out = []
    for date in f.dates:
        clause = clause_at(sentence, date.start)
        own, lead = text[clause[0]:clause[1]], text[sentence.start:clause[1]]
        recalled = _background(date.date, date.precision, reference)
        venue = _nearest_venue([v for v in venues if not (recalled and v.construction.startswith("date line"))],
                               date, clause)
        if venue is not None:
            used_venues.add(venue.place.start)
        reason = ProposalReason("date", f"{date.precision}: '{date.text}'" + (" against the date line" if ctx.dateline
                                and date.text.lower() in ("today", "yesterday", "tomorrow") else ""), date.text)
        end_date = date.end_date
        days = duration_days(sentence.text) if date.precision == "day" and not end_date else None
        if days and days > 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.date or ""):  # "met on Monday for a two-day summit"
            end_date = (dt.date.fromisoformat(date.date) + dt.timedelta(days=days - 1)).isoformat()
            reason = ProposalReason("date", f"{date.precision}: '{date.text}', lasting {days} days", date.text)
        made = _event(f, ctx, own, lead, date.date, date.precision, end_date, False, venue,
                      Evidence(sentence.text, sentence.start, sentence.end, date.text, date.start, date.end),
                      reference, [reason])
        if made.status == "announced" and tense_before(text[sentence.start:date.start], date.start - sentence.start) \
                == "past":
            made.status = "held"  # "agreed on Friday to resume talks": the agreement is done, the talks to come
        out.append(made)
    if not f.dates:
        kind = first_family(cues.EVENT_TYPES, sentence.text, default="talks_round")
        verb = dict(cues.EVENT_TYPES)[kind].search(sentence.text)
        around = sentence.text[max(0, verb.start() - 40):verb.end() + 30] if verb else sentence.text
        status = first_family(cues.STATUSES, around, default="held")
        same_day = kind in cues.SAME_DAY_TYPES and status in ("held", "suspended") and not f.venues
        if reference and (same_day or (own_event and ctx.dateline is not None and status == "held")):
            venue = venues[0] if venues else None
            if venue is not None:
                used_venues.add(venue.place.start)
            why = "the lead's own event, on the date line's day" if own_event else f"a {kind.replace('_', ' ')} " \
                "reported without a day happened on the statement's day"
            out.append(_event(f, ctx, sentence.text, sentence.text, reference.isoformat(), "day", None, True, venue,
                              Evidence(sentence.text, sentence.start, sentence.end), reference,
                              [ProposalReason("date", why, "")]))
    for venue in venues:
        if venue.place.start in used_venues or (f.dates and not venue.place.city):
            continue
        if any(e.venue_city == venue.place.name or (not venue.place.city and e.venue_country == venue.place.country)
               for e in out):
            continue
        clause = clause_at(sentence, venue.place.start)
        out.append(_event(f, ctx, text[clause[0]:clause[1]], text[sentence.start:clause[1]], None, None, None, False,
                          venue, Evidence(sentence.text, sentence.start, sentence.end), reference, []))
    return out


def _nearest_venue(venues: list[VenueClaim], date: DateMention, clause: tuple[int, int]) -> VenueClaim | None:
    inside = [v for v in venues if clause[0] <= v.place.start < clause[1]] or venues
    return min(inside, key=lambda v: abs(v.place.start - date.start), default=None)


def _event(f: SentenceFacts, ctx: ArticleContext, own: str, lead: str, date: str | None, precision: str | None,
           end_date: str | None, inferred: bool, venue: VenueClaim | None, evidence: Evidence,
           reference: dt.date | None, reasons: list[ProposalReason]) -> Event:
    status = first_family(cues.STATUSES, own, lead, default="held")
    kind = first_family(cues.EVENT_TYPES, own, f.sentence.text, default="talks_round")
    place = venue.place if venue else None
    if venue is not None:
        reasons = reasons + [ProposalReason("venue", venue.construction, venue.cue)]
    return Event(
        date=date, end_date=end_date, precision=precision, date_inferred=inferred,
        background=_background(date, precision, reference), status=status, type=kind,
        venue_city=place.name if place and place.city else None,
        venue_country=(place.country or None) if place else None,
        venue_cue=venue.cue if venue else None, venue_construction=venue.construction if venue else None,
        evidence=evidence, reasons=reasons,
    )


def _background(date: str | None, precision: str | None, reference: dt.date | None) -> bool:
    """History the article recalls: a day or month more than 45 days before its own, a year before its year."""
    if not date or not reference or date.startswith("--"):
        return False
    if precision == "year":
        return int(date[:4]) < reference.year
    return precision in ("day", "month") and (reference - _first_day(date)).days > BACKGROUND_DAYS


def _first_day(iso: str) -> dt.date:
    parts = (iso.split("-") + ["01", "01"])[:3]
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def merge_events(events: list[Event], acts_for: dict[str, str] | None = None) -> list[Event]:
    """One proposal per happening: the same day (or no day), the same sides, the same place. Merging until nothing
    more merges: an undated report that took a day from one sentence may then meet another of that day. Sides
    compare by whom they act for (`acts_for`: a person's state or group), so "A and B signed" and "A's minister and
    B's minister signed" name the same sides."""
    acts_for = acts_for or {}
    out = list(events)
    changed = True
    while changed:
        changed = False
        for i, event in enumerate(out):
            kept = next((k for k in out[:i] if _same(k, event, acts_for)), None)
            if kept is not None:
                _absorb(kept, event)
                out.pop(i)
                changed = True
                break
    # a signing or call dated only by "today" is the one the article dates itself, when that one is days away; an
    # undated report of a meeting is the article's dated one of its kind when their places and sides agree
    for event in [e for e in out if e.date_inferred or e.date is None]:
        target = next((k for k in out if k is not event and not k.date_inferred and k.date and not k.background
                       and _family(k) == _family(event) and (event.date is None or _near_day(k.date, event.date,
                                                                                             MERGE_INFERRED_DAYS))
                       and _venues_agree(k, event) and _sides_agree(k, event, acts_for)
                       and (event.date is not None or not k.venue_country or k.venue_country == event.venue_country)),
                      None)
        if target is not None:
            _absorb(target, event)
            out.remove(event)
    # history recalled with nothing but an imprecise date ("since last month", "21 months ago"): no proposal
    return [e for e in out if not (e.background and e.precision in ("year", "month", "week") and not e.venue_country
                                   and not e.parties and not e.third_parties)]


_PRECISION = {"year": 0, "month": 1, "week": 2, "day": 3}


def _absorb(kept: Event, event: Event) -> None:
    for key in ("venue_city", "venue_country", "venue_cue", "venue_construction", "end_date"):
        setattr(kept, key, getattr(kept, key) or getattr(event, key))
    finer = _PRECISION.get(event.precision or "", -1) > _PRECISION.get(kept.precision or "", -1)
    if event.date and (kept.date is None or finer or _within(event, kept)):
        for key in ("date", "precision", "date_inferred", "background", "end_date") + (("status", "type")
                                                                                        if kept.date is None else ()):
            setattr(kept, key, getattr(event, key))
    for side in event.party_cues:
        kept.add_side(side)
    for role in event.third_parties:
        kept.add_role(role)
    _drop_go_betweens(kept)
    if event.evidence.start != kept.evidence.start or event.evidence.date_start != kept.evidence.date_start:
        kept.also_evidence.append(event.evidence)
    kept.also_evidence += [e for e in event.also_evidence if e not in kept.also_evidence]
    kept.reasons += [r for r in event.reasons if r not in kept.reasons]
    kept.reasons.append(ProposalReason("merged", "the same happening: same day or none, same sides, same place",
                                       event.evidence.text[:120]))


def _within(outer: Event, inner: Event) -> bool:
    """`inner`'s day falls inside `outer`'s days (from its date to its end date)."""
    if not outer.end_date or not inner.date or len(inner.date) != 10 or len(outer.date or "") != 10:
        return False
    return outer.date <= inner.date <= outer.end_date and inner.date != outer.date


def _family(e: Event) -> str:
    return e.type if e.type in ("agreement_signed", "agreement_suspended", "call") else "meeting"


def _near_day(a: str, b: str | None, days: int) -> bool:
    if not b or len(a) != 10 or len(b) != 10:
        return False
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= days


def _venues_agree(a: Event, b: Event) -> bool:
    return not a.venue_city or not b.venue_city or a.venue_city == b.venue_city


def _sides_agree(a: Event, b: Event, acts_for: dict[str, str]) -> bool:
    x, y = ({acts_for.get(p) or p for p in e.parties} for e in (a, b))
    return not x or not y or x <= y or y <= x


def _same(a: Event, b: Event, acts_for: dict[str, str]) -> bool:
    if a.date and b.date:
        if _within(a, b) or _within(b, a):  # "a two-day summit from Monday … expected to end on Tuesday"
            return _venues_agree(a, b) and _sides_agree(a, b, acts_for)
        if (a.date.startswith(b.date) or b.date.startswith(a.date)) and _venues_agree(a, b) \
                and (a.venue_city or b.venue_city):
            return _sides_agree(a, b, acts_for)  # "the Lisbon talks this year" and "in Lisbon on 15 July"
        return a.date == b.date and _venues_agree(a, b)
    if a.date is None and b.date is None and (a.date_inferred or b.date_inferred):
        return False
    if a.venue_city and a.venue_city == b.venue_city:
        return True
    if not a.venue_city and not b.venue_city and a.venue_country and a.venue_country == b.venue_country:
        return a.date is None or b.date is None
    return False
