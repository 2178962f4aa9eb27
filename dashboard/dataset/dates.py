"""Partial dates and honest date windows.

Curators write dates as precisely as the source allows: `2025-05-16`, `2022-03`
or `2022`. With the stated precision each date becomes a window, the earliest
and latest day it can mean (UCDP's date_start/date_end convention), so a date
known only to the month is drawn as that month, never as a made-up first day.
Everything here works on whole columns at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset.columns import codes

PARTIAL_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"  # YYYY, YYYY-MM or YYYY-MM-DD
_KINDS = np.array(["day", "month", "year", ""], dtype=object)  # by code, as parse_partial finds them
_PROBLEMS = np.array(["", "not a date; write YYYY-MM-DD, YYYY-MM or YYYY", "no such day in the calendar"], dtype=object)
GRANULARITY_RANK = {"day": 0, "week": 0, "month": 1, "year": 2}


def parse_partial(values: pd.Series) -> pd.DataFrame:
    """Parse a column of partial ISO dates.

    Returns a frame with `date` (first day the value can mean, NaT when empty or
    invalid), `granularity` (day, month or year as written) and `error` (a plain
    message for a value that is not a real date, else empty). Each distinct
    value is parsed once: 100,000 events fall on a few thousand dates.
    """
    values = values.fillna("").astype("str").str.strip()
    codes, distinct = pd.factorize(values)
    if len(distinct) < len(values):
        return _parse_distinct(pd.Series(distinct, dtype="str")).take(codes).set_axis(values.index)
    return _parse_distinct(values)


def _parse_distinct(values: pd.Series) -> pd.DataFrame:
    count = len(values)
    date = np.full(count, np.datetime64("NaT"), dtype="datetime64[ns]")
    granularity = np.full(count, "", dtype=object)
    error = np.full(count, "", dtype=object)
    present = values.ne("").to_numpy(dtype=bool)
    if present.any():
        written = values[present]
        shape_ok = written.str.fullmatch(PARTIAL_DATE).to_numpy(dtype=bool, na_value=False)
        length = written.str.len().to_numpy()
        # pad YYYY and YYYY-MM to a full day, then let pandas reject impossible days
        iso = written.where(length != 4, written + "-01-01").where(length != 7, written + "-01")
        parsed = pd.to_datetime(iso.where(shape_ok, None), format="%Y-%m-%d", errors="coerce").to_numpy(
            dtype="datetime64[ns]")
        kind = np.where(~shape_ok, 3, np.where(length == 10, 0, np.where(length == 7, 1, 2)))
        problem = np.where(~shape_ok, 1, np.where(np.isnat(parsed), 2, 0))
        date[present] = np.where(problem == 0, parsed, np.datetime64("NaT"))
        granularity[present] = _KINDS[kind]
        error[present] = _PROBLEMS[problem]
    return pd.DataFrame({"date": date, "granularity": granularity, "error": error}, index=values.index)


def precision_mismatch(granularity: pd.Series, precision: pd.Series) -> pd.Series:
    """True where the written date is coarser than the precision claims.

    `2025-05` with precision `day` claims a day the value does not give. A finer
    value with a coarser precision is fine: a week is written as one of its days.
    """
    names = list(GRANULARITY_RANK)
    ranks = np.array(list(GRANULARITY_RANK.values()))
    written, claimed = codes(granularity, names), codes(precision, names)
    coarser = (written >= 0) & (claimed >= 0) & (ranks[written] > ranks[claimed])
    return pd.Series(coarser, index=granularity.index)


def window(start: pd.Series, precision: pd.Series, end: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """Earliest and latest day (inclusive) each dated record can mean."""
    start = pd.to_datetime(start)
    precision = precision.fillna("day")
    lo = start.copy()
    hi = start.copy()
    week = precision.eq("week")
    lo[week] = start[week] - pd.to_timedelta(start[week].dt.day_of_week, unit="D")
    hi[week] = lo[week] + pd.Timedelta(days=6)
    month = precision.eq("month")
    lo[month] = start[month].dt.to_period("M").dt.start_time
    hi[month] = start[month].dt.to_period("M").dt.end_time.dt.normalize()
    year = precision.eq("year")
    lo[year] = start[year].dt.to_period("Y").dt.start_time
    hi[year] = start[year].dt.to_period("Y").dt.end_time.dt.normalize()
    if end is not None:
        end = pd.to_datetime(end)
        hi = hi.where(end.isna() | (end <= hi), end)
    return lo, hi


def format_partial(value: pd.Timestamp | None, precision: str) -> str:
    """Show a date no more precisely than it is known: 16 May 2025, May 2025, 2022."""
    if value is None or pd.isna(value):
        return "date unknown"
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return value.strftime("%B %Y")
    if precision == "week":
        monday = value - pd.Timedelta(days=value.weekday())
        return f"week of {monday.day} {monday.strftime('%B %Y')}"
    return f"{value.day} {value.strftime('%B %Y')}"


def format_dates(values: pd.Series, precisions: pd.Series) -> pd.Series:
    """`format_partial` for whole columns at once (one strftime per distinct date, not one call per row)."""
    pairs = pd.DataFrame({"value": values, "precision": precisions})
    distinct = pairs.drop_duplicates()
    labels = {(v, p): format_partial(v, p) for v, p in zip(distinct["value"], distinct["precision"])}
    return pd.Series([labels[(v, p)] for v, p in zip(pairs["value"], pairs["precision"])], index=values.index,
                     dtype="str")
