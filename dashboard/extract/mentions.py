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

import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.dataset import ids
from dashboard.extract.cues import MONTH_NAMES, WEEKDAY_NAMES
from dashboard.extract.gazetteer import Gazetteer, first_word, gazetteer

_TITLE_WORDS = (
    "Prime Minister", "Deputy Prime Minister", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
    "Defense Minister", "Interior Minister", "Minister of Foreign Affairs", "Foreign Secretary", "Minister",
    "Secretary of State", "Secretary-General", "Secretary General", "Deputy Secretary", "Under Secretary",
    "Secretary", "Vice President", "Vice-President", "President", "Chancellor", "Ambassador", "Special Envoy",
    "Envoy", "Special Representative", "High Representative", "Representative", "Special Coordinator", "SRSG",
    "Spokesperson", "Spokesman", "Spokeswoman", "Chairman", "Chairwoman", "Chairperson", "Chair", "Commissioner",
    "Chief Negotiator", "Negotiator", "Mediator", "General", "Field Marshal", "Marshal", "Colonel", "Commander",
    "Crown Prince", "Prince", "King", "Queen", "Emir", "Sheikh", "Sultan", "Senator", "Governor", "Mayor",
    "Premier", "Speaker", "Leader", "leader", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr",
)
TITLES = "(?:" + "|".join(re.escape(t) for t in sorted(_TITLE_WORDS, key=len, reverse=True)) + ")"
_TITLE_PREFIX = r"(?:(?:former|late|acting|Acting|interim|then|outgoing|incoming|the)\s+)*"
_MONTHS = "|".join(MONTH_NAMES + WEEKDAY_NAMES)
_CAP = r"[A-Z\u00C0-\u00DE][\w’'\-]*[\w]"
_WORD = rf"(?!(?:{_MONTHS}|The|This|That|These|Today|His|Her|Its|Their|And|But)\b){_CAP}"
# words of a portfolio or an office, never of a person's name ("High Representative for Foreign Affairs … Jana Roe")
_OFFICE = (r"(?:Foreign|Affairs|Security|Policy|Development|Commonwealth|Defen[cs]e|Trade|Justice|Finance|Interior|"
           r"Health|Economy|Economic|International|Cooperation|Relations|State|Office|Ministry|Department|Government|"
           r"Republic|Kingdom|Union|Council|Commission|Travel|Statement|Remarks|Press|Readout|Honourable)")
_PERSON_WORD = rf"(?!{_OFFICE}\b){_WORD}"
_PARTICLE = r"(?:bin|ibn|al|Al|el|El|de|da|van|von|der|den|du|la|le)"
_NAME = rf"{_PERSON_WORD}(?:\s+(?:[A-Z]\.|{_PERSON_WORD}|{_PARTICLE}\b)){{0,4}}"
_NAME_RE = re.compile(_NAME)

# A name ending in one of these words names an organisation or a group.
GROUP_HEADS = ("Front", "Movement", "Forces", "Army", "Militia", "Brigades", "Brigade", "Party", "Alliance",
               "Coalition", "Resistance", "Rebels", "Group", "Council", "Union", "Authority", "Commission",
               "Committee", "Organisation", "Organization", "Bank", "Fund", "League", "Community", "Agency", "Office",
               "Mission", "Secretariat", "Assembly", "Government", "Junta", "Cabinet")
ARMED_HEADS = {"Front", "Movement", "Forces", "Army", "Militia", "Brigades", "Brigade", "Resistance", "Rebels"}
INTERNATIONAL_WORDS = re.compile(r"\b(?:International|World|United Nations|UN|Global|Regional|African|European|"
                                 r"Arab|Asian|American|Pacific|Atlantic|Islamic|Commonwealth|Gulf|Nordic|Inter-\w+|"
                                 r"Intergovernmental)\b")
_CONNECT = r"(?:of|for|the|on|in|de|du|des|al|el|People’s|People's)"
_ORG_NAME = re.compile(rf"(?<![\w’'-])(?P<name>(?:{_WORD}\s+(?:{_CONNECT}\s+)*){{0,6}}"
                       rf"(?:{'|'.join(GROUP_HEADS)}))(?![\w-])")
_ORG_OF = re.compile(rf"(?<![\w’'-])(?P<name>(?:{_WORD}\s+)?(?:Organi[sz]ation|League|Union|Council|Community|"
                     rf"Association|Government)\s+of\s+(?:the\s+)?(?:{_WORD}\s+(?:(?:and|for)\s+)?){{0,4}}{_WORD})")
