"""Sides, not everyone named: the actors the text names as the sides of its talks, and the rest as mentioned.

`cues.SIDE_CONSTRUCTIONS` is the table: "between A and B", "A and B signed", "delegations of A and B", "the
Veldian delegation", "A–B talks", "the parties to the agreement are A, B and C", "signed by A and B", "talks
with A", "on behalf of A", "A's commitment to the accord", "A met B". A person stands for the actor they act
for. Every other state, group, organisation or person a sentence about the talks names is *mentioned*:
commentators, places, states named in passing, and go-betweens. Only when an article names no side of its
talks in those words does a weaker reading step in: the belligerents its fighting names ("A's assault on B")
and the armed groups named in sentences about the talks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.grammar import coordinated, name_end
from dashboard.extract.mentions import Mention
from dashboard.extract.sentences import Sentence

_AFTER_WINDOW = 120
_NEGOTIATOR = re.compile(r"(?i)\b(?:negotiator|head of (?:the )?delegation)\b")
_BEFORE_WINDOW = 100
_DASHED = re.compile(r"^\s*[-–—/]\s*$")
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,5}$")  # "Foreign Minister ", "Gabonese Foreign Minister "
_JOINED = re.compile(r",|\band\b|&")  # a list of two names at least: joined by a comma or "and"
# "Talks with X" names X a side; looser words ("discussions with X", "contacts with X") name one only beside a firmer
# The constructions that make even an intergovernmental organisation a side ("talks between the EU and X").
_ORGANISATION_SIDES = {"between A and B", "A–B talks", "A and B + verb", "A met B", "the parties are A, B",
                       "signed by A and B"}


@dataclass
class SideClaim:
    actor: str
    alias: str
    cue: str
    construction: str
    strong: bool
    start: int
    end: int
    partners: tuple[str, ...] = ()  # "A met B": the actors on the other end (B's, for A)


def sides_in(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[SideClaim]:
    """The sides the sentence names as sides, each with its words and construction."""
    text = ctx.text
    found: list[SideClaim] = []

    def add(members: list[Mention], cue: str, construction: str, strong: bool, start: int, end: int,
            other: list[Mention] = ()) -> None:
        for m in members:
            actor = ctx.side_of(m)
            if not actor or (ctx.matcher.kind(actor) == "international_organisation"
                             and construction not in _ORGANISATION_SIDES):
                continue  # an organisation is a side only where the text plainly pairs it with another
            if any(f.actor == actor and (f.start, f.end) == (start, end) for f in found):
                continue
            partners = tuple(ctx.side_of(o) for o in other)
            found.append(SideClaim(actor, m.alias, re.sub(r"\s+", " ", cue).strip(), construction, strong, start, end,
                                   partners))

    named = [m for m in mentions if m.actor_id]
    groups = coordinated(named, text)
    for group in groups:
        first, last = group[0], group[-1]
        before = text[max(sentence.start, first.start - _BEFORE_WINDOW):first.start]
        tail = name_end(text, last)
        after = text[tail:min(sentence.end, tail + _AFTER_WINDOW)]
        untitled = _TITLE_WORDS.sub("", before) if first.kind == "person" else before
        distinct = len({ctx.side_of(m) for m in group}) if _JOINED.search(text[first.end:last.start]) else 1
        for row in cues.SIDE_CONSTRUCTIONS:
            if row.where == "pair" or distinct < row.least:
                continue  # "Veldia's Sultan X": one actor and its envoy, not two sides
            hit = row.pattern.search(before if row.where == "before" else after)
            if not hit and row.where == "before" and untitled is not before:
                hit = row.pattern.search(untitled)  # "signed by Foreign Minister X": the words before the title
            if not hit:
                continue
            if row.family.endswith("+ verb") and last.alias in ctx.matcher.gaz.demonyms and re.match(r"\s+[a-z]", after) \
                    and not cues.STATE_BODY.match(after):
                continue  # "Veldian hostages were discussed": the demonym describes people, it is no subject
            if row.where == "after" and (cues.NOT_THEIR_OWN_ACT.search(hit.group(0))
                                         or any(tail <= m.start < tail + hit.end() for m in named)):
                continue  # "A and B urged C to sign", "A welcomed that C signed": not A's own act
            if row.family == "talks with A" and cues.COHOST.search(hit.group(0)):
                continue  # "X co-hosted a summit with Y": Y co-hosted it
            if row.where == "after" and cues.WITH_THE_SIDES.match(after[hit.end():]):
                continue  # "X held talks with both sides": a go-between consulting the sides
            strong = row.strong and not (row.family == "talks with A" and cues.LOOSE_TALKS.search(hit.group(0)))
            if row.where == "before":
                start, end = first.start - len(before) + hit.start(), last.end
            else:
                start, end = first.start, tail + hit.end()
            if row.family == "A's delegation" and not (len(group) > 1 and re.search(
                    r"(?:delegations|delegates|negotiators|teams|envoys)$", hit.group(0))):  # "the A and B delegations": both
                add([last], text[last.start:tail + hit.end()], row.family, strong, last.start, tail + hit.end())
                continue
            add(group, text[start:end], row.family, strong, start, end)
    row = next(r for r in cues.SIDE_CONSTRUCTIONS if r.where == "pair")
    for a, b in zip(groups, groups[1:]):  # "A met B", "A spoke with B", "A signed an agreement with B"
        gap = text[a[-1].end:b[0].start]
        said = cues.SAID_IT.match(gap)  # "A said it would resume talks with B": "it" is A
        own = " " + gap[said.end():] if said else gap
        family = row.family + " (A said it …)" if said else row.family
        if not (row.pattern.match(own) and not cues.NOT_THEIR_OWN_ACT.search(own)):
            # "A's president hosted his B counterpart", "A held talks with her B counterpart"
            if not (cues.COUNTERPART_BEFORE.match(gap) and cues.COUNTERPART.match(text, name_end(text, b[-1]))
                    and not cues.NOT_THEIR_OWN_ACT.search(gap)):
                continue
            family = "A met B's counterpart"
        add(a, text[a[0].start:b[-1].end], family, True, a[0].start, b[-1].end, b)
        add(b, text[a[0].start:b[-1].end], family, True, a[0].start, b[-1].end, a)
    if ctx.issuers and groups:  # "We have never refused dialogue with the Orvanian side": the issuer is the other side
        for we in re.finditer(r"(?<![\w’'])(?:We|we|I)(?=\s)", sentence.text):
            start = sentence.start + we.start()
            b = next((g for g in groups if g[0].start > start), None)
            if b is None:
                continue
            gap = text[start + len(we.group(0)):b[0].start]
            between = any(start < m.start < b[0].start for m in named)
            if row.pattern.match(gap) and not cues.NOT_THEIR_OWN_ACT.search(gap) and not between:
                add(ctx.issuers, text[start:b[-1].end], "issuer: we … with B", True, start, b[-1].end, b)
                add(b, text[start:b[-1].end], "issuer: we … with B", True, start, b[-1].end, ctx.issuers)
    for a, b in zip(named, named[1:]):  # "the Veldia–Orvania summit"
        if _DASHED.match(text[a.end:b.start]) and cues.DASH_NOUNS.match(text[b.end:b.end + 40]):
            noun = cues.DASH_NOUNS.match(text[b.end:b.end + 40]).group(0)
            add([a, b], text[a.start:b.end] + noun, "A–B talks", True, a.start, b.end + len(noun))
    capitals = [p for p in ctx.places if sentence.start <= p.start and p.end <= sentence.end and p.capital_of]
    for a, b in zip(capitals, capitals[1:]):  # "the Lima-Quito dialogue": capitals stand for their states
        if _DASHED.match(text[a.end:b.start]) and cues.DASH_NOUNS.match(text[b.end:b.end + 40]):
            noun = cues.DASH_NOUNS.match(text[b.end:b.end + 40]).group(0)
            for place in (a, b):
                resolved = ctx.matcher.resolve(place.country)
                if resolved and not any(f.actor == resolved[0] for f in found):
                    found.append(SideClaim(resolved[0], place.alias, text[a.start:b.end] + noun, "A–B talks (capitals)",
                                           True, a.start, b.end + len(noun)))
    for m in named:  # "Chief Negotiator Jana Roe": a side's negotiator negotiates for the actor they act for
        if m.kind == "person" and _NEGOTIATOR.search(ctx.title_of(m)) and ctx.side_of(m) != m.actor_id:
            add([m], f"{ctx.title_of(m)} {m.alias}", "title: a side's negotiator", False, m.start, m.end)
    return found


def belligerents_in(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[SideClaim]:
    """'Veldia's assault against Orvania', 'the attack by A on B': the sides of the fighting."""
    text = ctx.text
    out: list[SideClaim] = []
    named = [m for m in mentions if m.actor_id and m.kind in ("state", "group", "person")]
    for a, b in zip(named, named[1:]):
        between = text[a.end:b.start]
        before = text[max(sentence.start, a.start - 60):a.start]
        if cues.BELLIGERENT_AFTER.match(between) or (cues.BELLIGERENT_BEFORE.search(before)
                                                     and re.fullmatch(r"\s+(?:on|against|in)\s+(?:the\s+)?", between)):
            for m in (a, b):
                actor = ctx.side_of(m)
                if actor and not any(o.actor == actor for o in out):
                    out.append(SideClaim(actor, m.alias, text[a.start:b.end], "belligerents: A's assault on B", False,
                                         a.start, b.end))
    return out


