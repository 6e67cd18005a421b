"""Engines for SQLite (embedded) and PostgreSQL, with friendly errors for a bad database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from backoffice.domain.errors import ConflictError, EnvironmentProblem

SQLITE_HEADER = b"SQLite format 3\x00"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for ``postgresql://`` URLs."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise EnvironmentProblem(
            "数据库文件 {path} 已损坏或不是 SQLite 数据库：未做任何写入。请从备份恢复，"
            "或用 BACKOFFICE_DATA_DIR 指向正确的数据目录。",
            path=str(path),
        )


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    kwargs.setdefault("hide_parameters", True)  # bound values never reach logs or error messages
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA busy_timeout = 15000")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def describe_operational_error(url: str, exc: Exception) -> EnvironmentProblem:
    """Turn a driver error into a message that names the problem and what to do."""
    text = str(getattr(exc, "orig", exc)).lower()
    if sqlite_path(url) is not None:
        if "not a database" in text or "malformed" in text:
            return EnvironmentProblem(
                "数据库文件已损坏：未做任何写入。请运行 backoffice db check，或从备份恢复。"
            )
        if "locked" in text or "busy" in text:
            return EnvironmentProblem("数据库正被另一个程序占用：请稍后再试。")
        if "readonly" in text or "unable to open" in text:
            return EnvironmentProblem("无法打开数据库文件：请检查数据目录的权限和剩余空间。")
        return EnvironmentProblem(
            "数据库出错：{detail}。请运行 backoffice db check。", detail=type(exc).__name__
        )
    parsed = make_url(normalise_url(url))
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
    if "password" in text or "authentication" in text:
        return EnvironmentProblem(
            "PostgreSQL 拒绝了登录（{where}）：请检查 BACKOFFICE_DATABASE_URL 中的用户名和密码。", where=where
        )
    if "does not exist" in text and "database" in text:
        return EnvironmentProblem(
            "PostgreSQL 上没有数据库 {where}：请先创建数据库（见 docs/deployment.md）。", where=where
        )
    return EnvironmentProblem(
        "无法连接 PostgreSQL 服务器 {where}：请确认服务器已启动、地址和端口正确"
        "（BACKOFFICE_DATABASE_URL），然后重试。",
        where=where,
    )


class Database:
    """An engine plus the unit-of-work factory the services use."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url, **engine_kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        reader = self.engine.execution_options(sqlite_begin="DEFERRED") if self.is_sqlite else self.engine
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(reader, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        try:
            with (self._writer if write else self._reader)() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError("这条记录刚被其他人修改过：请刷新后重新操作。") from exc
        except (OperationalError, DatabaseError) as exc:
            if isinstance(exc, OperationalError) or "not a database" in str(exc).lower():
                raise describe_operational_error(self.url, exc) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()
