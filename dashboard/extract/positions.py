"""Positions: who says they demand, reject or accept what, with red lines, from the sentence that says it."""

from __future__ import annotations

import re

from dashboard.extract import cues
from dashboard.extract.context import ArticleContext
from dashboard.extract.grammar import clause_at, first_family
from dashboard.extract.mentions import Mention
from dashboard.extract.result import Position
from dashboard.extract.sentences import Sentence

_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y)\b")
_DOUBLE_NEGATIVE = re.compile(r"\b(?:never|not|no longer)\s+(?:\w+\s+)?(?:refus\w*|reject\w*|opposed)\b", re.IGNORECASE)


def position_in(sentence: Sentence, mentions: list[Mention], last_person: Mention | None,
                ctx: ArticleContext) -> Position | None:
    """The position a sentence states, held by its speaker or the subject of the clause that states it."""
    stance = first_family(cues.STANCES, sentence.text, default="")
    red = cues.RED_LINE.search(sentence.text)
    if not stance and red:  # "… is unacceptable", "a precondition for any deal": the red line is the stance
        stance = "demands" if re.search(r"(?i)condition", red.group(0)) else "rejects"
    if not stance:
        return None
    holder = _speaker(sentence, mentions, last_person, ctx)
    cue = next((p.search(sentence.text) for name, p in cues.STANCES if name == stance and p.search(sentence.text)), red)
    if holder is None:
        cue_at = sentence.start + cue.start()
        clause_start = clause_at(sentence, cue_at)[0]
        # the holder is the subject of the clause that states the stance ("...; Moldova will never accept ...")
        in_clause = [m for m in mentions if clause_start <= m.start < cue_at and m.actor_id]
        before = [m for m in mentions if m.start < cue_at and m.actor_id]
        holder = (in_clause or before or [m for m in mentions if m.actor_id] or [None])[0]
    if holder is None and ctx.issuers and _FIRST_PERSON.search(sentence.text):
        holder = ctx.issuers[0]  # "We will never accept …" in a statement: its issuer's words
    if holder is None:
        return None
    actor, speaker_id = holder.actor_id, None
    if holder.kind == "person":
        speaker_id = holder.actor_id
        actor = ctx.matcher.affiliation(holder.actor_id) or holder.actor_id
    red_line = bool(red)
    if _DOUBLE_NEGATIVE.search(sentence.text):
        red_line = False
        if stance == "rejects":
            stance = "open"
    return Position(actor=actor, speaker=speaker_id, issue=first_family(cues.ISSUES, sentence.text, default="") or None,
                    stance=stance, red_line=red_line, cue=cue.group(0) + (f"; red line: {red.group(0)}" if red_line else ""),
                    holder_alias=holder.alias, quote=sentence.text, start=sentence.start, end=sentence.end)


def _speaker(sentence: Sentence, mentions: list[Mention], last_person: Mention | None, ctx: ArticleContext) -> Mention | None:
    """Who is quoted: '"...," Vela said', 'Vela said ...', or "He ..." after a named person."""
    text = ctx.text
    people = [m for m in mentions if m.kind == "person" and m.actor_id]
    for m in people:
        before, after = text[max(sentence.start, m.start - 6):m.start], text[m.end:m.end + 12]
        if re.search(r"[\"”]\s*,?\s*$", before) or re.match(rf"\s+(?:{cues.SAID})\b", after):
            return m
    if cues.PRONOUN_SUBJECT.match(sentence.text) and last_person is not None and last_person.actor_id:
        return last_person
    return None
