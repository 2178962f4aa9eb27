"""Who signed, and who stood beside them: the names a dataset lists, linked only where they are known.

A name links to an actor when the registry (names and aliases) or the gazetteer (countries, intergovernmental
organisations) holds it, exactly as the extraction assistant reads them, but nothing is proposed from the shape
of a name: "the Nicaraguan Resistance" is not Nicaragua, so a demonym counts only in "<demonym> government", a
country's name only where no capitalised word follows it on its line ("Sudan People's Liberation Movement"), and
an organisation's acronym only when the registry holds it (the gazetteer's "APCC" is an armed group's too).
A third party gets a role only when its own line, or the heading line above it ("Witnessed:"), says which;
otherwise it stays in the summary, recognised but without a role. Every line with no known name is counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.extract.mentions import ActorMatcher, Candidate

# A third party's role, from the words on its line (PA-X writes "UN (observer)", "Witnessed:", "under the
# auspices of"; the roles are the schema's).
ROLE_WORDS = [
    ("witness", re.compile(r"\bwitness(?:es|ed)?\b", re.IGNORECASE)),
    ("guarantor", re.compile(r"\bguarant(?:or|ors|eed|ee)\b", re.IGNORECASE)),
    ("observer", re.compile(r"\bobserv(?:er|ers|ed)\b", re.IGNORECASE)),
    ("mediator", re.compile(r"\b(?:mediat\w*|conciliat\w*|auspices|good offices|brokered)\b", re.IGNORECASE)),
    ("facilitator", re.compile(r"\bfacilitat\w*\b", re.IGNORECASE)),
    ("host", re.compile(r"\bhost(?:ed|s|ing)?\b", re.IGNORECASE)),
]
_SPLIT = re.compile(r"\n|;|,(?![^()]*\))")  # a line, or an item of a list (commas inside brackets stay)


@dataclass
class Linked:
    """The actors one agreement's lists name, with their roles, and what was not recognised."""

    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor_id, role), in the order written
    unrecognised: int = 0  # items of the lists that name no known actor
    without_role: list[str] = field(default_factory=list)  # recognised third parties whose role is not stated


class PartyLinker:
    """Links the names of many agreements against one registry, adding the countries and organisations the
    registry lacks as new actors (`new_actors`)."""

    def __init__(self, actors: pd.DataFrame):
        self.matcher = ActorMatcher(actors)

    @property
    def new_actors(self) -> dict[str, Candidate]:
        return self.matcher.candidates

    def name(self, actor_id: str) -> str:
        return self.matcher.name(actor_id)

    def _known(self, line: str) -> list[str]:
        """Actor ids named on one line, by the rules above."""
        out = []
        for m in self.matcher.listed(line):
            after = line[m.end:]
            if m.alias in self.matcher.gaz.demonyms and not re.match(r"\s+[Gg]ov(?:ernmen)?t\b", after):
                continue  # "Nicaraguan Resistance": a demonym inside a group's name
            if m.kind == "state" and m.cue.startswith("gazetteer") and re.match(r"[ \t]+[A-Z][a-z]", after) \
                    and not re.match(r"[ \t]+Gov", after):
                continue  # "Sudan People's Liberation Movement": a country's name inside another name
            if m.cue.startswith("gazetteer: intergovernmental") and m.alias.isupper():
                continue  # an acronym alone ("APCC", "ARC") names armed groups as often as organisations
            if m.actor_id and m.actor_id not in out:
                out.append(m.actor_id)
        return out

    def link(self, parties: str, third_parties: str) -> Linked:
        linked = Linked()
        for item in _items(parties):
            ids = self._known(item)
            linked.unrecognised += not ids
            linked.actors += [(a, "party") for a in ids if (a, "party") not in linked.actors]
        heading_role = ""
        for line in third_parties.splitlines():
            stripped = line.strip()
            if not stripped:
                heading_role = ""
                continue
            line_role = _role(stripped)
            if stripped.endswith(":"):
                heading_role = line_role
            items = _items(stripped)
            for item in items:
                ids = self._known(item)
                if not ids:
                    linked.unrecognised += not stripped.endswith(":")  # a heading names no one
                    continue
                # the item's own words, else its line's when it is alone there, else the heading's
                role = _role(item) or (line_role if len(items) == 1 else "") or heading_role
                for actor_id in ids:
                    if any(a == actor_id and r == "party" for a, r in linked.actors):
                        continue  # a signatory is a party, whatever else the third-party list says
                    if role:
                        if (actor_id, role) not in linked.actors:
                            linked.actors.append((actor_id, role))
                    elif actor_id not in linked.without_role:
                        linked.without_role.append(actor_id)
        return linked


def _items(text: str) -> list[str]:
    return [item.strip() for item in _SPLIT.split(text) if item.strip()]


def _role(text: str) -> str:
    return next((role for role, words in ROLE_WORDS if words.search(text)), "")
