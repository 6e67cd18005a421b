"""Backup, verify and restore with real attachments; tampering refused; the backup reminder."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD, FAST_KDF, PG_ADMIN_URL, make_user
from PIL import Image
from sqlalchemy import select

from backoffice.db.engine import Database
from backoffice.db.models import Attachment
from backoffice.domain.errors import (
    AuthenticationError,
    DomainError,
    EnvironmentProblem,
    IntegrityError,
    PermissionDenied,
    ValidationError,
)
from backoffice.security.files import HEADER_BYTES, MAX_SEGMENT_SIZE, TAG_BYTES
from backoffice.services import attachments, audit, auth, keys, people
from backoffice.services.backup import (
    backup_status,
    create_backup,
    restore_backup,
    set_backup_max_age,
    verify_backup,
)
from backoffice.services.context import Backoffice
from backoffice.services.people import PersonInput
from backoffice.settings import Settings, sqlite_url

ID = "11010519491231002X"
on_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
on_postgresql = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def jpeg(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A photo-like JPEG of noise: large enough that the archive spans several 1 MiB segments."""
    noise = Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))
    noise.save(path, "JPEG", quality=90)
    return path


@dataclass
class Office:
    clerk: object
    person_id: int
    originals: dict[int, bytes]  # attachment id -> the uploaded bytes


@pytest.fixture
def office(bo, admin, tmp_path: Path) -> Office:
    """A clerk, a customer and three scans uploaded through the attachment service; an auditor."""
    make_user(admin, "clerk", {"clerk"})
    make_user(admin, "aud", {"auditor"})
    clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")
    person = people.register_person(
        clerk, PersonInput(full_name="欧阳娜娜", id_number=ID, mobile="13812345678")
    )
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    originals = {}
    for n, size in enumerate([(1500, 1000), (1600, 1100), (300, 200)]):
        path = jpeg(uploads / f"scan{n}.jpg", size, n)
        info = attachments.add_attachment(clerk, path, owner_type="person", owner_id=person.id)
        originals[info.id] = path.read_bytes()
    return Office(clerk, person.id, originals)


def opened_on(directory: Path, clock: object, **options: object) -> Backoffice:
    url = str(options.pop("database_url", None) or sqlite_url(directory))
    return Backoffice(Settings(directory, url, **options), Database(url), clock, FAST_KDF)  # type: ignore[arg-type]


def check_restored(bo: Backoffice, office: Office) -> None:
    """The restored copy decrypts (people, attachments) and its audit chain verifies."""
    clerk = auth.sign_in(bo, "clerk", "clerk-pass-1")
    assert people.get_person(clerk, office.person_id).full_name == "欧阳*"
    assert (
        people.reveal(clerk, office.person_id, "id_number", password="clerk-pass-1", reason="document_check")
        == ID
    )
    for attachment_id, original in office.originals.items():
        with attachments.opened_copy(clerk, attachment_id) as copy:
            assert copy.read_bytes() == original
    result = audit.verify(auth.sign_in(bo, "aud", "aud-pass-1"))
    assert result.ok and result.checked > 10


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stream_start(raw: bytes) -> int:
    """Where the encrypted stream begins: after the 18-byte clear header and the envelope."""
    return 18 + int.from_bytes(raw[14:18], "big")


def segment_offset(raw: bytes, index: int) -> int:
    return stream_start(raw) + HEADER_BYTES + index * (MAX_SEGMENT_SIZE + TAG_BYTES)


def flipped(source: Path, target: Path, offset: int) -> Path:
    raw = bytearray(source.read_bytes())
    raw[offset] ^= 0x01
    target.write_bytes(bytes(raw))
    return target


