"""Which proposition a proposed position is about: an existing one whose words match, or a draft of a new one.

Reuse comes first, so that stances stay comparable (data/README.md, Propositions): the position's sentence
is compared with the statement and note of each proposition of the same process and issue, by the word
stems they share. A stem is the first six letters of a word of four letters or more, lower-cased, so that
"recognition" meets "recognised" and "territories" meets "territorial"; the commonest English function
words are left out. When nothing shares enough, the words the stance cue governs ("will not include
*territorial concessions*") are offered as the draft of a new proposition for the curator to word.
"""

from __future__ import annotations

import re

import pandas as pd

STEM_LENGTH = 6
MIN_SHARED = 2  # stems shared with the proposition's words …
MIN_SHARE = 0.25  # … and at least this share of the statement's stems
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
# English function words of four letters or more (the shorter ones never become stems).
_FUNCTION_WORDS = frozenset({
    "about", "above", "after", "again", "against", "also", "been", "before", "being", "below", "between", "both",
    "could", "does", "doing", "down", "during", "each", "even", "from", "further", "have", "having", "here", "into",
    "itself", "just", "more", "most", "must", "other", "over", "same", "should", "some", "such", "than", "that",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "under", "until",
    "very", "were", "what", "when", "where", "which", "while", "whom", "will", "with", "would", "your", "said",
    "says", "told", "stated", "side", "sides", "talks",
})
_CLAUSE_END = re.compile(r"[,;:.!?)\]]")
DRAFT_WORDS = 12


def stems(text: str) -> set[str]:
    return {w.lower()[:STEM_LENGTH] for w in _WORD.findall(text or "") if w.lower() not in _FUNCTION_WORDS}


def closest_proposition(quote: str, issue_id: str | None, process_id: str | None,
                        propositions: pd.DataFrame | None) -> dict | None:
    """The existing proposition of this process and issue whose words the quote shares most, or None.

    Returns proposition_id, statement, shared (the stems the quote shares with the statement and its note,
    sorted) and share (their number over the statement's own stems)."""
    if propositions is None or propositions.empty or not issue_id or not process_id:
        return None
    candidates = propositions[propositions["process_id"].eq(process_id) & propositions["issue_id"].eq(issue_id)]
    said = stems(quote)
    best = None
    for prop in candidates.itertuples(index=False):
        own = stems(prop.statement)
        shared = said & (own | stems(getattr(prop, "note", "")))
        share = len(shared) / len(own) if own else 0.0
        if len(shared) >= MIN_SHARED and share >= MIN_SHARE and (best is None or (len(shared), share) >
                                                                   (len(best["shared"]), best["share"])):
            best = {"proposition_id": prop.proposition_id, "statement": prop.statement, "shared": sorted(shared),
                    "share": round(share, 2)}
    return best


def draft_statement(quote: str, cue: str) -> str:
    """The words the stance cue governs, up to the end of their clause (at most DRAFT_WORDS words), as the
    draft of a new proposition; empty when the cue is not found or nothing follows it."""
    word = (cue or "").split(";")[0].strip()
    at = quote.lower().find(word.lower()) if word else -1
    if at < 0:
        return ""
    rest = quote[at + len(word):]
    end = _CLAUSE_END.search(rest)
    words = (rest[: end.start()] if end else rest).split()[:DRAFT_WORDS]
    text = " ".join(words).strip(" \"'“”‘’—–-")
    return text[:1].upper() + text[1:] if text else ""


def propose(position: dict, process_id: str | None, propositions: pd.DataFrame | None) -> dict:
    """The proposition proposal for one proposed position: {"existing": …} or {"draft": …}."""
    match = closest_proposition(position["quote"], position.get("issue"), process_id, propositions)
    if match:
        return {"existing": match, "draft": ""}
    return {"existing": None, "draft": draft_statement(position["quote"], position.get("cue", ""))}
