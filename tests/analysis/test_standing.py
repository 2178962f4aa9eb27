"""The deadlock map's classes and the shift directions: each rule on made-up stances, then on the bundled data."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis import standing
from dashboard.analysis.standing import AGREED, CLASHING, HARDENED, OPPOSED, REVERSED, ROOM, SHIFTED, SOFTENED, UNKNOWN
from dashboard.dataset.loader import load_dataset
from dashboard.dataset.schema import STANCES


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


@pytest.mark.parametrize(("a", "a_red", "b", "b_red", "expected"), [
    ("demands", True, "rejects", True, CLASHING),
    ("rejects", True, "accepts", True, CLASHING),
    ("demands", True, "rejects", False, OPPOSED),
    ("accepts", False, "opposes", False, OPPOSED),
    ("open", False, "rejects", True, ROOM),
    ("open", False, "open", False, ROOM),
    ("accepts", False, "demands", True, AGREED),
    ("rejects", True, "opposes", False, AGREED),
    ("demands", True, None, False, UNKNOWN),
    (None, False, None, False, UNKNOWN),
])
def test_every_cell_class(a, a_red, b, b_red, expected):
    score = {**STANCES, None: None}
    assert standing.classify(score[a], a_red, score[b], b_red) == expected
    assert standing.classify(score[b], b_red, score[a], a_red) == expected  # the order of the pair does not matter


@pytest.mark.parametrize(("before", "before_red", "after", "after_red", "expected", "red_change"), [
    ("accepts", False, "demands", False, HARDENED, ""),
    ("demands", False, "demands", True, HARDENED, "red line drawn"),
    ("opposes", False, "rejects", False, HARDENED, ""),
    ("open", False, "accepts", False, HARDENED, ""),
    ("rejects", True, "opposes", False, SOFTENED, "red line dropped"),
    ("demands", False, "open", False, SOFTENED, ""),
    ("accepts", False, "opposes", False, REVERSED, ""),
    ("rejects", True, "demands", True, REVERSED, ""),
    ("demands", False, "accepts", True, SHIFTED, "red line drawn"),
])
def test_every_shift_direction(before, before_red, after, after_red, expected, red_change):
    assert standing.shift_direction(STANCES[before], before_red, STANCES[after], after_red) == expected
    assert standing.red_line_change(before_red, after_red) == red_change


def _positions(rows: list[tuple]) -> pd.DataFrame:
    """SYNTHETIC positions: (id, actor, proposition, date, stance, red_line)."""
    frame = pd.DataFrame(rows, columns=["position_id", "actor_id", "proposition_id", "date", "stance", "red_line"])
    frame["process_id"] = "p"
    frame["actor"] = frame["actor_id"].str.title()
    frame["date_value"] = pd.to_datetime(frame["date"])
    frame["date_precision"] = "day"
    frame["stance_score"] = frame["stance"].map(STANCES)
    frame["paraphrase"] = "SYNTHETIC " + frame["position_id"]
    return frame


def test_shifts_compare_consecutive_positions_of_one_actor_on_one_proposition_newest_first():
    positions = _positions([
        ("1", "east", "x", "2024-01-01", "accepts", False),
        ("2", "east", "x", "2024-02-01", "accepts", False),  # a repeat: no shift
        ("3", "east", "x", "2024-03-01", "demands", True),
        ("4", "east", "y", "2024-04-01", "rejects", False),  # another proposition: compared only with itself
        ("5", "west", "x", "2024-01-15", "rejects", True),
        ("6", "west", "x", "2024-05-01", "opposes", False),
        ("7", "west", "", "2024-06-01", "accepts", False),  # no proposition: never compared
    ])
    moves = standing.shifts(positions)
    assert list(moves["after_position_id"]) == ["6", "3"]
    assert list(moves["before_position_id"]) == ["5", "2"]
    assert list(moves["direction"]) == [SOFTENED, HARDENED]
    assert list(moves["red_line_change"]) == ["red line dropped", "red line drawn"]
    assert list(moves["when"]) == ["1 May 2024", "1 March 2024"]


def test_deadlock_cells_use_each_actors_latest_position_and_list_every_pair():
    positions = _positions([
        ("1", "east", "x", "2024-01-01", "rejects", True),
        ("2", "east", "x", "2024-03-01", "open", False),  # east's latest on x
        ("3", "west", "x", "2024-02-01", "demands", True),
        ("4", "north", "y", "2024-02-01", "accepts", False),
    ])
    propositions = pd.DataFrame({"proposition_id": ["x", "y"], "process_id": "p", "issue_id": ["i", "j"],
                                 "statement": ["SYNTHETIC x", "SYNTHETIC y"]})
    cells = standing.deadlock_cells(positions, propositions, {"i": "Issue I"}, "p")
    assert len(cells) == 2 * 3  # two propositions × three pairs
    x = cells[cells["proposition_id"].eq("x")].set_index(["a_actor", "b_actor"])
    assert x.loc[("East", "West"), "cell"] == ROOM and x.loc[("East", "West"), "a_position_id"] == "2"
    assert x.loc[("East", "North"), "cell"] == UNKNOWN
    assert set(cells["issue"]) == {"Issue I", "j"}
    assert standing.cell_counts(cells) == {CLASHING: 0, OPPOSED: 0, ROOM: 1, AGREED: 0, UNKNOWN: 5}


def test_the_bundled_data_shows_the_istanbul_deadlock_on_territory_as_clashing_red_lines(ds):
    cells = standing.deadlock_cells(ds["positions"], ds["propositions"], ds.issue_labels, "russia-ukraine")
    territory = cells[cells["issue_id"].eq("territory") & cells["a_actor"].eq("Russia") & cells["b_actor"].eq("Ukraine")]
    assert len(territory) == 1
    cell = territory.iloc[0]
    assert cell["cell"] == CLASHING
    assert (cell["a_stance"], cell["b_stance"]) == ("demands", "rejects")
    quotes = standing.quotes_of(ds["citations"], [cell["a_position_id"], cell["b_position_id"]])
    russia, ukraine = quotes[cell["a_position_id"]], quotes[cell["b_position_id"]]
    assert any("must be acknowledged" in q for q in russia["quote"])
    assert any("will not include territorial concessions" in q for q in ukraine["quote"])
    for frame in (russia, ukraine):  # each quote is in its article, word for word
        for q in frame.itertuples():
            assert q.quote in ds.articles[q.source_id].text
    # every class the map gives is one of the five, and every comparable pair has both quotes
    assert set(cells["cell"]) <= set(standing.CLASSES)
    known = cells[cells["cell"].ne(UNKNOWN)]
    all_quotes = standing.quotes_of(ds["citations"], [*known["a_position_id"], *known["b_position_id"]])
    assert all(a in all_quotes and b in all_quotes for a, b in zip(known["a_position_id"], known["b_position_id"]))


def test_the_bundled_data_holds_a_real_shift_the_united_states_on_an_immediate_ceasefire(ds):
    moves = standing.shifts(ds["positions"])
    assert len(moves) >= 1
    us = moves[moves["actor_id"].eq("united-states") & moves["proposition_id"].eq("ru-ua-immediate-ceasefire")]
    assert list(us["before_stance"]) == ["accepts"] and list(us["after_stance"]) == ["demands"]
    assert list(us["direction"]) == [HARDENED]
    quotes = standing.quotes_of(ds["citations"], [us.iloc[0]["before_position_id"], us.iloc[0]["after_position_id"]])
    assert "welcomed the possibility of an immediate ceasefire" in set(quotes[us.iloc[0]["before_position_id"]]["quote"])
    assert any("call for an immediate ceasefire" in q for q in quotes[us.iloc[0]["after_position_id"]]["quote"])
