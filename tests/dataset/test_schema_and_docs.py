"""The data contract stays in step: code, datapackage.json, data/README.md."""

import json
from pathlib import Path

from dashboard.dataset.schema import TABLES, datapackage_json, readme_tables

REPO = Path(__file__).resolve().parents[2]


def test_datapackage_json_is_generated_from_the_schema():
    committed = (REPO / "data" / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage_json(), "run: python -m dashboard.dataset.schema > data/datapackage.json"
    package = json.loads(committed)
    assert [r["path"] for r in package["resources"]] == [f"{n}.csv" for n in
                                                          ("sources", "actors", "processes", "issues", "propositions", "events",
                                                           "positions", "dataset_rows", "citations")]


def test_every_table_and_field_is_documented_in_data_readme():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES.values():
        assert f"`{table.filename}`" in readme, table.filename
        for field in table.fields:
            assert f"`{field.name}`" in readme, f"{table.name}.{field.name}"
            for value in field.enum or ():
                assert f"`{value}`" in readme, f"{table.name}.{field.name} = {value}"


def test_csv_headers_match_the_schema():
    for table in TABLES.values():
        header = (REPO / "data" / table.filename).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == table.columns


def test_data_readme_tables_section_is_generated_from_the_schema():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Tables\n"):readme.index("## In a PostgreSQL database")]
    assert section == readme_tables() + "\n", "run: python -m dashboard.dataset.schema --readme, paste into data/README.md"


def test_every_problem_code_is_documented_in_data_readme():
    from dashboard.dataset.problems import CODES

    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Problems the loader reports"):]
    for code, meaning in CODES.items():
        assert f"| `{code}` | {meaning} |" in section, code


def test_a_problem_of_an_unknown_kind_cannot_be_made():
    """A code is checked when the problem is made: a misspelt one fails at once, in whichever test reaches it."""
    import pytest

    from dashboard.dataset.problems import Problem

    assert Problem("duplicate-id", "events.csv", 3, "event_id", "a", "duplicate id").code == "duplicate-id"
    with pytest.raises(ValueError, match="duplicate-ids"):
        Problem("duplicate-ids", "events.csv", 3, "event_id", "a", "duplicate id")
