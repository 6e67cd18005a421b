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
    grant_aad,
    new_key_pair,
    new_master_key,
    new_recovery_code,
    normalise_recovery_code,
    open_sealed_key,
    seal_key,
    slot_aad,
    unwrap_key,
    wrap_key,
)

FAST = Argon2Params(memory_kib=1024, iterations=1, lanes=1)


@settings(max_examples=25, deadline=None)
@given(secret=st.text(min_size=1, max_size=40), version=st.integers(1, 1000), owner=st.text(max_size=20))
def test_round_trip(secret: str, version: int, owner: str) -> None:
    """Password → slot private key → grant → master key."""
    master = new_master_key()
    private, public = new_key_pair()
    aad = slot_aad(owner, "password")
    wrapped = WrappedKey.from_text(wrap_key(private, secret, aad, FAST).to_text())
    sealed = seal_key(master, public, grant_aad(owner, version))
    opened_private = unwrap_key(wrapped, secret, aad)
    assert open_sealed_key(sealed, opened_private, grant_aad(owner, version)) == master


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_flipped_byte_is_refused(data: st.DataObject) -> None:
    master = new_master_key()
    aad = slot_aad("user:alice", "password")
    wrapped = wrap_key(master, "pw-123456", aad, FAST)
    field = data.draw(st.sampled_from(["salt", "nonce", "ciphertext"]))
    raw = bytearray(getattr(wrapped, field))
    index = data.draw(st.integers(0, len(raw) - 1))
    raw[index] ^= data.draw(st.integers(1, 255))
    tampered = WrappedKey(**{**wrapped.__dict__, field: bytes(raw)})
    with pytest.raises(KeyUnwrapError):
        unwrap_key(tampered, "pw-123456", aad)


def test_wrong_secret_and_other_slot_binding_are_refused() -> None:
    private, _ = new_key_pair()
    wrapped = wrap_key(private, "right-secret", slot_aad("user:a", "password"), FAST)
    with pytest.raises(KeyUnwrapError):
        unwrap_key(wrapped, "wrong-secret", slot_aad("user:a", "password"))
    # The same blob copied into another user's slot or another kind does not open.
    with pytest.raises(KeyUnwrapError):
        unwrap_key(wrapped, "right-secret", slot_aad("user:b", "password"))
    with pytest.raises(KeyUnwrapError):
        unwrap_key(wrapped, "right-secret", slot_aad("user:a", "recovery"))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_grants_refuse_any_flipped_byte_other_owner_version_or_key(data: st.DataObject) -> None:
    master = new_master_key()
    private, public = new_key_pair()
    sealed = seal_key(master, public, grant_aad("user:a", 1))
    raw = bytearray(sealed)
    raw[data.draw(st.integers(0, len(raw) - 1))] ^= data.draw(st.integers(1, 255))
    with pytest.raises(KeyUnwrapError):
        open_sealed_key(bytes(raw), private, grant_aad("user:a", 1))
    with pytest.raises(KeyUnwrapError):
        open_sealed_key(sealed, private, grant_aad("user:b", 1))
    with pytest.raises(KeyUnwrapError):
        open_sealed_key(sealed, private, grant_aad("user:a", 2))
    other_private, _ = new_key_pair()
    with pytest.raises(KeyUnwrapError):
        open_sealed_key(sealed, other_private, grant_aad("user:a", 1))
    with pytest.raises(KeyUnwrapError):
        open_sealed_key(sealed[:-1], private, grant_aad("user:a", 1))


def test_slot_text_has_no_key_material_and_bad_text_is_refused() -> None:
    master = new_master_key()
    text = wrap_key(master, "secret-pw", b"aad", FAST).to_text()
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