@on_sqlite
def test_round_trip_restores_a_copy_that_decrypts_and_verifies(
    bo, admin, office, clock, tmp_path: Path
) -> None:
    target = tmp_path / "backups" / "office.bobackup"
    target.parent.mkdir()
    info = create_backup(admin, target)
    assert (info.database, info.members, info.key_version) == ("sqlite", 4, 1)
    assert info.missing_attachments == () and info.created_at == clock.now
    assert [p.name for p in target.parent.iterdir()] == ["office.bobackup"]  # no temp file left behind
    assert not list(bo.settings.data_dir.glob(".backup-*"))
    raw = target.read_bytes()
    assert raw.startswith(b"BOBACKUP") and b"SQLite format 3" not in raw and b"CREATE TABLE" not in raw

    verified = verify_backup(target, us=admin)
    assert (verified.members, verified.bytes, verified.schema_revision) == (
        4,
        info.bytes,
        info.schema_revision,
    )

    restored = tmp_path / "restored"
    result = restore_backup(target, restored, us=admin)
    assert result.database_file == restored / "backoffice.sqlite3" and not result.needs_upgrade
    assert sorted(p.name for p in restored.iterdir()) == ["attachments", "backoffice.sqlite3"]
    assert tree(restored / "attachments") == tree(bo.settings.attachments_dir)  # ciphertext as stored
    clock.advance(days=1)
    copy = opened_on(restored, clock)
    try:
        check_restored(copy, office)
    finally:
        copy.close()
    actions = {r.action for r in audit.list_records(auth.sign_in(bo, "aud", "aud-pass-1"))}
    assert {"backup.create", "backup.verify", "backup.restore"} <= actions


