from __future__ import annotations

from backoffice.security.kdf import DEFAULT_PARAMS, OWASP_MIN_ITERATIONS, OWASP_MIN_MEMORY_KIB, Argon2Params
from backoffice.security.passwords import hash_password, needs_rehash, params_of, verify_password


def test_default_parameters_meet_the_issue_and_owasp() -> None:
    # Issue 2: at or above 64 MiB and t = 3; OWASP minimum is 19 MiB, t = 2.
    assert DEFAULT_PARAMS.memory_kib >= 64 * 1024 and DEFAULT_PARAMS.iterations >= 3
    assert (
        DEFAULT_PARAMS.memory_kib >= OWASP_MIN_MEMORY_KIB
        and DEFAULT_PARAMS.iterations >= OWASP_MIN_ITERATIONS
    )


def test_hash_uses_the_defaults_and_verifies() -> None:
    phc = hash_password("correct horse")
    assert phc.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert params_of(phc) == DEFAULT_PARAMS
    assert verify_password("correct horse", phc)
    assert not verify_password("correct horsE", phc)
    assert not needs_rehash(phc)


def test_needs_rehash_when_parameters_change_or_hash_is_garbage() -> None:
    weak = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
    phc = hash_password("pw", weak)
    assert needs_rehash(phc, DEFAULT_PARAMS)
    assert not needs_rehash(phc, weak)
    assert needs_rehash("not a hash")
    assert not verify_password("pw", "not a hash")
