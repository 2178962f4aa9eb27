"""Find actors in text through the registry's names and aliases.

Each name or alias matches as a whole word, case-sensitively (so "US" the
country is not "us"), with an optional possessive ('s, ’s, s'). The longest
match wins where names overlap ("Government of Ethiopia" over "Ethiopia").
Names the registry does not know are proposed as new actors: any country in
ISO 3166 (from the pycountry package, by its short, common or official name),
and a person a title introduces ("Foreign Minister Jane Roe").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import pycountry

TITLES = (
    r"(?:President|Prime Minister|Foreign Minister|Deputy Foreign Minister|Minister|Secretary of State|Secretary|"
    r"Chancellor|Ambassador|Envoy|Special Envoy|Spokesperson|Spokesman|Chairman|Chair|Commissioner|"
    r"High Representative|Representative|General|Crown Prince|King|Emir|Sheikh|Senator|Mediator)"
)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|"
           "Wednesday|Thursday|Friday|Saturday|Sunday")
_WORD = rf"(?!(?:{_MONTHS})\b)[A-Z][\w’'\-]+"
_NAME = rf"{_WORD}(?:[ ](?:bin|al|Al|de|van|von|der)\b)?(?:[ ]{_WORD}){{0,3}}"
_NEW_PERSON = re.compile(rf"\b{TITLES}[ ](?P<name>{_NAME})")
_POSSESSIVE = r"(?:['’]s|['’])?"


@dataclass(frozen=True)
class Mention:
    actor_id: str | None  # None for a person the registry does not know
    alias: str  # the words as written
    start: int
    end: int
    kind: str = ""
    new: bool = False  # not in the registry: a country from the gazetteer, or an unknown person


def country_candidates(known_codes: set[str]) -> pd.DataFrame:
    """Every ISO 3166 country not already in the registry, as a candidate actor with the names text uses for it."""
    rows = []
    for country in pycountry.countries:
        if country.alpha_3 in known_codes:
            continue
        name = getattr(country, "common_name", None) or country.name.split(",")[0].split(" (")[0]
        forms = {name, country.name, getattr(country, "official_name", "") or ""} - {""}
        forms = {f for f in forms if "," not in f and "(" not in f}
        rows.append({"actor_id": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), "name": name, "kind": "state",
                     "aliases": "; ".join(sorted(forms - {name})), "affiliation": "", "title": "",
                     "country_code": country.alpha_3})
    return pd.DataFrame(rows)


class ActorMatcher:
    """Matches the registry's names and aliases in text."""

    def __init__(self, actors: pd.DataFrame, countries: bool = True):
        actors = actors.copy()
        codes = set(actors["country_code"]) if "country_code" in actors else set()
        candidates = country_candidates(codes) if countries else pd.DataFrame(columns=actors.columns)
        candidates = candidates[~candidates["actor_id"].isin(actors["actor_id"])]
        self.candidates = set(candidates["actor_id"])
        actors = pd.concat([actors, candidates], ignore_index=True) if not candidates.empty else actors
        self.actors = actors.set_index("actor_id", drop=False)
        surface: dict[str, str] = {}
        # the registry's names come first, so a registry alias is never taken by a gazetteer country
        for actor_id, name, aliases in zip(actors["actor_id"], actors["name"], actors["aliases"].fillna("")):
            for form in [name, *(a.strip() for a in str(aliases).split(";"))]:
                if form and form not in surface:
                    surface[form] = actor_id
                plain = form.replace("’", "'")
                if plain and plain not in surface:
                    surface[plain] = actor_id
        self.surface = surface
        forms = sorted(surface, key=len, reverse=True)
        if forms:
            alternation = "|".join(re.escape(f) for f in forms)
            self.pattern = re.compile(rf"(?<![\w-])(?P<form>{alternation}){_POSSESSIVE}(?![\w])")
        else:
            self.pattern = None

    def kind(self, actor_id: str | None) -> str:
        if actor_id is None or actor_id not in self.actors.index:
            return ""
        return str(self.actors.at[actor_id, "kind"])

    def affiliation(self, actor_id: str | None) -> str:
        if actor_id is None or actor_id not in self.actors.index:
            return ""
        return str(self.actors.at[actor_id, "affiliation"])

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                actor_id = self.surface[m.group("form")]
                found.append(Mention(actor_id, m.group(0), m.start(), m.end(), self.kind(actor_id),
                                     actor_id in self.candidates))
        taken = [(m.start, m.end) for m in found]
        for m in _NEW_PERSON.finditer(text):
            s, e = m.start("name"), m.end("name")
            if any(s < te and ts < e for ts, te in taken):
                continue
            found.append(Mention(None, m.group("name"), s, e, "person", True))
        return sorted(found, key=lambda m: m.start)
