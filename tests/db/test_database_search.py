"""PostgreSQL's full-text search gives the file back end's answers: same passages, same query language."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.analysis.search import MARK_END, MARK_START, SearchError, SearchIndex, parse_query
from dashboard.dataset.loader import load_dataset
from dashboard.db.search import TABLE, DatabaseSearch, SearchNotWritable
from dashboard.db.store import DatabaseStore

REPO = Path(__file__).resolve().parents[2]
QUERIES = ['"realities on the ground"', "Istanbul NOT grain", "ceasefire OR truce", "negotiat*",
           "(Türkiye OR Turkey) AND host*", "Türkiye", "U.S. proposal", "30-day"]


@pytest.fixture
def imported(database):
    store = DatabaseStore.from_url(database)
    store.import_package(REPO / "data", REPO / "seeds")
    data, version = store.load()
    yield store, data, version
    store.engine.dispose()


def _hits(frame) -> list[tuple]:
    return sorted(zip(frame["text"], frame["kind"], frame["source_id"], frame["record_type"], frame["record_id"],
                      frame["citations"]))


@pytest.mark.parametrize("query", QUERIES)
def test_the_database_finds_what_the_file_index_finds(imported, query):
    store, data, version = imported
    database = DatabaseSearch(store, data, version.digest).search(query, 500)
    files = SearchIndex.build(load_dataset()).search(query, 500)
    assert len(files) > 0, query
    assert _hits(database) == _hits(files), query


def test_the_phrase_from_the_seed_finds_its_sentence_and_the_records_citing_it(imported):
    store, data, version = imported
    hits = DatabaseSearch(store, data, version.digest).search('"realities on the ground"')
    sentence = hits[hits["kind"].eq("sentence")].iloc[0]
    assert sentence["source_id"] == "src-000"
    assert f"{MARK_START}realities on the ground{MARK_END}" in sentence["text"]
    assert "cit-034" in sentence["citations"].split()


def test_no_match_and_a_malformed_query(imported):
    store, data, version = imported
    search = DatabaseSearch(store, data, version.digest)
    assert search.search("xylophone").empty and search.search("   ").empty
    with pytest.raises(SearchError, match="closing double quote"):
        search.search('"unclosed')
    with pytest.raises(SearchError, match="ends with an operator"):
        search.search("Istanbul OR")


def test_passages_are_written_once_per_version_and_an_old_version_is_replaced(imported):
    store, data, version = imported
    first = DatabaseSearch(store, data, version.digest)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text(f"SELECT count(*) FROM {TABLE}")).scalar() == first.size > 0
    DatabaseSearch(store, data, version.digest)  # a second session: nothing written twice
    DatabaseSearch(store, data, "another-version")
    with store.engine.connect() as conn:
        digests = conn.execute(sa.text(f"SELECT DISTINCT digest FROM {TABLE}")).scalars().all()
        assert digests == ["another-version"]
        assert conn.execute(sa.text(f"SELECT count(*) FROM {TABLE}")).scalar() == first.size


def test_a_read_only_connection_cannot_write_the_passages_and_says_so(imported, database):
    store, data, version = imported
    with store.engine.connect() as conn:
        conn.execute(sa.text("DROP ROLE IF EXISTS parley_search_reader"))
        conn.execute(sa.text("CREATE ROLE parley_search_reader LOGIN PASSWORD 'reader-test'"))
        conn.execute(sa.text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO parley_search_reader"))
        conn.commit()
    url = sa.engine.make_url(store.engine.url).set(username="parley_search_reader", password="reader-test")
    reader = DatabaseStore(sa.create_engine(url))
    try:
        with pytest.raises(SearchNotWritable):
            DatabaseSearch(reader, data, version.digest)
    finally:
        reader.engine.dispose()


def test_the_translation_of_the_query_language():
    assert parse_query('"realities on the ground"').tsquery == "(realities <-> on <-> the <-> ground)"
    assert parse_query("Istanbul NOT grain").tsquery == "istanbul & ! grain"
    assert parse_query("negotiat* Türkiye").tsquery == "negotiat:* & turkiye"
    assert parse_query("(a OR b) c").tsquery == "( a | b ) & c"
    assert parse_query("(a OR b) c").fts5 == '( "a" OR "b" ) AND "c"'
    assert parse_query("U.S. propos*").fts5 == '"u s" AND "propos"*'  # FTS5 itself would refuse the full stops
    for bad in ('"open', "AND x", "x OR", "(x", "x)"):
        with pytest.raises(SearchError):
            parse_query(bad)
