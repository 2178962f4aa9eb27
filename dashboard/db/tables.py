"""The database's tables, as SQLAlchemy sees them: one per data table, the articles, and the saves.

Every field is kept as the text the CSV file holds, so the loader reads a database exactly as it reads
files (the same rules, the same problems) and an export gives back the same bytes. Each record row knows
the save that added it and the save that reverted it, if any; nothing is deleted. The migrations in
`migrations/` create these tables; `tests/db/test_database_store.py` checks the two agree with the schema.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from dashboard.dataset.schema import LOAD_ORDER, TABLES

PREFIX = "parley_"
metadata = sa.MetaData()

saves = sa.Table(
    f"{PREFIX}saves", metadata,
    sa.Column("save_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),  # import, save or revert
    sa.Column("editor", sa.Text, nullable=False),  # the signed-in editor's e-mail, or "local"
    sa.Column("saved_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.Column("source_id", sa.Text, nullable=False, server_default=""),  # the article the save curated
    sa.Column("records", JSONB, nullable=False),  # {table: [record id, …]} added (or, for a revert, withdrawn)
    sa.Column("reverts", sa.BigInteger, sa.ForeignKey(f"{PREFIX}saves.save_id"), nullable=True),
)


def _provenance() -> list[sa.Column]:
    return [
        sa.Column("save_id", sa.BigInteger, sa.ForeignKey(f"{PREFIX}saves.save_id"), nullable=False, index=True),
        sa.Column("reverted_by", sa.BigInteger, sa.ForeignKey(f"{PREFIX}saves.save_id"), nullable=True),
    ]


records = {
    name: sa.Table(
        f"{PREFIX}{name}", metadata,
        sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),  # the order of the file's lines
        *(sa.Column(column, sa.Text, nullable=False, server_default="") for column in TABLES[name].columns),
        *_provenance(),
    )
    for name in LOAD_ORDER
}

articles = sa.Table(
    f"{PREFIX}articles", metadata,
    sa.Column("row_no", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("seed_file", sa.Text, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),  # the file's bytes, exactly
    *_provenance(),
)

# The review queue (dashboard/curation/queue.py): workflow state beside the data, never read by the loader. One
# row per article taken in, with the assistant's proposals kept for it (JSON text: an article's words may hold
# characters JSONB refuses) and the saves that added the article and that saved its reviewed records.
intake = sa.Table(
    f"{PREFIX}intake", metadata,
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
    sa.Column("state", sa.Text, nullable=False, index=True),
    sa.Column("opened_by", sa.Text, nullable=False, server_default=""),
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("finished_by", sa.Text, nullable=False, server_default=""),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("proposals", sa.Text, nullable=False),
    sa.Column("save_id", sa.BigInteger, sa.ForeignKey(f"{PREFIX}saves.save_id"), nullable=False),
    sa.Column("review_save_id", sa.BigInteger, sa.ForeignKey(f"{PREFIX}saves.save_id"), nullable=True),
    sa.Column("position", sa.BigInteger, sa.Identity(), nullable=False),  # the order items were added in
)
