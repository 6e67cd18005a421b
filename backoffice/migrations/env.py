"""Alembic environment: runs against the Database object handed in by backoffice.db.migrate."""

from __future__ import annotations

from alembic import context

from backoffice.db import models  # noqa: F401  (registers the tables)
from backoffice.db.base import Base
from backoffice.db.engine import Database

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    db: Database | None = config.attributes.get("database")
    if db is None:
        db = Database(config.get_main_option("sqlalchemy.url") or "")
    with db.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=db.is_sqlite,
            compare_type=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
