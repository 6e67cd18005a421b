"""The audit trail's HMAC chain.

Each record's MAC is HMAC-SHA256(key, previous MAC ‖ canonical record). The key is derived from the
master key and never stored. Editing, deleting, inserting or reordering records breaks the chain at
the first affected sequence number.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime

AUDIT_PURPOSE = "audit-chain"
GENESIS = b"\x00" * 32


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime  # UTC-aware
    username: str
    role: str
    action: str
    object_type: str
    object_id: str
    outcome: str
    reason: str
    key_version: int

    def canonical(self) -> bytes:
        data = asdict(self)
        data["at"] = self.at.isoformat(timespec="microseconds")
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def mac_for(key: bytes, previous: bytes, entry: AuditEntry) -> bytes:
    return hmac.new(key, previous + entry.canonical(), hashlib.sha256).digest()


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def verify_chain(rows: Iterable[tuple[AuditEntry, bytes]], key_for_version: dict[int, bytes]) -> ChainReport:
    """Check rows in sequence order; the first broken link names the bad sequence number."""
    previous = GENESIS
    expected_seq = 1
    checked = 0
    for entry, mac in rows:
        if entry.seq != expected_seq:
            bad = min(entry.seq, expected_seq)
            return ChainReport(checked, bad, "gap-or-reorder")
        key = key_for_version.get(entry.key_version)
        if key is None:
            return ChainReport(checked, entry.seq, "unknown-key")
        if not hmac.compare_digest(mac_for(key, previous, entry), mac):
            return ChainReport(checked, entry.seq, "mac")
        previous = mac
        expected_seq += 1
        checked += 1
    return ChainReport(checked, None, None)
