"""What readers and curators do in a real browser: filters in the URL and a link that reopens them, a quote
followed to its passage, a deadlock cell opened, an article pasted and saved, a read-only deployment, two
curators saving at once. (Every view's rendering, links, layout and accessibility: test_every_view.py.)"""

from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import REPO, choose, exceptions, navigate, open_view, screenshot
from playwright.sync_api import expect

from dashboard.outputs.figures import shorten
from dashboard.views.registry import BY_NAME


def test_a_click_on_a_deadlock_cell_opens_its_two_quotes(page, bundled):
    from dashboard.analysis.standing import CLASSES, DEFAULT_PAIRED, deadlock_cells, pairing_order
    from dashboard.dataset.loader import load_dataset

    data = load_dataset()  # the server runs on a copy of the bundled data
    positions = data["positions"][data["positions"]["process_id"].eq("russia-ukraine")]
    shown = list(pairing_order(positions))[:DEFAULT_PAIRED]  # the actors the view pairs at first
    cells = deadlock_cells(positions, data["propositions"], data.issue_labels, "russia-ukraine", shown)
    agreed = cells[cells["cell"].eq("agreed")].reset_index(drop=True)
    target = agreed.index[agreed["a_actor"].eq("Ukraine") & agreed["b_actor"].eq("United States")][0]
    trace = [c for c in CLASSES if c in set(cells["cell"])].index("agreed")
    open_view(page, f"{bundled.url}/standing", "must be acknowledged")  # the clash is open at first
    point = page.locator(".js-plotly-plot .scatterlayer .trace").nth(trace).locator("path.point").nth(int(target))
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text("readiness to accept the U.S. proposal").first.wait_for(timeout=30_000)
    expect(page.get_by_text("must be acknowledged")).to_have_count(0)
    assert exceptions(page) == 0
    screenshot(page, "standing-cell-clicked")


TICKS = ".js-plotly-plot .yaxislayer-above text"


def timeline_rows(page) -> list[str]:
    page.wait_for_selector(TICKS, timeout=30_000)
    return sorted(page.locator(TICKS).evaluate_all("els => els.map(e => e.textContent)"))


def events_heading(page):
    return page.get_by_role("heading", name=re.compile(r"^\d+ events$"))


def test_filters_update_the_view_and_a_copied_link_opens_the_same_view(browser, page, bundled):
    open_view(page, f"{bundled.url}/timeline", "14 events")
    choose(page, "Event types", "call")
    expect(events_heading(page)).to_have_text("2 events", timeout=30_000)
    calls = sorted(shorten(t) for t in ("Rubio–Fidan call on the Istanbul talks", "Rubio–Lavrov call after the Istanbul talks"))
    expect(page.locator(TICKS)).to_have_count(2, timeout=30_000)  # the chart redrawn with the two calls
    assert timeline_rows(page) == calls  # tick labels are shortened (the hover and the table hold the whole title)
    assert parse_qs(urlsplit(page.url).query) == {"type": ["call"]}
    fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        other = open_view(fresh.new_page(), page.url, "2 events")
        assert timeline_rows(other) == calls
    finally:
        fresh.close()


def test_positions_comparison_links_a_quote_to_its_highlighted_passage(page, bundled):
    """The link beside Russia's territorial quote (not the first link that happens to be drawn) opens the
    article with that very passage marked."""
    open_view(page, f"{bundled.url}/positions", "the realities on the ground")
    assert page.get_by_text("will not include territorial concessions").count() >= 1
    side = page.locator("[data-testid=stColumn]").filter(has_text="the realities on the ground").filter(
        has=page.get_by_role("link", name=re.compile("^Source: ")))
    side.last.get_by_role("link", name=re.compile("^Source: Official: Russia to push")).click()
    page.wait_for_url(re.compile(r"/sources\?.*quote=cit-034"), timeout=30_000)
    selected = page.locator("mark.parley-selected")
    selected.first.wait_for(timeout=30_000)
    assert "the realities on the ground" in " ".join(selected.all_inner_texts())
    assert exceptions(page) == 0


