"""Alembic on SQLite and PostgreSQL: upgrade, downgrade, models agree, bad databases refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from backoffice.db.engine import Database
from backoffice.db.migrate import (
    downgrade,
    head_revision,
    model_differences,
    require_current_schema,
    schema_state,
    upgrade,
)
from backoffice.domain.errors import EnvironmentProblem

TABLES = {
    "users",
    "user_roles",
    "key_versions",
    "key_slots",
    "key_grants",
    "audit_log",
    "audit_head",
    "audit_inbox",
    "persons",
    "signin_throttle",
    "app_meta",
}


def test_upgrade_downgrade_upgrade(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert schema_state(db).current is None
        upgrade(db)
        assert schema_state(db).up_to_date
        assert set(inspect(db.engine).get_table_names()) >= TABLES
        assert model_differences(db) == []
        downgrade(db, "base")
        assert not (TABLES & set(inspect(db.engine).get_table_names()))
        upgrade(db)
        assert schema_state(db).current == head_revision()
        require_current_schema(db)
    finally:
        db.dispose()


def test_newer_schema_is_refused_and_nothing_written(database_url: str) -> None:
    db = Database(database_url)
    try:
        upgrade(db)
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        with pytest.raises(EnvironmentProblem, match="比本程序新"):
            upgrade(db)
        with pytest.raises(EnvironmentProblem, match="比本程序新"):
            require_current_schema(db)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    finally:
        db.dispose()


def test_empty_database_asks_for_upgrade(database_url: str) -> None:
    db = Database(database_url)
    try:
        with pytest.raises(EnvironmentProblem, match="db upgrade"):
            require_current_schema(db)
    finally:
        db.dispose()


def test_corrupt_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "backoffice.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(EnvironmentProblem, match="已损坏"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == garbage
    assert not (tmp_path / "backoffice.sqlite3-wal").exists()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        db.dispose()


def test_unreachable_postgresql_gives_a_clear_message() -> None:
    db = Database("postgresql://nobody@127.0.0.1:1/nothing")
    with pytest.raises(EnvironmentProblem, match="无法连接 PostgreSQL"):
        schema_state(db)
    db.dispose()
