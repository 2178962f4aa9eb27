"""Article text with its quoted passages marked, always escaped.

Article text is data: every character of it goes through `html.escape` before
it reaches the page, and the only markup is the `<mark>` elements added here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

# How highlighted article text looks, in light and dark themes alike (colours over the theme's own text colour).
ARTICLE_STYLE = """<style>
.parley-article { white-space: pre-wrap; line-height: 1.6; font-size: 1rem; max-width: 60rem; }
.parley-article mark.parley-quote { background: rgba(255, 196, 0, 0.35); color: inherit; border-radius: 2px; }
.parley-article mark.parley-selected { background: rgba(255, 110, 0, 0.6); outline: 2px solid rgba(255, 110, 0, 0.9); }
</style>"""


@dataclass(frozen=True)
class Segment:
    text: str
    citation_ids: tuple[str, ...]  # empty for plain text


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece knows which citations cover it.

    `spans` are (start, end, citation_id); they may overlap or nest.
    """
    spans = [(max(0, s), min(len(text), e), c) for s, e, c in spans if 0 <= s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = tuple(c for s, e, c in spans if s <= lo and hi <= e)
        out.append(Segment(text[lo:hi], covering))
    return out


def highlighted_html(text: str, spans: list[tuple[int, int, str]], selected: str = "", anchor_prefix: str = "q") -> str:
    """The article as escaped HTML, quoted passages in `<mark>`, each with an anchor id.

    Passages of the `selected` citation get the extra class `parley-selected`.
    """
    parts = []
    anchored: set[str] = set()
    for seg in segments(text, spans):
        body = html.escape(seg.text)
        if not seg.citation_ids:
            parts.append(body)
            continue
        new = [c for c in seg.citation_ids if c not in anchored]
        anchored.update(new)
        ids = "".join(f'<a id="{html.escape(anchor_prefix + "-" + c)}"></a>' for c in new)
        title = html.escape("Cited by " + ", ".join(seg.citation_ids))
        css = "parley-quote parley-selected" if selected and selected in seg.citation_ids else "parley-quote"
        parts.append(f'{ids}<mark class="{css}" title="{title}">{body}</mark>')
    return "".join(parts)
