"""Every view on every broken data folder (tests/bad_inputs.py) and on hostile text (tests/hostile_inputs.py),
through AppTest: no exception reaches a reader, the good records still show, the problems are listed, and no
article or curator text reaches the page as markup. What only a browser can tell (no script runs, no request
leaves the server) is checked in Chromium: tests/browser/test_hostile_text_in_browser.py."""

from __future__ import annotations

import json

import pytest
from bad_inputs import CASES, Case
from hostile_inputs import HOSTILE, TITLE, make_hostile

from dashboard.views.registry import views_for

VIEWS = views_for("files")
# Markup that must never reach the page as markup: HTML that would run or fetch, Markdown that would link or
# fetch, Streamlit directives. Escaped text (`&lt;script&gt;`, `\[click me\]`) is what is shown instead.
RAW_HTML = (HOSTILE["script"], "<img src=", '<a href="data:')
RAW_MARKDOWN = ("](javascript:", "![tracker](", ":red[coloured]", "$x^2$")


def each_page(at):
    """Run every view of the registry in turn, yielding its name once it has run."""
    for view in VIEWS:
        at.switch_page(view.file).run()
        yield view.name


def strings(value):
    """Every string inside a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def markup_leaks(at) -> list[str]:
    """Hostile text that reaches the page as markup, element by element."""
    leaks = []
    for element in at.get("html"):
        leaks += [f"html: {raw!r}" for raw in RAW_HTML if raw in element.proto.body]
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success"):
        for element in at.get(kind):
            body = str(getattr(element.proto, "body", element.value))
            leaks += [f"{kind}: {raw!r}" for raw in RAW_MARKDOWN if raw in body]
            if getattr(element.proto, "allow_html", False):
                leaks += [f"{kind} with HTML allowed: {raw!r}" for raw in RAW_HTML if raw in body]
    for chart in at.get("plotly_chart"):
        texts = list(strings(json.loads(chart.proto.spec)))
        leaks += [f"chart: {raw!r}" for raw in RAW_HTML if any(raw in text for text in texts)]
    return leaks


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_view_on_a_broken_folder_shows_the_rest_and_lists_the_problem(app, folder, case: Case):
    case.breaks(folder.data, folder.seeds)
    at = app(folder)
    for name in each_page(at):
        assert not at.exception, (case.name, name, [e.value for e in at.exception])
        assert at.title, (case.name, name)
        if name == "timeline" and case.still_shown:
            drawn = [text for chart in at.get("plotly_chart") for text in strings(json.loads(chart.proto.spec))]
            assert any("Russia–Ukraine direct talks in Istanbul" in text for text in drawn), case.name
        if name == "data":
            health = at.tabs[-1]
            assert health.label.startswith("Data health") and "(0 errors, 0 warnings)" not in health.label, health.label
            listed = health.get("dataframe")[0].value
            assert case.code in set(listed["code"]) and case.file in set(listed["file"]), case.name


def test_every_view_shows_hostile_text_as_text(app, folder):
    make_hostile(folder.data, folder.seeds)
    at = app(folder)
    seen = set()
    for name in each_page(at):
        assert not at.exception, (name, [e.value for e in at.exception])
        assert markup_leaks(at) == [], name
        for chart in at.get("plotly_chart"):
            seen.update(text for text in strings(json.loads(chart.proto.spec)) if "SYNTHETIC" in text)
    assert any("&lt;script&gt;" in text for text in seen)  # the hostile title is drawn, escaped, not dropped
    at.query_params["source"] = "src-900: SYNTHETIC " + HOSTILE["img"]
    at.switch_page("views/sources.py").run()
    article = "".join(element.proto.body for element in at.get("html"))
    assert "&lt;script&gt;alert(&#x27;parley-xss-script&#x27;)&lt;/script&gt;" in article and markup_leaks(at) == []
    assert TITLE.startswith("SYNTHETIC")
