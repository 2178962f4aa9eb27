import datetime as dt
import io
import zipfile

import pandas as pd
import pytest

from dashboard.curation.file_store import FileStore
from dashboard.curation.review import build_change, change_as_zip, event_rows, new_actor_rows, position_rows
from dashboard.dataset.loader import load_dataset
from dashboard.extract import extract_article

SYNTHETIC = ("SYNTHETIC TEST ARTICLE. Russia and Ukraine will hold talks in Geneva on 3 June, mediated by Türkiye. "
             "Ukrainian officials said they will never accept territorial concessions. "
             "Special Envoy Maria Lund said the talks could last a week.")


@pytest.fixture
def proposals(folder):
    ds = load_dataset(folder.data, folder.seeds)
    result = extract_article(SYNTHETIC, ds["actors"], dt.date(2025, 5, 20))
    return ds, result


def test_proposals_become_accepted_rows_with_drafts_for_every_required_field(proposals):
    ds, result = proposals
    events = event_rows(result, "russia-ukraine")
    assert events.loc[0, "accept"] and events.loc[0, "start_date"] == "2025-06-03"
    # a special envoy who speaks of the talks is proposed as a go-between too, for the curator to confirm
    assert events.loc[0, "actors"] == "russia:party; ukraine:party; turkiye:mediator; maria-lund:mediator"
    positions = position_rows(result, "russia-ukraine")
    red = positions[positions["red_line"]]
    assert list(red["actor_id"]) == ["ukraine"] and list(red["issue_id"]) == ["territory"]
    actors = new_actor_rows(result)
    assert list(actors["name"]) == ["Maria Lund"] and list(actors["actor_id"]) == ["maria-lund"]


def test_change_has_unique_ids_and_a_citation_per_record_and_validates(proposals, folder):
    ds, result = proposals
    events = event_rows(result, "russia-ukraine")
    events = pd.concat([events, events], ignore_index=True)  # the same event twice
    positions = position_rows(result, "russia-ukraine")
    actors = new_actor_rows(result).assign(accept=True)
    change = build_change(ds, "src-000", events, positions, actors)
    ids = [r["event_id"] for r in change.rows["events"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert len(change.rows["citations"]) == len(change.rows["events"]) + len(change.rows["positions"])
    assert {c["source_id"] for c in change.rows["citations"]} == {"src-000"}
    assert change.rows["actors"][0]["actor_id"] == "maria-lund"
    # the quotes come from the synthetic text, not from src-000: the loader's own check refuses them
    problems = FileStore(folder.data, folder.seeds).validate(change)
    assert problems and all(p.field == "quote" or p.field == "citations" for p in problems)


def test_zip_of_proposals_holds_one_csv_per_table(proposals):
    ds, result = proposals
    change = build_change(ds, "src-000", event_rows(result, "russia-ukraine"), position_rows(result, "russia-ukraine"),
                          new_actor_rows(result))
    with zipfile.ZipFile(io.BytesIO(change_as_zip(change))) as archive:
        names = set(archive.namelist())
        assert {"events.csv", "positions.csv", "citations.csv"} <= names
        assert archive.read("events.csv").decode().startswith("event_id,process_id,title")
