"""The views on a data folder holding records imported from a dataset (SYNTHETIC rows in PA-X's layout): each
says where such a record comes from, shows a dataset source without article text, counts agreements, and shows
the dataset's text escaped."""

from __future__ import annotations

import pytest
from agreement_files import pax_file, pax_row
from test_view_pages import text_of

from dashboard.curation.file_store import FileStore
from dashboard.importers.pax import PAX
from dashboard.importers.run import run_import
from dashboard.ui.safe_text import md

HOSTILE = "SYNTHETIC <script>alert(1)</script> **Accord** [link](javascript:alert(1))"


@pytest.fixture
def imported(folder, tmp_path):
    rows = [pax_row(4101, PP="77", Dat="2022-07-21"),  # the Black Sea grain deal's day: linked, not merged
            pax_row(4102, PP="88", PPName="SYNTHETIC agreements-only process", Agt=HOSTILE, Dat="2020-05-06"),
            pax_row(4103, PP="88", PPName="SYNTHETIC agreements-only process", Dat="2021-09-10")]
    report = run_import(PAX, pax_file(tmp_path / "pax.csv", rows), "10", FileStore(folder.data, folder.seeds),
                        mapping={"77": "black-sea-grain"})
    assert report.saved and len(report.new) == 3 and report.links == [("pax-4101", "bsg-2022-07-deal")]
    return folder


def test_overview_counts_agreements_and_a_process_with_only_agreements_says_so(app, imported):
    at = app(imported)
    assert not at.exception, [e.value for e in at.exception]
    body = text_of(at)
    assert md("SYNTHETIC agreements-only process") in [s.value for s in at.subheader]
    assert "No rounds recorded; 2 agreement(s) signed." in body
    assert "from PA\\-X v10, agreement 4103" in body  # the last agreement's source: its dataset row
    cards = {s.value: i for i, s in enumerate(at.subheader)}
    signed = [m.value for m in at.metric if m.label == "Agreements signed"]
    assert signed[cards[md("SYNTHETIC agreements-only process")]] == "2"
    # the curated deal and the PA-X row linked to it are one signing, recorded twice: counted once
    assert signed[cards["Black Sea Grain Initiative"]] == "1"


def test_timeline_names_the_dataset_row_and_the_curated_signing_it_was_linked_to(app, imported):
    at = app(imported, page="views/timeline.py", query={"process": "Black Sea Grain Initiative"})
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value.set_index("event_id")
    assert table.loc["pax-4101", "sources"] == "from PA-X v10, agreement 4101"
    assert "(bsg-2022-07-deal)" in table.loc["pax-4101", "related"]
    assert "(pax-4101)" in table.loc["bsg-2022-07-deal", "related"]  # shown both ways round
    assert "from PA-X v10, agreement 4101" in at.get("plotly_chart")[0].proto.spec


def test_sources_shows_a_dataset_version_without_article_text(app, imported):
    at = app(imported, page="views/sources.py", query={"source": "pax-v10: PA-X: Peace Agreements Database, version 10"})
    assert not at.exception, [e.value for e in at.exception]
    body = text_of(at)
    assert "3 record(s) come from this dataset" in body and "Article text" not in body
    assert not at.get("html")  # no article to highlight
    rows = at.dataframe[0].value
    assert set(rows["from_dataset"]) == {f"from PA-X v10, agreement {n}" for n in (4101, 4102, 4103)}


def test_search_finds_a_dataset_row_and_the_imported_summaries(app, imported):
    at = app(imported, page="views/search.py", query={"q": '"agreement 4102"'})
    assert not at.exception, [e.value for e in at.exception]
    assert "Dataset row" in text_of(at)
    at = app(imported, page="views/search.py", query={"q": "Liberation Front"})
    assert "event pax\\-410" in text_of(at)


def test_what_changed_lists_the_imported_agreements_with_their_rows(app, imported):
    at = app(imported, page="views/changes.py", query={"since": "2026-01-01"})
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    assert md("from PA-X v10, agreement 4103") in captions


def test_the_datasets_text_is_shown_escaped_everywhere(app, imported):
    for page in ("views/overview.py", "views/timeline.py", "views/changes.py"):
        at = app(imported, page=page, query={"since": "2026-01-01"} if "changes" in page else {})
        assert not at.exception, [e.value for e in at.exception]
        for element in [*at.markdown, *at.caption]:
            assert "<script>" not in element.value and "](javascript" not in element.value, (page, element.value)
