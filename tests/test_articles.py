from pathlib import Path

from dashboard.articles import normalise, read_article, split_header

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_header_is_split_from_text():
    header, text = split_header("source: https://example.org/a\npublished: 2025-05-11\n---\nBody line one.\n")
    assert header == {"source": "https://example.org/a", "published": "2025-05-11"}
    assert text == "Body line one."


def test_file_without_header_is_all_text():
    header, text = split_header("Headline: with a colon\nBody.\n---\nMore body.")
    # the first line is not followed by a run of header lines ending in ---: "Body." breaks it
    assert header == {}
    assert text.startswith("Headline: with a colon")


def test_every_seed_article_reads_and_the_unheaded_one_has_no_header():
    articles = {p.name: read_article(p) for p in SEEDS.glob("*.txt")}
    assert len(articles) == 9
    assert articles["000_413ab4be917e9cfd.txt"].header == {}
    assert articles["001_putin-proposes-istanbul-talks.txt"].header["published"] == "2025-05-11"
    assert "---" not in articles["002_state-rubio-lavrov-call-after-istanbul.txt"].text.splitlines()[0]


def test_find_maps_normalised_match_back_to_exact_characters(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("He said  \u201cnever\u201d,\n\u00a0and   Türkiye\u2019s   role\u200b stayed.", encoding="utf-8")
    article = read_article(path)
    start, end = article.find('said "never", and Türkiye\'s role stayed')
    assert article.text[start:end] == "said  \u201cnever\u201d,\n\u00a0and   Türkiye\u2019s   role\u200b stayed"
    assert article.find("not there") is None
    assert article.find("   ") is None


def test_normalise_collapses_whitespace_and_quote_marks():
    assert normalise("  a\t\n b \u2018c\u2019 \u201cd\u201d ") == "a b 'c' \"d\""
