"""The Curate view: propose, review, validate, save, and read-only mode writes nothing.

The pasted article is SYNTHETIC test input, marked as such.
"""

from __future__ import annotations

import pandas as pd
import pytest
from articles_to_try import all_articles

from dashboard.dataset.articles import published_from_header, read_article

SYNTHETIC = ("SYNTHETIC TEST ARTICLE. Russia and Ukraine will hold a new round of talks in Geneva on 3 June, "
             "mediated by Türkiye, the foreign ministry said. Ukrainian officials said they will never accept "
             "territorial concessions.")


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: the escapes that keep data from being read as markup removed."""
    return markdown.replace("\\", "")


def snapshot(folder):
    return {p.name: p.read_bytes() for d in (folder.data, folder.seeds) for p in d.iterdir() if not p.name.startswith(".")}


def paste(at, text=SYNTHETIC, title="Synthetic: talks in Geneva", published="2025-05-20"):
    at.text_area(key="curate-text").set_value(text)
    at.text_input(key="paste-title").set_value(title)
    at.text_input(key="paste-published").set_value(published)
    return at.button(key="propose-paste").click().run()


def test_read_only_session_proposes_and_offers_a_download_but_cannot_save(app, folder):
    before = snapshot(folder)
    at = app(folder=folder, page="views/curate.py")
    assert any("read-only" in plain(i.value) for i in at.info)
    paste(at)
    assert not at.exception
    events = at.data_editor[0].value
    assert events.loc[0, "venue_city"] == "Geneva" and events.loc[0, "start_date"] == "2025-06-03"
    assert not [b for b in at.button if b.key == "curate-save"]
    assert [d for d in at.get("download_button") if "proposed records" in d.proto.label]
    assert snapshot(folder) == before


def test_editor_saves_accepted_records_and_they_show_on_the_timeline(app, folder, editing):
    at = app(folder=folder, page="views/curate.py")
    paste(at)
    assert any("passes validation" in s.value for s in at.success)
    html = at.get("html")[0].proto.body
    assert '<mark class="parley-quote"' in html and "Geneva on 3 June" in html
    at.button(key="curate-save").click().run()
    assert not at.exception
    assert any("Saved:" in s.value for s in at.success)
    timeline = app(folder=folder, page="views/timeline.py")
    shown = timeline.dataframe[0].value
    assert "Talks round in Geneva" in set(shown["title"])
    positions = app(folder=folder, query={"party_a": "Ukraine"}, page="views/positions.py")
    assert "will never accept territorial concessions" in plain("\n".join(m.value for m in positions.markdown))


def test_each_proposal_shows_the_construction_and_the_words_it_was_read_from(app, folder):
    at = app(folder=folder, page="views/curate.py")
    paste(at)
    assert not at.exception
    why = at.data_editor[0].value.loc[0, "construction"]
    assert "mediator turkiye: passive: mediated by (“mediated by Türkiye”)" in why
    assert "party russia: A and B + verb" in why and "venue: in <place> (“in Geneva”)" in why
    assert "stance:" in at.data_editor[1].value.loc[0, "construction"]


def test_edited_cell_that_breaks_a_rule_blocks_the_save(app, folder, editing):
    before = snapshot(folder)
    at = app(folder=folder, page="views/curate.py")
    paste(at)
    at.session_state["curate-events"] = {"edited_rows": {0: {"start_date": "2025-06-31"}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()
    assert any("problem(s) to fix" in e.value for e in at.error)
    problems = at.dataframe[-1].value
    assert ("events.csv", "start_date") in set(zip(problems["file"], problems["field"]))
    assert at.button(key="curate-save").disabled
    assert snapshot(folder) == before


def test_duplicate_article_is_recognised(app, folder, editing):
    at = app(folder=folder, page="views/curate.py")
    text = (folder.seeds / "000_413ab4be917e9cfd.txt").read_text(encoding="utf-8")
    paste(at, text=text, title="Copy")
    assert any("already in the dataset as src-000" in plain(e.value) for e in at.error)


def test_uploaded_html_is_reduced_to_text(app, folder):
    at = app(folder=folder, page="views/curate.py")
    at.radio(key="curate-source").set_value("Upload a file").run()
    page = (f"<html><head><title>Synthetic page</title></head><body><nav>Menu</nav><article><p>{SYNTHETIC}</p>"
            "</article><script>alert(1)</script></body></html>").encode()
    at.file_uploader(key="curate-upload").set_value(("page.html", page, "text/html")).run()
    assert not at.exception
    shown = [t.value for t in at.text_area if t.value]
    assert any("talks in Geneva on 3 June" in v and "alert" not in v for v in shown)
    assert at.text_input(key="upload-title").value == "Synthetic page"


def test_existing_article_can_be_curated_again(app, folder):
    at = app(folder=folder, page="views/curate.py")
    at.radio(key="curate-source").set_value("An article in the dataset").run()
    at.selectbox(key="curate-existing").set_value("src-000")
    at.button(key="propose-existing").click().run()
    assert not at.exception
    assert "Istanbul" in set(at.data_editor[0].value["venue_city"])


def test_uncurated_file_in_seeds_is_curated_in_place(app, folder, editing):
    (folder.seeds / "050_synthetic.txt").write_text(
        "source: https://example.org/synthetic\npublished: 2025-05-20\n---\n" + SYNTHETIC + "\n", encoding="utf-8")
    at = app(folder=folder, page="views/curate.py")
    at.radio(key="curate-source").set_value("An article in the dataset").run()
    at.selectbox(key="curate-existing").set_value("seeds/050_synthetic.txt").run()
    assert at.text_input(key="seed-url").value == "https://example.org/synthetic"
    at.text_input(key="seed-title").set_value("Synthetic: in place")
    at.button(key="propose-existing").click().run()
    at.button(key="curate-save").click().run()
    assert any("Saved:" in s.value for s in at.success)
    from dashboard.dataset.loader import load_dataset

    ds = load_dataset(folder.data, folder.seeds)
    assert not ds.errors
    assert ds["sources"].set_index("seed_file").loc["050_synthetic.txt", "title"] == "Synthetic: in place"
    assert sorted(p.name for p in folder.seeds.iterdir() if p.name.startswith("05")) == ["050_synthetic.txt"]


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.name)
def test_curate_view_proposes_for_every_real_article_without_an_exception(app, folder, path):
    """Every seed and corpus article, pasted as a new user would, gives proposals and no exception."""
    article = read_article(path)
    at = app(folder=folder, page="views/curate.py")
    paste(at, text=article.text, title=f"Test paste of {path.name}",
          published=str(published_from_header(article.header) or ""))
    duplicate = [e.value for e in at.error if "already in the dataset as" in e.value]
    if path.parent.name == "seeds":  # a seed is in the dataset already: a curator picks it there instead
        assert duplicate, "pasting a seed article again must be refused as a duplicate"
        source_id = duplicate[0].split("already in the dataset as ")[1].split(":")[0].strip().replace("\\", "")
        at.radio(key="curate-source").set_value("An article in the dataset").run()
        at.selectbox(key="curate-existing").set_value(source_id).run()
        at.button(key="propose-existing").click().run()
    assert not at.exception
    assert any("Dates resolved against" in c.value for c in at.caption)
    assert not any("rule of the assistant failed" in w.value for w in at.warning)
    proposed = next(c.value for c in at.caption if c.value.startswith("Proposed:"))
    chosen = at.selectbox(key="curate-process")
    # the process preselected is the one proposed, never the first in the list by default
    if "a new process" in proposed:
        assert chosen.value == "+ a new process", proposed
    else:
        assert chosen.format_func(chosen.value) in proposed, proposed
    if path.parent.name == "articles" and not {"Russia", "Ukraine"} & set(article.text.split()):
        assert chosen.value != "russia-ukraine", proposed


def test_new_actors_show_with_their_kind_and_the_words_that_made_them(app, folder):
    at = app(folder=folder, page="views/curate.py")
    paste(at, text="SYNTHETIC TEST ARTICLE. The Karenni Salvation Front (KSF) and Peru signed a truce in Lima "
                   "on 3 June, brokered by Chile.", published="2025-06-05")
    shown = [d.value for d in at.dataframe]  # the editable new-actor table and the table of every name found
    rows = next(frame for frame in shown if "why" in frame.columns)
    front = rows[rows["name"] == "Karenni Salvation Front"].iloc[0]
    assert front["kind"] == "group" and front["accept"] and "acronym defined in the text" in front["why"]
    assert "KSF" in front["aliases"]
    assert set(rows["name"]) >= {"Peru", "Chile"}
    found = next(frame for frame in shown if "cue" in frame.columns)
    assert "acronym defined in the text: Karenni Salvation Front (KSF)" in set(found["cue"])


def test_accepted_new_actors_join_the_registry_on_save_with_the_event_that_names_them(app, folder, editing):
    at = app(folder=folder, page="views/curate.py")
    paste(at, text="SYNTHETIC TEST ARTICLE. The Karenni Salvation Front (KSF) and Peru signed a truce in Lima "
                   "on 3 June, brokered by Chile.", title="Synthetic: a truce in Lima",
          published="2025-06-05")  # reported two days after: "signed on 3 June" is the 3 June just past
    assert any("passes validation" in s.value for s in at.success)
    at.button(key="curate-save").click().run()
    assert not at.exception and any("Saved:" in s.value for s in at.success)
    actors = pd.read_csv(folder.data / "actors.csv", dtype=str, keep_default_na=False).set_index("actor_id")
    front = actors.loc["karenni-salvation-front"]
    assert front["kind"] == "group" and "KSF" in front["aliases"]
    assert actors.loc["peru", "country_code"] == "PER" and actors.loc["chile", "kind"] == "state"
    events = pd.read_csv(folder.data / "events.csv", dtype=str, keep_default_na=False)
    saved = events[events["start_date"] == "2025-06-03"].iloc[0]
    assert set(saved["actors"].split("; ")) == {"karenni-salvation-front:party", "peru:party", "chile:mediator"}
    processes = pd.read_csv(folder.data / "processes.csv", dtype=str, keep_default_na=False).set_index("process_id")
    assert saved["process_id"] == "karenni-salvation-front-peru-talks"  # the new process proposed, not the first
    assert processes.loc[saved["process_id"], "conflict"] == "Karenni Salvation Front–Peru conflict"
