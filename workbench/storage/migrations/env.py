"""Alembic environment: runs on the connection handed over by workbench.storage.migrate."""

from alembic import context

from workbench.storage.migrate import include_object_for
from workbench.storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_object=include_object_for(connection.dialect.name),
)
with context.begin_transaction():
    context.run_migrations()
