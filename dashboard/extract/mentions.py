"""Who and where an article names: actor mentions and place mentions, each with the words that made it.

Three sources, strongest first:
1. the registry (`data/actors.csv`): every name and alias, matched as written (so "US" is not "us");
2. the gazetteer (`gazetteer.py`): countries by name, other spelling or demonym ("Peruvian"),
   intergovernmental organisations by name or acronym, cities by name;
3. the shape of a name, for actors no list holds yet: an acronym defined in the text ("the Joint
   Military Commission (JMC)", then "JMC"), a name ending in an organisation's word ("… Front",
   "… Council"), "Government of X" (the state X), a plural group ("the Marrans", then "Marran"), a
   group named by its description ("the militant group X", "X forces", "X leader"), and a person a
   title introduces ("Foreign Minister Jane Roe", "the President of X, Jane Roe", "Jane Roe of X"),
   tied to the actor the text says they speak for.

Names from sources 2 and 3 that the registry lacks are proposed as new actors. The longest name
wins where two overlap ("Government of Ethiopia" over "Ethiopia"; a person's name over a place
inside it).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from dashboard.dataset import ids
from dashboard.extract.cues import MONTH_NAMES, ROLE_BODY_HEADS, WEEKDAY_NAMES
from dashboard.extract.gazetteer import Gazetteer, first_word, gazetteer

_TITLE_WORDS = (
    "Prime Minister", "Deputy Prime Minister", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
    "Defense Minister", "Interior Minister", "Minister of Foreign Affairs", "Foreign Secretary", "Minister",
    "Secretary of State", "Secretary-General", "Secretary General", "Deputy Secretary", "Under Secretary",
    "Assistant Secretary",
    "Secretary", "Vice President", "Vice-President", "President", "Chancellor", "Ambassador", "Special Envoy",
    "Envoy", "Special Representative", "High Representative", "Representative", "Special Coordinator", "SRSG",
    "Spokesperson", "Spokesman", "Spokeswoman", "Chairman", "Chairwoman", "Chairperson", "Chair", "Commissioner",
    "Chief Negotiator", "Negotiator", "Mediator", "General", "Field Marshal", "Marshal", "Colonel", "Commander",
    "Crown Prince", "Prince", "King", "Queen", "Emir", "Sheikh", "Sultan", "Senator", "Governor", "Mayor",
    "Premier", "Speaker", "Leader", "leader", "special envoy", "envoy", "special representative", "chief negotiator",
    "mediator", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Gen.", "Lt. Gen.",
    "Maj. Gen.", "Col.", "Adm.", "Sen.", "Gov.", "Amb.", "Pres.", "PM", "FM",
)
# Titles written in lower case in an apposition ("X's foreign minister, Y", "Y, the UN special envoy").
# An office written in lower case before or after a name ("Peru's foreign minister X", "X, the UN envoy", "his
# Peruvian counterpart X"): grammar.py reads it too, between the members of a list.
LOWER_TITLES = (r"(?:(?:former|acting|deputy|chief|top|lead|senior|special|foreign|prime|interior|defen[cs]e|"
                 r"vice)\s+){0,2}(?:minister|envoy|negotiator|mediator|facilitator|representative|president|leader|"
                 r"spokesman|spokeswoman|spokesperson|ambassador|commander|adviser|secretary of state|secretary-general|"
                 r"counterpart)")
TITLES = "(?:" + "|".join(re.escape(t) for t in sorted(_TITLE_WORDS, key=len, reverse=True)) + ")"
_TITLE_PREFIX = r"(?:(?:former|late|acting|Acting|interim|then|outgoing|incoming|the)\s+)*"
_MONTHS = "|".join(MONTH_NAMES + WEEKDAY_NAMES)
_CAP = r"[A-Z\u00C0-\u00DE][\w’'\-]*[\w]"
_WORD = rf"(?!(?:{_MONTHS}|The|This|That|These|Today|His|Her|Its|Their|And|But)\b){_CAP}"
# words of a portfolio or an office, never of a person's name ("High Representative for Foreign Affairs … Jana Roe")
_OFFICE = (r"(?:Foreign|Affairs|Security|Policy|Development|Commonwealth|Defen[cs]e|Trade|Justice|Finance|Interior|"
           r"Health|Economy|Economic|International|Cooperation|Relations|State|Office|Ministry|Department|Government|"
           r"Republic|Kingdom|Union|Council|Commission|Travel|Statement|Remarks|Press|Readout|Honourable|Asian|African|"
           r"European|Pacific|Atlantic|Middle|Eastern|Western|Northern|Southern|Central|East|West|North|South|Arab|"
           r"American|Latin|Gulf|Near|Far)")
_PERSON_WORD = rf"(?!{_OFFICE}\b){_WORD}"
# Up to three capitalised words of a portfolio right before a title ("Infrastructure Minister"), and one of them
_PORTFOLIO = re.compile(r"(?:[A-Z][a-z][\w-]*\s+){1,3}$")
_PORTFOLIO_WORD = re.compile(r"[A-Z][a-z][\w-]*\s+")
_PARTICLE = r"(?:bin|ibn|al|Al|el|El|de|da|van|von|der|den|du|la|le)"
_NAME = rf"{_PERSON_WORD}(?:[ \t]+(?:[A-Z]\.|{_PARTICLE}-[A-Za-z][\w’'\-]*\w|{_PERSON_WORD}|{_PARTICLE}\b)){{0,4}}"
_NAME_RE = re.compile(_NAME)

# A name ending in one of these words names an organisation or a group.
GROUP_HEADS = ("Front", "Movement", "Movements", "Forces", "Force", "Army", "Militia", "Brigades", "Brigade", "Party", "Alliance",
               "Coalition", "Resistance", "Rebels", "Group", "Council", "Union", "Authority", "Commission",
               "Committee", "Organisation", "Organization", "Bank", "Fund", "League", "Community", "Agency", "Office",
               "Mission", "Secretariat", "Assembly", "Government", "Junta", "Cabinet")
ARMED_HEADS = {"Front", "Movement", "Movements", "Forces", "Force", "Army", "Militia", "Brigades", "Brigade", "Resistance",
               "Rebels"}
INTERNATIONAL_WORDS = re.compile(r"\b(?:International|World|United Nations|UN|Global|Regional|African|European|"
                                 r"Arab|Asian|American|Pacific|Atlantic|Islamic|Commonwealth|Gulf|Nordic|Inter-\w+|"
                                 r"Intergovernmental)\b")
_CONNECT = r"(?:of|for|the|on|in|de|du|des|al|el|People’s|People's)"
_ORG_NAME = re.compile(rf"(?<![\w’'-])(?P<name>(?:{_WORD}\s+(?:{_CONNECT}\s+)*){{0,6}}"
                       rf"(?:{'|'.join(GROUP_HEADS)}))(?![\w-])")
_ORG_OF = re.compile(rf"(?<![\w’'-])(?P<name>(?:{_WORD}\s+)?(?:Organi[sz]ation|League|Union|Council|Community|"
                     rf"Association|Government)\s+of\s+(?:the\s+)?(?:{_WORD}\s+(?:(?:and|for)\s+)?){{0,4}}{_WORD}|"
                     rf"(?:{_WORD}\s+){{1,4}}(?:Forces|Army|Front|Movement)\s+of\s+(?:the\s+)?{_WORD}(?:\s+{_WORD})?|"
                     rf"(?:{_WORD}\s+)?(?:Front|Movement|Army|Forces|Alliance|Coalition|Party|Union|Council)\s+(?:for|of)\s+"
                     rf"(?:the\s+)?{_WORD}(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?{_WORD}){{0,3}})")
_ACRONYM_DEF = re.compile(r"\((?P<acr>[A-Z][A-Za-z&.\-]{1,9})\)")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Z&.\-]{1,8})\)|,\s+or\s+(?P<acr2>[A-Z][A-Z&.\-]{1,8}),")
_ARTICLE = r"(?:(?:al|el|ad|as|an|ar|ash|at)-)?"  # an Arabic article before a name: "al-Kessan"
# the verbs that make their subjects sides ("A and B signed", "the Veldians have agreed")
_SIDE_VERB = r"(?:have\s+|has\s+|had\s+|will\s+)?(?:resumed|signed|agreed|met|reached|concluded|held|began|started|opened)\b"
_PLURAL_GROUP = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][a-z]{2,}(?:is|s))\b")
# "the Veldians and the government signed", "the Veldians have agreed": a plural name as the subject of a side's verb
_SIDE_PREDICATE = re.compile(rf"(?:\s+and\s+(?:the\s+)?[^.;:,]{{1,50}}?)?\s+{_SIDE_VERB}")
# "between the Government of X and Sendaro": a side, whatever it is called
_BETWEEN_SIDES = (re.compile(rf"\bbetween\s+(?:the\s+)?(?P<name>{_ARTICLE}[A-Z][\w’'\-/]+)\s+and\b"),
                  re.compile(rf"\bbetween\s+[^.;:]{{1,80}}?\s+and\s+(?:the\s+)?(?P<name>{_ARTICLE}"
                             r"[A-Z][\w’'\-/]+)(?![\w’'\-/])(?!\s+[A-Z])"))
_DESCRIBED_GROUP = re.compile(
    r"\b(?:militant|armed|rebel|terrorist|insurgent|opposition|militia|separatist|jihadist|Islamist|paramilitary|"
    r"political)\s+(?:group|movement|organi[sz]ation|faction|party|force)\s+(?P<name>[A-Z][\w’'\-]+)")
_GROUP_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<name>[A-Z][a-z][\w’'\-]+)\s+(?P<noun>forces|fighters|militants|"
                           r"rebels|militia|militiamen|leader|leaders|commanders?|spokes(?:man|woman|person)|"
                           r"delegation|negotiators|President|Leader|Chairman|Commander|Spokes(?:man|woman|person))\b",
                           re.MULTILINE)
_ARMED_NOUNS = {"forces", "fighters", "militants", "rebels", "militia", "militiamen"}
# A name in a title-case headline is no organisation's ("Negotiations Between Government …").
_HEADLINE_WORDS = re.compile(r"\b(?:Between|Against|Amid|After|Before|Over|With|To|On|In|At|From|Into|Says|Say|Said|"
                             r"Will|Is|Are|As|Talks|Negotiations|Deal|Agreement)\b")
# Lists of names in the slots that name a side or a go-between: "between X and Y", "the parties are X, Y and Z",
# "mediated by X", "the mediators are X" (the names no list holds are proposed from these slots).
_CAP = rf"{_ARTICLE}[A-Z][\w’'\-]*(?:/[A-Z0-9][\w’'\-]*)?(?:\.[A-Z]\.?)*"  # "ACF/K12", "al-Kessan"
_JOIN = r"(?: |\s?,\s?(?:and )?(?:the )?| (?:and|of|for|the|de|du|des|al|el|la|le) (?:the )?)"
_NAME_LIST = rf"(?P<list>(?:the\s+)?{_CAP}(?:{_JOIN}{_CAP})*)"
_SLOTS = (
    (re.compile(rf"\b(?:parties|signatories)(?:\s+(?:to|of|in)\s+[^.;:]{{1,60}}?)?\s+(?:are|were|include[sd]?)\s*:?\s+"
                rf"{_NAME_LIST}"), "named as a side: '{}'"),
    (re.compile(rf"\b(?:mediated|brokered|facilitated|hosted|convened|co-chaired|chaired|sponsored|guaranteed|witnessed)"
                rf"\s+by\s+{_NAME_LIST}"), "named in a role: '{}'"),
    (re.compile(rf"\b(?:auspices|mediation|facilitation|good offices)\s+of\s+{_NAME_LIST}"), "named in a role: '{}'"),
    (re.compile(rf"\b(?:talks|negotiations|agreement|deal|ceasefire|truce|accord)\s+with\s+{_NAME_LIST}"),
     "named as a side: '{}'"),
    (re.compile(rf"\b(?:[Dd]elegations?|[Rr]epresentatives|[Dd]elegates|[Nn]egotiators)\s+(?:of|from)\s+{_NAME_LIST}"),
     "named as a side: '{}'"),
    (re.compile(rf"\b(?:[Mm]ediators?|[Ff]acilitators?|[Gg]uarantors?|[Oo]bservers?)(?:\s+(?:of|to|for|in)\s+[^.;:]{{1,60}}?)?"
                rf"\s+(?:are|is|were|was|include[sd]?)\s+{_NAME_LIST}"), "named in a role: '{}'"),
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
# "the Co-Chairs of the Port Amar Talks", "the Guarantors of the Veldia Accord": a body named by its role in a format
_ROLE_BODY = re.compile(r"\b(?P<name>(?:" + "|".join(re.escape(h) for h in sorted(ROLE_BODY_HEADS, key=len, reverse=True))
                        + r") of "
                        r"the (?P<format>[A-Z][\w’'\-]*(?: (?:of |on |for )?[A-Z][\w’'\-]*){0,6}))")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|\d+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
GOVERNMENT_OF = re.compile(r"\b(?:[Gg]overnment|Ministry\s+of\s+(?:Foreign|External)\s+(?:Affairs|Relations)(?:\s+and\s+"
                           r"[A-Z]\w+)?|Foreign\s+Ministry|Ministry\s+of\s+Defen[cs]e)\s+of\s+(?:the\s+)?"
                           r"(?:(?:(?:Federal|Islamic|Democratic|People['’]s|"
                           r"Socialist|United|Arab)\s+)*(?:Republic|Kingdom|State|Federation|Emirates)\s+of\s+"
                           r"(?:the\s+)?)?$")
_MAX_TOKENS = 12
# A capital is a place after these words ("talks in Lima", "flew to Quito"), and an actor before these ("Lima said").
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|outside|into|of|via|through|towards?|across|around|visit\w*|left|"
                           r"reached|arrived|for|on|over|inside|within)\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'-]+\s+){0,2}?)"
                           r"(?:(?-i:(?:[A-Z][\w’'-]+,?\s+)?)(?:and|or)\s+)?$|\n\s*$|^\s*$", re.IGNORECASE)
_ACTING_AFTER = re.compile(r"['’]s\s|\s+(?:(?:said|says|has|have|had|is|was|were|will|would|signed|agreed|accused|"
                           r"rejected|welcomed|insisted|denied|refused|wants|wanted|demanded|demands|announced|sent|hosted|hosts|"
                           r"mediated|brokered|facilitated|convened)\b|"
                           r"and\s+[A-Z])")
_PAIRED_BEFORE = re.compile(r"\b(?:and|or)\s+$")
# "talks with Lima": the capital is the other side
_TALKS_WITH = re.compile(r"\b(?:talks|negotiations|agreement|deal|dialogue|truce|ceasefire|accord)\s+with\s+$")
_ADMINISTRATION = re.compile(r"(?:['’]s)?\s+(?:administration|government|cabinet)\b")
_PEOPLE_OF_NAME = re.compile(r"^(?:Representatives|Delegates|Delegations?|Members|Leaders|Officials|Envoys|Negotiators|"
                             r"Commanders|Fighters)\s+(?:of|from)\s+(?:the\s+)?")
# A side no list holds, written after "and" with the verb that makes both sides ("A and the Barisan Front (BF) resumed
# talks", "A and Marrabun agreed"): a name of one word or more, or an acronym
_AND_SIDE_SLOT = re.compile(r"\band\s+(?:the\s+)?(?:[a-z]+\s+){0,1}"
                            rf"(?P<list>{_ARTICLE}[A-Z][\w’'/-]+(?: (?:of |for |the )*[A-Z][\w’'-]+){{0,5}})"
                            rf"(?:\s+\([A-Z][A-Za-z]{{1,8}}\))?\s+{_SIDE_VERB}")
# A side named by what it is ("loyalist militias", "rebel groups", "the rebels"), in a side's slot beside a named one.
_DESCRIPTION = r"(?P<desc>(?:the\s+)?(?:(?:several|various|some|two|three|other|[a-z]+(?:ist|ary|al|ic|an|ed))\s+){0,2}" \
    r"(?:rebels|rebel groups|militias|armed groups|armed movements|insurgents|insurgent groups|separatists|" \
    r"opposition groups|the opposition|opposition))"
_DESCRIBED_SIDE = (
    re.compile(rf"\bbetween\s+(?:the\s+)?[A-Z][^.;:]{{0,60}}?\s+and\s+{_DESCRIPTION}\b"),
    re.compile(rf"\bbetween\s+{_DESCRIPTION}\s+and\s+(?:the\s+)?[A-Z]"),
    re.compile(rf"\b(?:signed|agreed|concluded|accepted)\s+(?:[^.;:]{{0,40}}?\s+)?by\s+(?:the\s+)?[^.;:]{{1,40}}?\s+and\s+"
               rf"{_DESCRIPTION}\b"),
    re.compile(rf"\b(?:[Gg]overnment|[A-Z][\w’'-]+)\s+and\s+{_DESCRIPTION}\s+(?:have\s+|had\s+|will\s+)?(?:signed|agreed|"
               rf"met|reached|concluded|negotiated|accepted)\b"),
)
# "the government", "the federal government" (not "the government of X", "the governments", "his government")
_THE_GOVERNMENT = re.compile(r"\b[Tt]he\s+(?P<words>(?:(?:federal|central|national|transitional|interim|incumbent|"
                             r"sitting|current)\s+)?government)\b(?!\s+(?:of|in|source|official|officials|spokes\w*)\b)(?!['’])")
# words that qualify a title, never a group's name ("Deputy President", "Acting Chairman")
_TITLE_MODIFIERS = {"Deputy", "Vice", "Acting", "Former", "Chief", "Senior", "First", "Interim", "Assistant",
                    "Executive", "Special", "General", "Federal", "National", "Supreme", "Prime", "Late", "Then"}


@dataclass(frozen=True)
class Mention:
    actor_id: str | None  # None only for a name nothing resolves (kept for the curator to see)
    alias: str  # the words as written
    start: int
    end: int
    kind: str = ""  # state, international_organisation, group or person
    new: bool = False  # not in the registry: proposed as a new actor
    cue: str = ""  # why this is an actor: "registry", "gazetteer: country", "title: Special Envoy", ...


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's name: "Bogotá"
    alias: str  # as written: "Bogota"
    start: int
    end: int
    country: str  # the country's name
    country_code: str  # ISO alpha-2
    city: bool  # False: the place is a country ("in Malta")
    capital_of: str = ""  # the actor id of the state whose capital this is


@dataclass
class Candidate:
    """An actor the registry lacks, as the assistant proposes it."""

    actor_id: str
    name: str
    kind: str
    cue: str
    title: str = ""
    affiliation: str = ""
    country_code: str = ""
    aliases: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """An actor's or a process's id from its name."""
    return ids.slug(text, 40, "actor")


class ActorMatcher:
    """Matches the registry, the gazetteer and the shapes of names in one article's text."""

    def __init__(self, actors: pd.DataFrame, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()
        actors = actors.drop_duplicates("actor_id").copy()
        for column in ("aliases", "affiliation", "title", "country_code", "kind", "name"):
            if column not in actors:
                actors[column] = ""
        actors = actors.fillna("")
        self.registry = actors.set_index("actor_id", drop=False)
        surface: dict[str, str] = {}
        for actor_id, name, aliases in zip(actors["actor_id"], actors["name"], actors["aliases"]):
            for form in [name, *(a.strip() for a in str(aliases).split(";"))]:
                for variant in (form, form.replace("’", "'"), form.replace("'", "’")):
                    if variant:
                        surface.setdefault(variant, actor_id)
        self.surface = surface
        # the registry's fields by id, as plain dicts: looked up thousands of times an article
        self.known: dict[str, dict[str, str]] = {
            str(r["actor_id"]): {k: str(r[k]) for k in ("kind", "affiliation", "name", "title")}
            for r in actors[["actor_id", "kind", "affiliation", "name", "title"]].to_dict("records")}
        self.by_code = {str(c).upper(): a for a, c in zip(actors["actor_id"], actors["country_code"]) if str(c).strip()}
        self.candidates: dict[str, Candidate] = {}
        self.defined: dict[str, str] = {}  # acronyms this text defines -> actor id
        self._places: tuple[str, list[Place]] | None = None  # the places of the last text read
        self._first_words = {first_word(f) for f in surface} | self.gaz.actor_first_words

    # -- what an id stands for -------------------------------------------------------------------------------------

    def kind(self, actor_id: str | None) -> str:
        if actor_id in self.known:
            return self.known[actor_id]["kind"]
        candidate = self.candidates.get(actor_id or "")
        return candidate.kind if candidate else ""

    def affiliation(self, actor_id: str | None) -> str:
        if actor_id in self.known:
            return self.known[actor_id]["affiliation"]
        candidate = self.candidates.get(actor_id or "")
        return candidate.affiliation if candidate else ""

    def name(self, actor_id: str | None) -> str:
        if actor_id in self.known:
            return self.known[actor_id]["name"]
        candidate = self.candidates.get(actor_id or "")
        return candidate.name if candidate else (actor_id or "")

    def title(self, actor_id: str | None) -> str:
        if actor_id in self.known:
            return self.known[actor_id]["title"]
        candidate = self.candidates.get(actor_id or "")
        return candidate.title if candidate else ""

    # -- resolving a span ------------------------------------------------------------------------------------------

    def _country_actor(self, code: str, form: str, cue: str) -> tuple[str, str, bool, str]:
        country = self.gaz.countries[code]
        if country.iso3 in self.by_code:
            return self.by_code[country.iso3], "state", False, cue
        if country.name in self.surface:
            return self.surface[country.name], "state", False, cue
        actor_id = self._propose(country.name, "state", cue, country_code=country.iso3)
        if form != country.name:
            self._alias(actor_id, form)
        return actor_id, "state", True, cue

    def resolve(self, form: str) -> tuple[str, str, bool, str] | None:
        """(actor id, kind, new, cue) for a name as written, or None."""
        if form in self.surface:
            actor_id = self.surface[form]
            return actor_id, self.kind(actor_id), False, "registry"
        if form in self.defined:
            actor_id = self.defined[form]
            return actor_id, self.kind(actor_id), actor_id not in self.known, \
                self.candidates[actor_id].cue if actor_id in self.candidates else "registry"
        if form in self.gaz.country_forms:
            return self._country_actor(self.gaz.country_forms[form], form, "gazetteer: country")
        if form in self.gaz.demonyms:
            return self._country_actor(self.gaz.demonyms[form], form, "gazetteer: demonym")
        org = self.gaz.organisations.get(form)
        if org is not None:
            known = next((self.surface[f] for f in org.forms if f in self.surface), None)
            if known:
                return known, self.kind(known), False, "registry"
            actor_id = self._propose(org.name, "international_organisation", "gazetteer: intergovernmental "
                                     "organisation (Correlates of War IGO data)")
            for f in org.forms:
                self._alias(actor_id, f)
            return actor_id, "international_organisation", True, self.candidates[actor_id].cue
        for candidate in self.candidates.values():
            if form == candidate.name or form in candidate.aliases:
                return candidate.actor_id, candidate.kind, True, candidate.cue
        return None

    def _propose(self, name: str, kind: str, cue: str, **extra) -> str:
        for candidate in self.candidates.values():
            if candidate.name == name:
                return candidate.actor_id
        base, n = slug(name), 2
        actor_id = base
        while actor_id in self.known or actor_id in self.candidates:
            actor_id, n = f"{base}-{n}", n + 1
        self.candidates[actor_id] = Candidate(actor_id, name, kind, cue, **extra)
        return actor_id

    def _alias(self, actor_id: str, form: str) -> None:
        candidate = self.candidates.get(actor_id)
        if candidate and form != candidate.name and form not in candidate.aliases:
            candidate.aliases.append(form)

    # -- finding mentions ------------------------------------------------------------------------------------------

    def find(self, text: str, dateline: Place | None = None) -> list[Mention]:
        """Every actor mention in `text`, sorted, without overlaps. `dateline`: the city the date line names, whose
        country "the government" means when the text names no government before it."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self._definitions(text)
        self._first_words |= set(self.defined)
        found = self._listed(text, tokens)
        found = self._governments(text, found)
        shaped = self._shaped(text, found)
        people = self._people(text, found + shaped)
        # "former Kenyan President Kenyatta": the demonym describes the person (their affiliation), it is no actor
        # of its own in the sentence
        persons = [p for p in people + found if p.kind == "person"]  # new ones and the registry's
        described = {(m.start, m.end) for m in found if m.alias in self.gaz.demonyms and any(
            re.fullmatch(rf"\s+(?:{TITLES}\s+)*(?:[A-Z][\w\-]*\s+){{0,2}}", text[m.end:p.start]) for p in persons)}
        found = [m for m in found if (m.start, m.end) not in described]
        merged = _without_overlaps(people + shaped + found)
        self._acronyms_after(text, merged)
        merged += self._later_uses(text, merged, described)
        merged = sorted(_without_overlaps(merged), key=lambda m: m.start)
        merged = sorted(_without_overlaps(merged + self._capitals(text, merged)), key=lambda m: m.start)
        merged = sorted(_without_overlaps(merged + self._administrations(text, merged)), key=lambda m: m.start)
        merged = sorted(_without_overlaps(merged + self._described_sides(text, merged, dateline)),
                        key=lambda m: m.start)
        return sorted(_without_overlaps(merged + self._the_government(text, merged, dateline)), key=lambda m: m.start)

    def _capitals(self, text: str, found: list[Mention]) -> list[Mention]:
        """A capital standing for its state ("Kinshasa and Kigali signed", "talks between Lima and Quito",
        "Kigali's demands", "talks with Lima"), not a place something happens in ("in Kigali", "to Lima")."""
        out: list[Mention] = []
        taken = [(m.start, m.end) for m in found]
        for place in self.places(text):
            if not place.capital_of or any(s < place.end and place.start < e for s, e in taken):
                continue
            before, after = text[max(0, place.start - 40):place.start], text[place.end:place.end + 30]
            if _PLACE_BEFORE.search(before):
                continue
            paired = _PAIRED_BEFORE.search(before) and (out or found) and \
                any(m.end <= place.start and place.start - m.end < 12 for m in found + out)
            if not (_ACTING_AFTER.match(after) or re.search(r"\bbetween\s+(?:the\s+)?$", before) or paired
                    or _TALKS_WITH.search(before)):
                continue
            code = self.gaz.capitals.get(place.name) or self.gaz.capitals.get(_plain(place.name))
            if code is None:
                continue
            actor_id, _, new, _ = self._country_actor(code, self.gaz.countries[code].name, "gazetteer: country")
            out.append(Mention(actor_id, place.alias, place.start, place.end, "state", new,
                               f"a capital for its state: {place.alias}"))
        return out

    def _administrations(self, text: str, found: list[Mention]) -> list[Mention]:
        """'The Vela administration', 'the Vela government': the state a person leads, named by the person."""
        out = []
        for m in found:
            if m.kind != "person" or not m.actor_id:
                continue
            state = self.affiliation(m.actor_id)
            hit = _ADMINISTRATION.match(text, m.end)
            if hit and state and self.kind(state) == "state":
                out.append(Mention(state, text[m.start:hit.end()], m.start, hit.end(), "state", state not in self.known,
                                   f"a leader's administration stands for the state: {text[m.start:hit.end()]}"))
        return out

    def _described_sides(self, text: str, found: list[Mention], dateline: Place | None) -> list[Mention]:
        """A side named only by what it is, beside a named one ("the government and loyalist militias signed",
        "talks between Peru and rebel groups"): the words name it. "The rebels" is the article's one armed group
        when it names exactly one."""
        out: list[Mention] = []
        armed = {m.actor_id for m in found if m.kind == "group" and m.actor_id and self.candidates.get(m.actor_id)
                 and self.candidates[m.actor_id].cue.startswith(("organisation-shaped", "acronym", "named"))
                 and any(h in self.candidates[m.actor_id].name for h in ARMED_HEADS)}
        armed |= {m.actor_id for m in found if m.kind == "group" and m.actor_id in self.known}
        for pattern in _DESCRIBED_SIDE:
            for hit in pattern.finditer(text):
                start, end = hit.span("desc")
                words = hit.group("desc")
                if any(m.start < end and start < m.end for m in found + out):
                    continue
                if not any(m.end <= start and start - m.end < 12 or end <= m.start and m.start - end < 12
                           for m in found):
                    continue  # beside a named side only
                if re.fullmatch(r"(?:the\s+)?rebels?", words, re.IGNORECASE) and len(armed) == 1:
                    actor_id = next(iter(armed))
                    out.append(Mention(actor_id, words, start, end, "group", actor_id not in self.known,
                                       f"the rebels: the one armed group the text names ({self.name(actor_id)})"))
                    continue
                name = re.sub(r"^(?:the|The)\s+", "", words)
                start += len(words) - len(name)
                actor_id = self._propose(name, "group", f"described as a side: '{hit.group(0).strip()}'")
                out.append(Mention(actor_id, name, start, start + len(name), "group", True, self.candidates[actor_id].cue))
        return out

    def _named_state(self, code: str, counts: dict[str, int]) -> bool:
        """The text names the state of this ISO code (or a person acting for it) at least once."""
        country = self.gaz.countries[code]
        return any(self.known.get(a, {}).get("name") == country.name or a == self.by_code.get(country.iso3)
                   or (a in self.candidates and self.candidates[a].name == country.name) for a in counts)

    def _the_government(self, text: str, found: list[Mention], dateline: Place | None) -> list[Mention]:
        """'The government' is the state the text last named as a government ("the Veldian government", "Government
        of X"), else the date line's country, else the state it names most."""
        states = [m for m in found if m.kind == "state" and m.actor_id]
        if not states and dateline is None:
            return []
        counts: dict[str, int] = {}
        for m in found:
            actor = m.actor_id if m.kind == "state" else self.affiliation(m.actor_id) if m.kind == "person" else ""
            if actor and self.kind(actor) == "state":
                counts[actor] = counts.get(actor, 0) + 1
        out = []
        for hit in _THE_GOVERNMENT.finditer(text):
            start, end = hit.start("words"), hit.end("words")
            if any(m.start < end and start < m.end for m in found):
                continue
            named = [m for m in states if m.end <= start and "overnment" in m.alias]
            if named:
                actor, why = named[-1].actor_id, f"the government: the one named before, '{named[-1].alias}'"
            elif dateline is not None and dateline.country_code in self.gaz.countries and self._named_state(
                    dateline.country_code, counts):  # a date line from a third country ("GENEVA —") says nothing
                actor, _, _, _ = self._country_actor(dateline.country_code, self.gaz.countries[
                    dateline.country_code].name, "gazetteer: country")
                why = f"the government: the date line's country ({dateline.alias})"
            elif counts:
                actor = max(counts, key=lambda a: (counts[a], -min(m.start for m in found if m.actor_id == a
                                                                     or self.affiliation(m.actor_id) == a)))
                why = f"the government: the state the text names most ({self.name(actor)})"
            elif dateline is not None and dateline.country_code in self.gaz.countries:  # no state named at all
                actor, _, _, _ = self._country_actor(dateline.country_code, self.gaz.countries[
                    dateline.country_code].name, "gazetteer: country")
                why = f"the government: the date line's country ({dateline.alias})"
            else:
                continue
            out.append(Mention(actor, text[start:end], start, end, "state", actor not in self.known, why))
        return out

    def listed(self, text: str) -> list[Mention]:
        """Only the names the registry or the gazetteer holds, nothing proposed from the shape of a name: what an
        import from a dataset may link without guessing (dashboard/importers/)."""
        return self._listed(text, [(m.start(), m.end()) for m in _TOKEN.finditer(text)])

    def places(self, text: str) -> list[Place]:
        """Every city and country the text names (a country only where no city of that name is meant)."""
        if self._places is not None and self._places[0] is text:
            return list(self._places[1])
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found = [Place(place[0], form, s, s + len(form), *place[1:])
                 for s, form, place in _longest_matches(text, tokens, self.gaz.place_first_words,
                                                        lambda form, s: self.place(form), 6)]
        self._places = (text, found)
        return list(found)

    def place(self, form: str) -> tuple | None:
        """(name, country, country code, is a city, capital of) for a place so written, or None."""
        code = self.gaz.country_forms.get(form)
        city = self.gaz.city(form)
        if code and not (city and city.country == code and city.population * 3 >= self.gaz.countries[code].population):
            country = self.gaz.countries[code]
            return country.name, country.name, code, False, ""
        if city is None or form.isupper() or not form[:1].isupper() or len(form) < 4:
            return None
        country = self.gaz.countries.get(city.country)
        capital_of = ""
        if country and country.capital and city.country in (self.gaz.capitals.get(city.name),
                                                             self.gaz.capitals.get(_plain(city.name))):
            capital_of = self.by_code.get(country.iso3, slug(country.name))
        return city.name, country.name if country else "", city.country, True, capital_of

    def _listed(self, text: str, tokens: list[tuple[int, int]]) -> list[Mention]:
        """Names the registry or the gazetteer holds, longest first."""
        return [Mention(r[0], form, s, s + len(form), r[1], r[2], r[3])
                for s, form, r in _longest_matches(text, tokens, self._first_words,
                                                   lambda form, s: self.resolve(form), _MAX_TOKENS)]

    def _governments(self, text: str, found: list[Mention]) -> list[Mention]:
        """'Government of (the Republic of) X' and 'the X Government' are the state X, written so."""
        out = []
        for m in found:
            if m.kind == "state":
                before = GOVERNMENT_OF.search(text[max(0, m.start - 80):m.start]) \
                    if m.alias not in self.gaz.demonyms else None  # "the government of Veldian President X": X's
                after = re.match(r"(?:['’]s)?\s+[Gg]overnment\b", text[m.end:m.end + 14])
                start = m.start - len(before.group(0)) if before else m.start
                end = m.end + after.end() if after and not before else m.end
                if (start, end) != (m.start, m.end):
                    alias = text[start:end]
                    self._alias(m.actor_id, alias)
                    m = Mention(m.actor_id, alias, start, end, m.kind, m.new, m.cue + "; 'Government of' names the state")
            out.append(m)
        return out

    def _definitions(self, text: str) -> None:
        """Acronyms the text defines ("the Karenni Salvation Front (KSF)"): the text's meaning wins over a list's."""
        for m in _ACRONYM_DEF.finditer(text):
            acronym = m.group("acr")
            window = max(0, m.start() - 140)
            before = text[window:m.start()].rstrip()
            head = _defined_name(before, acronym)
            if not head:
                continue
            known = self.resolve(head)
            if known:
                self.defined[acronym] = known[0]
                self._alias(known[0], acronym)
                continue
            kind = _kind_of(head)
            if kind:
                actor_id = self._propose(head, kind, f"acronym defined in the text: {head} ({acronym})")
                self._alias(actor_id, acronym)
                self.defined[acronym] = actor_id

    def _known(self, name: str) -> bool:
        """A name the registry, the gazetteer or an earlier proposal already accounts for."""
        return (name in self.surface or name in self.gaz.country_forms or name in self.gaz.demonyms
                or name in self.gaz.organisations or name in self.gaz.cities
                or any(name == c.name or name in c.aliases for c in self.candidates.values()))

    def _shaped(self, text: str, found: list[Mention]) -> list[Mention]:
        """Actors no list holds, recognised by the shape of their names."""
        out: list[Mention] = []
        taken = [(m.start, m.end) for m in found]

        def add(name: str, start: int, kind: str, cue: str) -> str | None:
            end = start + len(name)
            if self._known(name) or any(s <= start and end <= e for s, e in taken):
                return None
            actor_id = self._propose(name, kind, cue)
            out.append(Mention(actor_id, name, start, end, kind, True, self.candidates[actor_id].cue))
            taken.append((start, end))
            return actor_id

        for pattern, cue in (*_SLOTS, (_AND_SIDE_SLOT, "named as a side: '{}'")):
            for m in pattern.finditer(text):
                at = m.start("list")
                for piece in _LIST_SPLIT.split(m.group("list")):
                    start = text.find(piece, at)
                    at = start + len(piece)
                    name = _POSSESSIVE.sub("", re.sub(r"^(?:The|the)\s+", "", piece)).rstrip(".")
                    start += len(piece) - len(piece.lstrip()) + (len(piece) - len(re.sub(r"^(?:The|the)\s+", "", piece)))
                    if len(name) < 3 or re.search(TITLES, name) or _HEADLINE_WORDS.search(name) or self.resolve(name) \
                            or self._known(name) or any(s < start + len(name) and start < e for s, e in taken):
                        continue
                    if any(text.startswith(form, start) and len(form) > len(name) for c in self.candidates.values()
                           for form in (c.name, *c.aliases)):
                        continue  # the start of a longer name the text defines ("… Mission in X (ACR)")
                    if len(name.split()) == 1 and re.search(rf"(?<![A-Za-z]){re.escape(name.lower())}\b", text):
                        continue  # a common word written in lower case elsewhere
                    add(name, start, _kind_of(name) or "group", cue.format(m.group(0).strip()[:80]))
        for pattern in (_ORG_OF, _ORG_NAME):
            for m in pattern.finditer(text):
                name = re.sub(r"^(?:The|the)\s+", "", m.group("name"))
                name = re.sub(r"^[A-Z][\w’'-]*-based\s+", "", name)  # "the Tripoli-based High Council": its seat
                name = _PEOPLE_OF_NAME.sub("", name)  # "Representatives of the X Forces": the X Forces
                if "\n" in name or name.split()[0] in ("Government",) and name.startswith("Government of"):
                    continue
                kind = _kind_of(name)
                if _HEADLINE_WORDS.search(name) or re.search(rf"\b{TITLES}\s+[A-Z]", name):
                    continue  # "Negotiations Between Government": a headline's capitals; "Envoy X of the Government"
                if any(name.startswith(f + " ") for f in _prefixes(name) if self._known(f)):
                    continue  # "United States Government", "Peru Security Council": a known actor's body
                if kind and len(name.split()) >= 2:
                    add(name, m.end("name") - len(name), kind, f"organisation-shaped name: ends in "
                        f"'{name.split()[-1]}'" if pattern is _ORG_NAME else f"organisation-shaped name: "
                        f"'{name.split(' of ')[0]} of …'")
        for m in _PLURAL_GROUP.finditer(text):
            plural = m.group("name")
            singular = plural[:-1]
            if self._known(plural) or self._known(singular) or plural.lower() in text or re.fullmatch(TITLES, singular):
                continue
            if re.search(rf"\b{re.escape(singular)}\b", text) or len(re.findall(rf"\b{plural}\b", text)) >= 2 \
                    or _SIDE_PREDICATE.match(text, m.end()):
                actor_id = add(plural, m.start("name"), "group", f"plural group name: 'the {plural}'")
                if actor_id:
                    self._alias(actor_id, singular)
        for pattern, cue in ((_GROUP_BEFORE, "named with its fighters, leader or delegation: '{}'"),
                             (_BETWEEN_SIDES[0], "named as a side: '{}'"), (_BETWEEN_SIDES[1], "named as a side: '{}'"),
                             (_DESCRIBED_GROUP, "described as a group: '{}'")):
            for m in pattern.finditer(text):
                name = _POSSESSIVE.sub("", m.group("name"))
                if self._known(name) or re.search(rf"(?<![A-Za-z]){re.escape(name.lower())}\b", text):
                    continue  # a known name, or a common word that the text also writes in lower case
                if re.fullmatch(TITLES, name) or name in GROUP_HEADS or name in _TITLE_MODIFIERS:
                    continue
                if "noun" in pattern.groupindex and m.group("noun") in _ARMED_NOUNS:
                    armed = f"{name} {m.group('noun')}"  # "Kessan forces": the group is called so
                    actor_id = add(armed, m.start("name"), "group", cue.format(m.group(0).strip()))
                    if actor_id:
                        self._alias(actor_id, name)
                    continue
                add(name, m.start("name"), "group", cue.format(m.group(0).strip()))
        for m in _ROLE_BODY.finditer(text):
            name = m.group("name")
            actor_id = add(name, m.start("name"), "international_organisation", f"named by its role: '{name}'")
            defined = re.search(re.escape(m.group("format")) + r"\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\)", text)
            if actor_id and defined:
                self._alias(actor_id, name.replace(m.group("format"), defined.group("acr")))
        return out

    def _people(self, text: str, found: list[Mention]) -> list[Mention]:
        """People a title introduces, tied to the actor the text says they act for."""
        out: list[Mention] = []
        actor_at_end = {m.end: m for m in found}
        patterns = (
            # "the President of Peru, Tomas Vela"
            re.compile(rf"(?P<title>{TITLES})\s+of\s+(?:the\s+)?(?P<of>{_NAME}),\s+(?:the\s+Honourable\s+)?"
                       rf"(?P<name>{_NAME})"),
            # "Special Envoy for the Region Jana Roe", "UN Special Envoy, Jana Roe", "Sheikh X of Veldia"
            re.compile(rf"(?P<title>{TITLES})(?:\s+(?:for|of|to)\s+(?:the\s+)?{_WORD}(?:,?\s+(?:and|of|the|{_WORD}))*?)?"
                       rf",?\s+(?P<name>{_NAME})(?:\s+of\s+(?:the\s+)?(?P<of>{_WORD}(?:\s+{_WORD}){{0,2}}))?"),
            # "Uruguay's foreign minister, Elena Costa", "Uruguay, whose foreign minister, Elena Costa,", "Uruguay's
            # foreign minister Elena Costa", "his Uruguayan counterpart Elena Costa" (a title in lower case)
            re.compile(rf"(?P<of>{_WORD}(?:\s+{_WORD}){{0,2}})(?:['’]s?|,\s+whose)?\s+(?P<title>{LOWER_TITLES})\s*,?\s+"
                       rf"(?P<name>{_NAME})"),
            # "Jana Roe, the UN special envoy,", "Tomas Vela, Peru's foreign minister"
            re.compile(rf"(?<![\w’'])(?P<name>{_NAME}),\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.’'-]*(?:['’]s)?\s+){{0,3}}"
                       rf"(?P<title>{LOWER_TITLES})\b"),
            # "Jana Roe, Assistant Secretary for Regional Affairs" (a byline, a transcript's head)
            re.compile(rf"(?<![\w’'])(?P<name>{_NAME}),\s+(?:the\s+)?(?P<title>{TITLES})\b(?!\s+[A-Z][a-z]+\s+[A-Z])"),
        )
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for m in pattern.finditer(text):
                name, start = re.split(r"['’]s?\b", m.group("name"))[0], m.start("name")
                if "\n" in m.group(0) or any(s < start + len(name) and start < e for s, e in taken):
                    continue
                if self._known(name) and not name.count(" "):
                    continue  # "President Vela" when Vela is in the registry: the registry has him
                if re.fullmatch(TITLES, name.split()[0]) or name.split()[-1] in GROUP_HEADS:
                    continue
                registry_id = self.surface.get(name) or self._registry_person(name)
                resolved = self.resolve(name)
                if resolved and resolved[1] != "person":
                    continue  # "Peru, Foreign Minister X": a state before a title, not a person
                if not registry_id and resolved and resolved[1] == "person":
                    taken.append((start, start + len(name)))
                    out.append(Mention(resolved[0], name, start, start + len(name), "person", True, resolved[3]))
                    continue
                affiliation = ""
                if m.groupdict().get("of"):
                    of = self.resolve(_POSSESSIVE.sub("", m.group("of")))
                    if of is None:  # "Special Envoy X of the Government of Y": Y
                        government = re.match(r"(?:Government|Ministry|Republic|Kingdom|State)\s+of\s+(?:the\s+)?(.+)",
                                              text[m.start("of"):m.start("of") + 80])
                        named = government and _NAME_RE.match(government.group(1))
                        of = self.resolve(named.group(0)) if named else None
                    affiliation = of[0] if of else ""
                window = max(0, m.start("title") - 60)
                prefix = re.search(rf"{_TITLE_PREFIX}$", text[window:m.start("title")])
                head = window + prefix.start() if prefix else m.start("title")
                possessive = re.search(r"['’]s?\s+$", text[max(0, head - 4):head])  # "Spain's special envoy, X"
                before = actor_at_end.get(head - 1) or actor_at_end.get(m.start("title") - 1) \
                    or (actor_at_end.get(head - len(possessive.group(0))) if possessive else None)
                portfolio = None if before else _PORTFOLIO.search(text, window, head)
                if portfolio:  # "Veldian Infrastructure Minister X": the actor just before one of the portfolio's words
                    starts = [portfolio.start() + w.start() for w in _PORTFOLIO_WORD.finditer(portfolio.group(0))]
                    before = next((actor_at_end[s - 1] for s in reversed(starts) if s - 1 in actor_at_end), None)
                if not affiliation and before is not None and before.kind != "person":
                    affiliation = before.actor_id or ""
                taken.append((start, start + len(name)))
                if registry_id:
                    out.append(Mention(registry_id, name, start, start + len(name), "person", False, "registry"))
                    continue
                title = m.group("title")
                actor_id = self._propose(name, "person", f"person introduced by a title: '{title}'", title=title,
                                         affiliation=affiliation)
                if affiliation and not self.candidates[actor_id].affiliation:
                    self.candidates[actor_id].affiliation = affiliation
                surname = name.split()[-1]
                if len(name.split()) > 1 and len(surname) > 2 and not self._known(surname):
                    self._alias(actor_id, surname)
                out.append(Mention(actor_id, name, start, start + len(name), "person", True,
                                   self.candidates[actor_id].cue))
        return out

    def _registry_person(self, name: str) -> str | None:
        """'Donald Trump' is the registry's 'Trump' when the registry knows a person by the surname alone."""
        actor_id = self.surface.get(name.split()[-1])
        return actor_id if actor_id and self.kind(actor_id) == "person" else None

    def _acronyms_after(self, text: str, found: list[Mention]) -> None:
        """'The Free Veldia Movement (FVM)', 'the Revolutionary Armed Forces of X, or RAFX,': an acronym written right
        after an organisation's or a group's name is another name of it, whatever its letters spell."""
        for m in found:
            if m.kind not in ("group", "international_organisation") or not m.actor_id:
                continue
            hit = _ACRONYM_AFTER.match(text, m.end)
            acronym = hit and (hit.group("acr") or hit.group("acr2"))
            if acronym and acronym not in self.defined and not self._known(acronym):
                self.defined[acronym] = m.actor_id
                self._alias(m.actor_id, acronym)

    def _later_uses(self, text: str, found: list[Mention], described: set[tuple[int, int]]) -> list[Mention]:
        """The proposed actors' names and aliases wherever else the text uses them ("KSF", "Marran"), and the
        acronyms the text gives an actor ("the Free Veldia Movement (FVM)", then "FVM")."""
        forms = dict(self.defined)
        for candidate in self.candidates.values():
            for form in (candidate.name, *candidate.aliases):
                if len(form) >= 2:
                    forms.setdefault(form, candidate.actor_id)
        if not forms:
            return []
        taken = [(m.start, m.end) for m in found] + sorted(described)  # a demonym that describes a person stays so
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                             + r")(?:['’]s)?(?![\w])")
        out = []
        for m in pattern.finditer(text):
            form = _POSSESSIVE.sub("", m.group(0))
            s, e = m.start(), m.start() + len(form)
            if any(ts < e and s < te for ts, te in taken):
                continue
            actor_id = forms[form]
            candidate = self.candidates.get(actor_id)
            if candidate is not None:
                out.append(Mention(actor_id, form, s, e, candidate.kind, True, candidate.cue))
            else:
                out.append(Mention(actor_id, form, s, e, self.kind(actor_id), False, f"acronym the text gives: {form}"))
        return out




def _longest_matches(text: str, tokens: list[tuple[int, int]], starts, lookup, max_tokens: int):
    """Left to right, the longest run of up to `max_tokens` tokens, starting at a word in `starts`, that `lookup`
    resolves: yields (start offset, the words as written, what lookup returned), never overlapping."""
    i = 0
    while i < len(tokens):
        hit = None
        if first_word(text[tokens[i][0]:tokens[i][1]]) in starts:
            for j in range(min(len(tokens), i + max_tokens) - 1, i - 1, -1):
                span = text[tokens[i][0]:tokens[j][1]]
                if "\n" in span or len(span) > 120:
                    continue
                hit = next(((j, form if span.startswith(form) else _written(span, form), value)
                            for form in _variants(span) if (value := lookup(form, tokens[i][0]))), None)
                if hit:
                    break
        if hit:
            yield tokens[i][0], hit[1], hit[2]
            i = hit[0] + 1
        else:
            i += 1


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _written(span: str, form: str) -> str:
    """The words of `span` that `form` (a variant spelt without hyphens) stands for, as written."""
    bare = _POSSESSIVE.sub("", span)
    return bare[:-1] if bare.endswith(".") and not form.endswith(".") else bare


def _prefixes(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[:n]) for n in range(1, len(words))]


