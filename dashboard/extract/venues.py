"""Where talks meet: the venues a sentence names, each with the words and the construction that made it.

- A city from the gazetteer after "in", "at the … ,", "in the … capital," with a meeting word near it; a
  country alone ("talks in Malta") only right after a meeting word.
- A place the gazetteer lacks, written "in Port Amar, Kenya": a city, by the country written after it.
- A well-known venue named without its city ("at Camp David", "at the Palais des Nations"): the city of the
  venue table (`data/venues.csv`, read by the gazetteer).
- A building named for its city ("at the Port Amar Conference Centre").
- A meeting named for its place ("the Port Amar talks", "the Port Amar summit"), and a document named for its
  place ("the Port Amar Declaration") where the sentence reports its adoption.
- "Here", where a date line names the city ("NAIROBI, March 1 —").

"The authorities in X" is a government, not a venue; a person's or a group's name is never a place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.mentions import Mention, Place
from dashboard.extract.sentences import Sentence

_VENUE_BEFORE = re.compile(r"(?:\b(?:in|at|In|At)\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,3}?(?:capital|city|town|resort|port)"
                           r"(?:\s+of)?,?\s+|\b(?:in|In)\s+(?:[a-z][\w-]*-[a-z]+\s+)?|\b(?:at|At)\s+(?:the\s+)?[A-Z][^,.;]{1,60}?,\s+|"
                           r"\b(?:at|At)\s+(?:the\s+)?[A-Z][^,.;]{1,60}?\s+in\s+|\b(?:at|At)\s+|"
                           r"\b(?:outside|near|just outside)\s+)$")
_HERE = re.compile(r"\b(?:here|in this city)\b", re.IGNORECASE)
_VENUE_LIST = re.compile(r"^\s*(?:,|,?\s*and)\s+(?:in\s+)?$")
_COUNTRY_VENUE = re.compile(r"(?:talks|negotiations?|meetings?|met|held|signed|reached|summit|agreement|rounds?|"
                            r"start|begin|resume|take place|convene|gathered|dialogue)(?:\s+\w+){0,2}\s+(?:in|at)\s+$",
                            re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:at|At|in|In|inside|Inside|within)\s+(?:the\s+)?$")
_UNKNOWN_CITY = re.compile(r"\b(?:in|at|In|At)\s+(?P<city>[A-Z][\w’'\-]+(?:[ -](?:[A-Z][\w’'\-]+|el|al|de|sur))"
                           r"{0,2}),\s+$")
_UNNAMED_CAPITAL = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?:['’]s)?\s+capital\b"
                              r"(?!\s*,?\s+[A-Z])(?!\s+(?:city|of)\b)")
_UNNAMED_TOWN = re.compile(r"\b(?:in|at)\s+the\s+(?P<who>[A-Z][\w’'-]+)\s+(?:city|town|resort|port)\b(?!\s*(?:of\s+)?,?\s*[A-Z])")
_MEETING_IN_TOWN = re.compile(r"\b(?:talks|negotiations|meeting|summit|round|signed|met|held|gathered|convened|signing|"
                              r"ceremony|conference|reconvened|resumed|opened)(?:\s+[a-z]+){0,2}\s+in\s+"
                              r"(?P<town>[A-Z][a-z][\w’'-]+(?:[ -][A-Z][a-z][\w’'-]+)?)(?=[\s,.;:])"
                              r"(?!\s+(?:region|province|state|district|area|county|valley|mountains|governorate)\b)"
                              r"(?!['’]s)")
_NAMED = re.compile(rf"^(?:['’]s)?\s+{cues.FORMAT_NOUNS}\b", re.IGNORECASE)
_NAMED_DOCUMENT = re.compile(rf"^(?:['’]s)?\s+{cues.DOCUMENT_NOUNS}\b", re.IGNORECASE)
_BUILDING = re.compile(rf"^\s+(?:[A-Z][\w’'\-]*\s+){{0,3}}?{cues.VENUE_BUILDINGS}\b")


@dataclass
class VenueClaim:
    place: Place
    cue: str  # the words, as written
    construction: str  # "in <city>", "named format: the <city> talks", "venue table: Camp David", …


# "met Veldian officials in Port Amar", "held talks with officials in Geneva": the officials were met there, so the place
# is where they met ("officials in Port Amar said …" stays a seat)
_MET_PEOPLE = re.compile(r"\b(?:met|meets|meet|meeting|talks\s+with|talked\s+with|spoke\s+with)\s+(?:with\s+)?"
                         r"(?:[\w’'-]+\s+){0,5}?(?:officials|authorities|government|leadership)\s+in\s+(?:the\s+)?$",
                         re.IGNORECASE)
_SAYS = re.compile(rf"\s*,?\s+(?:{cues.SAID}|have|has|had|were|are)\b", re.IGNORECASE)


def venues_in(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[VenueClaim]:
    """The venues one sentence about talks names, in the order written."""
    text = ctx.text
    people = [(m.start, m.end) for m in mentions if m.kind in ("person", "group")]
    found: list[VenueClaim] = []
    places = [p for p in ctx.places if sentence.start <= p.start and p.end <= sentence.end]
    table = _table_venues(sentence, ctx)
    for place in places:
        if any(s < place.end and place.start < e for s, e in people):
            continue  # a group's name is no town inside it ("the Kessa Front" is not Kessa), a person not a village
        if any(v.place.start <= place.start < v.place.end for v in table):
            continue  # "the Bella Center": the venue the table knows, not a town called Bella
        before = text[max(sentence.start, place.start - 70):place.start]
        after = text[place.end:min(sentence.end, place.end + 60)]
        cue = _VENUE_BEFORE.search(before)
        listed = found and _VENUE_LIST.match(text[found[-1].place.end:place.start])
        if found and re.fullmatch(r",\s*", text[found[-1].place.end:place.start]) and not place.city:
            continue  # "Port Amar, Kenya": the city's own country
        compound = re.search(r"[-–—/]\s*$", before)  # "the Lima-Quito talks": two sides, not a place
        if place.city and not compound and (_NAMED.match(after) or _named_document(after, sentence, ctx)):
            noun = (_NAMED.match(after) or _NAMED_DOCUMENT.match(after)).group(0)
            found.append(VenueClaim(place, place.alias + noun, "named format: the <place> " + noun.split()[-1].lower()))
            continue
        if place.city and place.alias in (place.name, _plain(place.name)) and _LOCATIVE.search(before) \
                and _BUILDING.match(after):
            building = _BUILDING.match(after).group(0)
            found.append(VenueClaim(place, _LOCATIVE.search(before).group(0) + place.alias + building,
                                    "building named for its city"))
            continue
        seat = cues.SEAT.search(before) and not (_MET_PEOPLE.search(before) and not _SAYS.match(after))
        if not cue and not listed or seat or (cues.SUBJECT_PLACE.search(before) and not cues.SIGNED_OBJECT.search(before)):
            continue  # "the authorities in Lima": the government, not where talks meet; "a truce in X": their subject
        if place.city:
            near = text[max(sentence.start, place.start - 90):min(sentence.end, place.end + 50)]
            if not cues.VENUE_CONTEXT.search(near):
                continue
        elif not (_COUNTRY_VENUE.search(text[max(sentence.start, place.start - 60):place.start]) or listed):
            continue
        words = (cue.group(0) if cue else text[found[-1].place.end:place.start]).strip()
        found.append(VenueClaim(place, f"{words} {place.alias}".strip(), f"{words.split()[0].lower()} <place>"
                                if words else "<place>"))
    found += [t for t in table if not any(v.place.start <= t.place.start < v.place.end for v in found)]
    # "in Veldia's capital": the capital, not the country the place loop read in the same words
    capitals = _capitals_unnamed(sentence, ctx, [v for v in found if v.place.city])
    found = [v for v in found if v.place.city or not any(c.place.start <= v.place.start < c.place.end for c in capitals)]
    found += capitals
    found += _dateline_town(sentence, ctx, found)
    found += _unknown_cities(sentence, places, mentions, ctx, found)
    found += _unknown_towns(sentence, mentions, ctx, found)
    here = _HERE.search(sentence.text)
    if not found and here and ctx.dateline is not None and cues.VENUE_CONTEXT.search(sentence.text):
        # "the talks held here": the text ties the meeting to the city of its date line
        found.append(VenueClaim(ctx.dateline, f"{here.group(0)} (the date line's city)", "here: the date line's city"))
    return sorted(found, key=lambda v: v.place.start)


def _named_document(after: str, sentence: Sentence, ctx: ArticleContext) -> bool:
    """'The Port Amar Declaration was adopted today': a document named for its place, adopted in this sentence."""
    return bool(_NAMED_DOCUMENT.match(after) and cues.DOCUMENT_ADOPTED.search(sentence.text))


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _table_venues(sentence: Sentence, ctx: ArticleContext) -> list[VenueClaim]:
    """'At Camp David', 'in the Palais des Nations': a venue of the table, at its city."""
    gaz = ctx.matcher.gaz
    pattern = gaz.venue_pattern
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(sentence.text):
        before = sentence.text[max(0, m.start() - 30):m.start()]
        if not _LOCATIVE.search(before) or not cues.VENUE_CONTEXT.search(sentence.text):
            continue
        venue = gaz.venues[m.group(0)]
        country = gaz.countries.get(venue.country)
        start = sentence.start + m.start()
        place = Place(venue.city, m.group(0), start, start + len(m.group(0)), country.name if country else "",
                      venue.country, True)
        out.append(VenueClaim(place, _LOCATIVE.search(before).group(0) + m.group(0),
                              f"venue table: {venue.name} is in {venue.city}"))
    return out


def _capitals_unnamed(sentence: Sentence, ctx: ArticleContext, found: list[VenueClaim]) -> list[VenueClaim]:
    """'Talks in the Veldian capital', 'met in Peru's capital': the capital the gazetteer gives that country."""
    if not cues.VENUE_CONTEXT.search(sentence.text):
        return []
    gaz, out = ctx.matcher.gaz, []
    for m in _UNNAMED_CAPITAL.finditer(sentence.text):
        country = gaz.country_of(re.sub(r"['’]s$", "", m.group("who")))  # the name takes its "'s" along
        city = gaz.cities_in.get((country.capital, country.iso2)) if country and country.capital else None
        start = sentence.start + m.start("who")
        if city is None or any(v.place.start <= start < v.place.end for v in found):
            continue
        end = sentence.start + m.end()
        place = Place(city.name, ctx.text[start:end], start, end, country.name, country.iso2, True)
        out.append(VenueClaim(place, m.group(0), f"in the <country>'s capital: {city.name}"))
    return out


