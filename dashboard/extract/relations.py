"""Third parties as a grammar: the role table of `cues.py` applied to every actor mention of a sentence.

Each row of `cues.ROLE_CONSTRUCTIONS` ties a role (mediator, host, facilitator, guarantor, observer, witness)
to a construction of English: a compound ("UN-brokered"), a passive ("facilitated by X"), a nominal ("under
the auspices of X", "X's mediation"), an apposition ("X, the guarantors"), a verb in any tense ("X has been
facilitating the talks"), a copula ("the mediators are X"), a credit ("thank X for hosting"). Names joined
by "and" or commas share the words around them. A person whose title makes them a go-between ("Special
Envoy") mediates, and a person's role reaches the actor they act for: both are proposed. A statement's
issuer that says "we hosted the talks" hosted them.

Each claim keeps its words and the construction's name, so the curator sees why ("passive: facilitated by").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.grammar import coordinated, leading_names, name_end
from dashboard.extract.mentions import LOWER_TITLES, Mention
from dashboard.extract.sentences import Sentence

_ASIDE_CLAUSE = re.compile(r"\s*,\s+(?:which|who)\b[^,;.]{1,100},")  # ", which back rival sides,"
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|whom)\s+$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(rf"(?:(?:[A-Z][\w.’'-]*|{LOWER_TITLES})\s+)+$")  # "Veldian deputy president "
_FORMER = re.compile(r"(?:\b(?:former|ex-|retired)\s*)+$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,5}$")
_AFTER_WINDOW = 140
_BEFORE_WINDOW = 110


@dataclass
class RoleClaim:
    """A role the words around a mention give its actor."""

    mention: Mention
    actor: str  # the actor that takes the role (for a person: the person)
    role: str
    cue: str  # the words, as written
    construction: str  # "passive: mediated by"
    start: int  # where the words that gave the role start and end
    end: int
    via: str = ""  # the person a role reached this actor through


def roles_in(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[RoleClaim]:
    """Every role the sentence gives an actor it names."""
    text = ctx.text
    claims: list[RoleClaim] = []

    def add(m: Mention, role: str, cue: str, construction: str, start: int, end: int) -> None:
        if not m.actor_id or any(c.actor == m.actor_id and c.role == role for c in claims):
            return
        claims.append(RoleClaim(m, m.actor_id, role, cue.strip(), construction, start, end))

    named = [m for m in mentions if m.actor_id]
    for group in coordinated(named, text):
        last, first = group[-1], group[0]
        tail = name_end(text, last)  # "the Front (NLF) signed": the bracket belongs to the name
        after = text[tail:min(sentence.end, tail + _AFTER_WINDOW)]
        before = text[max(sentence.start, first.start - _BEFORE_WINDOW):first.start]
        untitled = _TITLE_WORDS.sub("", before)  # "hospitality of Crown Prince X": the words before the title
        aside = _ASIDE_CLAUSE.match(after)  # "X, which back rival sides, were invited as observers": skip the aside
        for row in cues.ROLE_CONSTRUCTIONS + cues.ROLE_OF_LIST:
            if row.where == "after":
                hit = row.pattern.search(after)
                if not (hit and _holds(row, hit, group, tail, before, sentence, named, ctx)) and aside \
                        and row.family in ("verb", "as", "credit"):
                    shifted = tail + aside.end()
                    following = " " + text[shifted:min(sentence.end, shifted + _AFTER_WINDOW)]
                    hit = row.pattern.search(following)
                    good = hit and not cues.ROLE_NEGATION.search(hit.group(0)) and (
                        row.family != "verb" or cues.TALKS_OBJECT.search(" ".join(following[hit.end():].split()[:7])))
                    # an actor inside the aside is the aside's ("X, which hosts Y's office, facilitated the talks")
                    if good and not any(shifted <= m.start < shifted + hit.end() for m in named if m not in group):
                        words = last.alias + " … " + hit.group(0).strip()
                        for m in group:
                            add(m, row.role, words, row.label(_short(hit.group(0))), tail, shifted + hit.end())
                    continue
                if not hit or not _holds(row, hit, group, tail, before, sentence, named, ctx):
                    continue
                words = last.alias + hit.group(0)
                members = group
                if row.family == "agentive compound":  # "Thailand, Malaysia-facilitated talks": the compound's own name
                    members = [m for i, m in enumerate(group) if i == len(group) - 1 or
                               re.fullmatch(r"-?\s+and\s+(?:the\s+)?|-", text[m.end:group[i + 1].start])]
                    # ("A and B-brokered", "A- and B-brokered", "A-B-brokered": each one's)
                for m in members:
                    add(m, row.role, words, row.label(_short(hit.group(0))), tail, tail + hit.end())
            else:
                hit = row.pattern.search(before) or (first.kind == "person" and row.pattern.search(untitled))
                # "facilitated by former Veldian President X": X, who no longer acts for Veldia
                lead_in = untitled if first.kind == "person" else before
                former = _FORMER.search(lead_in)
                if not hit and former:
                    hit = row.pattern.search(lead_in[:former.start()])
                if not hit:
                    continue
                words = hit.group(0) + first.alias
                leading = leading_names(group, text)
                if former and any(m.kind == "person" for m in leading):
                    leading = [m for m in leading if m.kind == "person"]  # one who held an office no longer acts for it
                for m in leading:
                    add(m, row.role, words, row.label(_short(hit.group(0))), first.start - len(before) + hit.start(),
                        first.end)
    for m in named:
        if m.kind == "person":  # "the UN Special Envoy, Jana Roe": an envoy mediates for whom they act
            title = ctx.title_of(m)
            if cues.ENVOY_TITLES.search(title):
                role = "facilitator" if re.search(r"(?i)facilitator", title) else "mediator"
                add(m, role, f"{title} {m.alias}", f"title: {title}", m.start, m.end)
        body = ctx.matcher.candidates.get(m.actor_id or "")
        if body and body.cue.startswith("named by its role"):  # "the Co-Chairs of the Port Amar Talks"
            head = max((h for h in cues.ROLE_BODY_HEADS if body.name.startswith(h + " ")), key=len, default="")
            add(m, cues.ROLE_BODY_HEADS.get(head, "mediator"), m.alias, f"title: {head or body.name.split()[0]}",
                m.start, m.end)
    claims += _issuer_roles(sentence, ctx, claims)
    return _through_people(claims, ctx)


def _short(words: str) -> str:
    """The construction's own words, without the filler between the name and the role word."""
    words = re.sub(r"\s+", " ", words).strip(" ,")
    return words if len(words) <= 60 else "… " + words[-50:].split(" ", 1)[-1]


