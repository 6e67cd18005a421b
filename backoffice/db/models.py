"""Tables of the foundation: users, sign-in throttling, key versions and slots, audit trail.

Money columns (later issues) are integer fen named ``*_fen``; timestamps are UTC-aware.
Tables two people can edit carry a ``version`` column used for optimistic locking.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db.base import Base


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    password_hash: Mapped[str] = mapped_column(String(256))
    approval_level: Mapped[int | None]
    lines: Mapped[str] = mapped_column(String(80), default="")  # lines of business handled; empty: all
    senior: Mapped[bool] = mapped_column(default=False)  # may lead complex cases
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")


class SignInThrottle(Base):
    """Failed attempts per principal: ``user:NAME`` or ``recovery``."""

    __tablename__ = "signin_throttle"

    principal: Mapped[str] = mapped_column(String(96), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    first_failure_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
    lockouts: Mapped[int] = mapped_column(default=0)


class KeyVersion(Base):
    __tablename__ = "key_versions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(16))  # active | retiring | retired
    created_at: Mapped[datetime]
    retired_at: Mapped[datetime | None]


class KeySlot(Base):
    """A key pair per owner (a user, or the recovery code): the public half in the clear, the private
    half wrapped (AES-256-GCM) under a key derived with Argon2id from the owner's secret."""

    __tablename__ = "key_slots"
    __table_args__ = (UniqueConstraint("owner", name="uq_key_slots_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # password | recovery
    owner: Mapped[str] = mapped_column(String(96))  # user:NAME | recovery
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    wrapped_private: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class KeyGrant(Base):
    """One master key version sealed to one slot's public key (X25519 + HKDF + AES-256-GCM).

    Rotation grants the new version to every slot at once, without anybody's password.
    """

    __tablename__ = "key_grants"
    __table_args__ = (UniqueConstraint("owner", "key_version", name="uq_key_grants_owner"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(ForeignKey("key_slots.owner", ondelete="CASCADE"))
    key_version: Mapped[int] = mapped_column(ForeignKey("key_versions.id"))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class AuditRecord(Base):
    """One link of the HMAC chain. The application role may only INSERT and SELECT here."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    key_version: Mapped[int]
    mac: Mapped[bytes] = mapped_column(LargeBinary(32))

    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)


class AuditHead(Base):
    """The newest link (one row), locked while appending so that sequence numbers never collide."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int]
    last_mac: Mapped[bytes] = mapped_column(LargeBinary(32))


class AuditInbox(Base):
    """Events that happen before anybody holds the key (failed sign-ins, lockouts).

    They carry no MAC yet; the next signed-in action moves them into the chain, in order.
    """

    __tablename__ = "audit_inbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")


class AppMeta(Base):
    """Installation facts: initialised at, demo flag, last backup."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Person(Base):
    """A customer, insured, claimant or payee. Every personal field is encrypted (security.fields):
    the associated data binds table, column and row id. ``*_bidx`` are blind indexes (security.blind_index)
    for exact search, computed under ``key_version``'s key; nothing here is readable without the master key.
    """

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name_enc: Mapped[bytes] = mapped_column(LargeBinary)
    full_name_bidx: Mapped[int | None] = mapped_column(index=True)
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_bidx: Mapped[int | None] = mapped_column(index=True)
    mobile_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    mobile_bidx: Mapped[int | None] = mapped_column(index=True)
    bank_account_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    bank_account_bidx: Mapped[int | None] = mapped_column(index=True)
    details_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # JSON: gender, birth date, address
    key_version: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Attachment(Base):
    """A scan, PDF or photo in the encrypted attachment store (security.files).

    The file lives at ``<store>/<file_id[:2]>/<file_id>.bin``; the original file name is personal data
    and is encrypted here. ``digest`` is the keyed HMAC of the plaintext under ``key_version``.
    """

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[str] = mapped_column(String(40), unique=True)
    owner_type: Mapped[str] = mapped_column(String(32), default="")
    owner_id: Mapped[int | None]
    filename_enc: Mapped[bytes] = mapped_column(LargeBinary)
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None]
    digest: Mapped[str] = mapped_column(String(64))
    key_version: Mapped[int]
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # A PDF's PDF/A verdict (printing.archive_model.PdfaVerdict as JSON), taken when it is attached or
    # when a volume first needs it: which pages the archive volume can merge as they are. No personal data.
    pdfa_verdict: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)


class RetiredAuditKey(Base):
    """The audit-chain key of a retired master key version, sealed under a live version.

    A retired master key is destroyed (its grants deleted), but audit records made under it must stay
    verifiable: only the HMAC subkey survives, and it opens no personal data.
    """

    __tablename__ = "retired_audit_keys"

    key_version: Mapped[int] = mapped_column(ForeignKey("key_versions.id"), primary_key=True)
    sealed_under: Mapped[int] = mapped_column(ForeignKey("key_versions.id"))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


# Registers the tables of the later issues.
from backoffice.db import models_approval, models_archive, models_intake, models_sla  # noqa: E402, F401
