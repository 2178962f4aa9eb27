"""Readable columns for the records on screen: who took part in what role, and which articles say so.

They are computed for the rows a view shows (a page of a table, the events
drawn one by one, the overview's cards), not for the whole dataset at load:
at 100,000 events that text would cost a fifth of the load time and nobody
reads it all at once.
"""

from __future__ import annotations

import pandas as pd

from dashboard.dataset.columns import explode_list, isin, joined, lookup
from dashboard.dataset.loader import Dataset
from dashboard.dataset.schema import ROLES, THIRD_PARTY_ROLES

# The column holding the names of the actors in each role: party -> parties, mediator -> mediators, ...
ROLE_COLUMNS = {role: ("parties" if role == "party" else role + ("es" if role.endswith("s") else "s")) for role in ROLES}


def describe_events(events: pd.DataFrame, event_actors: pd.DataFrame,
                    citations: pd.DataFrame | None = None) -> pd.DataFrame:
    """`events` with a column per role naming its actors in the order written (`parties`: "Russia, Ukraine"),
    `third_parties` ("Türkiye (mediator, host, facilitator)"), and, given the citations, `sources`
    (the titles of the articles citing each event)."""
    events = events.copy(deep=False)
    actors = event_actors[isin(event_actors["event_id"], events["event_id"])]
    by_role = joined(actors["name"], [actors["event_id"], actors["role"]], ", ").unstack() if len(actors) else None
    for role in ROLES:
        names = by_role[role].dropna() if by_role is not None and role in by_role else pd.Series(dtype="str")
        events[ROLE_COLUMNS[role]] = lookup(events["event_id"], names)
    third = actors[isin(actors["role"], THIRD_PARTY_ROLES)]
    labels = pd.Series(dtype="str")
    if len(third):  # roles in the order written, names in alphabetical order
        roles = joined(third["role"], [third["event_id"], third["name"]], ", ").rename("role").reset_index()
        roles["label"] = roles["name"] + " (" + roles["role"] + ")"
        labels = joined(roles["label"], roles["event_id"], "; ")
    events["third_parties"] = lookup(events["event_id"], labels)
    if citations is not None:
        events["sources"] = lookup(events["event_id"], source_titles(citations, "event", events["event_id"]))
    return events


def readable_events(data: Dataset, events: pd.DataFrame) -> pd.DataFrame:
    """`events` (rows of `data`'s events) with the readable columns of `describe_events`, sources included, and
    `related`: the events recorded as the same happening."""
    out = describe_events(events, data.event_actors, data["citations"])
    out["related"] = lookup(out["event_id"], related_titles(data["events"], out["event_id"]))
    return out


def related_titles(all_events: pd.DataFrame, event_ids: pd.Series) -> pd.Series:
    """Per event id, the titles of the events linked to it in `related_events`, whichever of the two names the
    other (an imported agreement names the curated signing; the signing shows the agreement too)."""
    if "related_events" not in all_events or not all_events["related_events"].ne("").any():
        return pd.Series(dtype="str")
    linking = all_events[all_events["related_events"].ne("")]
    items = explode_list(linking["related_events"], ";").str.strip()
    a = linking.loc[items.index, "event_id"].to_numpy()
    pairs = pd.DataFrame({"event_id": [*a, *items], "other": [*items, *a]}).drop_duplicates()
    pairs = pairs[isin(pairs["event_id"], event_ids)]
    titles = all_events.set_index("event_id")["title"]
    pairs["title"] = lookup(pairs["other"], titles[~titles.index.duplicated()]).where(lambda t: t.ne(""),
                                                                                        pairs["other"])
    return joined(pairs["title"] + " (" + pairs["other"] + ")", pairs["event_id"], "; ") if len(pairs) else \
        pd.Series(dtype="str")


def source_titles(citations: pd.DataFrame, record_type: str, record_ids: pd.Series) -> pd.Series:
    """Per record id, the titles of the articles citing it (or the dataset rows it comes from), each once, joined
    by "; "."""
    cited = citations[(citations["record_type"] == record_type) & isin(citations["record_id"], record_ids)]
    cited = cited.drop_duplicates(["record_id", "source_id"])
    if cited.empty:
        return pd.Series(dtype="str")
    # a dataset row is named as the row it is ("from PA-X v10, agreement 1234"), an article by its title
    names = cited["from_dataset"].where(cited["from_dataset"].ne(""), cited["source_title"]) \
        if "from_dataset" in cited else cited["source_title"]
    return joined(names, cited["record_id"], "; ")