def armed_groups_in(mentions: list[Mention], ctx: ArticleContext) -> list[SideClaim]:
    """Armed groups a sentence about talks names: the sides of a war's talks, when nothing names the sides."""
    out = []
    for m in mentions:
        actor = ctx.side_of(m)
        if actor and ctx.matcher.kind(actor) == "group" and armed(actor, ctx) and not any(o.actor == actor for o in out):
            out.append(SideClaim(actor, m.alias, m.alias, "armed group named in a sentence about the talks", False,
                                 m.start, m.end))
    return out


_LOCATED = re.compile(r"\b(?:in|at|across|throughout|inside|within)\s+(?:the\s+)?$")


def named_in(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[SideClaim]:
    """The states and armed groups a sentence about talks names, less commentators ("X welcomes"), a statement's
    authors, destinations ("will travel to X"), places ("democracy in X"), examples ("regions like X") and people
    named by a demonym ("American hostages"): the last reading of the sides, when nothing names them."""
    text, gaz = ctx.text, ctx.matcher.gaz
    authors = cues.AUTHORS.search(sentence.text)
    out: list[SideClaim] = []
    # the words after a list speak for each name in it ("Chile and Peru called for restraint": both comment)
    group_end = {m.start: name_end(text, g[-1]) for g in coordinated([m for m in mentions if m.actor_id], text)
                 for m in g}
    for m in mentions:
        actor = ctx.side_of(m)
        if not actor or any(o.actor == actor for o in out):
            continue
        kind = ctx.matcher.kind(actor)
        if kind not in ("state", "group") or (kind == "group" and not armed(actor, ctx)):
            continue
        after = text[m.end:m.end + 40]
        predicate = text[group_end.get(m.start, m.end):group_end.get(m.start, m.end) + 40]
        before = text[sentence.start:m.start]
        if cues.COMMENTATOR.match(after) or cues.COMMENTATOR.match(predicate) or cues.THANKED.search(before[-60:]) \
                or cues.DESTINATION.search(before) or cues.PORTFOLIO.search(before[-40:]):
            continue  # "Special Envoy for X": the envoy's brief, not a side
        if authors and authors.start() + sentence.start < m.start:
            continue
        possessive = re.match(r"['’]s?\b", after)  # "at Peru's ports": the owner, not the place
        if _LOCATED.search(before[-40:]) and not possessive or cues.EXAMPLES.search(before[-120:]):
            continue
        if m.alias in gaz.demonyms and (re.match(r"^\s+[a-z]", predicate) and not cues.STATE_BODY.match(predicate)
                                        or re.match(r"^(?:-\w+|\s+[A-Z])", after)
                                        or cues.PEOPLE_PLURAL.search(m.alias) and m.alias not in gaz.country_forms):
            continue  # "Veldians", "Orvanian hostages": people; "Veldian political dialogue": the country's own talks
        out.append(SideClaim(actor, m.alias, f"named in a sentence about the talks: {m.alias}",
                             "named in a sentence about the talks (no side named as one)", False, m.start, m.end))
    return out


def armed(actor_id: str, ctx: ArticleContext) -> bool:
    """A group that can be a side: one the registry knows, or one named as fighters, a movement or a plural people."""
    candidate = ctx.matcher.candidates.get(actor_id)
    if candidate is None:
        return True
    return not candidate.cue.startswith(("organisation-shaped", "acronym", "named by its role")) or any(
        candidate.name.endswith(h) for h in ("Front", "Movement", "Forces", "Army", "Militia", "Brigades", "Force"))
