"""A change of an event's status (an announced round held, postponed or cancelled), backed by a quote.

The event's record is changed in place (`status`; `previous_status` and `status_changed` say what it was
and when it changed, for "what changed since"), and a citation ties the change to the words that report it.
The loader checks the quote against its article like every other quote, so a change nobody can trace is
refused. On a team's database the old row is kept, withdrawn by the save, and a revert brings it back.
"""

from __future__ import annotations

import datetime as dt

from dashboard.curation.change import Change
from dashboard.curation.review import next_citation_number, taken_ids
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import Dataset
from dashboard.dataset.schema import EVENT_STATUSES


def status_change(data: Dataset, event_id: str, status: str, source_id: str, quote: str,
                  day: dt.date | None = None) -> Change:
    """The change that sets `event_id`'s status to `status` on `day` (today), cited by `quote` from `source_id`.

    Built against `data` as it is when the save runs (a store calls it under its lock), so the citation id is
    the next free one and the status before is the one in force then."""
    events = data["events"].set_index("event_id")
    if event_id not in events.index:
        raise SaveError(f"not saved: there is no event {event_id}")
    if status not in EVENT_STATUSES:
        raise SaveError(f"not saved: '{status}' is not a status; use one of {', '.join(EVENT_STATUSES)}")
    before = events.at[event_id, "status"]
    if status == before:
        raise SaveError(f"nothing to save: {event_id} is already {status}")
    if not quote.strip():
        raise SaveError("not saved: quote the words that report the change, from an article in the dataset")
    day_text = (day or dt.date.today()).isoformat()
    citation_id = f"cit-{next_citation_number(taken_ids(data, 'citations')):03d}"
    return Change(
        rows={"citations": [{"citation_id": citation_id, "record_type": "event", "record_id": event_id,
                             "source_id": source_id, "quote": quote.strip(), "recorded": day_text}]},
        updates={"events": {event_id: {"status": status, "previous_status": before, "status_changed": day_text}}},
    )
