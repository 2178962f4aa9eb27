"""Word lists the extractor reads events, roles, stances and issues from.

Kept together so that a curator can see, and extend, everything the assistant
looks for. Patterns are matched case-insensitively on whole words.
"""

from __future__ import annotations

import re


def words(*alternatives: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


# A sentence about negotiations mentions one of these.
TALKS = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet(?:s|ing)?", r"summit\w*", r"rounds?",
              r"dialogue", r"consultations?", r"conference", r"ceasefire", r"cease-fire", r"truce", r"armistice",
              r"cessation of hostilities", r"agreements?", r"deal", r"accords?", r"peace plan", r"spoke with",
              r"call with", r"phone call", r"mediat\w*", r"summits?", r"initiative", r"proposed", r"proposal",
              r"host(?:ed|ing|s)?", r"hospitality", r"delegations?", r"facilitat\w*")

# A place is a venue when a meeting word stands near it ("talks in Istanbul", "met in Doha", "Today in Jeddah").
VENUE_CONTEXT = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet", r"held", r"hold", r"summit\w*",
                      r"rounds?", r"took place", r"take place", r"convened?", r"gathered", r"signed", r"signing",
                      r"taken", r"hosted", r"hosting", r"today", r"delegations?", r"resumed?", r"conference")

# Event type by the first family that matches (order matters).
EVENT_TYPES: list[tuple[str, re.Pattern]] = [
    ("agreement_suspended", words(r"suspend\w*", r"withdr[ae]w\w* from", r"pulled out", r"collaps\w*", r"defunct",
                                  r"terminat\w*", r"abandon\w*")),
    ("agreement_signed", words(r"sign(?:ed|ing|s)?", r"(?:agreement|deal|accord)s? (?:was |were |has been |have been )?"
                               r"(?:reached|agreed|concluded)", r"reached (?:an? |the )?\w*\s?(?:agreement|deal|accord)",
                               r"(?:has|have) been reached", r"struck")),
    ("call", words(r"spoke with", r"phone call", r"call with", r"telephone\w*", r"spoke by phone")),
    ("mediation_offer", words(r"offer(?:ed|s)? (?:to|its|their) (?:mediat\w*|host\w*|services)", r"offered to host",
                              r"ready to host", r"willing to mediate")),
    ("proposal", words(r"propos\w*", r"suggest\w*", r"put forward")),
    ("summit", words(r"summit\w*")),
    ("talks_round", TALKS),
]

# Status by the first family found near the date (order matters).
STATUSES: list[tuple[str, re.Pattern]] = [
    ("postponed", words(r"postpon\w*", r"delay\w*", r"put off", r"push(?:ed)? back", r"reschedul\w*")),
    ("cancelled", words(r"cancel\w*", r"call(?:ed)? off", r"scrapp\w*")),
    ("suspended", words(r"suspend\w*", r"halt\w*", r"broke off", r"broken off", r"interrupt\w*", r"disrupt\w*",
                        r"collaps\w*", r"defunct", r"stalled")),
    ("announced", words(r"will", r"expected", r"upcoming", r"scheduled", r"planned", r"due to", r"set to",
                        r"propos\w*", r"suggest\w*", r"next", r"to resume", r"would", r"shall", r"aim\w* to",
                        r"plans? to")),
]