@on_sqlite
def test_the_recovery_code_opens_a_backup_without_the_installation(
    bo, admin, office, clock, tmp_path
) -> None:
    target = tmp_path / "office.bobackup"
    create_backup(admin, target)
    with pytest.raises(AuthenticationError):
        verify_backup(target, recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    with pytest.raises(ValidationError):
        verify_backup(target)  # neither a session nor a code
    code = admin.recovery_code.lower().replace("-", " ")
    assert verify_backup(target, recovery_code=code).members == 4
    restore_backup(target, tmp_path / "elsewhere" / "data", recovery_code=code)
    copy = opened_on(tmp_path / "elsewhere" / "data", clock)
    try:
        check_restored(copy, office)
    finally:
        copy.close()


@on_sqlite
def test_a_flipped_byte_anywhere_is_refused_and_nothing_is_written(bo, admin, office, tmp_path: Path) -> None:
    good = tmp_path / "good.bobackup"
    create_backup(admin, good)
    raw = good.read_bytes()
    start = stream_start(raw)
    assert len(raw) > segment_offset(raw, 3)  # several segments
    # magic, format, database kind, key version, envelope length, envelope, stream header, segments 0-3,
    # the manifest and the last tag at the very end
    offsets = [0, 8, 9, 13, 17, 18 + (start - 18) // 2, start + 5, start + HEADER_BYTES + 3]
    offsets += [segment_offset(raw, i) + 1000 for i in (1, 2, 3)] + [
        len(raw) // 2,
        len(raw) - 100,
        len(raw) - 1,
    ]
    for offset in offsets:
        bad = flipped(good, tmp_path / "bad.bobackup", offset)
        with pytest.raises(DomainError):
            verify_backup(bad, us=admin)
        target = tmp_path / f"into-{offset}"
        with pytest.raises(DomainError):
            restore_backup(bad, target, us=admin)
        assert not target.exists(), offset
    empty = tmp_path / "existing-empty"
    empty.mkdir()
    with pytest.raises(IntegrityError, match="篡改、截断或损坏"):
        restore_backup(flipped(good, tmp_path / "bad.bobackup", len(raw) - 1), empty, us=admin)
    assert empty.is_dir() and list(empty.iterdir()) == []


@on_sqlite
def test_the_first_bad_member_is_named(bo, admin, office, tmp_path: Path) -> None:
    good = tmp_path / "good.bobackup"
    create_backup(admin, good)
    raw = good.read_bytes()
    with pytest.raises(IntegrityError, match=r"问题在 backoffice\.sqlite3"):
        verify_backup(flipped(good, tmp_path / "a.bobackup", segment_offset(raw, 0) + 100), us=admin)
    with pytest.raises(IntegrityError, match=r"问题在 attachments/[0-9a-f]{2}/[0-9a-f]{32}\.bin"):
        verify_backup(flipped(good, tmp_path / "b.bobackup", segment_offset(raw, 2) + 100), us=admin)
    with pytest.raises(IntegrityError, match="文件头"):
        verify_backup(flipped(good, tmp_path / "c.bobackup", stream_start(raw) + 2), us=admin)


@on_sqlite
def test_truncated_or_extended_backups_are_refused(bo, admin, office, tmp_path: Path) -> None:
    good = tmp_path / "good.bobackup"
    create_backup(admin, good)
    raw = good.read_bytes()
    cuts = {
        "last-byte": raw[:-1],
        "at-a-segment-boundary": raw[: segment_offset(raw, 2)],
        "header-only": raw[: stream_start(raw)],
        "longer": raw + bytes(17),
        "another-segment": raw + raw[segment_offset(raw, 1) : segment_offset(raw, 2)],
    }
    for name, data in cuts.items():
        bad = tmp_path / f"{name}.bobackup"
        bad.write_bytes(data)
        with pytest.raises(IntegrityError, match="篡改、截断或损坏"):
            verify_backup(bad, us=admin)
    (tmp_path / "not-a-backup").write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(IntegrityError, match="不是本系统的备份文件"):
        verify_backup(tmp_path / "not-a-backup", us=admin)


@on_sqlite
def test_restore_only_into_an_empty_place_and_create_never_overwrites(bo, admin, office, tmp_path) -> None:
    target = tmp_path / "office.bobackup"
    create_backup(admin, target)
    before = target.read_bytes()
    with pytest.raises(ValidationError, match="已存在"):
        create_backup(admin, target)
    assert target.read_bytes() == before
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine")
    with pytest.raises(ValidationError, match="不是空目录") as err:
        restore_backup(target, occupied, us=admin)
    assert err.value.field == "into" and tree(occupied) == {"keep.txt": b"mine"}
    with pytest.raises(ValidationError, match="不是空目录"):
        restore_backup(target, target, us=admin)  # a file, not a directory


@on_sqlite
def test_only_admins_back_up(bo, admin, office, tmp_path: Path) -> None:
    target = tmp_path / "office.bobackup"
    with pytest.raises(PermissionDenied):
        create_backup(office.clerk, target)
    assert not target.exists()
    create_backup(admin, target)
    for attempt in (
        lambda: verify_backup(target, us=office.clerk),
        lambda: restore_backup(target, tmp_path / "x", us=office.clerk),
        lambda: backup_status(office.clerk),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert not (tmp_path / "x").exists()


@on_sqlite
def test_a_missing_attachment_file_is_reported_not_fatal(bo, admin, office, tmp_path: Path) -> None:
    gone = min(office.originals)
    with bo.db.unit_of_work(write=False) as db:
        file_id = db.get(Attachment, gone).file_id
    attachments.stored_path(bo.settings.attachments_dir, file_id).unlink()
    info = create_backup(admin, tmp_path / "office.bobackup")
    assert info.missing_attachments == (gone,) and info.members == 3
    assert verify_backup(tmp_path / "office.bobackup", us=admin).missing_attachments == (gone,)


@on_sqlite
def test_an_interrupted_rotation_backs_up_the_file_the_row_names(bo, admin, office, tmp_path) -> None:
    """A ``.new`` twin under the row's key version is what the row names (rotation stopped before the
    rename); one under another version (rotation not committed) is not."""
    root = bo.settings.attachments_dir
    with bo.db.unit_of_work(write=False) as db:
        rows = db.execute(select(Attachment).order_by(Attachment.id)).scalars().all()
    first, second = (attachments.stored_path(root, r.file_id) for r in rows[:2])
    first.rename(first.with_suffix(".new"))  # committed, not renamed
    second.with_suffix(".new").write_bytes(b"BOAE\x01\x01\x00\x00\x00\x09" + bytes(40))  # version 9
    create_backup(admin, tmp_path / "office.bobackup")
    restored = tmp_path / "restored"
    restore_backup(tmp_path / "office.bobackup", restored, us=admin)
    assert tree(restored / "attachments") == {
        p.relative_to(root).as_posix().removesuffix(".new")
        + (".bin" if p.suffix == ".new" else ""): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p != second.with_suffix(".new")
    }


@on_sqlite
def test_after_a_key_rotation_old_backups_open_with_the_recovery_code(bo, admin, office, tmp_path) -> None:
    target = tmp_path / "before-rotation.bobackup"
    create_backup(admin, target)
    keys.rotate(admin)  # version 1 is retired: its master key is gone from the installation
    fresh_admin = auth.sign_in(bo, "admin", ADMIN_PASSWORD)
    with pytest.raises(DomainError, match="recovery-code"):
        verify_backup(target, us=fresh_admin)
    assert verify_backup(target, recovery_code=admin.recovery_code).key_version == 1
    assert create_backup(fresh_admin, tmp_path / "after.bobackup").key_version == 2


def test_backup_status_reminds_after_the_configured_age(bo, admin, clock, tmp_path: Path) -> None:
    assert backup_status(admin) == (None, True)
    create_backup(admin, tmp_path / "one.bobackup")
    assert backup_status(admin) == (clock.now, False)
    clock.advance(days=7, seconds=1)
    assert backup_status(admin) == (clock.now - timedelta(days=7, seconds=1), True)
    set_backup_max_age(admin, 30)
    assert backup_status(admin)[1] is False
    with pytest.raises(ValidationError):
        set_backup_max_age(admin, 0)


def test_the_clear_header_holds_no_key_material(bo, admin, tmp_path: Path) -> None:
    """The envelope carries only what key_slots stores already: wrapped and sealed, never a key."""
    target = tmp_path / "empty.bobackup"
    create_backup(admin, target)
    raw = target.read_bytes()
    for version, key in admin.keyring.keys.items():
        assert key not in raw and admin.keyring.purpose_key("backup", version) not in raw
    assert b"recovery_slot" in raw[: stream_start(raw)]


@on_postgresql
def test_without_pg_dump_the_message_says_what_to_do(bo, admin, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    with pytest.raises(EnvironmentProblem, match="pg_dump"):
        create_backup(admin, tmp_path / "office.bobackup")
    assert list(tmp_path.glob("*.bobackup*")) == [] and not list(bo.settings.data_dir.glob(".backup-*"))


@pytest.fixture
def restored_pg_url() -> str:
    import psycopg

    name = f"bo_restored_{uuid.uuid4().hex[:12]}"
    conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{conninfo.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@on_postgresql
def test_postgresql_backup_with_pg_dump_and_the_printed_restore_procedure(
    bo, admin, office, clock, tmp_path: Path, restored_pg_url: str
) -> None:
    assert shutil.which("pg_dump"), "the PostgreSQL client (pg_dump) is installed by .ci/run"
    target = tmp_path / "office.bobackup"
    info = create_backup(admin, target)
    assert (info.database, info.members) == ("postgresql", 4)
    assert verify_backup(target, us=admin).members == 4
    restored = tmp_path / "restored"
    result = restore_backup(target, restored, us=admin)
    assert result.database_file == restored / "backoffice.pgdump"
    assert tree(restored / "attachments") == tree(bo.settings.attachments_dir)
    command = ["pg_restore", f"--dbname={restored_pg_url}", "--no-owner", "--no-acl", "--exit-on-error"]
    done = subprocess.run(
        [*command, "--single-transaction", str(result.database_file)],
        capture_output=True,
        text=True,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr
    copy = opened_on(restored, clock, database_url=restored_pg_url, attachments_root=restored / "attachments")
    try:
        check_restored(copy, office)
    finally:
        copy.close()
