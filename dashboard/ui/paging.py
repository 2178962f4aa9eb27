"""Long tables go to the browser a page at a time.

A 100,000-row table would send tens of megabytes to every viewer; a page of
rows is enough to read, and the download buttons hold every row.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

PAGE_SIZE = 500


def page_of(frame: pd.DataFrame, key: str, page_size: int = PAGE_SIZE) -> pd.DataFrame:
    """The rows of the page the viewer picked; a page picker and a caption when there is more than one page."""
    pages = max(1, math.ceil(len(frame) / page_size))
    if pages == 1:
        return frame
    left, right = st.columns([1, 4], vertical_alignment="bottom")
    page = left.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1, step=1, key=key)
    start = (int(page) - 1) * page_size
    right.caption(f"Rows {start + 1:,}–{min(start + page_size, len(frame)):,} of {len(frame):,}; "
                  "the download below holds them all.")
    return frame.iloc[start:start + page_size]

