"""Alembic's environment for Parley: migrations run on the connection `dashboard.db.store` passes in."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, version_table="parley_schema_version")
with context.begin_transaction():
    context.run_migrations()
