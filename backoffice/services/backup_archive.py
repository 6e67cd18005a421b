"""The backup file: one encrypted, authenticated archive of the database and the attachment store.

Format, version 1 (integers big-endian)::

    offset  size  content
    0       8     magic b"BOBACKUP"
    8       1     format version, 0x01
    9       1     database: 0x01 SQLite file, 0x02 PostgreSQL dump (pg_dump --format=custom)
    10      4     key version of the master key the archive key is derived from
    14      4     length E of the envelope (at most 64 KiB)
    18      E     envelope, UTF-8 JSON: the recovery slot's wrapped private key and its grant of that key
                  version, as stored in ``key_slots`` / ``key_grants`` (Argon2id + AES-GCM; only the printed
                  recovery code opens them), so that the backup opens when the installation is lost; {} if
                  the database has no recovery slot
    18+E    ...   a security.files stream (its 38-byte header, then AES-256-GCM segments of 1 MiB) under the
                  keyring {key version: HKDF(master key, "backup")}, with file id "backoffice-backup|" + hex
                  SHA-256 of bytes 0 .. 18+E, so the clear header is authenticated with the stream

The stream's plaintext is a sequence of member records and one end record::

    member  b"M" ‖ path length (2) ‖ path (UTF-8) ‖ size (8) ‖ size bytes
    end     b"E" ‖ manifest length (8) ‖ manifest

Member paths mirror a data directory: ``backoffice.sqlite3`` (or ``backoffice.pgdump``) first, then
``attachments/<file_id[:2]>/<file_id>.bin`` copied as stored (already encrypted). The manifest is JSON
Lines: one object (format, app version, schema revision, database, created at, key version, member count,
bytes, ids of attachments whose file was missing), then ``[path, size, sha256]`` per member in archive
order. It comes last so that each member is read once, and neither side holds the member list in memory:
both spool their lines to a temporary file and compare line by line. Decryption authenticates every
segment; the digests catch a member that changed while it was being packed.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final

from backoffice.domain.errors import AuthenticationError, DomainError, IntegrityError
from backoffice.security.files import (
    MAX_SEGMENT_SIZE,
    FileIntegrityError,
    _ChunkReader,
    decrypt_segments,
    encrypt_stream,
)
from backoffice.security.keys import (
    Keyring,
    KeyUnwrapError,
    WrappedKey,
    grant_aad,
    normalise_recovery_code,
    open_sealed_key,
    slot_aad,
    unwrap_key,
)
from backoffice.services.keyslots import RECOVERY, RECOVERY_OWNER

MAGIC: Final = b"BOBACKUP"
FORMAT: Final = 1
HEAD: Final = struct.Struct(">8sBBII")
SQLITE, POSTGRESQL = 1, 2
DATABASES: Final = {SQLITE: "sqlite", POSTGRESQL: "postgresql"}
DB_MEMBERS: Final = {SQLITE: "backoffice.sqlite3", POSTGRESQL: "backoffice.pgdump"}
PURPOSE: Final = "backup"
CHUNK: Final = 1024 * 1024
MAX_ENVELOPE: Final = 64 * 1024
_PATH = re.compile(r"backoffice\.(sqlite3|pgdump)|attachments/([0-9a-f]{2})/\2[0-9a-f]{1,38}\.bin")
_HEADER, _MANIFEST = "（文件头）", "（清单）"


@dataclass(frozen=True)
class BackupInfo:
    database: str  # "sqlite" | "postgresql"
    app_version: str
    schema_revision: str
    created_at: datetime
    key_version: int
    members: int
    bytes: int  # of the members, before encryption
    missing_attachments: tuple[int, ...]  # attachment ids whose file was not in the store


@dataclass(frozen=True)
class Header:
    database: int
    key_version: int
    envelope: bytes

    @property
    def raw(self) -> bytes:
        fixed = HEAD.pack(MAGIC, FORMAT, self.database, self.key_version, len(self.envelope))
        return fixed + self.envelope

    @property
    def stream_id(self) -> str:
        return "backoffice-backup|" + hashlib.sha256(self.raw).hexdigest()


def envelope(wrapped_slot: str | None, sealed_grant: bytes | None) -> bytes:
    if not wrapped_slot or not sealed_grant:
        return b"{}"
    data = {"recovery_slot": wrapped_slot, "recovery_grant": base64.b64encode(sealed_grant).decode()}
    return json.dumps(data).encode()


def read_header(src: IO[bytes]) -> Header:
    fixed = src.read(HEAD.size)
    if len(fixed) != HEAD.size or fixed[:8] != MAGIC:
        raise IntegrityError("这不是本系统的备份文件，或文件开头已损坏。")
    _, version, database, key_version, length = HEAD.unpack(fixed)
    data = src.read(length) if length <= MAX_ENVELOPE else b""
    if version != FORMAT or database not in DATABASES or len(data) != length:
        raise IntegrityError("备份文件头已损坏，或是更新版本的程序做的备份。未做任何写入。")
    return Header(database, key_version, data)


def archive_keyring(keyring: Keyring, version: int) -> Keyring:
    """A keyring whose only key is the backup purpose key of ``version`` (for security.files)."""
    if version not in keyring.keys:
        raise DomainError(
            "本系统没有备份所用的密钥版本 {version}：它可能已在密钥轮换后停用（请改用恢复码 "
            "--recovery-code），或者备份文件已损坏。",
            version=version,
        )
    return Keyring({version: keyring.purpose_key(PURPOSE, version)}, current_version=version)


def recovery_keyring(header: Header, code: str) -> Keyring:
    """The master key of the backup's key version, opened with the printed recovery code."""
    try:
        data = json.loads(header.envelope)
        wrapped = WrappedKey.from_text(data["recovery_slot"])
        sealed = base64.b64decode(data["recovery_grant"], validate=True)
    except (ValueError, KeyError, TypeError, KeyUnwrapError):
        raise IntegrityError("备份文件里没有可用的恢复码信息：请登录现有系统后再校验或恢复。") from None
    try:
        private = unwrap_key(wrapped, normalise_recovery_code(code), slot_aad(RECOVERY_OWNER, RECOVERY))
        master = open_sealed_key(sealed, private, grant_aad(RECOVERY_OWNER, header.key_version))
    except KeyUnwrapError:
        raise AuthenticationError("恢复码不正确，或不是做这份备份时的恢复码。") from None
    return Keyring({header.key_version: master}, current_version=header.key_version)


