"""Datasets as sources: a source's kind, a citation's locator, an event's related events, and the rows each
import from a dataset took.

Revision ID: 0004
Revises: 0003

As in 0002, new columns are added at the end of their tables; rows already in a database keep an empty
`kind` (an article), `locator` and `related_events`, as the loader expects of records from before them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_COLUMNS = (("sources", "kind"), ("citations", "locator"), ("events", "related_events"))
DATASET_ROW_FIELDS = ("dataset_row_id", "source_id", "row_id", "name", "date", "record_type", "record_id", "recorded")


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "parley_dataset_rows",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        *(_text(name) for name in DATASET_ROW_FIELDS),
        sa.Column("save_id", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=False),
        sa.Column("reverted_by", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=True),
    )
    op.create_index("ix_parley_dataset_rows_save_id", "parley_dataset_rows", ["save_id"])
    for table, column in NEW_COLUMNS:
        op.add_column(f"parley_{table}", _text(column))


def downgrade() -> None:
    for table, column in NEW_COLUMNS:
        op.drop_column(f"parley_{table}", column)
    op.drop_index("ix_parley_dataset_rows_save_id", table_name="parley_dataset_rows")
    op.drop_table("parley_dataset_rows")
