"""The Where-talks-stand view through the whole app: the deadlock map, a cell's two quotes, the shift list."""

from __future__ import annotations

import json

from test_view_pages import chart_spec, text_of

from dashboard.analysis.standing import CLASHING
from dashboard.ui.safe_text import md

PAGE = "views/standing.py"


def test_the_map_opens_on_the_istanbul_territory_deadlock_with_both_quotes(app):
    at = app(page=PAGE)
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="standing_process").value == "russia-ukraine"
    spec = json.loads(chart_spec(at))
    names = [trace["name"] for trace in spec["data"]]
    assert names[0] == CLASHING and set(names) <= {"clashing red lines", "opposed", "room to move", "agreed", "unknown"}
    clash = spec["data"][0]
    assert clash["x"] == ["Russia · Ukraine"] and clash["y"][0].startswith("The territories")
    # the cell opened first is the most stuck one, with each side's quote one click from its article
    body = text_of(at)
    assert md("must be acknowledged") in body and md("will not include territorial concessions") in body
    assert "1 clashing red lines" in body
    links = [link.proto.page for link in at.get("page_link")]
    assert links.count("sources") >= 2


def test_another_cell_opens_its_own_quotes(app):
    at = app(page=PAGE)
    box = at.selectbox(key="standing_cell")
    agreed = next(n for n, option in enumerate(box.options) if "Ukraine · United States on Ceasefire" in option)
    assert "(agreed)" in box.options[agreed]
    box.select_index(agreed).run()
    assert not at.exception
    body = text_of(at)
    assert md("readiness to accept the U.S. proposal for an immediate temporary 30") in body
    assert md("must be acknowledged") not in body  # the territory cell is closed (and no shift quotes it)


def test_the_shift_list_shows_the_united_states_hardening_on_a_ceasefire(app):
    at = app(page=PAGE)
    markdown = [m.value for m in at.markdown]
    assert "**United States** hardened · week of 12 May 2025" in markdown
    before = markdown.index("Before: **accepts** · 12 May 2025")
    after = markdown.index("After: **demands** · week of 12 May 2025")
    assert md("welcomed the possibility of an immediate ceasefire") in markdown[before + 1]
    assert md("President Trump’s call for an immediate ceasefire") in "".join(markdown[after + 1:])


def test_a_process_without_comparable_positions_says_so(app):
    at = app(query={"process": "Israel–Hamas cease-fire and hostage talks"}, page=PAGE)
    assert not at.exception
    assert any("No two of the chosen actors" in i.value for i in at.info)
    assert any("No actor in this process has changed" in i.value for i in at.info)


def test_no_matching_position_is_an_empty_state(app):
    at = app(query={"type": "call", "status": "suspended", "actor": "IGAD"}, page=PAGE)
    assert not at.exception
    assert any("Clear filters" in i.value for i in at.info)
