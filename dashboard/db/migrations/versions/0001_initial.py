"""The first schema: the seven data tables as text, the articles, and the saves.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _provenance() -> list[sa.Column]:
    return [
        sa.Column("save_id", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=False),
        sa.Column("reverted_by", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "parley_saves",
        sa.Column("save_id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("editor", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("source_id", sa.Text, nullable=False, server_default=""),
        sa.Column("records", JSONB, nullable=False),
        sa.Column("reverts", sa.BigInteger, sa.ForeignKey("parley_saves.save_id"), nullable=True),
    )
    op.create_table(
        "parley_sources",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("source_id", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("outlet", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False, server_default=""),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("published", sa.Text, nullable=False, server_default=""),
        sa.Column("language", sa.Text, nullable=False, server_default=""),
        sa.Column("seed_file", sa.Text, nullable=False, server_default=""),
        sa.Column("licence", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_sources_save_id", "parley_sources", ["save_id"])
    op.create_table(
        "parley_actors",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("actor_id", sa.Text, nullable=False, server_default=""),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("kind", sa.Text, nullable=False, server_default=""),
        sa.Column("aliases", sa.Text, nullable=False, server_default=""),
        sa.Column("affiliation", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("country_code", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_actors_save_id", "parley_actors", ["save_id"])
    op.create_table(
        "parley_processes",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("process_id", sa.Text, nullable=False, server_default=""),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("conflict", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_processes_save_id", "parley_processes", ["save_id"])
    op.create_table(
        "parley_issues",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("issue_id", sa.Text, nullable=False, server_default=""),
        sa.Column("label", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_issues_save_id", "parley_issues", ["save_id"])
    op.create_table(
        "parley_events",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("event_id", sa.Text, nullable=False, server_default=""),
        sa.Column("process_id", sa.Text, nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("type", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.Text, nullable=False, server_default=""),
        sa.Column("start_date", sa.Text, nullable=False, server_default=""),
        sa.Column("end_date", sa.Text, nullable=False, server_default=""),
        sa.Column("date_precision", sa.Text, nullable=False, server_default=""),
        sa.Column("announced_date", sa.Text, nullable=False, server_default=""),
        sa.Column("venue_city", sa.Text, nullable=False, server_default=""),
        sa.Column("venue_country", sa.Text, nullable=False, server_default=""),
        sa.Column("level", sa.Text, nullable=False, server_default=""),
        sa.Column("actors", sa.Text, nullable=False, server_default=""),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_events_save_id", "parley_events", ["save_id"])
    op.create_table(
        "parley_positions",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("position_id", sa.Text, nullable=False, server_default=""),
        sa.Column("process_id", sa.Text, nullable=False, server_default=""),
        sa.Column("actor_id", sa.Text, nullable=False, server_default=""),
        sa.Column("speaker_id", sa.Text, nullable=False, server_default=""),
        sa.Column("issue_id", sa.Text, nullable=False, server_default=""),
        sa.Column("date", sa.Text, nullable=False, server_default=""),
        sa.Column("date_precision", sa.Text, nullable=False, server_default=""),
        sa.Column("stance", sa.Text, nullable=False, server_default=""),
        sa.Column("red_line", sa.Text, nullable=False, server_default=""),
        sa.Column("paraphrase", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_positions_save_id", "parley_positions", ["save_id"])
    op.create_table(
        "parley_citations",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("citation_id", sa.Text, nullable=False, server_default=""),
        sa.Column("record_type", sa.Text, nullable=False, server_default=""),
        sa.Column("record_id", sa.Text, nullable=False, server_default=""),
        sa.Column("source_id", sa.Text, nullable=False, server_default=""),
        sa.Column("quote", sa.Text, nullable=False, server_default=""),
        *_provenance(),
    )
    op.create_index("ix_parley_citations_save_id", "parley_citations", ["save_id"])
    op.create_table(
        "parley_articles",
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("seed_file", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        *_provenance(),
    )
    op.create_index("ix_parley_articles_save_id", "parley_articles", ["save_id"])


def downgrade() -> None:
    for table in (
        "parley_citations",
        "parley_positions",
        "parley_events",
        "parley_issues",
        "parley_processes",
        "parley_actors",
        "parley_sources",
        "parley_articles",
        "parley_saves",
    ):
        op.drop_table(table)
