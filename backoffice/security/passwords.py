"""Password hashes as PHC strings (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``)."""

from __future__ import annotations

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from backoffice.security.kdf import DEFAULT_PARAMS, Argon2Params, new_salt


def hash_password(password: str, params: Argon2Params = DEFAULT_PARAMS) -> str:
    kdf = Argon2id(
        salt=new_salt(),
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def verify_password(password: str, phc: str) -> bool:
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), phc)
    except (InvalidKey, ValueError):
        return False
    return True


def params_of(phc: str) -> Argon2Params:
    """The parameters a stored hash was made with."""
    # $argon2id$v=19$m=65536,t=3,p=4$salt$hash
    fields = phc.split("$")
    return Argon2Params.decode(fields[3])


def needs_rehash(phc: str, wanted: Argon2Params = DEFAULT_PARAMS) -> bool:
    try:
        return params_of(phc) != wanted
    except (IndexError, KeyError, ValueError):
        return True
