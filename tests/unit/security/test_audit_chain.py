from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from backoffice.security.audit_chain import GENESIS, AuditEntry, mac_for, verify_chain

KEY = b"k" * 32


def chain(n: int) -> list[tuple[AuditEntry, bytes]]:
    rows, previous = [], GENESIS
    for i in range(1, n + 1):
        entry = AuditEntry(
            i,
            datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=i),
            "u",
            "admin",
            "user.add",
            "user",
            str(i),
            "ok",
            "",
            1,
        )
        mac = mac_for(KEY, previous, entry)
        rows.append((entry, mac))
        previous = mac
    return rows


def test_intact_chain_verifies() -> None:
    report = verify_chain(chain(5), {1: KEY})
    assert report.ok and report.checked == 5


def test_edit_delete_insert_reorder_are_named() -> None:
    rows = chain(6)
    edited = list(rows)
    edited[2] = (replace(rows[2][0], outcome="denied"), rows[2][1])
    assert verify_chain(edited, {1: KEY}).first_bad_seq == 3
    deleted = rows[:3] + rows[4:]
    assert verify_chain(deleted, {1: KEY}).first_bad_seq == 4
    reordered = [*rows[:1], rows[2], rows[1], *rows[3:]]
    assert verify_chain(reordered, {1: KEY}).first_bad_seq == 2
    fake = replace(rows[3][0], action="user.unlock")
    inserted = (
        rows[:3]
        + [(fake, mac_for(b"x" * 32, rows[2][1], fake))]
        + [(replace(e, seq=e.seq + 1), m) for e, m in rows[3:]]
    )
    assert verify_chain(inserted, {1: KEY}).first_bad_seq == 4


def test_wrong_key_or_unknown_version_fails_at_first_record() -> None:
    assert verify_chain(chain(2), {1: b"z" * 32}).first_bad_seq == 1
    assert verify_chain(chain(2), {2: KEY}).problem == "unknown-key"
