"""Every word list and construction the assistant reads events, roles, sides, stances and issues from.

Kept together so that a curator can see, and extend, everything the assistant looks for; each list says on
the line above it what it is for. Patterns match whole words, case-insensitively unless marked. None of
them names a place, a group or a person: they are English words and constructions, and the names come
from the registry and the gazetteer.

The third-party roles are one table, `ROLE_CONSTRUCTIONS` (built by `_role_rows`): the role words
(`ROLE_VERBS`, `ROLE_PARTICIPLES`, `ROLE_ACTS`, `ROLE_AGENTS`: which word gives which role) crossed with the
constructions of English that tie an actor to such a word ("mediated by X", "X-brokered", "X's mediation", "X,
the guarantors", "X has been facilitating the talks", …), each row a `Construction` with its family's name.
The sides are a second table, `SIDE_CONSTRUCTIONS` (`SideConstruction` rows: "between A and B", "A and B
signed", "delegations of A and B", …). `relations.py` and `sides.py` apply them; a new construction is a new
row, not a new `if`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The calendar's words, in English like the articles: dates, never places or names.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# The days of the week: dates too ("on Monday"), never names.
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def words(*alternatives: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


# Speech: '"...," Vela said', 'Vela said that', 'according to Vela'.
SAID = r"(?:said|says|stated|told|added|noted|stressed|emphasi[sz]ed|insisted|warned|declared|announced)"

# --- Events -----------------------------------------------------------------------------------------------------

# A sentence about negotiations names one of these (a press or news conference is not a meeting of the sides).
TALKS = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet(?:s|ing)?", r"summit\w*", r"rounds?",
              r"dialogue", r"consultations?", r"(?<!press )(?<!news )conference", r"ceasefire", r"cease-fire", r"truce",
              r"armistice", r"cessation of hostilities", r"agreements?", r"deal", r"accords?", r"peace plan",
              r"spoke with", r"call with", r"phone call", r"mediat\w*", r"initiative", r"proposed", r"proposal",
              r"host(?:ed|ing|s)?", r"co-?host\w*", r"hospitality", r"delegations?", r"delegates", r"facilitat\w*",
              r"observers?", r"guarantors?", r"brokered", r"memorandum", r"pause", r"peace process",
              r"normali[sz]ation", r"reconven\w*", r"conven\w*", r"cessation", r"signing", r"signed", r"accepted",
              r"spoke (?:by phone )?with", r"forum", r"reaching", r"discussions?", r"discuss(?:ed|es|ing)?",
              r"gathered", r"co-?chairs?", r"peace efforts?", r"ceremony", r"(?<!the )(?<!an )(?<!a )agreed",
              r"spoke", r"talked", r"phoned", r"visit(?:s|ed|ing)?", r"received",
              r"auspices", r"good offices", r"(?:co-)?sponsor\w*", r"witness\w*", r"monitor(?:s|ed|ing)?", r"intermediar\w*",
              r"go-betweens?")

# A place is a venue when a meeting word stands near it ("talks in Istanbul", "met in Doha", "Today in Jeddah").
VENUE_CONTEXT = words(r"talks?", r"negotiat\w*", r"meetings?", r"met", r"meet", r"held", r"hold", r"summit\w*",
                      r"rounds?", r"took place", r"take place", r"taking place", r"convened?", r"gathered", r"signed",
                      r"signing", r"taken", r"hosted", r"hosting", r"today", r"delegations?", r"resumed?",
                      r"conference", r"reached", r"agreement", r"accord", r"ceasefire", r"cease-fire", r"truce",
                      r"dialogue", r"reconven\w*", r"attend\w*", r"restart\w*", r"visit\w*", r"forum", r"here",
                      r"discussions?", r"commenced?", r"open(?:s|ed)?", r"began", r"begin", r"venue", r"ceremony",
                      r"consultations?", r"sessions?")

# Event type by the first family that matches (order matters).
EVENT_TYPES: list[tuple[str, re.Pattern]] = [
    ("agreement_suspended", words(r"suspend\w*", r"withdr[ae]w\w* from", r"pulled out", r"collaps\w*", r"defunct",
                                  r"terminat\w*", r"abandon\w*")),
    ("agreement_signed", words(r"sign(?:ed|ing|s)?", r"(?:agreement|deal|accord)s? (?:was |were |has been |have been )?"
                               r"(?:reached|agreed|concluded)", r"reached (?:an? |the )?\w*\s?(?:agreement|deal|accord)",
                               r"(?:has|have) been reached", r"struck", r"inked", r"initial(?:l)?ed")),
    ("call", words(r"spoke\s+(?:[\w-]+\s+){0,2}?with", r"phone call", r"call with", r"telephone\w*", r"spoke by phone",
                   r"phone conversation", r"video call")),
    ("mediation_offer", words(r"offer(?:ed|s)? (?:to|its|their) (?:mediat\w*|host\w*|services)", r"offered to host",
                              r"ready to (?:host|mediate|facilitate)", r"willing to (?:host|mediate|facilitate)")),
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
                        r"plans? to", r"look forward to")),
]

# A date next to these words dates fighting, not talks ("the October 7th attack").
VIOLENCE = re.compile(r"\b(?:attack\w*|assault\w*|massacre\w*|invasion|invaded|offensive|bombing\w*|strikes?|"
                      r"killed|shelling|raid\w*|(?:war|fighting|conflict|clashes|hostilities|violence|insurgency|"
                      r"rebellion|uprising)\s+(?:began|broke\s+out|erupted|started|flared))\b", re.IGNORECASE)
# A date these words govern is a limit or a span, not a meeting ("the March 23 deadline", "holding since April 10",
# "a ceasefire from 1 July").
NOT_A_MEETING_DATE = re.compile(r"(?:\b(?:deadline|anniversary|expir\w*|valid until|in force since)\b[^.;,]{0,12}$|"
                                r"\b(?:since|until|by|before|after|effective|as of)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?$|"
                                r"\b(?:take|takes|took|taking|come|comes|came|enter|enters|entered|go|goes|went)\s+"
                                r"(?:into\s+)?(?:effect|force)\s+(?:on\s+|from\s+|at\s+)?$|"
                                r"\b(?:ceasefire|cease-fire|truce|deal|agreement|accord)\s+(?:[\w-]+\s+){0,3}from\s+$)",
                                re.IGNORECASE)
# The same, written after the date ("the March 23 deadline").
NOT_A_MEETING_AFTER = re.compile(r"^\W{0,3}(?:deadline|anniversary)\b", re.IGNORECASE)

# The article's own event: a lead that reports a meeting or signing happening or just done, in these words,
# takes the date line's day when it names none, and the date line's city when it names no place.
OWN_EVENT_VERBS = words(r"(?:has|have) (?:just )?(?:concluded|ended|opened|begun|started|met|signed|agreed|reached|"
                        r"resumed|closed|held|convened|gathered)", r"(?:is|are) (?:meeting|holding|taking place|"
                        r"under way|underway|being held)", r"took place", r"takes place", r"got under way",
                        r"concluded", r"opened", r"began", r"commenced", r"kicked off", r"met", r"gathered",
                        r"convened", r"signed", r"held", r"wrapped up", r"ended", r"resumed", r"agreed", r"today",
                        r"tonight")
# A lead whose subject comments on talks ("X welcomes the agreement") reports from the commentator's desk: its date
# line is not where the talks met.
COMMENT_VERBS = words(r"welcom\w*", r"commend\w*", r"congratulat\w*", r"applaud\w*", r"condemn\w*", r"urg\w*",
                      r"call(?:s|ed)? (?:on|for)", r"regret\w*", r"deplor\w*", r"note[sd]?", r"reacted", r"hail\w*",
                      r"praised?")

# Events an article usually reports on the day they happen.
SAME_DAY_TYPES = ("call", "agreement_signed", "agreement_suspended", "mediation_offer")

# --- Named formats and venues -----------------------------------------------------------------------------------

# A meeting named for its place ("the Port Amar talks", "the Port Amar summit") met there.
FORMAT_NOUNS = r"(?:peace\s+)?(?:talks|summit|conference|negotiations|round|meeting|process|dialogue|format|forum)"
# A document named for its place ("the Port Amar Declaration") was adopted there: its venue when the sentence
# reports that adoption.
DOCUMENT_NOUNS = r"(?:peace\s+)?(?:declaration|accords?|agreements?|communiqu[eé]|memorandum|protocol|charter|deal)"
# The verbs that report a document's adoption in its sentence ("the Port Amar Declaration was signed").
DOCUMENT_ADOPTED = words(r"sign(?:ed|ing)", r"adopt(?:ed|ing)", r"agreed", r"reached", r"concluded", r"issued",
                         r"endorsed", r"initial(?:l)?ed", r"inked", r"struck")
# Buildings a venue can be named by ("the Port Amar Palace", "at the Conference Centre in Port Amar").
VENUE_BUILDINGS = (r"(?:Palace|Palais|Palacio|Palazzo|Castle|Château|Chateau|Hotel|H[oô]tel|Centre|Center|Hall|House|"
                   r"Residence|Ministry|Complex|Resort|Villa|Manor|Lodge|Estate|Building|Headquarters|Secretariat|"
                   r"Guest House|Guesthouse|Auditorium|Pavilion)")

# --- Third parties: the role table --------------------------------------------------------------------------------

# Verb forms, by the role they give the one who does them ("Veldia mediated", "Orvania has been facilitating").
ROLE_VERBS: dict[str, str] = {
    "mediator": r"(?:co-?)?mediat(?:e|es|ed|ing)|broker(?:s|ed|ing)?|co-?chair(?:s|ed|ing)?|chair(?:s|ed|ing)?|"
                r"(?:co-?)?sponsor(?:s|ed|ing)?",
    "facilitator": r"(?:co-?)?facilitat(?:e|es|ed|ing)|(?:co-?)?conven(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing)|"
                   r"arrang(?:e|es|ed|ing)",
    "host": r"co-?host(?:s|ed|ing)?|host(?:s|ed|ing)?",
    "guarantor": r"guarantee(?:s|d)?|guaranteeing",
    "witness": r"witness(?:es|ed|ing)?",
}
# The participles of those verbs that make a passive ("mediated by") or a compound ("UN-mediated").
ROLE_PARTICIPLES: dict[str, str] = {
    "mediator": r"(?:co-?)?mediated|brokered|co-?chaired|chaired|(?:co-?)?sponsored",
    "facilitator": r"(?:co-?)?facilitated|(?:co-?)?convened|organi[sz]ed|arranged|overseen|supervised",
    "host": r"co-?hosted|hosted|presided",  # "a ceremony presided over by X"
    "guarantor": r"guaranteed",
    "witness": r"witnessed",
    "observer": r"monitored",  # "monitored by X", "the UN-monitored truce" ("observed by" is also "kept by")
}
# Nouns that name the act or the one who does it ("the mediation of X", "X's good offices", "X, the guarantors").
ROLE_ACTS: dict[str, str] = {  # the act: "under the auspices of X", "X's mediation"
    "mediator": r"mediation|good offices|auspices|aegis|sponsorship|chairmanship|co-chairmanship|brokerage|"
                r"shuttle diplomacy",
    "facilitator": r"facilitation",
    "host": r"hospitality|hosting",
    "observer": r"observer\s+(?:role|status|capacity|mission)",  # "the observer status of X", "X's observer role"
}
# Nouns for the one who does it ("X, the guarantors", "mediator X", "X as host"), by the role they name.
ROLE_AGENTS: dict[str, str] = {
    "mediator": r"(?:co-?)?mediators?|co-?chairs?|co-?chairmen|co-?chairpersons?|brokers?|intermediar(?:y|ies)|"
                r"go-betweens?",
    "facilitator": r"(?:co-?)?facilitators?|(?:co-?)?conveners?|(?:co-?)?convenors?",
    "host": r"co-?hosts?|hosts?(?:\s+(?:country|countries|nation|state|government))?",
    "guarantor": r"(?:co-?)?guarantors?(?:\s+(?:states?|countries|powers))?",
    "observer": r"observers?",
    "witness": r"witnesses",
}
# The plural agents a name can modify ("Veldian mediators", "UN observers"): the role they give the name.
ROLE_MODIFIER_AGENTS: dict[str, str] = {"mediator": r"mediators|co-?chairs", "facilitator": r"facilitators",
                                        "guarantor": r"guarantors", "observer": r"observers|monitors"}
# Nouns a process or meeting goes by: the object a role verb must have ("Veldia hosted the talks", not "a dinner").
TALKS_OBJECT = re.compile(r"\b(?:talks?|negotiat\w*|meetings?|summit\w*|rounds?|dialogue|consultations?|conference|"
                          r"ceasefire|cease-fire|truce|armistice|agreements?|deal|accords?|peace|process|discussions?|mediation|"
                          r"between|sides|parties|delegations?|delegates|signing|ceremony|"
                          r"contacts|initiative|memorandum|exchange|settlement|reconciliation|forum|format|efforts?|"
                          r"them|it)\b", re.IGNORECASE)
# Words that turn a role verb down ("Orvania declined to mediate"): no role.
ROLE_NEGATION = re.compile(r"\b(?:not|never|no longer|refus\w*|declin\w*|reject\w*|ruled? out|unable|unwilling|"
                           r"stopp\w*|ceas\w*|withdr\w*|cannot|can't|won't|didn't|doesn't)\b", re.IGNORECASE)
# Nouns a demonym or organisation leads that make it the parties' own process ("the Peruvian-led agreement").
OWN_PROCESS_NOUNS = r"(?:political\s+|peace\s+|national\s+|inclusive\s+|durable\s+)*(?:agreement|process|dialogue|" \
    r"resolution|solution|settlement|transition|talks|negotiations)"
# What an "X-led" or "X-backed" compound must lead to be a go-between's ("the UN-led talks", "AU-backed process").
LED_OBJECT = r"(?:[\w-]+\s+){0,3}?(?:talks|negotiations|dialogue|mediation|peace process|process|initiative|efforts?|" \
    r"summit|conference|consultations|meeting|round|deal|agreement|ceasefire|truce)"

_REL = r"(?:['’]s?)?,?(?:\s+(?:which|who|that))?"  # "X, which hosted …", "X, who mediated …": a relative clause
# "… of the presidents of A and B", "mediated by the foreign ministers of A": the people of an actor act for it
PEOPLE_OF = r"(?:(?:heads?|leaders?|presidents?|prime ministers?|(?:foreign )?ministers?|representatives?|envoys?|" \
    r"ambassadors?|delegations?|officials)\s+(?:of|from)\s+(?:the\s+)?)?"
# "accepted their mediation", "welcomed its good offices": another's act the subject receives, not its own
_NOT_RECEIVED = "".join(rf"(?<!{w} )" for w in ("accept", "accepts", "accepted", "welcome", "welcomes", "welcomed",
                                                 "reject", "rejects", "rejected", "thank", "thanks", "thanked", "praised",
                                                 "praises", "commended", "commends", "appreciated", "appreciates",
                                                 "refused", "refuses", "for"))
_ADJ = r"(?:[\w’'-]+\s+){0,2}?"  # up to two words before a role noun ("the so-called guarantors", "the talks' host")
# one word between a name and the role noun it modifies, not a preposition or an auxiliary ("Veldian-Orvanian mediation")
_MODIFIER = r"(?:(?!(?:and|or|for|to|of|in|on|at|by|with|from|will|would|shall|can|may|must|also|again|the|a|an|has|" \
    r"have|had|is|are|was|were)\b)[\w-]+\s+)?"


@dataclass(frozen=True)
class Construction:
    """One row of the role table: a role, the construction's family and name, where the actor stands, the pattern.

    `where` is "after" (the pattern matches the words right after the names) or "before" (it ends right before
    them). `check` names an extra test the engine runs (`relations.py`): "gap" (no other actor and no negation
    between the names and the role word), "verb" (the same, and the role verb governs talks: "hosted the talks",
    not "hosted a dinner"), "led" (an "X-led" compound is a go-between's unless a demonym leads the parties' own
    process), "modifier" (a role noun after a country's or an organisation's name, not a person's)."""

    role: str
    family: str
    where: str
    pattern: re.Pattern
    check: str = ""

    def label(self, words: str) -> str:
        said = re.sub(r"\s+", " ", words).strip(" ,")
        return f"{self.family}: {said}"


def _role_rows() -> list[Construction]:
    rows: list[Construction] = []
    i = re.IGNORECASE
    for role, participle in ROLE_PARTICIPLES.items():
        # "the UN-mediated talks", "Veldian-brokered truce"
        rows.append(Construction(role, "agentive compound", "after", re.compile(rf"^-(?:{participle})\b", i)))
        # "mediated by X", "hosted jointly by X and Y"
        rows.append(Construction(role, "passive", "before", re.compile(
            rf"\b(?:{participle})\s+(?:(?!by\b)(?:[a-z][\w-]*|\d{{4}}),?\s+){{0,4}}?by\s+(?:the\s+)?{PEOPLE_OF}$", i)))
    for role, act in ROLE_ACTS.items():
        # "under the auspices of X", "with the mediation of X", "through the good offices of X", "facilitation by X",
        # "the mediation efforts of X"
        rows.append(Construction(role, "nominal", "before", re.compile(
            rf"\b(?:{act})(?:\s+(?:efforts?|role|work|team|panel|mission))?\s+(?:of|by|from)\s+(?:the\s+)?{PEOPLE_OF}$", i)))
        # "Veldia reaffirms its commitment to continue its mediation", "A and B will pursue their good offices"
        rows.append(Construction(role, "possessive pronoun", "after", re.compile(
            rf"^{_REL}\s+(?:(?!(?:he|she|we|his|her)\b)[\w’'-]+\s+){{0,12}}?{_NOT_RECEIVED}(?:its|their)\s+"
            rf"(?:[\w-]+\s+)?(?:{act})\b", i), check="gap"))
        # "X's mediation", "Veldia's tireless mediation", "X's role as mediator" (below)
        rows.append(Construction(role, "possessive", "after", re.compile(rf"^['’]s?\s+{_ADJ}(?:{act})\b", i)))
        # "Veldian mediation", "under UN auspices"
        rows.append(Construction(role, "modifier", "after", re.compile(rf"^\s+{_MODIFIER}(?:{act})\b(?!\s+of)", i)))
    for role, agent in ROLE_AGENTS.items():
        # "Veldia and Orvania, the so-called guarantors of the talks", "X, a key mediator", "X, which is the host"
        rows.append(Construction(role, "apposition", "after", re.compile(
            rf"^\s*,\s+(?:(?:which|who)\s+(?:is|are|was|were|acts?|acted|serves?|served)\s+(?:as\s+)?|acting as\s+|"
            rf"serving as\s+)?(?:the|a|an|its|their|our|one of the)\s+{_ADJ}(?:{agent})\b", i)))
        # "Veldia's mediators", "Orvania's facilitators" (not "X's hosts" or "X's guarantors": those who host or
        # guarantee X)
        if role not in ("host", "guarantor"):
            rows.append(Construction(role, "possessive", "after", re.compile(rf"^['’]s?\s+{_ADJ}(?:{agent})\b", i)))
        # "X serves as host", "X acted as mediators", "X as guarantors", "X's role as mediator"
        rows.append(Construction(role, "as", "after", re.compile(
            rf"^{_REL}\s+(?:(?!as\b)[\w’'-]+\s+){{0,4}}?as\s+(?:a\s+|an\s+|the\s+|its\s+|their\s+)?{_ADJ}(?:{agent})\b",
            i), check="gap"))
        # "X is the mediator", "X has been a guarantor of the process", "X remains the host"
        rows.append(Construction(role, "copular", "after", re.compile(
            rf"^{_REL}\s+(?:is|are|was|were|has been|have been|had been|will be|would be|remains?|remained|became|"
            rf"becomes)\s+(?:the|a|an|its|their|one of the)\s+{_ADJ}(?:{agent})\b", i), check="gap"))
        # "Veldian mediators", "UN observers", "the AU co-chairs" (plural: "Austria will host" is a verb)
        if role in ROLE_MODIFIER_AGENTS:
            rows.append(Construction(role, "modifier", "after", re.compile(
                rf"^\s+{_MODIFIER}(?:{ROLE_MODIFIER_AGENTS[role]})\b(?!\s+(?:of|to)\b)", i), check="modifier"))
        # "the UN envoy", "the AU special representative": an organisation's envoy mediates (see `check`)
        if role == "mediator":
            rows.append(Construction(role, "modifier", "after", re.compile(
                r"^(?:['’]s)?\s+(?:(?:special|personal|chief|top)\s+)?(?:envoys?|representatives?)\b", i),
                check="organisation"))
        # "The mediators are X", "the guarantors of the process include A and B"
        rows.append(Construction(role, "copular", "before", re.compile(
            rf"\b(?:{agent})(?:\s+(?:of|to|for|in)\s+[^.;:]{{1,60}}?)?\s+(?:are|is|were|was|include[sd]?|will be|"
            rf"would be|remain)\s+(?:the\s+)?$", i)))
        # "mediators from Veldia and Orvania", "observers from the AU"
        rows.append(Construction(role, "title", "before", re.compile(
            rf"\b(?:{agent})\s+from\s+(?:the\s+)?{PEOPLE_OF}$", i)))
        # "mediator Veldia", "the guarantors, Orvania and Kessa", "host country Orvania", "the co-chairs of the Port Amar
        # Process, A and B"
        rows.append(Construction(role, "title", "before", re.compile(
            rf"\b(?:{agent})(?:\s+(?:of|for|to)\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'-]*(?:\s+|(?=,))){{1,5}}?)(?=,))?\s*,?\s+"
            rf"(?:the\s+)?$", i)))
    for role, verb in ROLE_VERBS.items():
        # "We thank X for hosting", "X for its leadership in facilitating the talks"
        rows.append(Construction(role, "credit", "after", re.compile(
            rf"^{_REL}\s+for\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+){{0,4}}?(?:{verb})\b", i)))
    for role, verb in ROLE_VERBS.items():
        # "X mediated the talks", "X has been facilitating them", "X agreed to host the next round", "X, which has been
        # leading international efforts to mediate the talks": the actor is the subject of a role verb
        rows.append(Construction(role, "verb", "after", re.compile(
            rf"^{_REL}\s+(?:(?!(?:when|while|after|before|because|if|he|she|they|we|for)\b)[\w’'-]+\s+){{0,6}}?"
            rf"(?-i:{verb})\b(?!\s+by\b)(?!-)", i), check="verb"))
    for role, act in ROLE_ACTS.items():
        rows.append(Construction(role, "credit", "after", re.compile(
            rf"^{_REL}\s+for\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{act})\b", i)))
    rows += [
        # "thank X for his partnership in reaching this deal", "X for their work to extend the truce"
        Construction("mediator", "credit", "after", re.compile(
            rf"^{_REL}\s+for\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?:leadership|partnership|role|"
            r"efforts?|work|support|diplomacy)\s+(?:\w+\s+){0,2}?(?:in|on|to|towards?)\s+(?:reach|secur|brok|achiev|"
            r"negotiat|bring|extend|renew|conclud)\w*", i)),
        # "the UN-led talks", "the AU-backed process" (a demonym's "-led" is the parties' own: see `check`)
        Construction("mediator", "agentive compound", "after", re.compile(rf"^-(?:led|backed)\s+{LED_OBJECT}\b", i),
                     check="led"),
        # "X's proposal to end the war": the one who proposes the settlement
        Construction("mediator", "proposal", "after", re.compile(
            r"^(?:['’]s?)?\s+(?:\w+\s+)?proposal\s+(?:to|for)\s+(?:end|resolve|settle|an?\s+(?:[\w-]+\s+){0,4}"
            r"(?:ceasefire|cease-fire|truce|settlement))", i)),
        # "talks led by X" (not "a delegation led by X": that one is a side)
        Construction("mediator", "passive", "before", re.compile(
            r"\b(?:talks|negotiations|dialogue|mediation|process|efforts?|initiative|consultations|panel|team)\s*,?\s+"
            r"(?:\w+\s+){0,3}?led\s+by\s+(?:the\s+)?(?:former\s+)?$", i)),
        # "X has played a key role in the negotiations", "X, which played a central role in brokering the deal"
        Construction("mediator", "verb", "after", re.compile(
            rf"^{_REL}\s+(?:(?:has|have|had)\s+)?(?:\w+\s+)?(?:played|plays|play|playing)\s+(?:a|an|the)\s+{_ADJ}"
            r"role\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:talks|negotiations|negotiating|mediation|mediating|"
            r"brokering|process|dialogue|deal|agreement)\b", i), check="gap"),
        # "X's diplomats have shuttled between the two sides"
        Construction("mediator", "verb", "after", re.compile(
            rf"^{_REL}(?:\s+(?:diplomats|officials|envoys?|mediators|negotiators))?\s+(?:(?:has|have|had)\s+(?:been\s+)?)?"
            r"(?:\w+\s+)?shuttl(?:e|es|ed|ing)\s+between\b", i), check="gap"),
        # "in the presence of X": a witness; "at the invitation of X": the host
        Construction("witness", "nominal", "before", re.compile(rf"\bin the presence of\s+(?:the\s+)?{PEOPLE_OF}$", i)),
        Construction("host", "nominal", "before", re.compile(r"\b(?:at|on|upon) the invitation of\s+(?:the\s+)?$", i)),
        # "hosted in X" (the country that hosts), "X co-hosted the summit with Y", "I will host, together with Y"
        Construction("host", "passive", "before", re.compile(r"\bhost(?:ed)?\s+in\s+(?:the\s+)?$", i)),
        Construction("host", "with", "before", re.compile(
            r"\b(?:co-?host(?:s|ed|ing)?|host(?:s|ed|ing)?)\s+(?:[\w’'-]+,?\s+){0,6}?(?:together\s+)?with\s+(?:the\s+)?$",
            i)),
        # "with the support of X": a facilitator
        Construction("facilitator", "nominal", "before", re.compile(
            r"\bwith the (?:support|help|assistance) of\s+(?:the\s+)?$", i)),
    ]
    return rows


ROLE_CONSTRUCTIONS: list[Construction] = _role_rows()

# "A, B, and C, whose facilitation led …" gives the role to the names just listed.
ROLE_OF_LIST = [Construction("facilitator", "relative clause", "after", re.compile(r"^\s*,?\s*whose facilitation", re.I)),
                Construction("mediator", "relative clause", "after", re.compile(r"^\s*,?\s*whose mediation", re.I))]
# A person whose title makes them a go-between mediates for the actor they act for ("UN Special Envoy Jana Roe").
ENVOY_TITLES = re.compile(r"\b(?:Envoy|envoy|Special Representative|SRSG|Mediator|mediator|Facilitator|facilitator|"
                          r"Special Coordinator|Co-Chair|Co-chair|co-chair|Chief Mediator|Special Adviser)\b")
# Bodies named by their role ("the Co-Chairs of the Port Amar Talks", "the Guarantors of the Veldia Accord"): a
# capitalised plural role noun of the table (or "Co-Chair") heading a name "… of the <Format>", and the role it gives.
ROLE_BODY_HEADS: dict[str, str] = {head: role for role, heads in {
    "mediator": ("Co-Chairs", "Co-Chairmen", "Co-Chair", "Mediators", "Co-Mediators", "Brokers"),
    "facilitator": ("Facilitators", "Co-Facilitators", "Conveners", "Convenors", "Co-Conveners"),
    "host": ("Co-Hosts", "Hosts"),
    "guarantor": ("Guarantors", "Guarantor States", "Guarantor Countries", "Guarantor Powers"),
    "observer": ("Observers",),
    "witness": ("Witnesses",),
}.items() for head in heads}

# --- Sides: the side table -----------------------------------------------------------------------------------------

# Verbs whose plural subject names the sides ("A and B signed", "A and B have been negotiating", "A and B are expected
# to resume talks"); up to four lower-case words may stand between.
SIDE_VERBS = (r"sign(?:ed|s)?|agree[sd]?|reach(?:ed|es)?|met|meet|conclud(?:ed|es)|negotiat(?:ed|es|e|ing)|"
              r"h(?:e|o)ld\s+(?:[\w-]+\s+){0,3}?(?:talks|meetings?|summit|round|consultations|discussions|negotiations)|resum(?:ed|es|e)|accept(?:ed|s)?|str(?:uck|ike)|"
              r"ink(?:ed)?|initial(?:l)?ed|clinch(?:ed|es)?|seal(?:ed|s)?|finali[sz]ed|ratified|"
              r"came together|come together|sat down|talk(?:ed)?|discuss(?:ed)?|"
              r"exchang(?:ed|e)|committed|gathered|convened|engag(?:ed|e)\s+in|"
              r"(?:are|were|have been)\s+(?:negotiating|talking|meeting|trying to (?:reach|broker|agree))")
# Nouns for a side's people ("the Veldian delegation", "delegations of A and B", "Kessan negotiators").
SIDE_PEOPLE = r"delegations?|delegates|negotiators|negotiating\s+teams?|envoys|teams?"
# Nouns for a meeting or a deal that "with X" attaches a side to ("talks with X", "an agreement with X").
MEETING_NOUNS = r"talks|negotiations|meetings?|summit|discussions|consultations|dialogue|agreement|deal|accord|" \
    r"ceasefire|truce|contacts|peace"
# A dash between two names that these nouns follow names the two sides ("the A–B talks", "the Lima-Quito dialogue").
DASH_NOUNS = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:talks|summit|dialogue|negotiations|meeting|agreement|deal|"
                        r"ceasefire|relations|war|conflict|process|normali[sz]ation|accords?|treaty|"
                        r"joint statement|peace)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SideConstruction:
    """One row of the side table. `strong`: the words name the actor as a side of the meeting or the deal; a weak
    one ("the ministers of A") yields to a role the article gives the same actor elsewhere. `least`: how many
    names the list must hold."""

    family: str
    where: str  # "after" the names, "before" them, or "pair" (the words between two lists of names)
    pattern: re.Pattern
    strong: bool = True
    least: int = 1


_I = re.IGNORECASE
SIDE_CONSTRUCTIONS: list[SideConstruction] = [
    # "between A and B", "talks between the government and the rebels"
    SideConstruction("between A and B", "before", re.compile(r"\b(?:between|among|amongst)\s+(?:the\s+)?$", _I), least=2),
    # "brought together A and B", "bringing together delegations of A and B"
    SideConstruction("brought together A and B", "before", re.compile(
        r"\b(?:brought|bring|brings|bringing)\s+together\s+(?:(?:delegations|representatives|leaders|officials|envoys|"
        r"negotiators)\s+(?:of|from)\s+)?(?:both\s+)?(?:the\s+)?$", _I), least=2),
    # "A and B signed", "A and B have been negotiating", "A and B agreed to"
    SideConstruction("A and B + verb", "after", re.compile(
        rf"^(?:['’]s?)?,?\s+(?:(?:[a-z][\w-]*|on\s+[A-Z]\w+)\s+){{0,4}}?(?:{SIDE_VERBS})\b"), least=2),
    # one name as the subject of those verbs ("Veldia signed the accord"): a loose reading, see `events._weak_holds`
    SideConstruction("A + verb", "after", re.compile(
        rf"^(?:['’]s?)?,?\s+(?:(?:[a-z][\w-]*|on\s+[A-Z]\w+)\s+){{0,4}}?(?:{SIDE_VERBS})\b"), strong=False),
    # "Russian and Ukrainian direct negotiations", "the Armenia and Azerbaijan talks"
    SideConstruction("A and B talks", "after", re.compile(
        r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|summit|dialogue|meeting|peace process|"
        r"peace agreement|agreement|deal|ceasefire|truce|relations|normali[sz]ation)\b", _I), least=2),
    # "delegations of A and B", "delegates of A, B and C", "negotiators from A"
    SideConstruction("delegation of A", "before", re.compile(
        rf"\b(?:{SIDE_PEOPLE}|representatives)\s+(?:of|from)\s+(?:both\s+)?(?:the\s+)?$", _I)),
    # "the Veldian delegation", "A's negotiators", "the Orvanian government delegation", "the Ukrainian side"
    SideConstruction("A's delegation", "after", re.compile(
        rf"^(?:['’]s?)?\s+(?:(?:government|official|top-level|high-level|senior|peace|negotiating|chief|lead|top)\s+)?"
        rf"(?:{SIDE_PEOPLE}|side|negotiator)\b", _I)),
    # "the parties to the agreement are A, B and C", "the signatories include A and B"
    SideConstruction("the parties are A, B", "before", re.compile(
        r"\b(?:parties|signatories|sides)(?:\s+(?:to|of|in)\s+[^.;:]{1,60}?)?\s+(?:are|were|include[sd]?)\s*:?\s+"
        r"(?:the\s+)?$", _I)),
    # "signed by the government and the rebels", "the deal agreed by A and B", "the deal reached on 3 May by A and B"
    # (not "the deal reached on 3 May was welcomed by X": a copula starts another clause; not "signed at a ceremony
    # presided over by X", "attended by X": another participle takes the "by", unless joined by "and": "accepted and
    # implemented by X")
    SideConstruction("signed by A and B", "before", re.compile(
        r"\b(?:signed|agreed|concluded|negotiated|initial(?:l)?ed|accepted|reached|struck|sealed|clinched|finali[sz]ed|"
        r"ratified)\s+(?:(?:(?!\b(?:was|were|is|are|been|be)\b|(?-i:(?<!and )(?<!ly )\b[a-z]+ed\b))[^.;:]){0,60}?\s+)?by\s+"
        r"(?:both\s+)?(?:the\s+)?$", _I)),
    # "talks with A", "to discuss the crisis with A", "an agreement with A"
    SideConstruction("talks with A", "before", re.compile(
        rf"\b(?:(?:{MEETING_NOUNS})|(?:met|meet|meets|meeting|spoke|speak|talked|talking|negotiat\w*|discuss\w*|"
        rf"agreed|signed|sign|engag\w*)(?:\s+[\w’'-]+){{0,6}}?)\s+with\s+(?:both\s+)?(?:the\s+)?$", _I)),
    # "on behalf of A" (who signs for a side)
    SideConstruction("on behalf of A", "before", re.compile(r"\bon behalf of\s+(?:the\s+)?$", _I)),
    # "A's commitment to the accord", "A's obligations under the Ceasefire Agreement"
    SideConstruction("A's commitment to the deal", "after", re.compile(
        r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:commitments?|obligations?|adherence|compliance|signature)\s+(?:to|under|"
        r"with|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:accords?|agreements?|deal|ceasefire|cease-fire|truce|process|"
        r"talks|dialogue|memorandum|roadmap|plan|consensus)", _I)),
    # "the leaders of A, B and C", "the foreign ministers of A and B" (weak: a go-between's ministers are named so too)
    SideConstruction("leaders of A and B", "before", re.compile(
        r"\b(?:leaders?|heads? of (?:state|government)|prime ministers?|presidents?|governments|(?:foreign )?ministers?"
        r"(?: of (?-i:[A-Z])[\w ]{0,40}?)?|kings?|emirs?|chancellors?)\s+of\s+(?:both\s+)?(?:the\s+)?$", _I), strong=False,
        least=2),
    # "A met B", "A met with B", "A spoke with B", "A held talks with B", "A signed an agreement with B"
    SideConstruction("A met B", "pair", re.compile(
        r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,8}?(?:(?:met|meets|meet|meeting)\s+(?:with\s+)?|(?:spoke|speaks|speak|talked|"
        r"talks|call|negotiat\w*|signed|sign|reached|agreed|concluded|discuss\w*|dialogue|consultations|"
        r"engag\w*)\s+(?:[\w-]+\s+){0,4}?with\s+)(?:the\s+)?(?:(?:prime minister|president|foreign minister|"
        r"leaders?|king|emir|chancellor)s?\s+of\s+(?:the\s+)?)?(?-i:(?:[A-Z][\w.’'-]*\s+){0,4})$", _I)),
]
# "A said (on Monday) (that) it would …": "it" is A, so the words after it are A's own ("A said it would resume talks
# with B": A met B).
SAID_IT = re.compile(rf"^\s+(?:{SAID}|confirmed)\s+(?:on\s+\w+\s+|\w+day\s+)?(?:that\s+)?it(?=\s)")  # not "they": others, often
# "A's president hosted his B counterpart", "A held talks with her B counterpart": A and B, the two sides; the words
# between A and the demonym B, then the noun after B.
COUNTERPART_BEFORE = re.compile(
    r"^(?:['’]s?)?\s+(?:[\w,-]+\s+){0,12}?(?:met|meets|meeting|hosted|hosts|received|receives|welcomed|welcomes|called|"
    r"phoned|visited|(?:spoke|speaks|talked|talks|negotiations|consultations|meetings?|call)\s+with)\s+(?:with\s+)?"
    r"(?:his|her|their)\s+$", re.IGNORECASE)
COUNTERPART = re.compile(r"\s+counterparts?\b")
# "the two sides", "both parties": the sides the article names as sides elsewhere.
BOTH_SIDES = re.compile(r"\b(?:the two|both|the three|all three)\s+(?:sides|parties|countries|governments|delegations|"
                        r"leaders)\b(?!\s+(?:sponsoring|mediating|facilitating|hosting|guaranteeing|brokering|"
                        r"co-?chairing|observing)\b)", re.IGNORECASE)  # "the two countries sponsoring the talks": not
# A belligerent named by the fighting ("A's assault on B", "the attack by A on B"): a side of the conflict, used only
# when the article names no side of its talks in the words above.
BELLIGERENT_AFTER = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:war|assault|attacks?|offensive|invasion|aggression|"
                               r"bombardment)\s+(?:on|against|in)\s+(?:the\s+)?$", re.IGNORECASE)
# The same, written before the attacker ("the attack by A on B").
BELLIGERENT_BEFORE = re.compile(r"\b(?:attacks?|assault|offensive|invasion)\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?"
                                r"(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)

# "X welcomes ...": the actor comments on talks, it is not a side in them.
COMMENTATOR = re.compile(r"^(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?:welcom\w*|commend\w*|regret\w*|thank\w*|urg\w*|"
                         r"call(?:s|ed)?\s+(?:for|on)|appeal\w*|express\w*|"
                         r"congratulat\w*|applaud\w*|condemn\w*|not\w*|remains?|is (?:thankful|committed|grateful|"
                         r"concerned)|emphasi[sz]\w*|deplor\w*|stands?|encourag\w*|supports?|will continue|"
                         r"joins?|celebrat\w*|Embassy|statement)\b", re.IGNORECASE)
# The authors of a statement ("released by X", "a statement from X"): they speak about the talks.
AUTHORS = re.compile(r"\b(?:released|issued|made|delivered|signed)\s+by\b|\bEmbassy of\b|\bstatement (?:by|from)\b",
                     re.IGNORECASE)
# Who issued the statement the article is: "Statement by X", "X issued the following statement", "Remarks by X".
ISSUER = re.compile(r"(?:\b(?:Statement|Remarks|Readout|Communiqu[eé]|Press Release|Declaration|statement|remarks|"
                    r"readout)\s+(?:by|from)\s+(?:the\s+)?(?P<after>.{0,80})|^(?:Joint\s+)?Statement\s+of\s+"
                    r"(?P<of>.{0,80})|(?P<before>.{0,80}?)\s+(?:\w+\s+)?(?:issued|released|made)\s+the\s+following\s+"
                    r"(?:joint\s+)?statement|^(?P<head>[A-Z][^.:\n]{2,60}?)\s+(?:Remarks|Statement|Readout|Press Briefing)\s+"
                    r"(?:on|at|to|after|following|with)\b)")
# Travel: the places after these words are destinations, not sides.
DESTINATION = re.compile(r"\b(?:travel\w*|visit\w*|trips?|tour\w*|arriv\w*|head\w* to)\b[^.;]*$", re.IGNORECASE)
# A demonym names the state acting only before one of its bodies or office-holders ("the Veldian government", "Orvanian
# officials"); before any other noun it describes ("Veldian hostages", "Orvanian political dialogue", "Veldian troops").
STATE_BODY = re.compile(r"^\s+(?:(?:[a-z-]+\s+){0,2}?)(?:government|authorities|administration|regime|side|sides|"
                        r"delegations?|negotiators?|officials?|leaders?|leadership|president|prime minister|"
                        r"(?:foreign )?ministers?|ministry|envoys?|diplomats?|state|parliament|cabinet|counterparts?)\b")

# --- Words the rule modules read around names (sides.py, relations.py, venues.py, events.py) ---------------------

# Words that make a sentence's subject a commentator or an asker, not the one who acts ("A urged B to sign").
NOT_THEIR_OWN_ACT = re.compile(r"\b(?:urg\w*|call\w* on|ask\w*|invit\w*|press\w*|encourag\w*|want\w*|welcom\w*|commend\w*|"
                               r"congratulat\w*|hope[sd]?|hoping|said|says|say|told|believe\w*|think|thinks|"
                               r"expect\w* (?:the|them|it))\b", re.IGNORECASE)
# "held talks with both sides": a go-between consulting the sides, not a side.
WITH_THE_SIDES = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:with\s+)?(?:both|the two|each|all|the)\s+(?:sides|parties)\b",
                            re.IGNORECASE)