def _dateline_town(sentence: Sentence, ctx: ArticleContext, found: list[VenueClaim]) -> list[VenueClaim]:
    """'Talks in the Peruvian city' under a date line from a Peruvian city: that city."""
    if ctx.dateline is None or found or not cues.VENUE_CONTEXT.search(sentence.text):
        return []
    for m in _UNNAMED_TOWN.finditer(sentence.text):
        country = ctx.matcher.gaz.country_of(m.group("who"))
        if country is not None and country.iso2 == ctx.dateline.country_code:
            return [VenueClaim(ctx.dateline, m.group(0), "in the <country's> city: the date line's city")]
    return []


def _unknown_towns(sentence: Sentence, mentions: list[Mention], ctx: ArticleContext,
                   found: list[VenueClaim]) -> list[VenueClaim]:
    """'The talks were held in Port Amar', 'met in Port Amar on Monday': a town no list holds, right after a meeting
    word and "in" (its country unknown unless written after it)."""
    if found:
        return []
    out = []
    for m in _MEETING_IN_TOWN.finditer(sentence.text):
        town = m.group("town")
        start = sentence.start + m.start("town")
        end = start + len(town)
        gaz = ctx.matcher.gaz
        if any(x.start < end and start < x.end for x in mentions) or ctx.matcher.place(town) is not None \
                or town in gaz.demonyms or re.search(rf"(?<![A-Za-z]){re.escape(town.lower())}\b", ctx.text) \
                or cues.NOT_A_TOWN.search(town):
            continue  # an actor, a known place, a demonym, a common word, an institution
        place = Place(town, town, start, end, "", "", True)
        out.append(VenueClaim(place, m.group(0),
                              "<meeting> in <place>: a place the gazetteer lacks"))
        break
    return out


def _unknown_cities(sentence: Sentence, places: list[Place], mentions: list[Mention], ctx: ArticleContext,
                    found: list[VenueClaim]) -> list[VenueClaim]:
    """'In Port Amar, Kenya': a city the gazetteer lacks, placed by the country written after it."""
    text = ctx.text
    out = []
    for country in places:
        if country.city or any(v.place.start <= country.start < v.place.end + 3 for v in found):
            continue
        before = text[max(sentence.start, country.start - 60):country.start]
        hit = _UNKNOWN_CITY.search(before)
        if not hit or not cues.VENUE_CONTEXT.search(sentence.text):
            continue
        city = hit.group("city")
        start = country.start - len(before) + hit.start("city")
        if any(m.start <= start < m.end for m in mentions) or ctx.matcher.place(city) is not None:
            continue  # an actor's name, or a place the gazetteer knows (read above)
        place = Place(city, city, start, start + len(city), country.name, country.country_code, True)
        out.append(VenueClaim(place, hit.group(0) + country.alias, "in <place>, <country>: a place the gazetteer lacks"))
    return out