def _holds(row: cues.Construction, hit: re.Match, group: list[Mention], tail: int, before: str, sentence: Sentence,
           named: list[Mention], ctx: ArticleContext) -> bool:
    """The extra tests a row asks for (see `cues.Construction`)."""
    if not row.check:
        return True
    last = group[-1]
    span_end = tail + hit.end()
    if row.check in ("gap", "verb"):
        if any(tail <= m.start < span_end for m in named):
            return False  # another actor stands between the names and the role word: it is that one's
        if cues.ROLE_NEGATION.search(hit.group(0)) or cues.ASKED.search(before):
            return False  # "X declined to mediate", "urged X to host": no role
    if row.check == "verb":
        verb_end = tail + hit.end()
        following = " ".join(ctx.text[verb_end:sentence.end].split()[:7])
        preceding = " ".join(before.split()[-8:])
        bare = re.match(r"\s*[.,;:]", ctx.text[verb_end:verb_end + 3]) and re.search(
            r"(?i)(?:mediat|facilitat|broker)\w*$", hit.group(0))  # "X is ready to mediate.": no object needed
        if not (bare or cues.TALKS_OBJECT.search(following) or (_RELATIVE_BEFORE.search(before)
                                                                and cues.TALKS_OBJECT.search(preceding))):
            return False  # "Orvania hosted a dinner": no talks
        if re.search(r"\bbroker", hit.group(0), re.IGNORECASE) and len(group) > 1:
            return False  # "A and B are trying to broker a peace": the sides broker their own
    if row.check == "led" and last.alias in ctx.matcher.gaz.demonyms \
            and re.match(rf"^-led\s+{cues.OWN_PROCESS_NOUNS}\b", hit.group(0), re.IGNORECASE):
        return False  # "the Peruvian-led agreement": the parties' own
    if row.check == "organisation":
        return ctx.matcher.kind(last.actor_id) == "international_organisation"
    return not (row.check == "modifier" and last.kind == "person")  # "Jana Roe mediator": no person's role


