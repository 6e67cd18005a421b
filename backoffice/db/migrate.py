"""Alembic, driven from the installed package (``backoffice/migrations``).

Alembic is imported inside the functions that use it: importing this module (for ``SchemaState`` or the
integrity check) does not load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import OperationalError

from backoffice.db.base import Base
from backoffice.db.engine import Database, describe_operational_error
from backoffice.domain.errors import EnvironmentProblem

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("backoffice") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    cfg.attributes["database"] = db
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config_for_scripts())
    head = script.get_current_head()
    assert head is not None
    return head


def alembic_config_for_scripts() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("backoffice") / "migrations"))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config_for_scripts())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(db: Database) -> str | None:
    from alembic.migration import MigrationContext

    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise describe_operational_error(db.url, exc) from exc


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_state(db: Database) -> SchemaState:
    """Where the database stands; refuses one written by a newer program."""
    current = current_revision(db)
    if current is not None and current not in known_revisions():
        raise EnvironmentProblem(
            "数据库结构版本 {rev} 比本程序新：请先升级 backoffice，再打开这个数据库。未做任何写入。",
            rev=current,
        )
    return SchemaState(current, head_revision())


def require_current_schema(db: Database) -> None:
    state = schema_state(db)
    if state.current is None:
        raise EnvironmentProblem("数据库尚未建立：请运行 backoffice db upgrade 和 backoffice init。")
    if not state.up_to_date:
        raise EnvironmentProblem("数据库结构需要升级：请运行 backoffice db upgrade（先备份）。")


def upgrade(db: Database, revision: str = "head") -> None:
    from alembic import command

    schema_state(db)  # refuse a newer schema before touching anything
    try:
        command.upgrade(alembic_config(db), revision)
    except OperationalError as exc:
        raise describe_operational_error(db.url, exc) from exc


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(db), revision)


def model_differences(db: Database) -> list[Any]:
    """Differences between the models and the migrated schema (empty when they agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from backoffice.db import models  # noqa: F401  (registers every table; a fresh CLI process has none)

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": db.is_sqlite})
        return list(compare_metadata(ctx, Base.metadata))


def integrity_problems(db: Database) -> list[str]:
    """SQLite's own integrity check (empty when fine); PostgreSQL checks itself."""
    if not db.is_sqlite:
        return []
    with db.engine.connect() as conn:
        rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows
