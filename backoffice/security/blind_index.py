"""Blind indexes: exact search on encrypted columns without decrypting every row.

For a value of a given kind in ``<table>.<column>``::

    column key = HKDF-SHA256(master key of the version, info "backoffice|blind-index|<table>.<column>")
    mac        = HMAC-SHA256(column key, "backoffice-blind-index|v1|<kind>|" + normalised value, UTF-8)
    index      = first 4 bytes of mac as a signed big-endian integer, -2**31 <= index < 2**31

The index fits a 32-bit ``INTEGER`` column on SQLite and PostgreSQL. Each column has its own key, so the
same ID number gives unrelated indexes in two columns, and the keys are derived in memory, never stored:
without the master key nobody can compute the index of a guessed value.

Search: ``WHERE idx IN (search_indexes(...))`` gives candidates; decrypt each and keep those whose
``normalise(kind, plaintext)`` equals ``normalise(kind, query)``. With N rows of distinct values a lookup
returns on average N / 2**32 false candidates: 0.0002 at 1,000,000 rows, 0.002 at 10,000,000. The price of
any blind index is that equal values have equal indexes (a reader of the database sees which rows share
a value, not the value).

An index belongs to a key version; store the version with it. During key rotation rows carry indexes
of both versions, so :func:`search_indexes` returns one index per version in the keyring.

Normalisation is part of the format: changing it (here or in ``backoffice.domain.identity``) silently
breaks search on stored rows until they are re-indexed. ``test_blind_index.py`` pins known answers.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from typing import Final

from backoffice.domain.identity import normalize_bank_card, normalize_id_number, normalize_mobile
from backoffice.security.keys import Keyring

INDEX_BITS: Final = 32
_MESSAGE_PREFIX: Final = "backoffice-blind-index|v1|"
# Middle-dot variants typed in transliterated names (阿卜杜·热合曼), after NFKC, all to U+00B7.
_NAME_DOTS: Final = str.maketrans(dict.fromkeys("\u2022\u2027\u2219\u22c5\u30fb.", "\u00b7"))


class IndexKind(StrEnum):
    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    BANK_ACCOUNT = "bank_account"
    NAME = "name"


def _normalise_name(raw: str) -> str:
    """NFKC (full-width to ASCII), whitespace removed, middle dots unified, Latin letters case-folded."""
    return "".join(unicodedata.normalize("NFKC", raw).split()).translate(_NAME_DOTS).casefold()


_NORMALISERS: Final[dict[IndexKind, Callable[[str], str]]] = {
    IndexKind.ID_NUMBER: normalize_id_number,
    IndexKind.MOBILE: normalize_mobile,
    IndexKind.BANK_ACCOUNT: normalize_bank_card,
    IndexKind.NAME: _normalise_name,
}


def normalise(kind: IndexKind | str, value: str) -> str:
    """The form of ``value`` that is indexed and compared; formatting variants give the same string."""
    return _NORMALISERS[IndexKind(kind)](value)


def column_purpose(table: str, column: str) -> str:
    """The HKDF purpose label of a column's index key."""
    for name in (table, column):
        if not name or "." in name or "|" in name:
            raise ValueError("table and column names must be non-empty and contain no '.' or '|'")
    return f"blind-index|{table}.{column}"


def blind_index(
    keyring: Keyring,
    table: str,
    column: str,
    value: str,
    *,
    kind: IndexKind | str,
    version: int | None = None,
) -> int:
    """The index of ``value`` in ``table.column`` under a key version (default: current).

    ValueError if nothing is left after normalisation (store NULL instead; see :func:`blind_index_optional`).
    """
    kind = IndexKind(kind)
    normalised = normalise(kind, value)
    if not normalised:
        raise ValueError("nothing to index after normalisation")
    key = keyring.purpose_key(column_purpose(table, column), version)
    message = f"{_MESSAGE_PREFIX}{kind.value}|{normalised}".encode()
    mac = hmac.new(key, message, hashlib.sha256).digest()
    return int.from_bytes(mac[: INDEX_BITS // 8], "big", signed=True)


def blind_index_optional(
    keyring: Keyring,
    table: str,
    column: str,
    value: str | None,
    *,
    kind: IndexKind | str,
    version: int | None = None,
) -> int | None:
    """None for None or a value that normalises to nothing; otherwise as :func:`blind_index`."""
    if value is None or not normalise(kind, value):
        return None
    return blind_index(keyring, table, column, value, kind=kind, version=version)


def search_indexes(
    keyring: Keyring, table: str, column: str, value: str, *, kind: IndexKind | str
) -> tuple[int, ...]:
    """The indexes to look up: one per key version in the keyring, current first, no duplicates.

    Empty for a query that normalises to nothing (nothing can match it).
    """
    if not normalise(kind, value):
        return ()
    versions = [keyring.current_version, *sorted(v for v in keyring.keys if v != keyring.current_version)]
    found = (blind_index(keyring, table, column, value, kind=kind, version=v) for v in versions)
    return tuple(dict.fromkeys(found))
