"""Every view, run through the whole app with AppTest, with and without filters."""

from __future__ import annotations

import json

import pytest

from dashboard.dataset.loader import load_dataset
from dashboard.ui.safe_text import md
from dashboard.views.registry import VIEWS, views_for

PAGES = [view.file for view in views_for("files")]
TITLES = {view.file: view.title for view in views_for("files")}
NARROW = {"process": "Black Sea Grain Initiative"}
NOTHING = {"type": "call", "status": "suspended"}


def text_of(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "header", "info", "error", "success",
                                  "warning") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def chart_spec(at, index=0) -> str:
    return at.get("plotly_chart")[index].proto.spec


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", [{}, NARROW, NOTHING], ids=["all", "one-process", "no-match"])
def test_every_page_renders_without_exception(app, page, query):
    at = app(query=query, page=page)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title][:1] == [TITLES[page]], "the view asked for ran, under the registry's title"


def test_each_view_is_the_script_of_its_name():
    """Its address names the script it runs (tests open a view by its file before the navigation is known)."""
    assert [view.file for view in VIEWS] == [f"views/{view.name}.py" for view in VIEWS]


def test_overview_shows_each_process_and_the_istanbul_round(app):
    at = app()
    headings = [s.value for s in at.subheader]  # names escaped as Markdown, in the processes table's order
    expected = [md(name) for name in load_dataset()["processes"]["name"]]
    assert headings == expected
    assert expected[0] == "Russia–Ukraine peace talks" and "AU\\-led Ethiopia–TPLF peace talks" in expected
    body = text_of(at)
    assert "Russia–Ukraine direct talks in Istanbul" in body
    assert "Türkiye \\(mediator, host, facilitator\\)" in body
    metrics = {m.label: m.value for m in at.metric}
    assert "Rounds held" in metrics


def test_overview_filtered_by_url_shows_one_process(app):
    at = app(query=NARROW)
    assert [s.value for s in at.subheader] == ["Black Sea Grain Initiative"]


def test_overview_empty_state_says_what_to_do(app):
    at = app(query={"actor": "IGAD"})  # IGAD is in the registry but in no event or position
    assert any("Clear filters" in i.value for i in at.info)


def test_timeline_draws_events_with_mediators_in_hover(app):
    at = app(page="views/timeline.py")
    spec = chart_spec(at)
    hover = " ".join(h for trace in json.loads(spec)["data"] for h in (trace.get("hovertext") or []) if h)
    assert "Mediators/hosts: Türkiye (mediator, host, facilitator)" in hover
    assert "Russia–Ukraine direct talks in Istanbul" in hover
    table = at.dataframe[0].value
    assert len(table) == 14 and "Russia–Ukraine direct talks in Istanbul" in set(table["title"])


def test_timeline_query_parameters_filter_the_view(app):
    at = app(query={"type": "call"}, page="views/timeline.py")
    table = at.dataframe[0].value
    assert set(table["event_id"]) == {"ru-ua-2025-05-rubio-fidan-call", "ru-ua-2025-05-rubio-lavrov-call"}
    assert "Black Sea" not in json.dumps(json.loads(chart_spec(at)), ensure_ascii=False)
    assert at.multiselect(key="type").value == ["call"]


def test_timeline_date_range_in_url(app):
    at = app(query={"from": "2022-01-01", "to": "2022-12-31"}, page="views/timeline.py")
    # the suspension's window (decided between the deal of July 2022 and the statement of July 2023) overlaps 2022
    assert set(at.dataframe[0].value["event_id"]) == {"ru-ua-2022-istanbul-talks", "bsg-2022-07-deal",
                                                      "eth-2022-11-pretoria-cessation", "bsg-2023-07-russia-suspends"}


def test_timeline_empty_state(app):
    at = app(query=NOTHING, page="views/timeline.py")
    assert not at.get("plotly_chart")
    assert any("No event matches the filters" in i.value for i in at.info)


def test_positions_compare_russia_and_ukraine_territory_red_lines_with_quotes(app):
    at = app(page="views/positions.py")
    assert at.selectbox(key="party_a").value == "russia"
    assert at.selectbox(key="party_b").value == "ukraine"
    matrix = json.loads(chart_spec(at, 0))
    assert "RED LINE" in json.dumps(matrix["data"][0]["text"])
    body = text_of(at)
    assert "realities on the ground" in body
    assert "will not include territorial concessions" in body
    assert body.count(":red-badge[red line]") >= 2


def test_positions_parties_from_the_url(app):
    at = app(query={"party_a": "United States", "party_b": "Ukraine", "issue": "Ceasefire and end of hostilities"},
             page="views/positions.py")
    assert at.selectbox(key="party_a").value == "united-states"
    history = at.dataframe[-1].value  # the history table (the stance matrix's own table comes first)
    assert set(history["actor"]) == {"United States", "Ukraine", "Russia"}  # Russia–Ukraine process only
    assert len(history[history["actor"] == "United States"]) == 3
    assert "30\\-day ceasefire" in text_of(at)


