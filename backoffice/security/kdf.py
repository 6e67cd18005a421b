"""Argon2id parameters and derivation (cryptography's implementation)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# OWASP Password Storage Cheat Sheet: Argon2id with at least 19 MiB and t=2; we use the
# stronger RFC 9106 "second recommended" profile: 64 MiB, 3 passes, 4 lanes.
OWASP_MIN_MEMORY_KIB = 19 * 1024
OWASP_MIN_ITERATIONS = 2


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def encode(self) -> str:
        return f"m={self.memory_kib},t={self.iterations},p={self.lanes}"

    @classmethod
    def decode(cls, text: str) -> Argon2Params:
        parts = dict(item.split("=", 1) for item in text.split(","))
        return cls(int(parts["m"]), int(parts["t"]), int(parts["p"]))

    def at_least(self, other: Argon2Params) -> bool:
        return self.memory_kib >= other.memory_kib and self.iterations >= other.iterations


DEFAULT_PARAMS = Argon2Params()


def derive_key(secret: bytes, salt: bytes, params: Argon2Params, length: int = 32) -> bytes:
    """A key of ``length`` bytes from a secret (password or recovery code)."""
    return Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def new_salt() -> bytes:
    return os.urandom(16)
