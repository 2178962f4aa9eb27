"""Every broken data folder in the corpus: the loader names file, line and field, keeps the good records,
and never raises. Hypothesis fuzzes the loader with generated CSV files."""

from __future__ import annotations

import string

import pytest
from bad_inputs import CASES, Case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.dataset.loader import load_dataset
from dashboard.dataset.problems import CODES, WHOLE_FILE_CODES
from dashboard.dataset.schema import TABLES


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_folder_is_reported_and_good_records_survive(folder, case: Case):
    case.breaks(folder.data, folder.seeds)
    ds = load_dataset(folder.data, folder.seeds)
    named = [p for p in ds.problems if p.file == case.file and (not case.field or p.field == case.field)]
    assert named, [str(p) for p in ds.problems][:10]
    assert case.code in {p.code for p in named}, [(p.code, str(p)) for p in named][:10]
    for problem in named:
        assert problem.message and problem.code in CODES
        if case.name not in ("missing_table",):
            assert problem.line is not None and problem.line >= 1
    if case.still_shown:
        assert case.still_shown in set(ds["events"]["event_id"])
    assert_nothing_dropped_silently(ds)


def assert_nothing_dropped_silently(ds) -> None:
    """Every record read is loaded or held back, and each one held back is explained: by an error naming its id
    or its line, or by an error of a kind that holds back every record of its file (a missing required column)."""
    for name, table in TABLES.items():
        held = ds.invalid[name]
        errors = [p for p in ds.errors if p.file == table.filename]
        ids = {p.record_id for p in errors if p.record_id}
        lines = {p.line for p in errors if p.line}
        whole_file = any(p.code in WHOLE_FILE_CODES for p in errors)
        unexplained = [(r, line) for r, line in zip(held[table.key], held["_line"]) if not (
            r in ids or line in lines or whole_file)] if len(held) else []
        assert not unexplained, (name, unexplained[:5])


CELL = st.text(alphabet=string.printable + "éü–’“”\u200b\u202e", max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(sorted(TABLES)),
       header=st.lists(st.sampled_from(sorted({f.name for t in TABLES.values() for f in t.fields}) + ["junk"]),
                       min_size=0, max_size=12),
       rows=st.lists(st.lists(CELL, min_size=0, max_size=14), max_size=8),
       raw=st.binary(max_size=64))
def test_loader_never_raises_on_generated_files(folder, table, header, rows, raw):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = folder.data / TABLES[table].filename
    path.write_bytes(out.getvalue().encode("utf-8") + raw)
    ds = load_dataset(folder.data, folder.seeds)
    for problem in ds.problems:
        assert problem.file and problem.message and problem.code in CODES
        assert problem.line is None or problem.line >= 1
    assert_nothing_dropped_silently(ds)
    content = path.read_bytes()
    last_line = content.count(b"\n") + content.count(b"\r") + 1
    for frame in (ds[table], ds.invalid[table]):
        if "_line" in frame and len(frame):
            assert frame["_line"].between(2, last_line).all()
