"""Propositions, a position's proposition, an event's status change, and the day every record was recorded.

Revision ID: 0002
Revises: 0001

New columns are added at the end of each table (PostgreSQL cannot insert them in between); the store reads
columns by name, so their physical order does not matter. Rows already in a database keep an empty
`recorded`, `proposition_id`, `previous_status` and `status_changed`, as the loader expects of records from before these fields.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLDER_TABLES = ("sources", "actors", "processes", "issues", "events", "positions", "citations")


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "parley_propositions",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        *(_text(name) for name in ("proposition_id", "process_id", "issue_id", "statement", "note", "recorded")),
        sa.Column("save_id", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=False),
        sa.Column("reverted_by", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=True),
    )
    op.create_index("ix_parley_propositions_save_id", "parley_propositions", ["save_id"])
    op.add_column("parley_positions", _text("proposition_id"))
    op.add_column("parley_events", _text("previous_status"))
    op.add_column("parley_events", _text("status_changed"))
    for table in OLDER_TABLES:
        op.add_column(f"parley_{table}", _text("recorded"))


def downgrade() -> None:
    for table in OLDER_TABLES:
        op.drop_column(f"parley_{table}", "recorded")
    op.drop_column("parley_positions", "proposition_id")
    op.drop_column("parley_events", "status_changed")
    op.drop_column("parley_events", "previous_status")
    op.drop_index("ix_parley_propositions_save_id", table_name="parley_propositions")
    op.drop_table("parley_propositions")
