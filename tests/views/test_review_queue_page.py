"""The Curate view's review queue in AppTest: it lists the articles taken in, filters and sorts them, says who
opened one, opens one into the review tables pre-filled from its kept proposals, saves it off the queue, sets
one aside with a reason; a reviewed article's records show on every view that lists records; several uploads go
in at once; a pasted article's title and date come from its text.
Every article here is SYNTHETIC, invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.curation.file_store import FileStore
from dashboard.curation.intake import intake_files
from dashboard.dataset.loader import load_dataset
from dashboard.views.registry import views_for

ARTICLES = {
    "doha.txt": ("Synthetic talks round in Doha\n\nMarch 5, 2024\n\nSYNTHETIC TEST ARTICLE, not a real report. "
                 "Delegations of Armenia and Azerbaijan met in Doha on 4 March to discuss the border, officials said."),
    "lima.txt": ("Synthetic truce signed in Lima\n\nJune 4, 2023\n\nSYNTHETIC TEST ARTICLE, not a real report. "
                 "The Karenni Salvation Front (KSF) and Peru signed a truce in Lima on 3 June, brokered by Chile."),
    "match.txt": ("Synthetic football report\n\nMay 1, 2022\n\nSYNTHETIC TEST ARTICLE, not a real report. "
                  "The home side won the cup final by two goals on a rainy evening in front of a full stadium."),
}


@pytest.fixture
def queued(folder):
    """A copy of the bundled data with the three SYNTHETIC articles taken in (src-009, src-010, src-011)."""
    store = FileStore(folder.data, folder.seeds)
    outcomes = intake_files(store, [(name, text.encode()) for name, text in ARTICLES.items()], editor="ana@example.org")
    assert [o.source_id for o in outcomes] == ["src-009", "src-010", "src-011"]
    return folder, store


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: the escapes that keep data from being read as markup removed."""
    return markdown.replace("\\", "")


def listed(at):
    return next(d.value for d in at.dataframe if "Proposed process" in d.value.columns)


def test_the_view_opens_on_the_queue_with_each_articles_proposals_filtered_and_sorted(app, queued):
    folder, _ = queued
    at = app(folder=folder, page="views/curate.py")
    assert not at.exception
    assert at.expander[0].label == "Review queue: 3 article(s) to review"
    table = listed(at)
    assert list(table["Article"]) == ["src-009", "src-010", "src-011"]  # newest first
    lima = table.set_index("Article").loc["src-010"]
    assert lima["Title"] == "Synthetic truce signed in Lima" and lima["Date"] == "2023-06-04"
    assert lima["Proposed process"] == "Karenni Salvation Front–Peru talks (new)"
    assert lima["Events"] == 1 and lima["New actors"] >= 3 and lima["State"] == "waiting"
    at.selectbox(key="queue-order").set_value("date, oldest first").run()
    assert list(listed(at)["Article"]) == ["src-011", "src-010", "src-009"]
    at.multiselect(key="queue-process").set_value(["karenni-salvation-front-peru-talks"]).run()
    assert list(listed(at)["Article"]) == ["src-010"]
    assert any("Showing 1 of 3" in c.value for c in at.caption)
    at.multiselect(key="queue-process").set_value([]).run()
    at.date_input(key="queue-from").set_value(dt.date(2023, 1, 1)).run()
    assert list(listed(at)["Article"]) == ["src-010", "src-009"]


def test_an_editor_opens_an_article_reviews_its_kept_proposals_and_saving_takes_it_off_the_queue(app, queued, editing):
    folder, store = queued
    at = app(folder=folder, page="views/curate.py")
    at.selectbox(key="queue-choice").set_value("src-010").run()
    at.button(key="queue-open").click().run()
    assert not at.exception
    item = next(i for i in store.queue() if i.source_id == "src-010")
    assert (item.state, item.opened_by) == ("opened", "local")
    events = at.data_editor[0].value  # today's review tables, from the proposals kept at intake
    assert events.loc[0, "venue_city"] == "Lima" and events.loc[0, "start_date"] == "2023-06-03"
    assert any("From the review queue: src-010" in plain(m.value) for m in at.markdown)
    at.text_input(key="queue-title-src-010").set_value("Synthetic: a truce in Lima, corrected").run()
    assert any("passes validation" in plain(s.value) for s in at.success)
    at.button(key="curate-save").click().run()
    assert not at.exception and any("Saved:" in plain(s.value) for s in at.success)
    assert any("src-010 was reviewed and taken off the queue" in plain(s.value) for s in at.success)
    assert list(listed(at)["Article"]) == ["src-009", "src-011"]
    assert next(i for i in store.queue() if i.source_id == "src-010").state == "reviewed"
    data = load_dataset(folder.data, folder.seeds)
    assert not data.errors
    assert data["sources"].set_index("source_id").loc["src-010", "title"] == "Synthetic: a truce in Lima, corrected"
    saved = data["events"][data["events"]["start_date"] == "2023-06-03"]
    assert set(saved["venue_city"]) == {"Lima"} and (data["citations"]["source_id"] == "src-010").any()
    timeline = app(folder=folder, page="views/timeline.py")
    assert set(saved["title"]) <= set(timeline.dataframe[0].value["title"])


def test_a_second_editor_sees_who_opened_an_article_and_when_and_opens_it_only_knowingly(app, queued, editing):
    folder, store = queued
    store.open_item("src-009", "ben@example.org", dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC))
    at = app(folder=folder, page="views/curate.py")
    table = listed(at).set_index("Article")
    assert (table.loc["src-009", "State"], table.loc["src-009", "Opened by"]) == ("opened", "ben@example.org")
    assert table.loc["src-009", "Opened at"] == "2025-06-01 09:30 UTC"
    at.selectbox(key="queue-choice").set_value("src-009").run()
    assert any("ben@example.org opened this article at 2025-06-01 09:30 UTC" in plain(w.value)
               for w in at.warning)
    assert at.button(key="queue-open").label == "Open anyway"
    at.button(key="queue-open").click().run()
    assert next(i for i in store.queue() if i.source_id == "src-009").opened_by == "local"


