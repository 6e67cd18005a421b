"""Segmented attachment encryption: round trips at every size, any tampering refused, bounded memory."""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import random
import threading
import time
import tracemalloc

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backoffice.domain.errors import IntegrityError
from backoffice.security.files import (
    HEADER_BYTES,
    SEGMENT_SIZE,
    TAG_BYTES,
    DecryptedInfo,
    EncryptedInfo,
    FileIntegrityError,
    decrypt_segments,
    decrypt_stream,
    encrypt_stream,
    key_version_of_file,
    reencrypt_stream,
    verify_stream,
)
from backoffice.security.keys import Keyring, derive_purpose_key

KEYRING = Keyring({1: os.urandom(32)}, current_version=1)
SEG = 64  # small segments keep the property tests fast and the files many segments long
FILE_ID = "att-0001"


def encrypt(data: bytes, *, file_id: str = FILE_ID, seg: int = SEG, keyring: Keyring = KEYRING) -> bytes:
    out = io.BytesIO()
    encrypt_stream(keyring, io.BytesIO(data), out, file_id=file_id, segment_size=seg)
    return out.getvalue()


def decrypt(
    blob: bytes, *, file_id: str = FILE_ID, keyring: Keyring = KEYRING, expected: str | None = None
) -> bytes:
    out = io.BytesIO()
    decrypt_stream(keyring, io.BytesIO(blob), out, file_id=file_id, expected_digest=expected)
    return out.getvalue()


def split(blob: bytes, seg: int = SEG) -> tuple[bytes, list[bytes]]:
    """Header and the list of stored segments (ciphertext + tag)."""
    body = blob[HEADER_BYTES:]
    step = seg + TAG_BYTES
    return blob[:HEADER_BYTES], [body[i : i + step] for i in range(0, len(body), step)]


def reference_digest(data: bytes, keyring: Keyring = KEYRING, version: int = 1) -> str:
    return hmac.new(keyring.purpose_key("attachment-digest", version), data, hashlib.sha256).hexdigest()


def refused(blob: bytes, *, file_id: str = FILE_ID) -> FileIntegrityError:
    with pytest.raises(FileIntegrityError) as caught:
        decrypt(blob, file_id=file_id)
    return caught.value


# ---------------------------------------------------------------------------------------------- round trips