# "co-hosted the summit with Y": Y co-hosted it, no side.
COHOST = re.compile(r"\bco-?host", re.IGNORECASE)
# Looser words for talks ("discussions with X", "contacts with X"): they name a side only beside a firmer reading.
LOOSE_TALKS = re.compile(r"\b(?:discussions|consultations|contacts|dialogue)\s+with\b", re.IGNORECASE)
# Endings of a plural demonym that names people, not the state ("Veldians", "Orvanians").
PEOPLE_PLURAL = re.compile(r"(?:ns|is|ese|ish|ch)s?$")
# A title's brief ("Special Envoy for X"): X is what the envoy works on, not a side.
PORTFOLIO = re.compile(r"\b(?:Envoy|Representative|Coordinator|Minister|Secretary|Adviser|Advisor|envoy|representative|"
                       r"coordinator|adviser)\s+(?:for|to|on)\s+(?:the\s+)?$")
# Who is thanked or appreciated is a helper, not a side ("grateful to X").
THANKED = re.compile(r"\b(?:thank(?:s|ed|ful)?(?:\s+to)?|grateful\s+to|appreciat\w*)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$",
                     re.IGNORECASE)
# Names listed as examples ("regions like X") are no sides.
EXAMPLES = re.compile(r"\b(?:like|such as|including)\s+(?:the\s+)?(?:[\w’'-]+,?\s+(?:and\s+)?(?:the\s+)?){0,12}$")
# Words before a name that ask it to act ("urged X to host"): no role yet.
ASKED = re.compile(r"\b(?:urg\w*|call\w* on|ask\w*|invit\w*|press\w*|encourag\w*|want\w*|expect\w*)\s+(?:the\s+)?$",
                   re.IGNORECASE)
