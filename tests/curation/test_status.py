"""An event's status changed by a save: the record changed in place, every other byte kept, the change cited."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.analysis.changes import changes_since
from dashboard.curation.change import Change, ChangeError, update_rows
from dashboard.curation.file_store import FileStore
from dashboard.curation.status import status_change
from dashboard.curation.store import SaveError
from dashboard.dataset.loader import load_dataset

QUOTE = "if negotiations take longer than 6 weeks, the cease-fire will continue"  # src-008, verbatim


def test_update_rows_rewrites_only_the_record_it_changes():
    before = (b'event_id,title,status\r\na,"First, with a comma",announced\r\nb,"Two\r\nlines",announced\r\n'
              b'c,Third,held')
    after = update_rows(before, "events", {"b": {"status": "held"}, "c": {"status": "cancelled"}})
    assert after.decode() == ('event_id,title,status\r\na,"First, with a comma",announced\r\nb,"Two\r\nlines",held\r\n'
                              "c,Third,cancelled")
    with pytest.raises(ChangeError, match="no record zzz"):
        update_rows(before, "events", {"zzz": {"status": "held"}})
    with pytest.raises(ChangeError, match="no column colour"):
        update_rows(before, "events", {"a": {"colour": "red"}})


def test_a_status_change_is_saved_cited_and_shows_as_changed_since(folder):
    folder.set("events", "event_id", "ih-2025-phase-two-talks", recorded="2025-01-20")  # SYNTHETIC: recorded then
    data = load_dataset(folder.data, folder.seeds)
    other_lines = [line for line in (folder.data / "events.csv").read_text(encoding="utf-8").splitlines()
                   if not line.startswith("ih-2025-phase-two-talks,")]
    day = dt.date(2025, 3, 3)
    added = FileStore(folder.data, folder.seeds).save(
                       lambda d: status_change(d, "ih-2025-phase-two-talks", "postponed", "src-008", QUOTE, day))
    assert added == {"citations": 1, "events changed": 1}
    after = load_dataset(folder.data, folder.seeds)
    assert after.errors == []
    event = after["events"].set_index("event_id").loc["ih-2025-phase-two-talks"]
    assert (event["status"], event["previous_status"], event["status_changed"]) == ("postponed", "announced", "2025-03-03")
    assert event["recorded"] == "2025-01-20"  # when it was first recorded: unchanged
    lines = (folder.data / "events.csv").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("ih-2025-phase-two-talks,")] == other_lines
    cited = after["citations"][after["citations"]["record_id"].eq("ih-2025-phase-two-talks")]
    assert QUOTE in set(cited["quote"])
    changes = changes_since(after.tables, dt.date(2025, 3, 1), dt.date(2026, 11, 26))
    assert list(changes.status_changed()["event_id"]) == ["ih-2025-phase-two-talks"]
    assert data["events"].set_index("event_id").loc["ih-2025-phase-two-talks", "status"] == "announced"


def test_a_status_change_nobody_can_trace_writes_nothing(folder):
    def tables() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in folder.data.glob("*.csv")}

    snapshot = tables()
    with pytest.raises(SaveError) as refused:
        FileStore(folder.data, folder.seeds).save(lambda d: status_change(
            d, "ih-2025-phase-two-talks", "held", "src-008", "SYNTHETIC words no article holds"))
    assert any(p.field == "quote" for p in refused.value.problems)
    for message, args in (("no event", ("no-such-event", "held")), ("already announced", ("ih-2025-phase-two-talks",
                                                                                           "announced"))):
        with pytest.raises(SaveError, match=message):
            FileStore(folder.data, folder.seeds).save(lambda d, a=args: status_change(d, *a, "src-008", QUOTE))
    assert tables() == snapshot
    assert Change(updates={"events": {}}).is_empty()
