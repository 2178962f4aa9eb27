"""Sentence structure the rule modules share: clauses, names joined into one list, words between offsets.

None of it knows any name: it reads punctuation, conjunctions and the order of words. `events`, `relations`,
`sides`, `venues` and `positions` all use it.
"""

from __future__ import annotations

import re

from dashboard.extract.mentions import LOWER_TITLES, Mention
from dashboard.extract.sentences import Sentence

# A clause ends before a subordinating word after a comma, at a semicolon, at a dash between spaces, before ", and"
# and a verb ("…, and appealed to"), and before "and X said".
_CLAUSE_BREAK = re.compile(r",\s+(?=(?:where|when|which|who|after|before|while|but|although|since|as|with)\b)|;\s+"
                           r"|\s+[—–]\s+|\s+-\s+|,\s+(?=and\s+[a-z]+(?:ed|s)\b)"
                           r"|\s+(?=and\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+(?:said|says|told|announced|added)\b)")
# Words a list of names may carry between its members ("A, B and the C", "A and Deputy President B", "A and leftist
# rebels of the B").
_LISTED = re.compile(r"-(?:\s+and\s+)?|"  # "the Veldian-Orvanian mediation", "a Veldian- and Orvanian-brokered truce"
                     r"\s*(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s*&\s*)"
                     r"(?:the\s+|(?<=and )(?:his|her|their)\s+)?"
                     r"(?:(?:former|late|acting|then|outgoing|incoming|interim|paramilitary|rebel|militant|armed|"
                     r"separatist|opposition|insurgent|jihadist|ruling|exiled|outlawed|main|leftist|military|"
                     r"transitional|federal|national)\s+)?(?:[A-Z][\w.\-’']*\s+){0,4}"
                     r"|\s+and\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:of|from)\s+(?:the\s+)?")
# A state's own body after its name ("Veldia's army and the Front signed"): the list goes on past it.
_OWN_BODY = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:army|military|armed\s+forces|forces|government|administration|"
                       r"delegation|negotiators|negotiating\s+team|authorities|representatives)(?=[\s,])")
_TITLED = re.compile(r"\s+(?:[A-Z][\w\-]*\s+){0,3}")  # "South African Deputy President X": title words between
_LOWER_TITLED = re.compile(rf"\s+{LOWER_TITLES}\s*,?\s+")  # "… his Veldian counterpart X": the demonym's person
_OF = re.compile(r"\s+of\s+(?:the\s+)?")  # "Sheikh X of Veldia": a person and the state they act for
_BRACKET = re.compile(r"\s*\([^()\n]{1,40}\)|,\s+or\s+[A-Z][A-Z&.\-]{1,8}(?=,)")  # "(NLF)", ", or NLF,"


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentence's clauses, in the article's text."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]
    return [(sentence.start + a, sentence.start + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def clause_at(sentence: Sentence, offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in clauses(sentence) if a <= offset < b), (sentence.start, sentence.end))


def first_family(families: list[tuple[str, re.Pattern]], *texts: str, default: str) -> str:
    """The name of the first family whose pattern matches, trying each text in turn."""
    for text in texts:
        for name, pattern in families:
            if pattern.search(text):
                return name
    return default


def name_end(text: str, m: Mention) -> int:
    """Where a name ends, with the acronym or note in brackets written right after it ("the Front (NLF)", "the
    Front, or NLF,")."""
    bracket = _BRACKET.match(text, m.end)
    return bracket.end() if bracket else m.end


def coordinated(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Mentions joined by "and" or commas ("the United Nations and Turkey") share what stands around them. A comma
    between a name and a person's name is an apposition ("the Envoy for Nepal, Ana Ruiz"), not a list."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            last = groups[-1][-1]
            gap = text[name_end(text, last):m.start]
            body = _OWN_BODY.match(gap)
            gap = gap[body.end():] if body else gap
            apposed = re.fullmatch(r"\s*,\s*", gap) and (m.kind == "person") != (last.kind == "person")
            listed = _LISTED.fullmatch(gap) and not apposed and not re.search(
                r"[.;:!?]|\b(?:which|who|that|but|said)\b", gap)
            titled = _TITLED.fullmatch(gap) or (_LOWER_TITLED.fullmatch(gap) and m.kind == "person") or (
                _TITLED_NEXT.fullmatch(gap) and m.kind == last.kind == "person")
            of = _OF.fullmatch(gap) and last.kind == "person"
            if (listed or titled or of) and len(gap) < 60:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_BARE_AND = re.compile(r"\s+and\s+(?:the\s+)?|\s*,\s*(?:and\s+)?(?:the\s+)?")
# Between two people of one list, each with a title: "X, former Veldian President Y and deputy president Z"
_TITLED_NEXT = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:former|ex-|late|acting)\s*)?"
                          rf"(?:[A-Z][\w’'-]*\s+){{0,3}}(?:{LOWER_TITLES}\s+)?")


def leading_names(group: list[Mention], text: str) -> list[Mention]:
    """The members a word before a list reaches: the first, a person its title words join it to ("the UN Special
    Envoy Jana Roe"), and those a bare "and" or comma joins to it ("hosted by A, B and C"), not a person's own
    "of X" nor a name a longer phrase introduces ("together with X, the President of Y")."""
    head = [group[0]]
    if group[0].kind == "person":  # a list of people: a demonym inside a title is the title's ("… and Veldian deputy
        # president X"), read with it
        group = [m for m, nxt in zip(group, [*group[1:], None]) if not (
            m.kind != "person" and nxt is not None and nxt.kind == "person"
            and (_TITLED.fullmatch(text[m.end:nxt.start]) or _LOWER_TITLED.fullmatch(text[m.end:nxt.start])))]
    for prev, m in zip(group, group[1:]):
        gap = text[prev.end:m.start]
        alike = (m.kind == "person") == (group[0].kind == "person")  # "hospitality of Prince X, the US and Y": X
        if (_BARE_AND.fullmatch(gap) and alike) or (_TITLED.fullmatch(gap) and m.kind == "person") or (
                group[0].kind == "person" and m.kind == "person" and _TITLED_NEXT.fullmatch(gap)):
            head.append(m)
        elif not _OF.fullmatch(gap):
            break
    return head


def words_between(text: str, start: int, end: int) -> int:
    return len(re.findall(r"[\w’'-]+", text[start:end]))
