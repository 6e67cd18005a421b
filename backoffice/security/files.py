"""Segmented encryption of attachment files, streamed so that a file never sits whole in memory.

Stored format, version 1 (integers big-endian). A 38-byte header::

    offset  size  content
    0       4     magic b"BOAE"
    4       1     format version, 0x01
    5       1     algorithm id, 0x01 = AES-256-GCM segments under a per-file HKDF key
    6       4     key version (unsigned), selects the master key in the keyring
    10      4     segment size S: plaintext bytes per segment (default 65536)
    14      16    salt, random per file
    30      8     nonce prefix, random per file

then segments 0, 1, ..., n-1: each the AES-GCM ciphertext of S plaintext bytes followed by its 16-byte tag;
the last one holds the remaining 0..S bytes (0 only for an empty file). For segment i::

    file key  = HKDF-SHA256(ikm = purpose key "attachment-encryption" of the key version,
                            salt = header salt, info = "backoffice|attachment-file|" + file id)
    nonce     = nonce prefix (8) || i (4)
    AD        = header (38) || i (4) || last flag (1 byte: 1 for segment n-1, else 0) || file id (UTF-8)

A per-file key means nonces never repeat across files, however many files share a key version. Binding
the index and the last flag ("STREAM", Hoang et al. 2015) refuses reordered, dropped, duplicated or
appended segments and a file cut at a segment boundary; binding the file id and the header refuses a
file or a segment moved to another file id and any edited header field. Every failure raises
:class:`FileIntegrityError` naming the file id (and the segment), never the raw ``InvalidTag``.

The digest is HMAC-SHA256 of the plaintext under the purpose key "attachment-digest" of the same key
version, computed while streaming. Record it; passing it back as ``expected_digest`` also refuses an
older, authentic version of the same file put back in its place.

Callers:

- Encryption writes as it reads: write to a temporary name and rename when :func:`encrypt_stream`
  returns (the attachment store does this), so a crash never leaves a half file under the real name.
- Decryption writes each segment once it is authenticated, but truncation and the digest are only known
  at the end: treat the output as untrusted until the call returns, and discard it on an error
  (decrypt previews to memory or to a private temporary file removed after use).
- The file id appears in error messages: use the store's id, never an uploaded file name.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backoffice.domain.errors import IntegrityError
from backoffice.security.keys import Keyring

ENCRYPTION_PURPOSE: Final = "attachment-encryption"
DIGEST_PURPOSE: Final = "attachment-digest"
MAGIC: Final = b"BOAE"
FORMAT_VERSION: Final = 1
ALG_AES_256_GCM_SEGMENTS: Final = 1
HEADER_BYTES: Final = 38
SALT_BYTES: Final = 16
NONCE_PREFIX_BYTES: Final = 8
TAG_BYTES: Final = 16
SEGMENT_SIZE: Final = 64 * 1024
MIN_SEGMENT_SIZE: Final = 16
MAX_SEGMENT_SIZE: Final = 1024 * 1024
MAX_SEGMENTS: Final = 2**32


class Reader(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Writer(Protocol):
    def write(self, data: bytes, /) -> object: ...


class FileIntegrityError(IntegrityError):
    """An attachment failed its integrity check. ``reason`` is for logs: ``"header"``,
    ``"unknown-key-version"``, ``"tag"``, ``"truncated"``, ``"too-long"`` or ``"digest"``;
    ``segment_index`` is 0-based (None when the header or the whole file is at fault)."""

    def __init__(self, file_id: str, *, reason: str, segment_index: int | None = None) -> None:
        if segment_index is not None:
            message = "附件 {file_id} 的第 {segment} 段加密数据校验失败：文件可能被篡改、截断或损坏。"
            super().__init__(message, file_id=file_id, segment=segment_index + 1)
        elif reason == "digest":
            super().__init__("附件 {file_id} 的摘要与登记的不一致：文件可能被替换或损坏。", file_id=file_id)
        else:
            message = "附件 {file_id} 的文件头校验失败：文件可能被篡改、损坏，或不是本系统加密的附件。"
            super().__init__(message, file_id=file_id)
        self.file_id = file_id
        self.reason = reason
        self.segment_index = segment_index


@dataclass(frozen=True)
class EncryptedInfo:
    size: int  # plaintext bytes
    digest_hex: str  # HMAC-SHA256 of the plaintext, key "attachment-digest" of key_version
    key_version: int


@dataclass(frozen=True)
class DecryptedInfo:
    size: int
    digest_hex: str
    key_version: int


@dataclass(frozen=True)
class _Header:
    raw: bytes
    key_version: int
    segment_size: int
    salt: bytes
    nonce_prefix: bytes

    @classmethod
    def new(cls, key_version: int, segment_size: int) -> _Header:
        salt, prefix = os.urandom(SALT_BYTES), os.urandom(NONCE_PREFIX_BYTES)
        raw = b"".join(
            (
                MAGIC,
                bytes((FORMAT_VERSION, ALG_AES_256_GCM_SEGMENTS)),
                key_version.to_bytes(4, "big"),
                segment_size.to_bytes(4, "big"),
                salt,
                prefix,
            )
        )
        return cls(raw, key_version, segment_size, salt, prefix)

    @classmethod
    def parse(cls, raw: bytes) -> _Header | None:
        if len(raw) != HEADER_BYTES or raw[:4] != MAGIC:
            return None
        if raw[4] != FORMAT_VERSION or raw[5] != ALG_AES_256_GCM_SEGMENTS:
            return None
        segment_size = int.from_bytes(raw[10:14], "big")
        if not MIN_SEGMENT_SIZE <= segment_size <= MAX_SEGMENT_SIZE:
            return None
        return cls(raw, int.from_bytes(raw[6:10], "big"), segment_size, raw[14:30], raw[30:38])


class _SegmentCipher:
    """Nonce and associated data of each segment of one file, under that file's key."""

    def __init__(self, keyring: Keyring, header: _Header, file_id: str) -> None:
        file_key = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=header.salt,
            info=b"backoffice|attachment-file|" + file_id.encode("utf-8"),
        ).derive(keyring.purpose_key(ENCRYPTION_PURPOSE, header.key_version))
        self._aead = AESGCM(file_key)
        self._header = header
        self._file_id = file_id.encode("utf-8")

    def _nonce_and_ad(self, index: int, last: bool) -> tuple[bytes, bytes]:
        counter = index.to_bytes(4, "big")
        ad = b"".join((self._header.raw, counter, b"\x01" if last else b"\x00", self._file_id))
        return self._header.nonce_prefix + counter, ad

    def seal(self, index: int, last: bool, plaintext: bytes) -> bytes:
        nonce, ad = self._nonce_and_ad(index, last)
        return self._aead.encrypt(nonce, plaintext, ad)

    def open(self, index: int, last: bool, ciphertext: bytes) -> bytes:
        nonce, ad = self._nonce_and_ad(index, last)
        return self._aead.decrypt(nonce, ciphertext, ad)


