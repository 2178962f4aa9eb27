"""Every view shows its dataset version, a link that reopens it, and how to cite it."""

import json

import bibtexparser

from dashboard.dataset.location import data_dir, seeds_dir
from dashboard.dataset.version import content_digest
from dashboard.views.registry import views_for

PAGES = [view.file for view in views_for("files")]


def codes(at) -> list[str]:
    return [c.value for c in at.get("code")]


def test_every_view_names_the_dataset_version_and_links_back_with_it(app):
    digest = content_digest(data_dir(), seeds_dir())
    for page in PAGES:
        at = app(query={"type": "call"}, page=page)
        assert not at.exception
        assert any(c.value.startswith(f"Dataset version {digest}") for c in at.sidebar.caption), page
        link = at.sidebar.get("code")[0].value
        assert "type=call" in link and link.endswith(f"v={digest}"), link


def test_a_link_made_from_other_data_says_the_data_has_changed(app):
    at = app(query={"v": "000000000000"}, page="views/timeline.py")
    assert any("made from dataset version 000000000000; the data has changed since" in w.value for w in at.warning)
    fresh = app(query={"v": content_digest(data_dir(), seeds_dir())}, page="views/timeline.py")
    assert not [w for w in fresh.warning if "has changed since" in w.value]


def open_citations(at):
    """Open "Cite this view", as a reader's click does: its references are drawn only while it is open."""
    from dashboard.ui.share import CITE_KEY

    at.session_state[CITE_KEY] = True
    return at.run()


def test_cite_this_view_lists_the_articles_behind_the_filtered_records(app):
    at = app(query={"type": "call"}, page="views/timeline.py")
    assert not [c for c in codes(at) if c.lstrip().startswith("@misc")]  # closed: nothing drawn
    blocks = codes(open_citations(at))
    bibtex = next(c for c in blocks if c.lstrip().startswith("@misc"))
    keys = {entry.key for entry in bibtexparser.parse_string(bibtex).entries}
    csl = json.loads(next(c for c in blocks if c.lstrip().startswith("[")))
    digest = content_digest(data_dir(), seeds_dir())
    # the two calls of May 2025 are cited from the State Department readouts (src-002 and src-003)
    assert keys == {"src-002", "src-003", f"parley-{digest}"}
    assert {item["id"] for item in csl} == keys
    references = next(c for c in blocks if "Parley negotiation tracker dataset, version" in c)
    assert references.count("\n\n") == 2  # two articles, then the dataset
