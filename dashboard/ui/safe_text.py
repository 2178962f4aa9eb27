"""Showing curator and article text safely.

Text from articles and curators is data. In Markdown every punctuation mark that
Markdown or Streamlit's directives (`:red[...]`, `$...$`, `:smile:`) could read
is backslash-escaped, so the text shows exactly as written and never as markup.
"""

from __future__ import annotations

import re

import streamlit as st

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&\"'^])")


def md(text: object) -> str:
    """Escape text for st.markdown and widget labels."""
    if text is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def md_quote(text: object) -> str:
    """Escaped text as a Markdown blockquote, every line of it inside the quote."""
    return "> " + md(text).replace("  \n", "  \n> ")


def source_label(source_id: str, title: str) -> str:
    """How an article is named in the Sources picker and so in its URL (`?source=...`)."""
    return f"{source_id}: {title}"


def no_match(what: str, hint: str = "Widen the date range") -> None:
    """The empty state of a filtered view: say what matched nothing and what to do about it."""
    st.info(f"No {what} matches the filters. {hint}, or press **Clear filters** in the sidebar.",
            icon=":material/filter_alt_off:")
