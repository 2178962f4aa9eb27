"""Showing curator and article text safely.

Text from articles and curators is data: escaped for Markdown (outputs/markdown_text.py) wherever the app
writes it, so it shows exactly as written and never as markup.
"""

from __future__ import annotations

import streamlit as st

from dashboard.outputs.markdown_text import escape_markdown


def md(text: object) -> str:
    """Escape text for st.markdown and widget labels."""
    return escape_markdown(text)


def md_quote(text: object) -> str:
    """Escaped text as a Markdown blockquote, every line of it inside the quote."""
    return "> " + md(text).replace("  \n", "  \n> ")


def md_evidence(quote: object, from_dataset: object = "") -> str:
    """What backs a record: its article's words as a blockquote, or, for a record from a dataset, where in the
    dataset it comes from ("from PA-X v10, agreement 1234"), in italics. Both escaped."""
    if from_dataset and not quote:
        return f"_{md(from_dataset)}_"
    return md_quote(quote)


def source_label(source_id: str, title: str) -> str:
    """How an article is named in the Sources picker and so in its URL (`?source=...`)."""
    return f"{source_id}: {title}"


def no_match(what: str, hint: str = "Widen the date range") -> None:
    """The empty state of a filtered view: say what matched nothing and what to do about it."""
    st.info(f"No {what} matches the filters. {hint}, or press **Clear filters** in the sidebar.",
            icon=":material/filter_alt_off:")
