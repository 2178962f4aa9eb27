"""Each fast column operation must give exactly what the pandas call it replaces gives."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.dataset import columns

WORDS = st.sampled_from(["", "a", "b", "a:b", "x: y", " c ", "NA", "null", "Türkiye", "a;b", ":", "k:v:w", "é\u00a0e"])
COLUMN = st.lists(WORDS, max_size=30).map(lambda values: pd.Series(values, dtype="str"))


@settings(max_examples=200, deadline=None)
@given(COLUMN, st.lists(WORDS, max_size=6))
def test_isin_is_pandas_isin(column, values):
    expected = column.isin(values)
    assert columns.isin(column, values).tolist() == expected.tolist()
    assert columns.isin(column, pd.Series(values, dtype="str")).tolist() == expected.tolist()


@settings(max_examples=200, deadline=None)
@given(COLUMN, st.lists(st.sampled_from(["k1", "k2", "k3"]), min_size=30, max_size=30))
def test_joined_is_groupby_join_in_row_order(values, keys):
    keys = pd.Series(keys[: len(values)], dtype="str")
    expected = values.groupby(keys).agg(", ".join)
    pd.testing.assert_series_equal(columns.joined(values, keys, ", "), expected, check_dtype=False, check_names=False)


@settings(max_examples=200, deadline=None)
@given(COLUMN, st.dictionaries(WORDS, WORDS, max_size=6))
def test_lookup_is_map_with_a_default(keys, mapping):
    mapping = pd.Series(mapping, dtype="str")
    mapped = keys.map(mapping)
    assert columns.lookup(keys, mapping).tolist() == ["" if pd.isna(v) else v for v in mapped]
    assert columns.lookup(keys, mapping, default=None).isna().tolist() == mapped.isna().tolist()


def test_lookup_takes_the_first_of_repeated_keys():
    mapping = pd.Series(["first", "second"], index=["k", "k"], dtype="str")
    assert columns.lookup(pd.Series(["k"], dtype="str"), mapping).tolist() == ["first"]


@settings(max_examples=200, deadline=None)
@given(COLUMN)
def test_explode_list_is_split_explode_strip(column):
    column.index = column.index * 10 + 3  # labels, not positions, are what must be kept
    items = column.str.split(";").explode().str.strip()
    expected = items[items.ne("") & items.notna()]
    result = columns.explode_list(column, ";")
    assert result.tolist() == expected.tolist()
    assert result.index.tolist() == expected.index.tolist()


@settings(max_examples=200, deadline=None)
@given(COLUMN)
def test_partition_is_str_partition(column):
    expected = column.str.partition(":")
    result = columns.partition(column, ":")
    if column.empty:
        assert result.empty
    else:
        assert result.to_numpy().tolist() == expected.to_numpy().tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 3)), WORDS), max_size=30))
def test_sort_order_is_stable_sort_values_with_missing_last(rows):
    frame = pd.DataFrame({
        "when": pd.to_datetime([None if d is None else f"2025-01-0{d + 1}" for d, _ in rows]).astype("datetime64[ns]"),
        "id": pd.Series([w for _, w in rows], dtype="str"),
    })
    expected = frame.sort_values(["when", "id"], kind="stable").index.to_numpy()
    assert columns.sort_order(frame, ["when", "id"]).tolist() == expected.tolist()


@settings(max_examples=200, deadline=None)
@given(COLUMN)
def test_first_position_marks_what_duplicated_marks(column):
    first = columns.first_position(column)
    assert (first != np.arange(len(column))).tolist() == column.duplicated(keep="first").tolist()
    assert all(column.iloc[f] == value for f, value in zip(first, column))


def test_counts_come_largest_first_and_ties_by_value_whatever_the_order_they_came_in():
    from dashboard.dataset.columns import counts_by_size, largest_first

    values = pd.Series(["b", "a", "c", "a", "b", "d"], dtype="str")
    for order in (values, values[::-1], values.sample(frac=1, random_state=3)):
        counts = counts_by_size(order)
        assert list(counts.items()) == [("a", 2), ("b", 2), ("c", 1), ("d", 1)]
    totals = pd.Series([3.0, 5.0, 3.0], index=["z", "y", "x"])
    assert list(largest_first(totals).index) == ["y", "x", "z"]
