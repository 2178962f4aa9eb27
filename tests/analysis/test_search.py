"""The full-text index: phrases, boolean queries, prefixes, ranking, the records behind a hit, and bad queries."""

from __future__ import annotations

import pytest

from dashboard.analysis.search import MARK_END, MARK_START, SearchError, SearchIndex, marked_html, sentences_of
from dashboard.dataset.loader import load_dataset


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(load_dataset())


def test_a_phrase_from_a_seed_finds_its_sentence_and_the_records_citing_it(index):
    hits = index.search('"realities on the ground"')
    sentences = hits[hits["kind"] == "sentence"]
    assert len(sentences) == 1
    sentence = sentences.iloc[0]
    assert sentence["source_id"] == "src-000"
    assert f"{MARK_START}realities on the ground{MARK_END}" in sentence["text"]
    data = load_dataset()
    cited = data["citations"].set_index("citation_id").loc[sentence["citations"].split()]
    assert (cited["source_id"] == "src-000").all() and "pos-russia-territory-2025-05" in set(cited["record_id"])
    assert {"quote", "position"} <= set(hits["kind"])


def test_boolean_and_prefix_queries(index):
    istanbul = index.search("Istanbul", 200)
    without = index.search("Istanbul NOT Ukraine", 200)
    assert 0 < len(without) < len(istanbul)
    assert not without["text"].str.contains(r"\bUkraine\b", regex=True).any()
    either = index.search("Hamas OR Tigray", 200)
    assert either["text"].str.contains("Hamas").any() and either["text"].str.contains("Tigray").any()
    both = index.search("Hamas AND Tigray", 200)
    assert both.empty
    assert index.search("negotiat*")["text"].str.contains(f"{MARK_START}[Nn]egotiat", regex=True).all()


def test_results_are_ranked_best_first(index):
    hits = index.search("prisoner exchange", 20)
    assert hits["rank"].is_monotonic_increasing


def test_no_match_and_an_unreadable_query(index):
    assert index.search("zanzibar").empty
    assert index.search("   ").empty
    with pytest.raises(SearchError, match="closing double quote"):
        index.search('"unclosed phrase')


def test_marked_text_is_escaped_before_it_is_marked():
    assert marked_html(f"<script>x</script> {MARK_START}talks{MARK_END}") == \
        "&lt;script&gt;x&lt;/script&gt; <mark>talks</mark>"


def test_sentences_keep_their_offsets():
    text = 'Talks began. "We will never agree," he said.\n\nA new paragraph'
    assert [text[a:b] for a, b in sentences_of(text)] == ["Talks began.", '"We will never agree," he said.',
                                                          "A new paragraph"]


def test_words_are_read_as_the_index_reads_text(index):
    """Full stops, apostrophes and accents: "U.S." and "Turkiye" find what the articles write."""
    assert not index.search("U.S. proposal").empty  # FTS5 alone would refuse the full stops
    accented, plain = index.search("Türkiye", 200), index.search("turkiye", 200)
    assert len(accented) == len(plain) > 0
    assert list(index.search("Türkiye’s role")["source_id"])[:1] == ["src-000"]
