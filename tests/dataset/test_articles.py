import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.dataset.articles import Article, normalise, normalise_with_offsets, read_article, split_header

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


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


_TEXT = st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2003\u200b\u201c\u201d\u2019'\"x.")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_fast_normalise_is_the_offset_tracking_one(text):
    """`normalise` (regex) and `normalise_with_offsets` (per character) must never drift apart."""
    assert normalise(text) == normalise_with_offsets(text)[0]


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_find_slices_a_passage_that_normalises_to_the_quote(text, data):
    """Whichever way `find` succeeds (verbatim or normalised), its span means the quote."""
    article = Article(path="x.txt", text=text)
    norm = normalise(text)
    i = data.draw(st.integers(0, len(norm)))
    j = data.draw(st.integers(i, len(norm)))
    quote = norm[i:j].strip()
    span = article.find(quote)
    if not quote:
        assert span is None
    else:
        assert span is not None
        assert normalise(text[span[0]:span[1]]) == quote
    assert article.find(quote + "zzz-not-there") is None


def _split_header_by_lines(raw):
    """The header rule stated line by line (the reader's first version), which `split_header` must agree with."""
    lines = raw.split("\n")
    header = {}
    for i, line in enumerate(lines):
        if line.strip() == "---":
            if header:
                return header, "\n".join(lines[i + 1:]).strip("\n")
            break
        if not line.strip():
            continue
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_ -]*:\s", line):
            break
        key, _, value = line.partition(":")
        header[key.strip().lower()] = value.strip()
    return {}, raw.strip("\n")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["source: x", "published: 2025-01-02", "Title: a: b", "---", "", "  ", "body text",
                                 "key:novalue", "key:", "---  ", "  ---", "x: y", "_k: v", "1k: v", "a b: c", "---x",
                                 "key:\tv", "k-y: v", "\u00a0", "K: \u00a0v\u2003", "---\u2003", "a:b: c"]),
                max_size=8))
def test_split_header_reads_only_the_leading_key_value_lines(lines):
    raw = "\n".join(lines)
    assert split_header(raw) == _split_header_by_lines(raw)


def test_article_lines_end_as_text_mode_reading_would_give(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufefftitle: T\r\n---\r\nOne\rTwo\r\nThree".encode("utf-8"))
    article = read_article(path)
    assert article.header == {"title": "T"}
    assert article.text == "One\nTwo\nThree"
