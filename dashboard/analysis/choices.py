"""The records a picker offers: narrowed by the words a curator types, in a fixed order, a page at most.

A picker that listed every event would send 100,000 titles to the browser on a large dataset; these
functions give the first `limit` matches and how many matched in all, so the view can say "narrow it".
"""

from __future__ import annotations

import pandas as pd


def matching(frame: pd.DataFrame, words: str, columns: list[str]) -> pd.Series:
    """Rows where every word of `words` (any case) appears in one of `columns`."""
    keep = pd.Series(True, index=frame.index)
    for word in words.casefold().split():
        found = pd.Series(False, index=frame.index)
        for column in columns:
            found |= frame[column].str.casefold().str.contains(word, regex=False)
        keep &= found
    return keep


def events_to_update(events: pd.DataFrame, words: str = "", limit: int = 100) -> tuple[pd.DataFrame, int]:
    """Events whose status an editor may change, matching `words` in their title, id or venue: announced ones
    first (they are the ones that get held, postponed or cancelled), then newest first, ties by id. The first
    `limit`, and how many matched."""
    chosen = events[matching(events, words, ["title", "event_id", "venue"])]
    ordered = (chosen.assign(_later=chosen["status"].ne("announced"))
               .sort_values(["_later", "start", "event_id"], ascending=[True, False, True], na_position="last",
                            kind="stable"))
    return ordered.head(limit).drop(columns="_later"), len(chosen)


def sources_to_quote(sources: pd.DataFrame, words: str = "", limit: int = 100) -> tuple[pd.DataFrame, int]:
    """Articles matching `words` in their title, outlet or id, newest first, ties by id: the first `limit`, and how
    many matched."""
    chosen = sources[matching(sources, words, ["title", "outlet", "source_id"])]
    ordered = chosen.sort_values(["published_value", "source_id"], ascending=[False, True], na_position="last",
                                 kind="stable")
    return ordered.head(limit), len(chosen)