# Third-party roles: a cue after the actor ("Türkiye for hosting") or before it ("mediated by Türkiye").
# "X, which hosted ..." / "X, who mediated ...": a relative clause may stand between the actor and its role.
_REL = r"(?:['’]s)?,?(?:\s+(?:which|who|that))?"
ROLE_AFTER: list[tuple[str, re.Pattern]] = [
    ("mediator", re.compile(rf"^{_REL}(?:-led|\s+(?:for\s+)?(?:has\s+|have\s+)?mediat\w*|\s*(?:['’]s)?\s+role as "
                            r"(?:a |the )?mediator|\s+as (?:a |the )?mediator|-brokered|\s+brokered)", re.IGNORECASE)),
    ("host", re.compile(rf"^{_REL}\s+(?:\w+\s+){{0,2}}?(?:for (?:\w+ )?)?(?:host(?:ed|ing|s)?\b|hospitality)",
                        re.IGNORECASE)),
    ("facilitator", re.compile(rf"^{_REL}(?:-facilitated|\s+facilitat\w*|\s+(?:\w+\s+){{0,4}}?(?:and |for )"
                               r"(?:\w+ )?facilitat\w*|['’]s facilitation|\s+(?:has |have )?(?:facilitated|organi[sz]ed)|"
                               r"\s+(?:\w+ ){0,3}offered (?:its|their) services to organi[sz]e)", re.IGNORECASE)),
]
ROLE_BEFORE: list[tuple[str, re.Pattern]] = [
    ("mediator", re.compile(r"(?:mediated by|mediation (?:of|by)|brokered by|under the auspices of)\s+(?:the\s+)?$",
                            re.IGNORECASE)),
    ("host", re.compile(r"(?:hosted by|hospitality of|host(?:ed)? in)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)),
    ("facilitator", re.compile(r"(?:facilitated by|facilitation (?:of|by))\s+(?:the\s+)?$", re.IGNORECASE)),
]
# "A, B, and C, whose facilitation led ..." gives the role to the people just listed.
ROLE_OF_LIST = [("facilitator", re.compile(r"^\s*,?\s*whose facilitation", re.IGNORECASE)),
                ("mediator", re.compile(r"^\s*,?\s*whose mediation", re.IGNORECASE))]

PARTIES_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)

# Positions: stance cues, strongest first; red-line cues.
STANCES: list[tuple[str, re.Pattern]] = [
    ("rejects", words(r"will not", r"won['’]t", r"would not", r"refus\w*", r"reject\w*", r"rul(?:e|ed|es|ing) out",
                      r"never", r"not include", r"no (?:\w+ )?concessions?", r"under no circumstances", r"cannot accept")),
    ("demands", words(r"insist\w*", r"demand\w*", r"must", r"call(?:ed|s)? for", r"urg\w*", r"push(?:es|ed)? for",
                      r"emphasi[sz]\w*", r"stress\w*", r"requir\w*", r"securing", r"needs? to", r"has to")),
    ("opposes", words(r"oppos\w*", r"regret\w*", r"condemn\w*", r"against", r"concern\w*", r"deplor\w*")),
    ("open", words(r"open(?:ness)? to", r"willing(?:ness)? to", r"signall?ed openness", r"ready to discuss",
                   r"possibility")),
    ("accepts", words(r"ready to accept", r"readiness to accept", r"welcom\w*", r"support\w*", r"agree\w*",
                      r"accept\w*", r"commend\w*", r"committed to", r"propos\w*", r"back(?:s|ed|ing)?")),
]
RED_LINE = words(r"will not", r"won['’]t", r"never", r"under no circumstances", r"non-negotiable", r"red lines?",
                 r"must be (?:acknowledged|recognised|recognized|respected)", r"insist\w*", r"refus\w*",
                 r"cannot accept", r"not include", r"not negotiable", r"no (?:\w+ )?concessions?")

ISSUES: list[tuple[str, re.Pattern]] = [
    ("territory", words(r"territor\w*", r"borders?", r"sovereignty", r"annex\w*", r"realities on the ground",
                        r"new realities", r"land", r"occupied", r"incorporation")),
    ("ceasefire", words(r"ceasefire", r"cease-fire", r"truce", r"hostilities", r"fighting", r"end (?:of|to) the war",
                        r"end to the violence", r"armistice")),
    ("humanitarian", words(r"prisoners?", r"hostages?", r"humanitarian", r"civilians?", r"aid", r"grain", r"food\w*",
                           r"exports? of agricultural")),
    ("sanctions", words(r"sanctions?")),
    ("security_guarantees", words(r"guarantees?", r"security assistance", r"troops", r"NATO", r"military aid")),
    ("regime", words(r"regime", r"denazif\w*", r"government change", r"elections?", r"leadership")),
    ("settlement", words(r"settlement", r"root causes?", r"lasting (?:peace|resolution|end)", r"peace plan")),
    ("talks_format", words(r"talks", r"negotiations?", r"preconditions?", r"mediat\w*", r"facilitat\w*", r"dialogue",
                           r"direct talks")),
]

# Speech: '"...," Ryabkov said', 'Ryabkov said that', 'according to Ryabkov'.
SAID = r"(?:said|says|stated|told|added|noted|stressed|emphasi[sz]ed|insisted|warned|declared|announced)"
PRONOUN_SUBJECT = re.compile(r"^\s*(?:He|She)\b")
