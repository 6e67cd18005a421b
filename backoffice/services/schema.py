"""The database schema for the command line and the start-up checks: state, upgrade, checks."""

from __future__ import annotations

from backoffice.db import migrate
from backoffice.db.migrate import SchemaState
from backoffice.services.context import Backoffice

__all__ = ["SchemaState", "check", "downgrade", "require_current", "state", "upgrade"]


def state(bo: Backoffice) -> SchemaState:
    return migrate.schema_state(bo.db)


def require_current(bo: Backoffice) -> None:
    migrate.require_current_schema(bo.db)


def upgrade(bo: Backoffice) -> None:
    migrate.upgrade(bo.db)


def downgrade(bo: Backoffice, revision: str) -> None:
    migrate.downgrade(bo.db, revision)


def check(bo: Backoffice) -> tuple[list[str], list[str]]:
    """(model/migration differences, integrity problems); both empty when all is well."""
    return [str(d) for d in migrate.model_differences(bo.db)], migrate.integrity_problems(bo.db)
