"""Where the data lives and which options are set.

``BACKOFFICE_DATA_DIR`` moves the whole data directory (database, attachments, logs);
``BACKOFFICE_DATABASE_URL`` points at PostgreSQL (or another SQLite file) instead of the embedded
database. User options (language, idle lock) live in ``options.json`` in the data directory.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "backoffice"
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Options:
    language: str = "zh_CN"
    idle_lock_minutes: int = 10


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    options: Options = field(default_factory=Options)
    demo: bool = False
    attachments_root: Path | None = None  # BACKOFFICE_ATTACHMENTS_DIR: a local directory or a share

    @property
    def attachments_dir(self) -> Path:
        return self.attachments_root or self.data_dir / "attachments"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def options_file(self) -> Path:
        return self.data_dir / "options.json"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def describe_database(self) -> str:
        """The database as shown to users: never a password."""
        if self.is_sqlite:
            return self.database_url.removeprefix("sqlite:///")
        from urllib.parse import urlsplit

        parts = urlsplit(self.database_url)
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if parts.port else ""
        return f"PostgreSQL {host}{port}{parts.path}"

    def with_options(self, options: Options) -> Settings:
        return replace(self, options=options)


def default_data_dir() -> Path:
    env = os.environ.get("BACKOFFICE_DATA_DIR")
    return Path(env).expanduser() if env else Path(user_data_dir(APP_NAME, appauthor=False))


def demo_data_dir() -> Path:
    env = os.environ.get("BACKOFFICE_DEMO_DIR")
    return Path(env).expanduser() if env else Path(user_data_dir(APP_NAME, appauthor=False)) / "demo"


def load_settings(
    data_dir: Path | None = None, database_url: str | None = None, demo: bool = False
) -> Settings:
    directory = data_dir or default_data_dir()
    url = database_url or os.environ.get("BACKOFFICE_DATABASE_URL") or sqlite_url(directory)
    store = os.environ.get("BACKOFFICE_ATTACHMENTS_DIR")
    settings = Settings(
        directory, url, demo=demo, attachments_root=Path(store).expanduser() if store else None
    )
    return settings.with_options(load_options(settings.options_file))


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'backoffice.sqlite3'}"


def load_options(path: Path) -> Options:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Options()
    defaults = Options()
    language = raw.get("language", defaults.language)
    idle = raw.get("idle_lock_minutes", defaults.idle_lock_minutes)
    return Options(
        language=language if language in LANGUAGES else defaults.language,
        idle_lock_minutes=idle if isinstance(idle, int) and 1 <= idle <= 240 else defaults.idle_lock_minutes,
    )


def save_options(path: Path, options: Options) -> None:
    """Write to a temp name and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(options), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def demo_settings() -> Settings:
    """The demo's own data directory and embedded database, whatever BACKOFFICE_DATABASE_URL says."""
    directory = demo_data_dir()
    settings = Settings(directory, sqlite_url(directory), demo=True)
    return settings.with_options(load_options(settings.options_file))