@settings(max_examples=200)
@given(data=st.binary(max_size=1500), seg=st.sampled_from([16, 17, 64, 100, 1024]))
def test_round_trip(data: bytes, seg: int) -> None:
    blob = encrypt(data, seg=seg)
    segments = max(1, -(-len(data) // seg))
    assert len(blob) == HEADER_BYTES + len(data) + segments * TAG_BYTES
    assert decrypt(blob) == data


@pytest.mark.parametrize("size", [0, 1, SEG - 1, SEG, SEG + 1, 2 * SEG - 1, 2 * SEG, 2 * SEG + 1, 5 * SEG])
def test_round_trip_at_segment_boundaries(size: int) -> None:
    data = os.urandom(size)
    assert decrypt(encrypt(data)) == data


@pytest.mark.parametrize(
    "size",
    [0, 1, SEGMENT_SIZE - 1, SEGMENT_SIZE, SEGMENT_SIZE + 1, 2 * SEGMENT_SIZE - 1, 2 * SEGMENT_SIZE + 1],
)
def test_round_trip_with_default_segments(size: int) -> None:
    data = os.urandom(size)
    src, out = io.BytesIO(data), io.BytesIO()
    info = encrypt_stream(KEYRING, src, out, file_id=FILE_ID)
    assert info == EncryptedInfo(size, reference_digest(data), 1)
    back = io.BytesIO()
    assert decrypt_stream(KEYRING, io.BytesIO(out.getvalue()), back, file_id=FILE_ID) == DecryptedInfo(
        size, info.digest_hex, 1
    )
    assert back.getvalue() == data
    assert len(out.getvalue()) == HEADER_BYTES + size + max(1, -(-size // SEGMENT_SIZE)) * TAG_BYTES


def test_ciphertext_is_fresh_and_hides_the_plaintext() -> None:
    data = b"110101199003074514 " * 20
    first, second = encrypt(data), encrypt(data)
    assert first != second
    assert b"110101199003074514" not in first


class Trickle:
    """A source that hands out at most seven bytes per read, like a raw pipe."""

    def __init__(self, data: bytes) -> None:
        self._stream = io.BytesIO(data)

    def read(self, size: int = -1, /) -> bytes:
        return self._stream.read(min(size, 7) if size >= 0 else 7)


def test_short_reads_are_handled() -> None:
    data = os.urandom(5 * SEG + 3)
    out = io.BytesIO()
    encrypt_stream(KEYRING, Trickle(data), out, file_id=FILE_ID, segment_size=SEG)
    back = io.BytesIO()
    decrypt_stream(KEYRING, Trickle(out.getvalue()), back, file_id=FILE_ID)
    assert back.getvalue() == data


def test_decrypt_segments_yields_each_segment() -> None:
    data = os.urandom(3 * SEG + 5)
    chunks = list(decrypt_segments(KEYRING, io.BytesIO(encrypt(data)), file_id=FILE_ID))
    assert [len(c) for c in chunks] == [SEG, SEG, SEG, 5]
    assert b"".join(chunks) == data
    assert list(decrypt_segments(KEYRING, io.BytesIO(encrypt(b"")), file_id=FILE_ID)) == []


def test_verify_stream_and_expected_digest() -> None:
    data = os.urandom(3 * SEG)
    blob = encrypt(data)
    digest = reference_digest(data)
    verified = verify_stream(KEYRING, io.BytesIO(blob), file_id=FILE_ID, expected_digest=digest.upper())
    assert verified == DecryptedInfo(len(data), digest, 1)
    assert decrypt(blob, expected=digest) == data
    with pytest.raises(FileIntegrityError) as caught:
        decrypt(blob, expected=reference_digest(data + b"!"))
    assert caught.value.reason == "digest"
    assert str(caught.value) == f"附件 {FILE_ID} 的摘要与登记的不一致：文件可能被替换或损坏。"


def test_an_older_authentic_version_is_caught_by_the_digest() -> None:
    old, new = os.urandom(100), os.urandom(100)
    old_blob, new_digest = encrypt(old), reference_digest(new)
    with pytest.raises(FileIntegrityError):
        verify_stream(KEYRING, io.BytesIO(old_blob), file_id=FILE_ID, expected_digest=new_digest)


# ---------------------------------------------------------------------------------------------- tampering


@settings(max_examples=300)
@given(data=st.binary(max_size=300), choice=st.data())
def test_any_flipped_byte_is_refused(data: bytes, choice: st.DataObject) -> None:
    blob = bytearray(encrypt(data))
    position = choice.draw(st.integers(0, len(blob) - 1), label="position")
    blob[position] ^= choice.draw(st.integers(1, 255), label="xor")
    refused(bytes(blob))


@settings(max_examples=200)
@given(data=st.binary(max_size=300), choice=st.data())
def test_any_truncation_is_refused(data: bytes, choice: st.DataObject) -> None:
    blob = encrypt(data)
    refused(blob[: choice.draw(st.integers(0, len(blob) - 1), label="cut")])


@settings(max_examples=200)
@given(data=st.binary(max_size=300), extra=st.binary(min_size=1, max_size=200))
def test_appended_bytes_are_refused(data: bytes, extra: bytes) -> None:
    refused(encrypt(data) + extra)


@settings(max_examples=200)
@given(data=st.binary(max_size=300), other_id=st.text(min_size=1, max_size=20))
def test_another_file_id_is_refused(data: bytes, other_id: str) -> None:
    assume(other_id != FILE_ID)
    refused(encrypt(data), file_id=other_id)


@settings(max_examples=100)
@given(data=st.binary(min_size=2 * SEG + 1, max_size=8 * SEG), choice=st.data())
def test_reordered_segments_are_refused(data: bytes, choice: st.DataObject) -> None:
    header, segments = split(encrypt(data))
    i, j = choice.draw(st.lists(st.integers(0, len(segments) - 1), min_size=2, max_size=2, unique=True))
    assume(segments[i] != segments[j])
    segments[i], segments[j] = segments[j], segments[i]
    refused(header + b"".join(segments))


@settings(max_examples=100)
@given(data=st.binary(min_size=SEG + 1, max_size=8 * SEG), choice=st.data())
def test_dropped_or_duplicated_segments_are_refused(data: bytes, choice: st.DataObject) -> None:
    header, segments = split(encrypt(data))
    i = choice.draw(st.integers(0, len(segments) - 1), label="segment")
    refused(header + b"".join(segments[:i] + segments[i + 1 :]))
    refused(header + b"".join(segments[: i + 1] + segments[i:]))


def test_cut_at_a_segment_boundary_is_refused() -> None:
    header, segments = split(encrypt(os.urandom(4 * SEG)))
    error = refused(header + b"".join(segments[:3]))
    assert (error.reason, error.segment_index) == ("tag", 2)
    error = refused(header)
    assert (error.reason, error.segment_index) == ("truncated", 0)


def test_segments_from_another_file_are_refused() -> None:
    data = os.urandom(4 * SEG)
    header_a, segments_a = split(encrypt(data))
    _, segments_b = split(encrypt(data))  # same content, same id, another salt and nonce prefix
    refused(header_a + b"".join([segments_a[0], segments_b[1], *segments_a[2:]]))
    refused(header_a + b"".join(segments_b))
    refused(header_a + b"".join(segments_a) + segments_b[-1])
    _, segments_c = split(encrypt(data, file_id="att-0002"))
    refused(header_a + b"".join([*segments_a[:2], *segments_c[2:]]))


def test_error_names_the_file_and_segment_never_the_data() -> None:
    secret = b"110101199003074514" * 10
    blob = bytearray(encrypt(secret))
    blob[HEADER_BYTES + 2 * (SEG + TAG_BYTES) + 5] ^= 0x40  # inside segment index 2
    error = refused(bytes(blob))
    assert isinstance(error, IntegrityError)
    assert str(error) == f"附件 {FILE_ID} 的第 3 段加密数据校验失败：文件可能被篡改、截断或损坏。"
    assert (error.file_id, error.segment_index, error.reason) == (FILE_ID, 2, "tag")
    assert error.__cause__ is None and error.__suppress_context__
    assert not isinstance(error, InvalidTag)
    assert "110101199003074514" not in repr(error)


def test_segments_before_the_damage_are_delivered_then_the_error() -> None:
    header, segments = split(encrypt(os.urandom(4 * SEG)))
    chunks = decrypt_segments(KEYRING, io.BytesIO(header + b"".join(segments[:3])), file_id=FILE_ID)
    assert len(next(chunks)) == SEG
    assert len(next(chunks)) == SEG
    with pytest.raises(FileIntegrityError):
        next(chunks)


@pytest.mark.parametrize(
    ("offset", "value"),
    [(0, b"X"), (4, b"\x02"), (5, b"\x09"), (10, b"\x00\x00\x00\x00"), (10, b"\x7f\xff\xff\xff")],
)
def test_bad_header_fields_are_refused(offset: int, value: bytes) -> None:
    blob = bytearray(encrypt(os.urandom(100)))
    blob[offset : offset + len(value)] = value
    assert refused(bytes(blob)).reason == "header"


# Fixed pseudo-random junk: parameters must be identical in every pytest-xdist worker.
_JUNK = random.Random(7).randbytes(300)


@pytest.mark.parametrize(
    "junk", [b"", b"BOAE", _JUNK[:200], b"%PDF-1.7\n" + _JUNK[200:]], ids=["empty", "magic", "random", "pdf"]
)
def test_foreign_files_are_refused(junk: bytes) -> None:
    error = refused(junk)
    assert error.reason == "header" and error.segment_index is None
    assert "文件头" in str(error)
    with pytest.raises(ValueError):
        key_version_of_file(io.BytesIO(junk))


def test_a_changed_segment_size_is_refused() -> None:
    blob = bytearray(encrypt(os.urandom(300)))
    blob[10:14] = (32).to_bytes(4, "big")
    assert refused(bytes(blob)).segment_index == 0


# ---------------------------------------------------------------------------------------------- keys


def test_key_versions_and_rotation() -> None:
    keyring = Keyring({1: os.urandom(32)}, current_version=1)
    data = os.urandom(5 * SEG + 9)
    old = encrypt(data, keyring=keyring)
    assert key_version_of_file(io.BytesIO(old)) == 1
    keyring.keys[2] = os.urandom(32)
    keyring.current_version = 2
    assert decrypt(old, keyring=keyring) == data  # old version still readable

    out = io.BytesIO()
    old_digest = reference_digest(data, keyring, 1)
    info = reencrypt_stream(keyring, io.BytesIO(old), out, file_id=FILE_ID, expected_digest=old_digest)
    assert info == EncryptedInfo(len(data), reference_digest(data, keyring, 2), 2)
    new = out.getvalue()
    assert key_version_of_file(io.BytesIO(new)) == 2
    assert decrypt(new, keyring=keyring, expected=info.digest_hex) == data

    del keyring.keys[1]
    with pytest.raises(FileIntegrityError) as caught:
        decrypt(old, keyring=keyring)
    assert caught.value.reason == "unknown-key-version"


def test_reencrypt_refuses_a_damaged_source() -> None:
    blob = bytearray(encrypt(os.urandom(4 * SEG)))
    blob[-1] ^= 1
    with pytest.raises(FileIntegrityError):
        reencrypt_stream(KEYRING, io.BytesIO(bytes(blob)), io.BytesIO(), file_id=FILE_ID)
    with pytest.raises(FileIntegrityError):
        reencrypt_stream(
            KEYRING, io.BytesIO(encrypt(b"abc")), io.BytesIO(), file_id=FILE_ID, expected_digest="00" * 32
        )


def test_another_master_key_is_refused() -> None:
    blob = encrypt(os.urandom(100))
    with pytest.raises(FileIntegrityError):
        decrypt(blob, keyring=Keyring({1: os.urandom(32)}, current_version=1))


@pytest.mark.parametrize("seg", [0, 15, 1024 * 1024 + 1])
def test_segment_size_limits(seg: int) -> None:
    with pytest.raises(ValueError):
        encrypt(b"abc", seg=seg)


def test_file_id_is_required() -> None:
    with pytest.raises(ValueError):
        encrypt(b"abc", file_id="")


def test_documented_format() -> None:
    """A file built by hand from the module docstring decrypts: the documented layout is the real one."""
    master = bytes(range(32))
    keyring = Keyring({3: master}, current_version=3)
    salt, prefix = bytes(range(16)), b"\xaa" * 8
    header = b"BOAE\x01\x01" + (3).to_bytes(4, "big") + (16).to_bytes(4, "big") + salt + prefix
    file_key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=b"backoffice|attachment-file|" + FILE_ID.encode(),
    ).derive(derive_purpose_key(master, "attachment-encryption"))
    plaintext = b"0123456789abcdefXYZ"  # one full segment of 16 bytes, then 3 bytes
    body = b""
    for index, (chunk, last) in enumerate([(plaintext[:16], b"\x00"), (plaintext[16:], b"\x01")]):
        counter = index.to_bytes(4, "big")
        body += AESGCM(file_key).encrypt(prefix + counter, chunk, header + counter + last + FILE_ID.encode())
    out = io.BytesIO()
    info = decrypt_stream(keyring, io.BytesIO(header + body), out, file_id=FILE_ID)
    assert out.getvalue() == plaintext
    assert info == DecryptedInfo(19, reference_digest(plaintext, keyring, 3), 3)


# ---------------------------------------------------------------------------------------------- memory


class Generated:
    """``total`` pseudo-random bytes made on demand (never stored), with their reference digest."""

    def __init__(self, total: int, key: bytes) -> None:
        self._remaining = total
        self._random = random.Random(20260302)
        self.mac = hmac.new(key, digestmod=hashlib.sha256)

    def read(self, size: int = -1, /) -> bytes:
        size = self._remaining if size < 0 else min(size, self._remaining)
        data = self._random.randbytes(size)
        self._remaining -= size
        self.mac.update(data)
        return data


class Sink:
    def __init__(self, key: bytes) -> None:
        self.size = 0
        self.mac = hmac.new(key, digestmod=hashlib.sha256)

    def write(self, data: bytes, /) -> int:
        self.size += len(data)
        self.mac.update(data)
        return len(data)


def test_200_mb_stream_in_bounded_memory() -> None:
    total = 200 * 1024 * 1024
    digest_key = KEYRING.purpose_key("attachment-digest")
    source, sink = Generated(total, digest_key), Sink(digest_key)
    read_fd, write_fd = os.pipe()
    encrypted: list[EncryptedInfo | BaseException] = []

    def produce() -> None:
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                encrypted.append(encrypt_stream(KEYRING, source, pipe, file_id=FILE_ID))
        except BaseException as exc:  # reported by the main thread
            encrypted.append(exc)

    started = time.perf_counter()
    tracemalloc.start()
    try:
        producer = threading.Thread(target=produce)
        producer.start()
        with os.fdopen(read_fd, "rb") as pipe:
            decrypted = decrypt_stream(KEYRING, pipe, sink, file_id=FILE_ID)
        producer.join()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started

    assert isinstance(encrypted[0], EncryptedInfo), encrypted
    assert encrypted[0].size == decrypted.size == sink.size == total
    assert encrypted[0].digest_hex == decrypted.digest_hex == source.mac.hexdigest() == sink.mac.hexdigest()
    assert peak < 2 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    print(f"200 MB encrypted and decrypted in {elapsed:.1f} s, tracemalloc peak {peak / 1e6:.2f} MB")
