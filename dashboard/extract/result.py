"""The assistant's output as typed records, and the JSON they are written as (documented in data/README.md).

Every proposal carries the words it rests on (`cue`, `evidence`) and the construction that read them
(`construction`: "passive: facilitated by", "between A and B", …), so a curator sees why it was made.
`Proposals.to_json()` gives the plain JSON the command line prints and the Curate view reads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Evidence:
    """A verbatim slice of the article: `text == article[start:end]`; with the date's own words when it has one."""

    text: str
    start: int
    end: int
    date_text: str | None = None
    date_start: int | None = None
    date_end: int | None = None

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class ProposalReason:
    """Why a part of a proposal is as it is: what it is about, the construction, and the words."""

    about: str  # "date", "venue", "event", "merged"
    construction: str
    words: str


@dataclass
class Role:
    """A third party of an event: mediator, host, facilitator, guarantor, observer or witness."""

    actor: str
    role: str
    alias: str  # the words naming the actor, as written
    cue: str  # the words that gave the role
    construction: str  # "passive: mediated by", "agentive compound: X-brokered", "title: Special Envoy", …
    via: str = ""  # a person's role reaches the actor they act for: the person's id; or the actor a person acts for


@dataclass
class Side:
    """A side of an event, and the words that name it as one."""

    actor: str
    cue: str
    construction: str  # "between A and B", "A and B signed", "delegation of A", …
    alias: str = ""


@dataclass
class Mentioned:
    """An actor an article names near its talks that no construction makes a side or a go-between."""

    actor: str
    name: str
    alias: str
    kind: str
    why: str


@dataclass
class MentionRecord:
    actor: str | None
    name: str
    alias: str
    start: int
    end: int
    new: bool
    kind: str
    cue: str


@dataclass
class Event:
    date: str | None
    end_date: str | None
    precision: str | None
    date_inferred: bool
    background: bool
    status: str
    type: str
    venue_city: str | None
    venue_country: str | None
    venue_cue: str | None
    evidence: Evidence
    venue_construction: str | None = None
    parties: list[str] = field(default_factory=list)
    party_cues: list[Side] = field(default_factory=list)
    third_parties: list[Role] = field(default_factory=list)
    also_evidence: list[Evidence] = field(default_factory=list)
    reasons: list[ProposalReason] = field(default_factory=list)

    @property
    def mediators(self) -> list[str]:
        return sorted({t.actor for t in self.third_parties})

    def add_role(self, role: Role) -> None:
        if role.actor and not any(t.actor == role.actor and t.role == role.role for t in self.third_parties):
            self.third_parties.append(role)

    def add_side(self, side: Side) -> None:
        if side.actor not in self.parties:
            self.parties.append(side.actor)
        if not any(c.actor == side.actor and c.cue == side.cue for c in self.party_cues):
            self.party_cues.append(side)

    def to_json(self) -> dict:
        return {
            "date": self.date, "end_date": self.end_date, "precision": self.precision,
            "date_inferred": self.date_inferred, "background": self.background, "status": self.status,
            "type": self.type, "venue_city": self.venue_city, "venue_country": self.venue_country,
            "venue_cue": self.venue_cue, "venue_construction": self.venue_construction,
            "parties": list(self.parties), "party_cues": [asdict(c) for c in self.party_cues],
            "mediators": self.mediators, "third_parties": [asdict(t) for t in self.third_parties],
            "evidence": self.evidence.to_json(), "also_evidence": [e.to_json() for e in self.also_evidence],
            "reasons": [asdict(r) for r in self.reasons],
        }


@dataclass
class Position:
    actor: str | None
    speaker: str | None
    issue: str | None
    stance: str
    red_line: bool
    cue: str
    holder_alias: str
    quote: str
    start: int
    end: int
    proposition: dict | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Proposals:
    """Everything the assistant proposes for one article."""

    reference_date: str | None
    reference: str
    events: list[Event]
    positions: list[Position]
    mentions: list[MentionRecord]
    places: list[dict]
    new_actors: list[dict]
    mentioned: list[Mentioned]
    process: dict | None
    errors: list[dict]

    def to_json(self) -> dict:
        return {
            "reference_date": self.reference_date, "reference": self.reference,
            "events": [e.to_json() for e in self.events],
            "positions": [p.to_json() for p in self.positions],
            "mentions": [asdict(m) for m in self.mentions],
            "places": self.places, "new_actors": self.new_actors,
            "mentioned": [asdict(m) for m in self.mentioned],
            "process": self.process, "errors": self.errors,
        }
