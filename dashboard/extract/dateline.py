"""What the head of an article says: the day "today" means, the city it was filed from, who issued it, its lead.

- The reference date: the statement's own date line ("May 11, 2025", "NAIROBI, March 1, 2024 —", "Lima,
  07/09/2020 - 11:54"), else the date a lead sentence says it was released, else the publication date.
- The date line's city: "NAIROBI, March 1 —", "PORT AMAR (Reuters) -", "Port Amar, Kenya, 27 August 2015 -",
  "March 4, 2019, Port Amar", a city alone on a line above the date.
- The issuers: "Statement by X", "Remarks by X", "X today issued the following statement".
- The lead: the first sentence of the body that speaks of talks. A lead that reports its meeting or signing
  as happening ("today", "took place", "has just concluded", "gathered") and names no place of its own took
  place in the date line's city, on the date line's day: the article's own event.
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.extract import cues
from dashboard.extract.mentions import ActorMatcher, Mention, Place
from dashboard.extract.sentences import Sentence, sentences
from dashboard.extract.temporal import find_dates

_DATELINE = re.compile(r"^\s*(?:[A-Z][\w.’' ]{1,40},\s*|\(?[A-Z]{2,}[\w ]*\)?\s*[–—-]\s*)?(?P<date>.{4,40}?)"
                       r"(?:\s*[–—/-]\s*\d{1,2}:\d{2}.*|\s+\d{1,2}:\d{2}.*|\s*/.*|\s+[–—-]\s+.*)?\s*$")
_STATEMENT_DATE = re.compile(r"\b(?:statement|remarks|readout|communiqu\w+)\b[^.]{0,200}?\b(?:released|issued|delivered|"
                             r"made|published)\b", re.IGNORECASE)
_SPEECH_FRAME = re.compile(rf"\b(?:{cues.SAID})\s*:\s*$|:\s*$")
# "NAIROBI, …", "PORT AMAR (Reuters) -", "Port Amar- …", "GENEVA –", a city alone on its line
_DATELINE_PLACE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z.'’\u00C0-\u024F -]{2,40}?)\s*(?:,|\s[–—-]|[–—-]\s|\s*\(|$)",
                             re.MULTILINE)
# "March 4, 2019, Port Amar —": the place after the date
_PLACE_AFTER_DATE = re.compile(r"^\s*(?:\w+\s+){0,1}\w+\s+\d{1,2},?\s+\d{4}\s*,\s*(?P<place>[A-Z][A-Za-z.'’ -]{2,40}?)"
                               r"\s*(?:,|\s[–—-]|$)", re.MULTILINE)
# What follows a date line's place: a date, a news agency, a dash ("NAIROBI, March 1 —", "PORT AMAR (Reuters) -").
_FILED = re.compile(rf"\s*(?:,\s*)?(?:\(|[–—-]|(?:[A-Z][a-z]+,\s*)?(?:\d|{'|'.join(cues.MONTH_NAMES)}))"
                    r"|\s*,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*(?:\(|[–—]|-\s)")  # "PORT AMAR, Veldia (Agency) —"
# A date or an agency right after a place: the shape of a date line ("PORT AMAR, March 4 (Agency) —").
_DATED = re.compile(rf"\s*,\s*(?:[A-Z][a-z]+,\s*)?(?:\d|(?:{'|'.join(cues.MONTH_NAMES)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                    rf"Nov|Dec)\b)|\s*\([A-Z][\w .-]{{1,30}}\)\s*[—–-]")
# Words that open a head line but are no place ("Updated, March 4", "Statement, …").
_NOT_PLACES = {"Updated", "Posted", "Published", "Statement", "Remarks", "Readout", "Joint", "Press", "Media", "Office",
               "Embassy", "Ministry", "Department", "Today", "By", "Monday", "Tuesday", "Wednesday", "Thursday",
               "Friday", "Saturday", "Sunday", *cues.MONTH_NAMES}
_TOWN = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?|[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+)?")
# "KESSA CITY, March 4, 2019 (AFP) — …": a date line at the head of a paragraph, up to its dash
_INLINE_DATELINE = re.compile(r"^\s*(?P<head>[A-Z][\w.’' ]{1,40},\s*[^—–]{4,60}?)(?:\s*\([^)]{1,40}\))?\s*[—–-]\s+\S")
# "March 4, 2019, Port Amar — …": the date first, then the place
_DATE_FIRST_DATELINE = re.compile(r"^\s*(?P<head>(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))\s*,\s*"
                                  r"[A-Z][\w .’'-]{1,40}?\s*(?:\([^)]{1,40}\)\s*)?[—–-]\s+\S")
_DATELINE_DASH = re.compile(r"\s[—–-]\s|[—–]|(?<=\w)-\s")
HEAD_LINES = 20
LEAD_SENTENCES = 8
ISSUER_SENTENCES = 4  # a statement says who issued it in its title or first lines


def reference_date(text: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    """The date "today" means: the statement's own date line, else its publication date.

    A press statement carries its date line ("May 11, 2025", "NAIROBI, March 1, 2024 —",
    "Lima, 07/09/2020 - 11:54") or says when it was released; a republished copy may carry the
    later date it was posted, so the earliest such date wins.
    """
    datelines = []
    for line in text.split("\n")[:HEAD_LINES]:
        inline = _DATE_FIRST_DATELINE.match(line) or _INLINE_DATELINE.match(line)
        if inline:  # "KESSA CITY, March 4, 2019 (AFP) — Leaders of …": the date line opens the lead's paragraph
            line = inline.group("head")
        if len(line.strip()) > 100:
            continue
        prefixed = _DATELINE.match(line)
        country = _DATELINE.match(line.split(",", 1)[1]) if "," in line else None  # "JEDDAH, Saudi Arabia, May 12"
        for candidate in (line.strip(), prefixed.group("date") if prefixed else "",
                          country.group("date") if country else ""):  # the date alone, after a place, after its country
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


def dateline_city(text: str, matcher: ActorMatcher) -> Place | None:
    """The city a date line names ("NAIROBI, March 1, 2024 —", "PORT AMAR (Reuters) -", "Lima, 07/09/2020")."""
    head = "\n".join(text.split("\n")[:HEAD_LINES])
    for pattern in (_DATELINE_PLACE, _PLACE_AFTER_DATE):
        for m in pattern.finditer(head):
            written = m.group("place").strip()
            line_end = head.find("\n", m.start())
            line = head[m.start():line_end if line_end >= 0 else len(head)]
            if len(written.split()) > 4 or not (len(line) <= 80 or _FILED.match(head[m.end("place"):m.end("place") + 50])):
                continue  # a body sentence that opens with a city is no date line
            form = written.title() if written.isupper() else written
            place = matcher.place(form)
            if place is not None and place[3]:  # a city, not a country
                return Place(place[0], written, m.start("place"), m.start("place") + len(written), *place[1:])
            country = _country_after(head, m.end("place"), matcher)
            if place is None and country is not None and pattern is _DATELINE_PLACE and _TOWN.fullmatch(written):
                # "Port Amar, Veldia, 27 August 2015 -": a town the gazetteer lacks, in the country written after it
                return Place(written, written, m.start("place"), m.start("place") + len(written), *country)
            dated = pattern is _PLACE_AFTER_DATE or _DATED.match(head[m.end("place"):m.end("place") + 50])
            if place is None and dated and _TOWN.fullmatch(written) and not matcher.resolve(form) \
                    and form.split()[0] not in _NOT_PLACES:
                # "PORT AMAR, March 4 (Agency) —", "March 4, 2019, Port Amar —": the date line's shape says it is a
                # place, though no list knows it (its country unknown)
                return Place(form, written, m.start("place"), m.start("place") + len(written), "", "", True)
    return None


def _country_after(head: str, end: int, matcher: ActorMatcher) -> tuple | None:
    """(country name, ISO code, False, '') for "<place>, <Country>," right after a date line's place."""
    m = re.match(r"\s*,\s*(?P<country>[A-Z][A-Za-z.'’ -]{2,30}?)\s*(?:,|\s[–—-]|$)", head[end:end + 40], re.MULTILINE)
    if not m:
        return None
    place = matcher.place(m.group("country"))
    if place is None or place[3]:
        return None
    return place[1], place[2], True, ""


