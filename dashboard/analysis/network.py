"""Who mediates, hosts or facilitates which process, and where talks meet: the tables behind the network and
the venue map. Coordinates are not added here (the gazetteer belongs to the extraction layer): the view
places each venue with `dashboard/extract/gazetteer.locate`."""

from __future__ import annotations

import pandas as pd

from dashboard.dataset.columns import isin
from dashboard.dataset.schema import THIRD_PARTY_ROLES

# A meeting took place when its status says so; announced, postponed and cancelled rounds did not meet.
MET = ("held", "suspended")
MEETING_TYPES = ("talks_round", "summit")


def third_party_links(events: pd.DataFrame, event_actors: pd.DataFrame) -> pd.DataFrame:
    """One row per (process, third-party actor): events (how many events it served in), roles (in the
    order of THIRD_PARTY_ROLES, joined), most events first."""
    columns = ["process_id", "actor_id", "name", "events", "roles"]
    roles = event_actors[isin(event_actors["role"], THIRD_PARTY_ROLES) & isin(event_actors["event_id"], events["event_id"])]
    if roles.empty:
        return pd.DataFrame(columns=columns)
    roles = roles.merge(events[["event_id", "process_id"]], on="event_id")
    order = {role: i for i, role in enumerate(THIRD_PARTY_ROLES)}
    grouped = roles.groupby(["process_id", "actor_id", "name"], sort=False)
    links = grouped.agg(events=("event_id", "nunique"),
                        roles=("role", lambda r: ", ".join(sorted(set(r), key=order.get)))).reset_index()
    return links.sort_values(["events", "name", "actor_id", "process_id"], ascending=[False, True, True, True]
                             ).reset_index(drop=True)[columns]


def venue_rounds(events: pd.DataFrame) -> pd.DataFrame:
    """One row per venue (city, country) with `rounds` (rounds and summits that met there), `events` (every
    event recorded there) and `processes` (their ids, joined); most rounds first. Events with no city are
    left out (a country alone is no place on a map)."""
    located = events[events["venue_city"].ne("")]
    columns = ["venue_city", "venue_country", "rounds", "events", "processes"]
    if located.empty:
        return pd.DataFrame(columns=columns)
    met = isin(located["type"], MEETING_TYPES) & isin(located["status"], MET)
    venues = located.assign(met=met).groupby(["venue_city", "venue_country"], sort=False).agg(
        rounds=("met", "sum"), events=("event_id", "size"),
        processes=("process_id", lambda p: ", ".join(dict.fromkeys(p)))).reset_index()
    venues["rounds"] = venues["rounds"].astype(int)
    return venues.sort_values(["rounds", "events", "venue_city", "venue_country"], ascending=[False, False, True, True]
                              ).reset_index(drop=True)[columns]
