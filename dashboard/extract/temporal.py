"""Date expressions in text, resolved against a reference date.

Spans are found with patterns for the forms news and official texts use ("15
May", "May 15, 2025", "March 2022", "in 2022", "next Thursday", "today",
"2025-05-16", "12.03.2025"); each span is read by the dateparser library,
relative to the reference date (the article's dateline, else its publication
date). A day and month without a year take the year that puts them nearest the
reference date. Without any reference, a year-less date is given as ISO 8601's
"--MM-DD" and a relative one ("next Thursday") is left unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateparser.date import DateDataParser

from dashboard.extract.cues import MONTH_NAMES, WEEKDAY_NAMES

MONTH = "(?:" + "|".join(MONTH_NAMES) + r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\." \
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s+\d))"  # "Nov 14 (Reuters)": an agency's short month
WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"

# Ordered: the first pattern to claim a stretch of text keeps it.
_DASH = r"\s*(?:[–—-]|to|until|and)\s*"
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(p)) for name, p in (
    ("iso", rf"\b{YEAR}-[01]\d-[0-3]\d\b"),
    # ranges: "12–14 March 2019", "March 12-14, 2019", "April 3-5", "from May 7 to May 10"
    ("range_dm", rf"\b(?P<d1>{DAY}){_DASH}(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?(?!\w|\.\w)"),
    ("range_md", rf"\b(?P<m>{MONTH})\s+(?P<d1>{DAY}){_DASH}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                 r"(?!\s*(?:%|percent|per cent|million|billion))"),
    ("dmy_dots", rf"\b[0-3]?\d\.[01]?\d\.{YEAR}\b"),
    ("mdy_slash", rf"\b[01]?\d/[0-3]?\d/{YEAR}\b"),
    ("day_month_year", rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"),
    ("month_day_year", rf"\b{MONTH}\s+(?:the\s+)?{DAY},?\s+{YEAR}\b"),
    ("day_month", rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?!\w|\.\w)"),
    ("month_day", rf"\b{MONTH}\s+(?:the\s+)?{DAY}\b(?!\s*(?:%|percent|per cent|million|billion))"),
    ("month_year", rf"\b{MONTH}\s+(?:of\s+)?{YEAR}\b"),
    ("relative_weekday", rf"\b(?:next|last|this|coming)\s+{WEEKDAY}\b"),
    ("relative_period", r"\b(?:next|last|this|coming)\s+(?:week|month|year)\b"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+"
            r"(?P<unit>years?|months?|weeks?|days?)\s+ago(?P<today>\s+(?:today|this week))?\b"),
    ("deictic", r"\b(?:the day (?:after tomorrow|before yesterday)|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b"),
    ("weekday", rf"\b(?:on|On|this|This|by|By|late on|early on|from|From)\s+(?P<d>{WEEKDAY})\b(?!\s+\d)"),
    # news style: "gathered in Port Amar Thursday", "met Monday" (not "Black Friday": a name's capitals before it)
    ("weekday", rf"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{{2}}\s)(?<![A-Z][a-z]{{3}}\s)(?<![A-Z][a-z]{{4}}\s)(?<![A-Z][a-z]{{5}}\s)"
                rf"(?<![A-Z][a-z]{{6}}\s)\b(?P<d>{WEEKDAY})\b(?!\s+\d)(?!,?\s+(?:{MONTH}))"),
    ("month_alone", rf"\b(?:(?:in|In|since|until|by|early|late|mid|this|last|next|past|during)\s+|(?:[Ee]arly|[Ll]ate|"
                    rf"[Mm]id)-)(?P<d>{MONTH})(?!\w|\.\w)"),  # "in March", "mid-March", "late-March"
    ("year", rf"(?<![\d/.\-]){YEAR}(?![\d/\-]|\.\d)"),
)]

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_PARSER = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True})


def warm_up() -> None:
    """Read one date of each kind once, so that dateparser builds its English tables now (once per process, with the
    gazetteer) and not inside the first article a reader waits for."""
    for kind, span in (("day_month_year", "3 March 2020"), ("month_year", "March 2020"), ("day_month", "3 March"),
                       ("month_day", "March 3")):
        resolve(kind, span, dt.date(2020, 3, 4))


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: str | None  # ISO: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when no year can be known
    precision: str  # day, week, month or year
    end_date: str | None = None  # the last day of a range ("12–14 March" ends on the 14th)


_FUTURE = re.compile(r"\b(?:will|shall|would|should|could|might|to be|due|scheduled|expected|planned|set to|next|"
                     r"upcoming|plans?|to (?:resume|meet|hold|start|begin|sign|continue|convene|reconvene|restart|"
                     r"open|launch|visit|travel|return|take place))\b", re.IGNORECASE)


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            group = "d" if "d" in pattern.groupindex else 0  # a pattern may match context around the date
            start, end = m.span(group)
            if any(start < e and s < end for s, e in taken):
                continue
            if kind.startswith("range"):
                mention = _range(m, reference)
            elif kind == "weekday":
                mention = _weekday(m, text, reference)
            elif kind == "ago":
                mention = _ago(m, reference)
            else:
                resolved = resolve(kind, m.group(group), reference)
                if resolved and kind == "month_alone" and reference and _future_clause(text, m.start()):
                    resolved = _coming_month(m.group(group), reference)  # "the next round in September"
                elif resolved and resolved[0] and kind in ("day_month", "month_day") and reference:
                    resolved = (_year_by_tense(resolved[0], tense_before(text, m.start()), reference), "day")
                mention = DateMention(m.group(group), start, end, *resolved) if resolved else None
            if mention is None:
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
    return sorted(found, key=lambda d: d.start)


def _range(m: re.Match, reference: dt.date | None) -> DateMention | None:
    """One event over several days: its first and last day."""
    year = m.group("y")
    first = f"{m.group('d1')} {m.group('m')}" + (f" {year}" if year else "")
    second_month = m.groupdict().get("m2") or m.group("m")
    last = f"{m.group('d2')} {second_month}" + (f" {year}" if year else "")
    kind = "day_month_year" if year else "day_month"
    a, b = resolve(kind, first, reference), resolve(kind, last, reference)
    if not a or not b or not a[0] or not b[0] or b[0] < a[0]:
        return None
    return DateMention(m.group(0), m.start(), m.end(), a[0], "day", b[0])


def _ago(m: re.Match, reference: dt.date | None) -> DateMention | None:
    """'20 years ago today': that day; 'two weeks ago': that week; 'three months ago': that month."""
    if reference is None:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n").lower()]
    unit = m.group("unit").rstrip("s").lower()
    if unit == "year":
        day = _shift_years(reference, -n)
        if m.group("today"):
            return DateMention(m.group(0), m.start(), m.end(), day.isoformat(), "day")
        return DateMention(m.group(0), m.start(), m.end(), str(day.year), "year")
    if unit == "month":
        month = reference.month - 1 - n
        return DateMention(m.group(0), m.start(), m.end(), f"{reference.year + month // 12}-{month % 12 + 1:02d}", "month")
    if unit == "week":
        day = reference - dt.timedelta(weeks=n)
        return DateMention(m.group(0), m.start(), m.end(), (day - dt.timedelta(days=day.weekday())).isoformat(), "week")
    return DateMention(m.group(0), m.start(), m.end(), (reference - dt.timedelta(days=n)).isoformat(), "day")


def _shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_PAST = re.compile(r"\b(?:said|says|was|were|had|did|met|held|took|began|ended|came|went|signed|agreed|reached|"
                   r"released|announced|gathered|arrived|left|[a-z]{3,}ed)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:\"“”—–(]|\b(?:after|before|when|while|as|since|because|but|and)\b", re.IGNORECASE)


def tense_before(text: str, at: int) -> str:
    """'future', 'past' or '': the tense of the verb nearest before `at` in its clause ("agreed on Friday": past;
    "will meet on Friday": future)."""
    sentence_start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    before = text[sentence_start:at]
    clause = before[max((c.end() for c in _CLAUSE_START.finditer(before)), default=0):]
    future_at = max((f.end() for f in _FUTURE.finditer(clause)), default=-1)
    past_at = max((p.end() for p in _PAST.finditer(clause)), default=-1)
    if future_at < 0 and past_at < 0:
        return ""
    return "future" if future_at >= past_at else "past"


def _future_clause(text: str, at: int) -> bool:
    """The nearest tense marker before `at` in its clause is a future one ("will", "next", "planned")."""
    return tense_before(text, at) == "future"


# A day named without its year may lie a little on the other side of the reference: an article dated a few days
# after the day its own date line gives, or a "will meet on 3 May" read the day after.
_TENSE_SLACK = dt.timedelta(days=7)


def _year_by_tense(iso: str, tense: str, reference: dt.date) -> str:
    """The year of a day named without one ("on 21 November"), from its clause's tense: the coming one where the
    clause speaks of the future ("a new round will open on 21 November"), the last one where it speaks of the
    past ("signed on 21 November"), else the nearest (`iso`, as resolved)."""
    if not tense:
        return iso
    day = dt.date.fromisoformat(iso)
    candidates = [c for c in (_valid(reference.year + k, day.month, day.day) for k in (-1, 0, 1)) if c]
    if tense == "future":
        coming = [c for c in candidates if dt.date.fromisoformat(c) >= reference - _TENSE_SLACK]
        return min(coming) if coming else iso
    past = [c for c in candidates if dt.date.fromisoformat(c) <= reference + _TENSE_SLACK]
    return max(past) if past else iso


def _coming_month(span: str, reference: dt.date) -> tuple[str, str] | None:
    parsed = _PARSER.get_date_data(span)
    if parsed is None or parsed.date_obj is None:
        return None
    month = parsed.date_obj.month
    year = reference.year if month >= reference.month else reference.year + 1
    return f"{year}-{month:02d}", "month"


DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:summit|talks|meeting|round|conference|visit|session|negotiations|consultations|dialogue|"
                      r"gathering|retreat|forum)\b", re.IGNORECASE)


def duration_days(text: str) -> int | None:
    """'A two-day summit', 'the three-day talks': how many days the meeting lasts, or None."""
    m = DURATION.search(text)
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBERS.get(n)


def _weekday(m: re.Match, text: str, reference: dt.date | None) -> DateMention | None:
    """'on Saturday': the coming one where its clause speaks of the future, else the one just past. The tense is the
    nearest verb's before the day in its clause ("will resume after the talks were suspended on Sunday": past)."""
    if reference is None:
        return None
    tense = tense_before(text, m.start())  # "are expected to end on Tuesday": "expected" is a future word
    if tense:
        future = tense == "future"
    else:  # no tense in its clause: any future word earlier in the sentence
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        future = bool(_FUTURE.search(text[sentence_start:m.start()]))
    weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
        m.group("d").lower())
    delta = (weekday - reference.weekday()) % 7
    if not future:
        delta = delta - 7 if delta else 0
    day = reference + dt.timedelta(days=delta)
    return DateMention(m.group("d"), m.start("d"), m.end("d"), day.isoformat(), "day")


