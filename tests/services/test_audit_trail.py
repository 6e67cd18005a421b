"""The audit chain in the database: every action recorded, tampering named by sequence number."""

from __future__ import annotations

import pytest
from conftest import make_user
from sqlalchemy import text

from backoffice.domain.errors import AuthenticationError
from backoffice.services import audit, auth

DROP_TRIGGERS = {
    "sqlite": ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"],
    "postgresql": ["DROP TRIGGER audit_log_no_change ON audit_log"],
}


@pytest.fixture
def auditor(bo, admin):
    make_user(admin, "aud", {"auditor"})
    make_user(admin, "clerk", {"clerk"})
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            auth.sign_in(bo, "clerk", "wrong-password")
    auth.sign_in(bo, "clerk", "clerk-pass-1")
    return auth.sign_in(bo, "aud", "aud-pass-1")


def tamper(bo, *statements: str) -> None:
    with bo.db.engine.begin() as conn:
        for stmt in DROP_TRIGGERS[bo.db.engine.dialect.name]:
            conn.execute(text(stmt))
        for stmt in statements:
            conn.execute(text(stmt))


def test_actions_and_failed_sign_ins_are_chained(bo, auditor) -> None:
    rows = list(reversed(audit.list_records(auditor)))
    actions = [(r.action, r.outcome) for r in rows]
    assert actions[:3] == [("system.initialise", "ok"), ("session.sign_in", "ok"), ("user.add", "ok")]
    assert actions.count(("session.sign_in", "failed")) == 2
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    result = audit.verify(auditor)
    assert result.ok and result.checked == len(rows)
    assert all("pass" not in r.reason for r in rows)


def test_the_app_cannot_update_or_delete_audit_rows(bo, auditor) -> None:
    with pytest.raises(Exception, match="append-only"), bo.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET outcome = 'ok' WHERE seq = 1"))
    with pytest.raises(Exception, match="append-only"), bo.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 1"))


def test_edited_record_is_named(bo, auditor) -> None:
    tamper(bo, "UPDATE audit_log SET username = 'someone' WHERE seq = 3")
    assert audit.verify(auditor).first_bad_seq == 3


def test_deleted_record_is_named(bo, auditor) -> None:
    tamper(bo, "DELETE FROM audit_log WHERE seq = 4")
    result = audit.verify(auditor)
    assert result.first_bad_seq == 4 and not result.ok


def test_deleted_tail_is_detected(bo, auditor) -> None:
    last = audit.list_records(auditor, limit=1)[0].seq
    tamper(bo, f"DELETE FROM audit_log WHERE seq = {last}")
    assert audit.verify(auditor).problem == "truncated"


def test_reordered_records_are_named(bo, auditor) -> None:
    tamper(
        bo,
        "UPDATE audit_log SET seq = -1 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = -1",
    )
    assert audit.verify(auditor).first_bad_seq == 2


def test_inserted_record_is_named(bo, auditor) -> None:
    tamper(
        bo,
        "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3",
        "UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1003",
        "INSERT INTO audit_log (seq, at, username, role, action, object_type, object_id, outcome, reason,"
        " key_version, mac) SELECT 3, at, username, role, 'user.unlock', object_type, object_id, outcome,"
        " reason, key_version, mac FROM audit_log WHERE seq = 2",
    )
    assert audit.verify(auditor).first_bad_seq == 3