# A place after these words is a government's seat or a speaker's whereabouts ("the authorities in X", "said in X"), no venue.
SEAT = re.compile(r"\b(?:authorities|government|officials|leadership|regime|embassy|administration)\s+in\s+$|"
                  rf"\b(?:{SAID}|speaking|spoke|told\s+\w+|said\s+\w+)\s+(?:\w+\s+)?in\s+$", re.IGNORECASE)
# A place after these words is what the talks are about, not where they meet ("a ceasefire in X", "the war in X",
# "peace in X", "hostages held in X"); "peace talks in X" still names a venue (the noun before "in" is "talks").
SUBJECT_PLACE = re.compile(r"\b(?:cease-?fires?|truces?|war|fighting|conflict|peace|violence|crisis|hostilities|"
                           r"humanitarian\s+situation|situation|hostages?(?:\s+held)?|killed|displaced|offensive|"
                           r"occupation|security)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# ... unless a signing verb has that noun for its object: "signed a six-month ceasefire in X" was signed in X.
SIGNED_OBJECT = re.compile(r"\b(?:signed|signing|signs|sign|inked|initial(?:l)?ed)\s+(?:[\w-]+\s+){0,3}"
                           r"(?:cease-?fires?|truces?|peace)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# Capitalised words after "met in" that are no town: months, days, languages and demonyms, institutions.
NOT_A_TOWN = re.compile(rf"^(?:{'|'.join(MONTH_NAMES + WEEKDAY_NAMES)})$|(?:ish|ese|ian|ean)$|^(?:Parliament|"
                        r"Congress|Senate|Council|Assembly|Court|Private|Public|Secret|Person|Principle|Total|English|"
                        r"Arabic|French|Spanish|Russian|Chinese)\b")
# Words that put a sentence in the future ("the next round will …"): its roles and sides go to announced talks.
FUTURE_WORDS = re.compile(r"\b(?:will|shall|would|next|upcoming|expected|scheduled|planned|due to|set to|ready to)\b",
                          re.IGNORECASE)

# --- Positions ----------------------------------------------------------------------------------------------------

# Stance cues, strongest first.
_WILL_NOT = r"will not(?! (?:stop|rest|give up|relent) until)"  # "will not stop until …" is a commitment, not a refusal
_CANNOT_AGREE = r"c(?:an|ould) ?not (?:agree|accept)"  # "cannot accept", "could not agree"
STANCES: list[tuple[str, re.Pattern]] = [
    ("rejects", words(_WILL_NOT, r"won['’]t", _CANNOT_AGREE, r"would not", r"refus\w*", r"reject\w*",
                      r"rul(?:e|ed|es|ing) out", r"never", r"not include", r"no (?:\w+ )?concessions?",
                      r"under no circumstances")),
    ("demands", words(r"insist\w*", r"demand\w*", r"must", r"call(?:ed|s)? for", r"urg\w*", r"push(?:es|ed)? for",
                      r"emphasi[sz]\w*", r"stress\w*", r"requir\w*", r"securing", r"needs? to", r"has to")),
    ("opposes", words(r"oppos\w*", r"regret\w*", r"condemn\w*", r"against", r"concern\w*", r"deplor\w*")),
    ("open", words(r"open(?:ness)? to", r"willing(?:ness)? to", r"signall?ed openness", r"ready to discuss",
                   r"possibility")),
    ("accepts", words(r"ready to accept", r"readiness to accept", r"welcom\w*", r"support\w*", r"agree(?:s|d|ing)?",
                      r"accept\w*", r"commend\w*", r"committed to", r"propos\w*", r"back(?:s|ed|ing)?")),
]
# A red line is declared by the holder in its own (quoted or reported) words: categorical words in what it says.
# The reporter's verbs ("insists", "refuses", "emphasised") set the stance, never a red line (data/README.md).
RED_LINE = words(_WILL_NOT, r"won['’]t", r"never", r"under no circumstances", r"non-negotiable", r"red lines?",
                 r"must be (?:acknowledged|recognised|recognized|respected)", r"rul(?:e|ed|es|ing) out",
                 _CANNOT_AGREE, r"not include", r"not negotiable", r"no (?:\w+ )?concessions?",
                 # the categorical words of English, whoever says them: "unacceptable", "a non-starter", "not up for
                 # negotiation", "we will not cede", "a precondition for any talks", "no deal without"
                 r"(?:is|are|was|were|be|remains?) (?:totally |completely |simply |absolutely )?unacceptable",
                 r"non-starter", r"not up for (?:negotiation|discussion|debate)", r"(?:pre-?condition)s? for",
                 r"not (?:cede|surrender|give up|compromise on|trade away|bargain)",
                 r"no (?:deal|agreement|peace|talks|negotiations) (?:without|unless|until)")

# Issues, by the first family whose words the position's sentence uses.
ISSUES: list[tuple[str, re.Pattern]] = [
    ("territory", words(r"territor\w*", r"borders?", r"sovereignty", r"annex\w*", r"realities on the ground",
                        r"new realities", r"land", r"occupied", r"incorporation", r"autonomy", r"federalism",
                        r"independence")),
    ("ceasefire", words(r"ceasefire", r"cease-fire", r"truce", r"hostilities", r"fighting", r"end (?:of|to) the war",
                        r"end to the violence", r"armistice")),
    ("humanitarian", words(r"prisoners?", r"hostages?", r"humanitarian", r"civilians?", r"aid", r"grain", r"food\w*",
                           r"exports? of agricultural", r"displaced", r"refugees")),
    ("sanctions", words(r"sanctions?")),
    ("security_guarantees", words(r"guarantees?", r"security assistance", r"troops", r"NATO", r"military aid",
                                  r"denucleari[sz]ation", r"nuclear")),
    ("regime", words(r"regime", r"denazif\w*", r"government change", r"elections?", r"leadership")),
    ("settlement", words(r"settlement", r"root causes?", r"lasting (?:peace|resolution|end)", r"peace plan")),
    ("talks_format", words(r"talks", r"negotiations?", r"preconditions?", r"mediat\w*", r"facilitat\w*", r"dialogue",
                           r"direct talks")),
]

# A sentence that opens with a pronoun continues the last named speaker.
PRONOUN_SUBJECT = re.compile(r"^\s*(?:He|She)\b")
