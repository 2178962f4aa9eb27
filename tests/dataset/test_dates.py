import pandas as pd

from dashboard.dataset.dates import format_partial, parse_partial, precision_mismatch, window


def test_parse_partial_dates_and_errors():
    parsed = parse_partial(pd.Series(["2025-05-16", "2022-03", "2022", "", "16 May", "2025-02-29", "2024-02-29"]))
    assert list(parsed["granularity"]) == ["day", "month", "year", "", "", "day", "day"]
    assert parsed["error"][4].startswith("not a date")
    assert parsed["error"][5] == "no such day in the calendar"
    assert parsed["error"][6] == ""
    assert parsed["date"][1] == pd.Timestamp("2022-03-01")
    assert pd.isna(parsed["date"][3])


def test_precision_mismatch_only_when_written_date_is_coarser():
    gran = pd.Series(["month", "day", "day", "year"])
    prec = pd.Series(["day", "month", "week", "year"])
    assert list(precision_mismatch(gran, prec)) == [True, False, False, False]


def test_windows_for_each_precision():
    start = pd.Series(pd.to_datetime(["2025-05-16", "2025-05-14", "2022-03-01", "2022-01-01", "2025-01-15"]))
    prec = pd.Series(["day", "week", "month", "year", "day"])
    end = pd.Series(pd.to_datetime([None, None, None, None, "2025-02-26"]))
    lo, hi = window(start, prec, end)
    assert [d.date().isoformat() for d in lo] == ["2025-05-16", "2025-05-12", "2022-03-01", "2022-01-01", "2025-01-15"]
    assert [d.date().isoformat() for d in hi] == ["2025-05-16", "2025-05-18", "2022-03-31", "2022-12-31", "2025-02-26"]


def test_format_partial_is_no_more_precise_than_known():
    day = pd.Timestamp("2025-05-16")
    assert format_partial(day, "day") == "16 May 2025"
    assert format_partial(day, "month") == "May 2025"
    assert format_partial(day, "year") == "2025"
    assert format_partial(day, "week") == "week of 12 May 2025"
    assert format_partial(pd.NaT, "day") == "date unknown"