def resolve(kind: str, span: str, reference: dt.date | None) -> tuple[str | None, str] | None:
    """The ISO date and precision `span` stands for, or None when it is not a date after all."""
    if kind == "year":
        return span, "year"
    if kind == "iso":
        return _checked(span, "%Y-%m-%d"), "day"
    if kind == "dmy_dots":
        d, m, y = (int(x) for x in span.split("."))
        return _valid(y, m, d), "day"
    if kind == "mdy_slash":  # 07/09/2020: the reading nearer the reference (US month first, else day first)
        m, d, y = (int(x) for x in span.split("/"))
        readings = [r for r in (_valid(y, m, d), _valid(y, d, m)) if r]
        if not readings:
            return None
        if reference is not None:
            readings.sort(key=lambda r: abs((dt.date.fromisoformat(r) - reference).days))
        return readings[0], "day"
    if kind in ("relative_weekday", "relative_period", "deictic"):
        if reference is None:
            return None, "week" if kind == "relative_period" else "day"
        return _relative(kind, span, reference)
    parsed = _PARSER.get_date_data(span.replace(" the ", " "))
    if parsed is None or parsed.date_obj is None:
        return None
    value = parsed.date_obj.date()
    if kind == "month_alone":
        if reference is None:
            return f"--{value.month:02d}", "month"
        year = reference.year if value.month <= reference.month else reference.year - 1
        return f"{year}-{value.month:02d}", "month"
    if kind == "month_year":
        return f"{value.year}-{value.month:02d}", "month"
    if kind in ("day_month", "month_day"):
        if reference is None:
            return f"--{value.month:02d}-{value.day:02d}", "day"
        return _nearest_year(value.month, value.day, reference), "day"
    return value.isoformat(), "day"


