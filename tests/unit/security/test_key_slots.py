"""Key slots: wrapping the master key under a password or recovery code."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.security.kdf import Argon2Params
from backoffice.security.keys import (
    Keyring,
    KeyUnwrapError,
    WrappedKey,
    derive_purpose_key,
    new_master_key,
    new_recovery_code,
    normalise_recovery_code,
    slot_aad,
    unwrap_master_key,
    wrap_master_key,
)

FAST = Argon2Params(memory_kib=1024, iterations=1, lanes=1)


@settings(max_examples=25, deadline=None)
@given(secret=st.text(min_size=1, max_size=40), version=st.integers(1, 1000), owner=st.text(max_size=20))
def test_round_trip(secret: str, version: int, owner: str) -> None:
    master = new_master_key()
    aad = slot_aad(version, owner, "password")
    wrapped = WrappedKey.from_text(wrap_master_key(master, secret, aad, FAST).to_text())
    assert unwrap_master_key(wrapped, secret, aad) == master


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_flipped_byte_is_refused(data: st.DataObject) -> None:
    master = new_master_key()
    aad = slot_aad(1, "user:alice", "password")
    wrapped = wrap_master_key(master, "pw-123456", aad, FAST)
    field = data.draw(st.sampled_from(["salt", "nonce", "ciphertext"]))
    raw = bytearray(getattr(wrapped, field))
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] ^= data.draw(st.integers(1, 255))
    tampered = WrappedKey(**{**wrapped.__dict__, field: bytes(raw)})
    with pytest.raises(KeyUnwrapError):
        unwrap_master_key(tampered, "pw-123456", aad)


def test_wrong_secret_and_other_slot_binding_are_refused() -> None:
    master = new_master_key()
    wrapped = wrap_master_key(master, "right-secret", slot_aad(1, "user:a", "password"), FAST)
    with pytest.raises(KeyUnwrapError):
        unwrap_master_key(wrapped, "wrong-secret", slot_aad(1, "user:a", "password"))
    # The same blob copied into another user's slot or another key version does not open.
    with pytest.raises(KeyUnwrapError):
        unwrap_master_key(wrapped, "right-secret", slot_aad(1, "user:b", "password"))
    with pytest.raises(KeyUnwrapError):
        unwrap_master_key(wrapped, "right-secret", slot_aad(2, "user:a", "password"))


def test_slot_text_has_no_key_material_and_bad_text_is_refused() -> None:
    master = new_master_key()
    text = wrap_master_key(master, "secret-pw", b"aad", FAST).to_text()
    assert master.hex() not in text
    with pytest.raises(KeyUnwrapError):
        WrappedKey.from_text("2$" + text)
    with pytest.raises(KeyUnwrapError):
        WrappedKey.from_text("garbage")


def test_recovery_code_format_and_normalisation() -> None:
    code = new_recovery_code()
    assert len(code) == 29 and code.count("-") == 5
    assert normalise_recovery_code(code.lower().replace("-", " ")) == code
    assert new_recovery_code() != code


def test_purpose_keys_differ_by_purpose_and_keyring_hides_keys() -> None:
    master = new_master_key()
    assert derive_purpose_key(master, "audit-chain") != derive_purpose_key(master, "field-encryption")
    ring = Keyring({1: master}, 1)
    assert ring.purpose_key("audit-chain") == derive_purpose_key(master, "audit-chain")
    assert master.hex() not in repr(ring)