def _line(path: str, size: int, digest: str) -> bytes:
    return json.dumps([path, size, digest], separators=(",", ":")).encode() + b"\n"


def _records(members: Iterator[tuple[str, IO[bytes]]], meta: dict[str, Any]) -> Iterator[bytes]:
    """The plaintext: each member as it is read, then the manifest. Adds members and bytes to ``meta``."""
    count = total = 0
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as lines:
        for path, fh in members:
            size, digest, name = os.fstat(fh.fileno()).st_size, hashlib.sha256(), path.encode()
            yield b"M" + len(name).to_bytes(2, "big") + name + size.to_bytes(8, "big")
            left = size
            while left:
                data = fh.read(min(CHUNK, left))
                if not data:
                    raise DomainError("文件 {path} 在备份过程中变短了：请重新备份。", path=path)
                digest.update(data)
                left -= len(data)
                yield data
            lines.write(_line(path, size, digest.hexdigest()))
            count, total = count + 1, total + size
        meta.update(members=count, bytes=total)
        head = json.dumps(meta, ensure_ascii=False).encode() + b"\n"
        yield b"E" + (len(head) + lines.tell()).to_bytes(8, "big") + head
        lines.seek(0)
        while data := lines.read(CHUNK):
            yield data


def write_archive(
    dst: IO[bytes],
    header: Header,
    keyring: Keyring,
    members: Iterator[tuple[str, IO[bytes]]],
    meta: dict[str, Any],
) -> BackupInfo:
    """Write the whole archive to ``dst`` under ``keyring`` (see :func:`archive_keyring`); ``meta`` is
    everything in the manifest's first line but the counts."""
    dst.write(header.raw)
    chunks = _ChunkReader(_records(members, meta))
    encrypt_stream(keyring, chunks, dst, file_id=header.stream_id, segment_size=MAX_SEGMENT_SIZE)
    return _info(meta)


