"""The review queue: each article taken in, with the assistant's proposals kept for it, waiting for a curator.

Revision ID: 0005
Revises: 0004

Workflow state, not data: the loader never reads it. `dashboard/db/tables.py` describes the same table.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parley_intake",
        sa.Column("source_id", sa.Text, primary_key=True),
        sa.Column("seed_file", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("date", sa.Text, nullable=False, server_default=""),
        sa.Column("process_id", sa.Text, nullable=False, server_default=""),
        sa.Column("process_name", sa.Text, nullable=False, server_default=""),
        sa.Column("process_new", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("positions", sa.Integer, nullable=False),
        sa.Column("new_actors", sa.Integer, nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("opened_by", sa.Text, nullable=False, server_default=""),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_by", sa.Text, nullable=False, server_default=""),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("proposals", sa.Text, nullable=False),
        sa.Column("save_id", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=False),
        sa.Column("review_save_id", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=True),
        sa.Column("position", sa.BigInteger, sa.Identity(), nullable=False),
    )
    op.create_index("ix_parley_intake_state", "parley_intake", ["state"])


def downgrade() -> None:
    op.drop_index("ix_parley_intake_state", table_name="parley_intake")
    op.drop_table("parley_intake")
