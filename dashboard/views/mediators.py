"""Mediators and venues: who mediates, hosts or facilitates which process, and where the talks meet."""

import pandas as pd
import streamlit as st

from dashboard.analysis.network import third_party_links, venue_rounds
from dashboard.extract.gazetteer import gazetteer
from dashboard.outputs.chart_summaries import network_summary, venue_summary
from dashboard.outputs.network_figures import MAX_ACTORS, mediators_figure, venue_map_figure
from dashboard.ui import downloads, paging
from dashboard.ui.safe_text import md, no_match
from dashboard.ui.state import context

MAX_NAMED = 20  # unplaced venues named in the caption; the table lists them all


def _country_codes(actors: pd.DataFrame) -> dict[str, str]:
    """A state's name and aliases -> its ISO alpha-3 code, from the registry ("Türkiye" -> TUR)."""
    states = actors[actors["country_code"].ne("")]
    codes = {}
    for name, aliases, code in zip(states["name"], states["aliases"], states["country_code"]):
        for form in [name, *(a.strip() for a in aliases.split(";"))]:
            codes.setdefault(form, code)
    return codes


def _placed(venues: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The venues with coordinates from the gazetteer the extraction assistant uses (NaN where unknown)."""
    gaz, codes = gazetteer(), _country_codes(actors)
    found = [gaz.locate(city, country, codes.get(country, ""))
             for city, country in zip(venues["venue_city"], venues["venue_country"])]
    return venues.assign(latitude=[c.latitude if c else None for c in found],
                         longitude=[c.longitude if c else None for c in found])


ctx = context()
data = ctx.data
names = data.process_names
st.title("Mediators and venues")
st.caption("Third parties (mediators, hosts, facilitators) of each process, weighted by the events they served "
           "in, and the places where rounds met. The sidebar's filters apply.")
events = ctx.events
if events.empty:
    no_match("event")
    st.stop()

st.subheader("Who mediates, hosts or facilitates which process")
links = third_party_links(events, data.event_actors)
if links.empty:
    st.info("No event in view names a mediator, host or facilitator.", icon=":material/info:")
else:
    actors = links["actor_id"].nunique()
    if actors > MAX_ACTORS:
        st.caption(f"The {MAX_ACTORS} busiest of {actors} are drawn; the table below lists them all.")
    downloads.chart(mediators_figure(links, names), "mediators", "network",
                    network_summary(links, names) + " The table below lists every link.")
    with st.expander("The network as a table"):
        table = links.assign(process=links["process_id"].map(names))[["process", "name", "roles", "events"]]
        st.dataframe(paging.page_of(table, "network-page"), hide_index=True, width="stretch",
                     column_config={"process": "Process", "name": "Third party", "roles": "Roles", "events": "Events"})
        downloads.table(table, "mediators", "Download the network", "download-network")

st.subheader("Where talks meet")
venues = venue_rounds(events)
if venues.empty:
    st.info("No event in view names the city it met in.", icon=":material/info:")
else:
    venues = _placed(venues, data["actors"])
    unplaced = venues[venues["latitude"].isna()]
    downloads.chart(venue_map_figure(venues, names), "mediators", "venue-map",
                    venue_summary(venues) + " The table below lists every venue.")
    if len(unplaced):
        named = "; ".join(f"{c}, {k}" for c, k in zip(unplaced["venue_city"].head(MAX_NAMED),
                                                       unplaced["venue_country"].head(MAX_NAMED)))
        more = f" and {len(unplaced) - MAX_NAMED:,} more (see the table)" if len(unplaced) > MAX_NAMED else ""
        st.caption(md(f"Not on the map (the gazetteer does not know the place): {named}{more}"))
    with st.expander("The venues as a table"):
        table = venues.assign(processes=[", ".join(names.get(i, i) for i in p.split(", ")) for p in venues["processes"]])
        st.dataframe(paging.page_of(table, "venues-page"), hide_index=True, width="stretch",
                     column_config={"venue_city": "City", "venue_country": "Country", "rounds": "Rounds met",
                                    "events": "Events", "processes": "Processes", "latitude": "Latitude",
                                    "longitude": "Longitude"})
        downloads.table(table, "venues", "Download the venues", "download-venues")
