"""The curated seed dataset holds what the articles say, and nothing they do not."""

from pathlib import Path

import pytest

from dashboard.analysis.describe import readable_events
from dashboard.dataset.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_every_seed_article_is_a_source_and_the_headerless_one_has_no_invented_metadata(ds):
    sources = ds["sources"].set_index("seed_file")
    assert set(sources.index) == {p.name for p in (REPO / "seeds").glob("*.txt")}
    headerless = sources.loc["000_413ab4be917e9cfd.txt"]
    assert headerless["published"] == "" and headerless["url"] == "" and headerless["outlet"] == ""
    for name, row in sources.iterrows():
        header = ds.articles[row["source_id"]].header
        if header:
            assert header["published"].startswith(row["published"]), name
            assert header["source"].startswith(row["url"]), name


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="shared/seeds is not beside this checkout")
def test_seed_files_are_unchanged_copies():
    for path in SHARED_SEEDS.glob("*.txt"):
        assert (REPO / "seeds" / path.name).read_bytes() == path.read_bytes(), path.name


def test_istanbul_round_is_one_event_announced_for_15_and_held_16_may(ds):
    events = readable_events(ds, ds["events"]).set_index("event_id")
    istanbul = events.loc["ru-ua-2025-05-istanbul-round"]
    assert str(istanbul["announced"].date()) == "2025-05-15" and str(istanbul["start"].date()) == "2025-05-16"
    assert istanbul["venue"] == "Istanbul, Türkiye" and "Türkiye" in istanbul["mediators"]
    cited = ds["citations"][ds["citations"]["record_id"] == "ru-ua-2025-05-istanbul-round"]
    assert set(cited["source_id"]) == {"src-000", "src-001", "src-002", "src-003"}


def test_2022_talks_and_grain_deal_are_recorded(ds):
    events = ds["events"].set_index("event_id")
    assert events.loc["ru-ua-2022-istanbul-talks", "date_precision"] == "month"
    assert events.loc["bsg-2022-07-deal", "type"] == "agreement_signed"
    assert events.loc["bsg-2023-07-russia-suspends", "type"] == "agreement_suspended"


def test_territorial_red_lines_and_eu_un_support(ds):
    positions = ds["positions"].set_index("position_id")
    assert positions.loc["pos-russia-territory-2025-05", ["stance", "red_line"]].tolist() == ["demands", True]
    assert positions.loc["pos-ukraine-territory-2025-05", ["stance", "red_line"]].tolist() == ["rejects", True]
    supporters = set(positions[positions["issue_id"] == "talks_format"]["actor_id"])
    assert {"european-union", "united-nations"} <= supporters


def test_every_record_is_cited_with_a_quote_found_in_its_article(ds):
    citations = ds["citations"]
    assert citations["quote_start"].notna().all()
    for record_type, table, key in (("event", "events", "event_id"), ("position", "positions", "position_id")):
        cited = set(citations.loc[citations["record_type"] == record_type, "record_id"])
        assert set(ds[table][key]) <= cited
    for _, c in citations.iterrows():
        text = ds.articles[c["source_id"]].text
        assert text[c["quote_start"]:c["quote_end"]]
