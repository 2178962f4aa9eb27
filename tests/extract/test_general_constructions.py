"""The rule families of the generalisation pass (issue 20, held-out half), each on invented text: a body named by any
role noun of the table, the sides and go-betweens an article names outside the sentences of its dated events, and
the fallbacks that find sides where no explicit construction names them. Names are invented (Veldia, Orvania, Port
Amar) or real countries from the gazetteer."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.extract import extract_article

EMPTY = pd.DataFrame(columns=["actor_id", "name", "kind", "aliases", "affiliation", "title", "country_code"])


def run(text: str, published: str | None = "2023-05-04") -> dict:
    return extract_article(text, EMPTY, dt.date.fromisoformat(published) if published else None)


def roles(result: dict) -> set[tuple[str, str]]:
    names = {a["actor_id"]: a["name"] for a in result["new_actors"]}
    return {(names.get(t["actor"], t["actor"]), t["role"]) for e in result["events"] for t in e["third_parties"]}


def sides(result: dict) -> set[str]:
    names = {a["actor_id"]: a["name"] for a in result["new_actors"]}
    return {names.get(p, p) for e in result["events"] for p in e["parties"]}


@pytest.mark.parametrize("text, body, role", [
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Co-Chairs of the Port Amar Talks welcomed the progress.",
     "Co-Chairs of the Port Amar Talks", "mediator"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Guarantors of the Veldia Accord attended the round.",
     "Guarantors of the Veldia Accord", "guarantor"),
    ("SYNTHETIC. Ghana and Togo met on 3 May. The Co-Facilitators of the Orvania Dialogue opened the session.",
     "Co-Facilitators of the Orvania Dialogue", "facilitator"),
])
def test_a_body_named_by_any_role_noun_of_the_table_takes_that_role(text, body, role):
    result = run(text)
    assert (body, role) in roles(result)
    assert sides(result) == {"Ghana", "Togo"}