def _issuer_roles(sentence: Sentence, ctx: ArticleContext, claims: list[RoleClaim]) -> list[RoleClaim]:
    """'We hosted the talks', 'I will host again', 'the talks it convened', 'We, the facilitators, …', 'As co-hosts,
    we …': the statement's issuer takes the role it speaks of."""
    if not ctx.issuers:
        return []
    out = []

    def give(role: str, words: str, construction: str, start: int, end: int) -> None:
        for issuer in ctx.issuers:
            if issuer.actor_id and not any(c.actor == issuer.actor_id and c.role == role for c in claims + out):
                out.append(RoleClaim(issuer, issuer.actor_id, role, words, construction, start, end))

    for role, agent in cues.ROLE_AGENTS.items():  # "We, the facilitators of the talks", "As co-hosts, we"
        for m in re.finditer(rf"\b(?:[Ww]e,\s+(?:the\s+|as\s+(?:the\s+)?)?(?:{agent})\b|[Aa]s\s+(?:the\s+)?"
                             rf"(?:[\w-]+\s+)?(?:{agent})(?:\s+of\s+[^,]{{1,60}})?,\s+we\b)", sentence.text):
            give(role, m.group(0), f"issuer: {m.group(0)}", sentence.start + m.start(), sentence.start + m.end())
    first_actor = min((m.start for m in ctx.mentions if sentence.start <= m.start < sentence.end), default=sentence.end)
    for row in cues.ROLE_CONSTRUCTIONS:
        if row.family != "verb":
            continue
        for subject in re.finditer(r"(?<![\w’'])(?:I|We|we|it)(?=\s)", sentence.text):
            if subject.group(0) == "it" and sentence.start + subject.start() > first_actor:
                continue  # "it" is the issuer only where no other actor stands before it
            hit = row.pattern.search(sentence.text[subject.end():subject.end() + _AFTER_WINDOW])
            if not hit or cues.ROLE_NEGATION.search(hit.group(0)):
                continue
            start, end = sentence.start + subject.end(), sentence.start + subject.end() + hit.end()
            if any(start <= m.start < end for m in ctx.mentions):
                continue  # "We thank X for hosting": X hosted
            following = " ".join(sentence.text[subject.end() + hit.end():].split()[:12])
            if not cues.TALKS_OBJECT.search(following) and not re.search(r"\b(?:again|together)\b", following):
                continue
            give(row.role, sentence.text[subject.start():subject.end() + hit.end()],
                 f"issuer: {subject.group(0)} … {hit.group(0).split()[-1]}", sentence.start + subject.start(), end)
    return out


def _through_people(claims: list[RoleClaim], ctx: ArticleContext) -> list[RoleClaim]:
    """A person's role reaches the actor they act for ("UN Special Envoy X": the UN too)."""
    out = list(claims)
    for c in claims:
        if c.mention.kind != "person":
            continue
        if c.mention.new and _FORMER.search(_TITLE_BEFORE.sub("", ctx.text[max(0, c.mention.start - 80):c.mention.start])):
            continue  # "former Veldian President X": the state the title names is no longer whom X acts for
        acts_for = ctx.matcher.affiliation(c.actor)
        if acts_for and not any(o.actor == acts_for and o.role == c.role for o in out):
            out.append(RoleClaim(c.mention, acts_for, c.role, c.cue, f"{c.construction}; acts for", c.start, c.end,
                                 via=c.actor))
    return out