_ACRONYM_DEF = re.compile(r"\((?P<acr>[A-Z][A-Za-z&.\-]{1,9})\)")
_PLURAL_GROUP = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][a-z]{2,}(?:is|s))\b")
# "between the Government of X and Sendaro": a side, whatever it is called
_BETWEEN_SIDES = (re.compile(r"\bbetween\s+(?:the\s+)?(?P<name>[A-Z][\w’'\-]+)\s+and\b"),
                  re.compile(r"\bbetween\s+[^.;:]{1,80}?\s+and\s+(?:the\s+)?(?P<name>[A-Z][\w’'\-]+)(?!\s+[A-Z])"))
_DESCRIBED_GROUP = re.compile(
    r"\b(?:militant|armed|rebel|terrorist|insurgent|opposition|militia|separatist|jihadist|Islamist|paramilitary|"
    r"political)\s+(?:group|movement|organi[sz]ation|faction|party|force)\s+(?P<name>[A-Z][\w’'\-]+)")
_GROUP_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?P<name>[A-Z][a-z][\w’'\-]+)\s+(?:forces|fighters|militants|"
                           r"rebels|militia|militiamen|leader|leaders|commanders?|spokes(?:man|woman|person)|"
                           r"delegation|negotiators|President|Leader|Chairman|Commander|Spokes(?:man|woman|person))\b",
                           re.MULTILINE)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|\d+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
GOVERNMENT_OF = re.compile(r"\b[Gg]overnment\s+of\s+(?:the\s+)?(?:(?:(?:Federal|Islamic|Democratic|People['’]s|"
                           r"Socialist|United|Arab)\s+)*(?:Republic|Kingdom|State|Federation|Emirates)\s+of\s+"
                           r"(?:the\s+)?)?$")
