"""The filters shared by all views, in the sidebar and in the URL.

Each widget is bound to a query parameter (`bind="query-params"`), so a copied
link opens the same filtered view: `?process=…&actor=…&type=…&status=…&from=…&to=…`.
A value at its default is left out of the URL.
"""

from __future__ import annotations

import streamlit as st

from dashboard.analysis.filters import URL_KEYS, Filters
from dashboard.dataset.loader import Dataset
from dashboard.dataset.schema import EVENT_STATUSES, EVENT_TYPES


def _date_bounds(data: Dataset):
    starts = [data["events"]["window_start"].min(), data["positions"]["window_start"].min()]
    ends = [data["events"]["window_end"].max(), data["positions"]["window_end"].max()]
    starts = [d for d in starts if d == d and d is not None]
    ends = [d for d in ends if d == d and d is not None]
    if not starts or not ends:
        return None, None
    return min(starts).date(), max(ends).date()


_BOUNDS_KEY = "_parley_date_bounds"  # the data's first and last day when this session's date filter was last drawn


def _follow_the_data(lo, hi) -> None:
    """Keep an untouched date filter at the data's bounds. A date widget keeps its value when its bounds change, so a
    "To" left at the old last day would hide a record saved since with a later date, though the reader never chose
    that day. A date the reader moved stays (brought inside the new bounds if the data shrank past it)."""
    old = st.session_state.get(_BOUNDS_KEY)
    st.session_state[_BOUNDS_KEY] = (lo, hi)
    if old is None or old == (lo, hi):
        return
    for key, old_bound, bound in ((URL_KEYS["start"], old[0], lo), (URL_KEYS["end"], old[1], hi)):
        value = st.session_state.get(key)
        if value is None:
            continue
        if value == old_bound:
            st.session_state[key] = bound
        elif not lo <= value <= hi:
            st.session_state[key] = min(max(value, lo), hi)


def _clear() -> None:
    for key in URL_KEYS.values():
        st.session_state.pop(key, None)


def filter_sidebar(data: Dataset) -> Filters:
    processes = data.process_names
    actors = data["actors"].sort_values(["name", "actor_id"])
    actor_names = dict(zip(actors["actor_id"], actors["name"]))
    with st.sidebar:
        st.header("Filters")
        chosen_processes = st.multiselect(
            "Process", list(processes), format_func=lambda p: processes.get(p, p), key=URL_KEYS["processes"],
            bind="query-params", placeholder="All processes")
        lo, hi = _date_bounds(data)
        start = end = None
        if lo is not None:
            _follow_the_data(lo, hi)
            start = st.date_input("From", value=lo, min_value=lo, max_value=hi, key=URL_KEYS["start"],
                                    bind="query-params", format="YYYY-MM-DD")
            end = st.date_input("To", value=hi, min_value=lo, max_value=hi, key=URL_KEYS["end"],
                                  bind="query-params", format="YYYY-MM-DD")
        chosen_actors = st.multiselect(
            "Actors", list(actor_names), format_func=lambda a: actor_names.get(a, a), key=URL_KEYS["actors"],
            bind="query-params", placeholder="All actors",
            help="Events and positions involving any of these actors, or people who belong to them.")
        chosen_types = st.multiselect(
            "Event types", list(EVENT_TYPES), format_func=lambda t: t.replace("_", " "), key=URL_KEYS["event_types"],
            bind="query-params", placeholder="All types")
        chosen_statuses = st.multiselect(
            "Status", list(EVENT_STATUSES), key=URL_KEYS["statuses"], bind="query-params", placeholder="Any status")
        st.button("Clear filters", width="stretch", on_click=_clear)
    return Filters(
        processes=tuple(chosen_processes),
        start=start if start and start != lo else None,
        end=end if end and end != hi else None,
        actors=tuple(chosen_actors),
        event_types=tuple(chosen_types),
        statuses=tuple(chosen_statuses),
    )