def _variants(span: str) -> list[str]:
    """The span as written, then without a possessive, then without a final full stop."""
    out = [span]
    bare = _POSSESSIVE.sub("", span)
    if bare != span:
        out.append(bare)
    if span.endswith("."):
        out.append(span[:-1])
    for form in list(out):
        joined = re.sub(r"(?<=[A-Za-z])-(?=[a-z])", "", form)  # "Co-operation" as lists spell it, "Cooperation"
        if joined != form:
            out.append(joined)
    return out


def _kind_of(name: str) -> str:
    """group or international_organisation, from the word that ends (or opens) an organisation's name."""
    words = re.findall(r"[\w’'\-]+", name)
    head = next((w for w in reversed(words) if w in GROUP_HEADS), "")
    if not head:
        return ""
    if head in ARMED_HEADS:
        return "group"
    return "international_organisation" if INTERNATIONAL_WORDS.search(name) else "group"


def _defined_name(before: str, acronym: str) -> str:
    """The words right before '(ACR)' whose initials spell the acronym, or '': capitalised words give its letters in
    order, and a small word between them ("in", "of") may give one or be left out ("United Nations Support Mission in
    Veldia (UNSMV)", "Kessan Liberation Front (FLK)" does not spell it)."""
    words = list(re.finditer(r"[\w’'\-]+", before))
    letters = [c for c in acronym if c.isupper()]
    for n in range(len(letters), min(len(words), len(letters) + 4) + 1):
        chosen = words[-n:]
        if chosen[0].group(0)[0].isupper() and _spells([w.group(0) for w in chosen], letters):
            return before[chosen[0].start():]
    return ""


def _spells(words: list[str], letters: list[str]) -> bool:
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    if head[0].isupper():
        return bool(letters) and head[0] == letters[0] and _spells(rest, letters[1:])
    if head.lower() not in ("of", "in", "for", "the", "and", "on", "de", "du", "des", "la", "le", "al", "el"):
        return False
    return _spells(rest, letters) or (bool(letters) and head[0].upper() == letters[0] and _spells(rest, letters[1:]))


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (the earliest on a tie)."""
    starts: list[int] = []  # the kept mentions, sorted by start, never overlapping
    ends: list[int] = []
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect.bisect_left(starts, m.start)
        if (i < len(starts) and starts[i] < m.end) or (i > 0 and ends[i - 1] > m.start):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.insert(i, m)
    return kept
