"""What every service call needs: the database, the clock, and who is acting with which keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from backoffice.db.engine import Database
from backoffice.security.kdf import DEFAULT_PARAMS, Argon2Params
from backoffice.security.keys import Keyring
from backoffice.security.roles import Permission, Role, role_for
from backoffice.settings import Settings

Clock = Callable[[], datetime]
#: The office's time zone: "today", business days and printed dates are Shanghai dates.
OFFICE_TZ = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Backoffice:
    """The composition of settings, database and clock that services run against."""

    settings: Settings
    db: Database
    clock: Clock = utc_now
    kdf_params: Argon2Params = DEFAULT_PARAMS

    @classmethod
    def open(cls, settings: Settings, *, clock: Clock = utc_now) -> Backoffice:
        return cls(settings, Database(settings.database_url), clock)

    def now(self) -> datetime:
        value = self.clock()
        if value.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return value.astimezone(UTC)

    def today(self) -> date:
        """The office's calendar date now (Shanghai), not the UTC date."""
        return self.now().astimezone(OFFICE_TZ).date()

    def close(self) -> None:
        self.db.dispose()


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    approval_level: int | None

    def has(self, role: Role) -> bool:
        return role in self.roles

    def role_for(self, permission: Permission) -> Role | None:
        return role_for(permission, self.roles)

    @property
    def primary_role(self) -> Role:
        return next(role for role in Role if role in self.roles)


@dataclass
class UserSession:
    """A signed-in user: the actor and the master keys unwrapped from their slot (memory only)."""

    bo: Backoffice
    actor: Actor
    keyring: Keyring = field(repr=False)
    signed_in_at: datetime