def _read_exact(src: Reader, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the stream (raw streams may return short reads)."""
    parts: list[bytes] = []
    missing = size
    while missing > 0:
        data = src.read(missing)
        if not data:
            break
        parts.append(bytes(data))
        missing -= len(data)
    return b"".join(parts)


def _digester(keyring: Keyring, version: int) -> hmac.HMAC:
    return hmac.new(keyring.purpose_key(DIGEST_PURPOSE, version), digestmod=hashlib.sha256)


def _check_file_id(file_id: str) -> None:
    if not isinstance(file_id, str) or not file_id:
        raise ValueError("file_id must be a non-empty string")


def encrypt_stream(
    keyring: Keyring, src: Reader, dst: Writer, *, file_id: str, segment_size: int = SEGMENT_SIZE
) -> EncryptedInfo:
    """Encrypt ``src`` to ``dst`` under the current key version; two segments in memory at most."""
    _check_file_id(file_id)
    if not MIN_SEGMENT_SIZE <= segment_size <= MAX_SEGMENT_SIZE:
        raise ValueError("segment size out of range")
    version = keyring.current_version
    header = _Header.new(version, segment_size)
    cipher = _SegmentCipher(keyring, header, file_id)
    digest = _digester(keyring, version)
    dst.write(header.raw)
    size = 0
    current = _read_exact(src, segment_size)
    for index in range(MAX_SEGMENTS):
        following = _read_exact(src, segment_size) if len(current) == segment_size else b""
        last = not following
        digest.update(current)
        size += len(current)
        dst.write(cipher.seal(index, last, current))
        if last:
            return EncryptedInfo(size, digest.hexdigest(), version)
        current = following
    raise ValueError("file too large for the segment counter")


def _read_header(keyring: Keyring, src: Reader, file_id: str) -> _Header:
    header = _Header.parse(_read_exact(src, HEADER_BYTES))
    if header is None:
        raise FileIntegrityError(file_id, reason="header")
    if header.key_version not in keyring.keys:
        raise FileIntegrityError(file_id, reason="unknown-key-version")
    return header


def _decrypt(
    keyring: Keyring, src: Reader, file_id: str, expected_digest: str | None, result: list[DecryptedInfo]
) -> Iterator[bytes]:
    """Yield authenticated plaintext segments; append the summary to ``result`` once all is verified."""
    _check_file_id(file_id)
    header = _read_header(keyring, src, file_id)
    cipher = _SegmentCipher(keyring, header, file_id)
    digest = _digester(keyring, header.key_version)
    chunk_size = header.segment_size + TAG_BYTES
    size = 0
    current = _read_exact(src, chunk_size)
    for index in range(MAX_SEGMENTS):
        if len(current) < TAG_BYTES:
            raise FileIntegrityError(file_id, reason="truncated", segment_index=index)
        following = _read_exact(src, chunk_size) if len(current) == chunk_size else b""
        last = not following
        try:
            plaintext = cipher.open(index, last, current)
        except InvalidTag:
            raise FileIntegrityError(file_id, reason="tag", segment_index=index) from None
        digest.update(plaintext)
        size += len(plaintext)
        if plaintext:
            yield plaintext
        if last:
            break
        current = following
    else:
        raise FileIntegrityError(file_id, reason="too-long")
    digest_hex = digest.hexdigest()
    if expected_digest is not None and not hmac.compare_digest(
        digest_hex.encode(), expected_digest.lower().encode()
    ):
        raise FileIntegrityError(file_id, reason="digest")
    result.append(DecryptedInfo(size, digest_hex, header.key_version))


def decrypt_segments(
    keyring: Keyring, src: Reader, *, file_id: str, expected_digest: str | None = None
) -> Iterator[bytes]:
    """Yield the plaintext segment by segment, each authenticated before it is yielded.

    The file is only known complete (not truncated, digest as expected) when the iterator ends without
    FileIntegrityError: do not act on the data before that.
    """
    return _decrypt(keyring, src, file_id, expected_digest, [])


def decrypt_stream(
    keyring: Keyring, src: Reader, dst: Writer, *, file_id: str, expected_digest: str | None = None
) -> DecryptedInfo:
    """Decrypt ``src`` to ``dst``; FileIntegrityError if any part of it is not authentic."""
    result: list[DecryptedInfo] = []
    for plaintext in _decrypt(keyring, src, file_id, expected_digest, result):
        dst.write(plaintext)
    return result[0]


def verify_stream(
    keyring: Keyring, src: Reader, *, file_id: str, expected_digest: str | None = None
) -> DecryptedInfo:
    """Check a stored file completely without writing its plaintext anywhere."""
    result: list[DecryptedInfo] = []
    for _ in _decrypt(keyring, src, file_id, expected_digest, result):
        pass
    return result[0]


class _ChunkReader:
    """A ``read(size)`` view of an iterator of byte chunks (for re-encryption without a plaintext file)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def read(self, size: int = -1, /) -> bytes:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return b""
            self._pending = chunk
        if size < 0:
            size = len(self._pending)
        data, self._pending = self._pending[:size], self._pending[size:]
        return data


def reencrypt_stream(
    keyring: Keyring,
    src: Reader,
    dst: Writer,
    *,
    file_id: str,
    expected_digest: str | None = None,
    segment_size: int = SEGMENT_SIZE,
) -> EncryptedInfo:
    """Decrypt (any key version in the keyring) and encrypt again under the current one, in one pass.

    Raises FileIntegrityError before returning if the source is not authentic: ``dst`` must then be
    discarded (it is a temporary file, renamed over the old one only after success).
    """
    chunks = decrypt_segments(keyring, src, file_id=file_id, expected_digest=expected_digest)
    return encrypt_stream(keyring, _ChunkReader(chunks), dst, file_id=file_id, segment_size=segment_size)


def key_version_of_file(src: Reader) -> int:
    """The key version in a stored file's header (reads the header only); ValueError if not one of ours."""
    header = _Header.parse(_read_exact(src, HEADER_BYTES))
    if header is None:
        raise ValueError("not an encrypted attachment of a known format")
    return header.key_version
