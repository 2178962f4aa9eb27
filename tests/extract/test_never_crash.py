"""No article crashes the assistant: every seed and corpus article on the command line, and generated text.

Whatever the text, the result is valid JSON and every offset points at the words it claims. The
generated text is SYNTHETIC (Hypothesis draws it from a vocabulary of the cue words, names and dates
the rules look for, and from arbitrary characters).
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from articles_to_try import all_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.dataset.articles import read_article
from dashboard.dataset.loader import load_dataset
from dashboard.extract import extract_article
from dashboard.extract.__main__ import main


def offsets_hold(text: str, result: dict) -> None:
    for m in result["mentions"] + result["places"]:
        assert text[m["start"]:m["end"]] == m["alias"]
    for p in result["positions"]:
        assert text[p["start"]:p["end"]] == p["quote"]
    for e in result["events"]:
        for ev in [e["evidence"], *e.get("also_evidence", [])]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
            if "date_text" in ev:
                assert text[ev["date_start"]:ev["date_end"]] == ev["date_text"]
        assert set(e["mediators"]) == {t["actor"] for t in e["third_parties"]}
    for a in result["new_actors"]:
        assert a["actor_id"] and a["kind"] in ("state", "international_organisation", "group", "person") and a["cue"]


@pytest.mark.parametrize("path", all_articles(), ids=lambda p: p.name)
def test_every_article_gives_json_on_the_command_line(path, capsys):
    assert main([str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == [], result["errors"]
    offsets_hold(read_article(path).text, result)
    assert result["process"]["name"]


ACTORS = load_dataset()["actors"]
WORDS = st.sampled_from([
    "talks", "met", "in", "Oslo", "Lima", "on", "3 March", "12–14 May 2021", "April 3-5", "yesterday", "today",
    "Saturday", "between", "and", "the", "Government of", "Peru", "Peruvian", "Front", "(KSF)", "KSF", "mediated by",
    "hosted", "Special Envoy", "President", "of", ",", ".", "—", "\n", "\n\n", "said:", "“", "”", "'s", "’s", "will",
    "never", "accept", "ceasefire", "signed", "the Marrans", "Russia", "Türkiye", "UN-led", "-", "/", "07/09/2020",
    "Mr", "J.", "bin", "Al-", "NAIROBI", "released by", "statement", "attack", "like", "Malta", "U.S.",
])
TEXT = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=300))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_generated_text_never_crashes_and_offsets_point_at_their_words(text, published):
    result = extract_article(text, ACTORS, published)
    json.loads(json.dumps(result))  # plain JSON all through
    assert result["errors"] == [], result["errors"]
    offsets_hold(text, result)


def test_an_empty_registry_and_an_empty_article_are_fine():
    empty = pd.DataFrame(columns=["actor_id", "name", "kind", "aliases", "affiliation", "title", "country_code"])
    result = extract_article("", empty, None)
    assert result["events"] == [] and result["errors"] == [] and result["process"]["new"]
