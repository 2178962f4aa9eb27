"""What every rule may read about the article in hand: its text, names, places, "today" and date line.

Built once per article by `assistant.extract`, then only read by the rule modules (`events`, `relations`,
`sides`, `venues`, `positions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dashboard.extract.mentions import ActorMatcher, Mention, Place


@dataclass
class ArticleContext:
    text: str
    matcher: ActorMatcher
    mentions: list[Mention]
    places: list[Place]
    reference: dt.date | None
    frames: list[tuple[int, dt.date]] = field(default_factory=list)  # (offset, what "today" means from there on)
    dateline: Place | None = None  # the city a date line names ("NAIROBI, March 1 —")
    dateline_end: int = 0  # where the date line ends: the lead starts after it
    issuers: list[Mention] = field(default_factory=list)  # who issued the statement ("Statement by X", "X said")

    def reference_at(self, offset: int) -> dt.date | None:
        """The day "today" means at `offset`: a quoted speech dated "yesterday said:" shifts it."""
        today = self.reference
        for start, day in self.frames:
            if start <= offset:
                today = day
        return today

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def side_of(self, m: Mention) -> str:
        """The actor a mention stands for as a side or a go-between: a person stands for whom they act for."""
        if m.kind == "person":  # a person the text ties to no actor stands for themselves
            return self.matcher.affiliation(m.actor_id) or m.actor_id or ""
        return m.actor_id or ""

    def title_of(self, m: Mention) -> str:
        """A person's title as the text or the registry gives it ("Special Envoy"), else ''."""
        return self.matcher.title(m.actor_id)
