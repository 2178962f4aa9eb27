import datetime as dt

import pytest

from dashboard.analysis.filters import Filters, filter_events, filter_positions
from dashboard.dataset.loader import load_dataset


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def events(ds, **kw):
    return set(filter_events(ds["events"], ds.event_actors, ds["actors"], Filters(**kw))["event_id"])


def test_no_filter_keeps_everything(ds):
    assert events(ds) == set(ds["events"]["event_id"])
    assert not Filters().active


def test_process_type_and_status_filters(ds):
    assert events(ds, processes=("black-sea-grain",)) == {"bsg-2022-07-deal", "bsg-2023-07-russia-suspends"}
    assert events(ds, event_types=("call",)) == {"ru-ua-2025-05-rubio-fidan-call", "ru-ua-2025-05-rubio-lavrov-call"}
    assert events(ds, statuses=("announced",)) == {"ih-2025-phase-two-talks"}
    assert events(ds, statuses=("suspended",), event_types=("call",)) == set()


def test_date_range_keeps_windows_that_overlap(ds):
    # the 2022 Istanbul talks are known only to March 2022: a range from mid-March still includes them
    assert "ru-ua-2022-istanbul-talks" in events(ds, start=dt.date(2022, 3, 20), end=dt.date(2022, 4, 30))
    assert "ru-ua-2022-istanbul-talks" not in events(ds, start=dt.date(2022, 4, 1))
    assert events(ds, start=dt.date(2025, 5, 17), end=dt.date(2025, 5, 17)) == {
        "ru-ua-2025-05-rubio-lavrov-call", "ru-ua-2025-05-turkiye-mediation"}


def test_actor_filter_includes_roles_and_affiliated_people(ds):
    assert "ru-ua-2025-05-istanbul-round" in events(ds, actors=("turkiye",))
    assert "eth-2022-11-pretoria-cessation" in events(ds, actors=("kenyatta",))
    assert "eth-2022-11-pretoria-cessation" in events(ds, actors=("african-union",))  # Obasanjo belongs to the AU
    positions = filter_positions(ds["positions"], ds["actors"], Filters(actors=("russia",)))
    assert set(positions["actor_id"]) == {"russia"}
    by_speaker = filter_positions(ds["positions"], ds["actors"], Filters(actors=("marco-rubio",)))
    assert set(by_speaker["speaker_id"]) == {"marco-rubio"}
