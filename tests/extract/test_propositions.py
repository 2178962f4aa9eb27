"""The assistant proposes a proposition for each position: an existing one whose words match, or a draft."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.curation.review import build_change, event_rows, new_actor_rows, position_rows
from dashboard.dataset.loader import load_dataset
from dashboard.extract import extract_article
from dashboard.extract.propositions import closest_proposition, draft_statement, stems

# SYNTHETIC sentences about a made-up process; no real article is quoted.
PROPOSITIONS = pd.DataFrame({
    "proposition_id": ["syn-border", "syn-ceasefire", "syn-other-border"],
    "process_id": ["syn", "syn", "syn-2"],
    "issue_id": ["territory", "ceasefire", "territory"],
    "statement": ["The northern border follows the 1990 line", "An immediate ceasefire along the front",
                  "The northern border follows the 1990 line"],
    "note": ["", "", ""],
})


def test_stems_meet_across_word_forms_and_skip_function_words():
    assert stems("recognition of the territories") == {"recogn", "territ"}
    assert stems("They recognised territorial claims") >= {"recogn", "territ", "claims"}
    assert "would" not in {s[:5] for s in stems("would rather")}


def test_the_closest_proposition_of_the_same_process_and_issue_is_reused():
    quote = "SYNTHETIC: Eastland says the northern border must follow the 1990 line."
    match = closest_proposition(quote, "territory", "syn", PROPOSITIONS)
    assert match["proposition_id"] == "syn-border" and {"border", "northe"} <= set(match["shared"])
    assert closest_proposition(quote, "territory", "syn-3", PROPOSITIONS) is None  # another process: never
    assert closest_proposition(quote, "ceasefire", "syn", PROPOSITIONS) is None  # another issue: never
    assert closest_proposition("SYNTHETIC: Eastland wants more grain.", "territory", "syn", PROPOSITIONS) is None


def test_a_draft_takes_the_words_the_stance_cue_governs():
    assert draft_statement("Officials said the talks will not include territorial concessions, he added.",
                           "will not; red line: will not") == "Include territorial concessions"
    assert draft_statement("Nothing to see.", "demands") == ""


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_on_the_seed_article_both_territory_positions_get_the_curated_proposition(ds):
    article = ds.articles["src-000"]
    result = extract_article(article.text, ds["actors"], None, ds["processes"], ds["events"], ds["propositions"])
    territory = [p for p in result["positions"] if p["issue"] == "territory" and p["red_line"]]
    assert {p["actor"] for p in territory} == {"russia", "ukraine"}
    assert {p["proposition"]["existing"]["proposition_id"] for p in territory} == {"ru-ua-claimed-territory-recognised"}


def test_review_rows_reuse_or_draft_and_the_save_adds_the_new_proposition(folder):
    data = load_dataset(folder.data, folder.seeds)
    text = ("SYNTHETIC TEST ARTICLE. Ukrainian officials said they will never accept territorial concessions. "
            "Russian officials said they will never accept sanctions on their banks, Russia said.")
    result = extract_article(text, data["actors"], dt.date(2025, 5, 20), data["processes"], data["events"],
                             data["propositions"])
    rows = position_rows(result, "russia-ukraine", data["propositions"])
    by_issue = rows.set_index("issue_id")
    assert by_issue.loc["territory", "proposition_id"] == "ru-ua-claimed-territory-recognised"
    assert by_issue.loc["territory", "new_proposition"] == ""
    assert by_issue.loc["sanctions", "proposition_id"] == ""  # the process has no proposition on sanctions yet
    assert by_issue.loc["sanctions", "new_proposition"] == "Accept sanctions on their banks"
    rows["accept"] = True
    change = build_change(data, "src-000", event_rows(result, "russia-ukraine").assign(accept=False), rows,
                          new_actor_rows(result).assign(accept=False))
    [new] = change.rows["propositions"]
    assert (new["process_id"], new["issue_id"], new["statement"]) == ("russia-ukraine", "sanctions",
                                                                       "Accept sanctions on their banks")
    linked = {p["issue_id"]: p["proposition_id"] for p in change.rows["positions"]}
    assert linked == {"territory": "ru-ua-claimed-territory-recognised", "sanctions": new["proposition_id"]}
    assert "new_proposition" not in change.rows["positions"][0]
