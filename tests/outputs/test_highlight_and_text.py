from dashboard.outputs.highlight import highlighted_html, segments
from dashboard.ui.safe_text import md, md_quote


def test_segments_cover_the_text_and_handle_overlaps():
    text = "abcdefghij"
    parts = segments(text, [(2, 6, "c1"), (4, 8, "c2")])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.citation_ids) for p in parts] == [
        ("ab", ()), ("cd", ("c1",)), ("ef", ("c1", "c2")), ("gh", ("c2",)), ("ij", ())]


def test_article_html_is_escaped_and_only_marks_are_markup():
    text = 'Intro <script>alert("x")</script> and <img src=x onerror=alert(1)> end'
    html = highlighted_html(text, [(6, 14, "cit-1")], selected="cit-1")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark") == 1 and "parley-selected" in html
    assert '<a id="q-cit-1"></a>' in html


def test_markdown_escaping_neutralises_markup():
    hostile = "[click](javascript:alert(1)) **bold** :red[x] $x$ <b>hi</b>"
    escaped = md(hostile)
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in escaped
    assert "\\*\\*bold\\*\\*" in escaped and "\\:red\\[x\\]" in escaped and "\\$x\\$" in escaped
    assert "\\<b\\>" in escaped


def test_multi_line_quote_stays_inside_the_blockquote():
    assert md_quote("first line\nsecond # line") == "> first line  \n> second \\# line"
