"""Word lists the extractor reads events, roles, stances and issues from.

Kept together so that a curator can see, and extend, everything the assistant
looks for. Patterns are matched case-insensitively on whole words.
"""

from __future__ import annotations

import re

# The calendar's words, in English like the articles: dates, never places or names.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def words(*alternatives: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


# A sentence about negotiations mentions one of these.
TALKS = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet(?:s|ing)?", r"summit\w*", r"rounds?",
              r"dialogue", r"consultations?", r"conference", r"ceasefire", r"cease-fire", r"truce", r"armistice",
              r"cessation of hostilities", r"agreements?", r"deal", r"accords?", r"peace plan", r"spoke with",
              r"call with", r"phone call", r"mediat\w*", r"summits?", r"initiative", r"proposed", r"proposal",
              r"host(?:ed|ing|s)?", r"hospitality", r"delegations?", r"facilitat\w*", r"observers?", r"guarantors?",
              r"brokered", r"memorandum", r"pause", r"peace process", r"normali[sz]ation", r"reconven\w*",
              r"cessation", r"signing", r"signed", r"accepted", r"spoke (?:by phone )?with", r"forum", r"reaching")

# A place is a venue when a meeting word stands near it ("talks in Istanbul", "met in Doha", "Today in Jeddah").
VENUE_CONTEXT = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet", r"held", r"hold", r"summit\w*",
                      r"rounds?", r"took place", r"take place", r"convened?", r"gathered", r"signed", r"signing",
                      r"taken", r"hosted", r"hosting", r"today", r"delegations?", r"resumed?", r"conference",
                      r"reached", r"agreement", r"accord", r"ceasefire", r"cease-fire", r"truce", r"dialogue",
                      r"reconven\w*", r"attend\w*", r"restart\w*", r"visit\w*", r"forum", r"here")

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
_REL = r"(?:['’]s?)?,?(?:\s+(?:which|who|that))?"
# "thank X for his partnership in reaching this deal", "Chile for its leadership in facilitating the talks"
_CREDIT = r"\s+for\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+){0,3}?(?:leadership|partnership|role|efforts?|work|" \
    r"mediation|support|diplomacy)\s+(?:\w+\s+){0,2}?(?:in|on|to|towards?)\s+"