def test_positions_filtered_by_actor(app):
    at = app(query={"actor": "Ukraine"}, page="views/positions.py")
    history_actors = set(at.dataframe[0].value["actor"])
    assert history_actors == {"Ukraine"}


def test_sources_highlights_quoted_passages_and_links_them(app):
    at = app(query={"source": "src-002: Secretary Rubio's Phone Call With Russia Foreign Minister Lavrov",
                    "quote": "cit-047"}, page="views/sources.py")
    html = at.get("html")[0].proto.body
    assert html.count('<mark class="parley-quote') >= 2
    assert "May 16 Ukraine-Russia talks in Istanbul" in html
    links = [p.proto.label for p in at.get("page_link")]
    assert any("Russia–Ukraine direct talks in Istanbul" in label for label in links)


def test_data_view_lists_tables_and_reports_healthy_data(app):
    at = app(page="views/data.py")
    assert any("No problems found" in s.value for s in at.success)
    buttons = {b.key: b for b in at.get("download_button") if b.key.startswith("download-")}
    assert len([k for k in buttons if k not in ("download-data-xlsx", "download-data-json")]) == 7
    assert {"download-data-xlsx", "download-data-json"} <= set(buttons)


def test_broken_row_is_listed_on_data_health_and_the_rest_still_shows(app, folder):
    line = folder.set("events", "event_id", "bsg-2022-07-deal", start_date="2022-07-41")
    at = app(folder=folder, page="views/data.py")
    tables = [df.value for df in at.dataframe]
    health = next(t for t in tables if "message" in t.columns)
    row = health.iloc[0]
    assert (row["file"], int(row["line"]), row["field"], row["value"]) == ("events.csv", line, "start_date", "2022-07-41")
    assert any("keep records out of the charts" in e.value for e in at.error)
    timeline = app(folder=folder, page="views/timeline.py")
    shown = set(timeline.dataframe[0].value["event_id"])
    assert "bsg-2022-07-deal" not in shown and len(shown) == 13
    assert any("record(s) have problems" in w.value for w in timeline.sidebar.warning)


def test_positions_process_picker_from_the_url(app):
    at = app(query={"positions_process": "Israel–Hamas cease-fire and hostage talks"}, page="views/positions.py")
    assert at.selectbox(key="positions_process").value == "israel-hamas"
    assert set(at.dataframe[0].value["actor"]) == {"United States"}


def test_search_from_the_url_shows_the_sentence_marked_and_links_to_its_article(app):
    at = app(query={"q": '"realities on the ground"'}, page="views/search.py")
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="q").value == '"realities on the ground"'
    html = [h.proto.body for h in at.get("html")]
    assert any("<mark>realities on the ground</mark>" in h for h in html)
    assert all("<script" not in h for h in html)
    links = [link for link in at.get("page_link") if "sources" in link.proto.page]
    assert links and "src-000" in links[0].proto.query_string
    assert any("passage(s)" in m.value for m in at.markdown)


def test_search_with_no_match_and_with_an_unreadable_query(app):
    none = app(query={"q": "zanzibar"}, page="views/search.py")
    assert any("Nothing matches" in i.value for i in none.info) and not none.get("html")
    bad = app(query={"q": '"unclosed'}, page="views/search.py")
    assert not bad.exception and any("closing double quote" in e.value for e in bad.error)


@pytest.mark.parametrize(("page", "charts"), [("views/timeline.py", 1), ("views/positions.py", 2),
                                              ("views/standing.py", 1), ("views/mediators.py", 2)])
def test_every_chart_has_a_text_summary_as_its_alt_and_beside_it(app, page, charts):
    at = app(page=page)
    plots = at.get("plotly_chart")
    assert len(plots) == charts
    captions = {c.value for c in at.caption}
    for plot in plots:
        alt = plot.proto.alt if hasattr(plot.proto, "alt") else ""
        assert alt and len(alt) > 40, page
        assert md(alt) in captions  # the same words, visible beside the chart


def test_a_record_saved_after_the_page_opened_shows_without_touching_the_date_filter(app, folder):
    """The date filter starts at the data's first and last day; while the reader has not moved it, it follows the
    data, so a record dated after the old last day (just saved by this curator or another) is not hidden by it."""
    at = app(folder, page="views/timeline.py")
    assert len(at.dataframe[0].value) == 14
    last = at.date_input(key="to").value
    folder.set("events", "event_id", "ru-ua-2025-05-rubio-lavrov-call", start_date="2025-07-01", end_date="")
    at.run()
    assert "ru-ua-2025-05-rubio-lavrov-call" in set(at.dataframe[0].value["event_id"])
    assert len(at.dataframe[0].value) == 14 and at.date_input(key="to").value > last


def test_a_date_the_reader_chose_stays_when_the_data_changes(app, folder):
    at = app(folder, query={"to": "2024-12-31"}, page="views/timeline.py")
    before = set(at.dataframe[0].value["event_id"])
    folder.set("events", "event_id", "ru-ua-2025-05-rubio-lavrov-call", start_date="2025-07-01", end_date="")
    at.run()
    assert at.date_input(key="to").value.isoformat() == "2024-12-31"
    assert set(at.dataframe[0].value["event_id"]) == before