def _info(meta: dict[str, Any]) -> BackupInfo:
    return BackupInfo(
        str(meta["database"]),
        str(meta["app_version"]),
        str(meta["schema_revision"]),
        datetime.fromisoformat(str(meta["created_at"])),
        int(meta["key_version"]),
        int(meta["members"]),
        int(meta["bytes"]),
        tuple(int(i) for i in meta.get("missing_attachments", ())),
    )


def _exact(reader: _ChunkReader, size: int) -> bytes:
    parts, left = [], size
    while left:
        data = reader.read(left)
        if not data:
            raise ValueError("truncated")
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def _copy(reader: _ChunkReader, size: int, target: Path | None) -> str:
    """Pass ``size`` bytes to ``target`` (a new file) or nowhere; their SHA-256."""
    digest = hashlib.sha256()
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") if target is not None else contextlib.nullcontext() as out:
        left = size
        while left:
            data = reader.read(min(CHUNK, left))
            if not data:
                raise ValueError("truncated")
            digest.update(data)
            left -= len(data)
            if out is not None:
                out.write(data)
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    return digest.hexdigest()


class _Lines:
    """``readline`` over the next ``length`` bytes of a reader, never holding more than a chunk."""

    def __init__(self, reader: _ChunkReader, length: int) -> None:
        self._reader, self._left, self._buffer = reader, length, b""

    def readline(self) -> bytes:
        while b"\n" not in self._buffer and self._left:
            data = _exact(self._reader, min(CHUNK, self._left))
            self._left -= len(data)
            self._buffer += data
        line, sep, self._buffer = self._buffer.partition(b"\n")
        return line + sep


def damaged(member: str) -> IntegrityError:
    return IntegrityError(
        "备份文件校验失败，问题在 {member}：文件被篡改、截断或损坏。未做任何写入。", member=member
    )


def _check_manifest(manifest: _Lines, seen: IO[bytes], header: Header, count: int) -> BackupInfo:
    meta = json.loads(manifest.readline())
    expected = (FORMAT, DATABASES[header.database], header.key_version, count)
    if (meta.get("format"), meta.get("database"), meta.get("key_version"), meta.get("members")) != expected:
        raise ValueError("manifest")
    seen.seek(0)
    for line in iter(manifest.readline, b""):
        if seen.readline() != line:
            raise damaged(json.loads(line)[0])
    if seen.readline():
        raise ValueError("manifest")
    return _info(meta)


def read_archive(src: IO[bytes], header: Header, keyring: Keyring, into: Path | None) -> BackupInfo:
    """Decrypt (``keyring`` from :func:`archive_keyring`) and check every member against the manifest,
    writing the members below ``into`` if given.

    IntegrityError names the first bad member. Anything written is untrusted until this returns.
    """
    reader = _ChunkReader(decrypt_segments(keyring, src, file_id=header.stream_id))
    where, count = DB_MEMBERS[header.database], 0  # a bad segment is named by the member it begins in
    with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as seen:
        try:
            while (kind := _exact(reader, 1)) == b"M":
                path = _exact(reader, int.from_bytes(_exact(reader, 2), "big")).decode()
                if not _PATH.fullmatch(path) or (count == 0) != (path == DB_MEMBERS[header.database]):
                    raise ValueError("member path")
                where, size = path, int.from_bytes(_exact(reader, 8), "big")
                seen.write(_line(path, size, _copy(reader, size, into / path if into else None)))
                count += 1
            if kind != b"E":
                raise ValueError("record")
            where = _MANIFEST
            manifest = _Lines(reader, int.from_bytes(_exact(reader, 8), "big"))
            info = _check_manifest(manifest, seen, header, count)
            if reader.read(1):  # also lets the stream run its end-of-file checks
                raise ValueError("trailing data")
        except FileIntegrityError as exc:
            raise damaged(_HEADER if exc.reason in ("header", "unknown-key-version") else where) from None
        except (ValueError, KeyError, TypeError, IndexError):
            raise damaged(where) from None
    return info