def test_an_article_without_negotiation_content_is_set_aside_with_a_reason(app, queued, editing):
    folder, store = queued
    at = app(folder=folder, page="views/curate.py")
    at.selectbox(key="queue-choice").set_value("src-011").run()
    at.button(key="queue-open").click().run()
    at.button(key="queue-set-aside").click().run()  # no reason yet: refused, the item stays open
    assert any("give a reason" in plain(e.value) for e in at.error)
    at.text_input(key="queue-reason-src-011").set_value("a football report: no talks").run()
    at.button(key="queue-set-aside").click().run()
    assert not at.exception
    assert any("src-011 was set aside: a football report: no talks" in plain(s.value) for s in at.success)
    assert list(listed(at)["Article"]) == ["src-009", "src-010"]
    aside = next(i for i in store.queue() if i.source_id == "src-011")
    assert (aside.state, aside.reason, aside.finished_by) == ("set_aside", "a football report: no talks", "local")
    at.checkbox(key="queue-finished").check().run()
    assert listed(at).set_index("Article").loc["src-011", "State"] == "set aside"


def test_a_read_only_session_sees_the_queue_but_cannot_open_an_article(app, queued):
    folder, store = queued
    at = app(folder=folder, page="views/curate.py")
    assert len(listed(at)) == 3
    assert not [b for b in at.button if b.key == "queue-open"]
    assert [i.state for i in store.queue()] == ["waiting"] * 3


def test_several_uploads_go_to_the_queue_at_once_and_a_bad_file_is_reported_by_name(app, folder, editing):
    at = app(folder=folder, page="views/curate.py")
    assert any("No article waits for review" in c.value for c in at.caption)
    at.radio(key="curate-source").set_value("Upload a file").run()
    files = [(name, text.encode(), "text/plain") for name, text in ARTICLES.items()]
    files.append(("latin1.txt", "café au lait".encode("latin-1"), "text/plain"))
    at.file_uploader(key="curate-upload").set_value(files).run()
    at.button(key="intake-uploads").click().run()
    assert not at.exception
    assert any("3 article(s) added to the review queue" in plain(s.value) for s in at.success)
    refused = next(d.value for d in at.dataframe if "File" in d.value.columns)
    assert list(refused["File"]) == ["latin1.txt"] and "not UTF-8" in refused.iloc[0, 1]
    assert list(listed(at)["Article"]) == ["src-009", "src-010", "src-011"]


def test_a_pasted_article_is_prefilled_from_its_text_and_without_a_headline_asks_for_a_title(app, folder):
    at = app(folder=folder, page="views/curate.py")
    at.text_area(key="curate-text").set_value(
        "source: https://example.org/synthetic-doha\n---\n" + ARTICLES["doha.txt"]).run()
    assert at.text_input(key="paste-title").value == "Synthetic talks round in Doha"
    assert at.text_input(key="paste-published").value == "2024-03-05"
    assert at.text_input(key="paste-url").value == "https://example.org/synthetic-doha"
    body = ARTICLES["doha.txt"].split("\n\n", 2)[2]  # the sentences alone: no headline, no date line
    at.text_area(key="curate-text").set_value(body).run()
    assert at.text_input(key="paste-title").value == ""  # the title the text before stated is gone with it
    at.button(key="propose-paste").click().run()
    assert any("give the article's title" in plain(e.value) for e in at.error)
    at.text_input(key="paste-title").set_value("Synthetic: talks in Doha").run()
    at.button(key="propose-paste").click().run()
    assert not at.exception and not at.error
    assert at.data_editor[0].value.loc[0, "venue_city"] == "Doha"


def everything_shown(at) -> str:
    """Every text a view shows: its Markdown and captions, table cells, chart JSON and widget options."""
    parts = [str(e.value) for kind in ("markdown", "caption", "title", "subheader", "header", "info", "success",
                                       "warning") for e in at.get(kind)]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    parts += [str(option) for box in at.selectbox for option in box.options]
    return plain("\n".join(parts))


def test_a_reviewed_articles_records_show_on_every_view_that_lists_records(app, queued, editing):
    folder, store = queued
    at = app(folder=folder, page="views/curate.py")
    at.selectbox(key="queue-choice").set_value("src-010").run()
    at.button(key="queue-open").click().run()
    at.button(key="curate-save").click().run()
    assert any("src-010 was reviewed and taken off the queue" in plain(s.value) for s in at.success)
    data = load_dataset(folder.data, folder.seeds)
    event = data["events"][data["events"]["start_date"] == "2023-06-03"].iloc[0]
    process = data["processes"].set_index("process_id").loc[event["process_id"], "name"]
    article = data["sources"].set_index("source_id").loc["src-010", "title"]
    shows = {  # what each view that lists records shows of this one (the views of the registry, by name)
        "overview": process, "timeline": event["title"], "mediators": "Lima", "changes": event["title"],
        "sources": article, "search": article, "data": event["event_id"], "status": event["title"],
    }
    queries = {"changes": {"since": "2000-01-01"}, "search": {"q": "truce Lima"}}
    for view in views_for("files"):
        at = app(folder=folder, page=view.file, query=queries.get(view.name))
        assert not at.exception, (view.name, [e.value for e in at.exception])
        if view.name in shows:
            assert shows[view.name] in everything_shown(at), view.name
