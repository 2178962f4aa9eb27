"""Adding an article: types, sizes, HTML reduction, duplicates, and the stored result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.curation.ingest import MAX_BYTES, ArticleDraft, IngestError, add_article, read_upload, url_key
from dashboard.dataset.loader import load_dataset

REPO = Path(__file__).resolve().parents[2]
SYNTHETIC = ("SYNTHETIC TEST ARTICLE, not a real report. Delegations of Armenia and Azerbaijan met in Doha on "
             "4 March to discuss the border.")


def test_types_sizes_and_encodings_give_clear_messages():
    with pytest.raises(IngestError, match="only .txt, .md"):
        read_upload("report.pdf", b"%PDF")
    with pytest.raises(IngestError, match="over the 2 MB limit"):
        read_upload("big.txt", b"a" * (MAX_BYTES + 1))
    with pytest.raises(IngestError, match="not UTF-8"):
        read_upload("latin1.txt", "café".encode("latin-1"))
    assert read_upload("a.md", b"# Title\r\n\r\n\r\n\r\nBody  \r\n").text == "# Title\n\nBody"


def test_html_is_reduced_to_article_text_with_metadata():
    html = ("<html><head><title>Synthetic talks page</title><meta name='author' content='Ada Writer'></head><body>"
            "<nav>Home | World | Sport</nav><script>alert('x')</script><article><h1>Synthetic talks page</h1>"
            f"<p>{SYNTHETIC}</p><p>The next round is due in April, officials said.</p></article>"
            "<footer>Cookie settings</footer></body></html>").encode()
    draft = read_upload("page.html", html)
    assert "met in Doha on 4 March" in draft.text and "next round is due in April" in draft.text
    assert "alert" not in draft.text and "Cookie settings" not in draft.text
    assert draft.title == "Synthetic talks page" and draft.author == "Ada Writer"


def test_add_article_stores_file_and_source_and_refuses_duplicates(folder):
    draft = ArticleDraft(text=SYNTHETIC, title="Synthetic: Doha talks", url="https://example.org/doha?utm_source=x",
                         published="2024-03-05")
    source_id = add_article(draft, folder.data, folder.seeds)
    assert source_id == "src-009"
    ds = load_dataset(folder.data, folder.seeds)
    assert not ds.errors
    row = ds["sources"].set_index("source_id").loc[source_id]
    assert row["seed_file"] == "009_synthetic-doha-talks.txt" and row["published"] == "2024-03-05"
    assert ds.articles[source_id].text == SYNTHETIC
    assert ds.articles[source_id].header["source"] == "https://example.org/doha?utm_source=x"
    with pytest.raises(IngestError, match="already in the dataset as src-009"):
        add_article(ArticleDraft(text="Other text entirely, long enough to be an article.", title="Again",
                                 url="http://www.example.org/doha/"), folder.data, folder.seeds)
    with pytest.raises(IngestError, match="already in the dataset as src-009"):
        add_article(ArticleDraft(text=SYNTHETIC.replace(" ", "  "), title="Same text"), folder.data, folder.seeds)


def test_seed_articles_are_recognised_as_duplicates(folder):
    text = (folder.seeds / "000_413ab4be917e9cfd.txt").read_text(encoding="utf-8")
    with pytest.raises(IngestError, match="already in the dataset as src-000"):
        add_article(ArticleDraft(text=text, title="Copy"), folder.data, folder.seeds)


@pytest.mark.parametrize(("change", "message"), [
    ({"text": "short"}, "too short"),
    ({"title": ""}, "give the article's title"),
    ({"published": "15 May"}, "not YYYY-MM-DD"),
    ({"url": "javascript:alert(1)"}, "must start with http"),
])
def test_bad_metadata_is_refused(folder, change, message):
    draft = ArticleDraft(**{"text": SYNTHETIC, "title": "T", **change})
    with pytest.raises(IngestError, match=message):
        add_article(draft, folder.data, folder.seeds)
    assert len(list(folder.seeds.iterdir())) == 9


def test_url_key_ignores_scheme_www_slash_and_tracking():
    assert url_key("https://www.Example.org/a/?utm_medium=x") == url_key("http://example.org/a")


def test_command_line_adds_an_article(folder, tmp_path):
    article = tmp_path / "synthetic.txt"
    article.write_text(SYNTHETIC, encoding="utf-8")
    env = {"PARLEY_DATA_DIR": str(folder.data), "PARLEY_SEEDS_DIR": str(folder.seeds), "PATH": ""}
    done = subprocess.run([sys.executable, "-m", "dashboard.curation.ingest", str(article), "--title", "Synthetic CLI"],
                          cwd=REPO, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "added src-009" in done.stdout
    again = subprocess.run([sys.executable, "-m", "dashboard.curation.ingest", str(article), "--title", "Again"],
                           cwd=REPO, capture_output=True, text=True, env=env)
    assert again.returncode == 1 and "already in the dataset" in again.stderr
