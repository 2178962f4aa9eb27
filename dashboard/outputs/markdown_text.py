"""Text from articles and curators, escaped for Markdown.

Every punctuation mark that Markdown, or Streamlit's directives (`:red[...]`, `$...$`, `:smile:`), could
read is backslash-escaped, so the text shows exactly as written and never as markup: in the app
(`ui/safe_text.md`) and in the Markdown files Parley writes (the digest).
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=&\"'^])")


def escape_markdown(text: object) -> str:
    if text is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")