def dateline_end(text: str, place: Place | None) -> int:
    """Where the date line ends (0 when there is none): its line's end, or the dash after it when the lead's
    paragraph goes on ("PORT AMAR (Reuters) - The two …")."""
    if place is None:
        return 0
    newline = text.find("\n", place.end)
    line_end = len(text) if newline < 0 else newline
    dash = _DATELINE_DASH.search(text, place.end, line_end)
    return dash.end() if dash and dash.start() - place.end <= 60 else line_end


def speech_frames(parts: list[Sentence], reference: dt.date | None) -> list[tuple[int, dt.date]]:
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


def issuers(text: str, parts: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """The actors that issued the statement the article is ("Statement by X", "X issued the following statement",
    "The following statement was released by X, Y and Z"), from its first sentences."""
    out: list[Mention] = []
    for sentence in parts[:ISSUER_SENTENCES]:
        for m in cues.ISSUER.finditer(sentence.text):
            group = next(g for g in ("after", "of", "before", "head") if m.group(g) is not None)
            start, end = sentence.start + m.start(group), sentence.start + m.end(group)
            out += [x for x in mentions if start <= x.start and x.end <= end and x.actor_id and x not in out]
        released = re.search(r"\b(?:released|issued|delivered)\s+by\s+(?P<who>.+?)(?:\s+(?:on|about|regarding|"
                             r"concerning|following|after|at|in)\s+|$)", sentence.text)
        if released:
            start, end = sentence.start + released.start("who"), sentence.start + released.end("who")
            out += [x for x in mentions if start <= x.start and x.end <= end and x.actor_id and x not in out]
        if out:
            break
    return out


def lead_sentence(parts: list[Sentence], after: int) -> Sentence | None:
    """The first sentence of the body (after the date line) that speaks of talks and is not a headline."""
    for sentence in parts[:LEAD_SENTENCES * 2]:
        if sentence.end <= after:
            continue
        if len(sentence.text.split()) >= 5 and re.search(r"[.!?][\"”’)]*$", sentence.text) and cues.TALKS.search(sentence.text):
            return sentence
    return None


def reports_its_own_event(sentence: Sentence) -> bool:
    """A lead that reports its meeting or signing as happening or just done, not a comment on it ("X welcomes the
    agreement reached today" is filed from X's desk, not from where the talks met)."""
    unquoted = re.sub(r"[\"“][^\"“”]*[\"”]", " ", sentence.text)
    return bool(cues.OWN_EVENT_VERBS.search(sentence.text)) and not cues.COMMENT_VERBS.search(unquoted)