ROLE_AFTER: list[tuple[str, re.Pattern]] = [
    ("facilitator", re.compile(rf"^{_REL}(?:-facilitated|\s+facilitat\w*|\s+(?:\w+\s+){{0,4}}?(?:and |for )"
                               r"(?:\w+ )?facilitat\w*|['’]s facilitation|\s+(?:has |have )?(?:facilitated|organi[sz]ed)|"
                               rf"\s+(?:\w+ ){{0,3}}offered (?:its|their) services to organi[sz]e|{_CREDIT}facilitat\w*)",
                               re.IGNORECASE)),
    ("mediator", re.compile(rf"^{_REL}(?:-led|\s+(?:for\s+)?(?:has\s+|have\s+)?mediat\w*|\s*(?:['’]s)?\s+role as "
                            r"(?:a |the )?mediator|\s+as (?:a |the )?mediators?|-brokered|-mediated|\s+brokered|"
                            rf"{_CREDIT}(?:reach|secur|brok|achiev|mediat|negotiat|bring|extend|renew|conclud)\w*|"
                            r"\s+(?:\w+\s+)?proposal\s+(?:to|for)\s+(?:end|resolve|settle|"
                            r"an?\s+(?:[\w-]+\s+){0,4}(?:ceasefire|cease-fire|truce|settlement)))", re.IGNORECASE)),
    ("host", re.compile(rf"^{_REL}\s+(?:\w+\s+){{0,2}}?(?:for (?:\w+ )?)?(?:host(?:ed|ing|s)?\b|hospitality)",
                        re.IGNORECASE)),
    ("guarantor", re.compile(rf"^{_REL}\s+(?:as|being)\s+(?:a\s+|the\s+)?guarantors?", re.IGNORECASE)),
    ("observer", re.compile(rf"^{_REL}\s+(?:as|being)\s+(?:an?\s+|the\s+)?observers?", re.IGNORECASE)),
]
ROLE_BEFORE: list[tuple[str, re.Pattern]] = [
    ("mediator", re.compile(r"(?:mediated by|mediation (?:of|by)|brokered by|under the auspices of|"
                            r"good offices of)\s+(?:the\s+)?$", re.IGNORECASE)),
    ("host", re.compile(r"(?:hosted by|co-hosted by|hospitality of|host(?:ed)? in|"
                        r"host\w*\s+(?:\w+,?\s+){0,2}together with)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)),
    ("facilitator", re.compile(r"(?:facilitated by|facilitation (?:of|by)|with the (?:support|help|assistance) of)"
                               r"\s+(?:the\s+)?$", re.IGNORECASE)),
    ("guarantor", re.compile(r"(?:guaranteed by|guarantors?,?)\s+(?:the\s+)?$", re.IGNORECASE)),
    ("observer", re.compile(r"(?:observer (?:role|status) of|observed by)\s+(?:the\s+)?$", re.IGNORECASE)),
    ("witness", re.compile(r"(?:witnessed by|in the presence of)\s+(?:the\s+)?$", re.IGNORECASE)),
]
# "A, B, and C, whose facilitation led ..." gives the role to the people just listed.
ROLE_OF_LIST = [("facilitator", re.compile(r"^\s*,?\s*whose facilitation", re.IGNORECASE)),
                ("mediator", re.compile(r"^\s*,?\s*whose mediation", re.IGNORECASE))]
# A person whose title makes them a go-between mediates for the actor they act for.
ENVOY_TITLES = re.compile(r"\b(?:Envoy|Special Representative|SRSG|Mediator|Facilitator|Special Coordinator)\b")
# "Peruvian-led", "Kenyan-owned": a process the parties lead themselves, not a mediator
OWN_PROCESS = re.compile(r"^-(?:led|owned)\b", re.IGNORECASE)

PARTIES_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
# Words that name the sides explicitly: the actors listed right after them are the parties.
PARTIES_OF = re.compile(r"\b(?:delegations?|leaders|prime ministers?|presidents?|governments|heads of state|"
                        r"representatives|negotiators|(?:foreign )?ministers(?: of [A-Z][\w ]{0,40}?)?)\s+of\s+"
                        r"(?:both\s+)?(?:the\s+)?$", re.IGNORECASE)
PARTIES_DID = re.compile(r"^\s+(?:have\s+|had\s+|will\s+|to\s+)?(?:signed|agreed|reached|met|concluded|"
                         r"negotiated|held talks|resumed|accepted)\b", re.IGNORECASE)
# "X welcomes ...": the actor comments on talks, it is not a side in them
COMMENTATOR = re.compile(r"^(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:welcom\w*|commend\w*|regret\w*|thank\w*|urg\w*|"
                         r"congratulat\w*|applaud\w*|condemn\w*|not\w*|remains?|is (?:thankful|committed|grateful|"
                         r"concerned)|emphasi[sz]\w*|deplor\w*|stands?|encourag\w*|supports?|will continue|"
                         r"joins?|celebrat\w*|Embassy|statement)\b", re.IGNORECASE)
AUTHORS = re.compile(r"\b(?:released|issued|made|delivered|signed)\s+by\b|\bEmbassy of\b|\bstatement (?:by|from)\b",
                     re.IGNORECASE)
DESTINATION = re.compile(r"\b(?:travel\w*|visit\w*|trips?|tour\w*|arriv\w*|head\w* to)\b[^.;]*$", re.IGNORECASE)
# A date next to these words dates fighting, not talks ("the October 7th attack").
VIOLENCE = re.compile(r"\b(?:attack\w*|assault\w*|massacre\w*|invasion|invaded|offensive|bombing\w*|strikes?|"
                      r"killed|war began|shelling|raid\w*)\b", re.IGNORECASE)
# A demonym before these nouns names people, not the state acting ("American hostages").
PEOPLE_NOUNS = re.compile(r"^\s+(?:people|hostages|citizens|civilians|families|prisoners|refugees|soldiers|children|"
                          r"women|men|nationals|workers|population|communities|grain|exports|ports?)\b", re.IGNORECASE)

# Positions: stance cues, strongest first; red-line cues.
_WILL_NOT = r"will not(?! (?:stop|rest|give up|relent) until)"  # "will not stop until …" is a commitment, not a refusal
_CANNOT_AGREE = r"c(?:an|ould) ?not (?:agree|accept)"
STANCES: list[tuple[str, re.Pattern]] = [
    ("rejects", words(_WILL_NOT, r"won['’]t", _CANNOT_AGREE, r"would not", r"refus\w*", r"reject\w*",
                      r"rul(?:e|ed|es|ing) out", r"never", r"not include", r"no (?:\w+ )?concessions?",
                      r"under no circumstances")),
    ("demands", words(r"insist\w*", r"demand\w*", r"must", r"call(?:ed|s)? for", r"urg\w*", r"push(?:es|ed)? for",
                      r"emphasi[sz]\w*", r"stress\w*", r"requir\w*", r"securing", r"needs? to", r"has to")),
    ("opposes", words(r"oppos\w*", r"regret\w*", r"condemn\w*", r"against", r"concern\w*", r"deplor\w*")),
    ("open", words(r"open(?:ness)? to", r"willing(?:ness)? to", r"signall?ed openness", r"ready to discuss",
                   r"possibility")),
    ("accepts", words(r"ready to accept", r"readiness to accept", r"welcom\w*", r"support\w*", r"agree\w*",
                      r"accept\w*", r"commend\w*", r"committed to", r"propos\w*", r"back(?:s|ed|ing)?")),
]
# A red line is declared by the holder in its own (quoted or reported) words: categorical words in what it says.
# The reporter's verbs ("insists", "refuses", "emphasised") set the stance, never a red line (data/README.md).
RED_LINE = words(_WILL_NOT, r"won['’]t", r"never", r"under no circumstances", r"non-negotiable", r"red lines?",
                 r"must be (?:acknowledged|recognised|recognized|respected)", r"rul(?:e|ed|es|ing) out",
                 _CANNOT_AGREE, r"not include", r"not negotiable", r"no (?:\w+ )?concessions?")

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