_MAX_TOKENS = 12
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
        self.by_code = {str(c).upper(): a for a, c in zip(actors["actor_id"], actors["country_code"]) if str(c).strip()}
        self.candidates: dict[str, Candidate] = {}
        self.defined: dict[str, str] = {}  # acronyms this text defines -> actor id
        self._first_words = {first_word(f) for f in surface} | self.gaz.actor_first_words

    # -- what an id stands for -------------------------------------------------------------------------------------

    def kind(self, actor_id: str | None) -> str:
        if actor_id in self.registry.index:
            return str(self.registry.at[actor_id, "kind"])
        candidate = self.candidates.get(actor_id or "")
        return candidate.kind if candidate else ""

    def affiliation(self, actor_id: str | None) -> str:
        if actor_id in self.registry.index:
            return str(self.registry.at[actor_id, "affiliation"])
        candidate = self.candidates.get(actor_id or "")
        return candidate.affiliation if candidate else ""

    def name(self, actor_id: str | None) -> str:
        if actor_id in self.registry.index:
            return str(self.registry.at[actor_id, "name"])
        candidate = self.candidates.get(actor_id or "")
        return candidate.name if candidate else (actor_id or "")

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
            return actor_id, self.kind(actor_id), actor_id not in self.registry.index, \
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
        while actor_id in self.registry.index or actor_id in self.candidates:
            actor_id, n = f"{base}-{n}", n + 1
        self.candidates[actor_id] = Candidate(actor_id, name, kind, cue, **extra)
        return actor_id

    def _alias(self, actor_id: str, form: str) -> None:
        candidate = self.candidates.get(actor_id)
        if candidate and form != candidate.name and form not in candidate.aliases:
            candidate.aliases.append(form)

    # -- finding mentions ------------------------------------------------------------------------------------------

    def find(self, text: str) -> list[Mention]:
        """Every actor mention in `text`, sorted, without overlaps."""
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
        merged += self._later_uses(text, merged, described)
        return sorted(_without_overlaps(merged), key=lambda m: m.start)

    def listed(self, text: str) -> list[Mention]:
        """Only the names the registry or the gazetteer holds, nothing proposed from the shape of a name: what an
        import from a dataset may link without guessing (dashboard/importers/)."""
        return self._listed(text, [(m.start(), m.end()) for m in _TOKEN.finditer(text)])

    def places(self, text: str) -> list[Place]:
        """Every city and country the text names (a country only where no city of that name is meant)."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        return [Place(place[0], form, s, s + len(form), *place[1:])
                for s, form, place in _longest_matches(text, tokens, self.gaz.place_first_words,
                                                       lambda form, s: self.place(form), 6)]

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
        if country and country.capital and self.gaz.capitals.get(city.name) == city.country:
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
                before = GOVERNMENT_OF.search(text[max(0, m.start - 80):m.start])
                after = re.match(r"\s+[Gg]overnment\b", text[m.end:m.end + 12])
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

        for pattern in (_ORG_OF, _ORG_NAME):
            for m in pattern.finditer(text):
                name = re.sub(r"^(?:The|the)\s+", "", m.group("name"))
                if "\n" in name or name.split()[0] in ("Government",) and name.startswith("Government of"):
                    continue
                kind = _kind_of(name)
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
            if re.search(rf"\b{re.escape(singular)}\b", text) or len(re.findall(rf"\b{plural}\b", text)) >= 2:
                actor_id = add(plural, m.start("name"), "group", f"plural group name: 'the {plural}'")
                if actor_id:
                    self._alias(actor_id, singular)
        for pattern, cue in ((_BETWEEN_SIDES[0], "named as a side: '{}'"), (_BETWEEN_SIDES[1], "named as a side: '{}'"),
                             (_DESCRIBED_GROUP, "described as a group: '{}'"),
                             (_GROUP_BEFORE, "named with its fighters, leader or delegation: '{}'")):
            for m in pattern.finditer(text):
                name = _POSSESSIVE.sub("", m.group("name"))
                if self._known(name) or re.search(rf"(?<![A-Za-z]){re.escape(name.lower())}\b", text):
                    continue  # a known name, or a common word that the text also writes in lower case
                if re.fullmatch(TITLES, name) or name in GROUP_HEADS or name in _TITLE_MODIFIERS:
                    continue
                add(name, m.start("name"), "group", cue.format(m.group(0).strip()))
        return out

    def _people(self, text: str, found: list[Mention]) -> list[Mention]:
        """People a title introduces, tied to the actor the text says they act for."""
        out: list[Mention] = []
        actor_at_end = {m.end: m for m in found}
        patterns = (
            # "the President of Peru, Tomas Vela"
            re.compile(rf"(?P<title>{TITLES})\s+of\s+(?:the\s+)?(?P<of>{_NAME}),\s+(?:the\s+Honourable\s+)?"
                       rf"(?P<name>{_NAME})"),
            # "Special Envoy for the Region Jana Roe", "UN Special Envoy, Jana Roe", "Sheikh X of Kuwait"
            re.compile(rf"(?P<title>{TITLES})(?:\s+(?:for|of)\s+(?:the\s+)?{_WORD}(?:,?\s+(?:and|of|the|{_WORD}))*?)?"
                       rf",?\s+(?P<name>{_NAME})(?:\s+of\s+(?:the\s+)?(?P<of>{_WORD}(?:\s+{_WORD}){{0,2}}))?"),
        )
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for m in pattern.finditer(text):
                name, start = re.split(r"['’]s?\b", m.group("name"))[0], m.start("name")
                if "\n" in m.group(0) or any(s < start + len(name) and start < e for s, e in taken):
                    continue
                if self._known(name) and not name.count(" "):
                    continue  # "President Trump" when Trump is in the registry: the registry has him
                if re.fullmatch(TITLES, name.split()[0]) or name.split()[-1] in GROUP_HEADS:
                    continue
                registry_id = self.surface.get(name) or self._registry_person(name)
                resolved = self.resolve(name)
                if not registry_id and resolved and resolved[1] == "person":
                    taken.append((start, start + len(name)))
                    out.append(Mention(resolved[0], name, start, start + len(name), "person", True, resolved[3]))
                    continue
                affiliation = ""
                if m.group("of"):
                    of = self.resolve(_POSSESSIVE.sub("", m.group("of")))
                    affiliation = of[0] if of else ""
                window = max(0, m.start("title") - 60)
                prefix = re.search(rf"{_TITLE_PREFIX}$", text[window:m.start("title")])
                before = actor_at_end.get((window + prefix.start() if prefix else m.start("title")) - 1) \
                    or actor_at_end.get(m.start("title") - 1)
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

    def _later_uses(self, text: str, found: list[Mention], described: set[tuple[int, int]]) -> list[Mention]:
        """The proposed actors' names and aliases wherever else the text uses them ("KSF", "Marran")."""
        forms = {}
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
            candidate = self.candidates[actor_id]
            out.append(Mention(actor_id, form, s, e, candidate.kind, True, candidate.cue))
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
                hit = next(((j, form, value) for form in _variants(span)
                            if (value := lookup(form, tokens[i][0]))), None)
                if hit:
                    break
        if hit:
            yield tokens[i][0], hit[1], hit[2]
            i = hit[0] + 1
        else:
            i += 1


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
    """The capitalised words right before '(ACR)' whose initials spell the acronym, or ''."""
    words = list(re.finditer(r"[\w’'\-]+", before))
    letters = [c for c in acronym if c.isupper()]
    for n in range(len(letters), min(len(words), len(letters) + 4) + 1):
        chosen = words[-n:]
        name = before[chosen[0].start():]
        initials = [w.group(0)[0] for w in chosen if w.group(0)[0].isupper()]
        if chosen[0].group(0)[0].isupper() and initials == letters:
            return name
    return ""


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (the earliest on a tie)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)
