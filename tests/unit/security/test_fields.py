"""Field encryption: round trips, tamper and cell-binding refusal, key versions, no leaks in errors."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backoffice.domain.errors import IntegrityError
from backoffice.security.fields import (
    OVERHEAD,
    FieldCipher,
    FieldIntegrityError,
    cell_binding,
    key_version_of,
)
from backoffice.security.keys import Keyring, derive_purpose_key

CELL = {"table": "persons", "column": "id_number", "row_id": 42}
SECRET = "110101199003074514"

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
row_ids = st.one_of(st.integers(0, 2**63), st.uuids().map(str))


def make_keyring(*versions: int) -> Keyring:
    versions = versions or (1,)
    return Keyring({v: os.urandom(32) for v in versions}, current_version=max(versions))


@pytest.fixture(scope="module")
def cipher() -> FieldCipher:
    return FieldCipher(make_keyring(1))


@settings(max_examples=200)
@given(plaintext=st.text(), table=names, column=names, row_id=row_ids)
def test_round_trip(cipher: FieldCipher, plaintext: str, table: str, column: str, row_id: int | str) -> None:
    blob = cipher.encrypt(plaintext, table=table, column=column, row_id=row_id)
    assert len(blob) == OVERHEAD + len(plaintext.encode())
    assert cipher.decrypt(blob, table=table, column=column, row_id=row_id) == plaintext


def test_ciphertext_hides_plaintext_and_nonce_is_fresh(cipher: FieldCipher) -> None:
    first = cipher.encrypt(SECRET, **CELL)
    second = cipher.encrypt(SECRET, **CELL)
    assert first != second
    assert SECRET.encode() not in first
    assert first[6:18] != second[6:18]


def test_optional_keeps_none(cipher: FieldCipher) -> None:
    assert cipher.encrypt_optional(None, **CELL) is None
    assert cipher.decrypt_optional(None, **CELL) is None
    blob = cipher.encrypt_optional("", **CELL)
    assert blob is not None
    assert cipher.decrypt_optional(blob, **CELL) == ""


@settings(max_examples=300)
@given(plaintext=st.text(max_size=40), data=st.data())
def test_any_flipped_byte_is_refused(cipher: FieldCipher, plaintext: str, data: st.DataObject) -> None:
    blob = bytearray(cipher.encrypt(plaintext, **CELL))
    position = data.draw(st.integers(0, len(blob) - 1), label="position")
    blob[position] ^= data.draw(st.integers(1, 255), label="xor")
    with pytest.raises(FieldIntegrityError):
        cipher.decrypt(bytes(blob), **CELL)


@settings(max_examples=200)
@given(plaintext=st.text(max_size=40), data=st.data())
def test_truncated_or_extended_blob_is_refused(
    cipher: FieldCipher, plaintext: str, data: st.DataObject
) -> None:
    blob = cipher.encrypt(plaintext, **CELL)
    cut = data.draw(st.integers(0, len(blob) - 1), label="cut")
    with pytest.raises(FieldIntegrityError):
        cipher.decrypt(blob[:cut], **CELL)
    extra = data.draw(st.binary(min_size=1, max_size=32), label="extra")
    with pytest.raises(FieldIntegrityError):
        cipher.decrypt(blob + extra, **CELL)


@settings(max_examples=200)
@given(table=names, column=names, row_id=row_ids, other=st.data())
def test_other_cell_is_refused(
    cipher: FieldCipher, table: str, column: str, row_id: int | str, other: st.DataObject
) -> None:
    blob = cipher.encrypt("张三", table=table, column=column, row_id=row_id)
    target = {"table": table, "column": column, "row_id": row_id}
    which = other.draw(st.sampled_from(["table", "column", "row_id"]), label="which")
    replacement = other.draw(row_ids if which == "row_id" else names, label="replacement")
    assume(str(replacement) != str(target[which]))
    target[which] = replacement
    with pytest.raises(FieldIntegrityError):
        cipher.decrypt(blob, **target)


def test_binding_is_unambiguous() -> None:
    assert cell_binding("ab", "c", 1) != cell_binding("a", "bc", 1)
    assert cell_binding("a", "b", "1|2") != cell_binding("a", "b|1", 2)
    assert cell_binding("t", "c", 5) == cell_binding("t", "c", "5")


def test_int_and_str_row_id_bind_the_same_cell(cipher: FieldCipher) -> None:
    blob = cipher.encrypt(SECRET, table="t", column="c", row_id=7)
    assert cipher.decrypt(blob, table="t", column="c", row_id="7") == SECRET


@pytest.mark.parametrize("row_id", [True, 1.0, None, ""])
def test_bad_row_ids_are_programming_errors(cipher: FieldCipher, row_id: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        cipher.encrypt(SECRET, table="t", column="c", row_id=row_id)  # type: ignore[arg-type]


def test_error_names_the_cell_and_never_the_data(cipher: FieldCipher) -> None:
    blob = bytearray(cipher.encrypt(SECRET, **CELL))
    blob[-1] ^= 1
    with pytest.raises(FieldIntegrityError) as caught:
        cipher.decrypt(bytes(blob), **CELL)
    error = caught.value
    assert isinstance(error, IntegrityError)
    assert str(error) == "记录 persons.id_number #42 的加密数据校验失败：数据可能被篡改或损坏。"
    assert error.params == CELL
    assert error.reason == "tag"
    assert error.__cause__ is None and error.__suppress_context__
    assert SECRET not in repr(error) and SECRET not in str(error.args)


def test_unencodable_text_does_not_echo_it(cipher: FieldCipher) -> None:
    with pytest.raises(ValueError) as caught:
        cipher.encrypt("secret\ud800", **CELL)
    assert "secret" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_key_versions_and_rotation() -> None:
    keyring = make_keyring(1)
    cipher = FieldCipher(keyring)
    old = cipher.encrypt(SECRET, **CELL)
    assert key_version_of(old) == cipher.key_version_of(old) == 1
    assert not cipher.needs_reencryption(old)

    keyring.keys[2] = os.urandom(32)
    keyring.current_version = 2
    assert cipher.needs_reencryption(old)
    assert cipher.decrypt(old, **CELL) == SECRET  # old version still readable
    new = cipher.reencrypt(old, **CELL)
    assert key_version_of(new) == 2 and not cipher.needs_reencryption(new)
    assert cipher.decrypt(new, **CELL) == SECRET

    del keyring.keys[1]  # the old version retired
    with pytest.raises(FieldIntegrityError) as caught:
        cipher.decrypt(old, **CELL)
    assert caught.value.reason == "unknown-key-version"
    assert cipher.decrypt(new, **CELL) == SECRET


def test_same_version_with_another_master_key_is_refused() -> None:
    blob = FieldCipher(make_keyring(1)).encrypt(SECRET, **CELL)
    with pytest.raises(FieldIntegrityError):
        FieldCipher(make_keyring(1)).decrypt(blob, **CELL)


def test_cached_key_follows_a_replaced_master_key() -> None:
    keyring = make_keyring(1)
    cipher = FieldCipher(keyring)
    blob = cipher.encrypt(SECRET, **CELL)
    keyring.keys[1] = os.urandom(32)
    with pytest.raises(FieldIntegrityError):
        cipher.decrypt(blob, **CELL)


def test_key_version_of_refuses_foreign_data(cipher: FieldCipher) -> None:
    for junk in (b"", b"\x01\x01\x00\x00\x00\x01", b"\x02" + bytes(40), b"\x01\x02" + bytes(40)):
        with pytest.raises(ValueError):
            key_version_of(junk)
        assert cipher.needs_reencryption(junk)
        with pytest.raises(FieldIntegrityError):
            cipher.reencrypt(junk, **CELL)


def test_stored_values_from_the_database_may_be_memoryviews(cipher: FieldCipher) -> None:
    blob = cipher.encrypt(SECRET, **CELL)
    assert cipher.decrypt(memoryview(blob), **CELL) == SECRET  # type: ignore[arg-type]


def test_documented_format() -> None:
    """A blob built by hand from the module docstring decrypts: the documented layout is the real one."""
    keyring = Keyring({7: bytes(range(32))}, current_version=7)
    header = b"\x01\x01" + (7).to_bytes(4, "big")
    nonce = bytes(12)
    binding = b"backoffice-field|v1"
    for part in (b"persons", b"id_number", b"42"):
        binding += len(part).to_bytes(4, "big") + part
    key = derive_purpose_key(bytes(range(32)), "field-encryption")
    blob = header + nonce + AESGCM(key).encrypt(nonce, SECRET.encode(), header + binding)
    assert FieldCipher(keyring).decrypt(blob, **CELL) == SECRET
    assert FieldCipher(keyring).encrypt(SECRET, **CELL)[:6] == header


def test_repr_shows_no_key_material() -> None:
    keyring = make_keyring(1)
    text = repr(FieldCipher(keyring))
    assert keyring.keys[1].hex() not in text and repr(keyring.keys[1]) not in text