def _relative(kind: str, span: str, reference: dt.date) -> tuple[str, str] | None:
    lower = span.lower()
    if kind == "deictic":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day after tomorrow": 2,
                 "the day before yesterday": -2}[lower]
        return (reference + dt.timedelta(days=shift)).isoformat(), "day"
    if kind == "relative_weekday":
        weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(lower.split()[-1])
        delta = (weekday - reference.weekday()) % 7
        if lower.startswith("last"):
            delta = delta - 7 if delta else -7
        elif lower.startswith(("next", "coming")) and delta == 0:
            delta = 7
        return (reference + dt.timedelta(days=delta)).isoformat(), "day"
    unit = lower.split()[-1]
    step = {"next": 1, "coming": 1, "last": -1, "this": 0}[lower.split()[0]]
    if unit == "week":
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=step)
        return monday.isoformat(), "week"
    if unit == "month":
        month = reference.month - 1 + step
        return f"{reference.year + month // 12}-{month % 12 + 1:02d}", "month"
    return f"{reference.year + step}", "year"


def _nearest_year(month: int, day: int, reference: dt.date) -> str | None:
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        iso = _valid(year, month, day)
        if iso:
            candidates.append((abs((dt.date.fromisoformat(iso) - reference).days), iso))
    return min(candidates)[1] if candidates else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _checked(span: str, fmt: str) -> str | None:
    try:
        return dt.datetime.strptime(span, fmt).date().isoformat()
    except ValueError:
        return None
