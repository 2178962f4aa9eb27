"""Which negotiation process an article belongs to.

An existing process is proposed when the article's sides, go-betweens and venues match those of the
process's recorded events; otherwise a new process named from its sides ("Bolivia–Chile talks").
The proposal says why, and a weak match is never proposed: a new article must not fall silently into
an unrelated process.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from dashboard.extract.mentions import slug
from dashboard.extract.result import Event

MIN_SCORE = 2.0  # at least one shared side and one more shared actor or venue


def propose_process(events: list[Event], names: dict[str, str], processes: pd.DataFrame | None,
                    recorded: pd.DataFrame | None) -> dict:
    """{'process_id', 'name', 'conflict', 'new', 'score', 'why'} for the article whose proposed events are `events`.

    For a new process, `name` and `conflict` are drafts made from the sides, for the curator to edit."""
    parties = Counter(p for e in events for p in e.parties)
    third = Counter(t for e in events for t in e.mediators)
    venues = {e.venue_city for e in events if e.venue_city}
    ranked = []
    if processes is not None and recorded is not None and not processes.empty and not recorded.empty:
        for process_id, group in recorded.groupby("process_id"):
            per_event = [{r.split(":")[0].strip(): r.split(":")[1].strip() for r in str(cell).split(";") if ":" in r}
                         for cell in group["actors"].fillna("")]
            their_parties = {a for roles in per_event for a, role in roles.items() if role == "party"}
            their_third = {a for roles in per_event for a, role in roles.items() if role != "party"}
            shared_parties = set(parties) & their_parties
            shared_third = set(third) & their_third
            shared_venues = venues & set(group["venue_city"].fillna(""))
            score = 1.5 * len(shared_parties) + len(shared_third) + 0.5 * len(shared_venues)
            if not shared_parties or score < MIN_SCORE:
                continue
            # on a tie, the process in which these sides have met most often
            support = sum(1 for roles in per_event if shared_parties & set(roles))
            why = [f"shared sides: {', '.join(sorted(names.get(a, a) for a in shared_parties))}"]
            if shared_third:
                why.append(f"shared go-betweens: {', '.join(sorted(names.get(a, a) for a in shared_third))}")
            if shared_venues:
                why.append(f"shared venues: {', '.join(sorted(shared_venues))}")
            why.append(f"{support} recorded event(s) with these sides")
            ranked.append((score, support, process_id, "; ".join(why)))
    if ranked:
        ranked.sort(reverse=True)
        score, _, process_id, why = ranked[0]
        label = dict(zip(processes["process_id"], processes["name"]))
        if len(ranked) > 1 and ranked[1][0] == score:
            why += f"; as close: {label.get(ranked[1][2], ranked[1][2])}"
        conflict = dict(zip(processes["process_id"], processes.get("conflict", pd.Series(dtype=str)))).get(process_id, "")
        return {"process_id": process_id, "name": label.get(process_id, process_id), "conflict": conflict, "new": False,
                "score": score, "why": why}
    sides = [names.get(a, a) for a, _ in parties.most_common(3)]
    if sides:
        name = "–".join(sorted(sides)) + " talks"
        conflict = "–".join(sorted(sides)) + " conflict"
        why = "no recorded process shares its sides; named from the sides it proposes"
    else:
        name, conflict = "New negotiation process", ""
        why = "no sides found: name the process and its conflict yourself"
    return {"process_id": slug(name), "name": name, "conflict": conflict, "new": True, "score": 0.0, "why": why}
