"""The full-text index of the database back end: the searched passages of each dataset version.

Revision ID: 0003
Revises: 0002

Written in SQL: a generated tsvector column with its GIN index is clearer there than in SQLAlchemy's terms.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        CREATE TABLE parley_search_passages (
            digest text NOT NULL,
            passage_no integer NOT NULL,
            text text NOT NULL,
            search_text text NOT NULL,
            kind text NOT NULL,
            source_id text NOT NULL DEFAULT '',
            record_type text NOT NULL DEFAULT '',
            record_id text NOT NULL DEFAULT '',
            citations text NOT NULL DEFAULT '',
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
            PRIMARY KEY (digest, passage_no)
        )""")
    op.create_index("ix_parley_search_passages_tsv", "parley_search_passages", ["tsv"], postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_parley_search_passages_tsv", table_name="parley_search_passages")
    op.drop_table("parley_search_passages")