SYNTHETIC = ("SYNTHETIC TEST ARTICLE, not a real report. Russia and Ukraine will hold a new round of talks in Geneva on "
             "3 June, mediated by Türkiye, officials said. Ukrainian officials said they will never accept territorial "
             "concessions.")


def propose(page, title="Synthetic: talks in Geneva", extra=""):
    """Give an article's metadata, paste it and ask for proposals; waits until they are drawn. The metadata goes
    first: pasted text pre-fills the fields still empty when it is committed, so a title typed after the text
    would race the pre-fill."""
    page.get_by_label("Title").fill(title)
    page.get_by_label("Published (YYYY-MM-DD, empty if unknown)").fill("2025-05-20")
    page.get_by_label("Article text").fill(SYNTHETIC + extra)
    page.get_by_role("button", name="Propose records").click()
    page.get_by_text("2. Review the proposals").wait_for(timeout=60_000)
    page.get_by_text("3. Check and save").wait_for(timeout=60_000)


@pytest.fixture
def folder_copy(tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    return tmp_path


def test_curate_paste_accept_save_and_see_it_on_the_timeline(page, start_server, folder_copy):
    server = start_server(folder_copy / "data", folder_copy / "seeds")
    open_view(page, f"{server.url}/curate", "editing is on")
    propose(page)
    page.get_by_text("Every accepted record passes validation.").wait_for(timeout=60_000)
    page.locator("mark.parley-quote").first.wait_for(timeout=30_000)  # the evidence highlighted in the article
    screenshot(page, "curate-review")
    page.get_by_role("button", name="Save accepted records").click()
    page.get_by_text("Saved:").wait_for(timeout=60_000)
    navigate(page, BY_NAME["timeline"], "15 events")
    assert "Talks round in Geneva" in timeline_rows(page)
    assert "russia-ukraine-2025-06-03-talks-round-in-geneva" in (folder_copy / "data" / "events.csv").read_text()


def test_read_only_deployment_offers_no_way_to_save(page, start_server, folder_copy):
    before = sorted((p.name, p.stat().st_size) for p in (folder_copy / "data").iterdir())
    server = start_server(folder_copy / "data", folder_copy / "seeds", PARLEY_READ_ONLY="1")
    open_view(page, f"{server.url}/curate", "this deployment is read-only")
    propose(page)
    page.get_by_role("button", name=re.compile("Download the proposed records")).wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Save accepted records").count() == 0
    assert sorted((p.name, p.stat().st_size) for p in (folder_copy / "data").iterdir()) == before


def save_from_two_sessions_at_once(browser, url: str, title: str) -> None:
    """Two browser sessions each propose a pasted article ("<title> 0", "<title> 1") and press save together."""
    contexts = [browser.new_context(viewport={"width": 1440, "height": 1000}) for _ in range(2)]
    try:
        pages = [c.new_page() for c in contexts]
        for n, page in enumerate(pages):
            open_view(page, f"{url}/curate", "The article")
            propose(page, title=f"{title} {n}", extra=f" This is session {n}'s copy.")
            page.get_by_text("Every accepted record passes validation.").wait_for(timeout=60_000)
        buttons = [page.get_by_role("button", name="Save accepted records") for page in pages]
        for button in buttons:  # both clicks go out before either save has finished
            button.click(no_wait_after=True)
        for page in pages:
            page.get_by_text("Saved:", exact=False).filter(has_not_text="not saved").first.wait_for(timeout=90_000)
    finally:
        for c in contexts:
            c.close()


def test_two_sessions_saving_at_once_keep_both_records(browser, start_server, folder_copy):
    server = start_server(folder_copy / "data", folder_copy / "seeds")
    save_from_two_sessions_at_once(browser, server.url, "Synthetic: session")
    from dashboard.dataset.loader import load_dataset

    ds = load_dataset(folder_copy / "data", folder_copy / "seeds")
    assert not ds.errors, [str(p) for p in ds.errors][:5]
    titles = set(ds["sources"]["title"])
    assert {"Synthetic: session 0", "Synthetic: session 1"} <= titles
    geneva = ds["events"][ds["events"]["title"] == "Talks round in Geneva"]
    assert len(geneva) == 2 and geneva["event_id"].is_unique
